"""Loaded and labelling terms: the lexicon (``data/loaded_terms.csv``) matched against articles.

Each hit carries its sentence, offsets and, where the term names an actor,
the actor's code: fixed by the lexicon ("Zionist entity" → ISR) or taken from
the mention right next to it ("the Hamas terrorist organization" → PSE).
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplograph.config import user_data_file
from diplograph.errors import ConfigError
from diplograph.model import Article, Mention, Sentence, TermHit
from diplograph.prefilter import lowered_for_prefilter, may_match

log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"
#: How far (in characters) a mention may sit from a term to be the actor it names.
_NEAR = 4


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    """One lexicon entry: the canonical term, its category, fixed target and compiled pattern."""

    term: str
    category: str
    target: str | None
    pattern: re.Pattern[str]


def _compile(row: dict[str, str], where: str) -> LoadedTerm:
    term = (row.get("term") or "").strip()
    category = (row.get("category") or "").strip()
    if not term or not category:
        raise ConfigError(f"{where}: every row needs a term and a category")
    source = (row.get("pattern") or "").strip() or r"\s+".join(map(re.escape, term.split()))
    flags = 0 if (row.get("case") or "any").strip() == "exact" else re.IGNORECASE
    try:
        pattern = re.compile(rf"(?<![\w-])(?:{source})(?![\w-])", flags)
    except re.error as exc:
        raise ConfigError(f"{where}: bad pattern {source!r} ({exc}); fix the regex") from exc
    target = (row.get("target") or "").strip() or None
    return LoadedTerm(term, category, target, pattern)


@lru_cache(maxsize=1)
def lexicon() -> tuple[LoadedTerm, ...]:
    """The packaged lexicon plus the user's ``$DIPLOGRAPH_DATA/loaded_terms.csv``."""
    entries: list[LoadedTerm] = []
    for path in (DATA / "loaded_terms.csv", user_data_file("loaded_terms.csv")):
        if not path.is_file():
            continue
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
        except (OSError, csv.Error) as exc:
            raise ConfigError(f"cannot read {path}: {exc}; fix or remove the file") from exc
        entries.extend(_compile(row, f"{path}, line {i}") for i, row in enumerate(rows, start=2))
    return tuple(entries)


def find_terms(article: Article) -> list[TermHit]:
    """Loaded and labelling terms in ``article``, longest match first where they overlap."""
    sentences = article.sentences or [Sentence(0, 0, len(article.text), article.text)]
    hits: list[TermHit] = []
    for sent in sentences:
        found: list[TermHit] = []
        lowered = lowered_for_prefilter(sent.text)
        for entry in lexicon():
            if not may_match(entry.pattern, lowered):
                continue  # a word the pattern needs is missing
            for m in entry.pattern.finditer(sent.text):
                start, end = sent.start + m.start(), sent.start + m.end()
                found.append(TermHit(entry.term, entry.category, sent.index, start, end,
                                     m.group(), entry.target))  # fmt: skip
        hits.extend(_without_overlaps(found))
    for hit in hits:
        if hit.target is None:
            hit.target = _adjacent_code(hit, article.mentions)
    return sorted(hits, key=lambda h: (h.start, h.end))


def _without_overlaps(found: list[TermHit]) -> list[TermHit]:
    """Keep the longest of overlapping hits (then the earliest)."""
    kept: list[TermHit] = []
    for hit in sorted(found, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return kept


def _adjacent_code(hit: TermHit, mentions: list[Mention]) -> str | None:
    """The code of a resolved mention inside, just before, or just after the term."""
    best: tuple[int, str] | None = None
    for m in mentions:
        if m.code is None or m.sentence != hit.sentence:
            continue
        if m.start < hit.end and hit.start < m.end:
            gap = 0
        elif 0 <= hit.start - m.end <= _NEAR:
            gap = hit.start - m.end
        elif 0 <= m.start - hit.end <= _NEAR:
            gap = m.start - hit.end + 1  # prefer the actor before: "the Iranian regime"
        else:
            continue
        if best is None or gap < best[0]:
            best = (gap, m.code)
    return best[1] if best else None
