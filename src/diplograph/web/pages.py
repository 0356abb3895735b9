"""HTML pages: overview network, world map, dyads, stories, articles, events table, actors, search.

Jinja2 templates with autoescaping; article text reaches them escaped (plain
``{{ }}``) or as Markup built by :mod:`diplograph.web.render`, which escapes
every piece itself. Scripts get their data through :func:`render.script_json`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from diplograph import __version__
from diplograph.errors import DiplographError
from diplograph.model import EVENT_TYPES, MODALITIES
from diplograph.relations.facets import FACETS, end_of_period
from diplograph.store.web_articles import (
    article_detail,
    list_articles,
    search_articles,
    stories_page,
)
from diplograph.store.web_queries import event_outlets, list_events
from diplograph.web import render, service
from diplograph.web.api import raw_response
from diplograph.web.names import actor_names
from diplograph.web.network import state_at
from diplograph.web.params import ARTICLE_ID, CODE, STORY_ID, form_filter, form_int
from diplograph.web.worldmap import DEFAULT_FACET

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.globals.update(version=__version__, script_json=render.script_json, state_at=state_at)
router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


def _page(request: Request, name: str, context: dict[str, Any], *, status: int = 200) -> Response:
    context.setdefault("names", actor_names())
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status)


def _check(value: str, pattern: str, what: str) -> str:
    if not re.match(pattern, value):
        raise HTTPException(404, f"no {what} {value!r}")
    return value


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> Response:
    """The network of actors, edges coloured by diplomatic ties as of the slider's date."""
    db, cache = request.app.state.db, request.app.state.cache
    net = service.network(cache, db)
    stories = stories_page(db, limit=8)
    dyads = service.dyads(cache, db)[:12]
    return _page(request, "overview.html", {
        "net": net, "stories": stories.items, "story_total": stories.total, "dyads": dyads,
        "articles": list_articles(db, limit=1).total, "today": date.today().isoformat(),
    })  # fmt: skip


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> Response:
    """The world map: every country coloured by one facet of its relation with the chosen one."""
    db, cache = request.app.state.db, request.app.state.cache
    codes = service.map_countries(cache, db)
    focus, facet, day, errors = map_params(dict(request.query_params), codes)
    data = service.world_map(cache, db, focus, facet, day) if focus else None
    return _page(request, "map.html", {"m": data, "codes": codes, "errors": errors,
                                       "facets": list(FACETS)},
                 status=400 if errors else 200)  # fmt: skip


