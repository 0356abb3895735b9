"""Through the CLI: ingest → export events (jsonl, gdelt), and the bench command."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from diplograph.bench import run_bench
from diplograph.cli import app
from diplograph.config import load_settings

runner = CliRunner()

ARTICLE = ("URL: https://news.example/2022/07/02/visit\nPublished: 2022-07-02\n\n"
           "Israeli military officials secretly traveled to Qatar last week.\n"
           "In November 2020, Saudi Arabia allowed Israeli airlines to use its airspace.\n"
           "The weather in Doha was hot and nobody said anything else of note today.\n")


def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_ingest_then_export_events_as_plover_and_gdelt(tmp_path):
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["ingest", str(corpus(tmp_path)), "--db", db])
    assert result.exit_code == 0, result.output
    exported = runner.invoke(app, ["export", "events", "--db", db])
    assert exported.exit_code == 0, exported.output
    events = [json.loads(line) for line in exported.stdout.splitlines()]
    assert {e["event"] for e in events} >= {"CONSULT"}
    assert all(e["url"] == "https://news.example/2022/07/02/visit" for e in events)
    gdelt = runner.invoke(app, ["export", "events", "--db", db, "--format", "gdelt"])
    assert gdelt.stdout.splitlines()[0].startswith("GLOBALEVENTID\tSQLDATE")
    assert len(gdelt.stdout.splitlines()) >= 1 + len(events)


def test_parquet_needs_an_output_file(tmp_path):
    db = str(tmp_path / "t.db")
    runner.invoke(app, ["ingest", str(corpus(tmp_path)), "--db", db])
    result = runner.invoke(app, ["export", "events", "--db", db, "--format", "parquet"])
    assert result.exit_code != 0


def test_bench_measures_both_runs_and_memory(tmp_path):
    result = run_bench([str(corpus(tmp_path))], load_settings(workers=1), repeat=1)
    assert result.articles == 1 and result.sentences == 3 and result.words > 20
    assert result.ingest_time > 0 and result.parse_time > 0 and result.ratio > 0
    assert result.peak_rss_bytes > 50 * 2**20
    assert [row[0] for row in result.rows()] == ["ingest (full pipeline)",
                                                 "spaCy parse of every sentence"]


def test_bench_command_prints_the_ratio(tmp_path):
    result = runner.invoke(app, ["bench", str(corpus(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["articles"] == 1 and figures["ratio"] > 0 and figures["peak_rss_mb"] > 0
