"""Who a matched sentence is about: asides, coordination, followers, collectives, dates."""

from __future__ import annotations

from tests.relations.helpers import make_article, make_event

from diplograph.relations.claims import extract_claims


def facts(article):
    """(a, b, facet, value, valid_from, modality) of every claim, sorted."""
    return sorted(
        (c.a, c.b, c.facet, c.value, c.valid_from, c.modality) for c in extract_claims(article)
    )


def test_aside_after_the_subject_is_skipped():
    text = (
        "Bahrain, home to the United States Navy's Fifth Fleet, normalised relations with "
        "Israel in 2020."
    )
    got = facts(make_article(text, published="2023-11-02"))
    # the aside says something of its own (a hosted fleet), never about the normalisation
    assert {(a, b) for a, b, f, *_ in got if f != "security_cooperation"} == {("BHR", "ISR")}
    assert {(a, b) for a, b, f, *_ in got if f == "security_cooperation"} == {("BHR", "USA")}


def test_relative_clauses_inside_a_list_of_subjects():
    text = (
        "Until Thursday, Egypt, which made peace with Israel in 1979, and Jordan, which signed a "
        "treaty in 1994, were the only Arab states with diplomatic ties with Israel."
    )
    got = {
        (a, b, f, v, when)
        for a, b, f, v, when, _ in facts(make_article(text, published="2020-08-13"))
    }
    assert ("EGY", "ISR", "peace_treaty", "signed", "1979") in got
    assert {(a, b) for a, b, f, v, _ in got if (f, v) == ("diplomatic_ties", "full")} == {
        ("EGY", "ISR"),
        ("ISR", "JOR"),
    }


def test_second_verb_shares_the_object_of_the_first():
    text = "Bahrain has recalled its ambassador from Israel and suspended economic ties."
    got = {(a, b, f, v) for a, b, f, v, _, _ in facts(make_article(text))}
    assert got == {
        ("BHR", "ISR", "diplomatic_ties", "downgraded"),
        ("BHR", "ISR", "trade", "suspended"),
    }


def test_states_named_after_the_object_did_the_same_and_ordinal_is_a_fact():
    text = (
        "Morocco becomes the fourth Arab country this year to agree to normalise relations with "
        "Israel, after the United Arab Emirates, Bahrain and Sudan."
    )
    got = facts(make_article(text, published="2020-12-10"))
    assert {(a, b) for a, b, *_ in got} == {
        ("ARE", "ISR"),
        ("BHR", "ISR"),
        ("ISR", "MAR"),
        ("ISR", "SDN"),
    }
    assert {(f, v, m) for _, _, f, v, _, m in got} == {("normalization", "agreed", "asserted")}


def test_state_held_until_now_is_placed_before_the_article():
    text = (
        "The ceremony was attended by the foreign ministers of the UAE and Bahrain. "
        "Neither Gulf state had formal diplomatic ties with Israel before this summer."
    )
    got = facts(make_article(text, published="2020-09-15"))
    assert got == [
        ("ARE", "ISR", "diplomatic_ties", "none", "2020-09-14", "asserted"),
        ("BHR", "ISR", "diplomatic_ties", "none", "2020-09-14", "asserted"),
    ]


def test_bare_month_is_the_latest_such_month_before_publication():
    article = make_article(
        "Turkey recalled its ambassador from Israel in November.", published="2024-05-02"
    )
    assert facts(article) == [
        ("ISR", "TUR", "diplomatic_ties", "downgraded", "2023-11", "asserted")
    ]


def test_decade_dates_a_past_state():
    text = "The kingdom maintained a liaison office in Israel in the 1990s but shut it in 2000."
    article = make_article(text, published="2020-12-10", coref={"The kingdom": "MAR"})
    assert facts(article) == [
        ("ISR", "MAR", "diplomatic_ties", "informal", "1990", "historical"),
        ("ISR", "MAR", "diplomatic_ties", "none", "2000", "historical"),  # "shut it in 2000"
    ]


def test_announced_decision_in_reported_speech_is_asserted_but_unlikely_is_not():
    announced = make_article(
        "Israel and Turkey announced on Wednesday that they would restore full diplomatic "
        "relations."
    )
    unlikely = make_article(
        "Analysts said Bahrain was unlikely to cut ties with Israel altogether."
    )
    assert [m for *_, m in facts(announced)] == ["asserted"]
    assert [m for *_, m in facts(unlikely)] in (["hypothetical"], ["proposed"])


def test_trade_ties_cut_do_not_sever_diplomatic_ties():
    got = facts(
        make_article("Trade ties between Egypt and Qatar were cut in 2017.", published="2021")
    )
    assert {f for _, _, f, *_ in got} == {"trade"}


def test_list_cut_of_diplomatic_and_trade_ties():
    text = "Egypt and Bahrain cut diplomatic, trade and travel ties with Qatar in 2017."
    got = {(a, b, f, v) for a, b, f, v, _, _ in facts(make_article(text, published="2021"))}
    assert got == {
        ("BHR", "QAT", "diplomatic_ties", "severed"),
        ("BHR", "QAT", "trade", "severed"),
        ("EGY", "QAT", "diplomatic_ties", "severed"),
        ("EGY", "QAT", "trade", "severed"),
        ("BHR", "QAT", "airspace", "closed"),  # travel ties: flights and overflights
        ("EGY", "QAT", "airspace", "closed"),
    }


