"""Re-reporting: which reports, agencies and unnamed sources an article retells.

``find_citations`` runs per article (after sentences and mentions). It finds
credits such as "reported Axios", "according to a report in Politico", "told
MEE", "Channel 12 news quoted", wire datelines "(Reuters) -", syndication lines
and anonymous sourcing. Names go through the source registry
(``data/sources.csv``) so "MEE" and "Middle East Eye" are one source. The cue
phrases live in ``data/citation_cues.csv``. Follow-on references ("according to
the report", "it added") name no source and are not citations.
"""

from __future__ import annotations

import calendar
import csv
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplograph.config import user_data_file
from diplograph.errors import ConfigError
from diplograph.model import Article, Citation, Sentence

log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"
#: Citation kinds.
KINDS = ("report", "agency", "syndication", "anonymous")
#: A capitalised name that is not in the registry ("the Gulf Dispatch", "Kan 11").
_UNKNOWN_NAME = re.compile(
    r"(?<![\w'’-])(?:[Tt]he\s+)?[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|al|el|de)\s+)?[A-Z0-9][\w'’&.-]*){0,4}"
)
_NOT_NAMES = frozenset(
    x.casefold() for x in (*calendar.day_name, *calendar.month_name, *calendar.month_abbr) if x
)


@dataclass(frozen=True, slots=True)
class Source:
    """A source in the registry: its normalised name and kind (outlet, agency, broadcaster)."""

    name: str
    kind: str


class SourceRegistry:
    """Source names and aliases, normalised case-insensitively ("MEE" → "Middle East Eye")."""

    def __init__(self, rows: Iterable[tuple[str, list[str], str]]) -> None:
        self._by_key: dict[str, Source] = {}
        spellings: set[str] = set()
        for name, aliases, kind in rows:
            source = Source(name, kind)
            for spelling in (name, *aliases):
                self._by_key[_key(spelling)] = source
                spellings.add(re.sub(r"^The\s+", "", spelling))
        alternatives = "|".join(
            re.escape(x) for x in sorted(spellings, key=lambda x: (-len(x), x))
        )
        self.pattern = re.compile(rf"(?<![\w'’-])(?:[Tt]he\s+)?(?:{alternatives})(?![\w-])")

    def lookup(self, text: str) -> Source | None:
        """The registered source that ``text`` names, or None."""
        return self._by_key.get(_key(text))

    def normalise(self, text: str) -> str:
        """The registry name for ``text``, else ``text`` tidied (no leading "the", trimmed)."""
        found = self.lookup(text)
        if found is not None:
            return found.name
        return re.sub(r"^(?:the|The)\s+", "", " ".join(text.split())).strip(" .,;:-–—")

    def same_outlet(self, name: str, outlet: str | None) -> bool:
        """True when ``name`` is ``outlet`` itself (a credit of the article's own outlet)."""
        if not outlet:
            return False
        return _squash(self.normalise(name)) == _squash(self.normalise(outlet))


def _key(text: str) -> str:
    text = " ".join(text.split()).casefold()
    return re.sub(r"^the\s+", "", text)


def _squash(text: str) -> str:
    """Letters and digits only, no domain suffix ("gulfdispatch.example" → "gulfdispatch")."""
    text = re.sub(r"^(?:https?://)?(?:www\.)?", "", text.casefold())
    text = re.sub(r"\.(?:[a-z]{2,10})(?:\.[a-z]{2})?$", "", text)
    return re.sub(r"[^0-9a-z]+", "", text)


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except (OSError, csv.Error) as exc:
        raise ConfigError(f"cannot read {path}: {exc}; fix or remove the file") from exc


