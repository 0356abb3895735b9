"""Deciding what a file is from its first bytes (and, where those are ambiguous, its name).

Formats: ``warc``, ``jsonl``, ``feed`` (RSS 2.0, RSS 1.0/RDF, Atom), ``html``
and ``text``. Content wins over the suffix whenever it is unambiguous, so an
HTML page saved as ``.txt`` is still read as HTML and a feed saved as ``.html``
is still a feed.
"""

from __future__ import annotations

import json
import re

GZIP_MAGIC = b"\x1f\x8b"
#: Signatures of common binary formats, named in the error message.
BINARY_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonlines")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(rb"<(!doctype\s+html|html|head|body|article|p|div|h1|title|meta)[\s>/]",
                       re.IGNORECASE)  # fmt: skip
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def detect_format(name: str, head: bytes) -> str:
    """The format of a file called ``name`` whose first bytes are ``head``."""
    lower = name.lower()
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith((b"WARC/", b"filedesc://")):  # WARC, or a legacy ARC file
        return "warc"
    if body.startswith((b"{", b"[")) and _looks_like_json_lines(body, lower):
        return "jsonl"
    start = _XML_DECL.sub(b"", body[:4096], count=1).lstrip()
    start = re.sub(rb"^(<!--.*?-->\s*|<\?[^>]*\?>\s*)*", b"", start, flags=re.DOTALL)
    if _FEED_ROOT.match(start):
        return "feed"
    if _HTML_TAG.search(body[:4096]) and not lower.endswith(FEED_SUFFIXES):
        return "html"
    if lower.endswith(FEED_SUFFIXES):
        return "feed"  # an .xml file that is not a feed is refused by the feed reader
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    return "text"


def _looks_like_json_lines(body: bytes, lower: str) -> bool:
    if lower.endswith(JSONL_SUFFIXES):
        return True
    first = body.split(b"\n", 1)[0].strip()
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def binary_reason(head: bytes) -> str | None:
    """Why ``head`` is not text (a named binary format, NUL bytes), or None if it may be."""
    for magic, what in BINARY_MAGIC:
        if head.startswith(magic):
            return f"binary file ({what}), not text, HTML, JSON Lines, a feed or WARC"
    if head.startswith(UTF16_BOMS):
        return None
    nul = head.find(b"\x00")
    if nul >= 0:
        return (
            f"binary file (NUL byte at byte {nul}), not text, HTML, JSON Lines, a feed or WARC; "
            "if it is UTF-16 text, convert it to UTF-8"
        )
    controls = sum(1 for b in head[:4096] if b < 9 or 13 < b < 32)
    if controls > max(8, len(head[:4096]) // 20):
        return f"binary file ({controls} control bytes in its first 4 KB), not text"
    return None
