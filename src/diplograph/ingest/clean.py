"""Cleaning: raw bytes to an Article with clean body text and metadata."""

from __future__ import annotations

import re

from diplograph.model import Article, RawInput, stable_id

HEADER = re.compile(r"^(URL|Title|Outlet|Published|Language):\s*(.*)$", re.IGNORECASE)


def decode(raw: RawInput) -> str:
    """The input's text (UTF-8)."""
    return raw.content.decode("utf-8")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Take the optional ``Key: value`` header lines (SPEC §1.1) off a plain-text article."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            if header:
                return header, "\n".join(lines[i + 1 :])
            return {}, text
        match = HEADER.match(line.strip())
        if not match:
            return {}, text
        header[match.group(1).lower()] = match.group(2).strip()
    return {}, text


def clean_input(raw: RawInput) -> Article:
    """Turn one raw record into an Article with cleaned text and metadata."""
    text = decode(raw).replace("\r\n", "\n")
    header, body = split_header(text)
    body = "\n".join(line.strip() for line in body.split("\n") if line.strip())
    url = header.get("url") or raw.url
    article = Article(
        id=stable_id(url or body),
        source=raw.source,
        text=body,
        raw=raw,
        url=url,
        outlet=header.get("outlet"),
        title=header.get("title"),
        language=header.get("language"),
    )
    if header.get("published"):
        article.published = header["published"][:10]
        article.published_precision = "day"
        article.published_basis = "header"
    return article
