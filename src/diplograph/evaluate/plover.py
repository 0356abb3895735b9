"""Scorer for the external PLOVER gold sentences (filled in by the events work)."""

from __future__ import annotations

from pathlib import Path

from diplograph.evaluate.report import Section


def score_plover(path: Path) -> list[Section]:
    """Type accuracy and actor/recipient code F1 on PLOVER gold sentences."""
    return []
