"""Readers: turn paths (files, folders, globs, ``-`` for stdin) into RawInput records.

Each reader yields :class:`RawInput` for what it can read and
:class:`ReadFailure` for what it cannot; one bad file or record never stops
the batch. Records are produced one at a time (streaming): a JSON Lines file
or a WARC archive is never held in memory as a whole, only its current record.

The format of a file is decided from its content (a WARC version line, a feed
root element, HTML tags, JSON objects) and, where the content is ambiguous,
from its suffix; see :func:`detect_format`.
"""

from __future__ import annotations

import errno
import glob
import gzip
import io
import logging
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from diplograph.ingest.containers import read_feed, read_jsonl, read_warc
from diplograph.ingest.sniff import GZIP_MAGIC, binary_reason, detect_format
from diplograph.model import RawInput, ReadFailure

log = logging.getLogger(__name__)

SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
#: How much of a file is looked at to decide its format.
SNIFF_BYTES = 65_536
STDIN_NAME = "<stdin>"


def discover(paths: Iterable[str]) -> Iterator[Path | str]:
    """Expand folders (recursively, sorted) and globs; ``-`` stays as is."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        matches = sorted(glob.glob(raw, recursive=True)) if glob.has_magic(raw) else [raw]
        if not matches:
            yield raw  # reported as missing by the reader
        for match in matches:
            path = Path(match)
            if path.is_dir():
                # A broken link is kept, so that read_file names it instead of skipping it.
                for child in sorted(p for p in path.rglob("*") if p.is_file() or _broken_link(p)):
                    if not _hidden(child.relative_to(path)):
                        yield child
            else:
                yield path


def _broken_link(path: Path) -> bool:
    """A symbolic link whose target is missing or that loops back on itself."""
    return path.is_symlink() and not path.exists()


def _link_problem(path: Path) -> str:
    """Why a broken symbolic link cannot be read."""
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python 3.11-3.12 report a loop this way
        return "is a symbolic link that loops back on itself; fix or remove the link"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link that loops back on itself; fix or remove the link"
    return (f"is a symbolic link to {os.readlink(path)!r}, which does not exist; fix or "
            "remove the link")


def _hidden(relative: Path) -> bool:
    """Hidden files and folders (``.git``…) and OS litter are not inputs."""
    return any(part.startswith(".") for part in relative.parts) or relative.name in SKIP_NAMES


def iter_inputs(paths: Iterable[str], *, max_bytes: int) -> Iterator[RawInput | ReadFailure]:
    """Every record of every input under ``paths``, in a stable order."""
    for item in discover(paths):
        if item == "-":
            yield from read_stream(sys.stdin.buffer, name=STDIN_NAME, max_bytes=max_bytes)
            continue
        yield from read_file(Path(item), max_bytes=max_bytes)


def read_file(path: Path, *, max_bytes: int) -> Iterator[RawInput | ReadFailure]:
    """Read one file into one or more records (never raises for bad content)."""
    where = str(path)
    if _broken_link(path):
        yield ReadFailure(where, _link_problem(path))
        return
    if not path.exists():
        yield ReadFailure(where, "no such file or folder; check the path")
        return
    try:
        with path.open("rb", buffering=SNIFF_BYTES) as fh:
            yield from read_stream(fh, name=path.name, max_bytes=max_bytes, path=path)
    except OSError as exc:
        yield ReadFailure(where, f"cannot be read ({exc.strerror or exc}); check its permissions")


def read_stream(
    fh: BinaryIO, *, name: str, max_bytes: int, path: Path | None = None
) -> Iterator[RawInput | ReadFailure]:
    """Read the records of one open binary stream (a file or stdin)."""
    where = str(path) if path is not None else name
    size = path.stat().st_size if path is not None else None
    if not hasattr(fh, "peek"):  # stdin under a test runner is a plain BytesIO
        fh = io.BufferedReader(fh, buffer_size=SNIFF_BYTES)  # type: ignore[arg-type,type-var]
    head = fh.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[attr-defined]
    if not head.strip():
        yield ReadFailure(where, "file is empty")
        return
    if head.startswith(GZIP_MAGIC):
        yield from _read_gzip(fh, head, name=name, where=where, max_bytes=max_bytes,
                              path=path)  # fmt: skip
        return
    yield from _read_plain(fh, head, name=name, where=where, size=size,
                           max_bytes=max_bytes, path=path)  # fmt: skip


def _read_plain(
    fh: BinaryIO, head: bytes, *, name: str, where: str, size: int | None,
    max_bytes: int, path: Path | None,
) -> Iterator[RawInput | ReadFailure]:  # fmt: skip
    """Dispatch an uncompressed stream by format."""
    if not head.strip():
        yield ReadFailure(where, "file is empty")
        return
    fmt = detect_format(name.removesuffix(".gz").removesuffix(".GZ"), head)
    if fmt == "warc":
        yield from read_warc(fh, name=name, where=where, max_bytes=max_bytes, path=path)
        return
    reason = binary_reason(head)
    if reason:
        yield ReadFailure(where, reason)
        return
    if fmt == "jsonl":
        yield from read_jsonl(fh, name=name, where=where, max_bytes=max_bytes, path=path)
        return
    if size is not None and size > max_bytes:
        yield ReadFailure(where, _too_large(size, max_bytes))
        return
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield ReadFailure(where, _too_large(None, max_bytes))
        return
    yield from _single(data, fmt, name=name, where=where, path=path)


def _single(
    data: bytes, fmt: str, *, name: str, where: str, path: Path | None
) -> Iterator[RawInput | ReadFailure]:
    """A whole file that is one record (text, HTML) or a feed of records."""
    if fmt == "feed":
        yield from read_feed(data, name=name, where=where, path=path)
        return
    media = "text/html" if fmt == "html" else "text/plain"
    yield RawInput(source=name, content=data, media_type=media,
                   path=str(path) if path else None)  # fmt: skip


def _read_gzip(
    fh: BinaryIO, head: bytes, *, name: str, where: str, max_bytes: int, path: Path | None
) -> Iterator[RawInput | ReadFailure]:
    """A gzip file: WARC.GZ goes to warcio as is; anything else is decompressed first."""
    try:
        inner_head = zlib.decompressobj(wbits=31).decompress(head, SNIFF_BYTES)
    except zlib.error as exc:
        yield ReadFailure(where, f"corrupt gzip data ({exc}); re-download or re-compress it")
        return
    if inner_head.startswith((b"WARC/", b"filedesc://")):
        yield from read_warc(fh, name=name, where=where, max_bytes=max_bytes, path=path)
        return
    try:
        with gzip.GzipFile(fileobj=fh) as gz:
            stream: Any = gz
            yield from _read_plain(stream, inner_head, name=name, where=where, size=None,
                                   max_bytes=max_bytes, path=path)  # fmt: skip
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadFailure(where, f"truncated or corrupt gzip data ({exc}); re-download it")


def _too_large(size: int | None, max_bytes: int) -> str:
    got = f"{size:,} bytes" if size is not None else f"more than {max_bytes:,} bytes"
    return (
        f"file is too large ({got}; the limit is {max_bytes:,}); split it or raise "
        "--max-input-bytes"
    )
