"""The one place the flow is written down.

Per article: read → clean → metadata → sentences → actors → events →
citations → claims → terms, in worker processes; then the parent process, the
single writer, stores the articles in chunks of up to 16, one transaction per
chunk (if a chunk cannot be written, each of its articles is stored in a
transaction of its own, so a failure stays with its article). Per corpus, after the
batch: stories. Records go through in small chunks so that the event candidate
sentences of several articles are parsed in one spaCy call (same results).
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError

from diplograph.actors import find_mentions
from diplograph.config import Settings, effective_workers
from diplograph.errors import DiplographError, InputError
from diplograph.events import extract_events
from diplograph.events.extract import extract_events_many
from diplograph.framing import find_terms
from diplograph.ingest import clean_input, iter_inputs
from diplograph.live import is_url
from diplograph.model import Article, RawInput, ReadFailure
from diplograph.relations import extract_claims
from diplograph.sentences import split_sentences
from diplograph.store import Database, SaveResult, save_article, save_articles
from diplograph.stories import assign_stories, find_citations

log = logging.getLogger(__name__)

_T = TypeVar("_T")


def process(raw: RawInput) -> Article:
    """Run every per-article stage on one raw record. Touches no database."""
    article = _before_events(raw)
    article.events = extract_events(article)
    return _after_events(article)


#: The least cleaned text an article may have: letters or digits (Unicode ``\\w``).
MIN_TEXT_CHARS = 15
_WORD_CHARS = re.compile(r"[^\W_]")


def check_enough_text(article: Article) -> None:
    """Refuse an article whose cleaned text is too short to say anything (a stray byte, a word)."""
    found = sum(1 for _ in islice(_WORD_CHARS.finditer(article.text), MIN_TEXT_CHARS))
    if found < MIN_TEXT_CHARS:
        raise InputError(article.source, f"too little text for an article (only {found} letters "
                         f"or digits after cleaning; it needs {MIN_TEXT_CHARS})")  # fmt: skip


def _before_events(raw: RawInput) -> Article:
    """The stages before events: clean, sentences, actors, citations."""
    article = clean_input(raw)
    check_enough_text(article)
    article.sentences = split_sentences(article.text)
    article.mentions = find_mentions(article)
    article.citations = find_citations(article)
    return article


def _after_events(article: Article) -> Article:
    """The stages after events: claims, terms."""
    article.claims = extract_claims(article)
    article.terms = find_terms(article)
    return article


def _events_alone(article: Article) -> Article:
    article.events = extract_events(article)
    return _after_events(article)


def process_batch(records: list[RawInput | ReadFailure]) -> list[Article | ReadFailure]:
    """:func:`process_safely` on each record, with one events parse for the whole batch.

    Same outcomes as one record at a time (failures pass through in place);
    parsing the event candidates of several articles in one spaCy call is faster.
    If the shared parse fails, each article is finished on its own, so a
    failure stays with the article that caused it.
    """
    staged = [r if isinstance(r, ReadFailure) else _guarded(r, _before_events, r)
              for r in records]  # fmt: skip
    ready = [a for a in staged if isinstance(a, Article)]
    try:
        found = extract_events_many(ready)
    except Exception:  # noqa: BLE001 - redone per article below, where it is reported
        log.debug("batched events parse failed; extracting per article", exc_info=True)
        return [a if isinstance(a, ReadFailure) else _guarded(a.raw, _events_alone, a)
                for a in staged]  # fmt: skip
    for article, events in zip(ready, found, strict=True):
        article.events = events
    return [a if isinstance(a, ReadFailure) else _guarded(a.raw, _after_events, a)
            for a in staged]  # fmt: skip


def process_safely(raw: RawInput) -> Article | ReadFailure:
    """:func:`process`, turning any failure into a ReadFailure instead of raising.

    An unreadable input says why; a bug in a later stage is reported as one
    failed article (with its traceback in the debug log) so that the batch goes on.
    """
    return _guarded(raw, process, raw)


def _guarded(raw: RawInput, stage: Callable[[_T], Article], arg: _T) -> Article | ReadFailure:
    """``stage(arg)`` for the record ``raw``, any failure turned into a ReadFailure."""
    where = input_name(raw)
    try:
        return stage(arg)
    except InputError as exc:
        return ReadFailure(where, exc.reason, exc.record)
    except UnicodeDecodeError as exc:
        return ReadFailure(where, f"not valid UTF-8 text ({exc.reason} at byte {exc.start})")
    except (DiplographError, ValueError) as exc:
        log.debug("processing %s failed", raw.source, exc_info=True)
        return ReadFailure(where, f"could not be processed: {exc}")
    except Exception as exc:  # a bug in a stage must not stop a long ingest
        log.warning("processing %s failed", raw.source, exc_info=True)
        return ReadFailure(where, f"internal error ({type(exc).__name__}: {exc}); please "
                                  "report it with this input")  # fmt: skip


def input_name(raw: RawInput) -> str:
    """How failures name a record: the file's path (as given), with ``#N`` for the N-th record."""
    if not raw.path:
        return raw.source
    record = raw.source.rsplit("#", 1)[1] if "#" in raw.source else None
    return f"{raw.path}#{record}" if record else raw.path


