"""A synthetic store for load tests and UI development (``diplograph synth``).

Deterministic by seed. About 60 countries and a few IGOs; a few hundred dyads
whose volumes are skewed (a handful carry most events); dates over 2015–2026
with more news in later years; articles of several event sentences each, with
mentions, citations, stories, and facet claims that follow each dyad's
relationship timeline (including a few conflicting ones). The vocabulary is
``store/data/synth.json``. Rows go in with ``executemany`` in large batches,
one transaction per batch.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from diplograph import PIPELINE_VERSION
from diplograph.errors import StoreError
from diplograph.store import schema as s
from diplograph.store.database import Database
from diplograph.store.synth_text import ArticleDraft, Vocabulary, render_article

log = logging.getLogger(__name__)

VOCABULARY = Path(__file__).parent / "data" / "synth.json"
FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2026, 11, 23)
N_DYADS = 400

#: Called with (events written, events wanted).
SynthProgress = Callable[[int, int], None]


@dataclass(slots=True)
class SynthReport:
    """What ``synthesize`` wrote and how long it took."""

    events: int = 0
    articles: int = 0
    claims: int = 0
    stories: int = 0
    seconds: float = 0.0


@dataclass(slots=True)
class _Batch:
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    events: int = 0

    def add(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        """Queue ``rows`` for ``table`` until the next flush."""
        self.rows.setdefault(table, []).extend(rows)


class World:
    """The fixed parts of a synthetic world: actors, skewed dyads, relationship timelines."""

    def __init__(self, vocab: Vocabulary, rng: random.Random) -> None:
        self.vocab = vocab
        self.rng = rng
        self.days = [(FIRST_DAY + timedelta(days=i)).isoformat()
                     for i in range((LAST_DAY - FIRST_DAY).days + 1)]  # fmt: skip
        self.dyads = self._pick_dyads()
        weights = [w for _, w in self.dyads]
        self.dyad_cum = list(accumulate(weights))
        self.outlet_cum = list(accumulate(1 / (i + 1) ** 0.8 for i in range(len(vocab.outlets))))
        self.timelines = {pair: self._timeline() for pair, _ in self.dyads}

    def _pick_dyads(self) -> list[tuple[tuple[str, str], float]]:
        codes = [c for c, _, _ in self.vocab.countries] + [c for c, _, _ in self.vocab.igos]
        prominence = [1 / (i + 1) ** 0.9 for i in range(len(codes))]
        cum = list(accumulate(prominence))
        chosen: dict[tuple[str, str], float] = {}
        while len(chosen) < N_DYADS:
            a, b = self.rng.choices(codes, cum_weights=cum, k=2)
            if a != b:
                pair = (a, b) if a < b else (b, a)
                chosen.setdefault(pair, prominence[codes.index(a)] * prominence[codes.index(b)]
                                  * self.rng.lognormvariate(0, 0.7))  # fmt: skip
        return sorted(chosen.items(), key=lambda kv: (-kv[1], kv[0]))

    def _timeline(self) -> dict[str, list[tuple[int, str, str]]]:
        """Per facet: (day index, value, valid_from) steps; the first holds from before 2015."""
        out: dict[str, list[tuple[int, str, str]]] = {}
        for facet, spec in self.vocab.facets.items():
            values, weights = zip(*spec["initial"], strict=True)
            value = self.rng.choices(values, weights=weights)[0]
            steps = [(-1, value, str(self.rng.randint(1950, 2014)))]
            n_changes = self.rng.choices((0, 1, 2, 3), weights=(45, 35, 15, 5))[0]
            for day in sorted(self.rng.sample(range(30, len(self.days) - 30), n_changes)):
                value = self.rng.choice(spec["next"][value])
                steps.append((day, value, self.days[day]))
            out[facet] = steps
        return out

    def pick_dyad(self) -> tuple[str, str]:
        """A dyad, drawn by its (skewed) weight."""
        return self.dyads[bisect_right(self.dyad_cum, self.rng.random() * self.dyad_cum[-1])][0]

    def pick_day(self) -> int:
        """A day index; later years carry more news."""
        return min(len(self.days) - 1, int(len(self.days) * self.rng.random() ** 0.7))

    def pick_outlet(self) -> str:
        """An outlet, drawn with a skew toward the big wires."""
        x = self.rng.random() * self.outlet_cum[-1]
        return self.vocab.outlets[bisect_right(self.outlet_cum, x)]

    def state_at(self, pair: tuple[str, str], facet: str, day: int) -> tuple[str, str, int]:
        """(value, valid_from, day of the change) of the facet on ``day``."""
        steps = self.timelines[pair][facet]
        i = bisect_right([d for d, _, _ in steps], day) - 1
        d, value, since = steps[max(i, 0)]
        return value, since, d


def _insert_sql(conn: Connection, table: str, columns: tuple[str, ...]) -> str:
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    cols = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({cols}) VALUES ({', '.join([mark] * len(columns))})"


COLUMNS: dict[str, tuple[str, ...]] = {
    "raw_inputs": ("id", "source", "path", "media_type", "url", "hints", "content", "received_at"),
    "articles": ("id", "raw_id", "source", "url", "content_key", "outlet", "title", "published",
                 "published_precision", "published_basis", "language", "text", "extractor",
                 "removed_lines", "story_id", "pipeline_version", "ingested_at"),
    "sentences": ("article_id", "idx", "start", "end", "text"),
    "mentions": ("article_id", "sentence", "start", "end", "text", "code", "sector", "kind",
                 "actor"),
    "events": ("id", "article_id", "event", "modality", "date", "date_precision", "sentence",
               "start", "end", "text", "actor", "recipient", "mediator", "mode", "context",
               "attribution", "outlet", "trigger", "confidence", "coder"),
    "event_parties": ("event_id", "role", "code", "date"),
    "event_dyads": ("event_id", "a", "b", "date"),
    "citations": ("article_id", "name", "kind", "sentence", "text"),
    "claims": ("article_id", "a", "b", "facet", "value", "modality", "valid_from",
               "valid_from_precision", "asserted_on", "sentence", "text", "event_id", "kind"),
    "stories": ("id", "title", "first_seen", "last_seen", "codes", "updated_at",
                "article_count", "outlets", "independent_sources"),
}  # fmt: skip


def _flush(db: Database, batch: _Batch) -> None:
    with db.begin() as conn:
        if db.is_sqlite:
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
            conn.exec_driver_sql("PRAGMA cache_size=-262144")
        for table in COLUMNS:  # parents before children
            rows = batch.rows.get(table)
            if rows:
                conn.exec_driver_sql(_insert_sql(conn, table, COLUMNS[table]), rows)
    batch.rows.clear()
    batch.events = 0


def _check_empty(db: Database) -> None:
    with db.connect() as conn:
        n = conn.execute(select(func.count()).select_from(s.articles)).scalar_one()
    if n:
        raise StoreError(
            f"the store already holds {n} articles; synth writes only into an empty store "
            "(give a new --db path)"
        )


def synthesize(
    db: Database, *, events: int, seed: int = 1, batch_events: int = 50_000,
    on_progress: SynthProgress | None = None,
) -> SynthReport:  # fmt: skip
    """Write a synthetic store of about ``events`` events into the empty store ``db``."""
    if events < 1:
        raise StoreError(f"--events must be at least 1 (got {events})")
    _check_empty(db)
    started = time.perf_counter()
    _drop_indices(db)
    try:
        report = _write(db, events=events, seed=seed, batch_events=batch_events,
                        on_progress=on_progress)  # fmt: skip
    finally:
        _create_indices(db)  # sorting once beats inserting a million rows into each index
    _finish(db, seed=seed, events=report.events)
    if on_progress:
        on_progress(report.events, events)
    report.seconds = time.perf_counter() - started
    return report


def _secondary_indices() -> list[Any]:
    """The non-unique indices of the tables synth fills (rebuilt after the bulk load)."""
    return [ix for table in s.metadata.sorted_tables if table.name in COLUMNS
            for ix in table.indexes if not ix.unique]  # fmt: skip


def _drop_indices(db: Database) -> None:
    with db.begin() as conn:
        for ix in _secondary_indices():
            ix.drop(conn, checkfirst=True)


def _create_indices(db: Database) -> None:
    with db.begin() as conn:
        if db.is_sqlite:
            conn.exec_driver_sql("PRAGMA cache_size=-262144")
        for ix in _secondary_indices():
            ix.create(conn, checkfirst=True)


def _write(db: Database, *, events: int, seed: int, batch_events: int,
           on_progress: SynthProgress | None) -> SynthReport:  # fmt: skip
    rng = random.Random(seed)
    vocab = Vocabulary.load(VOCABULARY)
    world = World(vocab, rng)
    report, batch, stories = SynthReport(), _Batch(), {}
    stamp = "2026-01-01T00:00:00+00:00"
    while report.events < events:
        draft = _draft(world, seed, report.articles, min(events - report.events, 10))
        rows = render_article(draft, vocab, stamp=stamp)
        for table, table_rows in rows.items():
            batch.add(table, table_rows)
        _remember_story(stories, draft)
        report.articles += 1
        report.events += draft.n_events
        report.claims += len(rows.get("claims", ()))
        batch.events += draft.n_events
        if batch.events >= batch_events:
            _flush(db, batch)
            if on_progress:
                on_progress(report.events, events)
    batch.add("stories", [
        (sid, t, f, la, json.dumps(sorted(c)), stamp, n, json.dumps(sorted(o)),
         json.dumps(sorted(src)))
        for sid, (t, f, la, c, n, o, src) in sorted(stories.items())
    ])  # fmt: skip
    _flush(db, batch)
    report.stories = len(stories)
    return report


def _draft(world: World, seed: int, n: int, max_events: int) -> ArticleDraft:
    rng = world.rng
    pair = world.pick_dyad()
    day = world.pick_day()
    k = min(max_events, rng.choices(range(1, 11), weights=(8, 14, 18, 18, 14, 10, 7, 5, 3, 3))[0])
    states = {}
    for facet in world.vocab.facets:
        value, since, change_day = world.state_at(pair, facet, day)
        recent = 0 <= day - change_day <= 45
        if rng.random() < (0.5 if recent else 0.02 if facet == "diplomatic_ties" else 0.006):
            states[facet] = (value, since if recent else world.days[day], recent)
    bucket = day // 4
    story = hashlib.sha256(f"synth{seed}/{pair}/{bucket}".encode()).hexdigest()[:16]
    return ArticleDraft(
        article_id=f"{seed:04x}{n:012x}", number=n, pair=pair, day=world.days[day],
        outlet=world.pick_outlet(), n_events=k, states=states, story_id=story, rng=rng,
    )  # fmt: skip


def _remember_story(stories: dict[str, Any], draft: ArticleDraft) -> None:
    entry = stories.get(draft.story_id)
    if entry is None:
        entry = stories[draft.story_id] = [draft.title, draft.day, draft.day, set(draft.pair), 0,
                                           set(), set()]  # fmt: skip
    entry[1] = min(entry[1], draft.day)
    entry[2] = max(entry[2], draft.day)
    entry[4] += 1
    entry[5].add(draft.outlet)
    entry[6].add(draft.cited or draft.outlet)  # a retelling adds an outlet, not a source


def _finish(db: Database, *, seed: int, events: int) -> None:
    with db.begin() as conn:
        conn.execute(s.meta.delete().where(s.meta.c.key == "synthetic"))
        conn.execute(s.meta.insert().values(
            key="synthetic", value=json.dumps({"seed": seed, "events": events,
                                               "pipeline_version": PIPELINE_VERSION})))  # fmt: skip
    if db.is_sqlite:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.commit()
