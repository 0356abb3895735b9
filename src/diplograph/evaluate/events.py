"""Scorer for events (filled in by the events work)."""

from __future__ import annotations

from diplograph.evaluate.context import EvalContext
from diplograph.evaluate.report import Section


def score(ctx: EvalContext) -> list[Section]:
    """Sections for events; none until implemented."""
    return []
