"""The event ontology as data: trigger lexicon, modality and role cues, PLOVER→CAMEO tables.

Everything here is read once per process from the CSV files in ``events/data``
(see the README there). Users extend the trigger, modality and cue lexicons
with files of the same name in ``<user_data>/events/`` (``$DIPLOGRAPH_DATA``,
default ``~/.config/diplograph``), merged over the packaged rows; no domain
knowledge lives in code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplograph.config import merge_rows, user_data_file
from diplograph.errors import ConfigError
from diplograph.model import EVENT_TYPES, MODALITIES

DATA = Path(__file__).parent / "data"

#: Types whose dyads are unordered in scoring (FORMAT.md) and that are "cooperative".
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a lemma or a lemma sequence that cues an event type."""

    words: tuple[str, ...]
    pos: str  # VERB | NOUN | ANY
    type: str
    mode: str
    context: str
    weight: float
    roles: str  # "" | swap | object | broker | mutual | own | topic | party_object | accompany | …
    preps: frozenset[str] | None = None  # recipient prepositions, when the lexicon narrows them

    @property
    def text(self) -> str:
        """The pattern as written in the lexicon."""
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class ModalityCue:
    """A word or phrase that sets an event's modality (and maybe turns its type into AGREE)."""

    cue: str
    where: str  # aux | neg | det | preconj | mark | governor | amod | phrase | ender
    modality: str
    retype: str


@dataclass(frozen=True, slots=True)
class CameoCode:
    """The CAMEO code, root, quad class and Goldstein-like score of a PLOVER type and mode."""

    cameo: str
    root: str
    quad_class: int
    goldstein: float


#: The lexicons a user can extend, with the columns that identify a row (a user row with
#: the same values replaces the packaged one).
USER_FILES = {"triggers.csv": ("pattern", "pos"), "modality.csv": ("cue", "where"),
              "cues.csv": ("kind", "cue")}  # fmt: skip


def _rows(name: str) -> list[dict[str, str]]:
    """The rows of a data file, each with ``_where`` ("file line N") for error messages."""
    rows = _read(DATA / name, what="reinstall")
    user = user_data_file("events", name)
    if name in USER_FILES and user.is_file():
        rows = merge_rows(rows, _read(user, what="fix or remove it"), USER_FILES[name])
    return rows


def _read(path: Path, *, what: str) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return [{**{k: (v or "").strip() for k, v in row.items() if k}, "_where":
                     f"{path.name} line {n}"} for n, row in enumerate(csv.DictReader(fh), 2)]
    except (OSError, csv.Error) as exc:
        raise ConfigError(f"{path}: cannot read the event data file ({exc}); {what}") from exc


@lru_cache(maxsize=1)
def triggers() -> tuple[Trigger, ...]:
    """Every trigger of ``triggers.csv``, longest patterns first."""
    out: list[Trigger] = []
    for row in _rows("triggers.csv"):
        if row.get("type") not in EVENT_TYPES or not row.get("pattern"):
            raise ConfigError(f"{row['_where']}: unknown PLOVER type {row.get('type')!r} or "
                              "no pattern")  # fmt: skip
        out.append(
            Trigger(
                words=tuple(row["pattern"].lower().split()), pos=row.get("pos") or "ANY",
                type=row["type"], mode=row.get("mode", ""), context=row.get("context", ""),
                weight=float(row.get("weight") or 0.5), roles=row.get("roles", ""),
                preps=_preps(row.get("preps", "")),
            )  # fmt: skip
        )
    out.sort(key=lambda t: -len(t.words))
    return tuple(out)


def _preps(value: str) -> frozenset[str] | None:
    """The ``preps`` column: empty keeps the default set, ``-`` means none, else a|b|c."""
    if not value:
        return None
    return frozenset() if value == "-" else frozenset(value.lower().split("|"))


@lru_cache(maxsize=1)
def triggers_by_first_word() -> dict[str, tuple[Trigger, ...]]:
    """Triggers indexed by their first lemma (longest patterns first)."""
    index: dict[str, list[Trigger]] = {}
    for trig in triggers():
        index.setdefault(trig.words[0], []).append(trig)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def modality_cues() -> tuple[ModalityCue, ...]:
    """Every cue of ``modality.csv``."""
    out = []
    for row in _rows("modality.csv"):
        if row.get("modality") not in MODALITIES:
            raise ConfigError(f"{row['_where']}: unknown modality {row.get('modality')!r}")
        out.append(ModalityCue(row["cue"].lower(), row["where"], row["modality"],
                               row.get("retype", "")))  # fmt: skip
    return tuple(out)


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Role and attribution cues of ``cues.csv``, grouped by kind."""
    groups: dict[str, set[str]] = {}
    for row in _rows("cues.csv"):
        groups.setdefault(row["kind"], set()).add(row["cue"].lower())
    return {k: frozenset(v) for k, v in groups.items()}


def cue_set(kind: str) -> frozenset[str]:
    """The cues of one kind (empty when the data file has none)."""
    return cues().get(kind, frozenset())


@lru_cache(maxsize=16)
def cue_phrases_regex(kind: str) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any phrase cue of ``kind`` as whole words."""
    phrases = sorted(cue_set(kind), key=len, reverse=True)
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _irregular_forms() -> dict[str, tuple[str, ...]]:
    return {row["lemma"]: tuple(row["forms"].split("|")) for row in _rows("verb_forms.csv")}


def inflections(lemma: str) -> set[str]:
    """Surface forms a lemma may take in text (regular English inflection plus irregulars)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms.update(_irregular_forms().get(lemma, ()))
    return forms


@lru_cache(maxsize=4096)
def forms_of(lemma: str) -> frozenset[str]:
    """:func:`inflections` of ``lemma``, cached."""
    return frozenset(inflections(lemma))


@lru_cache(maxsize=1)
def word_forms() -> dict[str, frozenset[str]]:
    """Surface form → the trigger-opening lemmas it may be a form of."""
    index: dict[str, set[str]] = {}
    for first in triggers_by_first_word():
        for form in inflections(first):
            index.setdefault(form, set()).add(first)
    return {form: frozenset(lemmas) for form, lemmas in index.items()}


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Every lower-case word form that can open a trigger: the cheap pre-parse filter."""
    words: set[str] = set()
    for first in triggers_by_first_word():
        words |= inflections(first)
    return frozenset(words)


@lru_cache(maxsize=1)
def cameo_table() -> dict[tuple[str, str], CameoCode]:
    """(PLOVER type, mode) → CAMEO code; mode "" is the type's default."""
    table = {}
    for row in _rows("plover_cameo.csv"):
        table[(row["type"], row["mode"])] = CameoCode(
            row["cameo"], row["root"], int(row["quad_class"]), float(row["goldstein"])
        )
    return table


def cameo_for(event_type: str, modes: list[str]) -> CameoCode:
    """The CAMEO code of a PLOVER type, refined by its first mode that the table knows."""
    table = cameo_table()
    for mode in modes:
        if (event_type, mode) in table:
            return table[(event_type, mode)]
    if (event_type, "") not in table:
        raise ConfigError(f"plover_cameo.csv has no row for type {event_type}; add one")
    return table[(event_type, "")]


@lru_cache(maxsize=1)
def goldstein_factors() -> dict[str, float]:
    """Modality → factor applied to the Goldstein-like score in the GDELT export."""
    return {row["modality"]: float(row["factor"]) for row in _rows("goldstein_modality.csv")}
