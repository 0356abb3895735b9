"""Event exports: PLOVER JSON Lines (SPEC §5), a GDELT 2.0-style table, and Parquet.

Every export reads the store in one stable order (article source, article id,
sentence, event id), so the same store always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import combinations
from pathlib import Path
from typing import IO, Any

from diplograph.errors import ConfigError
from diplograph.events.ontology import cameo_for, goldstein_factors
from diplograph.model import stable_id
from diplograph.store import Database
from diplograph.store.events import iter_event_rows

FORMATS = ("jsonl", "gdelt", "parquet")
#: SPEC §5 keys, in order.
PLOVER_KEYS = (
    "id", "article_id", "url", "date", "date_precision", "event", "mode", "context",
    "modality", "actor", "recipient", "mediator", "attribution", "sentence", "start", "end",
    "text", "confidence", "coder",
)  # fmt: skip
_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
               "FeatureID")  # fmt: skip
#: The GDELT 2.0 event table's columns, in order.
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in _ACTOR_FIELDS] + [f"Actor2{f}" for f in _ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in _GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)  # fmt: skip


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row as the SPEC §5 object, keys in order."""
    attribution = row.get("attribution") or {}
    out = {key: row.get(key) for key in PLOVER_KEYS}
    out["attribution"] = {"outlet": attribution.get("outlet"),
                          "cited": list(attribution.get("cited") or []),
                          "anonymous": bool(attribution.get("anonymous"))}  # fmt: skip
    for key in ("mode", "context", "actor", "recipient", "mediator"):
        out[key] = list(out[key] or [])
    return out


def write_events(db: Database, target: IO[str] | Path | None, fmt: str = "jsonl") -> int:
    """Write every stored event to ``target`` in ``fmt``; return how many events."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown event export format {fmt!r}; use one of {', '.join(FORMATS)}")
    records = (plover_record(row) for row in iter_event_rows(db))
    if fmt == "parquet":
        if target is None:
            return write_parquet(records, sys.stdout.buffer)
        if isinstance(target, io.TextIOBase):
            raise ConfigError("Parquet is binary: give a path or a file opened in binary mode")
        return write_parquet(records, target)  # type: ignore[arg-type]  # a binary stream
    with _text_target(target) as fh:
        return write_jsonl(records, fh) if fmt == "jsonl" else write_gdelt(records, fh)


@contextmanager
def _text_target(target: IO[str] | Path | None) -> Iterator[IO[str]]:
    if target is None:
        yield sys.stdout
    elif isinstance(target, Path):
        with target.open("w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield target


def write_jsonl(records, fh: IO[str]) -> int:
    """PLOVER JSON Lines, one event per line."""
    n = 0
    for rec in records:
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_gdelt(records, fh: IO[str]) -> int:
    """A tab-separated GDELT 2.0 event table with header: one row per dyad of each event."""
    writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    n = 0
    for rec in records:
        for row in gdelt_rows(rec):
            writer.writerow([row.get(c, "") for c in GDELT_COLUMNS])
        n += 1
    return n


def _pairs(rec: dict[str, Any]) -> list[tuple[dict, dict | None]]:
    """Actor1/Actor2 pairs of an event: actor × recipient, or pairs of mutual actors."""
    actors, recipients = rec["actor"], rec["recipient"]
    if recipients:
        return [(a, r) for a in actors for r in recipients]
    if len(actors) > 1:
        return list(combinations(actors, 2))
    return [(a, None) for a in actors]


def gdelt_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    """The GDELT-style rows of one PLOVER record."""
    cameo = cameo_for(rec["event"], rec["mode"])
    factor = goldstein_factors().get(rec["modality"], 1.0)
    day = _sqldate(rec.get("date"))
    rows = []
    for n, (a1, a2) in enumerate(_pairs(rec)):
        row: dict[str, Any] = {
            "GLOBALEVENTID": int(stable_id(rec["id"], str(n), length=15), 16),
            "SQLDATE": day, "MonthYear": day[:6], "Year": day[:4],
            "FractionDate": _fraction(day),
            "IsRootEvent": 1 if rec["sentence"] == 0 else 0,
            "EventCode": cameo.cameo, "EventBaseCode": cameo.cameo[:3],
            "EventRootCode": cameo.root, "QuadClass": cameo.quad_class,
            "GoldsteinScale": round(cameo.goldstein * factor, 1),
            "NumMentions": 1, "NumSources": 1, "NumArticles": 1, "AvgTone": 0,
            "DATEADDED": f"{day}000000" if day else "", "SOURCEURL": rec.get("url") or "",
        }  # fmt: skip
        row.update(_actor_columns("Actor1", a1))
        row.update(_actor_columns("Actor2", a2))
        rows.append(row)
    return rows


def _actor_columns(prefix: str, party: dict | None) -> dict[str, str]:
    if party is None:
        return {}
    sector = party.get("sector") or ""
    return {f"{prefix}Code": party["code"] + sector, f"{prefix}Name": party["text"].upper(),
            f"{prefix}CountryCode": party["code"], f"{prefix}Type1Code": sector}  # fmt: skip


def _sqldate(value: str | None) -> str:
    """YYYYMMDD from a date of any precision (missing parts as 01); "" when undated."""
    if not value:
        return ""
    parts = value.split("-") + ["01", "01"]
    return f"{parts[0]}{parts[1]:0>2}{parts[2]:0>2}"


def _fraction(day: str) -> str:
    if not day:
        return ""
    month, dom = int(day[4:6]), int(day[6:8])
    return f"{int(day[:4]) + ((month - 1) * 30.4 + dom) / 365:.4f}"


def write_parquet(records, path: Path | IO[bytes]) -> int:
    """Parquet with the PLOVER JSON fields; parties and attribution stay nested.

    ``path`` is a file name or a binary stream (written front to back, so a pipe will do).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    party = pa.struct([("code", pa.string()), ("sector", pa.string()), ("text", pa.string()),
                       ("start", pa.int64()), ("end", pa.int64())])  # fmt: skip
    schema = pa.schema([
        ("id", pa.string()), ("article_id", pa.string()), ("url", pa.string()),
        ("date", pa.string()), ("date_precision", pa.string()), ("event", pa.string()),
        ("mode", pa.list_(pa.string())), ("context", pa.list_(pa.string())),
        ("modality", pa.string()), ("actor", pa.list_(party)), ("recipient", pa.list_(party)),
        ("mediator", pa.list_(party)),
        ("attribution", pa.struct([("outlet", pa.string()), ("cited", pa.list_(pa.string())),
                                   ("anonymous", pa.bool_())])),
        ("sentence", pa.int64()), ("start", pa.int64()), ("end", pa.int64()),
        ("text", pa.string()), ("confidence", pa.float64()), ("coder", pa.string()),
    ])  # fmt: skip
    n = 0
    where = str(path) if isinstance(path, Path) else path
    with pq.ParquetWriter(where, schema) as writer:
        batch: list[dict[str, Any]] = []
        for rec in records:
            batch.append(rec)
            if len(batch) >= 5000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
