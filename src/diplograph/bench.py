"""``diplograph bench``: is the whole pipeline faster than parsing every sentence?

One run over the same texts measures (1) end-to-end ingest (read → clean →
actors → events → … → store) into a temporary SQLite store, and (2) spaCy's
``en_core_web_sm`` parser over every sentence of the same cleaned texts. The
ratio parse-all time / ingest time is the target (≥ 1.0: our pipeline, which
parses only sentences that can hold an event, is faster than parsing
everything). Peak resident memory of this process and its children is sampled
throughout. Model loading is done before either clock starts.
"""

from __future__ import annotations

import logging
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


@dataclass(slots=True)
class BenchResult:
    """What one bench run measured (times are the median over repeats)."""

    articles: int = 0
    words: int = 0
    sentences: int = 0
    parsed_sentences: int = 0
    ingest_seconds: list[float] = field(default_factory=list)
    parse_seconds: list[float] = field(default_factory=list)
    peak_rss_bytes: int = 0
    workers: int = 1

    @property
    def ingest_time(self) -> float:
        """Median ingest wall time in seconds."""
        return statistics.median(self.ingest_seconds) if self.ingest_seconds else 0.0

    @property
    def parse_time(self) -> float:
        """Median parse-everything wall time in seconds."""
        return statistics.median(self.parse_seconds) if self.parse_seconds else 0.0

    @property
    def ratio(self) -> float:
        """Parse-all time / ingest time: ≥ 1.0 means the pipeline is faster."""
        return self.parse_time / self.ingest_time if self.ingest_time else 0.0

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(what, seconds, articles/s, words/s) rows for a table."""
        out = []
        for name, t in (("ingest (full pipeline)", self.ingest_time),
                        ("spaCy parse of every sentence", self.parse_time)):  # fmt: skip
            out.append((name, f"{t:.2f}", _rate(self.articles, t), _rate(self.words, t)))
        return out

    def to_json(self) -> dict[str, object]:
        """The measurements as a JSON object."""
        return {
            "articles": self.articles, "words": self.words, "sentences": self.sentences,
            "ingest_seconds": round(self.ingest_time, 3),
            "parse_seconds": round(self.parse_time, 3), "ratio": round(self.ratio, 3),
            "peak_rss_mb": round(self.peak_rss_bytes / 2**20, 1), "workers": self.workers,
        }  # fmt: skip


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.1f}" if seconds else "-"


class RssSampler:
    """Samples the resident memory of this process plus its children in a thread."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(me))
            self._stop.wait(self.interval)

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


def run_bench(paths: list[str], settings: Settings, *, repeat: int = 1,
              on_progress: BenchProgress | None = None) -> BenchResult:  # fmt: skip
    """Measure ingest and parse-everything over the inputs at ``paths`` (see module doc)."""
    from diplograph.nlp import parser

    result = BenchResult(workers=effective_workers(settings))
    with RssSampler() as rss:
        nlp = parser(settings.spacy_model)
        _warm_up()
        texts = _cleaned_sentences(paths, settings)
        result.articles = len(texts)
        sentences = [s for article in texts for s in article]
        result.sentences = len(sentences)
        result.words = sum(len(s.split()) for s in sentences)
        for n in range(repeat):
            result.ingest_seconds.append(_time_ingest(paths, settings, on_progress, n, repeat))
            started = time.perf_counter()
            for done, _doc in enumerate(nlp.pipe(sentences, batch_size=256), start=1):
                if on_progress and done % 200 == 0:
                    on_progress("parse all", done, len(sentences))
            result.parse_seconds.append(time.perf_counter() - started)
    result.peak_rss_bytes = rss.peak
    return result


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


def _time_ingest(paths: list[str], settings: Settings, on_progress: BenchProgress | None,
                 n: int, repeat: int) -> float:  # fmt: skip
    """Wall time of one ingest of ``paths`` into a fresh temporary store."""
    from diplograph.pipeline import ingest
    from diplograph.store import open_database

    with tempfile.TemporaryDirectory(prefix="diplograph-bench-") as tmp:
        db = open_database(str(Path(tmp) / "bench.db"))
        label = f"ingest {n + 1}/{repeat}"
        started = time.perf_counter()
        ingest(paths, db, settings.with_(workers=effective_workers(settings)),
               on_progress=(lambda d, _name: on_progress(label, d, 0)) if on_progress else None)
        elapsed = time.perf_counter() - started
        db.close()
    return elapsed