def test_boycott_imposed_by_a_list_on_a_state():
    text = (
        "Leaders signed a declaration formally ending the boycott that Saudi Arabia, the United "
        "Arab Emirates, Bahrain and Egypt imposed on Qatar in June 2017."
    )
    got = facts(make_article(text, published="2021-01-05"))
    assert {
        (a, b) for a, b, f, v, when, _ in got if (f, v, when) == ("trade", "severed", "2017-06")
    } == {
        ("ARE", "QAT"),
        ("BHR", "QAT"),
        ("EGY", "QAT"),
        ("QAT", "SAU"),
    }


def test_event_cue_under_an_infinitive_is_not_asserted():
    text = "The deal commits the UAE to establish full ties with Israel."
    event = make_event(text, "SUPPORT", ["ARE"], ["ISR"])
    event.trigger = "establish"
    assert facts(make_article(text, events=[event])) == [
        ("ARE", "ISR", "diplomatic_ties", "full", "2019-12-05", "proposed"),
    ]


def test_place_of_signing_is_not_a_party():
    text = "Egypt and Israel signed a peace treaty in Washington in 1979."
    got = facts(make_article(text, published="2019", coref={"Washington": "USA"}))
    assert ("EGY", "ISR", "peace_treaty", "signed", "1979", "historical") in got
    assert {(a, b) for a, b, *_ in got} == {("EGY", "ISR")}  # the treaty's registry entry too


def test_modal_inside_an_agreement_phrase_is_no_agreement():
    text = "A deal in which Saudi Arabia would agree to normalise relations with Israel is far off."
    got = facts(make_article(text, published="2023-06"))
    assert [m for *_, m in got] in ([], ["hypothetical"])


def test_collective_smaller_than_the_list_takes_the_earlier_pair():
    text = (
        "Talks between Iran and Saudi Arabia were held in Beijing. Under the statement issued "
        "by Iran, Saudi Arabia and China, the two countries agreed to restore diplomatic ties."
    )
    got = {(a, b) for a, b, *_ in facts(make_article(text, coref={"China": "CHN"}))}
    assert got == {("IRN", "SAU")}


def test_date_of_another_clause_is_not_taken():
    text = (
        "Israel and the UAE signed a treaty of peace and full normalization, formalizing the "
        "deal announced on Aug. 13."
    )
    dates = {when for *_, when, _ in facts(make_article(text, published="2020-09-15"))}
    assert dates == {"2020-09-15"}


def test_state_that_held_until_a_year_ends_before_it_and_a_bare_past_is_not_placed():
    until = make_article(
        "Until 2020, the UAE and Israel had no formal relations.", published="2024-01"
    )
    bare = make_article(
        "Bahrain had no diplomatic ties with Israel before the Abraham Accords.",
        published="2024-01",
    )
    now = make_article(
        "The UAE has had no formal relations with Israel until now.", published="2020-08-14"
    )
    assert facts(until) == [("ARE", "ISR", "diplomatic_ties", "none", "2019-12-31", "historical")]
    # the accord's own claims (data/agreements.toml) come with the bare past
    assert ("BHR", "ISR", "diplomatic_ties", "none", None, "historical") in facts(bare)
    assert ("BHR", "ISR", "normalization", "signed", "2020-09-15", "historical") in facts(bare)
    assert facts(now) == [("ARE", "ISR", "diplomatic_ties", "none", "2020-08-13", "asserted")]


def test_agreed_to_exchange_ambassadors_is_the_decision_itself():
    agreed = make_article("Egypt and Turkey agreed to exchange ambassadors.", published="2023-07")
    voted = make_article("Jordan's parliament voted to expel the Israeli ambassador.")
    assert [(v, m) for *_, v, _, m in facts(agreed)] == [("full", "asserted")]
    assert [m for *_, m in facts(voted)] == ["proposed"]


def test_last_year_and_last_month_count_back_from_publication():
    year = make_article(
        "Jordan recalled its ambassador from Israel last year.", published="2024-01-15"
    )
    month = make_article(
        "Jordan recalled its ambassador from Israel last month.", published="2024-01-15"
    )
    assert facts(year)[0][4] == "2023" and facts(month)[0][4] == "2023-12"


def test_a_state_qualifying_the_accord_is_not_a_party():
    text = (
        "Bahrain and the UAE signed the US-brokered Abraham Accords with Israel at the White "
        "House on September 15, 2020."
    )
    got = facts(make_article(text, published="2021-01", coref={"US": "USA"}))
    assert {(a, b, f, when) for a, b, f, _, when, _ in got} == {
        ("ARE", "ISR", "diplomatic_ties", "2020-09-15"),
        ("BHR", "ISR", "diplomatic_ties", "2020-09-15"),
        ("ARE", "ISR", "normalization", "2020-09-15"),
        ("BHR", "ISR", "normalization", "2020-09-15"),
    }


def test_a_state_announcing_what_it_will_do_is_asserted_but_a_condition_is_not():
    halt = make_article(
        "Turkey announced it would halt all trade with Israel.", published="2024-05"
    )
    cond = make_article("Turkey said it would halt all trade with Israel if the war went on.")
    assert [m for *_, m in facts(halt)] == ["asserted"]
    assert [m for *_, m in facts(cond)] == ["hypothetical"]


def test_quiet_ties_in_the_past_are_not_placed_now():
    past = make_article("Morocco had quiet ties with Israel for decades.", published="2023-01")
    now = make_article("Morocco has had quiet ties with Israel for decades.", published="2023-01")
    assert facts(past)[0][4:] == (None, "historical")
    assert facts(now)[0][4:] == ("2023-01", "asserted")
