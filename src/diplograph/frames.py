"""The Python API's tables: their stable columns (Arrow schemas) and rows turned into columns.

Every table is built as a :class:`pyarrow.Table` with one of the schemas below
and handed to pandas (or returned as is, for polars and Parquet). The columns
and their types are part of the public API (``docs/python.md``): new columns
may be added at the end, none is renamed or removed within a major version.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

import pyarrow as pa

from diplograph.relations.timeline import Interval

_STR, _INT, _LIST = pa.string(), pa.int64(), pa.list_(pa.string())

EVENTS = pa.schema([
    ("id", _STR), ("article_id", _STR), ("date", _STR), ("date_precision", _STR),
    ("date_start", pa.date32()), ("event", _STR), ("modality", _STR),
    ("actor", _STR), ("recipient", _STR), ("mediator", _STR),
    ("actor_sector", _STR), ("recipient_sector", _STR),
    ("mode", _LIST), ("context", _LIST), ("outlet", _STR), ("cited", _LIST),
    ("anonymous", pa.bool_()), ("sentence", _INT), ("start", _INT), ("end", _INT),
    ("text", _STR), ("confidence", pa.float64()), ("coder", _STR),
])  # fmt: skip

RELATIONS = pa.schema([
    ("a", _STR), ("b", _STR), ("facet", _STR), ("value", _STR),
    ("valid_from", _STR), ("valid_to", _STR), ("holds_from", pa.date32()),
    ("holds_to", pa.date32()), ("claims", _INT), ("conflicts", _INT),
    ("article_id", _STR), ("sentence", _INT), ("asserted_on", _STR), ("outlet", _STR),
    ("claim_text", _STR),
])  # fmt: skip

STORIES = pa.schema([
    ("story_id", _STR), ("title", _STR), ("first_seen", _STR), ("last_seen", _STR),
    ("articles", _INT), ("outlets", _LIST), ("independent_sources", _LIST), ("codes", _LIST),
])  # fmt: skip

ARTICLES = pa.schema([
    ("id", _STR), ("url", _STR), ("source", _STR), ("outlet", _STR), ("title", _STR),
    ("published", _STR), ("published_precision", _STR), ("published_basis", _STR),
    ("published_start", pa.date32()), ("language", _STR), ("story_id", _STR), ("text", _STR),
])  # fmt: skip

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def start_of(value: str | None) -> date | None:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD date covers; None when undated or bad."""
    match = _PARTIAL.match(value or "")
    if not match:
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def table(schema: pa.Schema, rows: Iterable[dict[str, Any]]) -> pa.Table:
    """Rows (dicts with at least the schema's keys) as a table of ``schema``, column by column."""
    columns: dict[str, list[Any]] = {name: [] for name in schema.names}
    for row in rows:
        for name, values in columns.items():
            values.append(row.get(name))
    return pa.table({f.name: pa.array(columns[f.name], type=f.type) for f in schema},
                    schema=schema)  # fmt: skip


def _codes(parties: list[dict[str, Any]], key: str = "code") -> str | None:
    values = [str(p.get(key) or "") for p in parties]
    return "+".join(values) if any(values) else None


def event_row(ev: dict[str, Any]) -> dict[str, Any]:
    """A decoded ``events`` row (``store.events.decode_event_row``) as an EVENTS row."""
    attribution = ev.get("attribution") or {}
    return {
        **{k: ev.get(k) for k in ("id", "article_id", "date", "date_precision", "event",
                                  "modality", "outlet", "sentence", "start", "end", "text",
                                  "confidence", "coder")},
        "date_start": start_of(ev.get("date")),
        "actor": _codes(ev["actor"]), "recipient": _codes(ev["recipient"]),
        "mediator": _codes(ev["mediator"]), "actor_sector": _codes(ev["actor"], "sector"),
        "recipient_sector": _codes(ev["recipient"], "sector"),
        "mode": list(ev.get("mode") or []), "context": list(ev.get("context") or []),
        "cited": list(attribution.get("cited") or []),
        "anonymous": bool(attribution.get("anonymous")),
    }  # fmt: skip


def interval_row(iv: Interval) -> dict[str, Any]:
    """One facet interval as a RELATIONS row; the claim columns are the one it rests on."""
    claim = iv.rests_on
    return {
        "a": iv.a, "b": iv.b, "facet": iv.facet, "value": iv.value,
        "valid_from": iv.valid_from, "valid_to": iv.valid_to,
        "holds_from": iv.holds_from, "holds_to": iv.holds_to,
        "claims": len(iv.claims), "conflicts": len(iv.conflicts),
        "article_id": claim.article_id, "sentence": claim.sentence,
        "asserted_on": claim.asserted_on, "outlet": claim.outlet, "claim_text": claim.text,
    }  # fmt: skip


def story_row(story: dict[str, Any]) -> dict[str, Any]:
    """A ``stories.query.list_stories`` dict as a STORIES row."""
    return dict(story, articles=story.get("article_count") or 0)


def article_row(article: dict[str, Any]) -> dict[str, Any]:
    """A stored article (export columns) as an ARTICLES row."""
    return dict(article, published_start=start_of(article.get("published")))
