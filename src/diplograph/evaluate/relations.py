"""Scorer for relations (filled in by the relations work)."""

from __future__ import annotations

from diplograph.evaluate.context import EvalContext
from diplograph.evaluate.report import Section


def score(ctx: EvalContext) -> list[Section]:
    """Sections for relations; none until implemented."""
    return []
