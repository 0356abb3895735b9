"""Synthetic articles for ``diplograph synth``: text, offsets and every row that goes with it."""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

from diplograph import PIPELINE_VERSION

_SLOT = re.compile(r"\{([ABCM])\}")


@dataclass(slots=True)
class Vocabulary:
    """The contents of ``store/data/synth.json`` (see the README beside it)."""

    countries: list[tuple[str, str, str]]
    igos: list[tuple[str, str, str]]
    mediators: list[str]
    outlets: list[str]
    cited: list[str]
    types: list[str]
    type_cum: list[float]
    templates: dict[str, list[str]]
    modalities: list[str]
    modality_cum: list[float]
    facets: dict[str, Any]
    stative: dict[str, dict[str, str]]
    fillers: list[str]
    names: dict[str, tuple[str, str, bool]] = field(default_factory=dict)  # code: name, seat, igo

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        """Read the vocabulary file."""
        raw = json.loads(path.read_text(encoding="utf-8"))
        types = list(raw["event_types"])
        vocab = cls(
            countries=[tuple(x) for x in raw["countries"]], igos=[tuple(x) for x in raw["igos"]],
            mediators=raw["mediators"], outlets=raw["outlets"], cited=raw["cited"], types=types,
            type_cum=list(accumulate(raw["event_types"][t][0] for t in types)),
            templates={t: raw["event_types"][t][1] for t in types},
            modalities=[m for m, _ in raw["modalities"]],
            modality_cum=list(accumulate(w for _, w in raw["modalities"])),
            facets=raw["facets"], stative=raw["stative"], fillers=raw["fillers"],
        )  # fmt: skip
        for code, name, seat in vocab.countries:
            vocab.names[code] = (name, seat, False)
        for code, name, seat in vocab.igos:
            vocab.names[code] = (name, seat, True)
        return vocab


@dataclass(slots=True)
class ArticleDraft:
    """What the generator decided about one article before its text is written."""

    article_id: str
    number: int
    pair: tuple[str, str]
    day: str
    outlet: str
    n_events: int
    states: dict[str, tuple[str, str, bool]]  # facet: (value, valid_from, is a recent change)
    story_id: str
    rng: random.Random
    title: str = ""
    cited: str | None = None


class _Text:
    """An article body built sentence by sentence, remembering every offset."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.sentences: list[tuple[int, int, str]] = []

    def add(self, template: str, values: dict[str, str]) -> tuple[int, dict[str, tuple[int, int]]]:
        """Append a sentence from ``template``; return its index and the slots' spans."""
        sep = "" if not self.sentences else ("\n" if len(self.sentences) % 3 == 0 else " ")
        start = self.length + len(sep)
        out, spans, pos = [], {}, 0
        for m in _SLOT.finditer(template):
            out.append(template[pos : m.start()])
            value = values[m.group(1)]
            offset = start + sum(len(p) for p in out)
            spans[m.group(1)] = (offset, offset + len(value))
            out.append(value)
            pos = m.end()
        out.append(template[pos:])
        sentence = "".join(out)
        sentence = sentence[0].upper() + sentence[1:]
        self.parts += [sep, sentence]
        self.length = start + len(sentence)
        self.sentences.append((start, self.length, sentence))
        return len(self.sentences) - 1, spans

    @property
    def text(self) -> str:
        """The body so far."""
        return "".join(self.parts)


def _pick(rng: random.Random, items: list[str], cum: list[float]) -> str:
    return rng.choices(items, cum_weights=cum)[0]


def _ref(code: str, vocab: Vocabulary, text: str, span: tuple[int, int]) -> dict[str, Any]:
    return {"code": code, "sector": "GOV", "text": text[span[0] : span[1]],
            "start": span[0], "end": span[1]}  # fmt: skip


def _event_date(rng: random.Random, day: str, modality: str) -> tuple[str, str]:
    if modality == "historical":
        return str(int(day[:4]) - rng.randint(2, 10)), "year"
    if modality == "future":
        return (date.fromisoformat(day) + timedelta(days=rng.randint(3, 60))).isoformat(), "day"
    return day, "day"


class _Rows:
    """Rows per table for one article."""

    def __init__(self) -> None:
        self.by_table: dict[str, list[tuple[Any, ...]]] = {}

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        """Add one row for ``table``."""
        self.by_table.setdefault(table, []).append(row)


def _mentions(rows: _Rows, d: ArticleDraft, vocab: Vocabulary, text: _Text, idx: int,
              spans: dict[str, tuple[int, int]], codes: dict[str, str]) -> None:  # fmt: skip
    body = text.text
    for slot, code in codes.items():
        if slot in spans:
            st, en = spans[slot]
            kind = "igo" if vocab.names[code][2] else "country"
            rows.add("mentions", (d.article_id, idx, st, en, body[st:en], code, "GOV", kind, None))


