"""Claims from stative sentences and events: parties, values, dates and modality."""

from __future__ import annotations

from tests.relations.helpers import make_article, make_event

from diplograph.relations.claims import extract_claims, find_dates


def facts(article):
    """(a, b, facet, value, valid_from, modality) of every claim, sorted."""
    return sorted(
        (c.a, c.b, c.facet, c.value, c.valid_from, c.modality) for c in extract_claims(article)
    )


def test_pair_with_no_official_ties_is_none_from_publication():
    article = make_article(
        "Israel and Morocco have no official diplomatic ties.", published="2019-12"
    )
    (claim,) = extract_claims(article)
    assert (claim.a, claim.b, claim.facet, claim.value) == ("ISR", "MAR", "diplomatic_ties", "none")
    assert claim.valid_from == "2019-12" and claim.asserted_on == "2019-12"
    assert claim.kind == "state" and claim.modality == "asserted"


def test_numbered_collective_takes_states_from_previous_sentence():
    text = (
        "Ambassadors of the United Arab Emirates, Morocco, Oman and Bahrain met last week "
        "with a US official. All four states don’t have formal diplomatic relations with Israel."
    )
    got = {(a, b, v) for a, b, _, v, _, _ in facts(make_article(text))}
    assert got == {
        ("ARE", "ISR", "none"),
        ("ISR", "MAR", "none"),
        ("ISR", "OMN", "none"),
        ("BHR", "ISR", "none"),
    }


def test_despite_lacking_formal_ties_names_the_following_pair():
    text = "Despite lacking formal ties, Israel and Qatar – two key US allies – maintain relations."
    assert facts(make_article(text))[0][:4] == ("ISR", "QAT", "diplomatic_ties", "none")


def test_quiet_ties_and_liaison_offices_are_informal():
    quiet = make_article("Morocco has these quiet ties and relationship with Israel as well.")
    offices = make_article("Oman maintains trade offices with Israel in Muscat.")
    assert facts(quiet)[0][:4] == ("ISR", "MAR", "diplomatic_ties", "informal")
    assert facts(offices)[0][:4] == ("ISR", "OMN", "diplomatic_ties", "informal")


def test_historical_trade_severance_takes_its_own_year_and_subject_of_previous_sentence():
    text = (
        "Despite lacking formal ties, Israel and Qatar maintain relations. "
        "The Persian Gulf periphery state severed trade ties with Israel in 2009, after a war."
    )
    trade = [f for f in facts(make_article(text, published="2022-07")) if f[2] == "trade"]
    assert trade == [("ISR", "QAT", "trade", "severed", "2009", "historical")]


def test_coreference_mention_names_the_subject():
    text = (
        "In November 2020, the kingdom allowed Israeli airlines to use its airspace, hours "
        "before the first flight took off."
    )
    article = make_article(text, published="2022-07", coref={"the kingdom": "SAU"})
    assert facts(article) == [("ISR", "SAU", "airspace", "open", "2020-11", "historical")]


def test_only_nations_to_have_signed_peace_treaties():
    text = (
        "Egypt and Jordan are the only Arab nations to have signed peace treaties with Israel "
        "but Morocco has been relaxing the boycott."
    )
    got = {(a, b, f, v) for a, b, f, v, _, _ in facts(make_article(text))}
    # with the treaties' own dates and later ties from data/agreements.toml
    assert {(a, b) for a, b, _, _ in got} == {("EGY", "ISR"), ("ISR", "JOR")}
    assert {
        ("EGY", "ISR", "peace_treaty", "signed"),
        ("ISR", "JOR", "peace_treaty", "signed"),
    } <= got


def test_list_that_normalized_relations_in_a_year_gets_full_ties_and_signed_normalization():
    text = (
        "Unlike four Arab countries – the United Arab Emirates, Bahrain, Morocco and Sudan, "
        "which normalized relations with Israel in 2020 – Qatar conditioned its move."
    )
    got = facts(make_article(text, published="2022-07"))
    full = {
        (a, b) for a, b, f, v, when, _ in got if (f, v, when) == ("diplomatic_ties", "full", "2020")
    }
    signed = {(a, b) for a, b, f, v, _, _ in got if (f, v) == ("normalization", "signed")}
    assert full == signed == {("ARE", "ISR"), ("BHR", "ISR"), ("ISR", "MAR"), ("ISR", "SDN")}


def test_agreement_to_normalise_is_agreed_not_full_ties():
    got = facts(
        make_article(
            "Sudan and Israel have agreed to normalise relations, the White House said on Friday.",
            published="2020-10-23",
        )
    )
    assert got == [("ISR", "SDN", "normalization", "agreed", "2020-10-23", "asserted")]


def test_recalled_ambassador_downgrades_and_restored_ties_are_full():
    recall = make_article("Jordan said on Wednesday it was recalling its ambassador to Israel.")
    restore = make_article("Turkey and Israel restored full diplomatic ties on Wednesday.")
    assert facts(recall)[0][:4] == ("ISR", "JOR", "diplomatic_ties", "downgraded")
    assert facts(restore)[0][:4] == ("ISR", "TUR", "diplomatic_ties", "full")


def test_cut_ties_in_a_month_gives_month_precision():
    article = make_article(
        "Riyadh cut ties with Tehran in January 2016 after protests.", published="2023-03-10"
    )
    (claim,) = extract_claims(article)
    assert (claim.a, claim.b, claim.value, claim.valid_from) == ("IRN", "SAU", "severed", "2016-01")
    assert claim.valid_from_precision == "month" and claim.modality == "historical"


def test_hypothetical_proposed_and_negated_are_marked():
    cases = {
        "If the war ends, Turkey and Israel will restore full diplomatic ties.": "hypothetical",
        "Ankara was considering suspending diplomatic relations with Abu Dhabi.": "proposed",
        "Egypt has not severed diplomatic ties with Israel.": "negated",
    }
    for text, modality in cases.items():
        got = {m for *_, m in facts(make_article(text))}
        assert got == {modality}, text


def test_a_date_after_publication_is_future():
    article = make_article("Egypt cut trade ties with Qatar in 2030.", published="2020-01-01")
    assert facts(article)[0][-1] == "future"


def test_event_gives_a_claim_for_a_phrasing_no_pattern_knows():
    text = "Sudan and Israel reached an understanding on normalisation."
    event = make_event(text, "AGREE", ["SDN"], ["ISR"], modality="future", date="2020-11")
    got = facts(make_article(text, events=[event]))
    assert got == [("ISR", "SDN", "normalization", "agreed", "2020-11", "future")]


def test_event_on_a_matched_sentence_is_linked_not_duplicated():
    text = "Jordan recalled its ambassador from Israel on Wednesday."
    event = make_event(text, "SANCTION", ["JOR"], ["ISR"])
    claims = extract_claims(make_article(text, events=[event]))
    assert len(claims) == 1 and claims[0].event_id == event.id


def test_organisations_and_self_pairs_make_no_dyad():
    text = "Egypt and the Arab League have no formal diplomatic ties with Egypt."
    assert facts(make_article(text)) == []


def test_claims_put_codes_in_alphabetical_order():
    for claim in extract_claims(make_article("Qatar and Bahrain cut diplomatic ties in 2017.")):
        assert claim.a < claim.b


def test_dates_found_with_their_preposition():
    found = [
        (value, prep)
        for _, _, value, prep in find_dates(
            "Signed on 15 September 2020, since 1979, in March 2021 and in 2009."
        )
    ]
    assert found == [("2020-09-15", "on"), ("1979", "since"), ("2021-03", "in"), ("2009", "in")]
