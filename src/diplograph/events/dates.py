"""Event dates: the sentence's date expression nearest the trigger, else the article's date.

The expressions are read by the project's one date grammar
(:func:`diplograph.dates.find_mentions`): explicit dates ("March 21, 2024",
"November 2020", "in 2009"), month and day without a year ("in March",
"between July 13-16"), weekdays ("on Monday and Tuesday"), and relative
expressions ("last week", "this past weekend", "last month", "last year",
"yesterday"), placed against the publication date by
:func:`diplograph.dates.resolve`. This module only chooses: the expression
nearest the trigger wins; with none the article's own date is used.
"""

from __future__ import annotations

from dataclasses import dataclass

from diplograph.dates import find_mentions, period_of, resolve

#: The kinds of :class:`diplograph.dates.DateMention` an event takes its date from.
EVENT_KINDS = frozenset({"day", "month", "year", "month_day", "month_only", "weekday",
                         "relative"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class EventDate:
    """A resolved date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) and its precision."""

    value: str | None
    precision: str = "unknown"
    explicit: bool = False  # True when the sentence stated it


NO_DATE = EventDate(None)


def resolve_event_date(text: str, published: str | None, *, anchor: int = 0,
                       future: bool = False) -> EventDate:  # fmt: skip
    """The event date for a sentence: the expression nearest ``anchor`` (a char offset)."""
    found: list[tuple[int, EventDate]] = []
    for mention in find_mentions(text):
        if mention.kind not in EVENT_KINDS:
            continue
        resolved = resolve(mention, published, future=future)
        if resolved is not None:
            distance = min(abs(mention.start - anchor), abs(mention.end - anchor))
            found.append((distance, EventDate(resolved.value, resolved.precision, True)))
    if found:
        return min(found, key=lambda f: f[0])[1]
    period = period_of(published)
    if period is not None:
        return EventDate(published, period[2])
    return NO_DATE


def is_historical(event: EventDate, published: str | None) -> bool:
    """True when a stated date lies more than a year before publication (or is a past year)."""
    if not event.explicit or event.value is None:
        return False
    stated = period_of(event.value)
    if stated is None:
        return False
    pub = period_of(published)
    if pub is None:  # undated article: a stated year or month is background
        return event.precision in ("year", "month")
    if event.precision == "year":
        return stated[0].year < pub[0].year
    return (pub[0] - stated[1]).days > 365