def _add_event(rows: _Rows, d: ArticleDraft, vocab: Vocabulary, text: _Text, i: int,
               cited: str | None) -> None:  # fmt: skip
    rng = d.rng
    etype = _pick(rng, vocab.types, vocab.type_cum)
    template = rng.choice(vocab.templates[etype])
    x, y = d.pair if rng.random() < 0.5 else d.pair[::-1]
    codes = {"A": x, "B": y}
    if etype in ("CONSULT", "AGREE") and rng.random() < 0.05:
        codes["M"] = rng.choice([m for m in vocab.mediators if m not in d.pair])
        template = template.rstrip(".") + ", with mediation from {M}."
    values = {k: vocab.names[c][0] for k, c in codes.items()}
    values["C"] = vocab.names[rng.choice(d.pair)][1]
    idx, spans = text.add(template, values)
    _mentions(rows, d, vocab, text, idx, spans, codes)
    body = text.text
    start, end, sentence = text.sentences[idx]
    mutual = template.startswith("{A} and {B}")
    actor = [_ref(x, vocab, body, spans["A"])] + (
        [_ref(y, vocab, body, spans["B"])] if mutual else []
    )
    recipient = [] if mutual else [_ref(y, vocab, body, spans["B"])]
    mediator = [_ref(codes["M"], vocab, body, spans["M"])] if "M" in codes else []
    modality = _pick(rng, vocab.modalities, vocab.modality_cum)
    when, precision = _event_date(rng, d.day, modality)
    eid = f"{d.article_id}{i:02x}"
    attribution = {"outlet": d.outlet, "cited": [cited] if cited else [], "anonymous": False}
    rows.add("events", (
        eid, d.article_id, etype, modality, when, precision, idx, start, end, sentence,
        json.dumps(actor), json.dumps(recipient), json.dumps(mediator), "[]", '["diplomatic"]',
        json.dumps(attribution), d.outlet, None, round(rng.uniform(0.5, 0.95), 2), "synth",
    ))  # fmt: skip
    parties = {("actor", x), ("actor" if mutual else "recipient", y)}
    if "M" in codes:
        parties.add(("mediator", codes["M"]))
    for role, code in sorted(parties):
        rows.add("event_parties", (eid, role, code, when))
    rows.add("event_dyads", (eid, d.pair[0], d.pair[1], when))
    if not d.title:
        d.title = sentence.rstrip(".")[:100]


def _add_claims(rows: _Rows, d: ArticleDraft, vocab: Vocabulary, text: _Text) -> None:
    rng = d.rng
    for facet, (value, since, recent) in sorted(d.states.items()):
        # A conflicting report of a recent change shares the change's date with the reports
        # that agree, so the timeline keeps it as a conflict instead of a new period.
        if recent and rng.random() < 0.15:
            value = rng.choice([v for v in vocab.stative[facet] if v != value])
        x, y = d.pair if rng.random() < 0.5 else d.pair[::-1]
        idx, spans = text.add(vocab.stative[facet][value],
                              {"A": vocab.names[x][0], "B": vocab.names[y][0]})  # fmt: skip
        _mentions(rows, d, vocab, text, idx, spans, {"A": x, "B": y})
        precision = "year" if len(since) == 4 else "day"
        rows.add("claims", (d.article_id, d.pair[0], d.pair[1], facet, value, "asserted", since,
                            precision, d.day, idx, text.sentences[idx][2], None,
                            "change" if recent else "state"))  # fmt: skip


def render_article(d: ArticleDraft, vocab: Vocabulary, *, stamp: str) -> dict[str, list[tuple]]:
    """Every row (article, raw input, sentences, mentions, events, …) for the draft."""
    rng, rows, text = d.rng, _Rows(), _Text()
    cited = d.cited = rng.choice(vocab.cited) if rng.random() < 0.12 else None
    for i in range(d.n_events):
        _add_event(rows, d, vocab, text, i, cited)
    _add_claims(rows, d, vocab, text)
    if cited:
        idx, _ = text.add(f"{cited} first reported the development.", {})
        rows.add("citations", (d.article_id, cited, "report", idx, text.sentences[idx][2]))
    for filler in rng.sample(vocab.fillers, rng.randint(1, 2)):
        text.add(filler, {})
    text.add(f"The meetings were attended by {d.number + 7} delegates.", {})
    body = text.text
    for i, (st, en, sentence) in enumerate(text.sentences):
        rows.add("sentences", (d.article_id, i, st, en, sentence))
    slug = f"{d.pair[0].lower()}-{d.pair[1].lower()}-{d.number}"
    url = f"https://{d.outlet}/{d.day.replace('-', '/')}/{slug}"
    raw = f"URL: {url}\nTitle: {d.title}\nOutlet: {d.outlet}\nPublished: {d.day}\n\n{body}".encode()
    raw_id = hashlib.sha256(raw).hexdigest()
    content_key = hashlib.sha256(" ".join(body.lower().split()).encode()).hexdigest()
    rows.add("raw_inputs", (raw_id, f"synth-{d.number}.txt", None, "text/plain", url, "{}", raw,
                            stamp))  # fmt: skip
    rows.add("articles", (
        d.article_id, raw_id, f"synth-{d.number}.txt", url, content_key, d.outlet, d.title,
        d.day, "day", "header", "en", body, "synth", "[]", d.story_id, PIPELINE_VERSION, stamp,
    ))  # fmt: skip
    return rows.by_table
