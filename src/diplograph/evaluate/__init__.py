"""Evaluation against gold annotations: one scorer per stage, one report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from diplograph.evaluate import events, ingest_scores, relations, stories
from diplograph.evaluate.context import EvalContext, match_gold
from diplograph.evaluate.gold import GoldArticle, load_gold
from diplograph.evaluate.plover import score_plover
from diplograph.evaluate.report import Counts, EvalReport, Section
from diplograph.store import Database

#: Scorers run in this order; each returns zero or more sections.
SCORERS: list[tuple[str, Callable[[EvalContext], list[Section]]]] = [
    ("boilerplate", ingest_scores.score_boilerplate),
    ("dates", ingest_scores.score_dates),
    ("events", events.score),
    ("stories", stories.score),
    ("relations", relations.score),
]


def run_eval(
    db: Database,
    gold_path: Path,
    *,
    plover: Path | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
) -> EvalReport:
    """Score the store ``db`` against the gold file at ``gold_path`` (and PLOVER sentences)."""
    ctx = match_gold(db, load_gold(gold_path))
    report = EvalReport(
        gold=gold_path.name,
        matched=len(ctx.matched),
        unmatched=[p.gold.key for p in ctx.pairs if p.article is None],
    )
    steps = len(SCORERS) + (1 if plover else 0)
    for i, (name, scorer) in enumerate(SCORERS, start=1):
        report.sections.extend(scorer(ctx))
        if on_progress:
            on_progress(i, steps, name)
    if plover is not None:
        report.sections.extend(score_plover(plover))
        if on_progress:
            on_progress(steps, steps, "plover")
    return report


__all__ = ["Counts", "EvalContext", "EvalReport", "GoldArticle", "Section", "run_eval"]
