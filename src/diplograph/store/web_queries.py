"""Read queries behind the web UI and the REST API: events, dyads, claims, actors.

Every value comes from bound parameters; nothing a user types is pasted into
SQL. The queries are shaped for the indices in ``schema.py``: the dyad
timeline reads only ``ix_event_dyads_ab_date``; the events table drives from
the date index, the dyad index or the party index, whichever is narrower.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, and_, exists, func, or_, select, text

from diplograph.store import schema as s
from diplograph.store.database import Database
from diplograph.store.events import decode_event_row

#: Columns the events table can be sorted by (each has an index with the date).
EVENT_SORTS = ("date", "event", "modality", "outlet")
#: Filters that need row-by-row checks are counted up to this many matches.
COUNT_CAP = 2_000
#: Above this many party rows, a sort other than date starts from the sorted events index.
PARTY_SORT_LIMIT = 20_000


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the events table shows. Codes are actor codes; dates are ISO text."""

    actor: str | None = None
    recipient: str | None = None
    party: str | None = None  # any role
    dyad: tuple[str, str] | None = None  # sorted pair
    event: str | None = None
    modality: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    article_id: str | None = None
    sort: str = "date"
    descending: bool = True

    def party_filters(self) -> list[tuple[str | None, str]]:
        """(role, code) pairs the events must have; role None means any role."""
        pairs: list[tuple[str | None, str]] = []
        if self.actor:
            pairs.append(("actor", self.actor))
        if self.recipient:
            pairs.append(("recipient", self.recipient))
        if self.party:
            pairs.append((None, self.party))
        return pairs


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows and the total number of rows matching the filter."""

    total: int
    items: list[dict[str, Any]]
    exact: bool = True  # False: ``total`` is a lower bound (counting stopped at COUNT_CAP)


def event_json(row: Any) -> dict[str, Any]:
    """An events row as an API object (JSON columns decoded)."""
    return decode_event_row(row._mapping)


def _column_conditions(f: EventFilter) -> list[Any]:
    e = s.events.c
    conds: list[Any] = []
    for col, value in ((e.event, f.event), (e.modality, f.modality), (e.outlet, f.outlet),
                       (e.article_id, f.article_id)):  # fmt: skip
        if value is not None:
            conds.append(col == value)
    return conds


def _date_range(col: Any, f: EventFilter) -> list[Any]:
    conds = []
    if f.since:
        conds.append(col >= f.since)
    if f.until:
        conds.append(col <= f.until + "\uffff")  # the whole day/month/year given
    return conds


def _party_condition(role: str | None, code: str) -> Any:
    p = s.event_parties.c
    cond = and_(p.event_id == s.events.c.id, p.code == code)
    return exists().where(cond if role is None else and_(cond, p.role == role))


@dataclass(frozen=True, slots=True)
class _Plan:
    """Where an events query starts: an index table (dyads, parties) or the events themselves.

    ``index_where`` is served by the index table's own index (codes and dates);
    ``rest`` is checked row by row on the events joined to it.
    """

    index_table: Any
    index_where: list[Any]
    date: Any
    count: Any  # the count expression over index_table alone
    join: Any  # FROM clause: index_table joined to events (or events)
    extra: list[Any]  # conditions the join needs beyond index_where (de-duplication)
    rest: list[Any]
    distinct: bool = False  # count distinct events: a code may hold two roles in one event


def _plan(conn: Connection, f: EventFilter) -> _Plan:
    e = s.events
    rest = _column_conditions(f)
    parties = f.party_filters()
    if f.dyad:
        d = s.event_dyads.c
        where = [d.a == f.dyad[0], d.b == f.dyad[1], *_date_range(d.date, f)]
        rest += [_party_condition(r, c) for r, c in parties]
        return _Plan(s.event_dyads, where, d.date, func.count(),
                     s.event_dyads.join(e, e.c.id == d.event_id), [], rest)  # fmt: skip
    if parties:
        if len(parties) > 1:  # start from the party with the fewest events
            parties = sorted(parties, key=lambda rc: _party_count(conn, rc[0], rc[1], f))
        (role, code), others = parties[0], parties[1:]
        rest += [_party_condition(r, c) for r, c in others]
        p = s.event_parties.alias("p")
        where = [p.c.code == code, *_date_range(p.c.date, f)]
        extra: list[Any] = []
        if role is not None:
            where.append(p.c.role == role)
        else:  # one row per event even when the code holds two roles in it
            p2 = s.event_parties.alias("p2")
            extra.append(~exists().where(p2.c.event_id == p.c.event_id, p2.c.code == p.c.code,
                                         p2.c.role < p.c.role))  # fmt: skip
        return _Plan(p, where, p.c.date, func.count(), p.join(e, e.c.id == p.c.event_id), extra,
                     rest, distinct=role is None)  # fmt: skip
    # One column filter and the dates are answered by that column's (x, date) index.
    served = [c for c in rest if c.left.name in ("event", "modality", "outlet")][:1]
    rest = [c for c in rest if c not in served]
    return _Plan(e, served + _date_range(e.c.date, f), e.c.date, func.count(), e, [], rest)


def _events_plan(f: EventFilter) -> _Plan:
    """Start from the events table, every filter checked row by row (for non-date sorts)."""
    e = s.events
    rest = _column_conditions(f) + [_party_condition(r, c) for r, c in f.party_filters()]
    if f.dyad:
        d = s.event_dyads.c
        rest.append(exists().where(d.event_id == e.c.id, d.a == f.dyad[0], d.b == f.dyad[1]))
    return _Plan(e, _date_range(e.c.date, f), e.c.date, func.count(), e, [], rest)


def _party_count(conn: Connection, role: str | None, code: str, f: EventFilter) -> int:
    """Party rows of ``code`` (an upper bound of its events), to pick the rarest party."""
    p = s.event_parties.c
    q = select(func.count()).where(p.code == code, *_date_range(p.date, f))
    if role is not None:
        q = q.where(p.role == role)
    return conn.execute(q).scalar_one()


def count_events(conn: Connection, f: EventFilter) -> tuple[int, bool]:
    """How many events match ``f`` and whether that is exact.

    From the narrowest index alone when it answers; otherwise rows are checked
    one by one and counting stops after :data:`COUNT_CAP` matches.
    """
    plan = _plan(conn, f)
    if not plan.rest and plan.distinct:
        # An event's party rows share its date, so (date, event_id) is distinct per event and
        # follows the (code, date, event_id) index order: no temporary b-tree.
        t = plan.index_table.c
        inner = select(t.date, t.event_id).where(*plan.index_where).distinct().subquery()
        q = select(func.count()).select_from(inner)
    elif not plan.rest:
        q = select(plan.count).select_from(plan.index_table).where(*plan.index_where)
    else:
        inner = select(s.events.c.id).select_from(plan.join)
        inner = inner.where(*plan.index_where, *plan.extra, *plan.rest).limit(COUNT_CAP + 1)
        n = conn.execute(select(func.count()).select_from(inner.subquery())).scalar_one()
        return min(n, COUNT_CAP), n <= COUNT_CAP
    return conn.execute(q).scalar_one(), True


def _order(f: EventFilter, date_col: Any) -> list[Any]:
    col = date_col if f.sort == "date" else s.events.c[f.sort if f.sort in EVENT_SORTS else "date"]
    if f.descending:
        return [col.desc().nulls_last(), s.events.c.id.desc()]
    return [col.asc().nulls_last(), s.events.c.id.asc()]


def _page_query(conn: Connection, f: EventFilter) -> Select:
    plan = _plan(conn, f)
    if f.sort != "date" and plan.index_table is not s.events and _big(conn, plan):
        plan = _events_plan(f)  # reading the sorted index beats sorting a huge party
    q = select(s.events).select_from(plan.join)
    q = q.where(*plan.index_where, *plan.extra, *plan.rest)
    return q.order_by(*_order(f, plan.date))


def _big(conn: Connection, plan: _Plan) -> bool:
    q = select(plan.index_table.c.event_id).where(*plan.index_where).limit(PARTY_SORT_LIMIT + 1)
    return conn.execute(select(func.count()).select_from(q.subquery())).scalar_one() > (
        PARTY_SORT_LIMIT
    )


def list_events(db: Database, f: EventFilter, *, limit: int, offset: int) -> Page:
    """One page of events matching ``f`` with the total count (see :func:`count_events`)."""
    with db.connect() as conn:
        total, exact = count_events(conn, f)
        rows = conn.execute(_page_query(conn, f).limit(limit).offset(offset)).all()
    return Page(total, [event_json(r) for r in rows], exact)


def iter_events(db: Database, f: EventFilter, *, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """Every event matching ``f``, in the filter's order (for CSV downloads)."""
    with db.connect() as conn:
        result = conn.execution_options(yield_per=batch).execute(_page_query(conn, f))
        for row in result:
            yield event_json(row)


