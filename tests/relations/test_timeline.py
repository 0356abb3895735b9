"""Timelines from stored claims: valid time, as-of, conflicts, modality, partners, export."""

from __future__ import annotations

from datetime import date

import pytest
from tests.relations.helpers import claim, store_claims

from diplograph.errors import ConfigError
from diplograph.relations.facets import end_of_period, parse_as_of
from diplograph.relations.timeline import as_of, iter_relation_values, partners, timeline

SPEC_KEYS = ["a", "b", "facet", "value", "valid_from", "valid_to", "claims", "conflicts"]


def value(db, a, b, day, facet="diplomatic_ties"):
    held = as_of(db, a, b, date.fromisoformat(day)).get(facet)
    return held.value if held else None


def test_year_and_month_hold_by_the_end_of_the_period():
    assert end_of_period("2009") == date(2009, 12, 31)
    assert end_of_period("2020-02") == date(2020, 2, 29)
    assert parse_as_of("2019-12") == date(2019, 12, 31)
    with pytest.raises(ConfigError):
        parse_as_of("31/12/2019")


def test_a_change_dated_by_year_holds_only_from_the_end_of_that_year(db):
    store_claims(
        db,
        [
            claim(
                "ISR",
                "QAT",
                "trade",
                "severed",
                "2009",
                asserted_on="2022-07",
                modality="historical",
            )
        ],
        article_id="a1",
        published="2022-07",
    )
    assert value(db, "ISR", "QAT", "2009-06-30", "trade") is None
    assert value(db, "QAT", "ISR", "2009-12-31", "trade") == "severed"
    assert value(db, "ISR", "QAT", "2024-01-01", "trade") == "severed"


def test_observed_state_answers_earlier_dates_but_a_change_does_not(db):
    store_claims(
        db,
        [
            claim("ISR", "MAR", "diplomatic_ties", "none", "2019-12", kind="state"),
            claim("ARE", "ISR", "diplomatic_ties", "full", "2020-09-15"),
        ],
        article_id="a1",
        published="2019-12",
    )
    assert value(db, "ISR", "MAR", "2019-06-30") == "none"
    assert value(db, "ARE", "ISR", "2020-05-31") is None
    assert value(db, "ARE", "ISR", "2020-09-15") == "full"


def test_later_historical_claim_changes_the_state_from_its_own_date(db):
    store_claims(
        db,
        [claim("ISR", "MAR", "diplomatic_ties", "none", "2019-12", kind="state")],
        article_id="a1",
        published="2019-12",
    )
    store_claims(
        db,
        [
            claim(
                "ISR",
                "MAR",
                "diplomatic_ties",
                "full",
                "2020",
                asserted_on="2022-07",
                modality="historical",
            )
        ],
        article_id="a2",
        published="2022-07",
    )
    assert value(db, "ISR", "MAR", "2019-12-31") == "none"
    assert value(db, "ISR", "MAR", "2021-12-31") == "full"
    (none, full) = timeline(db, "ISR", "MAR")["diplomatic_ties"]
    assert (none.valid_from, none.valid_to, full.valid_from, full.valid_to) == (
        "2019-12",
        "2020",
        "2020",
        None,
    )


def test_proposed_future_hypothetical_and_negated_claims_change_nothing(db):
    claims = [claim("ISR", "SAU", "diplomatic_ties", "none", "2022-07", kind="state")]
    claims += [
        claim("ISR", "SAU", "diplomatic_ties", "full", "2023-02", modality=m)
        for m in ("proposed", "future", "hypothetical", "negated")
    ]
    store_claims(db, claims, article_id="a1", published="2023-02")
    assert value(db, "ISR", "SAU", "2024-01-01") == "none"


def test_conflicting_claims_are_kept_and_the_better_supported_value_wins(db):
    none = claim("ISR", "MAR", "diplomatic_ties", "none", "2019-12", kind="state")
    store_claims(db, [none], article_id="a1", published="2019-12", outlet="one.example")
    store_claims(
        db,
        [claim("ISR", "MAR", "diplomatic_ties", "none", "2019-12", kind="state")],
        article_id="a2",
        published="2019-12",
        outlet="two.example",
    )
    store_claims(
        db,
        [
            claim(
                "ISR",
                "MAR",
                "diplomatic_ties",
                "informal",
                "2019-12",
                kind="state",
                text="quiet ties",
            )
        ],
        article_id="a3",
        published="2019-12",
    )
    held = as_of(db, "ISR", "MAR", date(2019, 12, 31))["diplomatic_ties"]
    assert held.value == "none"
    assert {c.article_id for c in held.claims} == {"a1", "a2"}
    assert [(c.article_id, c.value, c.text) for c in held.conflicts] == [
        ("a3", "informal", "quiet ties")
    ]


def test_partners_lists_every_partner_with_its_values(db):
    store_claims(
        db,
        [
            claim("ISR", "MAR", "diplomatic_ties", "full", "2020"),
            claim("EGY", "ISR", "peace_treaty", "signed", "1979"),
            claim("ARE", "QAT", "diplomatic_ties", "severed", "2017"),
        ],
        article_id="a1",
        published="2022-07",
    )
    got = partners(db, "ISR", date(2021, 6, 30))
    assert {p: {f: i.value for f, i in v.items()} for p, v in got.items()} == {
        "EGY": {"peace_treaty": "signed"},
        "MAR": {"diplomatic_ties": "full"},
    }


