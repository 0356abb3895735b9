"""Dyad timelines built from stored claims at query time: intervals, as-of, partners, export.

For one facet of one dyad, the claims that can change a state (modality
``asserted`` or ``historical``, with a date) are placed at the day their date
holds by (SPEC §4: a year or a month holds by the end of it). Claims placed on the
same day are one *observation*; when they disagree, the value with the most
independent support (distinct stories, then outlets) wins, then the most
recently asserted — and the others are kept as ``conflicts``, never dropped.
Consecutive observations with the same value form one interval.

An interval whose first claim only *observes* a state ("Israel and Morocco have no
official diplomatic ties") and that has no earlier claim also answers as-of
queries before that observation: nothing known says it was different. An
interval that starts with a change ("recalled its ambassador", "in 2009")
starts on that date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import groupby
from typing import Any

from diplograph.errors import ConfigError
from diplograph.relations.facets import (
    ENDED,
    FACETS,
    IMPLIES,
    OBSERVED_WITHIN,
    STATE_MODALITIES,
    WEAK,
    end_of_period,
    ordered,
    start_of_period,
    validate_code,
)
from diplograph.store import Database
from diplograph.store.relations import actor_claims, dyad_claims, iter_claim_dyads

SPEC_CLAIM_KEYS = ("article_id", "sentence", "asserted_on", "modality")


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A stored claim as the timeline uses it, with the asserting article's outlet."""

    article_id: str
    sentence: int
    asserted_on: str | None
    modality: str
    value: str
    valid_from: str | None
    kind: str
    text: str
    outlet: str | None
    story_id: str | None
    written_after: str | None = None  # an undated article: the latest year it names

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ClaimView:
        """Build from a row of :func:`diplograph.store.relations.dyad_claims`."""
        return cls(row["article_id"], int(row["sentence"]), row["asserted_on"], row["modality"],
                   row["value"], row["valid_from"], row.get("kind") or "change", row["text"],
                   row.get("outlet"), row.get("story_id"), row.get("written_after"))  # fmt: skip

    @property
    def when(self) -> date | None:
        """The day this claim's value holds by, or None when it cannot be placed in time.

        A ``historical`` claim without its own date (a bare "had no ties") is not placed.
        """
        if self.modality == "historical" and not self.valid_from:
            return None
        text = self.valid_from or self.asserted_on
        return end_of_period(text) if text else None

    def to_json(self, *, with_value: bool = False, display: bool = False) -> dict[str, Any]:
        """The SPEC §5 claim object; ``with_value`` adds ``value``, ``display`` text and outlet."""
        out: dict[str, Any] = {key: getattr(self, key) for key in SPEC_CLAIM_KEYS}
        if with_value:
            out["value"] = self.value
        if display:
            out.update(value=self.value, valid_from=self.valid_from, text=self.text,
                       outlet=self.outlet)  # fmt: skip
        return out


@dataclass(slots=True)
class Interval:
    """A facet value holding over a period, with the claims behind it and those against it."""

    a: str
    b: str
    facet: str
    value: str
    valid_from: str | None  # the earliest date a supporting claim places the value
    valid_to: str | None  # the next interval's valid_from (None: still holds)
    holds_from: date | None  # first day it answers as-of queries (None: open start)
    holds_to: date | None  # first day it no longer does
    claims: list[ClaimView] = field(default_factory=list)  # the first is the one it rests on
    conflicts: list[ClaimView] = field(default_factory=list)

    def holds_on(self, day: date) -> bool:
        """True if this value answers an as-of query for ``day``."""
        after_start = self.holds_from is None or self.holds_from <= day
        return after_start and (self.holds_to is None or day < self.holds_to)

    @property
    def rests_on(self) -> ClaimView:
        """The claim the value rests on: best supported, most recently asserted."""
        return self.claims[0]

    def to_json(self, *, display: bool = False) -> dict[str, Any]:
        """The SPEC §5 relation object (``display`` adds sentences and outlets to claims)."""
        return {
            "a": self.a, "b": self.b, "facet": self.facet, "value": self.value,
            "valid_from": self.valid_from, "valid_to": self.valid_to,
            "claims": [c.to_json(display=display) for c in self.claims],
            "conflicts": [c.to_json(with_value=True, display=display) for c in self.conflicts],
        }  # fmt: skip


def _support(claims: list[ClaimView]) -> tuple[int, int, str, int]:
    """Independent support of a value: distinct stories, distinct outlets, latest assertion."""
    stories = {c.story_id or c.article_id for c in claims}
    outlets = {c.outlet or c.article_id for c in claims}
    latest = max((c.asserted_on or "" for c in claims), default="")
    changes = sum(c.kind == "change" for c in claims)
    return len(stories), len(outlets), latest, changes


def _order_claims(claims: Iterable[ClaimView]) -> list[ClaimView]:
    """Most recently asserted first, then by article and sentence (deterministic)."""
    ordered_claims = sorted(claims, key=lambda c: (c.article_id, c.sentence))
    return sorted(ordered_claims, key=lambda c: c.asserted_on or "", reverse=True)


