"""Multi-record inputs: JSON Lines, RSS/Atom feeds, WARC archives.

Each record becomes a :class:`RawInput` named ``file#N`` and carrying the
metadata its container gave (``url``, ``title``, ``outlet``, ``published``,
``language``, ``charset``) in ``hints``. ``N`` counts from 1: the line number
in a JSON Lines file, the item in a feed, the HTML/text response in a WARC.
A bad record is a :class:`ReadFailure` naming the file and the record; the
records around it are still read.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import re
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from diplograph.model import RawInput, ReadFailure

log = logging.getLogger(__name__)

#: JSON record fields copied into hints (as text).
RECORD_FIELDS = ("url", "title", "outlet", "published", "language")
#: Accepted alternative names for record fields (common in crawler exports).
FIELD_ALIASES = {
    "link": "url", "source_url": "url", "headline": "title", "site_name": "outlet",
    "sitename": "outlet", "source": "outlet", "date": "published", "date_publish": "published",
    "published_at": "published", "pubdate": "published", "lang": "language",
}  # fmt: skip
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
#: The offset in warcio's "Record not followed by newline" warning.
_BAD_LENGTH = re.compile(r"not followed by newline.*?Offset:\s*(\d+)", re.DOTALL)
_R = TypeVar("_R")
#: C0/C1 control characters (NUL…): they carry no text in a title, outlet or URL.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def clean_hint(value: object) -> str:
    """A metadata value as one line of text: control characters dropped, spaces folded."""
    return " ".join(_CONTROLS.sub(" ", str(value).replace("\x00", "")).split())


def _path(path: Path | None) -> str | None:
    return str(path) if path is not None else None


# --- JSON Lines -------------------------------------------------------------------------


def read_jsonl(
    fh: BinaryIO, *, name: str, where: str, max_bytes: int, path: Path | None
) -> Iterator[RawInput | ReadFailure]:
    """One record per non-empty line; ``N`` in ``file#N`` is the line number."""
    number = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(fh)
            yield ReadFailure(where, f"line {number} is too large (more than {max_bytes:,} "
                                     "bytes); split the record")  # fmt: skip
            continue
        if not line.strip():
            continue
        yield _json_record(line, number, name=name, where=where, path=path)


def _skip_rest_of_line(fh: BinaryIO) -> None:
    while True:
        chunk = fh.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _json_record(
    line: bytes, number: int, *, name: str, where: str, path: Path | None
) -> RawInput | ReadFailure:
    try:
        obj = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return ReadFailure(where, f"line {number} is not valid UTF-8 ({exc.reason} at byte "
                                  f"{exc.start} of the line)")  # fmt: skip
    except json.JSONDecodeError as exc:
        return ReadFailure(where, f"line {number} is not valid JSON ({exc.msg} at column "
                                  f"{exc.colno}); fix or remove the line")  # fmt: skip
    except RecursionError:  # nested deeper than the parser's stack: bad input, not a crash
        return ReadFailure(where, f"line {number} is JSON nested too deeply to read; fix or "
                                  "remove the line")  # fmt: skip
    if not isinstance(obj, dict):
        return ReadFailure(where, f"line {number} is a JSON {type(obj).__name__}, not an object "
                                  "with 'text' or 'html'")  # fmt: skip
    return json_object_record(obj, f"{name}#{number}", where=where, label=f"line {number}",
                              path=path)  # fmt: skip


def json_object_record(
    obj: dict[str, Any], source: str, *, where: str, label: str, path: Path | None
) -> RawInput | ReadFailure:
    """A RawInput from one JSON object with ``text`` or ``html`` and optional metadata."""
    hints = _record_hints(obj)
    html, text = obj.get("html"), obj.get("text") or obj.get("content") or obj.get("body")
    if isinstance(html, str) and html.strip():
        content, media = html, "text/html"
    elif isinstance(text, str) and text.strip():
        content, media = text, "text/plain"
    else:
        return ReadFailure(where, f"{label}: record has no article text (no non-empty 'text' "
                                  "or 'html' field)")  # fmt: skip
    return RawInput(source=source, content=content.encode("utf-8"), media_type=media,
                    path=_path(path), url=hints.get("url"), hints=hints)  # fmt: skip


