"""Property tests over the readers: one failure per bad record, every good record read and stored.

Hypothesis draws a mix of good and bad records for each multi-record format
(JSON Lines, RSS, WARC) and for folders of single-record files; the readers
must name each bad record once and hand on every good one, and an ingest must
store every good one.
"""

from __future__ import annotations

import io
import json
from html import escape
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from diplograph.config import load_settings
from diplograph.ingest.readers import iter_inputs
from diplograph.model import RawInput, ReadFailure
from diplograph.pipeline import ingest
from diplograph.store import open_database

LIMIT = 4_000
WORDS = ["ministers", "met", "in", "the", "capital", "to", "discuss", "trade", "and", "fishing",
         "quotas", "on", "Tuesday", "officials", "said", "after", "long", "talks", "about",
         "ports", "roads", "visas", "for", "students"]  # fmt: skip
COUNTRIES = ["Norway", "Chile", "Peru", "Kenya", "Ghana", "Nepal", "Japan", "Brazil"]

#: A sentence long enough to be an article (≥ 15 letters after cleaning), each one new
#: (an article with the same text as a stored one is a duplicate, whatever its URL).
sentences = st.builds(
    lambda a, b, words, n: f"{a} and {b} " + " ".join(words) + f" in round {n}.",
    st.sampled_from(COUNTRIES), st.sampled_from(COUNTRIES),
    st.lists(st.sampled_from(WORDS), min_size=6, max_size=30), st.uuids().map(lambda u: u.hex),
)

#: Bad JSON lines, each of which must give exactly one failure line.
BAD_JSON_LINES = [
    b'{"text": "cut off',                        # not valid JSON
    b"[" * 5000 + b"]" * 5000,                     # nested too deeply
    b'["a", "list"]',                              # not an object
    b'{"title": "no text at all"}',                # no text field
    b'{"text": "\xff\xfe broken bytes"}',          # not UTF-8
    b'{"text": "' + b"x" * (LIMIT + 10) + b'"}',   # too large
    b'{"text": "\\u0000\\u0001"}',                 # only control characters
    b'{"text": "Hi."}',                            # too little text
]  # fmt: skip


@st.composite
def json_lines(draw):
    """(file bytes, number of good records, line numbers of the bad ones)."""
    kinds = draw(st.lists(st.one_of(st.just(None), st.sampled_from(BAD_JSON_LINES)),
                          min_size=1, max_size=12))  # fmt: skip
    lines, good, bad = [], 0, []
    for number, kind in enumerate(kinds, start=1):
        if kind is None:
            text = draw(sentences)
            lines.append(json.dumps({"url": f"https://f.example/{number}",
                                     "text": text}).encode())  # fmt: skip
            good += 1
        else:
            lines.append(kind)
            bad.append(number)
    return b"\n".join(lines) + b"\n", good, bad


def _split(outcomes):
    outcomes = list(outcomes)
    good = [o for o in outcomes if isinstance(o, RawInput)]
    bad = [o for o in outcomes if isinstance(o, ReadFailure)]
    return good, bad


def _ingest(paths: list[Path], db_path: Path):
    db = open_database(str(db_path))
    try:
        return ingest([str(p) for p in paths], db, load_settings(workers=1,
                                                                max_input_bytes=LIMIT))
    finally:
        db.close()


FUZZ = settings(max_examples=10, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])  # fmt: skip


@FUZZ
@given(sample=json_lines())
def test_json_lines_one_failure_per_bad_line_and_every_good_line_stored(tmp_path_factory, sample):
    data, good, bad = sample
    folder = tmp_path_factory.mktemp("jsonl")
    path = folder / "in.jsonl"
    path.write_bytes(data)
    report = _ingest([path], folder / "t.db")
    assert report.stored == good, [str(f) for f in report.failures]
    assert report.failed == len(bad), [str(f) for f in report.failures]
    named = sorted(int(str(f).split("line ")[1].split()[0].rstrip(":")) if "line " in str(f)
                   else int(f.source.rsplit("#", 1)[1]) for f in report.failures)  # fmt: skip
    assert named == bad


@st.composite
def feeds(draw):
    """An RSS feed of good items and items without content; (bytes, good, bad)."""
    kinds = draw(st.lists(st.booleans(), min_size=1, max_size=10))
    items = []
    for number, ok in enumerate(kinds, start=1):
        body = f"<description>{escape(draw(sentences))}</description>" if ok else ""
        items.append(f"<item><title>Item {number}</title><link>https://r.example/{number}</link>"
                     f"{body}</item>")
    xml = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Fuzz Wire</title>'
           + "".join(items) + "</channel></rss>")  # fmt: skip
    return xml.encode(), sum(kinds), [n for n, ok in enumerate(kinds, start=1) if not ok]


