"""Framing across outlets: how each outlet covering a story names the actors, which events it
reports that others leave out, whom it cites, and which loaded terms it uses.

Everything here is evidence with its sentence — never a verdict about an outlet.
Plain functions returning dataclasses, for the CLI (``diplograph story ID``) and
the web pages: :func:`story_detail`, :func:`outlet_terms`.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from diplograph.errors import NotFoundError
from diplograph.store import Database
from diplograph.store.stories import (
    article_evidence,
    outlet_term_rows,
    sentence_texts,
    story_members,
    story_row,
)
from diplograph.stories.summary import article_sources, outlet_name

UNKNOWN_OUTLET = "(unknown outlet)"


@dataclass(slots=True)
class Evidence:
    """A sentence that shows something: where it is and what it says."""

    outlet: str
    article_id: str
    sentence: int | None
    text: str


@dataclass(slots=True)
class TermUse:
    """A loaded term as one outlet used it."""

    term: str
    category: str
    target: str | None
    text: str
    evidence: Evidence


@dataclass(slots=True)
class EventReport:
    """An event (type and parties) and which outlets of the story report it."""

    key: str  # e.g. "CONSULT ISR–MAR"
    event: str
    codes: list[str]
    reported_by: list[str]
    missing_from: list[str]
    modalities: list[str]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class OutletView:
    """One outlet's side of a story."""

    outlet: str
    article_ids: list[str]
    titles: list[str]
    names: dict[str, list[tuple[str, int]]]  # code → [(mention text, count)], most used first
    terms: list[TermUse]
    citations: list[Evidence]  # evidence.text is the credit phrase; see cited
    cited: list[str]  # distinct sources it credits
    sources: list[str]  # its ultimate sources (a retelling → what it retells)
    events: list[str]  # event keys it reports


@dataclass(slots=True)
class StoryDetail:
    """A story side by side across its outlets."""

    story_id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    codes: list[str]
    article_ids: list[str]
    outlets: list[str]
    independent_sources: list[str]
    sides: list[OutletView]
    events: list[EventReport]

    def to_json(self) -> dict[str, Any]:
        """A JSON-serialisable dict of the whole comparison."""
        return asdict(self)


def _codes(blob: str) -> list[str]:
    return [p["code"] for p in json.loads(blob or "[]")]


def event_key(row: dict[str, Any]) -> tuple[str, str, list[str]]:
    """(key, type, codes) of a stored event: its type and the unordered set of its parties."""
    codes = sorted(set(_codes(row["actor"])) | set(_codes(row["recipient"])))
    return f"{row['event']} {'–'.join(codes)}", row["event"], codes


def story_detail(db: Database, story_id: str) -> StoryDetail:
    """Side-by-side comparison of the outlets of one story; NotFoundError if it is unknown."""
    row = story_row(db, story_id)
    if row is None:
        raise NotFoundError(f"no story {story_id!r} in this store; `diplograph stories` lists ids")
    members = story_members(db, [story_id]).get(story_id, [])
    by_id = {m["id"]: m for m in members}
    evidence = article_evidence(db, list(by_id))
    texts = sentence_texts(db, [(aid, t["sentence"]) for aid, ev in evidence.items()
                                for t in ev["terms"]])  # fmt: skip
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in members:
        by_outlet[outlet_name(m) or UNKNOWN_OUTLET].append(m)
    events = _event_reports(by_outlet, evidence)
    sides = [_side(outlet, arts, evidence, texts, by_id, events)
             for outlet, arts in sorted(by_outlet.items())]  # fmt: skip
    return StoryDetail(
        story_id=story_id, title=row["title"], first_seen=row["first_seen"],
        last_seen=row["last_seen"], codes=row["codes"], article_ids=row["article_ids"],
        outlets=row["outlets"], independent_sources=row["independent_sources"], sides=sides,
        events=events,
    )  # fmt: skip


