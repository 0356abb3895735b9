"""Live input: http(s) feeds and pages fetched politely, and folders watched for new files.

``fetch`` (httpx) and ``watch`` (watchfiles) are imported only when used.
"""

from __future__ import annotations

__all__ = ["is_url"]


def is_url(text: str) -> bool:
    """True for an ``http://`` or ``https://`` URL, an input that is fetched, not read."""
    return text.lower().startswith(("http://", "https://"))