def _record_hints(obj: dict[str, Any]) -> dict[str, str]:
    hints: dict[str, str] = {}
    for key, value in obj.items():
        field = key if key in RECORD_FIELDS else FIELD_ALIASES.get(key.lower())
        if not field or field in hints or not isinstance(value, str | int | float):
            continue
        if text := clean_hint(value):
            hints[field] = text
    return hints


# --- RSS / Atom -------------------------------------------------------------------------


def read_feed(
    data: bytes, *, name: str, where: str, path: Path | None
) -> Iterator[RawInput | ReadFailure]:
    """Each item of an RSS 2.0 / RSS 1.0 / Atom feed, with its full content where given."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f" ({str(problem).strip()})" if problem else ""
        yield ReadFailure(where, f"not an RSS or Atom feed{detail}; expected <rss>, <feed> "
                                 "or <rdf:RDF>")  # fmt: skip
        return
    if not parsed.entries:
        yield ReadFailure(where, "feed has no items")
        return
    outlet = _feed_outlet(parsed.feed)
    language = parsed.feed.get("language")
    for number, entry in enumerate(parsed.entries, start=1):
        yield _feed_record(entry, number, name=name, where=where, path=path, outlet=outlet,
                           language=language)  # fmt: skip


def _feed_outlet(feed: Any) -> str | None:
    """The site a feed belongs to: its title, without a section suffix ("X - Diplomacy")."""
    title = (feed.get("title") or "").strip()
    if not title:
        return None
    return re.split(r"\s+[-–—|:»]\s+", title, maxsplit=1)[0].strip() or None


def _feed_record(
    entry: Any, number: int, *, name: str, where: str, path: Path | None,
    outlet: str | None, language: str | None,
) -> RawInput | ReadFailure:  # fmt: skip
    body = ""
    for item in entry.get("content") or []:
        if (item.get("value") or "").strip():
            body = item["value"]
            break
    if not body:
        body = entry.get("summary") or entry.get("description") or ""
    if not body.strip():
        return ReadFailure(where, f"item {number} has no content, summary or description")
    hints = {"url": entry.get("link"), "title": entry.get("title"), "outlet": outlet,
             "published": entry.get("published") or entry.get("updated"),
             "language": language}  # fmt: skip
    clean = {k: text for k, v in hints.items() if v and (text := clean_hint(v))}
    return RawInput(source=f"{name}#{number}", content=body.encode("utf-8"),
                    media_type="text/html", path=_path(path), url=clean.get("url"),
                    hints=clean)  # fmt: skip


# --- WARC -------------------------------------------------------------------------------


def read_warc(
    fh: BinaryIO, *, name: str, where: str, max_bytes: int, path: Path | None
) -> Iterator[RawInput | ReadFailure]:
    """Each HTTP response with an HTML or text body; a truncated archive ends with a failure."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = seen = given = 0
    check = _GzipCheck(fh)
    noise = io.StringIO()  # warcio writes its warnings to stderr: keep them for the one line
    try:
        records = iter(ArchiveIterator(io.BufferedReader(check), check_digests=False))
        while (record := _quietly(noise, next, records, None)) is not None:
            seen += 1
            if record.rec_type != "response":
                _quietly(noise, _drain, record, number + 1)
                continue
            outcome = _quietly(noise, _warc_record, record, number + 1, name=name, where=where,
                               max_bytes=max_bytes, path=path)  # fmt: skip
            if outcome is not None:
                number, given = number + 1, given + 1
                yield outcome
        if check.problem:
            raise EOFError(check.problem)
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
        kept = f"after record {number}; records 1-{number} were read" if number else (
            "before its first HTML/text response; nothing was read")  # fmt: skip
        warned = _warnings(noise.getvalue())
        yield ReadFailure(where, f"truncated or corrupt WARC {kept} ({_short(exc)})"
                                 + (f"; {warned}" if warned else ""))  # fmt: skip
        return
    if warned := _warnings(noise.getvalue()):
        yield ReadFailure(where, f"damaged WARC: {warned}; records 1-{number} were read, but "
                                 "one may be cut short (check it with `warcio check`)")  # fmt: skip
    elif not seen:
        yield ReadFailure(where, "not a WARC archive: no WARC records in it")
    elif not given:
        yield ReadFailure(where, f"WARC has no HTML or text responses with status 2xx (in "
                                 f"{seen:,} records); nothing to read")  # fmt: skip


