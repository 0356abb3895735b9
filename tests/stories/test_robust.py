"""Stories that survive crashes and concurrent writers, and keep their ids across reprocess.

The writers are forked processes (they inherit the loaded spaCy models, so
each starts in milliseconds) writing to one real SQLite store.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.stories.conftest import FIXTURES

from diplograph.config import load_settings
from diplograph.pipeline import ingest
from diplograph.reprocess import reprocess_all
from diplograph.store import open_database
from diplograph.store import schema as s
from diplograph.store.stories import set_stories, story_lock

pytestmark = pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="needs fork")
FORK = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None


def groups(db) -> set[frozenset[str]]:
    """The stories as sets of input file names (ids aside)."""
    with db.connect() as conn:
        rows = conn.execute(select(s.articles.c.source, s.articles.c.story_id)).all()
    by: dict[str | None, set[str]] = {}
    for source, story in rows:
        by.setdefault(story, set()).add(Path(source).name)
    assert None not in by, f"articles in no story: {by.get(None)}"
    return {frozenset(v) for v in by.values()}


def story_rows(db) -> set[tuple]:
    with db.connect() as conn:
        return set(conn.execute(select(s.stories.c.id, s.stories.c.article_count)).all())


def _ingest_then_hang(path: str, marker: str, stop_after: int) -> None:
    """Child: ingest the fixtures, and hang (to be killed) after ``stop_after`` records."""
    db = open_database(path)

    def hook(done: int, _name: str) -> None:
        if done == stop_after:
            Path(marker).write_text("stored")
            time.sleep(120)

    ingest([str(FIXTURES)], db, load_settings(db=path, workers=1), on_progress=hook)


def _place_then_hang(path: str, marker: str) -> None:
    """Child: inside the story transaction, put every article in one story, then hang."""
    db = open_database(path)
    with db.connect() as conn:
        ids = conn.execute(select(s.articles.c.id)).scalars().all()
    with story_lock(db) as conn:
        set_stories(conn, {aid: "st-half-written" for aid in ids})
        Path(marker).write_text("locked")
        time.sleep(120)


def _ingest_quietly(path: str, files: list[str], out) -> None:
    db = open_database(path)
    report = ingest(files, db, load_settings(db=path, workers=1))
    out.put([f.reason for f in report.failures])


def _kill_when(proc, marker: Path) -> None:
    for _ in range(600):
        if marker.exists() or not proc.is_alive():
            break
        time.sleep(0.05)
    assert marker.exists(), "the child never reached the point where it is killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.join()
    assert proc.exitcode == -signal.SIGKILL


def test_sigkill_mid_ingest_is_repaired_by_the_next_ingest(tmp_path, fixture_db):
    path = str(tmp_path / "killed.db")
    open_database(path).close()
    marker = tmp_path / "marker"
    proc = FORK.Process(target=_ingest_then_hang, args=(path, str(marker), 6))
    proc.start()
    _kill_when(proc, marker)
    db = open_database(path)
    with db.connect() as conn:
        left = conn.execute(select(s.articles.c.story_id)).scalars().all()
    # stored (the chunk holding the sixth record is written whole), never placed
    assert len(left) >= 6 and set(left) == {None}
    report = ingest([str(FIXTURES)], db, load_settings(db=path, workers=1))
    assert report.failed == 0 and report.duplicates == len(left)
    assert groups(db) == groups(fixture_db)
    assert story_rows(db) == story_rows(fixture_db)
    db.close()


def test_sigkill_inside_the_story_transaction_leaves_nothing_half_written(tmp_path, fixture_db):
    path = str(tmp_path / "half.db")
    db = open_database(path)
    settings = load_settings(db=path, workers=1)
    ingest([str(FIXTURES)], db, settings)
    with db.begin() as conn:  # as if the ingest had died before placing anything
        conn.execute(s.articles.update().values(story_id=None))
        conn.execute(s.stories.delete())
    marker = tmp_path / "marker"
    proc = FORK.Process(target=_place_then_hang, args=(path, str(marker)))
    proc.start()
    _kill_when(proc, marker)
    with db.connect() as conn:
        assert set(conn.execute(select(s.articles.c.story_id)).scalars()) == {None}
    ingest([], db, settings)  # an ingest of nothing repairs the store
    assert groups(db) == groups(fixture_db)
    db.close()


def test_two_ingests_at_once_give_the_stories_of_one_clean_run(tmp_path, fixture_db):
    path = str(tmp_path / "two.db")
    open_database(path).close()
    files = sorted(str(p) for p in FIXTURES.glob("*.txt"))
    out = FORK.Queue()
    # Both writers see every file (most are duplicates for one of them), in opposite orders.
    procs = [FORK.Process(target=_ingest_quietly, args=(path, order, out))
             for order in (files, files[::-1])]  # fmt: skip
    for p in procs:
        p.start()
    failures = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join()
    assert failures == [[], []]  # no spurious "UNIQUE constraint failed"
    db = open_database(path)
    with db.connect() as conn:
        assert len(conn.execute(select(s.articles.c.id)).all()) == len(files)
    assert groups(db) == groups(fixture_db)
    db.close()


def test_reprocess_keeps_every_story_id(tmp_path, fixture_db):
    path = tmp_path / "re.db"
    src = Path(str(fixture_db.engine.url.database))
    with fixture_db.begin() as conn:  # checkpoint the WAL into the file before copying it
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(src, path)
    db = open_database(str(path))
    with db.connect() as conn:
        before = dict(conn.execute(select(s.articles.c.id, s.articles.c.story_id)).all())
    report = reprocess_all(db, load_settings(db=str(path), workers=1))
    assert report.done == len(before) and not report.failures
    with db.connect() as conn:
        after = dict(conn.execute(select(s.articles.c.id, s.articles.c.story_id)).all())
    assert after == before
    assert story_rows(db) == story_rows(fixture_db)
    db.close()


def test_the_story_lock_lets_one_writer_in_at_a_time(tmp_path):
    import threading

    path = str(tmp_path / "lock.db")
    first, second = open_database(path), open_database(path)
    inside, release = threading.Event(), threading.Event()
    log: list[str] = []

    def holder() -> None:
        with story_lock(first):
            inside.set()
            release.wait(10)
            log.append("first leaves")

    def waiter() -> None:
        inside.wait(10)
        with story_lock(second):
            log.append("second enters")

    threads = [threading.Thread(target=holder), threading.Thread(target=waiter)]
    for t in threads:
        t.start()
    inside.wait(10)
    time.sleep(0.3)  # the waiter is blocked on the lock by now
    assert log == []
    release.set()
    for t in threads:
        t.join(15)
    assert log == ["first leaves", "second enters"]
    first.close()
    second.close()