def map_params(params: dict[str, str], codes: list[str]) -> tuple[str | None, str, date, list[str]]:
    """The map's country, facet and day from the form; bad values fall back and are reported."""
    errors: list[str] = []
    focus = (params.get("country") or "").strip().upper()
    if focus and not re.match(CODE, focus):
        errors.append(f"country {focus!r} is not an actor code (three letters, e.g. ISR)")
        focus = ""
    facet = params.get("facet") or DEFAULT_FACET
    if facet not in FACETS:
        errors.append(f"facet {facet!r} is not one of {', '.join(FACETS)}")
        facet = DEFAULT_FACET
    day = date.today()
    if params.get("as_of"):
        try:
            day = end_of_period(params["as_of"])
        except (DiplographError, ValueError):
            errors.append(f"as_of {params['as_of']!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return focus or (codes[0] if codes else None), facet, day, errors


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> Response:
    """The events table: filters, sorting, paging and a CSV link with the same filters."""
    params = dict(request.query_params)
    f, accepted, errors = form_filter(params)
    limit = form_int(params, "limit", PAGE_SIZE, low=1, high=500)
    offset = form_int(params, "offset", 0, low=0, high=1_000_000)
    db = request.app.state.db
    page = list_events(db, f, limit=limit, offset=offset)
    query = urlencode(accepted)
    return _page(
        request,
        "events.html",
        {
            "page": page,
            "f": accepted,
            "errors": errors,
            "limit": limit,
            "offset": offset,
            "query": query,
            "types": EVENT_TYPES,
            "modalities": MODALITIES,
            "outlets": request.app.state.cache.get("outlets", lambda: event_outlets(db)),
            "sort_link": lambda col: _sort_link(accepted, col),
            "page_link": lambda off: (
                "?" + urlencode({**accepted, "offset": max(off, 0), "limit": limit})
            ),  # fmt: skip
        },
        status=400 if errors else 200,
    )


def _sort_link(accepted: dict[str, str], col: str) -> str:
    same = accepted.get("sort", "date") == col
    order = "asc" if same and accepted.get("order", "desc") == "desc" else "desc"
    return "?" + urlencode({**accepted, "sort": col, "order": order})


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(request: Request) -> Response:
    """Every dyad by event volume."""
    rows = service.dyads(request.app.state.cache, request.app.state.db)
    return _page(request, "dyads.html", {"dyads": rows[:500], "total": len(rows)})


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str) -> Response:
    """A dyad: events per month, state bands, the claims behind each state, conflicts."""
    a, b = (_check(x.upper(), CODE, "actor code") for x in (a, b))
    if a == b:
        raise HTTPException(404, "a dyad needs two different actor codes")
    data = service.dyad_timeline(request.app.state.db, a, b)
    chart = render.dyad_chart(data["months"], data["facets"])
    titles = data["titles"]

    def rows(facet: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Claims of one facet with their article titles, for _claim.html."""
        return [dict(c, facet=facet, title=titles.get(f"{c['article_id']}/{c['sentence']}"))
                for c in claims]  # fmt: skip

    facets = {f: [dict(seg, claim_rows=rows(f, seg["claims"]),
                       conflict_rows=rows(f, seg["conflicts"])) for seg in segs]
              for f, segs in data["facets"].items()}  # fmt: skip
    return _page(
        request,
        "dyad.html",
        {
            "d": data,
            "chart": chart,
            "facets": facets,
            "total": sum(m["events"] for m in data["months"]),
        },
    )


@router.get("/stories", response_class=HTMLResponse)
def stories_list(request: Request) -> Response:
    """Stories, newest first."""
    offset = form_int(dict(request.query_params), "offset", 0, low=0, high=1_000_000)
    page = stories_page(request.app.state.db, limit=PAGE_SIZE, offset=offset)
    return _page(request, "stories.html", {"page": page, "offset": offset, "limit": PAGE_SIZE})


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> Response:
    """A story: its outlets side by side, loaded terms highlighted, independent sources."""
    _check(story_id, STORY_ID, "story")
    story = service.story(request.app.state.db, story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    for art in story.get("articles", []):
        spans = [render.Span(t["start"], t["end"], "term", f"{t['category']}: {t['term']}")
                 for t in art.get("terms", []) if "start" in t]  # fmt: skip
        art["html"] = render.highlight(art.get("text") or "", spans)
    return _page(request, "story.html", {"story": story})


@router.get("/articles", response_class=HTMLResponse)
def articles_list(request: Request) -> Response:
    """Articles, newest first."""
    offset = form_int(dict(request.query_params), "offset", 0, low=0, high=1_000_000)
    page = list_articles(request.app.state.db, limit=PAGE_SIZE, offset=offset)
    return _page(request, "articles.html", {"page": page, "offset": offset, "limit": PAGE_SIZE})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> Response:
    """An article: clean text with actor mentions, loaded terms and event sentences marked."""
    _check(article_id, ARTICLE_ID, "article")
    art = article_detail(request.app.state.db, article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id!r}")
    anchors = {sent["start"]: f"s{sent['idx']}" for sent in art["sentences"]}
    art["html"] = render.highlight(art["text"], article_spans(art), anchors=anchors)
    return _page(request, "article.html", {"art": art})


def article_spans(art: dict[str, Any]) -> list[render.Span]:
    """The highlight spans of an article page: event sentences, loaded terms, actor mentions."""
    spans = []
    for ev in art["events"]:
        parties = " → ".join("+".join(p["code"] for p in ev[k]) for k in ("actor", "recipient"))
        title = f"{ev['event']} ({ev['modality']}) {parties}"
        spans.append(render.Span(ev["start"], ev["end"], "event", title, ev["event"]))
    for t in art["terms"]:
        spans.append(render.Span(t["start"], t["end"], "term", f"{t['category']}: {t['term']}"))
    for m in art["mentions"]:
        spans.append(render.Span(m["start"], m["end"], "actor",
                                 f"{m['code'] or 'unresolved'} ({m['kind']})"))  # fmt: skip
    return spans


@router.get("/articles/{article_id}/raw", response_class=PlainTextResponse)
def article_raw(request: Request, article_id: str) -> PlainTextResponse:
    """The raw input, as text/plain."""
    return raw_response(request, _check(article_id, ARTICLE_ID, "article"))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> Response:
    """Actors by event volume."""
    rows = service.actors(request.app.state.cache, request.app.state.db)
    return _page(request, "actors.html", {"actors": rows[:500], "total": len(rows)})


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str) -> Response:
    """One actor: counts, partners, registry facts."""
    code = _check(code.upper(), CODE, "actor code")
    found = service.actor(request.app.state.cache, request.app.state.db, code)
    if found is None:
        raise HTTPException(404, f"no actor {code!r} in the store or the registry")
    return _page(request, "actor.html", {"actor": found})


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request) -> Response:
    """Full-text search over articles."""
    params = dict(request.query_params)
    q = (params.get("q") or "").strip()[:200]
    offset = form_int(params, "offset", 0, low=0, high=100_000)
    page = search_articles(request.app.state.db, q, limit=20, offset=offset) if q else None
    items = (
        [dict(i, snippet_html=service.snippet_html(i["snippet"])) for i in page.items]
        if page
        else []
    )
    return _page(
        request,
        "search.html",
        {
            "q": q,
            "page": page,
            "items": items,
            "offset": offset,
            "next": "?" + urlencode({"q": q, "offset": offset + 20}),
        },
    )


def install_error_pages(app: FastAPI) -> None:
    """JSON errors under /api, an HTML page elsewhere."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        """The error as JSON for the API, as a page for people."""
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))  # fmt: skip
        return _page(
            request,
            "error.html",
            {"status": exc.status_code, "detail": exc.detail},
            status=exc.status_code,
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        """A 422 with every invalid parameter and why."""
        errors = exc.errors()
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": _jsonable(errors)}, status_code=422)
        return _page(
            request,
            "error.html",
            {
                "status": 422,
                "detail": "; ".join(
                    f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in errors
                ),
            },
            status=422,
        )


def _jsonable(errors: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(errors)
