"""Named agreements and the facets of stative sentences: who, what value, and from when."""

from __future__ import annotations

from datetime import date

from tests.relations.helpers import claim, make_article, make_event, store_claims

from diplograph.relations.claims import extract_claims
from diplograph.relations.timeline import as_of


def facts(text, *, published, coref=None):
    """(a, b, facet, value, valid_from, modality) of every claim, sorted."""
    article = make_article(text, published=published, coref=coref)
    return sorted((c.a, c.b, c.facet, c.value, c.valid_from, c.modality)
                  for c in extract_claims(article))  # fmt: skip


def test_an_accord_mention_dates_its_named_parties_from_the_signing():
    got = facts(
        "Bahrain marked the anniversary with Israel. Both are parties to the "
        "Abraham Accords, which Morocco joined later.",
        published="2022-12-04",
    )
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


def test_the_gulf_declaration_sets_only_what_each_state_did_on_its_date():
    got = facts("Qatar, Egypt and Saudi Arabia welcomed the Al-Ula declaration.",
                published="2021-01-06")  # fmt: skip
    have = {(a, b, f, v) for a, b, f, v, _, _ in got}
    assert {("QAT", "SAU", "airspace", "open"), ("QAT", "SAU", "trade", "open"),
            ("QAT", "SAU", "diplomatic_ties", "full")} <= have  # fmt: skip
    assert ("EGY", "QAT", "diplomatic_ties", "full") not in have  # Egypt's came on Jan 20
    assert ("EGY", "QAT", "airspace", "open") not in have  # reopened later, left to the texts


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


def test_a_company_or_protesters_never_borrow_the_previous_sentences_state():
    previous = "Qatar hosted a trade fair last week."
    company = facts(previous + " The company severed trade ties with Israel in 2009.",
                    published="2022-07")  # fmt: skip
    protest = facts(previous + " Protesters severed their trade ties with Israel.",
                    published="2022-07")  # fmt: skip
    state = facts(previous + " The Gulf state severed trade ties with Israel in 2009.",
                  published="2022-07")  # fmt: skip
    assert company == [] and protest == []
    assert state == [("ISR", "QAT", "trade", "severed", "2009", "historical")]


def test_demands_and_proposals_never_change_a_state():
    got = facts("Oman hosted the talks. Protesters demanded it sever trade ties with Israel. "
                "Lawmakers in Jordan proposed that it should recall its ambassador from Israel.",
                published="2022-07")  # fmt: skip
    assert got and all(m not in ("asserted", "historical") for *_, m in got)


def test_an_undated_rupture_in_a_restoration_article_is_background(db):
    text = (
        "Iran and Saudi Arabia agreed on Friday to restore diplomatic relations. "
        "Saudi Arabia broke off relations with Iran after its embassy was stormed."
    )
    article = make_article(text, published="2023-03-10")
    claims = extract_claims(article)
    rupture = [c for c in claims if c.value == "severed"]
    assert rupture and all(c.valid_from is None and c.modality == "historical" for c in rupture)
    old = claim("IRN", "SAU", "diplomatic_ties", "severed", "2016", modality="historical",
                asserted_on="2022-05")  # fmt: skip
    store_claims(db, [old], article_id="old", published="2022-05")
    store_claims(db, claims, article_id=article.id, published="2023-03-10")
    assert as_of(db, "IRN", "SAU", date(2020, 1, 1))["diplomatic_ties"].value == "severed"
    now = as_of(db, "IRN", "SAU", date(2023, 3, 10))["diplomatic_ties"]
    assert now.value == "full" and not now.conflicts


def test_restorations_in_nominal_and_embassy_wording_give_full_ties():
    got = facts("Saudi Arabia and Iran announced the resumption of diplomatic relations. "
                "Qatar and Egypt agreed to reopen their embassies. "
                "Bahrain's new ambassador arrived in Doha on Monday.",
                published="2023-04-12", coref={"Doha": "QAT"})  # fmt: skip
    have = {(a, b, f, v, m) for a, b, f, v, _, m in got}
    assert {("IRN", "SAU", "diplomatic_ties", "full", "asserted"),
            ("EGY", "QAT", "diplomatic_ties", "full", "asserted"),
            ("BHR", "QAT", "diplomatic_ties", "full", "asserted")} <= have  # fmt: skip


