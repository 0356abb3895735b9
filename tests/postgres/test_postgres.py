"""The same ingests into SQLite and a real PostgreSQL server give the same exports."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.config import load_settings
from diplograph.export import export_articles, export_events, export_relations, export_stories
from diplograph.pipeline import ingest
from diplograph.reprocess import reprocess_all
from diplograph.store import Database, open_database
from diplograph.store.database import schema_revision
from diplograph.store.web_articles import search_articles

pytestmark = pytest.mark.postgres

CORPUS = Path(__file__).resolve().parents[1] / "scale" / "data"


def exports(db: Database) -> dict[str, str]:
    """Every SPEC §5 JSON Lines export of ``db``, by name."""
    out: dict[str, str] = {}
    for name, fn in (("articles", export_articles), ("events", export_events),
                     ("stories", export_stories), ("relations", export_relations)):  # fmt: skip
        fh = io.StringIO()
        fn(db, fh)
        out[name] = fh.getvalue()
    return out


def ingest_both(paths: list[str], sqlite: Database, pg: Database) -> tuple[object, object]:
    """Ingest ``paths`` into both stores in one process (so the same code runs for both)."""
    settings = load_settings(workers=1)
    return ingest(paths, sqlite, settings), ingest(paths, pg, settings)


@pytest.fixture
def pg(pg_url: str):
    """An open, migrated PostgreSQL store."""
    database = open_database(pg_url)
    yield database
    database.close()


def test_migrations_reach_head_and_rerun_cleanly(pg, pg_url, db):
    assert pg.engine.dialect.name == "postgresql"
    assert schema_revision(pg) is not None
    assert schema_revision(pg) == schema_revision(db)
    again = open_database(pg_url)  # upgrading an up-to-date store is a no-op
    try:
        assert schema_revision(again) == schema_revision(pg)
    finally:
        again.close()


def test_hand_written_corpus_exports_match_sqlite(pg, db):
    paths = [str(CORPUS)]
    lite, post = ingest_both(paths, db, pg)
    assert (lite.stored, lite.failed) == (5, 1)
    assert (post.stored, post.duplicates, post.failed) == (5, 0, 1)
    assert post.stories_changed == lite.stories_changed
    first_lite, first_pg = exports(db), exports(pg)
    assert first_lite["events"].count("\n") > 5
    assert first_pg == first_lite
    again_lite, again_pg = ingest_both(paths, db, pg)  # every article is now a duplicate
    assert again_pg.duplicates == again_lite.duplicates == 5
    assert exports(pg) == first_lite


def test_seed_exports_match_sqlite(pg, db, seeds):
    lite, post = ingest_both([str(seeds)], db, pg)
    assert post.stored == lite.stored > 0
    assert exports(pg) == exports(db)


def test_reprocess_matches_sqlite(pg, db):
    ingest_both([str(CORPUS)], db, pg)
    settings = load_settings(workers=1)
    assert reprocess_all(pg, settings).done == reprocess_all(db, settings).done == 5
    assert exports(pg) == exports(db)


def test_search_falls_back_to_like_on_postgres(pg, db):
    ingest_both([str(CORPUS)], db, pg)
    post = search_articles(pg, "embassies Riyadh")
    assert post.total == 1
    assert "Saudi Arabia" in post.items[0]["title"]
    assert search_articles(db, "embassies Riyadh").total == 1
    assert search_articles(pg, "100%_nothing").total == 0


def test_cli_commands_work_on_a_postgres_url(pg_url, tmp_path):
    runner = CliRunner()
    lite = str(tmp_path / "cli.db")
    for target in (pg_url, lite):
        result = runner.invoke(app, ["ingest", str(CORPUS / "a3_sanctions.txt"),
                                     str(CORPUS / "a5_embassy.txt"), "--db", target])  # fmt: skip
        assert result.exit_code == 0, result.output
        assert "stored 2" in result.output
    for command in (["stats"], ["stories"], ["relations", "SAU"]):
        result = runner.invoke(app, [*command, "--db", pg_url])
        assert result.exit_code == 0, result.output
    outputs = []
    for target in (pg_url, lite):
        result = runner.invoke(app, ["export", "events", "--db", target])
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("\n") >= 2  # the two articles yield events
