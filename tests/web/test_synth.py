"""The synthetic store: deterministic by seed, skewed, consistent, and searchable."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from diplograph.errors import StoreError
from diplograph.store import count_rows, open_database
from diplograph.store.synth import synthesize
from diplograph.store.web_articles import search_articles
from diplograph.store.web_queries import dyad_volumes
from diplograph.web.bench import run_bench


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory):
    """A 3,000-event synthetic store shared by this module."""
    database = open_database(str(tmp_path_factory.mktemp("synth") / "s.db"))
    synthesize(database, events=3000, seed=5, batch_events=1000)
    yield database
    database.close()


def _dump(db, sql: str) -> list[tuple]:
    with db.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def test_exact_event_count_and_every_table_filled(synth_db):
    counts = count_rows(synth_db)
    assert counts["events"] == 3000
    assert counts["articles"] > 300 and counts["sentences"] > counts["articles"]
    assert counts["claims"] > 0 and counts["stories"] > 0 and counts["mentions"] > 3000


def test_same_seed_same_store_other_seed_other_store(synth_db, tmp_path):
    again = open_database(str(tmp_path / "again.db"))
    synthesize(again, events=3000, seed=5)
    query = "SELECT id, event, modality, date, actor, recipient FROM events ORDER BY id"
    assert _dump(again, query) == _dump(synth_db, query)
    other = open_database(str(tmp_path / "other.db"))
    synthesize(other, events=3000, seed=6)
    assert _dump(other, query) != _dump(synth_db, query)


def test_dyads_are_skewed_and_dates_span_the_decade(synth_db):
    volumes = [d["events"] for d in dyad_volumes(synth_db)]
    assert len(volumes) > 50
    assert sum(volumes[:10]) > 0.2 * sum(volumes)  # 10 of ~400 dyads: uniform would be 2.5 %
    [(first, last)] = _dump(synth_db, "SELECT min(date), max(date) FROM event_dyads "
                                      "WHERE length(date) = 10")  # fmt: skip
    assert first < "2016" and last > "2025"


def test_offsets_point_at_the_text(synth_db):
    rows = _dump(
        synth_db,
        "SELECT m.text, substr(a.text, m.start + 1, m.end - m.start) "
        "FROM mentions m JOIN articles a ON a.id = m.article_id LIMIT 500",
    )
    assert rows and all(name == span for name, span in rows)
    sents = _dump(
        synth_db,
        "SELECT e.text, substr(a.text, e.start + 1, e.end - e.start) "
        "FROM events e JOIN articles a ON a.id = e.article_id LIMIT 500",
    )
    assert all(s == span for s, span in sents)


def test_synth_refuses_a_store_that_holds_articles(synth_db):
    with pytest.raises(StoreError, match="empty store"):
        synthesize(synth_db, events=10)


def test_synthetic_articles_are_searchable(synth_db):
    page = search_articles(synth_db, "delegates attended", limit=5)
    assert page.total == count_rows(synth_db)["articles"]


def test_bench_reports_percentiles(synth_db):
    results = run_bench(synth_db, requests=12, warmup=2)
    assert [r["endpoint"] for r in results] == ["dyad timeline", "events table", "world map"]
    for r in results:
        assert r["requests"] == 12 and 0 < r["p50"] <= r["p95"] <= r["p99"] <= r["max"]


def test_indices_dropped_for_the_bulk_load_are_all_back(synth_db):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from diplograph.store.fts import include_object
    from diplograph.store.schema import metadata

    with synth_db.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert compare_metadata(ctx, metadata) == []


def test_bench_over_http_serves_with_uvicorn(synth_db):
    results = run_bench(synth_db, requests=5, warmup=1, over_http=True)
    assert [r["requests"] for r in results] == [5, 5, 5]


def test_monthly_counts_agree_between_the_sqlite_and_portable_paths(synth_db):
    from diplograph.store.web_queries import _dyad_months_grouped, dyad_months

    for d in dyad_volumes(synth_db)[:5]:
        for bounds in ({}, {"since": "2019-03-15", "until": "2021-02-10"}, {"until": "2015-06-30"}):
            fast = dyad_months(synth_db, d["a"], d["b"], **bounds)
            assert fast == _dyad_months_grouped(synth_db, d["a"], d["b"], **bounds), bounds
    busiest = dyad_volumes(synth_db)[0]
    months = dyad_months(synth_db, busiest["a"], busiest["b"])
    assert sum(n for _, n in months) > 0.7 * busiest["events"]  # year-only dates left out
