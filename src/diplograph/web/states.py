"""Relationship states for the UI, from the relations package's timelines.

``diplograph.relations.timeline`` decides what holds when (SPEC §4: a value
holds from its date until a later claim changes it; disagreeing claims are
kept as conflicts). This module only reshapes its intervals for the API, the
dyad page's state bands and the overview's edge colours.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from diplograph.relations.facets import STATE_MODALITIES
from diplograph.relations.timeline import Interval, build_timeline
from diplograph.relations.timeline import as_of as timeline_as_of
from diplograph.store import Database

#: Claim modalities that can set a state; the others are shown apart, not counted.
COUNTED = tuple(STATE_MODALITIES)
#: The first day of an interval with an open start, for lexicographic comparison with ISO days.
OPEN_START = "0000-01-01"


def interval_json(iv: Interval) -> dict[str, Any]:
    """An interval as SPEC §5 JSON with display fields (claim text, outlet) and its as-of span."""
    out = iv.to_json(display=True)
    out["holds_from"] = iv.holds_from.isoformat() if iv.holds_from else None
    out["holds_to"] = iv.holds_to.isoformat() if iv.holds_to else None
    return out


def segments_from_rows(
    a: str, b: str, rows: list[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Every facet of the dyad (a < b): its intervals, oldest first, with claims and conflicts.

    ``rows`` are the dyad's claim rows (``store.relations.dyad_claims``).
    """
    return {facet: [interval_json(iv) for iv in ivs]
            for facet, ivs in build_timeline(a, b, rows).items()}  # fmt: skip


def as_of(db: Database, a: str, b: str, day: date) -> list[dict[str, Any]]:
    """Every facet of the dyad as of ``day`` (SPEC §5 relations objects)."""
    return [iv.to_json() for iv in timeline_as_of(db, a, b, day).values()]


def facet_steps(claims: list[dict[str, Any]], facet: str) -> dict[tuple[str, str], list[list[str]]]:
    """Per dyad, the ``[first day, value]`` steps of ``facet``, oldest first.

    ``claims`` are claim rows of many dyads (with outlet and story id); a step
    with an open start begins on :data:`OPEN_START`.
    """
    by_dyad: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in claims:
        if row["facet"] == facet:
            by_dyad[(row["a"], row["b"])].append(row)
    out: dict[tuple[str, str], list[list[str]]] = {}
    for (a, b), rows in by_dyad.items():
        intervals = build_timeline(a, b, rows).get(facet, [])
        steps = [[iv.holds_from.isoformat() if iv.holds_from else OPEN_START, iv.value]
                 for iv in intervals]  # fmt: skip
        if steps:
            out[(a, b)] = sorted(steps)
    return out
