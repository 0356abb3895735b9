"""Event extraction on hand-built articles: types, roles, mediators, modality, attribution."""

from __future__ import annotations

import pytest
from tests.events.helpers import make_article, triples_of

from diplograph import PIPELINE_VERSION
from diplograph.events import extract_events
from diplograph.events.extract import candidates
from diplograph.model import Citation, Mention
from diplograph.nlp import parser

ISR, QAT, OMN, MAR, USA, SAU, IRN, IRQ, ARE, BHR = (
    (code, "GOV") for code in ("ISR", "QAT", "OMN", "MAR", "USA", "SAU", "IRN", "IRQ", "ARE", "BHR")
)


@pytest.fixture(scope="session", autouse=True)
def spacy_model():
    """Load the parser once for the whole session."""
    return parser()


def one(events, kind=None):
    chosen = [e for e in events if kind is None or e.event == kind]
    assert len(chosen) == 1, [(e.event, e.trigger) for e in events]
    return chosen[0]


def test_visitor_is_actor_and_host_is_recipient():
    art = make_article("Israeli officials visited Qatar on Sunday.",
                       {"Israeli officials": ISR, "Qatar": QAT})
    ev = one(extract_events(art))
    assert (ev.event, [a.code for a in ev.actor], [r.code for r in ev.recipient]) == (
        "CONSULT", ["ISR"], ["QAT"])


def test_host_verb_swaps_roles_so_the_guest_is_the_actor():
    art = make_article("The Sultan of Oman hosted Benjamin Netanyahu in Muscat.",
                       {"The Sultan of Oman": OMN, "Benjamin Netanyahu": ISR})
    assert triples_of(extract_events(art)) == {("CONSULT", ("ISR",), ("OMN",))}


def test_conjoined_subjects_that_meet_are_mutual_actors():
    art = make_article("Israel and Morocco held talks in Rabat.", {"Israel": ISR, "Morocco": MAR})
    ev = one(extract_events(art))
    assert ev.event == "CONSULT"
    assert sorted(a.code for a in ev.actor) == ["ISR", "MAR"] and ev.recipient == []


def test_talks_between_two_parties_make_both_actors():
    art = make_article("Talks between Israel and Morocco resumed on Monday.",
                       {"Israel": ISR, "Morocco": MAR})
    assert triples_of(extract_events(art)) == {("CONSULT", ("ISR", "MAR"), ())}


def test_mediator_is_recorded_and_never_a_party():
    art = make_article("Riyadh is involved in a conversation with Iran mediated by Iraq.",
                       {"Riyadh": SAU, "Iran": IRN, "Iraq": IRQ})
    ev = one(extract_events(art))
    assert [m.code for m in ev.mediator] == ["IRQ"]
    assert {a.code for a in ev.actor + ev.recipient} == {"SAU", "IRN"}


def test_backed_talks_name_the_backer_as_mediator():
    art = make_article("Israel stepped up US-backed talks with Saudi Arabia.",
                       {"Israel": ISR, "US": USA, "Saudi Arabia": SAU})
    ev = one(extract_events(art))
    assert ev.event == "CONSULT" and [m.code for m in ev.mediator] == ["USA"]
    assert [a.code for a in ev.actor] == ["ISR"] and [r.code for r in ev.recipient] == ["SAU"]


def test_urging_is_a_request_to_the_object_not_to_the_embedded_party():
    art = make_article("The United States urged Bahrain to sign an agreement with Israel.",
                       {"The United States": USA, "Bahrain": BHR, "Israel": ISR})
    assert triples_of(extract_events(art)) == {("REQUEST", ("USA",), ("BHR",))}


def test_no_self_dyad_and_one_mention_per_code():
    art = make_article("Washington and the White House met with US officials.",
                       {"Washington": USA, "the White House": USA, "US officials": USA})
    assert extract_events(art) == []


def test_adjective_mention_on_an_organ_is_the_actor():
    art = make_article("Israeli military officials traveled to Qatar.",
                       {"Israeli": ISR, "Qatar": QAT}, kinds={"Israeli": "adjective"})
    assert triples_of(extract_events(art)) == {("CONSULT", ("ISR",), ("QAT",))}


