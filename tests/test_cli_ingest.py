"""End to end through the CLI: ingest, export, stats, bad input."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from diplograph.cli import app

runner = CliRunner()


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_ingest_then_export_articles(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus / "a.txt", "URL: https://news.example/2020/08/13/deal\nTitle: A deal\n"
          "Outlet: News Example\nPublished: 2020-08-13\n\n"
          "Israel and the UAE agreed to normalise.\n")
    write(corpus / "b.txt", "Bahrain recalled its ambassador from Israel.\n")
    db = tmp_path / "t.db"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "stored 2" in result.output
    exported = runner.invoke(app, ["export", "articles", "--db", str(db)])
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    by_source = {r["source"]: r for r in rows}
    assert by_source["a.txt"]["url"] == "https://news.example/2020/08/13/deal"
    assert by_source["a.txt"]["published"] == "2020-08-13"
    assert by_source["a.txt"]["title"] == "A deal"
    assert "normalise" in by_source["a.txt"]["text"]
    # Re-ingesting the same files stores nothing new.
    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert "stored 0, duplicates 2" in again.output


def test_bad_input_is_named_and_the_batch_goes_on(tmp_path):
    write(tmp_path / "good.txt", "Oman and Israel held talks.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    db = tmp_path / "t.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"),
                                 "--db", str(db)])  # fmt: skip
    assert result.exit_code == 1
    assert "empty.txt" in result.output
    assert "stored 1" in result.output
