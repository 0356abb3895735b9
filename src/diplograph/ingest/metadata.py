"""Article metadata that is not a date: title, outlet, language.

Sources in order of trust: the input's own header (or its container: JSON
record fields, feed items), the page's markup, lines of the text (a headline
line, a syndication credit), and last the URL's domain.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

DATA = Path(__file__).parent / "data"

_SENTENCE_INSIDE = re.compile(r"[a-z0-9][.!?]\s+[A-Z]")
#: "Source : AllIsrael – https://…", "Source: Reuters"
_CREDIT = re.compile(
    r"\bsource\s*:\s*(?P<name>[A-Z0-9][\w .&'’-]{0,40}?)\s*(?:[–—|]|\s-\s|$|https?://)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def looks_like_headline(line: str) -> bool:
    """A first line that reads as a headline: short, no final period, one sentence."""
    text = line.strip()
    words = text.split()
    if not 3 <= len(words) <= 25 or len(text) > 200:
        return False
    if text.endswith((".", ",", ";", ":", "…", "-", "–", "—")) or text.startswith(
        ("(", "[", "-", "•", "*")
    ):
        return False
    if _SENTENCE_INSIDE.search(text):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘"


def outlet_from_credit(lines: list[str]) -> str | None:
    """The outlet a syndication or credit line names ("Source : AllIsrael – https://…")."""
    for line in lines:
        m = _CREDIT.search(line)
        if m:
            name = m.group("name").strip(" -–—")
            if name and not name.lower().startswith(("http", "www")):
                return name
    return None


def domain_of(url: str | None) -> str | None:
    """The URL's host without ``www.`` (the outlet of last resort)."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def guess_language(text: str, *, sample_chars: int = 1500) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when too short.

    py3langid (its model ships in the package) reads the first ``sample_chars``
    characters; fewer than eight words say nothing reliable.
    """
    sample = text[:sample_chars]
    if len(_WORD.findall(sample.lower())) < 8 and len(sample.split()) < 8:
        return None
    import py3langid

    code, _score = py3langid.classify(sample)
    return str(code) if code else None


def headline_index(lines: list[str], *, scan: int = 6) -> int | None:
    """The line that reads as the page's headline, among the first ``scan`` lines before prose.

    A headline is a single unpunctuated sentence of four words or more, not a
    run of capitals (a section label), not a byline or a date stamp.
    """
    for i, line in enumerate(lines[:scan]):
        text = line.strip()
        if len(text.split()) >= 25 and text.endswith((".", "!", "?", "\"", "”")):
            return None  # prose has begun: a headline would have come before it
        if (len(text.split()) >= 4 and looks_like_headline(text) and not text.isupper()
                and not _STAMP.search(text)):  # fmt: skip
            return i
    return None


_STAMP = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d{2}\b|^\W*by\s|\bmin(?:ute)?s? read\b|"
                    r"\b(?:updated|published|posted)\b", re.IGNORECASE)  # fmt: skip


def normalise_language(value: str | None) -> str | None:
    """``en-US`` → ``en``; empty → None."""
    if not value or not value.strip():
        return None
    return re.split(r"[-_\s]", value.strip())[0].lower() or None


def normalise_url(url: str | None) -> str | None:
    """A URL trimmed of whitespace; None for anything that is not http(s)."""
    if not url:
        return None
    url = url.strip()
    return url if re.match(r"^https?://[^\s/]+", url, re.IGNORECASE) else None
