"""Event dates: expressions in the sentence resolved against the article's publication date.

Handles explicit dates ("March 21, 2024", "November 2020", "in 2009"),
month and day without a year ("in March", "between July 13-16"), weekdays
("on Monday and Tuesday"), and relative expressions ("last week",
"this past weekend", "last month", "last year", "yesterday"). The expression
nearest the trigger wins. With no expression the article's own date is used.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_LEAD = r"(?:in|since|during|by|until|of|from|early|late|mid-?)"
_RELATIVE = (
    "yesterday|today|tomorrow|last week|this past weekend|last weekend|last month|last year|"
    "this year|this month|next week|next month|next year|earlier this (?:week|month|year)"
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("mdy", r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b"),
        ("dmy", r"\b" + _DAY + r"\s+" + _MONTH + r"\s+" + _YEAR + r"\b"),
        ("my", r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b"),
        ("md", r"\b" + _MONTH + r"\s+" + _DAY + r"\b"),
        ("y", r"\b" + _LEAD + r"\s+(?:early\s+|late\s+|mid-?)?" + _YEAR + r"\b"),
        ("m", r"\b" + _LEAD + r"\s+" + _MONTH + r"\b"),
        ("weekday", r"\b(?:on\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b"),
        ("rel", r"\b(?P<rel>" + _RELATIVE + r")\b"),
    )
]


@dataclass(frozen=True, slots=True)
class EventDate:
    """A resolved date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) and its precision."""

    value: str | None
    precision: str = "unknown"
    explicit: bool = False  # True when the sentence stated it


NO_DATE = EventDate(None)


def parse_published(published: str | None) -> tuple[date | None, str]:
    """The publication date as a date (first day of its period) and its precision."""
    if not published:
        return None, "unknown"
    parts = published.split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None, "unknown"
    precision = {1: "year", 2: "month", 3: "day"}.get(len(nums), "unknown")
    if precision == "unknown":
        return None, precision
    return date(nums[0], *(nums[1:] + [1] * (3 - len(nums)))), precision


def resolve_event_date(text: str, published: str | None, *, anchor: int = 0,
                       future: bool = False) -> EventDate:  # fmt: skip
    """The event date for a sentence: the expression nearest ``anchor`` (a char offset)."""
    pub, pub_precision = parse_published(published)
    found: list[tuple[int, EventDate]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            resolved = _resolve(kind, m, pub, pub_precision, future=future)
            if resolved is not None:
                taken.append((m.start(), m.end()))
                found.append((min(abs(m.start() - anchor), abs(m.end() - anchor)), resolved))
    if found:
        return min(found, key=lambda f: f[0])[1]
    if pub is not None:
        return EventDate(published, pub_precision)
    return NO_DATE


def _resolve(kind: str, m: re.Match[str], pub: date | None, pub_precision: str, *,
             future: bool) -> EventDate | None:  # fmt: skip
    """One matched expression as a date, or None when it cannot be placed."""
    g = m.groupdict()
    month = MONTHS.get((g.get("month") or "").lower())
    if kind in ("mdy", "dmy"):
        return _safe_day(int(g["year"]), month, int(g["day"]))
    if kind == "my":
        return EventDate(f"{int(g['year']):04d}-{month:02d}", "month", True)
    if kind == "y":
        return EventDate(g["year"], "year", True)
    if pub is None:
        return None
    if kind == "md" and month:
        year = _year_for(month, pub, future=future)
        return _safe_day(year, month, int(g["day"]))
    if kind == "m" and month:
        return EventDate(f"{_year_for(month, pub, future=future):04d}-{month:02d}", "month", True)
    if kind == "weekday":
        return _weekday(WEEKDAYS[g["weekday"].lower()], pub, pub_precision, future=future)
    return _relative(g["rel"].lower(), pub, pub_precision)


def _safe_day(year: int, month: int | None, day: int) -> EventDate | None:
    if not month:
        return None
    try:
        return EventDate(date(year, month, day).isoformat(), "day", True)
    except ValueError:
        return None


def _year_for(month: int, pub: date, *, future: bool) -> int:
    """The year of a month named without one: the last such month, or the next if future."""
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _weekday(weekday: int, pub: date, precision: str, *, future: bool) -> EventDate | None:
    if precision != "day":
        return None
    delta = (weekday - pub.weekday()) % 7 if future else -((pub.weekday() - weekday) % 7)
    return EventDate((pub + timedelta(days=delta)).isoformat(), "day", True)


def _relative(rel: str, pub: date, precision: str) -> EventDate | None:
    """Relative expressions measured from the publication date."""
    if rel.endswith("year"):
        year = pub.year + {"last": -1, "next": 1}.get(rel.split()[0], 0)
        return EventDate(f"{year:04d}", "year", True)
    if precision == "year":
        return None
    if rel.endswith("month"):
        shift = {"last": -1, "next": 1}.get(rel.split()[0], 0)
        y, mo = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
        return EventDate(f"{y:04d}-{mo + 1:02d}", "month", True)
    if precision != "day":
        return None
    days = {"yesterday": -1, "today": 0, "tomorrow": 1, "next week": 7}.get(rel)
    if days is not None:
        return EventDate((pub + timedelta(days=days)).isoformat(), "day", True)
    if "weekend" in rel:
        back = (pub.weekday() - 5) % 7 or 7
        return EventDate((pub - timedelta(days=back)).isoformat(), "day", True)
    week_ago = pub - timedelta(days=7)
    return EventDate(f"{week_ago.year:04d}-{week_ago.month:02d}", "month", True)


def is_historical(event: EventDate, published: str | None) -> bool:
    """True when a stated date lies more than a year before publication (or is a past year)."""
    if not event.explicit or event.value is None:
        return False
    pub, _ = parse_published(published)
    start, _ = parse_published(event.value)
    if start is None:
        return False
    if pub is None:  # undated article: a stated year or month is background
        return event.precision in ("year", "month")
    if event.precision == "year":
        return start.year < pub.year
    end = _period_end(start, event.precision)
    return (pub - end).days > 365


def _period_end(start: date, precision: str) -> date:
    if precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start
