"""The Ray runner gives the same store as the local runner.

The corpus in ``data/`` is hand-written for these tests (and tests/postgres):
a1 and a2 tell one story in two outlets, a6 has no article text and so is one
read failure in every ingest.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.config import load_settings
from diplograph.export import export_articles, export_events, export_relations, export_stories
from diplograph.pipeline import ingest
from diplograph.store import Database, open_database

CORPUS = Path(__file__).resolve().parent / "data"


def exports(db: Database) -> dict[str, str]:
    """Every SPEC §5 JSON Lines export of ``db``, by name."""
    out: dict[str, str] = {}
    for name, fn in (("articles", export_articles), ("events", export_events),
                     ("stories", export_stories), ("relations", export_relations)):  # fmt: skip
        fh = io.StringIO()
        fn(db, fh)
        out[name] = fh.getvalue()
    return out


def test_unknown_runner_is_refused(tmp_path):
    result = CliRunner().invoke(
        app, ["ingest", str(CORPUS), "--db", str(tmp_path / "x.db"), "--runner", "spark"]
    )
    assert result.exit_code != 0
    assert "--runner" in result.output and "local or ray" in result.output


@pytest.mark.ray
def test_ray_runner_matches_local_runner(tmp_path, monkeypatch):
    pytest.importorskip("ray.data", reason="Ray Data is missing: pip install 'diplograph[scale]'")
    from diplograph.scale import ray_runner

    monkeypatch.setattr(ray_runner, "CHUNK_RECORDS", 4)  # several Ray datasets, in order
    monkeypatch.setattr(ray_runner, "BATCH_RECORDS", 2)
    settings = load_settings(workers=2)
    local = open_database(str(tmp_path / "local.db"))
    ray_db = open_database(str(tmp_path / "ray.db"))
    paths = [str(CORPUS), str(CORPUS / "a4_aid.txt")]  # the second a4 is a duplicate
    try:
        by_local = ingest(paths, local, settings)
        by_ray = ray_runner.ingest(paths, ray_db, settings)
        assert (by_ray.read, by_ray.stored, by_ray.duplicates) == (6, 5, 1)
        assert (by_local.read, by_local.stored, by_local.duplicates) == (6, 5, 1)
        assert [str(f) for f in by_ray.failures] == [str(f) for f in by_local.failures]
        assert "a6_empty.txt" in str(by_ray.failures[0])
        assert by_ray.article_ids == by_local.article_ids
        assert by_ray.stories_changed == by_local.stories_changed
        want, got = exports(local), exports(ray_db)
        assert want["events"].count("\n") > 5
        assert got == want
    finally:
        local.close()
        ray_db.close()
