"""What the last fetch of each http(s) URL answered: validators for conditional re-polls."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from diplograph.store import schema as s
from diplograph.store.articles import find_article, now
from diplograph.store.database import Database

#: Columns of a ``fetched_urls`` row besides ``fetched_at`` (set when saved).
FETCH_FIELDS = ("url", "final_url", "etag", "last_modified", "status", "content_type")


def fetch_state(db: Database, url: str) -> dict[str, Any] | None:
    """The remembered answer for ``url`` (validators, final URL, status), or None."""
    with db.connect() as conn:
        row = conn.execute(select(s.fetched_urls).where(s.fetched_urls.c.url == url)).first()
    return dict(row._mapping) if row else None


def save_fetch_states(db: Database, rows: list[dict[str, Any]]) -> None:
    """Remember each row's answer (insert or replace), in one transaction."""
    if not rows:
        return
    stamp = now()
    t = s.fetched_urls
    with db.begin() as conn:
        for row in rows:
            values = {key: row.get(key) for key in FETCH_FIELDS}
            conn.execute(t.delete().where(t.c.url == values["url"]))
            conn.execute(t.insert().values(**values, fetched_at=stamp))


def stored_url(db: Database, url: str) -> bool:
    """True when an article from ``url`` (or from where ``url`` last redirected) is stored."""
    if find_article(db, url=url, source=url) is not None:
        return True
    state = fetch_state(db, url)
    final = state.get("final_url") if state else None
    return bool(final and final != url and find_article(db, url=final, source=None))
