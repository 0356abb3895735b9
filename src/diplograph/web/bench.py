"""``diplograph bench-api``: latency of the dyad timeline, the events table and the world map.

Requests go through the whole ASGI app (middleware, validation, JSON
encoding) with an in-process HTTP client, so the numbers are the app's own
and not the network's; ``--over-http`` serves it with uvicorn on loopback
and times real HTTP requests instead. Dyads and filters vary from request to request, drawn
deterministically from the store's own dyads and actors.
"""

from __future__ import annotations

import random
import socket
import statistics
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from diplograph.errors import StoreError
from diplograph.model import EVENT_TYPES, MODALITIES
from diplograph.store import Database
from diplograph.store.web_queries import dyad_volumes

#: Called after each request with (requests done, requests in all).
BenchProgress = Callable[[int, int], None]


@dataclass(slots=True)
class Latency:
    """Latencies (milliseconds) of one endpoint."""

    name: str
    samples: list[float] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        """The p-th percentile (nearest rank)."""
        ordered = sorted(self.samples)
        rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
        return ordered[rank]

    def summary(self) -> dict[str, Any]:
        """Count, p50, p95, p99, mean and max in milliseconds."""
        return {"endpoint": self.name, "requests": len(self.samples),
                "p50": round(self.percentile(50), 1), "p95": round(self.percentile(95), 1),
                "p99": round(self.percentile(99), 1),
                "mean": round(statistics.fmean(self.samples), 1),
                "max": round(max(self.samples), 1)}  # fmt: skip


def _timeline_urls(dyads: list[dict[str, Any]], rng: random.Random, n: int) -> list[str]:
    """Half the requests hit the busiest 20 dyads, half any dyad: the skew users see."""
    busiest = dyads[:20]
    picks = [rng.choice(busiest if i % 2 == 0 else dyads) for i in range(n)]
    return [f"/api/dyads/{d['a']}/{d['b']}/timeline" for d in picks]


def _events_urls(dyads: list[dict[str, Any]], rng: random.Random, n: int) -> list[str]:
    """One filter per request (actor, recipient, pair, type, modality, dates) and a page."""
    codes = sorted({d["a"] for d in dyads[:60]} | {d["b"] for d in dyads[:60]})
    urls = []
    for i in range(n):
        d = rng.choice(dyads)
        kind = i % 6
        query = [
            f"actor={rng.choice(codes)}", f"recipient={rng.choice(codes)}",
            f"dyad={d['a']}-{d['b']}", f"type={rng.choice(EVENT_TYPES[:10])}",
            f"modality={rng.choice(MODALITIES)}",
            f"since={rng.randint(2015, 2025)}-01-01&party={rng.choice(codes)}",
        ][kind]  # fmt: skip
        offset = rng.choice((0, 0, 50, 200, 1000))
        urls.append(f"/api/events?{query}&limit=50&offset={offset}")
    return urls


def _map_urls(dyads: list[dict[str, Any]], rng: random.Random, n: int) -> list[str]:
    """World map pages of the 20 busiest actors, any facet, any day from 2015 on."""
    from diplograph.relations.facets import FACETS

    volume: dict[str, int] = {}
    for d in dyads:
        for code in (d["a"], d["b"]):
            volume[code] = volume.get(code, 0) + d["events"]
    busiest = sorted(volume, key=lambda c: (-volume[c], c))[:20]
    facets = list(FACETS)
    return [f"/map?country={rng.choice(busiest)}&facet={facets[0] if i % 3 else rng.choice(facets)}"
            f"&as_of={rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-28" for i in range(n)]


@contextmanager
def _in_process(app: Any) -> Iterator[Any]:
    with warnings.catch_warnings():  # starlette's notice about its test client's transport
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    with TestClient(app, client=("127.0.0.1", 50000)) as client:
        yield client


@contextmanager
def _over_http(app: Any) -> Iterator[Any]:
    """A real uvicorn server on a free loopback port (background thread) and an HTTP client."""
    import httpx
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="bench-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise StoreError(f"uvicorn did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def run_bench(
    db: Database, *, requests: int = 200, seed: int = 7, warmup: int = 10,
    over_http: bool = False, on_progress: BenchProgress | None = None,
) -> list[dict[str, Any]]:  # fmt: skip
    """Time ``requests`` each of dyad-timeline, events-table and world-map requests.

    In process by default; ``over_http`` serves the app with uvicorn on loopback instead.
    """
    from diplograph.web.app import create_app, warm_up

    dyads = dyad_volumes(db)
    if not dyads:
        raise StoreError("the store has no events between actors; run `diplograph synth` first")
    rng = random.Random(seed)
    plans = {"dyad timeline": _timeline_urls(dyads, rng, requests),
             "events table": _events_urls(dyads, rng, requests),
             "world map": _map_urls(dyads, rng, requests)}  # fmt: skip
    app = create_app(db)
    warm_up(app)  # as `diplograph serve` does before its first visitor
    with (_over_http if over_http else _in_process)(app) as client:
        for urls in plans.values():
            for url in urls[:warmup]:
                client.get(url)
        return _measure(client, plans, on_progress)


def _measure(client: Any, plans: dict[str, list[str]],
             on_progress: BenchProgress | None) -> list[dict[str, Any]]:  # fmt: skip
    results = []
    done, total = 0, sum(len(urls) for urls in plans.values())
    for name, urls in plans.items():
        latency = Latency(name)
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            latency.samples.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise StoreError(f"{url} answered {response.status_code}: {response.text[:200]}")
            done += 1
            if on_progress:
                on_progress(done, total)
        results.append(latency.summary())
    return results