def _input_key(outcome: Article | ReadFailure) -> str:
    """The input file an outcome came from (for progress by file)."""
    if isinstance(outcome, ReadFailure):
        return outcome.source.rsplit("#", 1)[0]
    return outcome.raw.path or outcome.source.rsplit("#", 1)[0]


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: counts, the failures (one line each) and the new article ids."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    stories_changed: int = 0
    unchanged: int = 0  # URLs not modified since the last fetch, feed items already stored

    @property
    def failed(self) -> int:
        """Number of inputs or records that could not be read."""
        return len(self.failures)


#: Called after each record with (records done, source name).
ProgressHook = Callable[[int, str], None]
#: Turns records into outcomes in input order (:func:`processed` or a scale-out runner's).
ProcessFn = Callable[
    [Iterable[RawInput | ReadFailure], Settings], Iterable[Article | ReadFailure]
]


def ingest(
    paths: Iterable[str],
    db: Database,
    settings: Settings,
    *,
    on_progress: ProgressHook | None = None,
    process_with: ProcessFn | None = None,
) -> IngestReport:
    """Read, process and store every record under ``paths``; then update stories.

    ``process_with`` replaces the local :func:`processed` (the Ray runner passes
    its own); outcomes must come back in input order.
    """
    report = IngestReport()
    paths = list(paths)
    files = [p for p in paths if not is_url(p)]
    web = _web_inputs(db, settings) if len(files) < len(paths) else None
    records: Iterable[RawInput | ReadFailure] = iter_inputs(files,
                                                            max_bytes=settings.max_input_bytes)
    if web is not None:  # http(s) URLs, fetched politely after the files
        records = chain(records, web.records(p for p in paths if is_url(p)))
    run = process_with or processed
    # URLs arrive slowly (polite fetching): each is stored as soon as it is processed
    chunk = 1 if web is not None else WRITE_CHUNK
    try:
        done = 0
        for outcomes in _chunks(run(records, settings), chunk):
            _store_chunk(db, outcomes, report)
            for outcome in outcomes:
                done += 1
                if on_progress is not None:
                    on_progress(done, _input_key(outcome))
    except BaseException:
        if web is not None:
            web.close()  # an interrupted run remembers no validators: all is asked again
        raise
    if web is not None:
        web.finish(report.failures)
        report.unchanged = web.unchanged
    # Places this run's articles, those an interrupted ingest stored but never placed, and
    # any another writer stored and has not placed yet: all in one canonical order (date,
    # then id), so that a run killed before placing and then re-run places what a clean run
    # places, in the order a clean run places it.
    report.stories_changed = assign_stories(db, (), settings)
    return report


def _web_inputs(db: Database, settings: Settings):
    """The reader of http(s) inputs (imported only when an ingest has URLs)."""
    from diplograph.live.sources import WebInputs

    return WebInputs(db, settings)


#: Articles written per transaction by the single writer (each all or nothing).
WRITE_CHUNK = 16


def _store_chunk(db: Database, outcomes: list[Article | ReadFailure],
                 report: IngestReport) -> None:  # fmt: skip
    """Store the articles among ``outcomes`` in one transaction; record the rest in order.

    When the chunk's transaction fails, nothing of it was written; its
    articles are then stored one transaction each, so that only the article
    that cannot be written is reported (and leaves nothing behind).
    """
    articles = [o for o in outcomes if isinstance(o, Article)]
    try:
        results = iter(save_articles(db, articles) if len(articles) > 1 else [])
    except (DiplographError, SQLAlchemyError):
        log.debug("storing a chunk of %d articles failed; storing each alone", len(articles),
                  exc_info=True)  # fmt: skip
        results = iter([])
    for outcome in outcomes:
        if isinstance(outcome, ReadFailure):
            report.failures.append(outcome)
        elif (result := next(results, None)) is not None:
            report.read += 1
            _count(result, report)
        else:
            _store(db, outcome, report)


