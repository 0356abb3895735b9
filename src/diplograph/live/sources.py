"""http(s) URLs as ingest inputs: a page becomes one record, a feed one record per new item.

A feed's items are fetched from their links (the page, not the feed's summary),
except items whose article the store already holds: polling a feed again asks
the server for the feed with its remembered ETag / Last-Modified (a 304 costs
one request and nothing else) and fetches only the pages it has not stored.

Validators are remembered only once everything they cover went in: a feed's
after all its new items were stored, a page's after it was. When an item
fails (a timeout, a 503), the feed is asked for in full next time and the item
tried again, so nothing is skipped for good because one poll went wrong.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from diplograph.config import Settings
from diplograph.ingest.containers import read_feed
from diplograph.ingest.sniff import detect_format
from diplograph.live.fetch import Fetched, Fetcher, FetchError
from diplograph.model import RawInput, ReadFailure
from diplograph.store import Database
from diplograph.store.fetched import fetch_state, save_fetch_states, stored_url

log = logging.getLogger(__name__)

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
SNIFF_BYTES = 65_536


@dataclass(slots=True)
class _Pending:
    """Validators to remember once every source in ``covers`` was stored."""

    states: list[dict[str, Any]]
    covers: set[str] = field(default_factory=set)


class WebInputs:
    """Records for the ingest from http(s) URLs; :meth:`finish` remembers what went in.

    ``unchanged`` counts URLs the server said were not modified and feed items
    already stored, neither of which was fetched again.
    """

    def __init__(self, db: Database, settings: Settings, *, fetcher: Fetcher | None = None):
        self.db = db
        self.fetcher = fetcher or Fetcher(settings)
        self.unchanged = 0
        self._pending: list[_Pending] = []

    def records(self, urls: Iterable[str]) -> Iterator[RawInput | ReadFailure]:
        """Every record of every URL, in order; a URL that fails is one ReadFailure."""
        for url in urls:
            yield from self._url(url)

    def finish(self, failures: Iterable[ReadFailure]) -> None:
        """Remember validators of the URLs whose records were all stored; close the client."""
        failed = {f.source for f in failures}
        done = [p for p in self._pending if not p.covers & failed]
        save_fetch_states(self.db, [state for p in done for state in p.states])
        self.close()

    def close(self) -> None:
        """Close the HTTP client (without remembering anything)."""
        self.fetcher.close()

    def _get(self, url: str) -> Fetched:
        known = fetch_state(self.db, url)
        etag = known.get("etag") if known else None
        modified = known.get("last_modified") if known else None
        return self.fetcher.get(url, etag=etag, last_modified=modified)

    def _url(self, url: str) -> Iterator[RawInput | ReadFailure]:
        try:
            got = self._get(url)
        except FetchError as exc:
            yield ReadFailure(url, exc.reason)
            return
        if got.not_modified:
            self.unchanged += 1
            self._pending.append(_Pending([got.state()]))
            return
        if detect_format(_name(got.final_url), got.content[:SNIFF_BYTES]) == "feed":
            yield from self._feed(url, got)
            return
        self._pending.append(_Pending([got.state()], {url}))
        yield _page_record(url, got, {})

    def _feed(self, url: str, got: Fetched) -> Iterator[RawInput | ReadFailure]:
        pending = _Pending([got.state()], {url})
        self._pending.append(pending)
        for item in read_feed(got.content, name=url, where=url, path=None):
            if isinstance(item, ReadFailure) or not item.url:
                if isinstance(item, RawInput):
                    pending.covers.add(item.source)
                yield item  # an item with no link keeps the feed's own text
                continue
            link = item.url
            if stored_url(self.db, link):
                self.unchanged += 1
                continue
            pending.covers.add(link)
            try:
                page = self.fetcher.get(link)
            except FetchError as exc:
                yield ReadFailure(link, exc.reason)
                continue
            pending.states.append(page.state())
            yield _page_record(link, page, item.hints)


def _name(url: str) -> str:
    """The last path segment, so format detection can use a suffix (``feed.xml``)."""
    return url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]


def _page_record(url: str, got: Fetched, hints: dict[str, str]) -> RawInput:
    """A fetched page as a record named by its URL, with the feed's metadata as hints."""
    ctype = got.content_type.lower()
    media = "text/plain" if ctype.startswith("text/plain") else "text/html"
    merged = dict(hints, url=got.final_url)
    charset = _CHARSET.search(got.content_type)
    if charset:
        merged["charset"] = charset.group(1)
    return RawInput(source=url, content=got.content, media_type=media, url=got.final_url,
                    hints=merged)  # fmt: skip
