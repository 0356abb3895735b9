"""Store-wide aggregates (dyad volumes, the network, actor counts) computed once per store state.

They take a full index scan on a big store, so the app keeps the last result
and recomputes only when the store's fingerprint (article count, newest
mention, claim and citation ids) changes. The fingerprint is checked at most
once every ``check_every`` seconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from diplograph.store import Database
from diplograph.store.web_queries import store_fingerprint

T = TypeVar("T")


class StoreCache:
    """Results of expensive read queries, dropped whenever the store changes."""

    def __init__(self, db: Database, *, check_every: float = 2.0) -> None:
        self.db = db
        self.check_every = check_every
        self._lock = threading.Lock()
        self._values: dict[Any, Any] = {}
        self._fingerprint: tuple[int, ...] | None = None
        self._checked = 0.0

    def invalidate(self) -> None:
        """Forget everything (after a write through the API)."""
        with self._lock:
            self._values.clear()
            self._fingerprint = None
            self._checked = 0.0

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < self.check_every:
            return
        fingerprint = store_fingerprint(self.db)
        with self._lock:
            self._checked = now
            if fingerprint != self._fingerprint:
                self._values.clear()
                self._fingerprint = fingerprint

    def get(self, key: Any, compute: Callable[[], T]) -> T:
        """The cached value for ``key``, computing it with ``compute()`` when missing."""
        self._refresh()
        with self._lock:
            if key in self._values:
                return self._values[key]
        value = compute()
        with self._lock:
            self._values[key] = value
        return value
