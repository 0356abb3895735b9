"""Publication dates that an article states: header values, URLs, datelines, stamp lines.

Every function returns a :class:`StatedDate` (ISO text at day, month or year
precision) or None. Nothing here guesses from relative expressions ("last
week", "on Monday"): where no date is stated, the date stays unknown.

Numeric dates: ``2021-08-24`` is year-month-day; ``24.08.2021`` and
``24-08-2021`` are day-month-year; with slashes (``08/24/2021``) a part over
12 decides, else the order is day first unless the caller says otherwise
(:func:`day_first_for` reads the outlet's country from its URL). A dateline
without a year ("Beirut, Nov 27 (IANS) -") takes the year the text's other
full dates or its copyright line give, or stays undated.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_tz
from urllib.parse import parse_qs, urlsplit

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
#: ``24.08.2021``, ``24-08-2021``, ``08/24/2021``: the order is settled in :func:`_numeric`.
_NUMERIC = re.compile(r"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)"
                      r"(?P<year>(?:19|20)\d\d)(?![\d.]\d)")  # fmt: skip
#: ``/2021/apr/18/``: a month name in a URL path.
_URL_NAMED = re.compile(rf"/{_YEAR}/{_MON}/{_DAY}(?=[/_.-]|$)", re.IGNORECASE)
#: ``/2021/avril/18/``: a month name in any language (read by dateparser).
_URL_WORD_MONTH = re.compile(
    r"/(?P<year>(?:19|20)\d\d)/(?P<mon>[^\W\d_]{3,12})/(?P<day>[0-3]?\d)(?=[/_.-]|$)"
)
#: Query parameters that carry a date: ``?date=14-12-2024``.
_QUERY_KEYS = ("date", "d", "pubdate", "published", "publish_date", "dt")
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?",
                      re.IGNORECASE)  # fmt: skip
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b(?:\s*[ap]\.?m\.?)?"
                    r"|\b\d{1,2}\s*[ap]\.?m\.?\b|\b(?:GMT|UTC|IST|EST|EDT|CET|CEST|BST|AST|PKT|[+-]\d{2}:?\d{2})\b",
                    re.IGNORECASE)  # fmt: skip
_STAMP_LABEL = re.compile(r"\b(?:published|updated|created|posted|last|modified|first|date|on|at"
                          r"|am|pm)\b|[|•·:,()\-–—/]", re.IGNORECASE)  # fmt: skip
_PUBLISHED_FIRST = re.compile(r"\b(?:published|created|posted|first published)\b\s*(?:on\s*)?:?",
                              re.IGNORECASE)  # fmt: skip
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?P<year>(?:19|20)\d\d)", re.IGNORECASE)
#: Country-code domains whose outlets write month/day/year with slashes.
MONTH_FIRST_TLDS = frozenset({"us", "ph", "fm", "pw", "mh"})
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?P<mon>[01]?\d)(?:[/-](?P<day>[0-3]?\d))?(?=[/_.-]|$)"
    r"|[/_-](?P<cyear>(?:19|20)\d\d)(?P<cmon>[01]\d)(?P<cday>[0-3]\d)(?=[/_.-]|$)"
)
#: "DUBAI, Aug 13 (Reuters) -", "WASHINGTON, Sept. 15, 2020 (AP) —", "Jerusalem, 13 August 2020 -"
_DATELINE = re.compile(
    rf"^\W{{0,3}}[A-Z][A-Za-z'’. -]{{1,40}}?(?:,\s*[A-Z][A-Za-z'’. -]{{1,30}}?)?,\s*"
    rf"(?:(?:{_MON}\s+{_DAY})|(?:{_DAY.replace('<day>', '<day2>')}\s+"
    rf"{_MON.replace('<mon>', '<mon2>')}))(?:,?\s+{_YEAR})?"
    r"\s*(?:\([^)]{1,40}\)\s*(?:-{1,2}|–|—|:)?|(?:-{1,2}|–|—|:))\s",
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


def _from_match(m: re.Match[str], *, year: int | None = None) -> StatedDate | None:
    """The match's date; ``year`` stands in when the match has none."""
    groups = m.groupdict()
    if groups.get("year"):
        year = int(groups["year"])
    if year is None:
        return None
    mon = groups.get("mon") or groups.get("mon2")
    month = int(mon) if mon and mon.isdigit() else MONTHS.get((mon or "").lower().rstrip("."))
    day = groups.get("day") or groups.get("day2")
    return _make(year, month, int(day) if day else None)


def _numeric(m: re.Match[str], *, day_first: bool) -> StatedDate | None:
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if m.group("sep") == "/" and not day_first and a <= 12:
        a, b = b, a  # month/day/year
    elif a <= 12 < b:
        a, b = b, a  # the second part cannot be a month
    return _make(year, b, a)


