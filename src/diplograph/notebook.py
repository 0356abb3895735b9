"""The Python API for notebooks: a store's events, relations, stories and articles as tables.

::

    import diplograph
    s = diplograph.open("demo.db")            # or "postgresql://user@host/db"
    s.events(dyad=("ISR", "ARE"), type="CONSULT", since="2020")
    s.relations("ISR", "ARE", as_of="2021-06-30")
    s.timeline("ISR", "ARE")

Each query returns a :class:`pandas.DataFrame`, or with ``as_arrow=True`` the
:class:`pyarrow.Table` it was built from (``polars.from_arrow`` takes it without
copying; ``pyarrow.parquet.write_table`` writes it). The columns are listed in
:mod:`diplograph.frames` and ``docs/python.md``. Parameters are checked before
any query runs; a bad one raises :class:`diplograph.errors.ConfigError` saying
what to give instead. Reading only: the store is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, Literal, overload

from diplograph.errors import ConfigError
from diplograph.model import EVENT_TYPES, MODALITIES

if TYPE_CHECKING:
    import pandas
    import pyarrow

    from diplograph.relations.timeline import Interval
    from diplograph.store import Database

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
#: A day as text (YYYY, YYYY-MM, YYYY-MM-DD) or a :class:`datetime.date`.
DateLike = str | date
#: A dyad: ``("ISR", "ARE")`` or ``"ISR-ARE"``.
DyadLike = str | tuple[str, str]


def open_store(db: str) -> Store:
    """Open the store at ``db`` (an SQLite file or a database URL) for reading."""
    from diplograph.store import open_database

    return Store(open_database(db))


def _date(value: DateLike | None, what: str) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    if not _DATE.match(text):
        raise ConfigError(f"{what}={value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _code(value: str | None, what: str) -> str | None:
    from diplograph.relations.facets import validate_code

    if value is None:
        return None
    try:
        return validate_code(value)
    except ConfigError as exc:
        raise ConfigError(f"{what}: {exc}") from exc


def _dyad(value: DyadLike | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = value.split("-") if isinstance(value, str) else list(value)
    if len(parts) != 2:
        raise ConfigError(f"dyad={value!r}: give two codes, as ('ISR', 'ARE') or 'ISR-ARE'")
    a, b = (_code(p, "dyad") or "" for p in parts)
    if a == b:
        raise ConfigError(f"dyad={value!r}: a dyad needs two different codes")
    return (a, b) if a < b else (b, a)


def _choice(value: str | None, allowed: Iterable[str], what: str) -> str | None:
    if value is None:
        return None
    options = tuple(allowed)
    wanted = value.strip()
    match = next((o for o in options if o.lower() == wanted.lower()), None)
    if match is None:
        raise ConfigError(f"{what}={value!r} is not one of {', '.join(options)}")
    return match


def _as_of(value: DateLike | None) -> date:
    from diplograph.relations.facets import end_of_period

    text = _date(value, "as_of")
    return end_of_period(text) if text else date.today()


def _limit(value: int | None) -> int | None:
    if value is not None and (not isinstance(value, int) or value < 0):
        raise ConfigError(f"limit={value!r}: give a whole number of rows (0 or more) or None")
    return value


def _result(table: pyarrow.Table, as_arrow: bool) -> pandas.DataFrame | pyarrow.Table:
    if as_arrow:
        return table
    return table.to_pandas(date_as_object=False)


class Store:
    """An open store, read as tables. Create with :func:`diplograph.open`."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def __repr__(self) -> str:
        return f"<diplograph.Store {self.database.engine.url.render_as_string(hide_password=True)}>"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the store's database connections."""
        self.database.close()

    @overload
    def events(self, *, dyad: DyadLike | None = ..., actor: str | None = ...,
               recipient: str | None = ..., party: str | None = ..., type: str | None = ...,
               modality: str | None = ..., outlet: str | None = ...,
               since: DateLike | None = ..., until: DateLike | None = ...,
               limit: int | None = ..., as_arrow: Literal[False] = ...) -> pandas.DataFrame: ...
    @overload
    def events(self, *, dyad: DyadLike | None = ..., actor: str | None = ...,
               recipient: str | None = ..., party: str | None = ..., type: str | None = ...,
               modality: str | None = ..., outlet: str | None = ...,
               since: DateLike | None = ..., until: DateLike | None = ...,
               limit: int | None = ..., as_arrow: Literal[True]) -> pyarrow.Table: ...

    def events(
        self, *, dyad: DyadLike | None = None, actor: str | None = None,
        recipient: str | None = None, party: str | None = None,
        type: str | None = None,  # noqa: A002 - the PLOVER field's own name
        modality: str | None = None, outlet: str | None = None,
        since: DateLike | None = None, until: DateLike | None = None,
        limit: int | None = None, as_arrow: bool = False,
    ) -> pandas.DataFrame | pyarrow.Table:  # fmt: skip
        """Events, newest first, filtered by dyad, parties, PLOVER type, modality, outlet, dates.

        ``party`` is a code in any role; ``since``/``until`` include the whole
        day, month or year given. Columns: :data:`diplograph.frames.EVENTS`.
        """
        from diplograph import frames
        from diplograph.store.web_queries import EventFilter, iter_events

        f = EventFilter(
            actor=_code(actor, "actor"), recipient=_code(recipient, "recipient"),
            party=_code(party, "party"), dyad=_dyad(dyad),
            event=_choice(type, EVENT_TYPES, "type"),
            modality=_choice(modality, MODALITIES, "modality"), outlet=outlet,
            since=_date(since, "since"), until=_date(until, "until"),
        )  # fmt: skip
        rows = islice(iter_events(self.database, f), _limit(limit))
        return _result(frames.table(frames.EVENTS, map(frames.event_row, rows)), as_arrow)

    @overload
    def relations(self, a: str, b: str | None = ..., *, as_of: DateLike | None = ...,
                  as_arrow: Literal[False] = ...) -> pandas.DataFrame: ...
    @overload
    def relations(self, a: str, b: str | None = ..., *, as_of: DateLike | None = ...,
                  as_arrow: Literal[True]) -> pyarrow.Table: ...

    def relations(self, a: str, b: str | None = None, *, as_of: DateLike | None = None,
                  as_arrow: bool = False) -> pandas.DataFrame | pyarrow.Table:  # fmt: skip
        """Each facet's value as of a day (default today), for one dyad or every partner of ``a``.

        One row per (dyad, facet) with a value on that day, as ``diplograph relations
        --as-of`` answers. Columns: :data:`diplograph.frames.RELATIONS`.
        """
        from diplograph.relations.timeline import values_at

        day = _as_of(as_of)
        picked = [iv for facets in self._timelines(a, b) for iv in values_at(facets, day).values()]
        return self._intervals(picked, as_arrow)

    @overload
    def timeline(self, a: str, b: str | None = ..., *,
                 as_arrow: Literal[False] = ...) -> pandas.DataFrame: ...
    @overload
    def timeline(self, a: str, b: str | None = ..., *,
                 as_arrow: Literal[True]) -> pyarrow.Table: ...

    def timeline(self, a: str, b: str | None = None, *,
                 as_arrow: bool = False) -> pandas.DataFrame | pyarrow.Table:  # fmt: skip
        """Every value interval of every facet, oldest first, for a dyad or each partner of ``a``.

        ``holds_from``/``holds_to`` bound the days the value answers (empty: open
        ended). Columns: :data:`diplograph.frames.RELATIONS`.
        """
        picked = [iv for facets in self._timelines(a, b) for ivs in facets.values() for iv in ivs]
        return self._intervals(picked, as_arrow)

    def _timelines(self, a: str, b: str | None) -> list[dict[str, list[Interval]]]:
        from diplograph.relations import timeline as tl

        first = _code(a, "a") or ""
        if b is None:
            return list(tl.partner_timelines(self.database, first).values())
        return [tl.timeline(self.database, first, _code(b, "b") or "")]

    def _intervals(self, intervals: list[Interval],
                   as_arrow: bool) -> pandas.DataFrame | pyarrow.Table:  # fmt: skip
        from diplograph import frames

        return _result(frames.table(frames.RELATIONS, map(frames.interval_row, intervals)),
                       as_arrow)  # fmt: skip

    @overload
    def stories(self, *, since: DateLike | None = ..., actor: str | None = ...,
                limit: int | None = ..., as_arrow: Literal[False] = ...) -> pandas.DataFrame: ...
    @overload
    def stories(self, *, since: DateLike | None = ..., actor: str | None = ...,
                limit: int | None = ..., as_arrow: Literal[True]) -> pyarrow.Table: ...

    def stories(self, *, since: DateLike | None = None, actor: str | None = None,
                limit: int | None = None,
                as_arrow: bool = False) -> pandas.DataFrame | pyarrow.Table:  # fmt: skip
        """Stories, newest first; ``since`` keeps those last seen then or later, ``actor`` those
        about that code. Columns: :data:`diplograph.frames.STORIES`."""
        from diplograph import frames
        from diplograph.stories.query import list_stories

        rows = list_stories(self.database, since=_date(since, "since"),
                            actor=_code(actor, "actor"), limit=_limit(limit))  # fmt: skip
        return _result(frames.table(frames.STORIES, map(frames.story_row, rows)), as_arrow)

    @overload
    def articles(self, *, outlet: str | None = ..., since: DateLike | None = ...,
                 until: DateLike | None = ..., story: str | None = ..., text: bool = ...,
                 limit: int | None = ..., as_arrow: Literal[False] = ...) -> pandas.DataFrame: ...
    @overload
    def articles(self, *, outlet: str | None = ..., since: DateLike | None = ...,
                 until: DateLike | None = ..., story: str | None = ..., text: bool = ...,
                 limit: int | None = ..., as_arrow: Literal[True]) -> pyarrow.Table: ...

    def articles(self, *, outlet: str | None = None, since: DateLike | None = None,
                 until: DateLike | None = None, story: str | None = None, text: bool = True,
                 limit: int | None = None,
                 as_arrow: bool = False) -> pandas.DataFrame | pyarrow.Table:  # fmt: skip
        """Articles with their metadata and (unless ``text=False``) clean text, in export order.

        Filters: outlet, publication dates, story id. Columns:
        :data:`diplograph.frames.ARTICLES` (``text`` is empty with ``text=False``).
        """
        from diplograph import frames
        from diplograph.store import iter_articles

        rows = iter_articles(self.database, outlet=outlet, since=_date(since, "since"),
                             until=_date(until, "until"), story_id=story, text=text,
                             limit=_limit(limit))  # fmt: skip
        return _result(frames.table(frames.ARTICLES, map(frames.article_row, rows)), as_arrow)
