"""A small, fast tokenizer and the token comparison rules the actor matcher uses.

Registry phrases and sentence text are cut into tokens the same way, so a
phrase matches text when its tokens match one by one:

* ``U.S.``, ``U.S``, ``D.C.`` stay one token; hyphens and apostrophes are their
  own tokens (``Saudi-Israeli`` → ``Saudi`` ``-`` ``Israeli``; ``Israel's`` →
  ``Israel`` ``'`` ``s``), so a name inside a compound is still found.
* Comparison folds case, accents, curly quotes and abbreviation dots
  (``U.S.`` and ``US`` fold alike), then checks case: a phrase token written in
  capitals (``US``, ``WHO``, ``PA``) needs capitals in the text, and a
  capitalised phrase token (``Turkey``, ``Jordan``) needs a capital initial.
  Lower-case phrase tokens (``the``, ``foreign ministry``) match any case.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Abbreviations with dots first (U.S., U.A.E., D.C.), then words, then any other symbol.
_TOKEN = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\.?(?![^\W\d_])|\w+|[^\w\s]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",
                         "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-"})  # fmt: skip


@dataclass(slots=True)
class Token:
    """A token of a sentence: its text, folded key and offsets in the article text."""

    text: str
    key: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The comparison key of a token: case-, accent-, quote- and dot-folded."""
    folded = text.translate(_QUOTES).casefold()
    if not folded.isascii():
        folded = "".join(
            c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
        )
    if len(folded) > 1 and "." in folded:
        folded = folded.replace(".", "")
    return folded


_KEYS: dict[str, str] = {}


def tokenize(text: str, *, offset: int = 0) -> list[Token]:
    """Cut ``text`` into tokens; offsets are shifted by ``offset``."""
    keys = _KEYS
    if len(keys) > 200_000:  # bounded memory on huge corpora
        keys.clear()
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        key = keys.get(word)
        if key is None:
            key = keys[word] = fold(word)
        start = m.start() + offset
        out.append(Token(word, key, start, start + len(word)))
    return out


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The raw tokens of a registry phrase (whitespace-normalised)."""
    return tuple(m.group() for m in _TOKEN.finditer(phrase.strip()))


@lru_cache(maxsize=65536)
def case_rule(pattern: str) -> int:
    """0: any case; 1: needs a capital initial; 2: needs all capitals."""
    letters = [c for c in pattern if c.isalpha()]
    if not letters:
        return 0
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return 2
    return 1 if letters[0].isupper() else 0


def case_ok(pattern: str, text: str) -> bool:
    """Whether ``text`` has the case that ``pattern`` asks for (see :func:`case_rule`)."""
    rule = case_rule(pattern)
    if rule == 0:
        return True
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    if rule == 2:
        return all(c.isupper() for c in letters)
    return letters[0].isupper()


def is_capitalised(token: Token) -> bool:
    """Whether a token starts with a capital letter (a name-like word)."""
    return token.text[:1].isupper()


def span_text(tokens: list[Token], i: int, j: int) -> str:
    """The text of tokens ``[i, j)`` with their original spacing (one space per gap)."""
    out: list[str] = []
    for k in range(i, j):
        if k > i and tokens[k].start > tokens[k - 1].end:
            out.append(" ")
        out.append(tokens[k].text)
    return "".join(out)
