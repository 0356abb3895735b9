"""Loading gold annotations (../shared/gold/FORMAT.md) and matching them to stored articles."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplograph.errors import GoldFormatError


@dataclass(slots=True)
class GoldArticle:
    """One gold object: an article's expected metadata, story, boilerplate, events, relations."""

    line: int
    file: str | None
    url: str | None
    published: str | None = None
    published_basis: str | None = None
    story: str | None = None
    boilerplate_lines: list[int] | None = None
    uncertain_lines: list[int] = field(default_factory=list)
    events: list[dict[str, Any]] | None = None
    relations: list[dict[str, Any]] | None = None

    @property
    def key(self) -> str:
        """How the article is named in reports."""
        return self.url or self.file or f"line {self.line}"


def load_gold(path: Path) -> list[GoldArticle]:
    """Read a gold JSON Lines file; raise GoldFormatError naming the line on bad input."""
    if not path.exists():
        raise GoldFormatError(f"{path}: no such gold file")
    gold: list[GoldArticle] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path.name} line {n}: not JSON ({exc.msg})") from exc
        if not isinstance(obj, dict) or not (obj.get("url") or obj.get("file")):
            raise GoldFormatError(f"{path.name} line {n}: needs a 'url' or a 'file'")
        gold.append(
            GoldArticle(
                line=n, file=obj.get("file"), url=obj.get("url"),
                published=obj.get("published"), published_basis=obj.get("published_basis"),
                story=obj.get("story"), boilerplate_lines=obj.get("boilerplate_lines"),
                uncertain_lines=obj.get("uncertain_lines") or [], events=obj.get("events"),
                relations=obj.get("relations"),
            )  # fmt: skip
        )
    return gold
