"""The FastAPI app: JSON API under /api and HTML pages, served by ``diplograph serve``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from diplograph import __version__
from diplograph.store import Database, iter_articles
from pathlib import Path

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def create_app(db: Database, *, token: str | None = None) -> FastAPI:
    """Build the app over an open store. ``token`` guards the write endpoints."""
    app = FastAPI(title="diplograph", version=__version__)
    app.state.db = db
    app.state.token = token

    @app.get("/api/articles")
    def api_articles(limit: int = 50, offset: int = 0) -> list[dict]:
        rows = list(iter_articles(db))
        return [{k: v for k, v in r.items() if k != "text"} for r in rows[offset : offset + limit]]

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> HTMLResponse:
        rows = list(iter_articles(db))
        return TEMPLATES.TemplateResponse(request, "index.html", {"articles": rows})

    return app
