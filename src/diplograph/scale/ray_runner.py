"""The Ray scale-out runner: the per-article stages on a Ray cluster (Ray Data).

The flow is the local one (``pipeline.ingest``) with one part swapped: instead
of a local process pool, records go to Ray in chunks, each chunk a Ray
dataset whose batches a pool of Ray actors runs through
:func:`diplograph.pipeline.process_safely`. Results come back in input order
and the driver, the single writer, stores them exactly as the local path does
(one transaction per article, then stories), so both runners give the same store.

Records and results travel as pickled bytes (one Arrow binary column), so
nothing about the dataclasses has to fit Arrow's type system.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from diplograph.config import Settings, effective_workers
from diplograph.errors import ConfigError
from diplograph.model import Article, RawInput, ReadFailure
from diplograph.pipeline import IngestReport, ProgressHook
from diplograph.pipeline import ingest as pipeline_ingest
from diplograph.store import Database

log = logging.getLogger(__name__)

#: Records handed to Ray per dataset: bounds the driver's memory on long inputs.
CHUNK_RECORDS = 2048
#: Records per ``map_batches`` batch (one actor call).
BATCH_RECORDS = 8


def import_ray() -> Any:
    """Import Ray, or say how to install it."""
    os.environ.setdefault("RAY_DATA_LOG_LEVEL", "ERROR")  # else each chunk logs at INFO
    try:
        import ray
    except ImportError as exc:
        raise ConfigError(
            "--runner ray needs Ray Data, which is not installed; install it with "
            "pip install 'diplograph[scale]' (or pip install 'ray[data]')"
        ) from exc
    return ray


class _Processor:
    """A Ray actor body: loads the models once, then processes batches of pickled records."""

    def __init__(self) -> None:
        from diplograph.pipeline import warm_up

        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        warm_up()

    def __call__(self, batch: Any) -> Any:
        """Process one Arrow batch (``index``, ``record``) into (``index``, ``outcome``)."""
        import pyarrow as pa

        from diplograph.pipeline import process_safely

        outcomes = [
            pickle.dumps(process_safely(pickle.loads(blob)), protocol=pickle.HIGHEST_PROTOCOL)
            for blob in batch.column("record").to_pylist()
        ]
        outcome = pa.array(outcomes, pa.binary())
        return pa.table({"index": batch.column("index"), "outcome": outcome})


def ray_processed(
    records: Iterable[RawInput | ReadFailure],
    settings: Settings,
    *,
    chunk: int | None = None,
    batch_size: int | None = None,
) -> Iterator[Article | ReadFailure]:
    """Process ``records`` on the running Ray cluster; yield the outcomes in input order.

    Records that already failed to read pass straight through; the others go
    to Ray chunk by chunk, so only ``chunk`` records (default
    :data:`CHUNK_RECORDS`) are in flight at a time.
    """
    ray = import_ray()
    if not ray.is_initialized():
        raise ConfigError("Ray is not initialised: use scale.ray_runner.ingest (or ray.init) first")
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    records = iter(records)
    while head := list(islice(records, chunk or CHUNK_RECORDS)):
        yield from _run_chunk(ray, head, settings, batch_size=batch_size or BATCH_RECORDS)


def _run_chunk(
    ray: Any, head: list[RawInput | ReadFailure], settings: Settings, *, batch_size: int
) -> Iterator[Article | ReadFailure]:
    """One Ray dataset for one chunk of records; outcomes streamed back in input order.

    Outcomes are yielded as Ray returns them, so the driver stores articles
    while the actors are still processing the rest of the chunk.
    """
    todo = [(i, r) for i, r in enumerate(head) if not isinstance(r, ReadFailure)]
    position = 0  # next index of ``head`` to yield
    for index, outcome in _outcomes(ray, todo, settings, batch_size=batch_size):
        while position < index:  # read failures before this record
            yield head[position]  # type: ignore[misc]
            position += 1
        yield outcome
        position = index + 1
    yield from head[position:]  # type: ignore[misc]


def _outcomes(
    ray: Any, todo: list[tuple[int, RawInput]], settings: Settings, *, batch_size: int
) -> Iterator[tuple[int, Article | ReadFailure]]:
    """(index, outcome) of every record in ``todo``, in order, from one Ray dataset."""
    import pyarrow as pa

    if not todo:
        return
    blocks = [
        pa.table({
            "index": pa.array([i for i, _ in part], pa.int64()),
            "record": pa.array([pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL)
                                for _, r in part], pa.binary()),
        })
        for part in (todo[k : k + batch_size] for k in range(0, len(todo), batch_size))
    ]  # fmt: skip
    actors = max(1, min(effective_workers(settings), len(blocks)))
    dataset = ray.data.from_arrow(blocks).map_batches(
        _Processor, batch_size=batch_size, batch_format="pyarrow", concurrency=actors
    )
    for batch in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
        indexes, blobs = batch.column("index").to_pylist(), batch.column("outcome").to_pylist()
        for index, blob in zip(indexes, blobs, strict=True):
            yield index, pickle.loads(blob)


def ingest(
    paths: Iterable[str],
    db: Database,
    settings: Settings,
    *,
    address: str | None = None,
    on_progress: ProgressHook | None = None,
) -> IngestReport:
    """``pipeline.ingest`` with the per-article stages on Ray.

    Connects to the cluster at ``address`` (``auto`` or ``ray://host:10001``),
    or starts a local Ray runtime with ``--workers`` CPUs when none is given.
    A runtime started here is shut down at the end; one that was already
    running is left alone.
    """
    ray = import_ray()
    started = False
    if not ray.is_initialized():
        _start_ray(ray, settings, address=address)
        started = True
    try:
        return pipeline_ingest(
            paths, db, settings, on_progress=on_progress, process_with=ray_processed
        )
    finally:
        if started:
            ray.shutdown()


def _start_ray(ray: Any, settings: Settings, *, address: str | None) -> None:
    """``ray.init`` for a cluster address, or a small local runtime without one."""
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
    try:
        if address:
            log.info("connecting to the Ray cluster at %s", address)
            ray.init(address=address, **options)
        else:
            cpus = max(2, effective_workers(settings))
            log.info("starting a local Ray runtime with %d CPUs", cpus)
            ray.init(num_cpus=cpus, **options)
    except Exception as exc:  # Ray raises several unrelated types for a bad address
        where = address or "a local runtime"
        raise ConfigError(f"cannot start Ray ({where}): {exc}; check --ray-address, or leave "
                          "it out to run a local Ray runtime") from exc  # fmt: skip
