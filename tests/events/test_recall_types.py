"""Recall on the types that had none: nominal strikes, backers of an act, swaps, carried steps."""

from __future__ import annotations

import pytest
from tests.events.helpers import make_article, triples_of

from diplograph.events import extract_events
from diplograph.nlp import parser

ACTORS = {
    c: (code, "GOV")
    for c, code in (("Norway", "NOR"), ("Chile", "CHL"), ("Peru", "PER"), ("Bolivia", "BOL"))
}


@pytest.fixture(scope="module", autouse=True)
def spacy_model():
    """Load the parser once."""
    return parser()


def _kinds(text: str):
    return triples_of(extract_events(make_article(text, ACTORS)))


def test_nominal_strikes_take_the_place_struck_as_recipient():
    assert ("ASSAULT", ("NOR",), ("BOL",)) in _kinds(
        "Norway conducted air strikes in Bolivia on Tuesday."
    )


def test_backers_of_an_act_cooperate_with_its_actor():
    kinds = _kinds(
        "Norway, with support from Chile and Peru, carried out strikes against Bolivia on Friday."
    )
    assert ("COOPERATE", ("CHL", "PER"), ("NOR",)) in kinds
    assert any(t == "ASSAULT" and "NOR" in a and r == ("BOL",) for t, a, r in kinds)


def test_backers_of_something_that_is_no_act_code_nothing():
    kinds = _kinds("The role of Norway, along with assistance from Chile, was praised by Peru.")
    assert not any(t == "COOPERATE" for t, _, _ in kinds)


def test_a_swap_between_two_states_is_a_release_each_way():
    kinds = _kinds("A prisoner swap between Chile and Peru took place on Monday.")
    assert {("RETREAT", ("CHL",), ("PER",)), ("RETREAT", ("PER",), ("CHL",))} <= kinds


def test_welcoming_a_truce_between_others_stays_one_event():
    kinds = _kinds("Norway welcomed the truce between Chile and Peru.")
    assert not any(
        t == "SUPPORT" and len(a) == 1 and len(r) == 1 and "NOR" not in a + r for t, a, r in kinds
    )


def test_a_ceasefire_agreed_is_also_a_ceasefire():
    kinds = _kinds("Chile and Peru agreed to a ceasefire on Monday.")
    assert ("AGREE", ("CHL", "PER"), ()) in kinds
    assert {("RETREAT", ("CHL",), ("PER",)), ("RETREAT", ("PER",), ("CHL",))} <= kinds


def test_an_agreement_without_a_material_step_adds_nothing():
    kinds = _kinds("Chile and Peru agreed to hold talks on Monday.")
    assert not any(t == "RETREAT" for t, _, _ in kinds)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile unfroze Peru's assets on Monday.", ("RETREAT", ("CHL",), ("PER",))),
        ("Chile voiced its condemnation of Peru on Monday.", ("ACCUSE", ("CHL",), ("PER",))),
        ("Chile lambasted Peru on Monday.", ("ACCUSE", ("CHL",), ("PER",))),
        ("Chile snubbed Peru at the summit.", ("REJECT", ("CHL",), ("PER",))),
        ("Chile shot down a drone from Peru.", ("ASSAULT", ("CHL",), ("PER",))),
    ],
)
def test_new_trigger_words_code_their_type(text, expected):
    assert expected in _kinds(text)