def _side(
    outlet: str, arts: list[dict[str, Any]], evidence: dict[str, dict[str, list]],
    texts: dict[tuple[str, int], str], by_id: dict[str, dict[str, Any]],
    events: list[EventReport],
) -> OutletView:
    names: dict[str, Counter[str]] = defaultdict(Counter)
    terms: list[TermUse] = []
    cites: list[Evidence] = []
    cited: set[str] = set()
    sources: set[str] = set()
    for art in sorted(arts, key=lambda a: a["id"]):
        ev = evidence.get(art["id"], {})
        for m in ev.get("mentions", []):
            if m["code"]:
                names[m["code"]][" ".join(m["text"].split())] += 1
        for t in ev.get("terms", []):
            where = Evidence(outlet, art["id"], t["sentence"],
                             texts.get((art["id"], t["sentence"]), t["text"]))  # fmt: skip
            terms.append(TermUse(t["term"], t["category"], t["target"], t["text"], where))
        for c in ev.get("citations", []):
            cites.append(Evidence(outlet, art["id"], c["sentence"], f"{c['name']}: {c['text']}"))
            if c["kind"] != "anonymous":
                cited.add(c["name"])
        sources.update(article_sources(art, by_id))
    return OutletView(
        outlet=outlet, article_ids=sorted(a["id"] for a in arts),
        titles=[a["title"] for a in sorted(arts, key=lambda a: a["id"]) if a.get("title")],
        names={code: c.most_common() for code, c in sorted(names.items())},
        terms=terms, citations=cites, cited=sorted(cited), sources=sorted(sources),
        events=sorted(e.key for e in events if outlet in e.reported_by),
    )  # fmt: skip


def _event_reports(
    by_outlet: dict[str, list[dict[str, Any]]], evidence: dict[str, dict[str, list]]
) -> list[EventReport]:
    """Every event key of the story, with the outlets that report it and those that do not."""
    reports: dict[str, EventReport] = {}
    outlets = sorted(by_outlet)
    for outlet in outlets:
        for art in by_outlet[outlet]:
            for row in evidence.get(art["id"], {}).get("events", []):
                key, kind, codes = event_key(row)
                if len(codes) < 2:
                    continue
                rep = reports.setdefault(key, EventReport(key, kind, codes, [], [], []))
                if outlet not in rep.reported_by:
                    rep.reported_by.append(outlet)
                if row["modality"] not in rep.modalities:
                    rep.modalities.append(row["modality"])
                rep.evidence.append(Evidence(outlet, art["id"], row["sentence"], row["text"]))
    for rep in reports.values():
        rep.reported_by.sort()
        rep.missing_from = [o for o in outlets if o not in rep.reported_by]
    return sorted(reports.values(), key=lambda r: (-len(r.reported_by), r.key))


@dataclass(slots=True)
class OutletTerms:
    """Loaded terms one outlet used across the store, by category and term."""

    outlet: str
    articles: int
    by_category: dict[str, int]
    by_term: list[tuple[str, str, str | None, int]]  # (term, category, target, count)
    examples: list[Evidence]


def outlet_terms(
    db: Database, *, outlet: str | None = None, examples: int = 3
) -> list[OutletTerms]:
    """Per outlet (or one outlet): how often each loaded term and category occurs, with up to
    ``examples`` example sentences per term."""
    rows = outlet_term_rows(db, outlet=outlet)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        grouped[r["outlet"] or UNKNOWN_OUTLET].append(r)
    texts = sentence_texts(db, [(r["article_id"], r["sentence"]) for r in rows])
    out: list[OutletTerms] = []
    for name, hits in sorted(grouped.items()):
        cats = Counter(h["category"] for h in hits)
        terms = Counter((h["term"], h["category"], h["target"]) for h in hits)
        shown: Counter[str] = Counter()
        ex: list[Evidence] = []
        for h in hits:
            if shown[h["term"]] >= examples:
                continue
            shown[h["term"]] += 1
            ex.append(Evidence(name, h["article_id"], h["sentence"],
                               texts.get((h["article_id"], h["sentence"]), h["text"])))  # fmt: skip
        out.append(OutletTerms(
            outlet=name, articles=len({h["article_id"] for h in hits}),
            by_category=dict(sorted(cats.items(), key=lambda kv: (-kv[1], kv[0]))),
            by_term=[(t, c, g, n) for (t, c, g), n in
                     sorted(terms.items(), key=lambda kv: (-kv[1], kv[0][0]))],
            examples=ex,
        ))  # fmt: skip
    return out
