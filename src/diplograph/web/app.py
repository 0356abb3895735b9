"""The FastAPI app: JSON API under /api and HTML pages, served by ``diplograph serve``.

One app, one open store. Everything the pages need (scripts, styles) is served
from ``static/``; nothing is fetched from elsewhere, so the UI works offline. A
Content-Security-Policy allows only the app's own scripts and styles.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import threading
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from diplograph import __version__
from diplograph.store import Database
from diplograph.web.cache import StoreCache

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def is_loopback(host: str | None) -> bool:
    """True when ``host`` is a loopback address (127.0.0.0/8, ::1) or ``localhost``."""
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bearer_ok(request: Request, token: str | None) -> bool:
    """True when ``request`` carries ``Authorization: Bearer <token>`` for the configured token."""
    if not token:
        return False
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), token.encode()
    )


class SecurityMiddleware(BaseHTTPMiddleware):
    """Security headers on every response; reads from other hosts need the token when set."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        """Refuse remote reads without the token (when one is set), then add the headers."""
        token = request.app.state.token
        client = request.client.host if request.client else None
        if token and not is_loopback(client) and not bearer_ok(request, token):
            response: Response = JSONResponse(
                {"detail": "reads from other hosts need 'Authorization: Bearer <token>'"},
                status_code=401,
            )
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


class HeadAsGet:
    """Answer HEAD wherever GET is answered: the GET's status and headers, without the body.

    FastAPI routes declare GET only, so HEAD would get 405; HTTP says a HEAD
    must get what a GET gets, less the body (link checkers and caches send it).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run a HEAD request as a GET and drop the body it sends."""
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def warm_up(app: FastAPI) -> None:
    """Load the actor registry and compute the store-wide aggregates the pages show."""
    from diplograph.store.web_queries import event_outlets
    from diplograph.web import service
    from diplograph.web.names import actor_names

    db, cache = app.state.db, app.state.cache
    try:
        import diplograph.framing.compare  # noqa: F401  (the story page's comparison, slow to load)

        actor_names()
        service.network(cache, db)
        service.actors(cache, db)
        cache.get("outlets", lambda: event_outlets(db))
    except Exception:  # a failed warm-up only means the first page computes it again
        log.warning("warming the page caches failed", exc_info=True)


def create_app(db: Database, *, token: str | None = None, warm: bool = False) -> FastAPI:
    """Build the app over an open store. ``token`` guards the write endpoints.

    Without a token, write endpoints refuse every request. Reads are open to
    loopback clients; other clients need the token when one is configured.
    ``warm`` computes the overview's aggregates in a background thread at once,
    so the first visitor of a big store does not wait for them.
    """
    from diplograph.web.api import router as api_router
    from diplograph.web.pages import install_error_pages
    from diplograph.web.pages import router as page_router

    app = FastAPI(
        title="diplograph", version=__version__, docs_url=None, redoc_url=None,
        description="Events, stories and dyad relations extracted from news articles, "
        "each value traced to the sentences and outlets that assert it.",
    )  # fmt: skip
    app.state.db = db
    app.state.token = token or None
    app.state.cache = StoreCache(db)
    app.state.write_lock = threading.Lock()
    app.add_middleware(SecurityMiddleware)
    app.add_middleware(HeadAsGet)  # outermost: HEAD is a GET from here on in
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(api_router)
    app.include_router(page_router)
    install_error_pages(app)
    if warm:
        threading.Thread(
            target=warm_up, args=(app,), name="diplograph-warm-up", daemon=True
        ).start()
    return app
