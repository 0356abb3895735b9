"""One-party stances toward the act reported just before (own example sentences)."""

from __future__ import annotations

import pytest
from tests.events.helpers import triples_of

from diplograph.actors import find_mentions
from diplograph.events import extract_events
from diplograph.model import Article, RawInput
from diplograph.sentences import split_sentences

pytestmark = pytest.mark.usefixtures("spacy_model", "empty_user_data")


def _triples(text: str):
    art = Article(id="t", source="t.txt", text=text,
                  raw=RawInput("t.txt", text.encode(), "text/plain"), published="2024-03-02")
    art.sentences = split_sentences(text)
    art.mentions = find_mentions(art)
    return triples_of(extract_events(art))


def test_welcoming_the_agreement_is_support_of_its_parties():
    found = _triples("Kenya and Uganda agreed on Tuesday to end their border dispute. "
                     "Tanzania welcomed the agreement.")
    assert ("SUPPORT", ("TZA",), ("KEN", "UGA")) in found


def test_a_passive_stance_and_a_possessive_referent():
    found = _triples("Kenya and Uganda agreed on Tuesday to end their border dispute. "
                     "Their agreement was welcomed by Tanzania.")
    assert ("SUPPORT", ("TZA",), ("KEN", "UGA")) in found


def test_a_relative_clause_on_the_noun_does_not_make_it_a_party_of_its_own():
    found = _triples("Kenya and Uganda agreed on Tuesday to end their border dispute. "
                     "Tanzania welcomed the deal, which it said would help Rwanda too.")
    assert ("SUPPORT", ("TZA",), ("KEN", "UGA")) in found


def test_condemning_the_strikes_accuses_the_attacker_not_the_target():
    found = _triples("Chile launched air strikes on Peru overnight. "
                     "Bolivia condemned the strikes.")
    assert ("ACCUSE", ("BOL",), ("CHL",)) in found


def test_the_noun_must_fit_the_act_it_points_back_to():
    found = _triples("Chile launched air strikes on Peru overnight. "
                     "Bolivia welcomed the agreement.")
    assert not any("BOL" in t[1] for t in found)


def test_an_act_three_sentences_back_is_out_of_reach():
    found = _triples("Kenya and Uganda agreed on Tuesday to end their border dispute. "
                     "The talks lasted four hours. Markets rose. Prices fell. "
                     "Tanzania welcomed the agreement.")
    assert not any("TZA" in t[1] for t in found)


def test_an_indefinite_object_points_nowhere():
    found = _triples("Kenya and Uganda agreed on Tuesday to end their border dispute. "
                     "Tanzania welcomed an agreement.")
    assert not any("TZA" in t[1] for t in found)


def test_a_stance_participle_on_a_reported_act_takes_the_act_s_parties():
    found = _triples("Peru is cutting diplomatic relations with Chile, the foreign minister "
                     "said on Tuesday, accusing its neighbour of hostile acts.")
    assert ("ACCUSE", ("PER",), ("CHL",)) in found


def test_a_stance_participle_toward_someone_unnamed_adds_nothing():
    found = _triples("Peru expelled Chile's ambassador on Monday, accusing the press of lies.")
    assert not any(t[0] == "ACCUSE" for t in found)


def test_the_countries_included_with_one_of_several_did_the_same():
    found = _triples("Peru is one of several countries, including Chile and Ecuador, to have "
                     "agreed to normalise relations with Brazil.")
    assert ("AGREE", ("CHL", "ECU", "PER"), ("BRA",)) in found


def test_its_neighbour_is_the_one_other_state_in_view():
    found = _triples("Peru and Chile have feuded for decades. "
                     "Peru accused its neighbour of hostile acts on Tuesday.")
    assert ("ACCUSE", ("PER",), ("CHL",)) in found


def test_its_neighbour_with_two_states_in_view_is_left_out():
    found = _triples("Peru, Bolivia and Chile met. Peru accused its neighbour of hostile acts.")
    assert not any(t[0] == "ACCUSE" for t in found)