def _winner(claims: list[ClaimView], facet: str) -> str:
    by_value: dict[str, list[ClaimView]] = {}
    for claim in claims:
        by_value.setdefault(claim.value, []).append(claim)
    rank = FACETS.get(facet, ())
    return max(by_value, key=lambda v: (_support(by_value[v]),
                                         -(rank.index(v) if v in rank else 99)))  # fmt: skip


def facet_intervals(a: str, b: str, facet: str, claims: Iterable[ClaimView]) -> list[Interval]:
    """The value intervals of one facet of a dyad, oldest first."""
    usable = sorted((c for c in claims if c.modality in STATE_MODALITIES and c.when),
                    key=lambda c: c.when)  # type: ignore[arg-type,return-value]  # fmt: skip
    intervals: list[Interval] = []
    for day, group in groupby(usable, key=lambda c: c.when):
        observed = list(group)
        # a weak state (an envoy's title) answers only where nothing else is said that day
        value = _winner([c for c in observed if c.kind != WEAK] or observed, facet)
        backing = [c for c in observed if c.value == value]
        against = [c for c in observed if c.value != value]
        current = intervals[-1] if intervals else None
        if current is not None and value in IMPLIES.get((facet, current.value), ()):
            value = current.value  # consistent with what holds: support, not a change
            backing = [c for c in observed if c.value in (value, *IMPLIES[(facet, value)])]
            against = [c for c in observed if c not in backing]
        if current is not None and current.value != value and all(c.kind == WEAK
                                                                   for c in backing):  # fmt: skip
            current.conflicts.extend(backing)  # never changes what holds: shown beside it
            continue
        if (current is not None and all(c.kind in ("state", WEAK) for c in backing)
                and value in OBSERVED_WITHIN.get((facet, current.value), ())):  # fmt: skip
            value = current.value  # "have diplomatic relations" while downgraded: no change
        if current is not None and current.value == value:
            current.claims.extend(backing)
            current.conflicts.extend(against)
            continue
        starts_open = current is None and all(c.kind in ("state", WEAK) for c in backing)
        first = min((c.valid_from or c.asserted_on or "" for c in backing), key=end_of_period)
        interval = Interval(a, b, facet, value, first or None, None,
                            None if starts_open else day, None, backing, against)  # fmt: skip
        if current is not None:
            current.valid_to, current.holds_to = interval.valid_from, day
        intervals.append(interval)
    intervals = [i for i in _with_undated(a, b, facet, claims, intervals) if i.value != ENDED]
    for interval in intervals:
        interval.claims = _order_claims(interval.claims)
        interval.conflicts = _order_claims(interval.conflicts)
    return intervals


def _is_undated(claim: ClaimView) -> bool:
    return claim.modality == "asserted" and not claim.valid_from and not claim.asserted_on


def _with_undated(
    a: str, b: str, facet: str, claims: Iterable[ClaimView], intervals: list[Interval]
) -> list[Interval]:
    """Place values asserted by undated articles ("have no official ties", no date known).

    Nothing says when they held, so they answer only where no dated claim does:
    before the first dated interval (which then starts on its own day), or at
    every date when the facet has no dated claim at all.
    """
    # a weak undated state (an envoy's title) answers only a facet with no dated claim
    claims = [c for c in claims if not (intervals and c.kind == WEAK and _is_undated(c))]
    floors = _own_latest_days(claims) if intervals else {}
    undated = [c for c in claims if _is_undated(c) and c.article_id not in floors]
    intervals, left = _after_own_dates(a, b, facet, claims, floors, intervals)
    undated += left
    if not undated:
        return intervals
    value = _winner(undated, facet)
    backing = [c for c in undated if c.value == value]
    against = [c for c in undated if c.value != value]
    first = intervals[0] if intervals else None
    if first is not None and first.value == value and first.holds_from is None:
        first.claims.extend(backing)
        first.conflicts.extend(against)
        return intervals
    lead = Interval(a, b, facet, value, None, None, None, None, backing, against)
    if first is not None:
        first_day = min(c.when for c in first.claims if c.when)
        first.holds_from = first_day
        lead.valid_to, lead.holds_to = first.valid_from, first_day
    return [lead, *intervals]


def _own_latest_days(claims: list[ClaimView]) -> dict[str, date]:
    """Per undated article, the first day its undated values can be placed on.

    An article without a publication date was written after every date it gives:
    after its own dated claims of this facet, and no earlier than the latest year it
    names (``written_after``).
    """
    out: dict[str, date] = {}
    for c in claims:
        if _is_undated(c) and c.written_after:
            out[c.article_id] = start_of_period(c.written_after)
    undated_articles = {c.article_id for c in claims if _is_undated(c)}
    for c in claims:
        if c.article_id in undated_articles and c.modality in STATE_MODALITIES and c.when:
            after = c.when + timedelta(days=1)
            out[c.article_id] = max(out.get(c.article_id, after), after)
    return out


Placed = tuple[list["Interval"], list[ClaimView]]


