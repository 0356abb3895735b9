"""``diplograph bench``: what ingest costs next to parsing every sentence with spaCy.

One run over the same texts measures, each repeat in this order:

1. end-to-end ingest (read → clean → actors → events → … → store → stories)
   into a fresh temporary SQLite store, in-process (1 worker);
2. the same with the worker processes ``diplograph ingest`` would use
   (skipped where that is 1);
3. the first baseline: spaCy's ``en_core_web_sm``, as ingest loads it (every
   component but ``ner``, whose job the actor registry does), over every
   sentence of the same cleaned texts, in one process;
4. the second baseline: spaCy's tokenizer alone over the same sentences.

Each run records wall time, the CPU time of this process and all its children
(the pool's workers included) and the peak resident memory of the process
tree. Models are loaded before any clock starts. The targets of issue 14 are
judged on medians over the repeats (:meth:`BenchResult.targets`).
"""

from __future__ import annotations

import logging
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from diplograph.config import Settings, effective_workers
from diplograph.model import RawInput, ReadFailure

log = logging.getLogger(__name__)

#: Called with (stage, done, total).
BenchProgress = Callable[[str, int, int], None]

PARSE_ALL = "spaCy parse of every sentence"
TOKENIZER = "spaCy tokenizer only"
#: Targets: ingest CPU ≤ a third of parse-all's; default workers ≥ 3× faster in wall time.
CPU_TARGET = 1 / 3
SPEEDUP_TARGET = 3.0
RSS_TARGET = 1.5 * 2**30


def ingest_run(workers: int) -> str:
    """The name of the ingest run with ``workers`` processes."""
    return "ingest, 1 worker" if workers == 1 else f"ingest, {workers} workers"


