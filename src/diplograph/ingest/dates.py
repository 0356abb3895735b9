"""Publication dates that an article states: header values, URL paths, datelines, date lines.

Every function returns a :class:`StatedDate` (ISO text at day, month or year
precision) or None. Nothing here guesses from relative expressions ("last
week", "on Monday"): where no date is stated, the date stays unknown.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_tz

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS |= {"sept": 9}
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<mon>[01]?\d)(?:[-/.](?P<day>[0-3]?\d))?"
                  r"(?!\d)")  # fmt: skip
_COMPACT = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<mon>[01]\d)(?P<day>[0-3]\d)(?!\d)")
_MDY = re.compile(rf"\b{_MON}\s+{_DAY}(?:,\s*|\s+){_YEAR}\b", re.IGNORECASE)
_DMY = re.compile(rf"\b{_DAY}\s+{_MON},?\s+{_YEAR}\b", re.IGNORECASE)
_MY = re.compile(rf"\b{_MON}\s*,?\s+{_YEAR}\b", re.IGNORECASE)
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?P<mon>[01]?\d)(?:[/-](?P<day>[0-3]?\d))?(?=[/_.-]|$)"
    r"|[/_-](?P<cyear>(?:19|20)\d\d)(?P<cmon>[01]\d)(?P<cday>[0-3]\d)(?=[/_.-]|$)"
)
#: "DUBAI, Aug 13 (Reuters) -", "WASHINGTON, Sept. 15, 2020 (AP) —", "Jerusalem, 13 August 2020 -"
_DATELINE = re.compile(
    rf"^\W{{0,3}}[A-Z][A-Za-z'’. -]{{1,40}}?(?:,\s*[A-Z][A-Za-z'’. -]{{1,30}}?)?,\s*"
    rf"(?:(?:{_MON}\s+{_DAY})|(?:{_DAY.replace('<day>', '<day2>')}\s+"
    rf"{_MON.replace('<mon>', '<mon2>')}))(?:,?\s+{_YEAR})?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:-{1,2}|–|—|:)\s",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class StatedDate:
    """A date an article states, with its precision (``day``, ``month`` or ``year``)."""

    value: str
    precision: str


def _make(year: int, month: int | None = None, day: int | None = None) -> StatedDate | None:
    if not 1900 <= year <= date.today().year + 1:
        return None
    if month is None:
        return StatedDate(f"{year:04d}", "year")
    if not 1 <= month <= 12:
        return None
    if day is None:
        return StatedDate(f"{year:04d}-{month:02d}", "month")
    try:
        date(year, month, day)
    except ValueError:
        return None
    return StatedDate(f"{year:04d}-{month:02d}-{day:02d}", "day")


def _from_match(m: re.Match[str]) -> StatedDate | None:
    groups = m.groupdict()
    mon = groups.get("mon") or groups.get("mon2")
    month = int(mon) if mon and mon.isdigit() else MONTHS.get((mon or "").lower().rstrip("."))
    day = groups.get("day") or groups.get("day2")
    return _make(int(groups["year"]), month, int(day) if day else None)


def parse_date(text: str | None) -> StatedDate | None:
    """A date written out in ``text``: ISO, RFC 822, "Aug 13, 2020", "13 August 2020", "2020-08".

    The calendar date is taken as written (its own time zone), never shifted
    to UTC: a feed item dated "Thu, 02 Nov 2023 23:30 +0300" was published on
    2 November where it was written.
    """
    if not text or not text.strip():
        return None
    text = text.strip()
    rfc = parsedate_tz(text) if re.search(r"[A-Za-z]{3},?\s+\d", text) else None
    if rfc and rfc[0] >= 1900:
        return _make(rfc[0], rfc[1], rfc[2])
    for pattern in (_ISO, _MDY, _DMY, _COMPACT, _MY):
        m = pattern.search(text)
        if m:
            found = _from_match(m)
            if found:
                return found
    m = re.fullmatch(r"\s*(?P<year>(?:19|20)\d\d)\s*", text)
    return _make(int(m.group("year"))) if m else None


def url_date(url: str | None) -> StatedDate | None:
    """A date in a URL's path: ``/2020/08/13/``, ``/20200813/``, ``/2021/01/``."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.IGNORECASE).split("?")[0]
    for m in _URL_DATE.finditer(path):
        if m.group("cyear"):
            found = _make(int(m.group("cyear")), int(m.group("cmon")), int(m.group("cday")))
        else:
            day = m.group("day")
            found = _make(int(m.group("year")), int(m.group("mon")), int(day) if day else None)
        if found:
            return found
    return None


def dateline_date(line: str) -> StatedDate | None:
    """The date of a wire dateline at the start of ``line``, when it gives a year."""
    m = _DATELINE.match(line)
    if not m or not m.group("year"):
        return None
    return _from_match(m)


def has_dateline(line: str) -> bool:
    """True when ``line`` opens with a dateline (with or without a year)."""
    return _DATELINE.match(line) is not None


def to_datetime(value: StatedDate) -> datetime:
    """The first moment of the date (for ordering)."""
    parts = [int(p) for p in value.value.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2])
