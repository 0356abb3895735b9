"""Scoring on the PLOVER gold-standard sentences (openeventdata PLOVER_GSR_CAMEO).

Each record's sentence runs through the per-article pipeline (clean →
sentences → mentions → citations → events; no database). The event with the
highest confidence is the system's reading of the sentence. Reported: type
accuracy on the sentences where we produce an event and over all sentences,
and actor and recipient code F1, comparing country codes (the first three
letters of CAMEO-style codes).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplograph.errors import DiplographError, GoldFormatError
from diplograph.evaluate.report import PRF_COLUMNS, Counts, Section
from diplograph.model import Event, RawInput

log = logging.getLogger(__name__)

#: PLOVER 0.5 category names in the gold file → the current 16 types.
LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
          "FIGHT": "ASSAULT"}  # fmt: skip


@dataclass(slots=True)
class PloverScore:
    """Counts over the PLOVER sentences."""

    sentences: int = 0
    with_event: int = 0
    correct: int = 0
    actors: Counts = field(default_factory=Counts)
    recipients: Counts = field(default_factory=Counts)
    by_type: dict[str, list[int]] = field(default_factory=dict)  # gold type → [correct, total]


def load_records(path: Path) -> list[dict[str, Any]]:
    """The event records of a PLOVER gold file (the DOCUMENT header left out)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: not a readable PLOVER gold JSON file ({exc})") from exc
    if not isinstance(data, list):
        raise GoldFormatError(f"{path}: expected a JSON list of PLOVER records")
    return [r for r in data if isinstance(r, dict) and r.get("event") not in (None, "DOCUMENT")
            and r.get("text")]  # fmt: skip


def country_codes(parties: list[Any]) -> set[str]:
    """First three letters of each code (CAMEO-style "USAGOV" → "USA")."""
    out = set()
    for p in parties or []:
        code = p.get("code") if isinstance(p, dict) else getattr(p, "code", p)
        if code:
            out.add(str(code)[:3].upper())
    return out


def events_for_text(text: str, source: str) -> list[Event]:
    """Run the per-article stages on one sentence, without a database."""
    from diplograph.actors import find_mentions
    from diplograph.events import extract_events
    from diplograph.ingest import clean_input
    from diplograph.sentences import split_sentences
    from diplograph.stories import find_citations

    article = clean_input(RawInput(source=source, content=text.encode("utf-8"),
                                   media_type="text/plain"))  # fmt: skip
    article.sentences = split_sentences(article.text)
    article.mentions = find_mentions(article)
    article.citations = find_citations(article)
    return extract_events(article)


def score_record(record: dict[str, Any], events: list[Event], total: PloverScore) -> None:
    """Add one record's outcome to ``total``."""
    gold_type = LABELS.get(record["event"], record["event"])
    total.sentences += 1
    slot = total.by_type.setdefault(gold_type, [0, 0])
    slot[1] += 1
    best = max(events, key=lambda e: e.confidence) if events else None
    if best is not None:
        total.with_event += 1
        if best.event == gold_type:
            total.correct += 1
            slot[0] += 1
    pairs = (
        (total.actors, record.get("source"), best.actor if best else []),
        (total.recipients, record.get("target"), best.recipient if best else []),
    )
    for counts, gold_parties, pred_parties in pairs:
        gold, pred = country_codes(gold_parties), country_codes(pred_parties)
        counts.tp += len(gold & pred)
        counts.fp += len(pred - gold)
        counts.fn += len(gold - pred)


def score_plover(path: Path, *, on_progress: Callable[[int, int], None] | None = None
                 ) -> list[Section]:  # fmt: skip
    """Type accuracy and actor/recipient code F1 on PLOVER gold sentences."""
    records = load_records(path)
    total = PloverScore()
    for n, record in enumerate(records, start=1):
        try:
            events = events_for_text(record["text"], record.get("id") or f"#{n}")
        except DiplographError as exc:  # e.g. cleaning keeps no text: no event for it
            log.info("PLOVER record %s: %s", record.get("id"), exc)
            events = []
        score_record(record, events, total)
        if on_progress:
            on_progress(n, len(records))
    return plover_sections(total)


def plover_sections(total: PloverScore) -> list[Section]:
    """The PLOVER sections: headline accuracies, per-type table, code F1."""
    acc_event = total.correct / total.with_event if total.with_event else 0.0
    acc_all = total.correct / total.sentences if total.sentences else 0.0
    metrics = {"sentences": total.sentences, "with_event": total.with_event,
               "type_accuracy_with_event": round(acc_event, 4),
               "type_accuracy_all": round(acc_all, 4),
               "actor_f1": round(total.actors.f1, 4),
               "recipient_f1": round(total.recipients.f1, 4)}  # fmt: skip
    rows = [[t, str(ok), str(n), f"{ok / n:.3f}"] for t, (ok, n) in sorted(total.by_type.items())]
    rows.append(["all", str(total.correct), str(total.sentences), f"{acc_all:.3f}"])
    notes = [f"sentences with an event: {total.with_event}/{total.sentences};",
             f"type accuracy where we code an event: {acc_event:.3f}"]  # fmt: skip
    types = Section("PLOVER sentences: type accuracy", metrics,
                    ["gold type", "correct", "sentences", "accuracy"], rows, notes)  # fmt: skip
    codes = Section(
        "PLOVER sentences: actor codes",
        {"actor": total.actors.to_json(), "recipient": total.recipients.to_json()},
        PRF_COLUMNS, [["actor", *total.actors.row()], ["recipient", *total.recipients.row()]],
    )  # fmt: skip
    return [types, codes]