def test_media_and_cited_outlets_are_not_parties():
    text = "Israeli officials met Qatari envoys, the Qatar Tribune told reporters."
    art = make_article(text, {"Israeli officials": ISR, "Qatari envoys": QAT,
                              "Qatar Tribune": ("QAT", "MED")})  # fmt: skip
    ev = one(extract_events(art))
    assert all(r.text != "Qatar Tribune" for r in ev.actor + ev.recipient)


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Israel will sign a trade agreement with Bahrain next month.", "future"),
        ("Israel is due to meet Bahrain on Thursday.", "future"),
        ("Israel would sign a trade agreement with Bahrain.", "hypothetical"),
        ("Israel is seeking to normalise ties with Bahrain.", "proposed"),
        ("Israel did not meet Bahrain officials.", "negated"),
        ("Israel declined to meet Bahrain officials.", "negated"),
        ("Israel met Bahrain officials in 2009.", "historical"),
        ("Last year, Israel met Bahrain officials.", "historical"),
        ("Israel met Bahrain officials on Monday.", "asserted"),
    ],
)
def test_modality(sentence, modality):
    art = make_article(sentence, {"Israel": ISR, "Bahrain": BHR}, published="2022-07-15")
    events = extract_events(art)
    ev = one(events) if len(events) == 1 else one(events, "AGREE")  # and the planned act
    assert ev.modality == modality, (ev.event, ev.trigger)


def test_neither_nor_is_negated():
    art = make_article("Neither Saudi Arabia nor Qatar would cooperate with Israel.",
                       {"Saudi Arabia": SAU, "Qatar": QAT, "Israel": ISR})
    assert {e.modality for e in extract_events(art)} == {"negated"}


def test_intent_to_normalise_is_agree_and_future_meeting_is_agree_and_a_future_meeting():
    art = make_article("Israel is seeking to normalise ties with Morocco. "
                       "Pompeo is due to meet King Mohammed VI in Rabat.",
                       {"Israel": ISR, "Morocco": MAR, "Pompeo": USA, "King Mohammed VI": MAR})
    found = {(e.event, e.modality) for e in extract_events(art)}
    assert found == {("AGREE", "proposed"), ("AGREE", "future"), ("CONSULT", "future")}


def test_relative_clause_subject_takes_its_antecedent():
    text = ("Unlike the UAE, Bahrain and Morocco, which normalized relations with Israel in 2020, "
            "Qatar has not.")
    art = make_article(text, {"the UAE": ARE, "Bahrain": BHR, "Morocco": MAR, "Israel": ISR})
    ev = one(extract_events(art))
    assert ev.event == "SUPPORT" and {a.code for a in ev.actor} == {"ARE", "BHR", "MAR"}
    assert ev.modality == "historical" and ev.date == "2020" and ev.date_precision == "year"


def test_event_date_resolves_against_publication():
    art = make_article("In March, Qatari officials met Israeli officials in Sharm al-Sheikh.",
                       {"Qatari officials": QAT, "Israeli officials": ISR}, published="2022-07-02")
    ev = one(extract_events(art))
    assert (ev.date, ev.date_precision) == ("2022-03", "month")


def test_undated_event_takes_the_article_date():
    art = make_article("Israeli officials visited Qatar.", {"Israeli officials": ISR, "Qatar": QAT},
                       published="2022-07-02")
    assert one(extract_events(art)).date == "2022-07-02"


def test_attribution_cites_the_sentence_and_follows_report_back_references():
    text = ("Israel held talks with Saudi Arabia, Bloomberg reported. "
            "Saudi Arabia also met Iran, according to the report.")
    cites = [Citation(name="Bloomberg", kind="report", sentence=0, text="Bloomberg reported")]
    art = make_article(text, {"Israel": ISR, "Saudi Arabia": SAU, "Iran": IRN}, citations=cites)
    events = sorted(extract_events(art), key=lambda e: e.sentence)
    assert [e.attribution.cited for e in events] == [["Bloomberg"], ["Bloomberg"]]
    assert all(e.attribution.outlet == "example.org" for e in events)


def test_unnamed_sources_make_the_attribution_anonymous():
    text = "Israel held talks with Saudi Arabia, officials said on condition of anonymity."
    art = make_article(text, {"Israel": ISR, "Saudi Arabia": SAU})
    assert one(extract_events(art)).attribution.anonymous is True


def test_evidence_fields_and_stable_id():
    text = "Intro line.\nIsraeli officials visited Qatar on Sunday."
    art = make_article(text, {"Israeli officials": ISR, "Qatar": QAT})
    ev = one(extract_events(art))
    assert ev.text == "Israeli officials visited Qatar on Sunday." and ev.sentence == 1
    assert text[ev.start:ev.end] == ev.text
    assert ev.trigger == "visited" and ev.coder == PIPELINE_VERSION
    assert 0.0 <= ev.confidence <= 1.0
    assert extract_events(art)[0].id == ev.id


