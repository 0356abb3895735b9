"""The project's one date grammar: stated publication dates and the dates sentences mention.

Two kinds of reader share one vocabulary (month names, day and year forms):

* **stated dates** (ingest): header values, URLs, datelines and stamp lines.
  :func:`parse_date`, :func:`url_date`, :func:`dateline_date`,
  :func:`stamp_date` return a :class:`StatedDate` (ISO text at day, month or
  year precision) or None; RFC 822 values are read by :mod:`email.utils` and
  other languages' month names in URLs by dateparser.
* **dates in running text** (events, claims): :func:`find_mentions` lists every
  date expression of a sentence as a :class:`DateMention` (the explicit forms,
  and yearless months, weekdays, relative periods, "two years ago", decades),
  each with the preposition before it; :func:`resolve` places one against the
  publication date. Each stage picks the kinds it reads and how it chooses
  between them (``events/dates.py``: the nearest to the trigger;
  ``relations/claims.py``: the nearest with a fitting preposition).

Nothing here guesses: a relative expression without a publication date, or a
yearless date without a year to take, gives no date.

Numeric dates: ``2021-08-24`` is year-month-day; ``24.08.2021`` and
``24-08-2021`` are day-month-year; with slashes (``08/24/2021``) a part over
12 decides, else the order is day first unless the caller says otherwise
(:func:`day_first_for` reads the outlet's country from its URL). A dateline
without a year ("Amman, Oct 4 (Wire) -") takes the year the text's other
full dates or its copyright line give, or stays undated.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_tz
from urllib.parse import parse_qs, urlsplit

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS |= {"sept": 9}
WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<mon>[01]?\d)(?:[-/.](?P<day>[0-3]?\d))?"
                  r"(?!\d)")  # fmt: skip
_COMPACT = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<mon>[01]\d)(?P<day>[0-3]\d)(?!\d)")
_MDY = re.compile(rf"\b{_MON}\s+{_DAY}(?:,\s*|\s+){_YEAR}\b", re.IGNORECASE)
_DMY = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.IGNORECASE)
_MY = re.compile(rf"\b{_MON}\s*,?\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)
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


def make_date(year: int, month: int | None = None, day: int | None = None, *,
              latest: int | None = None) -> StatedDate | None:  # fmt: skip
    """The date at the precision its parts give, or None when the parts are no date.

    ``latest`` is the last year allowed: by default next year (a publication
    date is not in the future; a sentence may name a later year).
    """
    if not 1900 <= year <= (latest or date.today().year + 1):
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


def month_number(word: str | None) -> int | None:
    """1-12 for a month's number, name or abbreviation ("09", "Sept.", "august"), else None."""
    word = (word or "").lower().rstrip(".")
    return int(word) if word.isdigit() else MONTHS.get(word)


def _from_match(m: re.Match[str], *, year: int | None = None) -> StatedDate | None:
    """The match's date; ``year`` stands in when the match has none."""
    groups = m.groupdict()
    if groups.get("year"):
        year = int(groups["year"])
    if year is None:
        return None
    month = month_number(groups.get("mon") or groups.get("mon2"))
    day = groups.get("day") or groups.get("day2")
    return make_date(year, month, int(day) if day else None)


def _numeric(m: re.Match[str], *, day_first: bool) -> StatedDate | None:
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if m.group("sep") == "/" and not day_first and a <= 12:
        a, b = b, a  # month/day/year
    elif a <= 12 < b:
        a, b = b, a  # the second part cannot be a month
    return make_date(year, b, a)


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
        return make_date(rfc[0], rfc[1], rfc[2])
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
    return make_date(int(m.group("year"))) if m else None


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
            found = make_date(int(m.group("cyear")), int(m.group("cmon")), int(m.group("cday")))
        else:
            day = m.group("day")
            found = make_date(int(m.group("year")), int(m.group("mon")), int(day) if day else None)
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
    return make_date(parsed.year, parsed.month, parsed.day) if parsed else None


def dateline_date(line: str, *, year: int | None = None) -> StatedDate | None:
    """The date of a wire dateline at the start of ``line``.

    A dateline without a year takes ``year`` (the year the rest of the text
    states, see :func:`year_of_text`); without one it gives no date.
    """
    m = _DATELINE.match(line)
    if not m:
        return _agency_dateline(line)
    return _from_match(m, year=year)