@lru_cache(maxsize=1)
def source_registry() -> SourceRegistry:
    """The packaged ``sources.csv`` plus the user's own (``$DIPLOGRAPH_DATA/sources.csv``)."""
    rows: list[tuple[str, list[str], str]] = []
    for path in (DATA / "sources.csv", user_data_file("sources.csv")):
        if not path.is_file():
            continue
        for i, row in enumerate(_read_csv(path), start=2):
            name = (row.get("name") or "").strip()
            if not name:
                raise ConfigError(f"{path}, line {i}: empty name; every row needs a name")
            aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            rows.append((name, aliases, (row.get("kind") or "outlet").strip()))
    return SourceRegistry(rows)


@dataclass(frozen=True, slots=True)
class Cues:
    """The compiled cue patterns of ``citation_cues.csv``."""

    before: re.Pattern[str]
    after: re.Pattern[str]
    media_word: re.Pattern[str]
    descriptor_end: re.Pattern[str]
    media: list[re.Pattern[str]]
    anonymous: list[re.Pattern[str]]
    dateline: list[re.Pattern[str]]
    syndication: list[re.Pattern[str]]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Cue patterns from the packaged ``citation_cues.csv`` plus the user's own."""
    by_role: dict[str, list[str]] = {}
    for path in (DATA / "citation_cues.csv", user_data_file("citation_cues.csv")):
        if path.is_file():
            for row in _read_csv(path):
                by_role.setdefault(row["role"].strip(), []).append(row["pattern"])
    alt = {role: "|".join(f"(?:{p})" for p in pats) for role, pats in by_role.items()}
    desc = alt.get("descriptor", "(?!)")
    try:
        return Cues(
            before=re.compile(rf"(?<![\w-])(?i:{alt['before']})\s+(?:(?:{desc})\s+)?(?:[Tt]he\s+)?$"),
            after=re.compile(
                rf"^(?:['’]s)?\s*(?:(?:{alt.get('suffix', '')})\s+)?(?:,[^,]{{1,80}},\s*)?"
                rf"(?:{alt['after']})\b"
            ),
            media_word=re.compile(rf"(?:{alt.get('media_word', '(?!)')})"),
            descriptor_end=re.compile(rf"(?<![\w-])(?:{desc})\s+(?:[Tt]he\s+)?$"),
            media=[re.compile(p) for p in by_role.get("media", [])],
            anonymous=[re.compile(p, re.IGNORECASE) for p in by_role.get("anonymous", [])],
            dateline=[re.compile(p) for p in by_role.get("dateline", [])],
            syndication=[re.compile(p, re.MULTILINE) for p in by_role.get("syndication", [])],
        )
    except (KeyError, re.error) as exc:
        raise ConfigError(f"citation_cues.csv: bad or missing cue pattern ({exc})") from exc


def find_citations(article: Article) -> list[Citation]:
    """The reports ``article`` retells ("reported Axios", wire credits, syndication lines).

    One citation per (source, sentence); ``sentence`` is the sentence index, or
    None for a credit found only in a line that cleaning removed.
    """
    registry, cue = source_registry(), cues()
    sentences = article.sentences or [Sentence(0, 0, len(article.text), article.text)]
    found: list[Citation] = []
    for sent in sentences:
        found.extend(_named(sent, registry, cue))
        found.extend(_generic(sent, cue))
    found.extend(_line_credits(article, sentences, registry, cue))
    seen: set[tuple[str, str, int | None]] = set()
    out: list[Citation] = []
    for c in _short_forms(found, registry):
        key = (c.name, c.kind, c.sentence)
        if key in seen or (c.kind != "anonymous" and registry.same_outlet(c.name, article.outlet)):
            continue
        seen.add(key)
        out.append(c)
    out.sort(key=lambda c: (c.sentence if c.sentence is not None else 1 << 30))
    return out


