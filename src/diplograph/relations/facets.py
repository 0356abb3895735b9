"""The facets of a dyad (SPEC §4), the pattern data that signals them, and date helpers.

Domain knowledge lives in ``relations/data/*.csv`` (see the README there); this
module loads it once and validates it, so a user who extends a file gets a clear
error naming the file and line.
"""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from diplograph.config import merge_rows, user_data_file
from diplograph.errors import ConfigError

#: facet -> its values, in SPEC §4 order.
FACETS: dict[str, tuple[str, ...]] = {
    "diplomatic_ties": ("none", "informal", "full", "downgraded", "severed"),
    "peace_treaty": ("signed",),
    "normalization": ("agreed", "signed"),
    "trade": ("open", "suspended", "severed"),
    "security_cooperation": ("active",),
    "airspace": ("open", "closed"),
}
#: Values that already include another: a later "agreed" does not undo "signed".
IMPLIES: dict[tuple[str, str], frozenset[str]] = {
    ("normalization", "signed"): frozenset({"agreed"}),
}
#: Observed *states* that hold within a value rather than change it: "the two countries
#: have diplomatic relations" while ties are downgraded, "have no ties" after they were cut.
OBSERVED_WITHIN: dict[tuple[str, str], frozenset[str]] = {
    ("diplomatic_ties", "downgraded"): frozenset({"full"}),
    ("diplomatic_ties", "severed"): frozenset({"none"}),
}
#: Values that restore a facet after a rupture: (facet, restoring value) -> rupture values.
RESTORES: dict[tuple[str, str], frozenset[str]] = {
    ("diplomatic_ties", "full"): frozenset({"severed", "downgraded", "none"}),
    ("trade", "open"): frozenset({"severed", "suspended"}),
    ("airspace", "open"): frozenset({"closed"}),
    ("security_cooperation", "active"): frozenset({"ended"}),
}
#: A claim value that ends a facet's current value without giving a new one ("suspended
#: military cooperation"); it closes the interval before it and is never an answer itself.
ENDED = "ended"
#: Modalities that change a dyad's state; the others are stored but never used for as-of.
STATE_MODALITIES = ("asserted", "historical")
#: Claim kinds: a "change" starts at its date; a "state" was observed then and may be older;
#: a "weak" state ("the US ambassador to Israel", "Egypt's embassy in Tel Aviv") is a state
#: that never outranks another claim and never changes a value already held.
WEAK = "weak"
KINDS = ("change", "state", WEAK)

DATA = Path(__file__).resolve().parent / "data"
_CODE = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
#: Placeholders usable in pattern files, expanded before compiling.
MACROS = {
    "{TIES}": r"(?:(?:diplomatic|political|bilateral)\s+)?(?:ties|relations)",
    "{FORMAL}": r"(?:(?:any|formal|official|full|open|normal)\s+)?",
    "{NORM}": r"normali[sz]",
    "{BEEN}": r"(?:was|were|is|are|has|have|had)\s+(?:\w+ly\s+|also\s+|now\s+)?(?:been\s+)?"
              r"(?:\w+ly\s+)?",
    "{ENVOY}": r"(?:ambassadors?|envoys?|top\s+diplomats?|charg[eé]s?\s+d['’]affaires)",
    # A fact-stating verb before a nominalised change ("announced the resumption of …",
    # "welcomed the restoration of …", "ordered the expulsion of …"); a noun that only
    # points towards one ("steps toward the restoration", "talks on the resumption") is not.
    "{ANNOUNCED}": r"\b(?:announc(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|hail(?:s|ed|ing)?"
                   r"|celebrat(?:e|es|ed|ing)|mark(?:s|ed|ing)?|confirm(?:s|ed|ing)?"
                   r"|complet(?:e|es|ed|ing)|seal(?:s|ed|ing)?|finali[sz](?:e|es|ed|ing)"
                   r"|formali[sz](?:e|es|ed|ing)|agreed\s+(?:on|to)|reach(?:es|ed)?|sign(?:s|ed)?"
                   r"|struck|order(?:s|ed)?|decided\s+on|declar(?:e|es|ed)|implement(?:s|ed)?"
                   r"|approv(?:e|es|ed)|carried\s+out|began|begun|started)\s+"
                   r"(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:(?!(?:toward|towards|step|steps|move"
                   r"|moves|path|way|bid|efforts?|hopes?|talks|plans?|possible|eventual|gradual"
                   r"|prospects?|possibility|calls?|conditions?)\b)[\w-]+\s+){0,3}?",
    # After a nominalised change: it was made ("… between A and B was announced on Monday").
    "{WAS_MADE}": r"[^.;]{0,80}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
                  r"(?:formally\s+|officially\s+|finally\s+)?(?:announced|agreed|completed"
                  r"|sealed|finali[sz]ed|formali[sz]ed|confirmed|implemented|ordered|approved)\b",
    # Words between a subject noun and its passive verb ("ties between A and the B C were …").
    "{SPAN}": r"(?:[\w.'’-]+\s+){0,8}?",
}


