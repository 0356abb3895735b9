"""Reading stored events back for export, in a deterministic order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select

from diplograph.store import schema as s
from diplograph.store.database import Database

_JSON_FIELDS = ("actor", "recipient", "mediator", "mode", "context", "attribution")


def decode_event_row(mapping: Any) -> dict[str, Any]:
    """An ``events`` row as a dict with its JSON columns decoded (SPEC §5 shapes)."""
    out = dict(mapping)
    for key in _JSON_FIELDS:
        if key in out:
            empty: object = {} if key == "attribution" else []
            out[key] = json.loads(out[key]) if out[key] else empty
    return out


def iter_event_rows(db: Database, *, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every stored event with its article's URL and publication date, JSON fields decoded.

    Ordered by article source, article id, sentence and event id, so the same
    store always exports the same bytes.
    """
    e, a = s.events, s.articles
    query = (
        select(e, a.c.url, a.c.source.label("article_source"), a.c.published)
        .join(a, a.c.id == e.c.article_id)
        .order_by(a.c.source, a.c.id, e.c.sentence, e.c.id)
    )
    with db.connect() as conn:
        for row in conn.execution_options(yield_per=batch).execute(query):
            yield decode_event_row(row._mapping)


def article_events(db: Database, article_id: str) -> list[dict[str, Any]]:
    """One article's stored events, JSON columns decoded, in id order."""
    query = select(s.events).where(s.events.c.article_id == article_id).order_by(s.events.c.id)
    with db.connect() as conn:
        return [decode_event_row(row._mapping) for row in conn.execute(query)]


def event_count(db: Database) -> int:
    """How many events the store holds."""
    with db.connect() as conn:
        return conn.execute(select(func.count()).select_from(s.events)).scalar_one()
