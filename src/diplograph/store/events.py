"""Reading stored events back for export, in a deterministic order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select

from diplograph.store import schema as s
from diplograph.store.database import Database

_JSON_FIELDS = ("actor", "recipient", "mediator", "mode", "context", "attribution")


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
            out = dict(row._mapping)
            for key in _JSON_FIELDS:
                empty: object = {} if key == "attribution" else []
                out[key] = json.loads(out[key]) if out[key] else empty
            yield out


def event_count(db: Database) -> int:
    """How many events the store holds."""
    with db.connect() as conn:
        return conn.execute(select(func.count()).select_from(s.events)).scalar_one()