def _after_own_dates(a: str, b: str, facet: str, claims: list[ClaimView],
                     floors: dict[str, date], intervals: list[Interval]) -> Placed:  # fmt: skip
    """Place an undated article's values after the dates the article itself gives.

    "The UAE downgraded ties in 2016 … its ambassador will resume his duties", no
    publication date: the return follows 2016 (until a later dated change), instead
    of losing to the article's own background. Returns the intervals and the
    undated claims that could not be placed so (no dated value holds on that day).
    """
    trailing = sorted((c for c in claims if _is_undated(c) and c.article_id in floors),
                      key=lambda c: floors[c.article_id])  # fmt: skip
    left: list[ClaimView] = []
    for start, group in groupby(trailing, key=lambda c: floors[c.article_id]):
        observed = list(group)
        at = next((i for i, item in enumerate(intervals) if item.holds_on(start)), None)
        if at is None:
            left.extend(observed)  # before every dated value: placed as an undated lead
            continue
        value = _winner(observed, facet)
        backing = [c for c in observed if c.value == value]
        against = [c for c in observed if c.value != value]
        held = intervals[at]
        if held.value == value:
            held.claims.extend(backing)
            held.conflicts.extend(against)
            continue
        if held.holds_from is not None and held.holds_from >= start:
            left.extend(observed)
            continue
        after = Interval(a, b, facet, value, None, held.valid_to, start, held.holds_to,
                         backing, against)  # fmt: skip
        held.valid_to, held.holds_to = None, start
        intervals.insert(at + 1, after)
    return intervals, left


def build_timeline(a: str, b: str, rows: Iterable[dict[str, Any]]) -> dict[str, list[Interval]]:
    """Every facet's intervals for one dyad, from claim rows (facets in SPEC §4 order)."""
    by_facet: dict[str, list[ClaimView]] = {}
    for row in rows:
        by_facet.setdefault(row["facet"], []).append(ClaimView.from_row(row))
    out: dict[str, list[Interval]] = {}
    for facet in sorted(by_facet, key=_facet_rank):
        intervals = facet_intervals(a, b, facet, by_facet[facet])
        if intervals:
            out[facet] = intervals
    return out


def _facet_rank(facet: str) -> tuple[int, str]:
    names = list(FACETS)
    return (names.index(facet) if facet in names else len(names), facet)


def dyad(a: str, b: str) -> tuple[str, str]:
    """Validate two codes and return them in alphabetical order."""
    first, second = validate_code(a), validate_code(b)
    if first == second:
        raise ConfigError(f"a dyad needs two different codes, not {first} twice")
    return ordered(first, second)


def timeline(db: Database, a: str, b: str) -> dict[str, list[Interval]]:
    """Every facet's value intervals for the dyad of ``a`` and ``b`` (in either order)."""
    first, second = dyad(a, b)
    return build_timeline(first, second, dyad_claims(db, first, second))


def values_at(intervals: dict[str, list[Interval]], day: date) -> dict[str, Interval]:
    """Per facet, the interval that holds on ``day`` (facets with no known value left out).

    Its claims are reordered so that it rests on a claim already made by ``day``
    when there is one; claims made later (that confirm it) follow.
    """
    out: dict[str, Interval] = {}
    for facet, items in intervals.items():
        for interval in items:
            if interval.holds_on(day):
                known = [c for c in interval.claims if _asserted_by(c, day)]
                later = [c for c in interval.claims if not _asserted_by(c, day)]
                out[facet] = replace(interval, claims=known + later)
                break
    return out


def _asserted_by(claim: ClaimView, day: date) -> bool:
    return claim.asserted_on is not None and start_of_period(claim.asserted_on) <= day


def as_of(db: Database, a: str, b: str, day: date) -> dict[str, Interval]:
    """Per facet, the value holding on ``day`` with its claims and conflicts."""
    return values_at(timeline(db, a, b), day)


def partner_timelines(
    db: Database, a: str, *, facet: str | None = None
) -> dict[str, dict[str, list[Interval]]]:
    """Every partner of ``a`` with its facets' value intervals (partners in code order).

    ``facet`` keeps only that facet (partners without a value of it are left out).
    """
    code = validate_code(a)
    rows_by_dyad: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in actor_claims(db, code, facet=facet):
        rows_by_dyad.setdefault((row["a"], row["b"]), []).append(row)
    out: dict[str, dict[str, list[Interval]]] = {}
    for (first, second), rows in rows_by_dyad.items():
        intervals = build_timeline(first, second, rows)
        if intervals:
            out[second if first == code else first] = intervals
    return dict(sorted(out.items()))


def partners(db: Database, a: str, day: date) -> dict[str, dict[str, Interval]]:
    """Every partner of ``a`` with its facet values on ``day`` (partners in code order)."""
    out: dict[str, dict[str, Interval]] = {}
    for partner, intervals in partner_timelines(db, a).items():
        values = values_at(intervals, day)
        if values:
            out[partner] = values
    return out


def iter_relation_values(db: Database) -> Iterator[dict[str, Any]]:
    """Every dyad's facet intervals as SPEC §5 objects, by dyad, facet and date."""
    for first, second in iter_claim_dyads(db):
        for intervals in build_timeline(first, second, dyad_claims(db, first, second)).values():
            for interval in intervals:
                yield interval.to_json()
