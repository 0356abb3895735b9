"""Hostile input through the real CLI: each bad record is one line, every good one is stored."""

from __future__ import annotations

import json
import os

import pytest
from tests.ingest.helpers import BODY, export, failure_lines, ingest, page, warc_bytes, write


def test_a_deeply_nested_json_line_is_one_failure_and_the_rest_is_stored(tmp_path):
    lines = [json.dumps({"url": "https://j.example/1", "text": BODY}),
             "[" * 100_000 + "]" * 100_000,
             json.dumps({"url": "https://j.example/3", "text": BODY + " Three."})]  # fmt: skip
    (tmp_path / "in").mkdir()
    write(tmp_path / "in" / "a.jsonl", "\n".join(lines) + "\n")
    write(tmp_path / "in" / "b.txt", "URL: https://t.example/b\n\n" + BODY
          + "Officials in both capitals welcomed the agreement on Friday.")
    db = tmp_path / "t.db"
    result = ingest(str(tmp_path / "in"), "--db", str(db))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "RecursionError" not in result.output
    [line] = failure_lines(result.output)
    assert "a.jsonl" in line and "line 2 is JSON nested too deeply" in line
    assert set(export(db)) == {"a.jsonl#1", "a.jsonl#3", "b.txt"}
    assert "stories updated" in result.output and "stored 3" in result.output


def test_control_characters_are_dropped_from_record_metadata(tmp_path):
    record = {"url": "https://n.example/a\x00b", "title": "Oslo\x00 talks",
              "outlet": "Ne\x00ws\x07",
              "text": "Norway\x00 and Chile held talks in Oslo on Tuesday about fishing quotas."}
    db = tmp_path / "t.db"
    result = ingest(str(write(tmp_path / "r.jsonl", json.dumps(record) + "\n")), "--db", str(db))
    assert result.exit_code == 0, result.output
    row = export(db)["r.jsonl#1"]
    assert (row["url"], row["title"], row["outlet"]) == ("https://n.example/ab", "Oslo talks",
                                                         "News")  # fmt: skip
    assert "\x00" not in json.dumps(row, ensure_ascii=False)
    assert row["text"].startswith("Norway and Chile")


@pytest.mark.parametrize("content", [b"A", b"7", b"Hi there!", b"<p>Yes.</p>"])
def test_a_tiny_file_is_refused_with_the_reason(tmp_path, content):
    name = "tiny.html" if content.startswith(b"<") else "tiny.txt"
    db = tmp_path / "t.db"
    result = ingest(str(write(tmp_path / name, content)), "--db", str(db))
    assert result.exit_code == 1
    [line] = failure_lines(result.output)
    assert name in line
    assert "too little text" in line or "no body text" in line or "no article text" in line
    assert export(db) == {}


def test_a_line_longer_than_spacys_limit_is_split_not_refused(tmp_path):
    words = "the quiet river runs past old mills and green fields under grey skies "
    text = (words * (1_100_000 // len(words) + 1))[:1_100_000]
    db = tmp_path / "t.db"
    result = ingest(str(write(tmp_path / "long.txt", text + "\n")), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "E088" not in result.output
    assert export(db)["long.txt"]["text"] == text.strip()


def test_a_damaged_warc_is_one_line_without_warcio_noise(tmp_path, capfd):
    pages = [(f"https://w.example/{i}", page(f"Talks {i}", [BODY + f" Round {i}."]))
             for i in range(3)]  # fmt: skip
    data = warc_bytes(pages, gzip=False)
    start = data.index(b"Content-Length: ", data.index(b"WARC-Type: response"))
    end = data.index(b"\r\n", start)
    length = int(data[start + 16 : end])
    data = data[:start] + f"Content-Length: {length - 40}".encode() + data[end:]
    db = tmp_path / "t.db"
    result = ingest(str(write(tmp_path / "bad.warc", data)), "--db", str(db))
    assert result.exit_code == 1, result.output
    [line] = failure_lines(result.output)
    assert "bad.warc" in line and "Content-Length is probably wrong" in line
    assert "WARNING" not in result.output and "Remainder" not in result.output
    assert "Remainder" not in capfd.readouterr().err
    assert len(export(db)) >= 2


def test_broken_symbolic_links_in_a_folder_are_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "good.txt", BODY)
    os.symlink("missing.txt", folder / "dangling.txt")
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    db = tmp_path / "t.db"
    result = ingest(str(folder), "--db", str(db))
    assert result.exit_code == 1
    lines = failure_lines(result.output)
    assert len(lines) == 3, lines
    assert "dangling.txt" in lines[0] and "'missing.txt', which does not exist" in lines[0]
    assert all("loops back on itself" in line for line in lines[1:])
    assert set(export(db)) == {"good.txt"}


def test_a_warc_with_nothing_to_read_is_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "junk.warc", b"\x00")
    write(folder / "requests.warc", warc_bytes([], gzip=False))  # only a warcinfo record
    result = ingest(str(folder), "--db", str(tmp_path / "t.db"))
    assert result.exit_code == 1
    lines = failure_lines(result.output)
    assert len(lines) == 2, lines
    assert "junk.warc" in lines[0] and "not a WARC archive" in lines[0]
    assert "requests.warc" in lines[1] and "no HTML or text responses" in lines[1]
