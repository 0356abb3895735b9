"""Passive roles and one-party stances toward a named other (own example sentences)."""

from __future__ import annotations

import pytest
from tests.events.helpers import triples_of

from diplograph.actors import find_mentions
from diplograph.events import extract_events
from diplograph.model import Article, RawInput
from diplograph.sentences import split_sentences

pytestmark = pytest.mark.usefixtures("spacy_model", "empty_user_data")


def _triples(text: str):
    art = Article(
        id="t",
        source="t.txt",
        text=text,
        raw=RawInput("t.txt", text.encode(), "text/plain"),
        published="2021-01-05",
    )
    art.sentences = split_sentences(text)
    art.mentions = find_mentions(art)
    return triples_of(extract_events(art))


def test_expelled_from_makes_the_source_the_actor():
    assert ("SANCTION", ("ARL",), ("LBY",)) in _triples(
        "Libya was expelled from the Arab League in 2011."
    )


def test_suspending_a_member_is_a_sanction_active_or_passive():
    assert ("SANCTION", ("ARL",), ("LBY",)) in _triples("The Arab League suspended Libya.")
    assert ("SANCTION", ("ARL",), ("LBY",)) in _triples(
        "Libya was suspended from the Arab League last month."
    )


def test_suspending_something_that_is_not_a_party_codes_no_member_sanction():
    assert not _triples("The Arab League suspended its meeting while Libya watched.")


def test_disappointed_by_is_an_accusation_by_the_one_disappointed():
    assert ("ACCUSE", ("KEN",), ("TZA",)) in _triples(
        "Kenya was disappointed by Tanzania's decision to close the border."
    )
    assert ("ACCUSE", ("KEN",), ("TZA",)) in _triples(
        "Kenya said it was deeply dismayed at the decision of Tanzania."
    )


def test_the_object_of_anger_is_the_actor():
    assert ("ACCUSE", ("KEN",), ("TZA",)) in _triples("Tanzania's border closure angered Kenya.")


def test_a_feeling_without_a_named_cause_codes_nothing():
    assert not _triples("Kenya's fans were disappointed after the match with Tanzania.")


def test_the_need_for_another_to_act_is_a_request_of_it():
    assert ("REQUEST", ("KEN",), ("TZA",)) in _triples(
        "Kenya stressed the need for Tanzania to reopen the border."
    )
    assert ("REQUEST", ("KEN",), ("TZA",)) in _triples(
        "Kenya's president underlined the need for Tanzania to reopen the border."
    )


def test_the_need_to_act_names_no_one_asked():
    assert not _triples("Kenya stressed the need to respect Tanzania's borders.")


def test_a_verb_object_trigger_written_in_the_passive():
    assert ("SANCTION", ("KEN",), ("TZA",)) in _triples(
        "Diplomatic ties with Tanzania were severed by Kenya in 2020."
    )
    assert ("SUPPORT", ("KEN", "TZA"), ()) in _triples(
        "Ties between Kenya and Tanzania were restored in 2020."
    )


def test_a_stance_noun_sparked_by_an_act_is_toward_its_doer():
    assert ("ACCUSE", ("KEN", "UGA"), ("TZA",)) in _triples(
        "Tanzania's army crossed the border, sparking condemnation from Kenya and Uganda."
    )
    assert ("ACCUSE", ("KEN",), ("TZA",)) in _triples(
        "Tanzania drew criticism from Kenya over the raid."
    )
    assert ("ACCUSE", ("KEN", "UGA"), ("TZA",)) in _triples(
        "Tanzania's army crossed the border, sparking condemnation from many in the region, "
        "including Kenya and Uganda."
    )


def test_a_sparked_stance_with_no_source_codes_nothing():
    assert not _triples("Tanzania's raid on Kenya's border posts sparked condemnation.") & {
        ("ACCUSE", ("KEN",), ("TZA",))
    }


def test_a_companion_hung_on_the_verb_is_a_co_actor():
    assert ("ASSAULT", ("FRA", "GBR"), ("LBY",)) in _triples(
        "France, along with Britain, launched strikes on Libya in 2011."
    )


def test_a_mention_with_a_stray_determiner_hangs_on_its_name():
    assert ("ASSAULT", ("FRA", "GBR"), ("LBY",)) in _triples(
        "The president said the French and British strikes against Libya had worked."
    )


def test_a_stance_toward_an_act_made_by_another_is_toward_its_maker():
    assert ("ACCUSE", ("UGA",), ("KEN",)) in _triples(
        "Uganda condemned the threats made by the Kenyan defence minister against Uganda."
    )
    assert ("SUPPORT", ("UGA",), ("KEN",)) in _triples("Uganda welcomed the offer made by Kenya.")


def test_a_brokered_act_makes_no_stance_toward_the_broker():
    assert not any("KEN" in t[2] for t in _triples("Uganda signed the deal brokered by Kenya."))


def test_an_act_reacted_to_is_an_event_of_its_own_maker():
    found = _triples("Uganda condemned the threats made by Kenya against Uganda.")
    assert ("THREATEN", ("KEN",), ("UGA",)) in found
    # the act's actor must be named in its own phrase, not borrowed from the stance
    assert not any(t[0] == "THREATEN" for t in _triples("Uganda condemned threats against Kenya."))


def test_joint_action_partners_are_co_actors_and_partners_of_backers():
    found = _triples(
        "French forces, in cooperation with Britain and with support from Italy, carried out "
        "strikes against Libya."
    )
    assert ("COOPERATE", ("ITA",), ("FRA", "GBR")) in found
    assert ("ASSAULT", ("FRA", "GBR"), ("LBY",)) in found  # "in cooperation" is no light verb


def test_praise_and_treaty_verbs():
    assert ("SUPPORT", ("KEN",), ("TZA", "UGA")) in _triples(
        "Kenya appreciated the joint efforts of Uganda and Tanzania in reaching the deal."
    )
    assert ("SUPPORT", ("KEN",), ("UGA",)) in _triples("Kenya commended Uganda for its role.")
    assert ("SUPPORT", ("KEN",), ("TZA", "UGA")) in _triples(  # CAMEO 057: SUPPORT
        "Kenya had earlier reached peace treaties with Uganda and Tanzania."
    )
