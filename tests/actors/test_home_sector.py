"""Bare sector nouns ("police", "the rebels", "President" + an unknown name) take the one
state the sentence or article names (cues.csv ``home_sector``), else stay unresolved."""

from __future__ import annotations

from tests.actors.helpers import by_text, mentions


def test_police_and_protesters_take_the_one_state_of_the_sentence(article):
    found = by_text(mentions(article("Police dispersed protesters outside the parliament "
                                     "building in Lima, Peru.")))  # fmt: skip
    assert (found["Police"].code, found["Police"].sector) == ("PER", "GOV")
    assert (found["protesters"].code, found["protesters"].sector) == ("PER", "CVL")


def test_the_rebels_with_no_group_in_view_are_rebels_of_the_state(article):
    found = by_text(mentions(article("In Mozambique, the rebels seized two villages overnight.")))
    assert (found["the rebels"].code, found["the rebels"].sector) == ("MOZ", "REB")


def test_a_president_the_registry_does_not_know_is_the_state_government(article):
    found = by_text(mentions(article("President Tomas Verhaal of Suriname sacked the cabinet.")))
    assert (found["President Tomas Verhaal"].code, found["President Tomas Verhaal"].sector) \
        == ("SUR", "GOV")  # fmt: skip


def test_the_opposition_takes_the_state_the_whole_article_names(article):
    text = "Ecuador votes on Sunday. The opposition rejected the count."
    found = by_text(mentions(article(text)))
    assert (found["The opposition"].code, found["The opposition"].sector) == ("ECU", "PTY")


def test_a_sector_noun_stays_unresolved_when_two_states_are_named(article):
    found = mentions(article("Police said protesters from Chile and Bolivia marched together."))
    assert {m.code for m in found if m.text in ("Police", "protesters")} == set()
    assert {m.code for m in found} == {"CHL", "BOL"}


def test_a_sector_noun_with_its_own_country_keeps_it(article):
    found = by_text(mentions(article("Syrian troops entered a town that Turkey patrols.")))
    assert (found["Syrian troops"].code, found["Syrian troops"].sector) == ("SYR", "MIL")


def test_militants_firing_into_the_one_state_named_are_not_its_own(article):
    found = mentions(article("Overnight, militants fired rockets into Norway's north."))
    assert {(m.code, m.sector) for m in found} == {("NOR", "GOV")}
