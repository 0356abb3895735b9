"""Named agreements and the facets of stative sentences: who, what value, and from when."""

from __future__ import annotations

from datetime import date

from tests.relations.helpers import claim, make_article, store_claims

from diplograph.relations.claims import extract_claims
from diplograph.relations.timeline import as_of


def facts(text, *, published, coref=None):
    """(a, b, facet, value, valid_from, modality) of every claim, sorted."""
    article = make_article(text, published=published, coref=coref)
    return sorted((c.a, c.b, c.facet, c.value, c.valid_from, c.modality)
                  for c in extract_claims(article))  # fmt: skip


def test_an_accord_mention_dates_its_named_parties_from_the_signing():
    got = facts("Bahrain marked the anniversary with Israel. Both are parties to the "
                "Abraham Accords, which Morocco joined later.", published="2022-12-04")
    assert ("BHR", "ISR", "normalization", "signed", "2020-09-15", "historical") in got
    assert ("BHR", "ISR", "diplomatic_ties", "full", "2020-09-15", "historical") in got
    # a party the article does not name gets nothing; a named joiner gets its own date
    assert not any(a == "ARE" for a, *_ in got)
    assert ("ISR", "MAR", "normalization", "signed", "2020-12-22", "historical") in got


def test_an_accord_signed_after_publication_sets_nothing():
    got = facts("Israel and the UAE will sign the Abraham Accords next month.",
                published="2020-08-20")  # fmt: skip
    assert not any(v == "signed" and m in ("asserted", "historical")
                   for _, _, _, v, _, m in got)  # fmt: skip


def test_a_treaty_named_by_its_year_sets_peace_and_later_full_ties():
    got = facts("Jordan, bound to Israel by the 1994 peace deal, protested.", published="2023-01")
    assert ("ISR", "JOR", "peace_treaty", "signed", "1994-10-26", "historical") in got
    assert ("ISR", "JOR", "diplomatic_ties", "full", "1994-11-27", "historical") in got


def test_the_gulf_declaration_opens_trade_and_airspace_for_each_boycotting_state():
    got = facts("Qatar, Egypt and Saudi Arabia welcomed the Al-Ula declaration.",
                published="2021-01-06")  # fmt: skip
    have = {(a, b, f, v) for a, b, f, v, _, _ in got}
    assert {("EGY", "QAT", "airspace", "open"), ("QAT", "SAU", "trade", "open"),
            ("QAT", "SAU", "diplomatic_ties", "full")} <= have  # fmt: skip
    assert ("EGY", "QAT", "diplomatic_ties", "full") not in have  # Egypt's came on Jan 20


def test_pulling_an_ambassador_downgrades_ties_from_the_month_given():
    got = facts("Last summer Morocco pulled its ambassador from Jordan in July over a "
                "quarrel.", published="2021-08-24")  # fmt: skip
    assert ("JOR", "MAR", "diplomatic_ties", "downgraded", "2021-07", "asserted") in got


def test_joint_strikes_make_security_cooperation_but_not_for_supporters():
    got = facts("The United States and Britain, with support from Bahrain and Jordan, "
                "conducted strikes in Iran.", published="2024-01-12")  # fmt: skip
    pairs = {(a, b) for a, b, f, *_ in got if f == "security_cooperation"}
    assert pairs == {("GBR", "USA")}


def test_years_ago_and_years_after_count_back_from_publication():
    got = facts("The trip comes more than two years after Israel and Bahrain normalized "
                "relations.", published="2022-12-04")  # fmt: skip
    assert ("BHR", "ISR", "normalization", "signed", "2020", "historical") in got


def test_the_month_may_is_not_the_modal_may():
    got = facts("In May 2022, Israel appointed its ambassador to Jordan.", published="2023-02")
    assert ("ISR", "JOR", "diplomatic_ties", "full", "2022-05", "asserted") in got


def test_a_series_start_does_not_date_the_latest_member():
    got = facts("Morocco is the fourth Arab country since August to agree to normalise "
                "relations with Israel.", published="2020-12-10")  # fmt: skip
    assert ("ISR", "MAR", "normalization", "agreed", "2020-12-10", "asserted") in got


def test_ended_security_cooperation_closes_the_interval(db):
    text = "Turkey suspended military cooperation with Israel in 2011."
    got = facts(text, published="2020-01")
    assert ("ISR", "TUR", "security_cooperation", "ended", "2011", "historical") in got
    store_claims(db, [claim("ISR", "TUR", "security_cooperation", "active", "2005",
                            modality="historical", asserted_on="2020-01"),
                      claim("ISR", "TUR", "security_cooperation", "ended", "2011",
                            modality="historical", asserted_on="2020-01")],
                 article_id="t1", published="2020-01")  # fmt: skip
    held = as_of(db, "ISR", "TUR", date(2008, 1, 1))["security_cooperation"]
    assert held.value == "active" and held.valid_to == "2011"
    assert "security_cooperation" not in as_of(db, "ISR", "TUR", date(2015, 1, 1))
