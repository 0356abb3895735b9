"""The literal prefilter before lexicon regex searches never skips a text that matches."""

from __future__ import annotations

import re

import pytest

from diplograph.framing.terms import lexicon
from diplograph.prefilter import lowered_for_prefilter, may_match, required_literals
from diplograph.relations.facets import stative_patterns

TEXTS = (
    "Israel and Morocco have no diplomatic ties, officials said.",
    "Riyadh severed RELATIONS with Tehran in 2016.",
    "The two countries agreed to restore full diplomatic relations on Friday.",
    "Bahrain joined the Abraham Accords in 2020.",
    "Turkey banned Armenian aircraft from its airspace.",
    "The Zionist regime and the so-called Islamic State were named.",
    "Neither had ties with the other; they don't have formal relations.",
    "İsrael and Türkiye have NO ties.",  # odd case folds: no prefilter at all
    "The weather was mild.",
)


def test_required_literals_of_a_pattern():
    rx = re.compile(r"\b(?:have|has)\s+no\s+(?:formal\s+)?(?:ties|relations)", re.IGNORECASE)
    needs = required_literals(rx)
    assert frozenset({"no"}) in needs
    assert frozenset({"ties", "relations"}) in needs
    assert frozenset({"formal"}) not in needs  # optional words are never required
    assert may_match(rx, "they have no ties".lower())
    assert not may_match(rx, "they have no links")


def test_a_pattern_with_an_empty_alternative_requires_nothing_from_it():
    rx = re.compile(r"(?:cut|)\s*ties", re.IGNORECASE)
    assert required_literals(rx) == (frozenset({"ties"}),)
    assert may_match(rx, " ties")


def test_odd_case_folds_turn_the_prefilter_off():
    assert lowered_for_prefilter("SİNCE") is None
    rx = re.compile("since", re.IGNORECASE)
    assert rx.search("SİNCE") is None or may_match(rx, lowered_for_prefilter("SİNCE"))
    assert may_match(re.compile("ſtate", re.IGNORECASE), None)


@pytest.mark.parametrize("text", TEXTS)
def test_packaged_patterns_are_never_skipped_on_a_text_they_match(text):
    lowered = lowered_for_prefilter(text)
    regexes = [p.regex for p in stative_patterns()] + [e.pattern for e in lexicon()]
    for rx in regexes:
        if rx.search(text):
            assert may_match(rx, lowered), rx.pattern
    assert any(not may_match(rx, lowered) for rx in regexes) or lowered is None


def test_seed_sentences_lose_no_match(seeds):
    from diplograph.ingest import iter_inputs
    from diplograph.pipeline import _before_events

    regexes = [p.regex for p in stative_patterns()] + [e.pattern for e in lexicon()]
    matched = 0
    for raw in iter_inputs([str(seeds)], max_bytes=10_000_000):
        for sent in _before_events(raw).sentences:
            lowered = lowered_for_prefilter(sent.text)
            for rx in regexes:
                if rx.search(sent.text):
                    matched += 1
                    assert may_match(rx, lowered), (rx.pattern, sent.text)
    assert matched > 0


def test_the_memo_of_literals_keeps_each_pattern_its_own(monkeypatch):
    import diplograph.prefilter as prefilter

    monkeypatch.setattr(prefilter, "_NEEDS_MAX", 2)  # the memo is emptied when full
    for n in range(6):
        word = f"treaty{n}"
        rx = re.compile(rf"\b{word}\b", re.IGNORECASE)
        assert may_match(rx, f"the {word} was signed")
        assert not may_match(rx, "the accord was signed")
        assert prefilter._NEEDS[id(rx)][0] is rx
    assert len(prefilter._NEEDS) <= 2
