"""The exception tree of diplograph.

::

    DiplographError
    ├── InputError          an input that cannot be read (file, record, reason)
    ├── ConfigError         a bad option or setting
    ├── StoreError          the database cannot be opened or written
    ├── NotFoundError       an id, code or dyad the store does not hold
    └── GoldFormatError     a gold annotation file that does not follow FORMAT.md

Messages say what went wrong, where, and what to do.
"""

from __future__ import annotations


class DiplographError(Exception):
    """Base class of every error diplograph raises on purpose."""


class InputError(DiplographError):
    """An input that cannot be read. Carries the file and, where known, the record."""

    def __init__(self, source: str, reason: str, *, record: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.record = record
        where = source + (f" (record {record})" if record is not None else "")
        super().__init__(f"{where}: {reason}")


class ConfigError(DiplographError):
    """A bad option or setting."""


class StoreError(DiplographError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(DiplographError):
    """An article, story, event, actor or dyad that the store does not hold."""


class GoldFormatError(DiplographError):
    """A gold file that does not follow ../shared/gold/FORMAT.md."""