def test_export_objects_follow_spec_shape_and_order(db):
    store_claims(
        db,
        [
            claim("ISR", "TUR", "diplomatic_ties", "downgraded", "2018-05"),
            claim("ISR", "TUR", "diplomatic_ties", "full", "2022-08-17"),
            claim("EGY", "ISR", "peace_treaty", "signed", "1979"),
        ],
        article_id="a1",
        published="2022-08-17",
    )
    rows = list(iter_relation_values(db))
    assert rows == list(iter_relation_values(db))
    assert [list(r) for r in rows] == [SPEC_KEYS] * 3
    assert [(r["a"], r["b"], r["value"], r["valid_from"], r["valid_to"]) for r in rows] == [
        ("EGY", "ISR", "signed", "1979", None),
        ("ISR", "TUR", "downgraded", "2018-05", "2022-08-17"),
        ("ISR", "TUR", "full", "2022-08-17", None),
    ]
    assert list(rows[0]["claims"][0]) == ["article_id", "sentence", "asserted_on", "modality"]


def test_bad_codes_are_refused(db):
    with pytest.raises(ConfigError, match="three letters"):
        as_of(db, "ISR", "Morocco", date(2020, 1, 1))
    with pytest.raises(ConfigError, match="two different codes"):
        timeline(db, "ISR", "isr")


def test_a_later_agreement_does_not_undo_a_signed_normalisation(db):
    store_claims(
        db,
        [claim("ARE", "ISR", "normalization", "signed", "2020-09-15")],
        article_id="a1",
        published="2020-09-15",
    )
    store_claims(
        db,
        [claim("ARE", "ISR", "normalization", "agreed", "2020-12-10")],
        article_id="a2",
        published="2020-12-10",
    )
    assert value(db, "ARE", "ISR", "2021-06-30", "normalization") == "signed"
    assert len(timeline(db, "ARE", "ISR")["normalization"]) == 1


def test_an_undated_historical_claim_answers_no_date(db):
    store_claims(
        db,
        [
            claim("BHR", "ISR", "diplomatic_ties", "full", "2020-09"),
            claim(
                "BHR",
                "ISR",
                "diplomatic_ties",
                "none",
                None,
                modality="historical",
                asserted_on="2024-01",
            ),
        ],
        article_id="a1",
        published="2024-01",
    )
    assert value(db, "BHR", "ISR", "2024-06-30") == "full"
    assert value(db, "BHR", "ISR", "2020-01-31") is None


def test_as_of_rests_on_a_claim_already_made_by_that_date(db):
    store_claims(
        db,
        [claim("ISR", "MAR", "normalization", "agreed", "2020-12-10")],
        article_id="a1",
        published="2020-12-10",
    )
    store_claims(
        db,
        [claim("ISR", "MAR", "normalization", "agreed", "2020-12-10", asserted_on="2020-12-11")],
        article_id="a2",
        published="2020-12-11",
    )
    held = as_of(db, "ISR", "MAR", date(2020, 12, 10))["normalization"]
    assert [c.article_id for c in held.claims] == ["a1", "a2"]
    later = as_of(db, "ISR", "MAR", date(2021, 1, 1))["normalization"]
    assert [c.article_id for c in later.claims] == ["a2", "a1"]


def test_an_undated_article_answers_only_where_no_dated_claim_does(db):
    store_claims(db, [claim("ISR", "MAR", "diplomatic_ties", "none", None, kind="state")],
                 article_id="undated", published=None)  # fmt: skip
    # Nothing dated: the undated observation answers at any date.
    assert value(db, "ISR", "MAR", "2019-12-31") == "none"
    store_claims(db, [claim("ISR", "MAR", "diplomatic_ties", "full", "2020",
                            modality="historical", asserted_on="2022-07")],
                 article_id="dated", published="2022-07")  # fmt: skip
    # A dated change takes over from its own date; the undated value holds before it.
    assert value(db, "ISR", "MAR", "2019-12-31") == "none"
    assert value(db, "ISR", "MAR", "2021-06-30") == "full"
    [before, after] = timeline(db, "ISR", "MAR")["diplomatic_ties"]
    assert before.holds_to == after.holds_from == date(2020, 12, 31)


def test_undated_proposals_still_change_nothing(db):
    store_claims(db, [claim("ISR", "SAU", "normalization", "agreed", None, modality="proposed")],
                 article_id="undated", published=None)  # fmt: skip
    assert value(db, "ISR", "SAU", "2024-01-01", "normalization") is None


def test_an_observed_state_within_a_downgrade_or_a_rupture_is_no_change(db):
    store_claims(
        db,
        [
            claim("ISR", "TUR", "diplomatic_ties", "downgraded", "2018", modality="historical",
                  asserted_on="2022-03"),
            claim("ISR", "TUR", "diplomatic_ties", "full", "2022-03", kind="state"),
            claim("IRN", "SAU", "diplomatic_ties", "severed", "2016", modality="historical",
                  asserted_on="2021-04"),
            claim("IRN", "SAU", "diplomatic_ties", "none", "2021-04", kind="state"),
            claim("EGY", "TUR", "diplomatic_ties", "downgraded", "2013", modality="historical",
                  asserted_on="2023-07"),
            claim("EGY", "TUR", "diplomatic_ties", "full", "2023-07"),  # a change: restored
        ],
        article_id="w1",
        published="2023-07",
    )  # fmt: skip
    assert value(db, "ISR", "TUR", "2022-03-31") == "downgraded"
    assert value(db, "IRN", "SAU", "2021-04-30") == "severed"
    assert value(db, "EGY", "TUR", "2023-07-31") == "full"