@dataclass(slots=True)
class Run:
    """One measured thing over the repeats: wall and CPU seconds, peak RSS."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_rss_bytes: int = 0

    @property
    def wall_s(self) -> float:
        """Median wall time in seconds."""
        return statistics.median(self.wall) if self.wall else 0.0

    @property
    def cpu_s(self) -> float:
        """Median CPU time (user + system, process tree) in seconds."""
        return statistics.median(self.cpu) if self.cpu else 0.0


@dataclass(slots=True)
class Target:
    """A target of issue 14: what was measured, the bound, and whether it is met."""

    name: str
    value: float
    bound: str
    met: bool


@dataclass(slots=True)
class BenchResult:
    """What one bench run measured (medians over the repeats)."""

    articles: int = 0
    words: int = 0
    sentences: int = 0
    workers: int = 1
    runs: dict[str, Run] = field(default_factory=dict)
    peak_rss_bytes: int = 0
    load_average: float = 0.0

    def _run(self, name: str) -> Run:
        return self.runs.get(name) or Run()

    @property
    def ingest_time(self) -> float:
        """Median wall time of ingest with the default workers."""
        return self._run(ingest_run(self.workers)).wall_s

    @property
    def parse_time(self) -> float:
        """Median wall time of the parse of every sentence."""
        return self._run(PARSE_ALL).wall_s

    @property
    def ratio(self) -> float:
        """Parse-all wall time / ingest wall time (default workers): > 1 means ingest is faster."""
        return self.parse_time / self.ingest_time if self.ingest_time else 0.0

    def cpu_ratio(self, workers: int) -> float:
        """Ingest CPU time with ``workers`` / parse-all CPU time (the target is ≤ 1/3)."""
        parse = self._run(PARSE_ALL).cpu_s
        return self._run(ingest_run(workers)).cpu_s / parse if parse else 0.0

    def targets(self) -> list[Target]:
        """The targets, judged on the default-workers ingest (the one users run)."""
        cpu = self.cpu_ratio(self.workers)
        return [
            Target(f"ingest CPU ({ingest_run(self.workers)}) / parse-all CPU", round(cpu, 3),
                   "≤ 0.333", bool(cpu) and cpu <= CPU_TARGET),
            Target(f"parse-all wall / ingest wall ({ingest_run(self.workers)})",
                   round(self.ratio, 3), "≥ 3.0", self.ratio >= SPEEDUP_TARGET),
            Target("peak RSS of the process tree, MiB", round(self.peak_rss_bytes / 2**20),
                   "≤ 1536", self.peak_rss_bytes <= RSS_TARGET),
        ]  # fmt: skip

    def rows(self) -> list[tuple[str, ...]]:
        """(run, wall s, CPU s, articles/s, words/s, peak RSS MiB) rows for a table."""
        return [(name, f"{r.wall_s:.2f}", f"{r.cpu_s:.2f}", _rate(self.articles, r.wall_s),
                 _rate(self.words, r.wall_s), f"{r.peak_rss_bytes / 2**20:,.0f}")
                for name, r in self.runs.items()]  # fmt: skip

    def to_json(self) -> dict[str, object]:
        """The measurements as a JSON object."""
        return {
            "articles": self.articles, "words": self.words, "sentences": self.sentences,
            "workers": self.workers, "load_avg_1m": round(self.load_average, 2),
            "runs": {name: {"wall_s": round(r.wall_s, 3), "cpu_s": round(r.cpu_s, 3),
                            "articles_per_s": round(self.articles / r.wall_s, 1) if r.wall_s
                            else 0.0,
                            "words_per_s": round(self.words / r.wall_s) if r.wall_s else 0,
                            "peak_rss_mb": round(r.peak_rss_bytes / 2**20, 1)}
                     for name, r in self.runs.items()},
            "ingest_seconds": round(self.ingest_time, 3),
            "parse_seconds": round(self.parse_time, 3), "ratio": round(self.ratio, 3),
            "peak_rss_mb": round(self.peak_rss_bytes / 2**20, 1),
            "targets": [{"name": t.name, "value": t.value, "target": t.bound, "met": t.met}
                        for t in self.targets()],
        }  # fmt: skip


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.1f}" if seconds else "-"


class RssSampler:
    """Samples the resident memory of this process plus its children in a thread."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(me))
            self._stop.wait(self.interval)

    def restart(self) -> None:
        """Start a new peak from the memory in use now."""
        self.peak = _tree_rss(psutil.Process())

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _tree_rss(psutil.Process()))


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue
    return total


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and of its children that have ended."""
    t = psutil.Process().cpu_times()
    return (t.user + t.system + getattr(t, "children_user", 0.0)
            + getattr(t, "children_system", 0.0))  # fmt: skip


def run_bench(paths: list[str], settings: Settings, *, repeat: int = 1,
              on_progress: BenchProgress | None = None) -> BenchResult:  # fmt: skip
    """Measure ingest and both baselines over the inputs at ``paths`` (see module doc)."""
    from diplograph.nlp import parser

    workers = effective_workers(settings)
    result = BenchResult(workers=workers)
    plan = [1] if workers == 1 else [1, workers]
    with RssSampler() as rss:
        nlp = parser(settings.spacy_model)
        _warm_up()
        texts = _cleaned_sentences(paths, settings)
        result.articles = len(texts)
        sentences = [s for article in texts for s in article]
        result.sentences = len(sentences)
        result.words = sum(len(s.split()) for s in sentences)

        def measure(name: str, job: Callable[[], object]) -> None:
            run = result.runs.setdefault(name, Run())
            rss.restart()
            cpu, started = cpu_seconds(), time.perf_counter()
            job()
            run.wall.append(time.perf_counter() - started)
            run.cpu.append(cpu_seconds() - cpu)
            run.peak_rss_bytes = max(run.peak_rss_bytes, rss.peak)

        for n in range(repeat):
            for w in plan:
                label = f"{ingest_run(w)} ({n + 1}/{repeat})"
                measure(ingest_run(w), lambda w=w, label=label: _ingest(
                    paths, settings.with_(workers=w), on_progress, label))  # fmt: skip
            measure(PARSE_ALL, lambda: _parse_all(nlp, sentences, on_progress))
            measure(TOKENIZER, lambda: sum(1 for _ in nlp.tokenizer.pipe(sentences)))
    result.peak_rss_bytes = max(r.peak_rss_bytes for r in result.runs.values())
    result.load_average = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return result


def _parse_all(nlp, sentences: list[str], on_progress: BenchProgress | None) -> None:
    for done, _doc in enumerate(nlp.pipe(sentences, batch_size=256), start=1):
        if on_progress and done % 200 == 0:
            on_progress("parse all", done, len(sentences))


def _warm_up() -> None:
    """Load every model and registry the pipeline uses, outside the clocks."""
    from diplograph.pipeline import process

    process(RawInput(source="warm-up.txt", content=b"Israel and Egypt held talks in Cairo.\n",
                     media_type="text/plain"))  # fmt: skip


def _cleaned_sentences(paths: list[str], settings: Settings) -> list[list[str]]:
    """Sentence texts of each readable input, cleaned exactly as ingest cleans them."""
    from diplograph.ingest import clean_input, iter_inputs
    from diplograph.sentences import split_sentences

    out = []
    for record in iter_inputs(paths, max_bytes=settings.max_input_bytes):
        if isinstance(record, ReadFailure):
            continue
        try:
            article = clean_input(record)
        except Exception:  # an unreadable input is skipped by ingest as well
            log.debug("bench: %s cannot be cleaned", record.source, exc_info=True)
            continue
        out.append([s.text for s in split_sentences(article.text)])
    return out


def _ingest(paths: list[str], settings: Settings, on_progress: BenchProgress | None,
            label: str) -> None:  # fmt: skip
    """One ingest of ``paths`` into a fresh temporary store (its creation included)."""
    from diplograph.pipeline import ingest
    from diplograph.store import open_database

    with tempfile.TemporaryDirectory(prefix="diplograph-bench-") as tmp:
        db = open_database(str(Path(tmp) / "bench.db"))
        ingest(paths, db, settings,
               on_progress=(lambda d, _name: on_progress(label, d, 0)) if on_progress else None)
        db.close()
