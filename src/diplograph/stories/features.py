"""What story clustering knows of one article: its signature, effective date, events and keys.

Computed once per article from what the pipeline stored (title, text, actor
mentions, events) and kept in ``article_signatures`` and ``story_keys``, so that
new articles are compared with stored ones without re-reading them.

- **Effective date**: the publication date when it is known to the day; else
  the most reported day among the article's own events (an undated article
  about "the meeting in Cairo on 7 May" takes 7 May; only the lead's events count,
  later ones are often background); else the publication
  month or year; else unknown.
- **Parties**: actor codes ranked by how often and how early they are named.
- **Events**: ``TYPE:CODE-CODE`` keys of the events the article reports near
  its effective date (background events of other years are left out).
- **Keys**: parties, events and distinctive names ("n:ankara"): the index
  through which candidates are found (``store.stories.candidate_ids``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from diplograph.stories.signature import (
    DateSpan,
    minhash,
    minhash_bytes,
    minhash_values,
    shingles,
    term_counts,
    unpack_vector,
    vector_bytes,
)

#: Parties, events and names an article is indexed under (at most).
MAX_PARTY_KEYS = 4
MAX_EVENT_KEYS = 6
MAX_NAME_KEYS = 6
#: Days around the effective date within which an event counts as reported, not background.
EVENT_REACH = 7
#: Sentences from the start whose events date an undated article (later ones are background).
LEAD_EVENTS = 4
# A capitalised word inside a sentence (not its first word): a name, not just a capital.
_NAME = re.compile(r"(?<=[\w,;:'’)] )[A-Z][a-z]{3,}(?:[-'][A-Z]?[a-z]+)?\b")


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Capitalised words that never make a name key (``stories/data/not_names.txt``)."""
    lines = (Path(__file__).parent / "data" / "not_names.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in lines.splitlines() if w.strip() and w[0] != "#")


@dataclass(slots=True)
class Doc:
    """One article as clustering sees it."""

    id: str
    span: DateSpan  # the effective date (see the module docstring)
    basis: str  # published | events | none
    hashes: np.ndarray
    n_shingles: int
    terms: tuple[np.ndarray, np.ndarray]
    codes: list[str]  # ranked, main party first
    events: frozenset[str]
    keys: list[str] = field(default_factory=list)
    story_id: str | None = None
    duplicate_of: str | None = None
    target: bool = False  # being placed in this run (its signature is written)
    story_span: DateSpan | None = None  # a stored article's story: first to last effective day
    row: dict[str, Any] = field(default_factory=dict)

    @property
    def vague(self) -> bool:
        """No date, or only a month or a year: too vague for the date window alone."""
        return not self.span.known or self.span.days > 7

    @property
    def day(self) -> int | None:
        """The effective day number (the middle of the span), or None."""
        if not self.span.lo or not self.span.hi:
            return None
        return (self.span.lo.toordinal() + self.span.hi.toordinal()) // 2


def ranked_codes(mentions: Sequence[tuple[str, int]]) -> list[str]:
    """Actor codes, most named first: each mention counts, lead mentions (first 2) thrice."""
    weights: dict[str, float] = {}
    for code, sentence in mentions:
        weights[code] = weights.get(code, 0.0) + (3.0 if sentence <= 1 else 1.0)
    return sorted(weights, key=lambda c: (-weights[c], c))


def effective_span(published: str | None, events: Sequence[dict[str, Any]]) -> tuple[DateSpan, str]:
    """The article's effective date and where it came from (see the module docstring)."""
    span = DateSpan.parse(published)
    if span.known and span.days == 1:
        return span, "published"
    days = []
    for ev in events:
        lead = ev.get("sentence") is None or ev["sentence"] < LEAD_EVENTS
        if lead and ev.get("date_precision") == "day" and ev.get("date"):
            d = DateSpan.parse(ev["date"])
            if d.lo and (not span.known or span.gap(d) == 0):
                days.append(d.lo)
    if days:
        counts = Counter(days)
        best = max(counts, key=lambda d: (counts[d], d))
        return DateSpan(best, best), "events"
    return span, ("published" if span.known else "none")


def event_keys(events: Sequence[dict[str, Any]], span: DateSpan) -> frozenset[str]:
    """``TYPE:CODE-CODE`` of the events reported near ``span`` (or undated)."""
    out: set[str] = set()
    for ev in events:
        codes = sorted(set(ev.get("codes") or ()))
        if not codes:
            continue
        when = DateSpan.parse(ev.get("date"))
        if when.known and span.known and (span.gap(when) or 0) > EVENT_REACH:
            continue
        out.add(f"{ev['event']}:{'-'.join(codes)}")
    return frozenset(out)


def name_keys(title: str | None, text: str) -> list[str]:
    """Names of the lead (capitalised inside a sentence), those of the title first, then
    the most frequent: the places, people and bodies a development is about."""
    counts = Counter(w.lower() for w in _NAME.findall(text[:1200]))
    for w in set(re.findall(r"[A-Za-z][a-z'’-]+", title or "")):
        if w.lower() in counts:
            counts[w.lower()] += 2
    names = [w for w in counts if w not in not_names()]
    names.sort(key=lambda w: (-counts[w], w))
    return names[:MAX_NAME_KEYS]


def index_keys(codes: Sequence[str], events: frozenset[str], names: Sequence[str]) -> list[str]:
    """The ``story_keys`` of an article."""
    keys = [f"p:{c}" for c in codes[:MAX_PARTY_KEYS]]
    keys += [f"e:{k}"[:80] for k in sorted(events)[:MAX_EVENT_KEYS]]
    keys += [f"n:{n}"[:80] for n in names]
    return list(dict.fromkeys(keys))


def new_docs(rows: list[dict[str, Any]]) -> list[Doc]:
    """Docs (and their signature rows) of articles read by ``store.stories.cluster_inputs``."""
    counts = term_counts([(r["title"], r["text"]) for r in rows])
    docs = []
    for i, row in enumerate(rows):
        sh = shingles(row["text"])
        mh = minhash(sh)
        lo, hi = counts.indptr[i], counts.indptr[i + 1]
        idx, val = counts.indices[lo:hi].astype("<u4"), counts.data[lo:hi].astype("<f4")
        span, basis = effective_span(row["published"], row["events"])
        codes = ranked_codes(row["mentions"])
        events = event_keys(row["events"], span)
        doc = Doc(row["id"], span, basis, mh.hashvalues, len(sh), (idx, val), codes, events,
                  story_id=row.get("story_id"), target=True)  # fmt: skip
        doc.keys = index_keys(codes, events, name_keys(row["title"], row["text"]))
        doc.row = {"article_id": row["id"], "minhash": minhash_bytes(mh),
                   "vector": vector_bytes(idx, val, len(sh)), "codes": json.dumps(codes),
                   "date": _span_text(span, row["published"], basis),
                   "day_lo": span.lo.toordinal() if span.lo else None,
                   "day_hi": span.hi.toordinal() if span.hi else None,
                   "date_basis": basis, "events": json.dumps(sorted(events)),
                   "added": row.get("ingested_at")}  # fmt: skip
        docs.append(doc)
    return docs


def _span_text(span: DateSpan, published: str | None, basis: str) -> str | None:
    if basis == "events" and span.lo:
        return span.lo.isoformat()
    return published


def stored_doc(row: dict[str, Any]) -> Doc:
    """A Doc from a stored signature row (``store.stories.signature_rows``)."""
    n, idx, val = unpack_vector(row["vector"])
    lo = date.fromordinal(row["day_lo"]) if row.get("day_lo") else None
    hi = date.fromordinal(row["day_hi"]) if row.get("day_hi") else None
    return Doc(row["article_id"], DateSpan(lo, hi), row.get("date_basis") or "none",
               minhash_values(row["minhash"]), n, (idx, val), json.loads(row["codes"] or "[]"),
               frozenset(json.loads(row.get("events") or "[]")), story_id=row["story_id"],
               duplicate_of=row["duplicate_of"])  # fmt: skip