def test_only_sentences_with_two_codes_and_a_cue_are_candidates():
    text = ("Israel met Israeli officials. Qatar and Israel enjoy the weather. "
            "Qatar met Israel.")
    art = make_article(text, {"Israel": ISR, "Israeli officials": ISR, "Qatar": QAT})
    assert [c.sentence.index for c in candidates(art)] == [2]


def test_article_without_mentions_gives_no_events():
    art = make_article("Nothing happened today.", {})
    assert extract_events(art) == []


def test_conjoined_trigger_under_an_agreement_is_part_of_it():
    art = make_article("Saudi Arabia and Iran agreed to resume relations and reopen embassies.",
                       {"Saudi Arabia": SAU, "Iran": IRN})
    assert triples_of(extract_events(art)) == {("AGREE", ("IRN", "SAU"), ())}


def test_announced_plan_is_an_asserted_agreement_but_a_scheduled_meeting_is_future():
    art = make_article("Israel and Turkey announced that they would restore full relations.",
                       {"Israel": ISR, "Turkey": ("TUR", "GOV")})
    events = extract_events(art)
    assert (one(events, "AGREE").modality, one(events, "SUPPORT").modality) == (
        "asserted", "future")  # agreed now; the restoring itself is to come
    art = make_article("Israel and Turkey would restore full relations.",
                       {"Israel": ISR, "Turkey": ("TUR", "GOV")})
    assert one(extract_events(art)).modality == "hypothetical"
    art = make_article("Pompeo is due to meet King Mohammed VI.", {"Pompeo": USA,
                       "King Mohammed VI": MAR})  # fmt: skip
    assert {(e.event, e.modality) for e in extract_events(art)} == {("AGREE", "future"),
                                                                     ("CONSULT", "future")}


def test_place_of_a_named_party_is_not_a_party_but_place_of_officials_is_the_actor():
    met = make_article("Netanyahu met with Pompeo in Portugal.",
                       {"Netanyahu": ISR, "Pompeo": USA, "Portugal": ("PRT", "GOV")})
    assert triples_of(extract_events(met)) == {("CONSULT", ("ISR",), ("USA",))}
    pressed = make_article("Officials in Jerusalem pressed Ankara to expel Hamas operatives.",
                           {"Jerusalem": ISR, "Ankara": ("TUR", "GOV")})
    assert triples_of(extract_events(pressed)) == {("REQUEST", ("ISR",), ("TUR",))}


def test_ambassador_to_a_country_does_not_make_that_country_an_actor():
    art = make_article("The UAE's ambassador to Washington met Israeli officials.",
                       {"The UAE's ambassador": ARE, "Washington": USA, "Israeli officials": ISR})
    assert triples_of(extract_events(art)) == {("CONSULT", ("ARE",), ("ISR",))}


def test_sponsor_of_a_party_is_not_a_mediator():
    parties = {"Morocco": MAR, "Algeria": ("DZA", "GOV"), "Polisario Front": ("ESH", "REB")}
    art = make_article("Morocco rejected talks with the Algeria-backed Polisario Front.", parties)
    ev = one(extract_events(art))
    assert ev.mediator == [] and [r.code for r in ev.recipient] == ["ESH"]


def test_relation_between_others_makes_the_subject_a_broker():
    art = make_article("The United States helped normalize relations between Israel and Sudan.",
                       {"The United States": USA, "Israel": ISR, "Sudan": ("SDN", "GOV")})
    ev = one(extract_events(art))
    assert {a.code for a in ev.actor} == {"ISR", "SDN"} and [m.code for m in ev.mediator] == ["USA"]


def test_co_actors_of_a_one_sided_act_are_not_a_mutual_event():
    art = make_article("Iraq and Oman welcomed the agreement.", {"Iraq": IRQ, "Oman": OMN})
    assert extract_events(art) == []


def test_dateline_place_is_not_a_party():
    art = make_article("BEIJING - Saudi Arabia and Iran agreed to restore relations.",
                       {"BEIJING": ("CHN", "GOV"), "Saudi Arabia": SAU, "Iran": IRN})
    assert triples_of(extract_events(art)) == {("AGREE", ("IRN", "SAU"), ())}


def test_date_of_the_host_clause_dates_a_when_clause():
    text = "Ties were downgraded in May 2018, when Turkey expelled Israel's ambassador."
    parties = {"Turkey": ("TUR", "GOV"), "Israel's ambassador": ISR}
    art = make_article(text, parties, published="2022-08-17")
    ev = one(extract_events(art))
    assert (ev.event, ev.date, ev.modality) == ("SANCTION", "2018-05", "historical")


def test_what_is_discussed_is_not_a_party():
    text = "Gallant discussed the Gaza security concept with U.S. officials."
    art = make_article(text, {"Gallant": ISR, "Gaza": ("PSE", "GOV"), "U.S. officials": USA})
    assert triples_of(extract_events(art)) == {("CONSULT", ("ISR",), ("USA",))}


