"""Ingest through the real CLI: every kind of bad input, stdin, exports, stats, reprocess."""

from __future__ import annotations

import gzip
import json

from tests.ingest.helpers import BODY, export, failure_lines, ingest, page, warc_bytes, write
from typer.testing import CliRunner

from diplograph.cli import app

runner = CliRunner()
EXPORT_KEYS = ["id", "url", "source", "outlet", "title", "published", "published_precision",
               "published_basis", "language", "text", "story_id"]  # fmt: skip


def test_each_bad_input_gets_one_line_the_batch_goes_on_and_stored_articles_stay(tmp_path):
    db = tmp_path / "t.db"
    good = tmp_path / "good"
    good.mkdir()
    write(good / "first.txt", "URL: https://a.example/2020/08/13/first\nTitle: First\n\n" + BODY)
    assert ingest(str(good), "--db", str(db)).exit_code == 0
    before = export(db)

    bad = tmp_path / "bad"
    bad.mkdir()
    write(bad / "binary.txt", b"GIF89a\x00\x01\x02\x03 not text")
    write(bad / "nul.txt", b"Israel and Oman\x00\x00 met.")
    write(bad / "empty.txt", b"")
    data = warc_bytes([(f"https://w.example/{i}", page(f"W{i}", [BODY * 3 + f" Page {i}."]))
                       for i in range(3)])
    write(bad / "cut.warc.gz", data[: int(len(data) * 0.8)])
    packed = gzip.compress(" ".join(f"Talks round {i} ended." for i in range(80)).encode())
    write(bad / "cut.txt.gz", packed[: len(packed) // 2])
    write(bad / "lines.jsonl", "\n".join([
        json.dumps({"url": "https://j.example/1", "text": BODY + " One."}),
        '{"url": "https://j.example/2", "text": ',
        json.dumps({"url": "https://j.example/3", "title": "no text"}),
        json.dumps({"url": "https://j.example/4", "text": "x" * 3000}),
    ]) + "\n")  # fmt: skip
    latin1 = "Le Maroc et Isra\u00ebl ont sign\u00e9 un accord. " * 3
    write(bad / "latin1.txt", latin1.encode("latin-1"))
    write(bad / "cp1252.html", page("D\u00e9claration", [BODY + " Caf\u00e9."]).replace(
        'charset="utf-8"', 'charset="windows-1252"').encode("cp1252"))
    write(bad / "nobody.html", "<html><head><title>Menu</title></head><body><nav>Home</nav>"
          "</body></html>")
    write(bad / "notafeed.xml", "<?xml version='1.0'?><config><item>1</item></config>")
    write(bad / "huge.txt", "word " * 1000)
    result = ingest(str(bad), "--db", str(db), "--max-input-bytes", "2500")

    assert result.exit_code == 1, result.output
    lines = failure_lines(result.output)
    expected = {
        "binary.txt": "binary file", "nul.txt": "NUL byte", "empty.txt": "file is empty",
        "cut.warc.gz": "truncated or corrupt WARC after record", "cut.txt.gz": "gzip",
        "latin1.txt": "not valid UTF-8", "nobody.html": "no body text",
        "notafeed.xml": "not an RSS or Atom feed", "huge.txt": "too large",
    }  # fmt: skip
    for name, reason in expected.items():
        mine = [line for line in lines if f"{name}:" in line or f"{name}#" in line]
        assert len(mine) == 1 and reason in mine[0], (name, lines)
    jsonl = [line for line in lines if "lines.jsonl" in line]
    assert len(jsonl) == 3
    assert "line 2 is not valid JSON" in jsonl[0]
    assert "line 3: record has no article text" in jsonl[1]
    assert "line 4 is too large" in jsonl[2]
    assert "at byte 16" in next(line for line in lines if "latin1.txt" in line)
    assert len(lines) == len(expected) + 3

    after = export(db)
    assert after["first.txt"] == before["first.txt"]
    assert "lines.jsonl#1" in after and "cp1252.html" in after
    assert "Caf\u00e9" in after["cp1252.html"]["text"]
    assert "cut.warc.gz#1" in after and "cut.warc.gz#2" in after


def test_stdin_export_fields_and_idempotent_reingest(tmp_path):
    db = tmp_path / "t.db"
    text = "URL: https://s.example/2023/03/10/deal\nOutlet: Stdin Times\n\n" + BODY
    result = runner.invoke(app, ["ingest", "-", "--db", str(db)], input=text.encode())
    assert result.exit_code == 0, result.output
    assert "read 1, stored 1, duplicates 0, failed 0" in result.output
    row = export(db)["<stdin>"]
    assert list(row) == EXPORT_KEYS
    assert (row["outlet"], row["published"], row["published_basis"]) == (
        "Stdin Times", "2023-03-10", "url")
    again = runner.invoke(app, ["ingest", "-", "--db", str(db)], input=text.encode())
    assert "stored 0, duplicates 1" in again.output


def test_multi_record_sources_are_numbered(tmp_path):
    db = tmp_path / "t.db"
    write(tmp_path / "recs.jsonl", "\n".join(json.dumps({"url": f"https://r.example/{i}",
          "title": f"R{i}", "text": f"{BODY} Record {i}."}) for i in range(1, 4)))  # fmt: skip
    assert ingest(str(tmp_path / "recs.jsonl"), "--db", str(db)).exit_code == 0
    rows = export(db)
    assert sorted(rows) == ["recs.jsonl#1", "recs.jsonl#2", "recs.jsonl#3"]
    assert rows["recs.jsonl#2"]["title"] == "R2"


def test_stats_and_reprocess_keep_ids(tmp_path):
    db = tmp_path / "t.db"
    write(tmp_path / "a.txt", "Outlet: Alpha\nPublished: 2022-08-17\n\n" + BODY)
    write(tmp_path / "b.txt", "Bahrain recalled its ambassador from Israel on Thursday.\n")
    assert ingest(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", str(db)).exit_code == 0
    stats = runner.invoke(app, ["stats", "--db", str(db)])
    assert stats.exit_code == 0 and "Alpha" in stats.output and "header" in stats.output
    before = {k: v["id"] for k, v in export(db).items()}
    result = runner.invoke(app, ["reprocess", "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "re-processed 2 of 2 articles; failed 0" in result.output
    assert {k: v["id"] for k, v in export(db).items()} == before
