"""Readers: every format, content sniffing, and one clear failure per bad input."""

from __future__ import annotations

import gzip
import json

from tests.ingest.helpers import BODY, page, warc_bytes, write

from diplograph.ingest.readers import iter_inputs
from diplograph.model import RawInput, ReadFailure

LIMIT = 1_000_000


def read(*paths, max_bytes: int = LIMIT):
    return list(iter_inputs([str(p) for p in paths], max_bytes=max_bytes))


def test_json_lines_records_are_named_by_line_and_a_bad_line_does_not_stop_the_rest(tmp_path):
    lines = [
        json.dumps({"url": "https://a.example/1", "title": "One", "outlet": "A", "text": BODY,
                    "published": "2020-08-13", "language": "en"}),
        '{"url": "https://a.example/2", "text": "broken',
        json.dumps({"url": "https://a.example/3", "html": "<p>" + BODY + "</p>"}),
        json.dumps({"url": "https://a.example/4", "title": "No text"}),
        json.dumps(["not", "an", "object"]),
    ]
    out = read(write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n"))
    good = [r for r in out if isinstance(r, RawInput)]
    bad = [r for r in out if isinstance(r, ReadFailure)]
    assert [r.source for r in good] == ["feed.jsonl#1", "feed.jsonl#3"]
    assert good[0].hints["title"] == "One" and good[0].url == "https://a.example/1"
    assert good[0].media_type == "text/plain" and good[1].media_type == "text/html"
    messages = [str(f) for f in bad]
    assert "line 2 is not valid JSON" in messages[0] and "feed.jsonl" in messages[0]
    assert "line 4" in messages[1] and "no article text" in messages[1]
    assert "line 5" in messages[2] and "not an object" in messages[2]


def test_a_json_line_over_the_limit_is_refused_and_the_next_line_still_read(tmp_path):
    big = json.dumps({"text": "x " * 2000})
    small = json.dumps({"text": BODY})
    out = read(write(tmp_path / "big.jsonl", big + "\n" + small + "\n"), max_bytes=1000)
    assert isinstance(out[0], ReadFailure) and "line 1 is too large" in out[0].reason
    assert isinstance(out[1], RawInput) and out[1].source == "big.jsonl#2"


def test_rss_items_carry_their_full_content_and_metadata(tmp_path):
    rss = """<?xml version="1.0"?><rss version="2.0"
      xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
      <title>Desert Post - Diplomacy</title><link>https://desert.example/</link>
      <language>en</language>
      <item><title>First</title><link>https://desert.example/2021/01/05/first</link>
        <pubDate>Tue, 05 Jan 2021 23:30:00 +0300</pubDate><description>Short.</description>
        <content:encoded><![CDATA[<p>Full text of the first item about Qatar.</p>]]>
        </content:encoded>
      </item>
      <item><title>Second</title><link>https://desert.example/second</link>
        <description>Only a description here.</description></item>
    </channel></rss>"""
    out = read(write(tmp_path / "desert.xml", rss))
    assert [r.source for r in out] == ["desert.xml#1", "desert.xml#2"]
    first = out[0]
    assert b"Full text of the first item" in first.content
    assert first.hints["outlet"] == "Desert Post" and first.hints["title"] == "First"
    assert first.hints["published"].startswith("Tue, 05 Jan 2021")
    assert b"Only a description" in out[1].content


def test_atom_feed_saved_with_an_html_suffix_is_still_read_as_a_feed(tmp_path):
    atom = """<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
      <entry><title>Talks</title><link href="https://atom.example/talks"/>
        <updated>2022-08-17T10:00:00Z</updated>
        <content type="html">&lt;p&gt;Turkey and Israel held talks.&lt;/p&gt;</content></entry>
    </feed>"""
    out = read(write(tmp_path / "atom.html", atom))
    assert len(out) == 1 and isinstance(out[0], RawInput)
    assert out[0].url == "https://atom.example/talks" and out[0].media_type == "text/html"


def test_an_xml_file_that_is_not_a_feed_is_refused(tmp_path):
    out = read(write(tmp_path / "config.xml", "<?xml version='1.0'?><settings><a>1</a></settings>"))
    assert len(out) == 1 and isinstance(out[0], ReadFailure)
    assert "not an RSS or Atom feed" in out[0].reason


def test_warc_responses_become_records_with_their_target_uri(tmp_path):
    data = warc_bytes([("https://w.example/2022/08/17/a", page("A", [BODY])),
                       ("https://w.example/b", page("B", [BODY + " More."]))])  # fmt: skip
    out = read(write(tmp_path / "crawl.warc.gz", data))
    assert [r.source for r in out] == ["crawl.warc.gz#1", "crawl.warc.gz#2"]
    assert out[0].url == "https://w.example/2022/08/17/a"
    assert out[0].hints["charset"] == "utf-8"


def test_a_truncated_warc_keeps_the_records_before_the_cut(tmp_path):
    data = warc_bytes([(f"https://w.example/{i}", page(f"T{i}", [BODY * 3])) for i in range(3)])
    out = read(write(tmp_path / "cut.warc.gz", data[: int(len(data) * 0.8)]))
    good = [r for r in out if isinstance(r, RawInput)]
    bad = [r for r in out if isinstance(r, ReadFailure)]
    assert len(good) >= 1 and len(bad) == 1
    assert "truncated or corrupt WARC" in bad[0].reason and "cut.warc.gz" in bad[0].source


def test_an_uncompressed_warc_without_suffix_is_sniffed(tmp_path):
    data = warc_bytes([("https://x.example/", page("X", [BODY]))], gzip=False)
    out = read(write(tmp_path / "archive.bin", data))
    assert len(out) == 1 and out[0].url == "https://x.example/"


def test_html_saved_as_txt_is_read_as_html(tmp_path):
    out = read(write(tmp_path / "page.txt", page("Saved page", [BODY])))
    assert out[0].media_type == "text/html"


def test_gzipped_text_is_decompressed_and_truncated_gzip_refused(tmp_path):
    ok = read(write(tmp_path / "a.txt.gz", gzip.compress(BODY.encode())))
    assert isinstance(ok[0], RawInput) and ok[0].content == BODY.encode()
    assert ok[0].source == "a.txt.gz"
    packed = gzip.compress((BODY * 200).encode())
    bad = read(write(tmp_path / "b.txt.gz", packed[: len(packed) // 2]))
    assert isinstance(bad[0], ReadFailure) and "gzip" in bad[0].reason


def test_binary_empty_and_enormous_files_each_give_one_reason(tmp_path):
    out = read(
        write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
        write(tmp_path / "nul.txt", b"Some text\x00\x01\x02 more"),
        write(tmp_path / "empty.txt", b""),
        write(tmp_path / "blank.txt", b"  \n\n "),
        write(tmp_path / "huge.txt", "word " * 400),
        max_bytes=1000,
    )
    reasons = {f.source.rsplit("/", 1)[-1]: f.reason for f in out}
    assert "PNG" in reasons["image.txt"]
    assert "NUL byte at byte 9" in reasons["nul.txt"]
    assert reasons["empty.txt"] == "file is empty" == reasons["blank.txt"]
    assert "too large" in reasons["huge.txt"] and "1,000" in reasons["huge.txt"]


def test_folders_are_read_recursively_skipping_hidden_files_and_globs_expand(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    write(tmp_path / "sub" / "a.txt", BODY)
    write(tmp_path / "b.txt", BODY + "B")
    write(tmp_path / ".git" / "config", "[core]")
    write(tmp_path / ".hidden.txt", BODY)
    assert sorted(r.source for r in read(tmp_path)) == ["a.txt", "b.txt"]
    assert [r.source for r in read(tmp_path / "*.txt")] == ["b.txt"]


def test_a_missing_path_is_named(tmp_path):
    out = read(tmp_path / "nope.txt")
    assert isinstance(out[0], ReadFailure) and "no such file" in out[0].reason