#: "TUNIS (Agency / Wire - 5th May, 2020) Text": the date inside the agency credit.
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
    copyright_line = _COPYRIGHT_YEAR.search(text)
    return int(copyright_line.group("year")) if copyright_line else None


def stamp_date(line: str, *, day_first: bool = True) -> StatedDate | None:
    """The date of a line that is a time stamp: a date with little else around it.

    "March 3, 2020", "07.11.2019", "2021-06-30 14:05:09", "Published May 2,
    2022 | 11:15 AM", "Updated: 09-10-2020 08:20 IST | Created: 08-10-2020",
    "Wed 3rd March 2021 | 6:40 PM", "- The Daily Example - Friday, July 9, 2021",
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


def ends_with_date(line: str) -> bool:
    """True when ``line`` closes on a full date ("… in Jerusalem, January 6, 2023.")."""
    tail = line[-40:]
    return any(re.fullmatch(r"\W{0,3}", tail[m.end() :]) for p in (_MDY, _DMY)
               for m in p.finditer(tail))  # fmt: skip


def has_dateline(line: str) -> bool:
    """True when ``line`` opens with a dateline (with or without a year)."""
    return _DATELINE.match(line) is not None


def to_datetime(value: StatedDate) -> datetime:
    """The first moment of the date (for ordering)."""
    parts = [int(p) for p in value.value.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2])


# --- dates in running text ---------------------------------------------------------------

_RELATIVE = (
    "yesterday|today|tomorrow|last week|this past weekend|last weekend|last month|last year|"
    "this year|this month|next week|next month|next year|earlier this (?:week|month|year)"
)
_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
#: The forms of running text, most specific first: a later form's match that overlaps an
#: earlier one's is not a mention of its own ("March 2021" is no yearless "March").
_MENTION_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", _MDY),
    ("day", _DMY),
    ("month", _MY),
    ("decade", re.compile(r"\bthe\s+(?P<year>(?:19|20)\d0)['’]?s\b", re.IGNORECASE)),
    ("year", re.compile(rf"\b{_YEAR}\b")),
    ("month_day", re.compile(rf"\b{_MON}\s+{_DAY}\b", re.IGNORECASE)),
    ("month_only", re.compile(rf"\b{_MON}\b", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?P<word>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)),
    ("relative", re.compile(rf"\b(?P<word>{_RELATIVE})\b", re.IGNORECASE)),
    ("years_back", re.compile(
        r"\b(?:(?:more|less)\s+than\s+|nearly\s+|almost\s+|about\s+|some\s+|over\s+)?"
        r"(?P<count>a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
        r"\s+(?P<unit>years?|decades?)\s+(?P<word>ago|after|since)\b", re.IGNORECASE)),
)  # fmt: skip
#: The preposition (and qualifier) before a date: "since", "in early", "by the end of".
_PREP_BEFORE = re.compile(
    r"(?:\b(?P<prep>in|since|from|between|on|by|until|till|after|before|during|as\s+of|of)\s+)?"
    r"(?P<qual>\b(?:early|late|mid)(?:\s+|-)|\bthe\s+(?:end|summer|start|beginning)\s+of\s+)?$",
    re.IGNORECASE,
)
#: Kinds that are a date only after a preposition or qualifier ("in 2009", "early March"):
#: a bare "2009" is a number, a bare "May" a verb.
_NEED_LEAD = frozenset({"year", "decade", "month_only"})
LAST_YEAR = 2100  # the last year a sentence's date may name


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a sentence: its span (from the preposition, if any), kind and parts.

    ``kind`` is ``day`` / ``month`` (a full date or a month and year), ``year``,
    ``decade``, ``month_day`` / ``month_only`` (no year), ``weekday``,
    ``relative`` ("last week") or ``years_back`` ("two years ago", "a decade ago":
    ``count`` in years).
    """

    start: int
    end: int
    kind: str
    prep: str = ""  # the preposition before it, lower case, "" when none
    year: int | None = None
    month: int | None = None
    day: int | None = None
    word: str = ""  # the weekday, the relative phrase, or ago / after / since
    count: int = 0  # years back