def validate_code(code: str) -> str:
    """Return ``code`` upper-cased if it is three letters; raise ConfigError otherwise."""
    value = code.strip().upper()
    if not _CODE.match(value):
        raise ConfigError(
            f"{code!r} is not an actor code: use three letters such as ISR, MAR or ARE "
            "(ISO 3166-1 alpha-3; see `diplograph actors list`)"
        )
    return value


def ordered(a: str, b: str) -> tuple[str, str]:
    """The dyad ``(a, b)`` in alphabetical order, as every claim stores it."""
    return (a, b) if a < b else (b, a)


def date_precision(value: str) -> str:
    """``day``, ``month`` or ``year`` for a YYYY[-MM[-DD]] string."""
    parts = value.count("-")
    return ("year", "month", "day")[min(parts, 2)]


def end_of_period(value: str) -> date:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD date covers (SPEC §4: holds by the end)."""
    match = _DATE.match(value.strip())
    if not match:
        raise ConfigError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    y = int(year)
    if month is None:
        return date(y, 12, 31)
    m = int(month)
    try:
        if day is None:
            return date(y, m, calendar.monthrange(y, m)[1])
        return date(y, m, int(day))
    except ValueError as exc:
        raise ConfigError(f"{value!r} is not a valid date ({exc})") from exc


def start_of_period(value: str) -> date:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD date covers."""
    end = end_of_period(value)
    precision = date_precision(value.strip())
    if precision == "year":
        return date(end.year, 1, 1)
    if precision == "month":
        return date(end.year, end.month, 1)
    return end


