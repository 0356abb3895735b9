"""A store holding the hand-written multi-outlet fixtures, ingested once per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.config import load_settings
from diplograph.pipeline import ingest
from diplograph.store import open_database

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURES_GOLD = Path(__file__).parent / "fixtures.gold.jsonl"


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory):
    """The fixtures ingested in one batch (one worker) into a fresh store."""
    path = tmp_path_factory.mktemp("stories") / "fx.db"
    database = open_database(str(path))
    ingest([str(FIXTURES)], database, load_settings(db=str(path), workers=1))
    yield database
    database.close()


def story_of(db, source: str) -> str:
    """The story id of the article read from ``source``."""
    from sqlalchemy import select

    from diplograph.store import schema as s

    with db.connect() as conn:
        return conn.execute(
            select(s.articles.c.story_id).where(s.articles.c.source == source)
        ).scalar_one()