def find_mentions(text: str) -> list[DateMention]:
    """Every date expression in ``text``, in reading order, none overlapping another."""
    found: list[DateMention] = []
    for kind, form in _MENTION_FORMS:
        for m in form.finditer(text):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            lead = _PREP_BEFORE.search(text, max(0, m.start() - 40), m.start())
            prep = " ".join((lead.group("prep") or "").lower().split()) if lead else ""
            if kind in _NEED_LEAD and not prep and not (lead and lead.group("qual")):
                continue
            start = lead.start() if lead and lead.end() > lead.start() else m.start()
            if any(f.start < m.end() and start < f.end for f in found):
                start = m.start()
            found.append(_mention(kind, m, start, prep))
    return sorted(found, key=lambda f: f.start)


def _mention(kind: str, m: re.Match[str], start: int, prep: str) -> DateMention:
    g = m.groupdict()
    count = g.get("count") or ""
    return DateMention(
        start, m.end(), kind, prep,
        year=int(g["year"]) if g.get("year") else None,
        month=month_number(g.get("mon")),
        day=int(g["day"]) if g.get("day") else None,
        word=" ".join((g.get("word") or "").lower().split()),
        count=(int(count) if count.isdigit() else _COUNT.get(count.lower(), 0))
        * (10 if (g.get("unit") or "").lower().startswith("decade") else 1),
    )  # fmt: skip


def period_of(value: str | None) -> tuple[date, date, str] | None:
    """The first and last day a ``YYYY[-MM[-DD]]`` value covers, and its precision."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.strip().split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31), "year"
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last), "month"
        if len(parts) == 3:
            day = date(*parts)
            return day, day, "day"
    except ValueError:
        return None
    return None


def resolve(mention: DateMention, published: str | None, *,
            future: bool = False) -> StatedDate | None:  # fmt: skip
    """The date a mention means, relative ones counted from the ``published`` date.

    A yearless month is the latest such month by publication (the next one
    when ``future``); a weekday needs a publication day. None when the
    mention cannot be placed.
    """
    if mention.kind in ("day", "month", "year", "decade"):
        return make_date(mention.year or 0, mention.month, mention.day, latest=LAST_YEAR)
    period = period_of(published)
    if period is None:
        return None
    first, last, precision = period
    if mention.kind in ("month_day", "month_only") and mention.month:
        year = _year_for(mention.month, first if future else last, future=future)
        return make_date(year, mention.month, mention.day, latest=LAST_YEAR)
    if mention.kind == "weekday":
        return _weekday(WEEKDAYS[mention.word], first, precision, future=future)
    if mention.kind == "years_back":
        return make_date(last.year - mention.count)
    if mention.kind == "relative":
        return _relative(mention.word, first, precision)
    return None


def _year_for(month: int, reference: date, *, future: bool) -> int:
    """The year of a month named without one: the last such month, or the next if future."""
    if future:
        return reference.year if month >= reference.month else reference.year + 1
    return reference.year if month <= reference.month else reference.year - 1


def _weekday(weekday: int, pub: date, precision: str, *, future: bool) -> StatedDate | None:
    if precision != "day":
        return None
    delta = (weekday - pub.weekday()) % 7 if future else -((pub.weekday() - weekday) % 7)
    day = pub + timedelta(days=delta)
    return StatedDate(day.isoformat(), "day")


def _relative(rel: str, pub: date, precision: str) -> StatedDate | None:
    """Relative expressions measured from the publication date."""
    if rel.endswith("year"):
        year = pub.year + {"last": -1, "next": 1}.get(rel.split()[0], 0)
        return make_date(year, latest=LAST_YEAR)
    if precision == "year":
        return None
    if rel.endswith("month"):
        shift = {"last": -1, "next": 1}.get(rel.split()[0], 0)
        y, mo = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
        return make_date(y, mo + 1, latest=LAST_YEAR)
    if precision != "day":
        return None
    days = {"yesterday": -1, "today": 0, "tomorrow": 1, "next week": 7}.get(rel)
    if days is not None:
        return StatedDate((pub + timedelta(days=days)).isoformat(), "day")
    if "weekend" in rel:
        back = (pub.weekday() - 5) % 7 or 7
        return StatedDate((pub - timedelta(days=back)).isoformat(), "day")
    week_ago = pub - timedelta(days=7)
    return make_date(week_ago.year, week_ago.month)
