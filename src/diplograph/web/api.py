"""The JSON API under /api: articles, events, stories, dyads and relations, actors, search.

Every parameter is validated (codes ``^[A-Z]{3}$``, ISO dates, PLOVER types,
bounded paging); a bad one is answered with 422 and the reason. Lists come
as ``{"total", "limit", "offset", "items"}``. The one write endpoint,
``POST /api/articles``, needs ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse

from diplograph.store.web_articles import (
    article_detail,
    list_articles,
    raw_input,
    search_articles,
    stories_page,
)
from diplograph.store.web_queries import EventFilter, get_event, iter_events, list_events
from diplograph.web import ingest as web_ingest
from diplograph.web import service
from diplograph.web.params import (
    ARTICLE_ID,
    CODE,
    FACET,
    OUTLET,
    STORY_ID,
    CodeQuery,
    DateQuery,
    Limit,
    Offset,
    event_filter,
)
from diplograph.web.worldmap import DEFAULT_FACET, map_json

router = APIRouter(prefix="/api", tags=["api"])

CodePath = Annotated[str, Path(pattern=CODE, description="Actor code, e.g. ISR")]
ArticleId = Annotated[str, Path(pattern=ARTICLE_ID)]


def _page(total: int, limit: int, offset: int, items: list[Any], *, exact: bool = True) -> Any:
    body = {"total": total, "limit": limit, "offset": offset, "items": items}
    if not exact:
        body["total_exact"] = False  # counting stopped early: at least ``total`` match
    return fast_json(body)


def fast_json(content: Any) -> JSONResponse:
    """A JSON response written with ``json.dumps`` directly.

    The content is already plain JSON types; skipping FastAPI's per-value
    encoder saves tens of milliseconds on big timelines.
    """
    return JSONResponse(content)


def _db(request: Request):
    return request.app.state.db


@router.get("", summary="This index: every API endpoint and where the schema is")
def api_index(request: Request) -> dict[str, Any]:
    """The endpoints under /api (method, path, summary) and the OpenAPI schema's address."""
    paths = request.app.openapi().get("paths", {})
    endpoints = [{"method": method.upper(), "path": path, "summary": op.get("summary", "")}
                 for path, ops in paths.items() if path.startswith("/api")
                 for method, op in ops.items()]  # fmt: skip
    return {"name": request.app.title, "version": request.app.version,
            "openapi": request.app.openapi_url, "guide": "docs/web.md",
            "endpoints": endpoints}  # fmt: skip


