"""Reading stories back: the export order, listings with filters, one story by id."""

from __future__ import annotations

import re
from collections.abc import Iterator

from diplograph.errors import ConfigError, NotFoundError
from diplograph.model import Story
from diplograph.store import Database
from diplograph.store.stories import iter_story_rows, story_row, story_rows

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_CODE = re.compile(r"[A-Za-z]{2,8}")


def _story(row: dict) -> Story:
    return Story(
        story_id=row["id"], title=row["title"], article_ids=list(row.get("article_ids", [])),
        outlets=list(row["outlets"]), first_seen=row["first_seen"], last_seen=row["last_seen"],
        independent_sources=list(row["independent_sources"]),
    )  # fmt: skip


def iter_stories(db: Database) -> Iterator[Story]:
    """Every story, ordered by first_seen (undated last) then id: deterministic for exports."""
    for row in iter_story_rows(db):
        yield _story(row)


def list_stories(
    db: Database, *, since: str | None = None, actor: str | None = None, limit: int | None = 50,
    offset: int = 0,
) -> list[dict]:
    """Stories newest first, as dicts: SPEC §5 keys plus ``codes`` and ``article_count``.

    ``since`` keeps stories last seen on or after that date (``YYYY[-MM[-DD]]``);
    ``actor`` keeps stories whose articles mention that actor code.
    """
    if since is not None and not _DATE.fullmatch(since):
        raise ConfigError(f"--since {since!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD")
    if actor is not None and not _CODE.fullmatch(actor):
        raise ConfigError(f"--actor {actor!r}: give an actor code such as ISR, USA or UNO")
    rows = story_rows(db, since=since, actor=actor, limit=limit, offset=offset)
    return [
        {"story_id": r["id"], "title": r["title"], "first_seen": r["first_seen"],
         "last_seen": r["last_seen"], "outlets": r["outlets"],
         "independent_sources": r["independent_sources"], "codes": r["codes"],
         "article_count": r["article_count"]}
        for r in rows
    ]  # fmt: skip


def get_story(db: Database, story_id: str) -> Story:
    """One story by id; raises NotFoundError naming the id when the store has none."""
    row = story_row(db, story_id)
    if row is None:
        raise NotFoundError(
            f"no story {story_id!r} in this store; `diplograph stories` lists the ids"
        )
    return _story(row)
