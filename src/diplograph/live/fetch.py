"""Polite HTTP fetching with httpx: timeouts, retries with back-off, robots.txt, validators.

:class:`Fetcher` asks each host's robots.txt before anything else (RFC 9309: a
missing one allows all, an unreachable one allows nothing), waits between
requests to one host (the larger of the configured delay and the site's
Crawl-delay), follows redirects itself so that every hop is checked against
robots.txt, retries timeouts, dropped connections, 429 and 5xx answers with
exponential back-off (honouring Retry-After), sends If-None-Match and
If-Modified-Since when it has validators, and refuses bodies over the size limit.
Every failure is a :class:`FetchError` whose message names the URL's problem.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from diplograph.config import Settings
from diplograph.errors import InputError
from diplograph.live import is_url

log = logging.getLogger(__name__)

#: Answers worth asking again after a pause.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: The longest pause a server's Retry-After or Crawl-delay can impose (s).
MAX_WAIT = 60.0
#: The name robots.txt rules are matched against.
ROBOTS_NAME = "diplograph"


class FetchError(InputError):
    """A URL that could not be fetched; ``reason`` says why and what to do."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(url, reason)
        self.url = url


@dataclass(frozen=True, slots=True)
class Fetched:
    """One answer: the body (empty when not modified) and what to remember about it."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        """True when the server said nothing changed since the validators we sent."""
        return self.status == 304

    def state(self) -> dict[str, object]:
        """The row ``store.fetched.save_fetch_states`` remembers."""
        return {"url": self.url, "final_url": self.final_url, "etag": self.etag,
                "last_modified": self.last_modified, "status": self.status,
                "content_type": self.content_type}  # fmt: skip


class Fetcher:
    """An httpx client with the manners above. Use as a context manager, or call close()."""

    def __init__(self, settings: Settings, *, transport: httpx.BaseTransport | None = None,
                 sleep=time.sleep) -> None:  # fmt: skip
        self.settings = settings
        self.client = httpx.Client(headers={"User-Agent": settings.user_agent},
                                   timeout=httpx.Timeout(settings.fetch_timeout),
                                   follow_redirects=False, transport=transport)  # fmt: skip
        self._sleep = sleep
        self._robots: dict[str, RobotFileParser] = {}
        self._last: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self.client.close()

    def get(self, url: str, *, etag: str | None = None,
            last_modified: str | None = None) -> Fetched:  # fmt: skip
        """Fetch ``url`` (conditionally when validators are given); raise FetchError."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            self._check_robots(url, current)
            response, body = self._request(url, current, headers)
            if response.status_code in REDIRECTS:
                target = response.headers.get("location")
                if not target:
                    raise FetchError(url, f"redirect {response.status_code} with no Location")
                current = urljoin(current, target)
                if not is_url(current):
                    raise FetchError(url, f"redirected to {current!r}, which is not http(s)")
                continue
            if response.status_code == 304 or response.is_success:
                return Fetched(url, current, response.status_code, body,
                               response.headers.get("content-type", ""),
                               response.headers.get("etag") or etag,
                               response.headers.get("last-modified") or last_modified)  # fmt: skip
            raise FetchError(url, _status_reason(response, current))
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects (a redirect loop?)")

    def _request(self, url: str, target: str,
                 headers: dict[str, str]) -> tuple[httpx.Response, bytes]:  # fmt: skip
        """One GET with retries; the body is read inside the retry (a slow body is retried)."""
        tries = self.settings.fetch_retries + 1
        problem = ""
        for attempt in range(tries):
            self._wait_for_host(target)
            try:
                with self.client.stream("GET", target, headers=headers) as response:
                    if response.status_code not in RETRY_STATUSES:
                        return response, self._body(url, response)
                    problem = _status_reason(response, target)
                    pause = _retry_after(response)
            except httpx.TimeoutException as exc:
                limit = self.settings.fetch_timeout
                problem = f"timed out ({type(exc).__name__}, limit {limit:g} s)"
                pause = None
            except httpx.TransportError as exc:
                problem = f"connection failed ({type(exc).__name__}: {exc})"
                pause = None
            if attempt + 1 < tries:
                wait = pause if pause is not None else self.settings.fetch_backoff * 2**attempt
                log.info("%s: %s; trying again in %.1f s", target, problem, wait)
                self._sleep(min(wait, MAX_WAIT))
        raise FetchError(url, f"{problem} after {tries} tries; try again later")

    def _body(self, url: str, response: httpx.Response) -> bytes:
        limit = self.settings.max_input_bytes
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"larger than {limit:,} bytes; raise --max-input-bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for_host(self, target: str) -> None:
        host = _origin(target)
        gap = self.settings.fetch_delay
        robots = self._robots.get(host)
        if robots is not None:
            gap = max(gap, min(float(robots.crawl_delay(ROBOTS_NAME) or 0), MAX_WAIT))
        last = self._last.get(host)
        if last is not None and gap > 0:
            left = gap - (time.monotonic() - last)
            if left > 0:
                self._sleep(left)
        self._last[host] = time.monotonic()

    def _check_robots(self, url: str, target: str) -> None:
        origin = _origin(target)
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(url, origin)
        if not self._robots[origin].can_fetch(ROBOTS_NAME, target):
            raise FetchError(url, f"{origin}/robots.txt does not allow fetching {target}")

    def _read_robots(self, url: str, origin: str) -> RobotFileParser:
        parser = RobotFileParser(origin + "/robots.txt")
        try:
            response, body = self._request(url, origin + "/robots.txt", {})
            for _ in range(MAX_REDIRECTS):
                if response.status_code not in REDIRECTS or "location" not in response.headers:
                    break
                target = urljoin(origin + "/robots.txt", response.headers["location"])
                response, body = self._request(url, target, {})
        except FetchError as exc:
            raise FetchError(url, f"{origin}/robots.txt could not be read ({exc.reason}), so "
                                  "nothing on the site is fetched; try again later") from exc
        if response.is_success:
            parser.parse(body.decode("utf-8", "replace").splitlines())
        elif 400 <= response.status_code < 500:
            parser.parse([])  # RFC 9309: no robots.txt, no restrictions
        else:
            raise FetchError(url, f"{origin}/robots.txt answered {response.status_code}, so "
                                  "nothing on the site is fetched; try again later")
        parser.modified()
        return parser


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _status_reason(response: httpx.Response, target: str) -> str:
    where = "" if str(response.url) == target else f" at {target}"
    return f"HTTP {response.status_code} {response.reason_phrase}{where}".rstrip()


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), if any."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