def _short_forms(found: list[Citation], registry: SourceRegistry) -> list[Citation]:
    """Rename an unlisted short form ("the Times report") to the source named earlier in the
    article that it shortens ("Times of Israel"): a follow-on reference, not a new source."""
    named: list[str] = []
    out: list[Citation] = []
    for c in sorted(found, key=lambda c: c.sentence if c.sentence is not None else 1 << 30):
        if c.kind in ("report", "agency") and registry.lookup(c.name) is None:
            pattern = re.compile(rf"(?<!\w){re.escape(c.name)}(?!\w)")
            longer = [n for n in named if n != c.name and pattern.search(n)]
            if longer:
                c = Citation(longer[0], c.kind, c.sentence, c.text)
        if c.kind != "anonymous":
            named.append(c.name)
        out.append(c)
    return out


def _cited(text: str, start: int, end: int, cue: Cues) -> tuple[int, int] | None:
    """The span of cue + name when the name at [start, end) is credited, else None."""
    before = cue.before.search(text[max(0, start - 160) : start])
    if before:
        return max(0, start - 160) + before.start(), end
    after = cue.after.match(text[end : end + 140])
    if after:
        return start, end + after.end()
    return None


def _named(sent: Sentence, registry: SourceRegistry, cue: Cues) -> Iterator[Citation]:
    """Credits of named sources in one sentence: registered names, then media-like others."""
    text = sent.text
    taken: list[tuple[int, int]] = []
    for m in registry.pattern.finditer(text):
        span = _cited(text, m.start(), m.end(), cue)
        taken.append((m.start(), m.end()))
        if span:
            source = registry.lookup(m.group())
            kind = "agency" if source and source.kind == "agency" else "report"
            yield Citation(registry.normalise(m.group()), kind, sent.index, text[span[0] : span[1]])
    for m in _UNKNOWN_NAME.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        # "A Reuters-like report", "Israel's Channel 10": the name is what follows.
        name = re.sub(r"^(?:A|An|[A-Z][\w-]*['’]s)\s+", "", registry.normalise(m.group()))
        if not name or name.casefold() in _NOT_NAMES:
            continue
        described = cue.descriptor_end.search(text[max(0, m.start() - 80) : m.start()])
        if not (described or _media_like(name, cue)):
            continue
        span = _cited(text, m.start(), m.end(), cue)
        if span:
            yield Citation(name, "report", sent.index, text[span[0] : span[1]])


def _media_like(name: str, cue: Cues) -> bool:
    """True when an unlisted name ends like a news source ("Defense News", "Channel 10")."""
    words = [w for w in name.split() if not w.isdigit()]
    return bool(words) and cue.media_word.fullmatch(words[-1]) is not None


def _generic(sent: Sentence, cue: Cues) -> Iterator[Citation]:
    """Unnamed media ("Israeli media reported") and anonymous sourcing in one sentence."""
    for pattern in cue.media:
        for m in pattern.finditer(sent.text):
            name = m.groupdict().get("name") or m.groupdict().get("name2") or m.group()
            yield Citation(" ".join(name.split()), "report", sent.index, m.group())
    for pattern in cue.anonymous:
        found = pattern.search(sent.text)
        if found:
            yield Citation("anonymous", "anonymous", sent.index, found.group())
            return


def _line_credits(
    article: Article, sentences: list[Sentence], registry: SourceRegistry, cue: Cues
) -> Iterator[Citation]:
    """Wire datelines "(Reuters) -" and syndication lines, in the text or in removed lines."""
    sources = [(article.text, True), *((line, False) for line in article.removed_lines)]
    for text, in_body in sources:
        for kind, patterns in (("agency", cue.dateline), ("syndication", cue.syndication)):
            for pattern in patterns:
                for m in pattern.finditer(text):
                    name = registry.normalise(m.group("name"))
                    if not name or name.casefold() in _NOT_NAMES:
                        continue
                    index = _sentence_at(sentences, m.start("name")) if in_body else None
                    yield Citation(name, kind, index, m.group().strip())


def _sentence_at(sentences: list[Sentence], offset: int) -> int | None:
    for sent in sentences:
        if sent.start <= offset < sent.end:
            return sent.index
    return None
