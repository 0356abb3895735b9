"""Recall rules: counted groups ("the four countries") and contact verbs with a purpose clause."""

from __future__ import annotations

import pytest
from tests.events.helpers import make_article, triples_of

from diplograph.actors import find_mentions
from diplograph.events import extract_events
from diplograph.model import Article, RawInput
from diplograph.sentences import split_sentences

MAR, PSE, ISR = (("MAR", "GOV"), ("PSE", "GOV"), ("ISR", "GOV"))


pytestmark = pytest.mark.usefixtures("spacy_model", "empty_user_data")


def _article(text: str) -> Article:
    art = Article(id="t", source="t.txt", text=text,
                  raw=RawInput("t.txt", text.encode(), "text/plain"), published="2021-01-05")
    art.sentences = split_sentences(text)
    art.mentions = find_mentions(art)
    return art


def _codes(art: Article, surface: str) -> list[str | None]:
    return sorted(m.code for m in art.mentions if m.text.lower() == surface.lower())


def test_counted_group_takes_the_latest_list_of_that_many_states():
    art = _article("Saudi Arabia, the United Arab Emirates, Bahrain and Egypt imposed a boycott "
                   "on Qatar in 2017. Egypt also signed the declaration. "
                   "The four countries cut ties with Doha in 2017.")
    assert _codes(art, "The four countries") == ["ARE", "BHR", "EGY", "SAU"]
    kinds = triples_of(extract_events(art))
    assert ("SANCTION", ("ARE", "BHR", "EGY", "SAU"), ("QAT",)) in kinds


def test_counted_group_needs_a_list_of_exactly_that_size():
    art = _article("Iran, Iraq and Syria met in Tehran. The four countries cut ties with Israel.")
    assert _codes(art, "The four countries") == []


def test_counted_group_ignores_states_that_are_not_coordinated():
    art = _article("Egypt met Jordan on Monday. Iran spoke to Iraq. "
                   "The four countries agreed to meet again.")
    assert _codes(art, "The four countries") == []


def test_counted_group_does_not_reach_far_back():
    filler = " ".join("Officials said nothing new." for _ in range(10))
    art = _article(f"Iran, Iraq and Syria met in Tehran. {filler} The three countries met again.")
    assert _codes(art, "The three countries") == []


def test_call_with_a_purpose_clause_is_a_contact():
    art = make_article("The king also called Palestinian President Mahmoud Abbas to tell him "
                       "that Morocco supports the Palestinian cause.",
                       {"The king": MAR, "Palestinian President Mahmoud Abbas": PSE,
                        "Morocco": MAR})
    assert ("CONSULT", ("MAR",), ("PSE",)) in triples_of(extract_events(art))


def test_call_with_a_small_clause_is_not_a_contact():
    art = make_article("Israel called the deal a historic step for peace.",
                       {"Israel": ISR})
    assert not [e for e in extract_events(art) if e.event == "CONSULT"]


ARE, BHR, SDN, EGY, JOR = (("ARE", "GOV"), ("BHR", "GOV"), ("SDN", "GOV"), ("EGY", "GOV"),
                           ("JOR", "GOV"))
_STATES = {"Morocco": MAR, "Israel": ISR, "the UAE": ARE, "Bahrain": BHR, "Sudan": SDN,
           "Egypt": EGY, "Jordan": JOR}


def test_the_nth_country_after_others_makes_the_others_actors_too():
    art = make_article("Morocco became the fourth Arab country to agree to normalise relations "
                       "with Israel, after the UAE, Bahrain and Sudan.", _STATES)
    kinds = triples_of(extract_events(art))
    assert ("AGREE", ("MAR",), ("ISR",)) in kinds
    assert ("AGREE", ("ARE", "BHR", "SDN"), ("ISR",)) in kinds  # their own event: no MAR-ARE pair


def test_precedents_without_a_recipient_make_no_pair_of_their_own():
    art = make_article("Morocco became the fourth Arab country to sign the accords, after "
                       "the UAE, Bahrain and Sudan.", _STATES)
    assert not any("ARE" in actors for _, actors, _ in triples_of(extract_events(art)))


