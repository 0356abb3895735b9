"""The world map: every country coloured by one facet of its relation with a chosen country.

Shapes are Natural Earth's 1:110m countries (public domain), converted once by
``scripts/make_world_map.py`` into ``data/world_110m.json``: one SVG path per
country, already projected (Equal Earth), and a dot for each small state with
no shape at that scale. Values come from :func:`diplograph.relations.timeline.
partner_timelines`, the same intervals that answer ``relations --as-of``; each
partner's intervals become ``[first day, value, claims, conflicts]`` steps that
the page's slider reads to recolour the map without asking the server again.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from diplograph.relations.facets import FACETS
from diplograph.relations.timeline import Interval, partner_timelines
from diplograph.store import Database
from diplograph.web.states import OPEN_START

SHAPES = Path(__file__).parent / "data" / "world_110m.json"
DEFAULT_FACET = "diplomatic_ties"
#: A partner's value before its first step, and on days no claim speaks to.
NO_CLAIM = "unknown"
#: One step of a partner's timeline: [first day (ISO), value, claims, conflicts].
Step = list[Any]


@lru_cache(maxsize=1)
def world_shapes() -> dict[str, Any]:
    """The packaged country shapes and small-state dots (loaded once)."""
    return json.loads(SHAPES.read_text(encoding="utf-8"))


def interval_steps(intervals: list[Interval]) -> list[Step]:
    """A facet's intervals as steps, oldest first; an open start begins on ``OPEN_START``."""
    steps = [[iv.holds_from.isoformat() if iv.holds_from else OPEN_START, iv.value,
              len(iv.claims), len(iv.conflicts)] for iv in intervals]  # fmt: skip
    return sorted(steps, key=lambda s: s[0])


def partner_steps(db: Database, focus: str, facet: str) -> dict[str, list[Step]]:
    """Per partner of ``focus``, the steps of ``facet`` (partners with no value left out)."""
    out: dict[str, list[Step]] = {}
    for partner, facets in partner_timelines(db, focus, facet=facet).items():
        if facets.get(facet):
            out[partner] = interval_steps(facets[facet])
    return out


def step_at(steps: list[Step], day: str) -> Step:
    """The step in force on ``day`` (ISO); a no-claim step before the first one."""
    current: Step = [OPEN_START, NO_CLAIM, 0, 0]
    for step in steps:
        if step[0] <= day:
            current = step
    return current


def _span(steps: dict[str, list[Step]], today: str) -> tuple[str, str]:
    """The slider's first and last day: the earliest dated change, and today."""
    days = [s[0] for partner in steps.values() for s in partner if s[0] != OPEN_START]
    first = min(days, default=today)
    return min(first, today), today


def _place(code: str, name: str, steps: dict[str, list[Step]], day: str,
           focus: str) -> dict[str, Any]:  # fmt: skip
    since, value, claims, conflicts = step_at(steps.get(code, []), day)
    return {"code": code, "name": name, "value": "focus" if code == focus else value,
            "claims": claims, "conflicts": conflicts, "since": since,
            "linked": code in steps}  # fmt: skip


def build_map(steps: dict[str, list[Step]], focus: str, facet: str, day: date,
              names: dict[str, str]) -> dict[str, Any]:  # fmt: skip
    """Everything the map page draws for ``focus`` and ``facet`` as of ``day``.

    ``steps`` are :func:`partner_steps` of ``focus`` and ``facet``.

    ``countries`` and ``dots`` carry the shape (``d``, or ``x``/``y``) with the
    value, claim and conflict counts on ``day``; ``partners`` lists every partner
    with a value at some time (those not on the map too, e.g. organisations);
    ``steps`` is the data the slider reads.
    """
    if facet not in FACETS:
        raise ValueError(f"no facet {facet!r}; facets are {', '.join(FACETS)}")
    shapes = world_shapes()
    iso = day.isoformat()
    countries = [dict(_place(c["code"], names.get(c["code"], c["name"]), steps, iso, focus),
                      d=c["d"]) for c in shapes["countries"]]  # fmt: skip
    dots = [dict(_place(m["code"], names.get(m["code"], m["name"]), steps, iso, focus),
                 x=m["x"], y=m["y"]) for m in shapes["markers"]]  # fmt: skip
    on_map = {c["code"] for c in countries} | {d["code"] for d in dots}
    partners = [dict(_place(code, names.get(code, code), steps, iso, focus), on_map=code in on_map)
                for code in sorted(steps, key=lambda c: names.get(c, c))]  # fmt: skip
    first, last = _span(steps, date.today().isoformat())
    return {
        "focus": focus, "facet": facet, "as_of": iso, "facet_values": FACETS[facet],
        "width": shapes["width"], "height": shapes["height"],
        "countries": countries, "dots": dots, "partners": partners,
        "steps": steps, "first": first, "last": max(last, iso),
        "changes": sorted({s[0] for p in steps.values() for s in p if s[0] != OPEN_START}),
        "names": {code: names.get(code, code) for code in steps},
    }  # fmt: skip


def map_json(data: dict[str, Any]) -> dict[str, Any]:
    """The map as an API answer: the partners with their value on the day and their steps."""
    return {
        "country": data["focus"], "facet": data["facet"], "as_of": data["as_of"],
        "partners": [{"code": p["code"], "name": p["name"], "value": p["value"],
                      "claims": p["claims"], "conflicts": p["conflicts"],
                      "since": None if p["since"] == OPEN_START else p["since"],
                      "on_map": p["on_map"], "steps": data["steps"][p["code"]]}
                     for p in data["partners"]],
    }  # fmt: skip
