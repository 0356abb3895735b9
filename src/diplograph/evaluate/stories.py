"""Scorer for stories (filled in by the stories work)."""

from __future__ import annotations

from diplograph.evaluate.context import EvalContext
from diplograph.evaluate.report import Section


def score(ctx: EvalContext) -> list[Section]:
    """Sections for stories; none until implemented."""
    return []
