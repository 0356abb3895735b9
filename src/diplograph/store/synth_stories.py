"""Synthetic multi-outlet stories for the clustering benchmark (``diplograph bench-stories``).

A deterministic stream (by seed) of articles in date order, ``per_day`` a
day: each story is one development between two countries (from
``store/data/synth.json``) told by one to six outlets over one or two days,
with words of its own; 30% of the articles are undated. Rows go straight
into ``articles``, ``mentions`` and ``events`` (what story clustering reads),
without running the pipeline, so that stores of 10,000 articles are built in
seconds.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select

from diplograph import PIPELINE_VERSION
from diplograph.store import schema as s
from diplograph.store.articles import now
from diplograph.store.database import Database
from diplograph.store.synth import VOCABULARY
from diplograph.store.synth_text import Vocabulary

FIRST_DAY = date(2020, 1, 1)
_RAW_ID = "synthetic-stories"
#: Syllables of the made-up words that give each synthetic story a vocabulary of its own.
_SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vor", "del", "an", "ith", "ur", "sen", "gal",
              "por", "tek", "mur", "zin", "bal", "fen", "dor")  # fmt: skip


@dataclass(slots=True)
class _Story:
    a: tuple[str, str, str]
    b: tuple[str, str, str]
    event: str
    words: list[str]
    size: int
    day: int


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3))


def _stream(vocab: Vocabulary, seed: int, per_day: int) -> Iterator[dict[str, Any]]:
    """Article drafts in date order, forever."""
    rng = random.Random(seed)
    k = 0
    while True:
        a, b = rng.sample(vocab.countries, 2)
        story = _Story(a, b, rng.choice(vocab.types), [_word(rng) for _ in range(8)],
                       rng.randint(1, 6), k // per_day)  # fmt: skip
        for i in range(story.size):
            yield _draft(story, i, k, rng, vocab)
            k += 1


def _draft(story: _Story, i: int, k: int, rng: random.Random, vocab: Vocabulary) -> dict:
    (ca, na, seat), (cb, nb, _) = story.a, story.b
    day = FIRST_DAY + timedelta(days=story.day + rng.randint(0, 1))
    words = rng.sample(story.words, 5)
    title = f"{na.capitalize()} and {nb} {words[0]} talks on {words[1]} in {seat}"
    lead = (f"{na.capitalize()} and {nb} held talks in {seat} on {words[2]} and {words[3]}, "
            f"officials said.")  # fmt: skip
    body = " ".join(rng.sample(vocab.fillers, min(3, len(vocab.fillers))))
    text = f"{lead} The {words[4]} plan was discussed with {nb}. {body}"
    undated = rng.random() < 0.3
    return {"k": k, "title": title, "text": text, "a": ca, "b": cb, "event": story.event,
            "published": None if undated else day.isoformat(), "outlet": f"outlet{i}.example",
            "lead_end": len(lead)}  # fmt: skip


def add_synthetic_articles(
    db: Database, count: int, *, per_day: int = 15, seed: int = 11, start: int = 0
) -> list[str]:
    """Store articles ``start`` … ``start + count - 1`` of the stream; return their ids."""
    vocab = Vocabulary.load(VOCABULARY)
    drafts = []
    for d in _stream(vocab, seed, per_day):
        if d["k"] >= start + count:
            break
        if d["k"] >= start:
            drafts.append(d)
    stamp = now()
    arts, mentions, events = [], [], []
    for d in drafts:
        aid = hashlib.sha256(f"synthetic {seed} {d['k']}".encode()).hexdigest()[:16]
        arts.append({"id": aid, "raw_id": _RAW_ID, "source": f"synthetic-{d['k']}.txt",
                     "url": f"https://{d['outlet']}/{d['k']}", "content_key": aid,
                     "outlet": d["outlet"], "title": d["title"], "published": d["published"],
                     "published_precision": "day" if d["published"] else "unknown",
                     "text": d["text"], "extractor": "synthetic",
                     "pipeline_version": PIPELINE_VERSION, "ingested_at": stamp})  # fmt: skip
        for code in (d["a"], d["b"]):
            mentions.append({"article_id": aid, "sentence": 0, "start": 0, "end": 1,
                             "text": code, "code": code, "kind": "country"})  # fmt: skip
        party = lambda c: json.dumps([{"code": c, "text": c, "start": 0, "end": 1}])  # noqa: E731
        events.append({"id": f"ev-{aid}", "article_id": aid, "event": d["event"],
                       "modality": "asserted", "date": d["published"],
                       "date_precision": "day" if d["published"] else "unknown",
                       "sentence": 0, "start": 0, "end": d["lead_end"],
                       "text": d["text"][: d["lead_end"]], "actor": party(d["a"]),
                       "recipient": party(d["b"]), "mediator": "[]", "attribution": "{}",
                       "confidence": 1.0, "coder": "synthetic"})  # fmt: skip
    with db.begin() as conn:
        known = select(s.raw_inputs.c.id).where(s.raw_inputs.c.id == _RAW_ID)
        if conn.execute(known).first() is None:
            conn.execute(insert(s.raw_inputs).values(
                id=_RAW_ID, source="synthetic", media_type="text/plain", content=b"",
                received_at=stamp))  # fmt: skip
        for table, rows in ((s.articles, arts), (s.mentions, mentions), (s.events, events)):
            if rows:
                conn.execute(insert(table), rows)
    return [a["id"] for a in arts]
