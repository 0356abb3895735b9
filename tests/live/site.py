"""A web server of the test's own on a loopback port: pages, feeds, and misbehaving answers.

Routes map a path to a function of the request that returns (status, headers, body);
a route may sleep to play a slow server. Every request is logged with its headers.
Nothing here listens beyond 127.0.0.1, and no test asks any other address.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Answer = tuple[int, dict[str, str], bytes]
Route = Callable[["Request"], Answer]


@dataclass
class Request:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]


@dataclass
class Site:
    """Routes by path (query strings ignored); ``log`` holds every request in order."""

    routes: dict[str, Route] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` on this server."""
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def hits(self, path: str) -> list[Request]:
        """The requests for ``path``."""
        return [r for r in self.log if r.path == path]

    def start(self) -> Site:
        """Serve on a free loopback port in a background thread."""
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                path = self.path.split("?", 1)[0]
                request = Request(path, {k.lower(): v for k, v in self.headers.items()})
                site.log.append(request)
                route = site.routes.get(path)
                status, headers, body = route(request) if route else (404, {}, b"not here")
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Shut the server down."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def static(body: bytes | str, *, ctype: str = "text/html; charset=utf-8", status: int = 200,
           etag: str | None = None, modified: str | None = None) -> Route:  # fmt: skip
    """A route answering ``body``; with validators it answers 304 to a matching conditional GET."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    def answer(request: Request) -> Answer:
        headers = {"Content-Type": ctype}
        if etag:
            headers["ETag"] = etag
        if modified:
            headers["Last-Modified"] = modified
        if (etag and request.headers.get("if-none-match") == etag) or (
            modified and not etag and request.headers.get("if-modified-since") == modified
        ):
            return 304, headers, b""
        return status, headers, data

    return answer


def redirect(target: str, status: int = 301) -> Route:
    """A route that sends the client elsewhere."""
    return lambda _request: (status, {"Location": target}, b"")


def slow(seconds: float, then: Route) -> Route:
    """A route that waits ``seconds`` before answering as ``then``."""

    def answer(request: Request) -> Answer:
        time.sleep(seconds)
        return then(request)

    return answer


def failing_first(times: int, then: Route, status: int = 503) -> Route:
    """A route that fails ``times`` times with ``status``, then answers as ``then``."""
    count = {"n": 0}

    def answer(request: Request) -> Answer:
        count["n"] += 1
        if count["n"] <= times:
            return status, {"Content-Type": "text/plain"}, b"busy, come back later"
        return then(request)

    return answer


def page(title: str, paragraphs: list[str], *, published: str) -> str:
    """An article page as a news site would serve it."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title>"
            f'<meta property="article:published_time" content="{published}">'
            f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}"
            "</article><footer>All rights reserved.</footer></body></html>")  # fmt: skip


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of (title, link, pubDate) items with short summaries."""
    entries = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate>"
                      f"<description>{t}.</description></item>"
                      for t, link, d in items)  # fmt: skip
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://127.0.0.1/</link>{entries}</channel></rss>")
