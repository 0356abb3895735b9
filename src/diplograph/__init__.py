"""diplograph: a sourced, time-aware map of who is dealing with whom, built from news."""

from __future__ import annotations

__version__ = "0.1.0"
#: Written into every event's ``coder`` field and every stored article, so a
#: newer pipeline can tell what to re-process.
PIPELINE_VERSION = f"diplograph {__version__}"

__all__ = ["PIPELINE_VERSION", "__version__"]