def get_event(db: Database, event_id: str) -> dict[str, Any] | None:
    """One event with its article's title and outlet, or None."""
    a = s.articles.c
    q = (
        select(s.events, a.title.label("article_title"), a.url.label("article_url"))
        .join(s.articles, a.id == s.events.c.article_id)
        .where(s.events.c.id == event_id)
    )
    with db.connect() as conn:
        row = conn.execute(q).first()
    return event_json(row) if row else None


#: One index range count per month, all inside SQLite: no row per event or per day
#: reaches Python. ``lo``/``hi`` bound the days; months run from ``first`` to ``last``.
_MONTHS_SQL = text("""
WITH RECURSIVE months(m) AS (
  SELECT :first UNION ALL
  SELECT strftime('%Y-%m', m || '-01', '+1 month') FROM months WHERE m < :last
)
SELECT m, (SELECT count(*) FROM event_dyads
           WHERE a = :a AND b = :b AND date >= max(m, :lo) AND date < m || '~' AND date <= :hi)
FROM months
""")


def dyad_months(
    db: Database, a: str, b: str, *, since: str | None = None, until: str | None = None
) -> list[tuple[str, int]]:
    """Events per month for the dyad (a < b), read from the dyad index alone.

    Dates with only a year are left out. On SQLite each month is one range
    count on the index; elsewhere the days are grouped and summed here.
    """
    if not db.is_sqlite:
        return _dyad_months_grouped(db, a, b, since=since, until=until)
    with db.connect() as conn:
        first, last = _edge_month(conn, a, b, last=False), _edge_month(conn, a, b, last=True)
        if first is None or last is None:
            return []
        first = max(first, since[:7]) if since else first
        last = min(last, until[:7]) if until else last
        if first > last:
            return []
        params = {"first": first, "last": last, "a": a, "b": b, "lo": since or "",
                  "hi": (until or "9999") + "\uffff"}  # fmt: skip
        return [(m, n) for m, n in conn.execute(_MONTHS_SQL, params) if n]


