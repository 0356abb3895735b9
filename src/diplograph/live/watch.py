"""``diplograph watch DIR``: ingest files as they land in a folder, with watchfiles.

watchfiles (the Rust ``notify`` library underneath) reports changes in batches:
a batch is handed over once the folder has been quiet for ``settle_ms``, so a
file that is still being copied is usually read whole. Writers that can should
write to a hidden or ``.part``/``.tmp`` name and rename when done: those names
are ignored, the rename is what gets ingested. Each batch goes through the same
:func:`diplograph.pipeline.ingest` as ``diplograph ingest``; a file that changes
and is read again is a duplicate, which the store keeps once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from diplograph.config import Settings
from diplograph.errors import ConfigError
from diplograph.pipeline import IngestReport, ingest
from diplograph.store import Database

log = logging.getLogger(__name__)

#: Names of files still being written by common tools (downloads, editors, rsync).
PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".download", ".swp", "~")
#: Called after each batch with the report and the paths it read.
BatchHook = Callable[[IngestReport, list[str]], None]


def wanted(path: str, root: Path) -> bool:
    """True for a file the watcher ingests: not hidden (no part starts with '.'), not partial."""
    try:
        parts = Path(path).relative_to(root).parts
    except ValueError:
        parts = Path(path).parts
    if any(part.startswith(".") for part in parts):
        return False
    return not path.endswith(PARTIAL_SUFFIXES)


def watch_folder(
    folder: Path, db: Database, settings: Settings, *, on_batch: BatchHook,
    stop: threading.Event | None = None, settle_ms: int = 500, initial: bool = True,
) -> None:  # fmt: skip
    """Ingest ``folder`` (when ``initial``), then every file added or changed in it, until stopped.

    Stops when ``stop`` is set or on Ctrl-C. Raises ConfigError when ``folder``
    is not a folder.
    """
    from watchfiles import Change, watch

    root = folder.resolve()
    if not root.is_dir():
        raise ConfigError(f"{folder} is not a folder; give the folder to watch")
    if initial:
        on_batch(ingest([str(root)], db, settings), [str(root)])
    changes_seen = watch(
        root, stop_event=stop, step=settle_ms, debounce=max(1600, settle_ms * 4),
        watch_filter=lambda change, path: change != Change.deleted and wanted(path, root),
        raise_interrupt=False, rust_timeout=1000, yield_on_timeout=False,
    )  # fmt: skip
    for changes in changes_seen:
        paths = sorted({path for _change, path in changes if Path(path).is_file()})
        if not paths:
            continue
        log.info("watch: %d new or changed file(s)", len(paths))
        on_batch(ingest(paths, db, settings), paths)
