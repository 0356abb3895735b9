"""Re-processing stored raw inputs with the current pipeline."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import select

from diplograph.config import Settings
from diplograph.model import RawInput, ReadFailure
from diplograph.pipeline import process_safely
from diplograph.store import Database, replace_article
from diplograph.store import schema as s
from diplograph.stories import assign_stories


def reprocess_all(
    db: Database, settings: Settings, *, on_progress: Callable[[int, str], None] | None = None
) -> int:
    """Re-run every per-article stage on each stored article's raw input; return the count."""
    with db.connect() as conn:
        rows = conn.execute(
            select(s.articles.c.id, s.raw_inputs)
            .join(s.raw_inputs, s.raw_inputs.c.id == s.articles.c.raw_id)
            .order_by(s.articles.c.id)
        ).all()
    done: list[str] = []
    for i, row in enumerate(rows, start=1):
        m = row._mapping
        raw = RawInput(source=m["source"], content=m["content"], media_type=m["media_type"],
                       path=m["path"], url=m["url"], hints=json.loads(m["hints"]))  # fmt: skip
        article = process_safely(raw)
        if isinstance(article, ReadFailure):
            continue
        article.id = m["id"]
        for ev in article.events:
            ev.article_id = article.id
        replace_article(db, article)
        done.append(article.id)
        if on_progress:
            on_progress(i, raw.source)
    if done:
        assign_stories(db, done, settings)
    return len(done)
