"""Exports in the interchange formats of SPEC §5. Every export is deterministic."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from diplograph.store import Database, iter_articles


def write_jsonl(rows, fh: IO[str]) -> int:
    """Write ``rows`` (dicts) as JSON Lines with stable key order; return the count."""
    n = 0
    for row in rows:
        fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
        n += 1
    return n


def export_articles(db: Database, fh: IO[str]) -> int:
    """Write every article (SPEC §5 fields) as JSON Lines."""
    return write_jsonl(iter_articles(db), fh)


def export_events(db: Database, target: IO[str] | Path | None, *, fmt: str = "jsonl") -> int:
    """Write every event as PLOVER JSON Lines, a GDELT-style table, or Parquet."""
    from diplograph.events.export import write_events

    return write_events(db, target, fmt=fmt)


def export_stories(db: Database, fh: IO[str]) -> int:
    """Write every story (SPEC §5 fields) as JSON Lines."""
    from diplograph.stories.query import iter_stories

    return write_jsonl((story.to_json() for story in iter_stories(db)), fh)


def export_relations(db: Database, fh: IO[str]) -> int:
    """Write every dyad facet value with its claims and conflicts as JSON Lines."""
    from diplograph.relations.timeline import iter_relation_values

    return write_jsonl(iter_relation_values(db), fh)
