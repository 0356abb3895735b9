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


def test_parquet_goes_to_redirected_stdout_as_the_readme_tour_does(tmp_path):
    import io

    import pyarrow.parquet as pq

    db = str(tmp_path / "t.db")
    runner.invoke(app, ["ingest", str(corpus(tmp_path)), "--db", db])
    result = runner.invoke(app, ["export", "events", "--db", db, "--format", "parquet"])
    assert result.exit_code == 0, result.output
    table = pq.read_table(io.BytesIO(result.stdout_bytes))
    events = [json.loads(line) for line in runner.invoke(
        app, ["export", "events", "--db", db]).stdout.splitlines()]  # fmt: skip
    assert table.num_rows == len(events) >= 1
    assert table.column("id").to_pylist() == [e["id"] for e in events]


def test_parquet_to_a_terminal_is_refused_with_one_line(tmp_path):
    import os
    import pty
    import subprocess
    import sys
    from pathlib import Path

    db = str(tmp_path / "t.db")
    runner.invoke(app, ["ingest", str(corpus(tmp_path)), "--db", db])
    leader, follower = pty.openpty()
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-m", "diplograph", "export", "events", "--db", db,
                           "--format", "parquet"], stdout=follower, stderr=subprocess.PIPE,
                          env={**os.environ, "PYTHONPATH": str(root / "src")}, timeout=60)
    os.close(follower)
    os.close(leader)
    assert proc.returncode == 2
    message = proc.stderr.decode()
    assert "Parquet is binary" in message and "-o FILE" in message
    assert "Traceback" not in message


def test_bench_measures_ingest_both_baselines_cpu_and_memory(tmp_path):
    result = run_bench([str(corpus(tmp_path))], load_settings(workers=1), repeat=1)
    assert result.articles == 1 and result.sentences == 3 and result.words > 20
    assert list(result.runs) == ["ingest, 1 worker", "spaCy parse of every sentence",
                                 "spaCy tokenizer only"]  # fmt: skip
    assert result.ingest_time > 0 and result.parse_time > 0 and result.ratio > 0
    parse = result.runs["spaCy parse of every sentence"]
    tokens = result.runs["spaCy tokenizer only"]
    assert parse.wall_s > tokens.wall_s > 0  # CPU time ticks are too coarse for 3 sentences
    # CPU clocks tick in 10 ms steps: for 3 sentences either run may read 0.0 or 0.01.
    assert parse.cpu_s >= 0 and tokens.cpu_s >= 0 and result.runs["ingest, 1 worker"].cpu_s > 0
    assert result.peak_rss_bytes > 50 * 2**20
    assert [t.name.split(" (")[0] for t in result.targets()] == [
        "ingest CPU", "parse-all wall / ingest wall", "peak RSS of the process tree, MiB"]
    assert result.targets()[2].met  # one short article stays far below 1.5 GB


def test_bench_command_prints_runs_and_targets(tmp_path):
    folder = str(corpus(tmp_path))
    result = runner.invoke(app, ["bench", folder, "--json", "--workers", "1"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["articles"] == 1 and figures["ratio"] > 0 and figures["peak_rss_mb"] > 0
    assert figures["runs"]["spaCy tokenizer only"]["wall_s"] >= 0
    assert {t["name"] for t in figures["targets"]} >= {"peak RSS of the process tree, MiB"}
    text = runner.invoke(app, ["bench", folder, "--workers", "1"])
    assert "MISSED" in text.stdout or "met" in text.stdout
    assert "parse-all wall / ingest wall" in text.stdout
