"""Extending the registry: rows appended to (or updated in) the user's own CSV files.

``diplograph actors add`` calls :func:`add_entry`. The packaged files are never
touched; the user's files live in ``<user_data>/actors/`` and are merged over the
packaged ones (a user row with the same key replaces the packaged row, so adding
an alias copies the whole current row into the user file with the alias added).
"""

from __future__ import annotations

import csv
import logging
import re
from pathlib import Path

from diplograph.actors.registry import FILES, read_rows, split_list, user_actor_dir
from diplograph.errors import ConfigError, NotFoundError
from diplograph.model import SECTORS

log = logging.getLogger(__name__)

KINDS = ("person", "alias", "adjective", "metonym", "epithet", "country", "igo", "group",
         "organ", "title", "cue")  # fmt: skip
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Z]{3}$")
_COUNTRY_LISTS = {"alias": "aliases", "adjective": "adjectives", "metonym": "metonyms",
                  "epithet": "epithets"}  # fmt: skip
SOURCE = "user"


def add_entry(
    kind: str, key: str, text: str | None = None, *, user_data: Path | None = None,
    **fields: str | None,
) -> tuple[Path, dict[str, str]]:  # fmt: skip
    """Add one registry entry for the user; returns the file written and the row.

    ``kind`` is one of :data:`KINDS`. ``key`` is the person's name, the country
    or IGO code, the group's name, the organ or title pattern, or the cue kind;
    ``text`` is the alias (or cue phrase). Other columns come from ``fields``.
    """
    if kind not in KINDS:
        raise ConfigError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
    user_dir = user_actor_dir(user_data)
    values = {k: (v or "").strip() for k, v in fields.items() if v}
    _check(values)
    to_country = kind in _COUNTRY_LISTS and (
        kind != "alias" or key.upper() in _codes("countries.csv", user_dir)
    )
    if to_country:
        name, row = "countries.csv", _extended("countries.csv", user_dir, ("code",), key.upper(),
                                               _COUNTRY_LISTS[kind], _need(text, kind))
    elif kind == "alias":
        name, row = _alias_elsewhere(user_dir, key, _need(text, kind))
    else:
        name, row = _new_row(kind, key, text, values)
    columns, key_cols = FILES[name]
    row.setdefault("source", SOURCE)
    _upsert(user_dir / name, columns, key_cols, row)
    log.info("added %s to %s", kind, user_dir / name)
    return user_dir / name, row


def _need(text: str | None, kind: str) -> str:
    if not text or not text.strip():
        raise ConfigError(f"'actors add {kind}' needs the text to add, e.g. "
                          f"actors add {kind} ISR \"the Hebrew state\"")  # fmt: skip
    return text.strip()


def _check(values: dict[str, str]) -> None:
    if "sector" in values and values["sector"].upper() not in SECTORS:
        raise ConfigError(f"--sector {values['sector']!r}: use one of {', '.join(SECTORS)}")
    if values.get("code") and not _CODE.match(values["code"].upper()):
        raise ConfigError(f"--code {values['code']!r}: a three-letter code such as ISR or UNO")
    for field in ("start", "end"):
        if values.get(field) and not _DATE.match(values[field]):
            raise ConfigError(f"--{field} {values[field]!r}: use YYYY, YYYY-MM or YYYY-MM-DD")


def _codes(name: str, user_dir: Path) -> set[str]:
    return {r.get("code", "") for r in read_rows(name, user_dir)}


def _extended(
    name: str, user_dir: Path, key_cols: tuple[str, ...], key: str, column: str, text: str
) -> dict[str, str]:
    """The current merged row for ``key`` with ``text`` added to the list ``column``."""
    for row in read_rows(name, user_dir):
        if tuple(row.get(k, "") for k in key_cols) == (key,) or row.get("name") == key:
            values = list(split_list(row.get(column)))
            if text not in values:
                values.append(text)
            return {**row, column: "|".join(values)}
    raise NotFoundError(f"no {name.removesuffix('s.csv')} with key {key!r} in the registry; "
                        "see 'diplograph actors list'")  # fmt: skip


def _alias_elsewhere(user_dir: Path, key: str, text: str) -> tuple[str, dict[str, str]]:
    """An alias for an IGO (by code), a group (by name) or a person (by name)."""
    if key.upper() in _codes("igos.csv", user_dir):
        return "igos.csv", _extended("igos.csv", user_dir, ("code",), key.upper(), "aliases", text)
    for name in ("groups.csv", "office_holders.csv"):
        rows = [r for r in read_rows(name, user_dir) if r.get("name") == key]
        if rows:
            row = rows[-1]
            values = list(split_list(row.get("aliases")))
            return name, {**row, "aliases": "|".join(dict.fromkeys([*values, text]))}
    raise NotFoundError(f"{key!r} is no country or IGO code, group or person name in the "
                        "registry; see 'diplograph actors list'")  # fmt: skip


def _new_row(kind: str, key: str, text: str | None, v: dict[str, str]) -> tuple[str, dict]:
    code, sector = v.get("code", "").upper(), v.get("sector", "").upper()
    if kind == "person":
        if not code:
            raise ConfigError("'actors add person' needs --code (and usually --sector, --role)")
        words = key.split()
        surname = words[-1] if len(words) > 1 and len(words[-1]) > 2 else ""
        return "office_holders.csv", {
            "name": key, "aliases": v.get("aliases", surname), "code": code,
            "sector": sector or "GOV", "role": v.get("role", ""), "start": v.get("start", ""),
            "end": v.get("end", ""),
        }  # fmt: skip
    if kind == "country":
        return "countries.csv", {"code": key.upper(), "name": text or v.get("name", key),
                                 "aliases": v.get("aliases", ""),
                                 "adjectives": v.get("adjectives", ""),
                                 "metonyms": v.get("metonyms", ""), "epithets": "",
                                 "categories": v.get("categories", "")}  # fmt: skip
    if kind == "igo":
        return "igos.csv", {"code": key.upper(), "name": text or key,
                            "aliases": v.get("aliases", ""), "sector": sector or "GOV"}
    if kind == "group":
        return "groups.csv", {"code": code, "sector": sector or "REB", "name": key,
                              "aliases": v.get("aliases", "")}  # fmt: skip
    if kind == "organ":
        return "organs.csv", {"code": code, "sector": sector or "GOV", "pattern": key}
    if kind == "title":
        return "titles.csv", {"pattern": key, "sector": sector or "GOV",
                              "rank": v.get("rank", "official")}  # fmt: skip
    return "cues.csv", {"cue": key, "phrase": _need(text, "cue"), "value": v.get("value", "")}


def _upsert(path: Path, columns: tuple[str, ...], key_cols: tuple[str, ...], row: dict) -> None:
    """Write ``row`` into the user file, replacing a row with the same key."""
    rows: list[dict[str, str]] = []
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    key = tuple(row.get(k, "") for k in key_cols)
    rows = [r for r in rows if tuple(r.get(k, "") for k in key_cols) != key] + [row]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".csv.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows({c: r.get(c, "") for c in columns} for r in rows)
    tmp.replace(path)
