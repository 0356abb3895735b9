"""Bytes to text: byte-order marks, declared charsets (HTML, XML, HTTP), else strict UTF-8.

Text that is not valid in the encoding it claims (or UTF-8, when it claims
none) is refused with the problem and the byte offset, never silently
mangled: a wrong character in a name would resolve to a wrong actor.
"""

from __future__ import annotations

import codecs
import re

from diplograph.errors import InputError
from diplograph.model import RawInput

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([\w.:-]+)[\"']", re.IGNORECASE)
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def declared_charset(raw: RawInput) -> str | None:
    """The charset the record declares: HTTP header hint, HTML ``<meta>``, or XML declaration."""
    if raw.hints.get("charset"):
        return raw.hints["charset"]
    head = raw.content[:4096]
    if raw.media_type == "text/html":
        match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
        if match:
            return match.group(1).decode("ascii", "replace")
    return None


def decode(raw: RawInput) -> str:
    """The record's text. Raises InputError saying what is wrong and at which byte."""
    data = raw.content
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _strict(raw, data, codec, declared=True)
    charset = declared_charset(raw)
    if charset:
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            raise InputError(raw.source, f"declares an unknown charset {charset!r}; fix the "
                             "declaration or convert the file to UTF-8") from None  # fmt: skip
        # Pages that say ISO-8859-1 are, by web convention, windows-1252.
        codec = "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec
        return _strict(raw, data, codec, declared=True)
    return _strict(raw, data, "utf-8", declared=False)


def _strict(raw: RawInput, data: bytes, codec: str, *, declared: bool) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 4].hex(" ")
        what = f"declared as {codec}" if declared else "not valid UTF-8"
        hint = "" if declared else _guess_hint(data)
        raise InputError(
            raw.source,
            f"text is {what} but has an invalid byte sequence at byte {exc.start} "
            f"({bad}: {exc.reason}){hint}; convert it to UTF-8 (e.g. iconv) or declare "
            "its charset",
        ) from None


def _guess_hint(data: bytes) -> str:
    """A likely encoding, named in the error to help the user convert the file."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65_536]).best()
    except Exception:  # a hint only; never let it hide the real error
        return ""
    if best is None or best.encoding in ("utf_8", "ascii"):
        return ""
    return f"; it may be {best.encoding}"
