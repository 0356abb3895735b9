"""The real seed articles (../shared): mentions the events stage depends on."""

from __future__ import annotations

from tests.actors.helpers import mentions

from diplograph.ingest import clean_input
from diplograph.model import RawInput
from diplograph.sentences import split_sentences


def _article(path):
    art = clean_input(RawInput(path.name, path.read_bytes(), "text/plain", path=str(path)))
    art.sentences = split_sentences(art.text)
    return art


def test_seed_mentions_resolve_the_parties_of_the_gold_events(seeds):
    found = {p.name[:3]: mentions(_article(p)) for p in sorted(seeds.glob("*.txt"))}
    codes = {k: {m.code for m in v} for k, v in found.items()}
    assert {"USA", "ISR", "ARE", "MAR", "OMN", "BHR"} <= codes["000"]
    assert {"ISR", "SAU", "USA", "IRN", "IRQ"} <= codes["001"]
    assert {"ISR", "QAT", "SAU", "ARE", "EGY", "JOR", "USA", "BHR", "MAR", "SDN"} <= codes["004"]
    coref = {(m.text, m.code) for m in found["004"] if m.kind == "coref"}
    assert ("The Persian Gulf periphery state", "QAT") in coref
    assert ("the kingdom", "SAU") in coref
    assert {c for t, c in coref if t == "the two sides"} == {"SAU", "ISR"}
    assert not [m for v in found.values() for m in v if m.text in ("Arab", "Jewish")]