def _edge_month(conn: Connection, a: str, b: str, *, last: bool) -> str | None:
    """The first (or last) month with a dated event, walking the index from that end."""
    d = s.event_dyads.c
    q = select(d.date).where(d.a == a, d.b == b, func.length(d.date) >= 7)
    q = q.order_by(d.date.desc() if last else d.date.asc()).limit(1)
    day = conn.execute(q).scalar()
    return day[:7] if day else None


def _dyad_months_grouped(
    db: Database, a: str, b: str, *, since: str | None = None, until: str | None = None
) -> list[tuple[str, int]]:
    d = s.event_dyads.c
    q = select(d.date, func.count()).where(d.a == a, d.b == b, d.date.is_not(None))
    if since:
        q = q.where(d.date >= since)
    if until:
        q = q.where(d.date <= until + "\uffff")
    months: dict[str, int] = {}
    with db.connect() as conn:
        for day, n in conn.execute(q.group_by(d.date)):
            if len(day) >= 7:
                months[day[:7]] = months.get(day[:7], 0) + n
    return sorted(months.items())


def dyad_event_types(db: Database, a: str, b: str, *, sample: int = 2000) -> list[tuple[str, int]]:
    """Event counts by type for the dyad (over its latest ``sample`` events at most)."""
    d = s.event_dyads.c
    ids = (
        select(d.event_id).where(d.a == a, d.b == b)
        .order_by(d.date.desc()).limit(sample).scalar_subquery()
    )  # fmt: skip
    e = s.events.c
    q = select(e.event, func.count()).where(e.id.in_(ids)).group_by(e.event)
    with db.connect() as conn:
        rows = conn.execute(q.order_by(func.count().desc())).all()
    return [(t, n) for t, n in rows]


