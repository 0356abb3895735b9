"""The store: migrations match the schema, one transaction per article, idempotent ingest."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from diplograph.model import Article, RawInput, stable_id
from diplograph.store import count_rows, iter_articles, save_article
from diplograph.store.fts import include_object
from diplograph.store.schema import metadata


def make_article(text: str, url: str | None = None) -> Article:
    raw = RawInput(source="a.txt", content=text.encode(), media_type="text/plain")
    return Article(id=stable_id(url or text), source="a.txt", text=text, raw=raw, url=url)


def test_migrations_create_exactly_the_schema(db):
    with db.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object})
        diff = compare_metadata(ctx, metadata)
    assert diff == [], f"migrations and store/schema.py disagree: {diff}"


def test_same_url_is_stored_once(db):
    first = save_article(db, make_article("Israel and Morocco met.", url="https://x.example/1"))
    again = save_article(db, make_article("Israel and Morocco met again.", url="https://x.example/1"))
    assert first.stored and not again.stored
    assert again.duplicate_of == first.article_id
    assert count_rows(db)["articles"] == 1


def test_same_content_without_url_is_stored_once(db):
    assert save_article(db, make_article("Egypt  and Jordan\nsigned.")).stored
    assert not save_article(db, make_article("egypt and jordan signed.")).stored
    assert count_rows(db)["articles"] == 1


def test_raw_input_is_kept(db):
    save_article(db, make_article("Qatar severed trade ties in 2009."))
    assert count_rows(db)["raw inputs"] == 1
    [row] = list(iter_articles(db))
    assert row["text"] == "Qatar severed trade ties in 2009."