def test_co_actors_of_a_strike_cooperate_but_foes_exchanging_fire_do_not():
    joint = "Egypt and Jordan struck targets in Sudan on Monday."
    foes = "Egypt and Jordan exchanged strikes on Monday."
    with_target = make_article(
        joint,
        published="2024-01-12",
        events=[make_event(joint, "ASSAULT", ["EGY", "JOR"], ["SDN"])],
    )
    mutual = make_article(
        foes, published="2024-01-12", events=[make_event(foes, "ASSAULT", ["EGY", "JOR"], [])]
    )
    got = {(c.a, c.b, c.facet) for c in extract_claims(with_target)}
    assert ("EGY", "JOR", "security_cooperation") in got
    assert ("EGY", "SDN", "security_cooperation") not in got
    assert not [c for c in extract_claims(mutual) if c.facet == "security_cooperation"]


def test_security_backing_and_help_against_an_attack_are_cooperation():
    backer = facts("The United States, Israel's main military backer, said it would help.",
                   published="2024-11-26")  # fmt: skip
    helped = facts("The United States and Jordan helped Israel intercept most of the drones.",
                   published="2024-04-14")  # fmt: skip
    assert backer == [("ISR", "USA", "security_cooperation", "active", "2024-11-26", "asserted")]
    assert {(a, b) for a, b, f, *_ in helped if f == "security_cooperation"} == {
        ("ISR", "JOR"), ("ISR", "USA")}  # fmt: skip


def test_resumed_missions_restore_ties_and_missing_ambassadors_downgrade_them():
    got = facts("Saudi Arabia and Syria resumed the work of their diplomatic missions. "
                "Israel and Turkey have had no ambassadors since 2018.",
                published="2023-05-09")  # fmt: skip
    assert ("SAU", "SYR", "diplomatic_ties", "full", "2023-05-09", "asserted") in got
    assert ("ISR", "TUR", "diplomatic_ties", "downgraded", "2018", "historical") in got


def test_an_envoy_coming_home_is_not_a_restoration():
    home = facts("Bahrain's ambassador to Israel had returned to Manama, the government said.",
                 published="2023-11-02", coref={"Manama": "BHR"})  # fmt: skip
    post = facts("Bahrain's new ambassador arrived in Israel on Monday.", published="2021-09")
    assert not [f for f in home if f[3] == "full"]
    assert ("BHR", "ISR", "diplomatic_ties", "full", "2021-09", "asserted") in post


def test_a_trip_made_to_open_an_embassy_opened_it():
    got = facts("Israel's foreign minister flew to Manama in September to open an embassy "
                "in Bahrain.", published="2021-10-05", coref={"Manama": "BHR"})  # fmt: skip
    hope = facts("Israel hopes to open an embassy in Bahrain.", published="2021-10-05")
    assert ("BHR", "ISR", "diplomatic_ties", "full", "2021-09", "asserted") in got
    assert hope and all(m == "proposed" for *_, m in hope)


def test_an_envoy_set_to_return_to_post_and_a_hosted_base_are_ties_and_cooperation():
    back = facts("The UAE said its ambassador to Iran would return to Tehran this week.",
                 published="2022-08-21", coref={"Tehran": "IRN"})  # fmt: skip
    base = facts("Qatar, which hosts the largest United States military base in the region, "
                 "mediated.", published="2023-11-22")  # fmt: skip
    assert ("ARE", "IRN", "diplomatic_ties", "full", "2022-08-21", "asserted") in back
    assert base == [("QAT", "USA", "security_cooperation", "active", "2023-11-22", "asserted")]


def test_cut_travel_ties_close_the_airspace_and_an_air_blockade_too():
    links = facts("Saudi Arabia and Egypt cut diplomatic, trade and travel ties with Qatar in "
                  "2017.", published="2021-01-05")  # fmt: skip
    blockade = facts("Bahrain imposed a land, sea and air blockade on Qatar in June 2017.",
                     published="2021-01-05")  # fmt: skip
    closed = {(a, b) for a, b, f, v, *_ in links if (f, v) == ("airspace", "closed")}
    assert closed == {("EGY", "QAT"), ("QAT", "SAU")}
    assert ("BHR", "QAT", "airspace", "closed", "2017-06", "historical") in blockade
