"""Storing: nothing half-written when an article fails; readers during a write; the pool."""

from __future__ import annotations

import json

from sqlalchemy import event as sa_event
from sqlalchemy import func, insert, select
from tests.ingest.helpers import BODY

from diplograph.config import Settings
from diplograph.ingest.clean import clean_input
from diplograph.model import ActorRef, Event, RawInput, ReadFailure
from diplograph.pipeline import IngestReport, _store, _store_chunk, processed
from diplograph.store import open_database
from diplograph.store import schema as s
from diplograph.store.articles import now


def article(text: str, source: str = "a.txt"):
    art = clean_input(RawInput(source=source, content=text.encode(), media_type="text/plain"))
    art.sentences = []
    return art


def event(art, event_id: str) -> Event:
    usa = ActorRef(code="USA", sector="GOV", text="US", start=0, end=2)
    return Event(id=event_id, article_id=art.id, event="CONSULT", actor=[usa], recipient=[],
                 sentence=0, start=0, end=10, text=art.text[:10])  # fmt: skip


def count(db, table) -> int:
    with db.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_an_article_that_fails_to_store_leaves_nothing_behind_and_the_batch_goes_on(db):
    first = article(BODY + " First.")
    broken = article(BODY + " Broken.", source="broken.txt")
    broken.events = [event(broken, "same-id"), event(broken, "same-id")]  # second insert fails
    last = article(BODY + " Last.", source="c.txt")
    report = IngestReport()
    for art in (first, broken, last):
        _store(db, art, report)
    assert report.stored == 2 and len(report.failures) == 1
    assert "broken.txt" in str(report.failures[0]) and "nothing of it was written" in str(
        report.failures[0])
    with db.connect() as conn:
        ids = set(conn.execute(select(s.articles.c.id)).scalars())
    assert ids == {first.id, last.id}
    assert count(db, s.events) == 0
    with db.connect() as conn:
        raws = set(conn.execute(select(s.raw_inputs.c.source)).scalars())
    assert "broken.txt" not in raws


def test_readers_can_query_while_an_ingest_holds_a_write_transaction(tmp_path):
    path = str(tmp_path / "wal.db")
    writer = open_database(path)
    reader = open_database(path)
    _store(writer, article(BODY), IngestReport())
    with writer.begin() as conn:
        conn.execute(insert(s.raw_inputs).values(
            id="x" * 64, source="x.txt", media_type="text/plain", hints=json.dumps({}),
            content=b"x", received_at=now()))  # fmt: skip
        assert count(reader, s.articles) == 1  # does not block, sees the committed state
        assert count(reader, s.raw_inputs) == 1
    assert count(reader, s.raw_inputs) == 2
    writer.close()
    reader.close()


def test_the_pool_gives_the_same_results_in_the_same_order():
    raws = [RawInput(source=f"r{i}.txt", content=f"{BODY} Item {i}.".encode(),
                     media_type="text/plain") for i in range(6)]  # fmt: skip
    raws.append(RawInput(source="bad.txt", content=b"\xff\xfe\x00bad", media_type="text/plain"))
    serial = list(processed(raws, Settings(workers=1)))
    pooled = list(processed(raws, Settings(workers=2, pool_threshold=2)))
    assert [getattr(x, "text", str(x)) for x in serial] == [
        getattr(x, "text", str(x)) for x in pooled]
    assert [x.source for x in pooled[:6]] == [f"r{i}.txt" for i in range(6)]


def commits(db) -> list[int]:
    """A list that grows by one at every commit on ``db``."""
    seen: list[int] = []
    sa_event.listen(db.engine, "commit", lambda _conn: seen.append(1))
    return seen


def test_a_chunk_of_articles_is_stored_in_one_transaction(db):
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    arts = [article(BODY.replace("Thursday", day), source=f"{day}.txt") for day in days]
    seen = commits(db)
    report = IngestReport()
    _store_chunk(db, [*arts[:2], ReadFailure("gone.txt", "could not be read"), *arts[2:],
                      arts[0]], report)  # fmt: skip
    assert len(seen) == 1
    assert (report.read, report.stored, report.duplicates) == (6, 5, 1)
    assert [str(f) for f in report.failures] == ["gone.txt: could not be read"]
    assert report.article_ids == [a.id for a in arts]
    assert count(db, s.articles) == 5


def test_a_chunk_with_an_article_that_cannot_be_stored_keeps_the_others(db):
    first = article(BODY + " First.")
    broken = article(BODY + " Broken.", source="broken.txt")
    broken.events = [event(broken, "same-id"), event(broken, "same-id")]  # second insert fails
    last = article(BODY + " Last.", source="c.txt")
    report = IngestReport()
    _store_chunk(db, [ReadFailure("gone.txt", "could not be read"), first, broken, last], report)
    assert (report.read, report.stored) == (3, 2)
    assert [f.source for f in report.failures] == ["gone.txt", "broken.txt"]
    assert "nothing of it was written" in str(report.failures[1])
    with db.connect() as conn:
        ids = set(conn.execute(select(s.articles.c.id)).scalars())
    assert ids == {first.id, last.id}
    assert count(db, s.events) == 0