def _quietly(noise: io.StringIO, fn: Callable[..., _R], *args: Any, **kwargs: Any) -> _R:
    """``fn(*args, **kwargs)`` with what it writes to stderr kept in ``noise``."""
    with contextlib.redirect_stderr(noise):
        return fn(*args, **kwargs)


def _warnings(text: str) -> str:
    """warcio's multi-line stderr warnings, summed up in a few words (empty when none)."""
    if not text.strip():
        return ""
    offsets = _BAD_LENGTH.findall(text)
    if offsets:
        more = f" (and {len(offsets) - 1} more)" if len(offsets) > 1 else ""
        return (f"a record is not followed by a newline at byte {offsets[0]}{more}: its "
                "Content-Length is probably wrong")  # fmt: skip
    return "warcio warned: " + _short(ValueError(" ".join(text.split())))


def _drain(record: Any, number: int) -> None:
    """Read a skipped record to its end; raise EOFError when the archive ends inside it."""
    while record.raw_stream.read(1 << 16):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise EOFError(f"a {record.rec_type} record before response {number} is cut short")


class _GzipCheck(io.RawIOBase):
    """Passes a stream through while checking that every gzip member in it is complete.

    warcio stops quietly at a truncated gzip member; this notices it. Plain
    (uncompressed) streams pass through unchecked.
    """

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self._inflate: Any = None
        self._pending = False
        self._error: str | None = None
        self._first = True

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._fh.read(len(buffer))
        buffer[: len(data)] = data
        if self._first and data:
            self._first = False
            self._inflate = zlib.decompressobj(31) if data[:2] == b"\x1f\x8b" else None
        if self._inflate is not None and self._error is None:
            self._feed(data)
        return len(data)

    def _feed(self, data: bytes) -> None:
        while data:
            try:
                self._inflate.decompress(data, 1 << 16)
                while self._inflate.unconsumed_tail:
                    self._inflate.decompress(self._inflate.unconsumed_tail, 1 << 16)
            except zlib.error as exc:
                self._error = f"corrupt gzip data: {exc}"
                return
            if not self._inflate.eof:
                self._pending = True
                return
            data = self._inflate.unused_data
            self._inflate, self._pending = zlib.decompressobj(31), False

    @property
    def problem(self) -> str | None:
        """What is wrong with the gzip stream read so far, or None."""
        if self._error:
            return self._error
        return "the last gzip member is cut short" if self._pending else None


def _warc_record(
    record: Any, number: int, *, name: str, where: str, max_bytes: int, path: Path | None
) -> RawInput | ReadFailure | None:
    http = record.http_headers
    ctype = (http.get_header("Content-Type") if http else None) or ""
    if "html" not in ctype.lower() and not ctype.lower().startswith("text/"):
        return None
    status = http.get_statuscode() if http else "200"
    if not str(status).startswith("2"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    body = record.content_stream().read(max_bytes + 1)
    if len(body) <= max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
        raise EOFError(f"record {number} ({url}) is cut short")
    if len(body) > max_bytes:
        return ReadFailure(where, f"record {number} ({url}) is larger than {max_bytes:,} bytes")
    if not body.strip():
        return ReadFailure(where, f"record {number} ({url}) has an empty body")
    hints = {"url": url} if url else {}
    charset = _CHARSET.search(ctype)
    if charset:
        hints["charset"] = charset.group(1)
    media = "text/html" if "html" in ctype.lower() else "text/plain"
    return RawInput(source=f"{name}#{number}", content=body, media_type=media,
                    path=_path(path), url=url, hints=hints)  # fmt: skip


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) < 160 else text[:157] + "…"