@router.get("/articles", summary="List articles, newest first")
def api_articles(
    request: Request, outlet: Annotated[str | None, Query(pattern=OUTLET)] = None,
    since: DateQuery = None, until: DateQuery = None,
    story: Annotated[str | None, Query(pattern=STORY_ID)] = None,
    limit: Limit = 50, offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    """Articles without their text; filter by outlet, publication dates or story."""
    page = list_articles(_db(request), outlet=outlet, since=_iso(since), until=_iso(until),
                         story_id=story, limit=limit, offset=offset)  # fmt: skip
    return _page(page.total, limit, offset, page.items)


@router.get("/articles/{article_id}", summary="One article with its evidence")
def api_article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    """The clean text, metadata, sentences, mentions, events, citations, terms and claims."""
    art = article_detail(_db(request), article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id}")
    return fast_json(art)


@router.get("/articles/{article_id}/raw", response_class=PlainTextResponse,
            summary="The raw input an article was read from")  # fmt: skip
def api_article_raw(request: Request, article_id: ArticleId) -> PlainTextResponse:
    """The exact bytes that were read, always as text/plain (never rendered as HTML)."""
    return raw_response(request, article_id)


def raw_response(request: Request, article_id: str) -> PlainTextResponse:
    """A text/plain response with an article's raw input (404 when unknown)."""
    found = raw_input(_db(request), article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    media_type, content = found
    return PlainTextResponse(
        content.decode("utf-8", errors="replace"),
        headers={"X-Raw-Media-Type": media_type, "Content-Disposition": "inline"},
    )


@router.post("/articles", status_code=201, summary="Ingest one article (needs the token)",
             openapi_extra=web_ingest.OPENAPI_BODY)  # fmt: skip
async def api_ingest(request: Request) -> dict[str, Any]:
    """Ingest one article given as JSON {url, title, outlet, published, text} or as raw HTML."""
    web_ingest.check_token(request)
    raw = await web_ingest.raw_from_request(request)
    return await web_ingest.ingest_one(request.app, raw)


@router.get("/events", summary="Events with filters, sorting and paging")
def api_events(
    request: Request, f: Annotated[EventFilter, Depends(event_filter)],
    limit: Limit = 50, offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    """PLOVER events; filter by actor, recipient, party, dyad, type, modality, outlet, dates."""
    page = list_events(_db(request), f, limit=limit, offset=offset)
    return _page(page.total, limit, offset, page.items, exact=page.exact)


CSV_COLUMNS = ("id", "date", "event", "modality", "actor", "recipient", "mediator", "outlet",
               "cited", "article_id", "sentence", "confidence", "text")  # fmt: skip


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run: text starting with = + - @ gets a quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_rows(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    """The events as CSV text, header first (codes joined with ';')."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    for ev in events:
        row = [
            ev["id"], ev["date"], ev["event"], ev["modality"],
            ";".join(p["code"] for p in ev["actor"]), ";".join(p["code"] for p in ev["recipient"]),
            ";".join(p["code"] for p in ev["mediator"]), ev["outlet"],
            ";".join(ev["attribution"].get("cited", [])), ev["article_id"], ev["sentence"],
            ev["confidence"], ev["text"],
        ]  # fmt: skip
        writer.writerow([csv_cell(v) for v in row])
        if buf.tell() > 65536:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


@router.get("/events.csv", response_class=StreamingResponse, summary="Events as CSV")
def api_events_csv(
    request: Request, f: Annotated[EventFilter, Depends(event_filter)]
) -> StreamingResponse:
    """Every event matching the same filters as /api/events, as a CSV download."""
    return StreamingResponse(
        csv_rows(iter_events(_db(request), f)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.csv"'},
    )


@router.get("/events/{event_id}", summary="One event")
def api_event(
    request: Request, event_id: Annotated[str, Path(pattern=r"^[0-9A-Za-z_-]{1,64}$")]
) -> dict[str, Any]:
    """One event with its article's title and URL."""
    ev = get_event(_db(request), event_id)
    if ev is None:
        raise HTTPException(404, f"no event {event_id}")
    return ev


@router.get("/stories", summary="Stories, newest first")
def api_stories(request: Request, actor: CodeQuery = None, limit: Limit = 50,
                offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    """Stories with their article and outlet counts; filter by an actor code."""
    page = stories_page(_db(request), actor=actor, limit=limit, offset=offset)
    return _page(page.total, limit, offset, page.items)


@router.get("/stories/{story_id}", summary="One story with its articles")
def api_story(request: Request,
              story_id: Annotated[str, Path(pattern=STORY_ID)]) -> dict[str, Any]:  # fmt: skip
    """A story: its articles side by side, outlets and independent sources."""
    story = service.story(_db(request), story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id}")
    return story


@router.get("/dyads", summary="Dyads by event volume")
def api_dyads(request: Request, actor: CodeQuery = None, limit: Limit = 100,
              offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    """Every pair of actors with events, busiest first; filter by one member."""
    rows = service.dyads(request.app.state.cache, _db(request))
    if actor:
        rows = [r for r in rows if actor in (r["a"], r["b"])]
    return _page(len(rows), limit, offset, rows[offset : offset + limit])


@router.get("/dyads/{a}/{b}/timeline", summary="A dyad's events per month and state changes")
def api_dyad_timeline(request: Request, a: CodePath, b: CodePath, since: DateQuery = None,
                      until: DateQuery = None) -> dict[str, Any]:  # fmt: skip
    """Events per month, facet timelines with their claims and conflicts."""
    if a == b:
        raise HTTPException(422, "a dyad needs two different codes")
    return fast_json(service.dyad_timeline(_db(request), a, b, since=_iso(since),
                                           until=_iso(until)))  # fmt: skip


@router.get("/dyads/{a}/{b}/relations", summary="A dyad's relationship as of a date")
def api_relations(
    request: Request, a: CodePath, b: CodePath,
    as_of: Annotated[date | None, Query(description="YYYY-MM-DD; default today")] = None,
) -> dict[str, Any]:  # fmt: skip
    """Every facet's value as of ``as_of`` with the claims behind it (SPEC §5 objects)."""
    if a == b:
        raise HTTPException(422, "a dyad needs two different codes")
    day = as_of or date.today()
    x, y = sorted((a, b))
    return {
        "a": x,
        "b": y,
        "as_of": day.isoformat(),
        "relations": service.relations(_db(request), x, y, day),
    }


@router.get("/map/{code}", summary="One country's relations with every partner, for the map")
def api_map(
    request: Request, code: CodePath,
    facet: Annotated[str, Query(pattern=FACET, description="A facet (SPEC §4)")] = DEFAULT_FACET,
    as_of: Annotated[date | None, Query(description="YYYY-MM-DD; default today")] = None,
) -> dict[str, Any]:  # fmt: skip
    """Every partner's value of ``facet`` as of ``as_of``, its claims, and its value steps."""
    data = service.world_map(request.app.state.cache, _db(request), code, facet,
                             as_of or date.today())  # fmt: skip
    return fast_json(map_json(data))


@router.get("/network", summary="The overview network")
def api_network(request: Request) -> dict[str, Any]:
    """Nodes with positions and edges with volumes and diplomatic-ties steps."""
    return service.network(request.app.state.cache, _db(request))


@router.get("/actors", summary="Actors by event volume")
def api_actors(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Actor codes found in events and mentions, with counts per role."""
    rows = service.actors(request.app.state.cache, _db(request))
    return _page(len(rows), limit, offset, rows[offset : offset + limit])


@router.get("/actors/{code}", summary="One actor")
def api_actor(request: Request, code: CodePath) -> dict[str, Any]:
    """Counts, top partners and, where the registry knows the code, its names and office holders."""
    found = service.actor(request.app.state.cache, _db(request), code)
    if found is None:
        raise HTTPException(404, f"no actor {code} in the store or the registry")
    return found


@router.get("/search", summary="Full-text search over articles")
def api_search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
               limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    """Articles containing every word of ``q``; snippets mark matches with <mark>…</mark>.

    The snippet text is HTML-escaped before the marks are added.
    """
    page = search_articles(_db(request), q, limit=limit, offset=offset)
    items = [dict(item, snippet=str(service.snippet_html(item["snippet"]))) for item in page.items]
    return _page(page.total, limit, offset, items)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
