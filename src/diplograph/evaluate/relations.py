"""Scorer for relations: the store's as-of answer for every distinct gold dyad fact.

For each distinct gold fact (a, b, facet, as_of) — facts from every gold article,
since an as-of answer comes from the whole store — the system's value of that
facet on ``as_of`` (a year or a month means its last day, as ``relations --as-of``
reads it) is right when it is one of the gold values. When several articles
annotate the same fact, the acceptable values are those all of them accept
(all they accept between them, if they share none).
"""

from __future__ import annotations

from typing import Any

from diplograph.evaluate.context import EvalContext
from diplograph.evaluate.report import Section
from diplograph.relations.facets import end_of_period, ordered
from diplograph.relations.timeline import Interval, timeline, values_at

Fact = tuple[str, str, str, str]
COLUMNS = ["a", "b", "facet", "as of", "gold", "system", "right"]


def gold_facts(ctx: EvalContext) -> dict[Fact, set[str]]:
    """Distinct gold facts with their acceptable values, in first-seen order."""
    facts: dict[Fact, set[str]] = {}
    union: dict[Fact, set[str]] = {}
    for pair in ctx.pairs:
        for rel in pair.gold.relations or []:
            a, b = ordered(str(rel["a"]), str(rel["b"]))
            key = (a, b, str(rel["facet"]), str(rel["as_of"]))
            raw: Any = rel["value"]
            values = {str(v) for v in raw} if isinstance(raw, list) else {str(raw)}
            facts[key] = facts[key] & values if key in facts else set(values)
            union.setdefault(key, set()).update(values)
    return {key: values or union[key] for key, values in facts.items()}


def score(ctx: EvalContext) -> list[Section]:
    """Accuracy of ``relations A B --as-of DATE`` over the gold facts, with a per-fact table."""
    facts = gold_facts(ctx)
    if not facts:
        return []
    timelines: dict[tuple[str, str], dict[str, list[Interval]]] = {}
    rows: list[list[str]] = []
    right = 0
    for (a, b, facet, when), accepted in facts.items():
        if (a, b) not in timelines:
            timelines[(a, b)] = timeline(ctx.db, a, b)
        held = values_at(timelines[(a, b)], end_of_period(when)).get(facet)
        system = held.value if held else None
        ok = system in accepted
        right += ok
        rows.append([a, b, facet, when, "|".join(sorted(accepted)), system or "-",
                     "yes" if ok else "no"])  # fmt: skip
    metrics = {"accuracy": round(right / len(facts), 4), "facts": len(facts), "right": right}
    notes = [f"as-of facts right: {right}/{len(facts)}"]
    return [Section("relations as-of", metrics, COLUMNS, rows, notes)]