def claims_for(
    db: Database,
    *,
    a: str | None = None,
    b: str | None = None,
    facet: str | None = None,
    limit: int = 5000,
) -> list[dict[str, Any]]:
    """Facet claims (of a dyad, or of every dyad) with the outlet and title of their article."""
    c, art = s.claims.c, s.articles.c
    q = select(
        c.id, c.a, c.b, c.facet, c.value, c.modality, c.valid_from, c.valid_from_precision,
        c.asserted_on, c.sentence, c.text, c.event_id, c.article_id, c.kind,
        art.outlet, art.title, art.url, art.published, art.story_id,
    ).join(s.articles, art.id == c.article_id)  # fmt: skip
    if a and b:
        q = q.where(c.a == a, c.b == b)
    elif a:
        q = q.where(or_(c.a == a, c.b == a))
    if facet:
        q = q.where(c.facet == facet)
    q = q.order_by(c.a, c.b, c.facet, c.valid_from, c.asserted_on, c.id).limit(limit)
    with db.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def dyad_volumes(db: Database) -> list[dict[str, Any]]:
    """Every dyad with its event count and first and last event date."""
    d = s.event_dyads.c
    q = (
        select(d.a, d.b, func.count().label("events"), func.min(d.date).label("first"),
               func.max(d.date).label("last"))
        .group_by(d.a, d.b).order_by(func.count().desc(), d.a, d.b)
    )  # fmt: skip
    with db.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def actor_volumes(db: Database) -> list[dict[str, Any]]:
    """Every actor code with its events as actor, recipient and mediator, and its mentions."""
    p, m = s.event_parties.c, s.mentions.c
    with db.connect() as conn:
        roles = conn.execute(select(p.code, p.role, func.count()).group_by(p.code, p.role)).all()
        mentions = conn.execute(
            select(m.code, func.count()).where(m.code.is_not(None)).group_by(m.code)
        ).all()
    out: dict[str, dict[str, Any]] = {}
    for code, role, n in roles:
        out.setdefault(code, {"code": code, "actor": 0, "recipient": 0, "mediator": 0,
                              "mentions": 0})[role] = n  # fmt: skip
    for code, n in mentions:
        out.setdefault(code, {"code": code, "actor": 0, "recipient": 0, "mediator": 0,
                              "mentions": 0})["mentions"] = n  # fmt: skip
    return sorted(out.values(), key=lambda r: (-(r["actor"] + r["recipient"]), r["code"]))


def store_fingerprint(db: Database) -> tuple[int, ...]:
    """Cheap numbers that change whenever articles, mentions or claims are written."""
    with db.connect() as conn:
        queries = (
            select(func.count()).select_from(s.articles),
            select(func.max(s.mentions.c.id)),
            select(func.max(s.claims.c.id)),
            select(func.max(s.citations.c.id)),
        )
        return tuple(conn.execute(q).scalar() or 0 for q in queries)


def event_outlets(db: Database, *, limit: int = 200) -> list[str]:
    """Outlets that have events, most frequent first (for the events-table filter)."""
    a = s.articles.c
    q = (
        select(a.outlet).where(a.outlet.is_not(None)).group_by(a.outlet)
        .order_by(func.count().desc(), a.outlet).limit(limit)
    )  # fmt: skip
    with db.connect() as conn:
        return list(conn.execute(q).scalars())
