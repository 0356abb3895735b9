"""diplograph: a sourced, time-aware map of who is dealing with whom, built from news.

For notebooks::

    import diplograph
    s = diplograph.open("demo.db")
    s.events(dyad="ISR-ARE", since="2020")      # a pandas DataFrame

Importing the package loads nothing heavy: the database, pandas and the NLP
models are imported when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from diplograph.notebook import Store

__version__ = "0.1.0"
#: Written into every event's ``coder`` field and every stored article, so a
#: newer pipeline can tell what to re-process.
PIPELINE_VERSION = f"diplograph {__version__}"

__all__ = ["PIPELINE_VERSION", "Store", "__version__", "open"]


def open(db: str) -> Store:  # noqa: A001 - diplograph.open(...) reads as intended
    """Open the store at ``db`` (an SQLite file or a PostgreSQL URL) for reading as tables.

    Returns a :class:`diplograph.Store`; see ``docs/python.md``.
    """
    from diplograph.notebook import open_store

    return open_store(db)


def __getattr__(name: str) -> Any:
    """``diplograph.Store`` is imported on first use, keeping ``import diplograph`` cheap."""
    if name == "Store":
        from diplograph.notebook import Store

        return Store
    raise AttributeError(f"module 'diplograph' has no attribute {name!r}")