def test_after_without_an_ordinal_adds_no_actor():
    art = make_article("Morocco agreed to normalise relations with Israel after talks with "
                       "the UAE.", _STATES)
    for ev in extract_events(art):
        if ev.event == "AGREE":
            assert "ARE" not in {a.code for a in ev.actor}


def test_a_trigger_inside_the_after_phrase_takes_no_precedents():
    art = make_article("The UAE became the third Arab country to open ties with Israel, after "
                       "Egypt, which signed a treaty in 1979, and Jordan.", _STATES)
    for ev in extract_events(art):
        if ev.trigger and ev.trigger.startswith("sign"):
            assert "ARE" not in {a.code for a in ev.actor}


def test_open_ties_is_establishing_ties():
    art = make_article("Egypt opened full ties with Israel in 1980.", _STATES)
    assert ("SUPPORT", ("EGY",), ("ISR",)) in triples_of(extract_events(art))


def test_ending_a_measure_names_its_owner_and_target():
    art = make_article("The leaders signed a declaration, formally ending the boycott that the UAE "
                       "and Bahrain imposed on Qatar.",
                       {"the UAE": ARE, "Bahrain": BHR, "Qatar": ("QAT", "GOV")})
    assert ("CONCEDE", ("ARE", "BHR"), ("QAT",)) in triples_of(extract_events(art))


def test_a_measure_owner_does_not_replace_a_named_actor():
    art = make_article("Egypt lifted the boycott that Bahrain imposed on Qatar.",
                       {"Egypt": EGY, "Bahrain": BHR, "Qatar": ("QAT", "GOV")})
    kinds = triples_of(extract_events(art))
    assert not any("BHR" in actors for _, actors, _ in kinds if _ == "CONCEDE")


def test_the_two_countries_prefers_the_pair_written_together():
    art = _article("Saudi Arabia and Iran agreed to resume relations, according to a statement "
                   "issued by the Kingdom, Iran and China. The talks were led by Chinese "
                   "President Xi Jinping. The two countries affirmed their respect for "
                   "sovereignty.")
    assert _codes(art, "The two countries") == ["IRN", "SAU"]


def test_a_call_in_a_verbless_while_clause_belongs_to_the_main_subject():
    art = make_article("President Trump announced the deal while on a call with Prime Minister "
                       "Netanyahu.", {"President Trump": USA_, "Prime Minister Netanyahu": ISR})
    assert ("CONSULT", ("USA",), ("ISR",)) in triples_of(extract_events(art))


def test_a_call_after_a_passive_participle_belongs_to_its_agent():
    art = make_article("Bahrain will open an embassy, in a breakthrough announced by President "
                       "Trump on Friday after a phone call with Prime Minister Netanyahu.",
                       {"President Trump": USA_, "Prime Minister Netanyahu": ISR,
                        "Bahrain": BHR})
    assert ("CONSULT", ("USA",), ("ISR",)) in triples_of(extract_events(art))


USA_ = ("USA", "GOV")


def test_every_agent_of_a_passive_signing_is_a_party():
    art = make_article("It was signed by Ali Shamkhani, secretary of Iran's Supreme National "
                       "Security Council, and Musaed bin Mohammed Al-Aiban, Saudi Arabia's "
                       "national security adviser, in the presence of Wang Yi.",
                       {"Ali Shamkhani": ("IRN", "GOV"),
                        "Musaed bin Mohammed Al-Aiban": ("SAU", "GOV"),
                        "Wang Yi": ("CHN", "GOV")})
    assert ("SUPPORT", ("IRN", "SAU"), ()) in triples_of(extract_events(art))


def test_removal_from_the_terrorism_list_is_a_concession():
    states = {"The United States": USA_, "Sudan": SDN, "Israel": ISR, "Qatar": ("QAT", "GOV")}
    art = make_article("The United States removed Sudan from its list of state sponsors of "
                       "terrorism on Monday. Israel removed Qatar from the list of guests.", states)
    kinds = triples_of(extract_events(art))
    assert ("CONCEDE", ("USA",), ("SDN",)) in kinds
    assert not any(actors == ("ISR",) for _, actors, _ in kinds)
