"""``POST /api/articles``: ingest one article through the normal pipeline, behind the token."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from datetime import date
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel, Field, ValidationError, field_validator
from sqlalchemy.exc import SQLAlchemyError

from diplograph.ingest.containers import clean_hint
from diplograph.model import RawInput
from diplograph.store.database import is_busy
from diplograph.web.app import bearer_ok

log = logging.getLogger(__name__)

MAX_BODY = 5_000_000
#: Seconds a client is told to wait when the store is locked by another writer (503).
RETRY_AFTER = 30

OPENAPI_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {
                "type": "object", "required": ["text"],
                "properties": {"url": {"type": "string"}, "title": {"type": "string"},
                               "outlet": {"type": "string"},
                               "published": {"type": "string", "format": "date"},
                               "text": {"type": "string"}},
            }},
            "text/html": {"schema": {"type": "string"},
                          "example": "<html><body><article>…</article></body></html>"},
        },
    },
    "parameters": [{"name": "url", "in": "query", "required": False,
                    "schema": {"type": "string"},
                    "description": "The page's URL, for raw HTML bodies"}],
}  # fmt: skip


class ArticleIn(BaseModel):
    """An article given as JSON."""

    text: str = Field(min_length=1, max_length=MAX_BODY)
    url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://\S+$")
    title: str | None = Field(default=None, max_length=1000)
    outlet: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")

    @field_validator("published")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        """A calendar date that exists: 2021-02-30 and 2021-13 are refused, not dropped."""
        if value is None or len(value) == 4:
            return value
        try:
            date.fromisoformat(value if len(value) == 10 else value + "-01")
        except ValueError as exc:
            raise ValueError(
                f"{value!r} is not a date ({exc}); use YYYY, YYYY-MM or YYYY-MM-DD"
            ) from None
        return value


def check_token(request: Request) -> None:
    """Refuse the write unless a token is configured and the request carries it."""
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "writes are disabled: start `diplograph serve --token …`")
    if not bearer_ok(request, token):
        raise HTTPException(401, "this endpoint needs 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip


def _one_line(value: str | None) -> str | None:
    return clean_hint(value) or None if value else None


def raw_from_json(data: ArticleIn) -> RawInput:
    """A plain-text raw input with SPEC §1.1 header lines, so cleaning reads the metadata."""
    fields = (("URL", data.url), ("Title", data.title), ("Outlet", data.outlet),
              ("Published", data.published))  # fmt: skip
    header = [(k, _one_line(v)) for k, v in fields]
    lines = [f"{k}: {v}" for k, v in header if v]
    body = ("\n".join(lines) + "\n\n" if lines else "") + data.text
    hints = {k.lower(): v for k, v in header if v}
    return RawInput(source="api", content=body.encode("utf-8"), media_type="text/plain",
                    url=data.url, hints=hints)  # fmt: skip


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed ``limit`` bytes.

    A declared ``Content-Length`` over the limit is refused before anything is
    read; a body without one (or lying about it) is read only up to the limit.
    """
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise HTTPException(400, f"Content-Length {declared!r} is not a number of bytes")
        if int(declared) > limit:
            raise HTTPException(413, f"the body ({int(declared):,} bytes) is larger than the "
                                f"limit of {limit:,} bytes")  # fmt: skip
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is larger than the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def raw_from_request(request: Request) -> RawInput:
    """The raw input in a JSON or an HTML request body (422 when it is neither)."""
    body = await read_body(request, MAX_BODY)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        try:
            return raw_from_json(ArticleIn.model_validate(json.loads(body)))
        except RecursionError as exc:  # JSON nested deeper than the parser's stack
            raise HTTPException(422, "the JSON body is nested too deeply") from exc
        except (ValueError, ValidationError) as exc:
            detail = (exc.errors(include_url=False, include_context=False)
                      if isinstance(exc, ValidationError) else str(exc))  # fmt: skip
            raise HTTPException(422, detail) from exc
    if ctype in ("text/html", "application/xhtml+xml"):
        if not body.strip():
            raise HTTPException(422, "the HTML body is empty")
        url = request.query_params.get("url")
        if url and not re.match(r"^https?://\S{1,2000}$", url):
            raise HTTPException(422, "url must be an http(s) URL")
        return RawInput(source="api", content=body, media_type="text/html", url=url)
    raise HTTPException(415, "send application/json {url, title, outlet, published, text} "
                             "or text/html")  # fmt: skip


def _store(app: FastAPI, raw: RawInput) -> dict[str, Any]:
    from diplograph.model import ReadFailure
    from diplograph.pipeline import process_safely
    from diplograph.store import save_article

    outcome = process_safely(raw)
    if isinstance(outcome, ReadFailure):
        raise HTTPException(422, f"the article could not be read: {outcome.reason}")
    db = app.state.db
    with app.state.write_lock:  # one writer at a time
        try:
            result = save_article(db, outcome)
        except SQLAlchemyError as exc:
            if not is_busy(exc):
                raise
            log.info("POST /api/articles: the store is locked by another writer", exc_info=True)
            raise HTTPException(503, "the store is busy: another process holds its write lock "
                                "(an ingest?); nothing was stored, try again later",
                                headers={"Retry-After": str(RETRY_AFTER)}) from exc  # fmt: skip
        _cluster(db)
    app.state.cache.invalidate()
    log.info("ingested %s through the API (stored=%s)", result.article_id, result.stored)
    return {"id": result.article_id, "stored": result.stored, "duplicate_of": result.duplicate_of,
            "url": f"/articles/{result.article_id}"}  # fmt: skip


def _cluster(db: Any) -> None:
    """Place the new article (and any an interrupted ingest left unplaced) in stories.

    The article is stored already; a store locked by another writer only
    delays this: the next ingest or POST places what is left.
    """
    from diplograph.config import load_settings
    from diplograph.stories import assign_stories

    try:
        assign_stories(db, (), load_settings())  # every article in no story, the new one too
    except SQLAlchemyError as exc:
        if not is_busy(exc):
            raise
        log.warning("stories not updated (the store is locked); the next ingest will do it")


async def ingest_one(app: FastAPI, raw: RawInput) -> dict[str, Any]:
    """Process and store ``raw`` off the event loop; return the article id and whether it is new."""
    return await asyncio.to_thread(_store, app, raw)