def parse_date(text: str | None, *, day_first: bool = True) -> StatedDate | None:
    """A date written out in ``text``: ISO, RFC 822, "Aug 13, 2020", "13 August 2020", "2020-08",
    "24.08.2021".

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
    m = _NUMERIC.search(text)
    if m and (found := _numeric(m, day_first=day_first)):
        return found
    for pattern in (_ISO, _MDY, _DMY, _COMPACT, _MY):
        m = pattern.search(text)
        if m:
            found = _from_match(m)
            if found:
                return found
    m = re.fullmatch(r"\s*(?P<year>(?:19|20)\d\d)\s*", text)
    return _make(int(m.group("year"))) if m else None


def day_first_for(url: str | None) -> bool:
    """Whether an outlet writes numeric dates day first, from its URL's country domain."""
    host = urlsplit(url or "").hostname or ""
    return host.rsplit(".", 1)[-1].lower() not in MONTH_FIRST_TLDS


def url_date(url: str | None) -> StatedDate | None:
    """A date in a URL: ``/2020/08/13/``, ``/20200813/``, ``/2021/01/``, ``/2021/apr/18/``,
    or a query value such as ``?date=14-12-2024``."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    path = parts.path
    m = _URL_NAMED.search(path)
    if m and (found := _from_match(m)):
        return found
    m = _URL_WORD_MONTH.search(path)
    if m and (found := _foreign_month(m)):
        return found
    for key, values in parse_qs(parts.query).items():
        if key.lower() in _QUERY_KEYS:
            for value in values:
                if found := parse_date(value, day_first=day_first_for(url)):
                    return found
    for m in _URL_DATE.finditer(path):
        if m.group("cyear"):
            found = _make(int(m.group("cyear")), int(m.group("cmon")), int(m.group("cday")))
        else:
            day = m.group("day")
            found = _make(int(m.group("year")), int(m.group("mon")), int(day) if day else None)
        if found:
            return found
    return None


def _foreign_month(m: re.Match[str]) -> StatedDate | None:
    """A URL's day, month name and year read by dateparser, which knows other languages'
    month names (imported only when such a URL turns up)."""
    import dateparser

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        parsed = dateparser.parse(f"{m.group('day')} {m.group('mon')} {m.group('year')}",
                                  settings=settings)  # fmt: skip
    except (ValueError, OverflowError):
        return None
    return _make(parsed.year, parsed.month, parsed.day) if parsed else None


def dateline_date(line: str, *, year: int | None = None) -> StatedDate | None:
    """The date of a wire dateline at the start of ``line``.

    A dateline without a year takes ``year`` (the year the rest of the text
    states, see :func:`year_of_text`); without one it gives no date.
    """
    m = _DATELINE.match(line)
    if not m:
        return _agency_dateline(line)
    return _from_match(m, year=year)


#: "ALGIERS (Agency / Wire - 24th August, 2021) Text": the date inside the agency credit.
_AGENCY_DATELINE = re.compile(r"^\W{0,3}[A-Z][A-Za-z'’. -]{1,40}?\s*\((?P<inside>[^()]{3,80})\)")


def _agency_dateline(line: str) -> StatedDate | None:
    m = _AGENCY_DATELINE.match(line)
    if not m:
        return None
    inside = m.group("inside")
    for pattern in (_MDY, _DMY):
        found = pattern.search(inside)
        if found:
            return _from_match(found)
    return None


def year_of_text(text: str) -> int | None:
    """The year a text's own full dates state most often, else its copyright line's year."""
    years: dict[int, int] = {}
    for pattern in (_MDY, _DMY, _ISO):
        for m in pattern.finditer(text):
            y = int(m.group("year"))
            years[y] = years.get(y, 0) + 1
    if years:
        return max(years, key=lambda y: (years[y], y))
    m = _COPYRIGHT_YEAR.search(text)
    return int(m.group("year")) if m else None


def stamp_date(line: str, *, day_first: bool = True) -> StatedDate | None:
    """The date of a line that is a time stamp: a date with little else around it.

    "August 22, 2022", "19.03.2022", "2024-01-12 00:57:26", "Published January 24,
    2023 | 08:36 PM", "Updated: 28-04-2022 19:44 IST | Created: 27-04-2022",
    "Tue 24th August 2021 | 10:04 PM", "- The Daily Example - Sunday, April 18, 2021",
    a byline followed by its stamp. Where a line gives several dates, the
    publication ("Published", "Created", "Posted") one wins over "Updated".
    """
    if len(line) > 160:
        return None
    first = _PUBLISHED_FIRST.search(line)
    found = parse_date(line[first.end() :], day_first=day_first) if first else None
    found = found or parse_date(line, day_first=day_first)
    if found is None:
        return None
    rest = line
    for pattern in (_NUMERIC, _ISO, _MDY, _DMY, _CLOCK, _WEEKDAY, _STAMP_LABEL):
        rest = pattern.sub(" ", rest)
    rest = re.sub(r"\(@\w+\)|@\w+", " ", rest)
    words = re.findall(r"[^\W\d_]+", rest)
    return found if len(words) <= 6 else None


def has_dateline(line: str) -> bool:
    """True when ``line`` opens with a dateline (with or without a year)."""
    return _DATELINE.match(line) is not None


def to_datetime(value: StatedDate) -> datetime:
    """The first moment of the date (for ordering)."""
    parts = [int(p) for p in value.value.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2])
