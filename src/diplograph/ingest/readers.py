"""Readers: turn paths (files, folders, globs, ``-`` for stdin) into RawInput records.

Each reader yields :class:`RawInput` for what it can read and
:class:`ReadFailure` for what it cannot; one bad file or record never stops
the batch.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from diplograph.model import RawInput, ReadFailure

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SKIP_NAMES = {".DS_Store", "Thumbs.db"}


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
                for child in sorted(p for p in path.rglob("*") if p.is_file()):
                    if child.name not in SKIP_NAMES and not child.name.startswith("."):
                        yield child
            else:
                yield path


def iter_inputs(paths: Iterable[str], *, max_bytes: int) -> Iterator[RawInput | ReadFailure]:
    """Every record of every input under ``paths``, in a stable order."""
    for item in discover(paths):
        if item == "-":
            data = sys.stdin.buffer.read()
            yield RawInput(source="<stdin>", content=data, media_type=_sniff(data))
            continue
        yield from read_file(Path(item), max_bytes=max_bytes)


def read_file(path: Path, *, max_bytes: int) -> Iterator[RawInput | ReadFailure]:
    """Read one file into one or more records."""
    name = path.name
    if not path.exists():
        yield ReadFailure(name, f"no such file or folder: {path}")
        return
    size = path.stat().st_size
    if size > max_bytes:
        yield ReadFailure(name, f"file is too large ({size} bytes > {max_bytes}); split it")
        return
    data = path.read_bytes()
    if not data.strip():
        yield ReadFailure(name, "file is empty")
        return
    media = "text/html" if path.suffix.lower() in HTML_SUFFIXES else _sniff(data)
    yield RawInput(source=name, content=data, media_type=media, path=str(path))


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "text/html"
    return "text/plain"
