"""Article metadata that is not a date: title, outlet, language.

Sources in order of trust: the input's own header (or its container: JSON
record fields, feed items), the page's markup, lines of the text (a headline
line, a syndication credit), and last the URL's domain.
"""

from __future__ import annotations

import re
from functools import lru_cache
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


@lru_cache(maxsize=1)
def english_stopwords() -> frozenset[str]:
    """The packaged English stop-word list (data/stopwords_en.txt)."""
    path = DATA / "stopwords_en.txt"
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w)


def guess_language(text: str, *, sample_words: int = 400) -> str | None:
    """``en`` when enough of the first words are English function words, else None."""
    words = _WORD.findall(text[: sample_words * 12].lower())[:sample_words]
    if len(words) < 8:
        return None
    hits = sum(1 for w in words if w in english_stopwords())
    return "en" if hits / len(words) >= 0.2 else None


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