def parse_as_of(value: str | None) -> date:
    """An ``--as-of`` value (YYYY, YYYY-MM, YYYY-MM-DD; None: today) as the day it means."""
    if value is None:
        return date.today()
    return end_of_period(value)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One row of ``stative.csv``: a regular expression that signals a facet value."""

    id: str
    regex: re.Pattern[str]
    facet: str
    value: str
    kind: str  # "change" | "state"
    modality: str  # "" = judge from the context; otherwise fixed


@dataclass(frozen=True, slots=True)
class EventRule:
    """One row of ``event_facets.csv``: an event type plus a cue in its sentence."""

    event: str
    cue: re.Pattern[str]
    facet: str
    value: str
    parties: str = "dyad"  # "dyad": actor × recipient; "actors": every pair of co-actors


def expand(pattern: str) -> str:
    """Replace the ``{TIES}``-style placeholders of a pattern file."""
    for key, regex in MACROS.items():
        pattern = pattern.replace(key, regex)
    return pattern


def _compile(text: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(expand(text), re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{where}: bad regular expression ({exc}); fix the pattern") from exc


def _check_value(facet: str, value: str, where: str) -> None:
    if facet not in FACETS or (value not in FACETS[facet] and value != ENDED):
        raise ConfigError(
            f"{where}: {facet}={value} is not a facet value of SPEC §4 ({FACETS}) "
            f"nor {ENDED!r}"
        )


#: The files a user can extend in ``<user_data>/relations/``, with the columns that
#: identify a row (a user row with the same values replaces the packaged one).
USER_FILES = {"stative.csv": ("id",), "event_facets.csv": ("event", "cue"),
              "modality_cues.csv": ("cue",), "carriers.csv": ("name",)}  # fmt: skip


def _rows(name: str, path: Path | None) -> list[tuple[str, dict[str, str]]]:
    """The data rows of ``path`` (default: the packaged file merged with the user's).

    Each row comes with "file line N" for error messages.
    """
    if path is not None:
        return _file_rows(path)
    rows = _file_rows(DATA / name)
    user = user_data_file("relations", name)
    if user.is_file():
        extra = _file_rows(user)
        labels = {id(row): where for where, row in rows + extra}
        merged = merge_rows([r for _, r in rows], [r for _, r in extra], USER_FILES[name])
        rows = [(labels[id(row)], row) for row in merged]
    return rows


def _file_rows(source: Path) -> list[tuple[str, dict[str, str]]]:
    """The data rows of one CSV file (``#`` lines are comments)."""
    with source.open(encoding="utf-8", newline="") as fh:
        numbered = [(n, line) for n, line in enumerate(fh, start=1)
                    if line.strip() and not line.startswith("#")]  # fmt: skip
    if not numbered:
        raise ConfigError(f"{source}: empty; it needs a header row (see relations/data/README.md)")
    header = next(csv.reader([numbered[0][1]]))
    out = []
    for n, line in numbered[1:]:
        values = next(csv.reader([line]))
        if len(values) != len(header):
            raise ConfigError(f"{source.name} line {n}: {len(values)} values for the "
                              f"{len(header)} columns {header}; quote a pattern with commas")
        out.append((f"{source.name} line {n}", dict(zip(header, values, strict=True))))
    return out


@lru_cache(maxsize=4)
def stative_patterns(path: Path | None = None) -> tuple[Pattern, ...]:
    """The stative and change patterns (``data/stative.csv`` unless ``path`` is given)."""
    out = []
    for where, row in _rows("stative.csv", path):
        facet, value = row["facet"].strip(), row["value"].strip()
        _check_value(facet, value, where)
        kind = (row.get("kind") or "change").strip()
        if kind not in KINDS:
            raise ConfigError(f"{where}: kind must be one of {KINDS}, not {kind!r}")
        out.append(Pattern(row["id"].strip(), _compile(row["pattern"], where), facet, value,
                           kind, (row.get("modality") or "").strip()))  # fmt: skip
    return tuple(out)


@lru_cache(maxsize=4)
def event_rules(path: Path | None = None) -> tuple[EventRule, ...]:
    """Which events, with which cue words, set which facet value (``data/event_facets.csv``)."""
    out = []
    for where, row in _rows("event_facets.csv", path):
        facet, value = row["facet"].strip(), row["value"].strip()
        _check_value(facet, value, where)
        parties = (row.get("parties") or "dyad").strip()
        if parties not in ("dyad", "actors"):
            raise ConfigError(f"{where}: parties must be 'dyad' or 'actors', not {parties!r}")
        out.append(EventRule(row["event"].strip(), _compile(row["cue"], where), facet, value,
                             parties))  # fmt: skip
    return tuple(out)


@lru_cache(maxsize=4)
def modality_cues(path: Path | None = None) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Words before a match that make it not a fact (``data/modality_cues.csv``)."""
    out = []
    for where, row in _rows("modality_cues.csv", path):
        modality = row["modality"].strip()
        if modality not in ("future", "hypothetical", "proposed", "negated"):
            raise ConfigError(f"{where}: modality {modality!r} is not a non-fact modality")
        out.append((_compile(row["cue"], where), modality))
    return tuple(out)


@lru_cache(maxsize=4)
def carrier_names(path: Path | None = None) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Airlines that stand for their state in airspace sentences (``data/carriers.csv``)."""
    out = []
    for where, row in _rows("carriers.csv", path):
        code = row["code"].strip()
        if not _CODE.match(code):
            raise ConfigError(f"{where}: {code!r} is not a three-letter actor code")
        try:
            out.append((re.compile(r"\b(?:" + row["name"].strip() + r")\b"), code))
        except re.error as exc:
            raise ConfigError(f"{where}: bad regular expression ({exc}); fix the name") from exc
    return tuple(out)


@lru_cache(maxsize=1)
def state_codes() -> frozenset[str]:
    """Codes that can be one side of a dyad: the registry's states plus PSE, XKX and TWN."""
    codes = {"PSE", "XKX", "TWN"}
    # Read the registry file directly: importing diplograph.actors would load its matcher.
    source = Path(__file__).resolve().parents[1] / "actors" / "data" / "countries.csv"
    try:
        with source.open(encoding="utf-8", newline="") as fh:
            codes.update(row["code"].strip() for row in csv.DictReader(fh) if row.get("code"))
    except (OSError, KeyError):  # registry missing or reshaped: accept every code
        return frozenset()
    return frozenset(codes)


def is_state(code: str | None) -> bool:
    """True if ``code`` names a state (or the registry is unavailable and it looks like one)."""
    if not code or not _CODE.match(code):
        return False
    codes = state_codes()
    return not codes or code in codes


@lru_cache(maxsize=4)
def subject_cues(path: Path | None = None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Words that say a subject stands for a state, or is not one (``data/subjects.csv``)."""
    out = []
    for where, row in _rows("subjects.csv", path):
        kind = row["kind"].strip()
        if kind not in ("state", "other", "group"):
            raise ConfigError(f"{where}: kind must be 'state', 'other' or 'group', not {kind!r}")
        out.append((kind, _compile(row["pattern"], where)))
    return tuple(out)


def subject_may_be_a_state(head: str) -> bool:
    """True if the clause before a match has a subject that may stand for a state.

    "The Gulf state severed …", "It recalled …": yes; "The company severed …",
    "Protesters demanded …": no — a non-state subject never borrows a state.
    """
    last = {"state": -1, "other": -1, "group": -1}
    for kind, regex in subject_cues():
        for match in regex.finditer(head):
            last[kind] = max(last[kind], match.end())
    return last["state"] > last["other"]  # the nearest subject word decides


def names_a_group(head: str) -> bool:
    """True if the clause before a match names a group of states without a number.

    "The boycotting states restored …", "Riyadh and its Gulf allies reopened …": yes;
    "The protesters and their allies …": no — a non-state subject in the clause.
    """
    last = {"state": -1, "other": -1, "group": -1}
    for kind, regex in subject_cues():
        for match in regex.finditer(head):
            last[kind] = max(last[kind], match.end())
    return last["group"] >= 0 and last["other"] < 0