def _store(db: Database, article: Article, report: IngestReport) -> None:
    """Store one article in its own transaction; a failed write is one failure, not a crash."""
    report.read += 1
    try:
        result = save_article(db, article)
    except (DiplographError, SQLAlchemyError) as exc:
        log.debug("storing %s failed", article.source, exc_info=True)
        reason = str(exc).splitlines()[0][:200]
        report.failures.append(ReadFailure(input_name(article.raw), f"could not be stored "
                                           f"(nothing of it was written): {reason}"))  # fmt: skip
        return
    _count(result, report)


def _count(result: SaveResult, report: IngestReport) -> None:
    if result.stored:
        report.stored += 1
        report.article_ids.append(result.article_id)
    else:
        report.duplicates += 1


def processed(
    records: Iterable[RawInput | ReadFailure], settings: Settings
) -> Iterator[Article | ReadFailure]:
    """Process records in order; in a process pool when the batch is large enough.

    Results come back in input order. Only a bounded window of records is in
    flight at a time, so memory stays flat however long ``records`` is.
    """
    records = iter(records)
    head = list(islice(records, settings.pool_threshold))
    workers = effective_workers(settings)
    if len(head) < settings.pool_threshold or workers <= 1:
        for chunk in _chunks(_chain(head, records), CHUNK):
            yield from process_batch(chunk)
        return
    yield from _pooled(_chain(head, records), workers)


#: Records processed together (one events parse) in-process and per pool task.
CHUNK = 16
#: Records per pool task: smaller, so that short batches still spread over the workers.
POOL_CHUNK = 8


def _chunks(records: Iterable[_T], size: int) -> Iterator[list[_T]]:
    """Lists of up to ``size`` consecutive items."""
    records = iter(records)
    while chunk := list(islice(records, size)):
        yield chunk


def _chain(head: list[RawInput | ReadFailure], rest: Iterator[RawInput | ReadFailure]):
    yield from head
    yield from rest


def _pooled(
    records: Iterator[RawInput | ReadFailure], workers: int
) -> Iterator[Article | ReadFailure]:
    """Keep a bounded window of records in flight so memory stays flat."""
    window = workers * 3  # chunks in flight: memory stays flat
    pending: deque[Future[list[Article | ReadFailure]]] = deque()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    warm_up()  # forked workers inherit the loaded models instead of each loading them
    context = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_init_worker) as pool:  # fmt: skip
        for chunk in _chunks(records, POOL_CHUNK):
            pending.append(pool.submit(process_batch, chunk))
            while len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


#: A made-up article that goes through every stage once, so that what the stages load
#: (registries, lexicons, the line and language models) is loaded before workers fork.
WARM_UP_ARTICLE = (b"The foreign ministers of Egypt and Jordan met in Amman on Monday and agreed "
                   b"to hold further talks on trade, officials said.\n")  # fmt: skip


def warm_up() -> None:
    """Load the spaCy pipelines and every stage's data once in this process (before forking
    workers: they inherit it instead of each loading it on its first article)."""
    from diplograph.nlp import parser, sentencizer

    sentencizer()
    try:
        parser()
    except DiplographError:  # no model installed: the events stage will say so per article
        log.debug("no spaCy parser to preload", exc_info=True)
        return
    process_safely(RawInput(source="warm-up.txt", content=WARM_UP_ARTICLE,
                            media_type="text/plain"))  # fmt: skip


def _init_worker() -> None:
    """Set up a pool worker: exit with the parent; one BLAS thread.

    N workers on N cores must not each start N BLAS threads.
    """
    _exit_with_parent(os.getppid())
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
        return
    global _WORKER_LIMITS
    _WORKER_LIMITS = threadpool_limits(1)  # kept referenced for the worker's lifetime


#: Seconds between a worker's checks that its parent is still alive.
PARENT_CHECK_INTERVAL = 0.5


def _exit_with_parent(parent: int) -> None:
    """End this worker as soon as the process that started it is gone.

    A killed parent leaves its workers blocked on the task pipe (forked
    siblings hold its other end open, so they never see end-of-file); a
    daemon thread notices the new parent id and exits the worker at once.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, name="diplograph-parent-watch", daemon=True).start()


_WORKER_LIMITS: object = None
