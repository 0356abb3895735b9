"""Recall on measures the lexicon lacked, and stances aimed at the right side (issue 10)."""

from __future__ import annotations

import pytest
from tests.events.helpers import make_article, triples_of

from diplograph.events import extract_events
from diplograph.nlp import parser

ACTORS = {
    **{
        c: (code, "GOV")
        for c, code in (
            ("Norway", "NOR"),
            ("Chile", "CHL"),
            ("Peru", "PER"),
            ("Bolivia", "BOL"),
            ("Chilean", "CHL"),
            ("Norwegian", "NOR"),
        )
    },
    "the Andean Council": ("AND", "IGO"),
}


@pytest.fixture(scope="module", autouse=True)
def spacy_model():
    """Load the parser once."""
    return parser()


def _kinds(text: str):
    return triples_of(extract_events(make_article(text, ACTORS)))


def test_missiles_fired_at_a_state_are_an_assault_on_it():
    assert ("ASSAULT", ("PER",), ("BOL",)) in _kinds("Peru fired missiles at Bolivia on Sunday.")


def test_intercepting_drones_is_an_assault_but_intercepting_an_envoy_is_not():
    assert ("ASSAULT", ("NOR",), ("CHL",)) in _kinds("Norway intercepted Chilean drones.")
    assert not any(t == "ASSAULT" for t, _, _ in _kinds("Norway intercepted Chile's envoy."))


def test_an_ambassador_sent_back_restores_ties():
    assert ("SUPPORT", ("PER",), ("BOL",)) in _kinds("Peru returned its ambassador to Bolivia.")


def test_readmitted_to_an_organisation_makes_the_organisation_the_actor():
    kinds = _kinds("Peru was readmitted to the Andean Council on Friday.")
    assert ("SUPPORT", ("AND",), ("PER",)) in kinds


def test_condemning_a_strike_is_toward_its_maker_not_its_target():
    kinds = _kinds("Norway condemned Peru's strike on Bolivia.")
    assert ("ACCUSE", ("NOR",), ("PER",)) in kinds
    assert not any(t == "ACCUSE" and "BOL" in r for t, _, r in kinds)


def test_welcoming_a_truce_between_others_is_toward_both():
    assert ("SUPPORT", ("NOR",), ("CHL", "PER")) in _kinds(
        "Norway welcomed the truce between Chile and Peru."
    )


def test_restoring_ties_between_others_still_makes_the_subject_a_broker():
    events = extract_events(make_article("Norway helped restore ties between Chile and Peru.",
                                         ACTORS))  # fmt: skip
    assert any(e.event == "SUPPORT" and {a.code for a in e.actor} == {"CHL", "PER"}
               and [m.code for m in e.mediator] == ["NOR"] for e in events)  # fmt: skip


def test_prisoners_exchanged_by_two_states_are_a_release_each_way():
    kinds = _kinds("Chile and Peru exchanged prisoners on Monday.")
    assert {("RETREAT", ("CHL",), ("PER",)), ("RETREAT", ("PER",), ("CHL",))} <= kinds


def test_a_deal_between_two_states_is_an_agreement_of_both():
    assert ("AGREE", ("BOL", "CHL"), ()) in _kinds(
        "The deal between Chile and Bolivia unfroze frozen funds."
    )


def test_a_deal_takes_no_party_from_the_verb_that_governs_it():
    kinds = _kinds("Norway and Peru sought to revive the old deal.")
    assert not any(t == "AGREE" for t, _, _ in kinds)


def test_an_embassy_opened_or_closed_in_a_state_is_toward_that_state():
    assert ("SUPPORT", ("PER",), ("BOL",)) in _kinds("Peru reopened its embassy in Bolivia.")
    assert ("SANCTION", ("PER",), ("BOL",)) in _kinds("Peru closed its embassy in Bolivia.")
    assert ("SUPPORT", ("PER",), ("BOL",)) in _kinds("Peru's embassy in Bolivia opened today.")


def test_a_war_in_a_state_is_an_assault_on_it():
    assert ("ASSAULT", ("PER",), ("BOL",)) in _kinds("Peru wants to end its war in Bolivia.")


def test_a_planned_act_is_an_agreement_and_the_act_to_come():
    events = extract_events(make_article("Peru will reopen its embassy in Bolivia.", ACTORS))
    assert {(e.event, e.modality) for e in events} == {("AGREE", "future"),
                                                       ("SUPPORT", "future")}  # fmt: skip


