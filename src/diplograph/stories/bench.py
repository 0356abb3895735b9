"""``diplograph bench-stories``: is placing an article as cheap in a big store as in a small one?

For each store size N a fresh SQLite store is filled with N synthetic
articles (``store.synth_stories``: stories of one to six outlets' versions of
one development, a steady number of articles per day, a share of them
undated) and placed by :func:`assign_stories` (timed: the one-shot clustering
of N). Then ``probe`` newer articles — the next days' news — are stored and
placed, and the time per probe article is the figure that must stay flat: an
article is compared with a bounded neighbourhood (its index keys, its date
window, the candidates' stories), never with the whole store. Each probe runs
``repeat`` times on a copy of the filled store; medians are reported.

Times are this process's CPU time (``time.process_time``: clustering runs in
one process, and on a shared machine wall time mostly measures the
neighbours); wall time is reported beside it.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.store import open_database
from diplograph.store.synth_stories import add_synthetic_articles
from diplograph.stories.cluster import assign_stories

#: Called with (stage, done, total).
BenchProgress = Callable[[str, int, int], None]


@dataclass(slots=True)
class SizeResult:
    """Timings at one store size."""

    stored: int
    fill_seconds: float  # one-shot clustering of the ``stored`` articles (CPU)
    probe_ms: list[float] = field(default_factory=list)  # CPU per probe article, per repeat
    probe_wall_ms: list[float] = field(default_factory=list)  # the same, wall clock

    @property
    def per_article_ms(self) -> float:
        """Median CPU milliseconds to place one probe article."""
        return statistics.median(self.probe_ms) if self.probe_ms else 0.0

    @property
    def per_article_wall_ms(self) -> float:
        """Median wall-clock milliseconds to place one probe article."""
        return statistics.median(self.probe_wall_ms) if self.probe_wall_ms else 0.0


@dataclass(slots=True)
class StoriesBench:
    """What ``bench-stories`` measured."""

    probe: int
    per_day: int
    sizes: list[SizeResult] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        """Per-article time at the largest size over the smallest (target: ≤ 1.5)."""
        if len(self.sizes) < 2 or not self.sizes[0].per_article_ms:
            return 0.0
        return self.sizes[-1].per_article_ms / self.sizes[0].per_article_ms

    def to_json(self) -> dict[str, object]:
        """The measurements as a JSON object."""
        return {
            "probe": self.probe, "per_day": self.per_day, "ratio": round(self.ratio, 3),
            "sizes": [{"stored": r.stored, "fill_seconds": round(r.fill_seconds, 3),
                       "fill_ms_per_article": round(1000 * r.fill_seconds / max(1, r.stored), 3),
                       "per_article_ms": round(r.per_article_ms, 3),
                       "per_article_wall_ms": round(r.per_article_wall_ms, 3)}
                      for r in self.sizes],
        }  # fmt: skip


def run_stories_bench(
    sizes: Sequence[int] = (100, 1000, 10000), *, probe: int = 100, per_day: int = 15,
    repeat: int = 3, seed: int = 11, on_progress: BenchProgress | None = None,
) -> StoriesBench:
    """Time the placing of ``probe`` new articles into stores of each size in ``sizes``."""
    result = StoriesBench(probe=probe, per_day=per_day)
    with tempfile.TemporaryDirectory(prefix="diplograph-bench-stories-") as tmp:
        for n in sorted(sizes):
            result.sizes.append(_one_size(Path(tmp), n, probe=probe, per_day=per_day,
                                          repeat=repeat, seed=seed, on_progress=on_progress))
    return result


def _one_size(tmp: Path, n: int, *, probe: int, per_day: int, repeat: int, seed: int,
              on_progress: BenchProgress | None) -> SizeResult:
    base = tmp / f"store-{n}.db"
    db = open_database(str(base))
    add_synthetic_articles(db, n, per_day=per_day, seed=seed)
    if on_progress:
        on_progress(f"placing {n:,} articles", 0, 1)
    start = time.process_time()
    assign_stories(db)
    size = SizeResult(stored=n, fill_seconds=time.process_time() - start)
    with db.begin() as conn:  # fold the WAL into the file so that a copy is complete
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    for r in range(repeat):
        if on_progress:
            on_progress(f"probe at {n:,} stored", r, repeat)
        copy = tmp / f"probe-{n}-{r}.db"
        shutil.copy(base, copy)
        probe_db = open_database(str(copy))
        ids = add_synthetic_articles(probe_db, probe, per_day=per_day, seed=seed, start=n)
        start, wall = time.process_time(), time.perf_counter()
        assign_stories(probe_db)
        size.probe_ms.append(1000 * (time.process_time() - start) / len(ids))
        size.probe_wall_ms.append(1000 * (time.perf_counter() - wall) / len(ids))
        probe_db.close()
        copy.unlink()
    base.unlink()
    return size
