"""Story clustering (stub)."""

from __future__ import annotations

from collections.abc import Sequence

from diplograph.config import Settings
from diplograph.store import Database


def assign_stories(db: Database, article_ids: Sequence[str], settings: Settings) -> int:
    """Place newly stored articles into stories; return how many stories changed."""
    return 0