def test_a_thing_located_somewhere_does_not_make_the_place_a_party():
    text = "The U.S. expressed an interest in funding a security force in Gaza with Egypt."
    art = make_article(text, {"The U.S.": USA, "Gaza": ("PSE", "GOV"), "Egypt": ("EGY", "GOV")})
    assert all("PSE" not in {p.code for p in e.actor + e.recipient} for e in extract_events(art))


def test_considering_a_sanction_is_a_threat():
    art = make_article("Turkey is considering suspending relations with the UAE.",
                       {"Turkey": ("TUR", "GOV"), "the UAE": ARE})
    ev = one(extract_events(art))
    assert (ev.event, ev.modality) == ("THREATEN", "proposed")


def test_phone_conversations_are_consultations():
    art = make_article("The king spoke by phone with Mahmoud Abbas. "
                       "King Mohammed VI informed Donald Trump during a telephone call.",
                       {"The king": MAR, "Mahmoud Abbas": ("PSE", "GOV"),
                        "King Mohammed VI": MAR, "Donald Trump": USA})  # fmt: skip
    assert triples_of(extract_events(art)) == {("CONSULT", ("MAR",), ("PSE",)),
                                                ("CONSULT", ("MAR",), ("USA",))}


def test_condemning_a_decision_to_normalise_targets_the_decider_only():
    text = "Iran condemned the decision of the UAE to normalise relations with Israel."
    art = make_article(text, {"Iran": IRN, "the UAE": ARE, "Israel": ISR})
    assert triples_of(extract_events(art)) == {("ACCUSE", ("IRN",), ("ARE",))}


def test_a_but_conjunct_is_not_part_of_the_phrase_before_it():
    text = ("Egypt and Jordan are the only Arab nations to have signed peace treaties with Israel "
            "but Morocco, along with Bahrain, has been relaxing the boycott of Israel.")
    art = make_article(text, {"Egypt": ("EGY", "GOV"), "Jordan": ("JOR", "GOV"), "Israel": ISR,
                              "Morocco": MAR, "Bahrain": BHR})  # fmt: skip
    supports = [e for e in extract_events(art) if e.event == "SUPPORT"]
    assert supports and all("MAR" not in {r.code for r in e.recipient} for e in supports)


def test_a_date_in_the_triggers_own_clause_beats_one_in_the_clause_above():
    text = ("Ties between Turkey and Israel have been strained since 2010, and the two countries "
            "withdrew their ambassadors in 2018.")
    art = make_article(text, {"Turkey": ("TUR", "GOV"), "Israel": ISR,
                              "the two countries": ("TUR", "GOV")}, published="2022-03-09")
    both = art.mentions[-1]  # "the two countries" resolves to both codes
    art.mentions.append(Mention(both.start, both.end, both.text, "ISR", "GOV", "coref", 0))
    ev = one(extract_events(art))
    assert (ev.event, ev.date) == ("SANCTION", "2018")


def test_the_place_of_a_meeting_on_the_sidelines_is_not_a_party():
    text = ("Erdogan met Netanyahu on the sidelines of the United Nations General Assembly "
            "in New York.")
    art = make_article(text, {"Erdogan": ("TUR", "GOV"), "Netanyahu": ISR,
                              "the United Nations General Assembly": ("UNO", "GOV")})
    assert triples_of(extract_events(art)) == {("CONSULT", ("TUR",), ("ISR",))}


def test_signing_takes_its_partner_from_with_only():
    text = "The agreement was signed by the ambassadors of Israel and Bhutan to India."
    art = make_article(text, {"Israel": ISR, "Bhutan": ("BTN", "GOV"), "India": ("IND", "GOV")})
    found = extract_events(art)
    assert all("IND" not in {p.code for p in e.actor + e.recipient} for e in found)


def test_questions_and_refusals_to_comment_are_not_events():
    art = make_article("Is Israel normalising ties with Morocco? "
                       "Qatar refused to comment on the Israeli visit.",
                       {"Israel": ISR, "Morocco": MAR, "Qatar": QAT, "Israeli": ISR})
    assert extract_events(art) == []


def test_a_joint_statement_is_a_consultation_among_its_authors():
    text = "A joint statement released by Trump, Netanyahu and Sheikh Mohammed praised the deal."
    art = make_article(text, {"Trump": USA, "Netanyahu": ISR, "Sheikh Mohammed": ARE})
    assert triples_of(extract_events(art)) == {("CONSULT", ("ARE", "ISR", "USA"), ())}