@FUZZ
@given(sample=feeds())
def test_feed_items_one_failure_per_empty_item(tmp_path_factory, sample):
    data, good, bad = sample
    path = tmp_path_factory.mktemp("feed") / "in.xml"
    path.write_bytes(data)
    records, failures = _split(iter_inputs([str(path)], max_bytes=1_000_000))
    assert [r.source for r in records] == [f"in.xml#{n}" for n in range(1, len(bad) + good + 1)
                                           if n not in bad]  # fmt: skip
    assert len(failures) == len(bad)
    assert all(f"item {n} has no content" in str(f) for n, f in zip(bad, failures, strict=True))


@st.composite
def warcs(draw):
    """A WARC of good HTML responses, empty ones and non-HTML ones; (bytes, good, bad)."""
    kinds = draw(st.lists(st.sampled_from(["good", "empty", "image"]), min_size=1, max_size=8))
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=draw(st.booleans()))
    good = bad = 0
    for number, kind in enumerate(kinds):
        ctype = "image/png" if kind == "image" else "text/html; charset=utf-8"
        body = b"" if kind == "empty" else (
            f"<html><body><article><p>{escape(draw(sentences))}</p></article></body></html>"
            .encode())  # fmt: skip
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://w.example/{number}", "response", payload=io.BytesIO(body),
            http_headers=headers))  # fmt: skip
        good += kind == "good"
        bad += kind == "empty"
    return buf.getvalue(), good, bad


@FUZZ
@given(sample=warcs())
def test_warc_responses_one_failure_per_empty_body(tmp_path_factory, sample):
    data, good, bad = sample
    path = tmp_path_factory.mktemp("warc") / "in.warc"
    path.write_bytes(data)
    records, failures = _split(iter_inputs([str(path)], max_bytes=1_000_000))
    if not good and not bad:  # only images: the archive as a whole is the one failure
        [failure] = failures
        assert "no HTML or text responses" in str(failure)
        return
    assert len(records) == good and len(failures) == bad, [str(f) for f in failures]
    assert all("has an empty body" in str(f) for f in failures)


BAD_FILES = [b"", b"\x89PNG\r\n\x1a\n\x00\x00", b"\x1f\x8b\x08\x00broken", b"A",
             b"caf\xe9 au lait is not utf-8 here", b"<html><body><nav>Home</nav></body></html>",
             b"x" * (LIMIT + 1)]  # fmt: skip


@st.composite
def folders(draw):
    """Single-record files, good and bad; (name → bytes, good names)."""
    kinds = draw(st.lists(st.one_of(st.just(None), st.sampled_from(BAD_FILES)), min_size=1,
                          max_size=8))  # fmt: skip
    files, good = {}, set()
    for number, kind in enumerate(kinds):
        name = f"f{number:02d}.txt"
        if kind is None:
            files[name] = f"URL: https://d.example/{number}\n\n{draw(sentences)}\n".encode()
            good.add(name)
        else:
            files[name] = kind
    return files, good


@FUZZ
@given(sample=folders())
def test_a_folder_one_failure_per_bad_file_and_every_good_file_stored(tmp_path_factory, sample):
    files, good = sample
    root = tmp_path_factory.mktemp("folder")
    (root / "in").mkdir()
    for name, content in files.items():
        (root / "in" / name).write_bytes(content)
    report = _ingest([root / "in"], root / "t.db")
    assert report.stored == len(good), [str(f) for f in report.failures]
    failed = sorted(Path(f.source).name for f in report.failures)
    assert failed == sorted(set(files) - good), [str(f) for f in report.failures]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.one_of(st.binary(max_size=600), st.text(max_size=300).map(str.encode)),
       name=st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.xml", "x.warc", "x.txt.gz"]))
def test_any_bytes_give_records_or_failures_never_an_exception(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("junk") / name
    path.write_bytes(data)
    outcomes = list(iter_inputs([str(path)], max_bytes=LIMIT))
    assert outcomes and all(isinstance(o, RawInput | ReadFailure) for o in outcomes)
    assert all(str(path) in str(o) for o in outcomes if isinstance(o, ReadFailure))
