"""End to end on the real seed articles: the claims the relations targets rest on."""

from __future__ import annotations

import pytest

from diplograph.model import RawInput
from diplograph.pipeline import process


@pytest.fixture
def seed_claims(seeds):
    """Every claim of the five seeds, as (a, b, facet, value, valid_from or None)."""
    out = set()
    for path in sorted(seeds.glob("*.txt")):
        raw = RawInput(source=path.name, content=path.read_bytes(), media_type="text/plain")
        for c in process(raw).claims:
            if c.modality in ("asserted", "historical"):
                out.add((c.a, c.b, c.facet, c.value, c.valid_from if c.kind == "change" else None))
    return out


def test_seed_states_and_dated_changes(seed_claims):
    have = {(a, b, f, v) for a, b, f, v, _ in seed_claims}
    for pair in (("ARE", "ISR"), ("ISR", "MAR"), ("ISR", "OMN"), ("BHR", "ISR"), ("ISR", "QAT")):
        assert (*pair, "diplomatic_ties", "none") in have
    assert ("ISR", "MAR", "diplomatic_ties", "informal") in have
    assert ("ISR", "SAU", "diplomatic_ties", "informal") in have
    assert {
        ("EGY", "ISR", "peace_treaty", "signed"),
        ("ISR", "JOR", "peace_treaty", "signed"),
    } <= have
    assert ("ISR", "QAT", "trade", "severed", "2009") in seed_claims
    assert ("ISR", "SAU", "airspace", "open", "2020-11") in seed_claims
    for pair in (("ARE", "ISR"), ("BHR", "ISR"), ("ISR", "MAR")):
        assert (*pair, "diplomatic_ties", "full", "2020") in seed_claims
