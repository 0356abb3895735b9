"""Two ingests at once into one PostgreSQL store give the stories of one clean run.

The same check as ``tests/stories/test_robust.py`` makes on SQLite, here on a
real PostgreSQL server, where the story lock is a transaction advisory lock
and the two writers really run side by side (no database-wide write lock).
"""

from __future__ import annotations

import multiprocessing as mp

import pytest
from sqlalchemy import select
from tests.stories.conftest import FIXTURES
from tests.stories.test_robust import groups

from diplograph.config import load_settings
from diplograph.pipeline import ingest
from diplograph.store import open_database
from diplograph.store import schema as s
from diplograph.stories import assign_stories

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="needs fork"),
]


def _ingest_quietly(url: str, files: list[str], out) -> None:
    db = open_database(url)
    try:
        report = ingest(files, db, load_settings(workers=1))
        out.put([f.reason for f in report.failures])
    finally:
        db.close()


def _place_after(url: str, barrier, out) -> None:
    db = open_database(url)
    try:
        barrier.wait(60)
        assign_stories(db)
        out.put("placed")
    except Exception as exc:  # reported to the test, which fails with it
        out.put(repr(exc)[:300])
    finally:
        db.close()


def _clean_groups(tmp_path):
    path = str(tmp_path / "clean.db")
    clean = open_database(path)
    try:
        ingest([str(FIXTURES)], clean, load_settings(db=path, workers=1))
        return groups(clean)
    finally:
        clean.close()


def test_two_writers_placing_one_store_at_once_give_the_stories_of_one_clean_run(pg_url, tmp_path):
    pg = open_database(pg_url)
    ingest([str(FIXTURES)], pg, load_settings(workers=1))
    with pg.begin() as conn:  # every article stored, none placed: both writers place them all
        conn.execute(s.articles.update().values(story_id=None))
        conn.execute(s.stories.delete())
    fork = mp.get_context("fork")
    barrier, out = fork.Barrier(2), fork.Queue()
    procs = [fork.Process(target=_place_after, args=(pg_url, barrier, out)) for _ in range(2)]
    for p in procs:
        p.start()
    done = [out.get(timeout=180) for _ in procs]
    for p in procs:
        p.join()
    assert done == ["placed", "placed"]
    try:
        assert groups(pg) == _clean_groups(tmp_path)
    finally:
        pg.close()


def test_two_ingests_at_once_into_postgres_give_the_stories_of_one_clean_run(pg_url, tmp_path):
    files = sorted(str(p) for p in FIXTURES.glob("*.txt"))
    open_database(pg_url).close()  # migrate once, before the writers start
    fork = mp.get_context("fork")
    out = fork.Queue()
    # Both writers see every file (most are duplicates for one of them), in opposite orders.
    procs = [fork.Process(target=_ingest_quietly, args=(pg_url, order, out))
             for order in (files, files[::-1])]  # fmt: skip
    for p in procs:
        p.start()
    failures = [out.get(timeout=180) for _ in procs]
    for p in procs:
        p.join()
    assert failures == [[], []]  # duplicates are duplicates, not constraint failures
    pg = open_database(pg_url)
    try:
        with pg.connect() as conn:
            assert len(conn.execute(select(s.articles.c.id)).all()) == len(files)
        assert groups(pg) == _clean_groups(tmp_path)
    finally:
        pg.close()