def test_backers_cooperate_with_the_partner_named_in_cooperation_with_the_subject():
    kinds = _kinds(
        "The Norwegian forces, in cooperation with Chile and with the support of Peru, "
        "carried out strikes against Bolivia."
    )
    assert ("COOPERATE", ("PER",), ("CHL", "NOR")) in kinds


def test_the_place_of_targets_struck_is_the_recipient():
    assert ("ASSAULT", ("PER",), ("BOL",)) in _kinds("Peru struck military targets in Bolivia.")


def test_a_treaty_reached_or_between_two_states_is_a_signing_not_an_intent():
    assert ("SUPPORT", ("PER",), ("BOL", "CHL")) in _kinds(
        "Years before, Peru reached peace treaties with both Chile and Bolivia."
    )
    assert ("SUPPORT", ("BOL", "PER"), ()) in _kinds(
        "Ties have been cold since the peace treaty between Peru and Bolivia."
    )


def test_a_conditional_threat_is_toward_the_one_whose_act_is_the_condition():
    assert ("THREATEN", ("PER",), ("BOL",)) in _kinds(
        "Peru threatened to halt the talks unless Bolivia paid its debts."
    )


def test_arriving_in_a_state_is_a_visit_and_a_lodged_protest_an_accusation():
    assert ("CONSULT", ("PER",), ("BOL",)) in _kinds("Peru's president arrived in Bolivia today.")
    assert ("ACCUSE", ("PER",), ("CHL",)) in _kinds("Peru lodged an official protest with Chile.")


def test_a_vow_of_a_hostile_act_is_a_threat_but_a_vow_to_end_a_war_is_not():
    assert ("THREATEN", ("PER",), ("BOL",)) in _kinds("Peru vowed to retaliate against Bolivia.")
    kinds = _kinds("Peru pledged to restore ties with Chile and end the war in Bolivia.")
    assert not any(t == "THREATEN" for t, _, _ in kinds)


def test_helping_defend_a_state_is_military_cooperation_with_it():
    assert ("COOPERATE", ("NOR",), ("PER",)) in _kinds(
        "Norway helped defend Peru against the Chilean attack."
    )


def test_backers_hung_above_the_support_noun_still_cooperate_with_the_actors():
    kinds = _kinds(
        "Peru, along with Chile and support from Norway, conducted strikes against rebel "
        "targets in Bolivia yesterday."
    )
    assert ("COOPERATE", ("NOR",), ("CHL", "PER")) in kinds


def test_an_exchange_with_a_recipient_is_a_release_each_way():
    kinds = _kinds("Peru exchanged prisoners with Bolivia.")
    assert {("RETREAT", ("PER",), ("BOL",)), ("RETREAT", ("BOL",), ("PER",))} <= kinds


def test_a_release_in_exchange_for_what_another_holds_is_a_release_each_way():
    kinds = _kinds("Peru freed ten detainees in exchange for prisoners held by Bolivia.")
    assert {("RETREAT", ("PER",), ("BOL",)), ("RETREAT", ("BOL",), ("PER",))} <= kinds


def test_a_reaction_to_a_strike_is_toward_its_maker_not_its_target():
    kinds = _kinds("Peru's strike on Bolivia drew condemnation from Norway.")
    assert ("ACCUSE", ("NOR",), ("PER",)) in kinds


def test_upgraded_representation_and_resumed_missions_restore_ties():
    assert ("SUPPORT", ("PER",), ("BOL",)) in _kinds(
        "Peru upgraded its diplomatic representation in Bolivia."
    )
    assert ("SUPPORT", ("PER",), ("BOL",)) in _kinds(
        "Peru resumed its diplomatic mission in Bolivia."
    )


def test_a_vow_to_exact_a_price_or_make_a_state_pay_is_a_threat():
    assert ("THREATEN", ("PER",), ("BOL",)) in _kinds("Peru vowed to exact a price from Bolivia.")
    assert ("THREATEN", ("PER",), ("BOL",)) in _kinds("Peru vowed to make Bolivia pay.")


def test_a_call_received_from_another_state_is_a_consultation():
    assert ("CONSULT", ("PER",), ("CHL",)) in _kinds(
        "Peru's minister received a call from the Chilean president."
    )
