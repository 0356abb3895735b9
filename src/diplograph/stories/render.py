"""Rich tables for the story commands (``diplograph stories``, ``diplograph story ID``).

Article text is untrusted: it goes into ``rich.text.Text`` objects, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from diplograph.framing.compare import StoryDetail


def _join(items: Sequence[str], limit: int = 6) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" (+{len(items) - limit})" if len(items) > limit else "")


def stories_table(rows: Sequence[dict[str, Any]]) -> Table:
    """The story listing: id, title, first/last seen, articles, outlets, independent sources."""
    table = Table(title=f"{len(rows)} stories", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("title", ratio=3)
    table.add_column("first seen", no_wrap=True)
    table.add_column("last seen", no_wrap=True)
    table.add_column("n", justify="right")
    table.add_column("outlets", ratio=1)
    table.add_column("independent sources", ratio=1)
    for r in rows:
        table.add_row(
            r["story_id"], Text(r["title"]), r["first_seen"] or "-", r["last_seen"] or "-",
            str(r.get("article_count", "")), Text(_join(r["outlets"])),
            Text(_join(r["independent_sources"])),
        )  # fmt: skip
    return table


def _names(names: dict[str, list[tuple[str, int]]]) -> Text:
    lines = [f"{code}: " + ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in pairs[:5])
             for code, pairs in names.items()]  # fmt: skip
    return Text("\n".join(lines) or "-")


def _terms(detail_terms: list) -> Text:
    counts: dict[tuple[str, str, str | None], int] = {}
    for t in detail_terms:
        key = (t.term, t.category, t.target)
        counts[key] = counts.get(key, 0) + 1
    lines = [f"{term} [{cat}{'→' + tgt if tgt else ''}]" + (f" ×{n}" if n > 1 else "")
             for (term, cat, tgt), n in sorted(counts.items())]  # fmt: skip
    return Text("\n".join(lines) or "-")


def story_renderables(detail: StoryDetail) -> list[RenderableType]:
    """Header, outlets side by side, events and who leaves them out, term evidence."""
    head = Text()
    head.append(f"{detail.story_id}  ", style="bold")
    head.append(detail.title)
    head.append(f"\n{detail.first_seen or '?'} – {detail.last_seen or '?'}; "
                f"{len(detail.article_ids)} articles; outlets: {', '.join(detail.outlets) or '-'}"
                f"\nindependent sources: {', '.join(detail.independent_sources) or '-'}"
                f"\nactors: {', '.join(detail.codes) or '-'}")  # fmt: skip
    sides = Table("outlet", "names per actor", "loaded terms", "cites", "sources",
                  title="outlets side by side", title_justify="left", show_lines=True)  # fmt: skip
    for side in detail.sides:
        sides.add_row(Text(side.outlet), _names(side.names), _terms(side.terms),
                      Text(_join(side.cited) or "-"), Text(_join(side.sources) or "-"))  # fmt: skip
    events = Table("event", "reported by", "not reported by", "modality", "example",
                   title="events by outlet", title_justify="left")  # fmt: skip
    for ev in detail.events:
        example = ev.evidence[0]
        events.add_row(ev.key, Text(", ".join(ev.reported_by)),
                       Text(", ".join(ev.missing_from) or "-"), ", ".join(ev.modalities),
                       Text(f"{example.outlet} #{example.sentence}: {example.text[:160]}"),
                       )  # fmt: skip
    evidence = Table("outlet", "term", "sentence", title="loaded terms in context",
                     title_justify="left")  # fmt: skip
    for side in detail.sides:
        for t in side.terms:
            evidence.add_row(Text(side.outlet), Text(t.text), _highlight(t.evidence.text, t.text))
    parts: list[RenderableType] = [head, sides]
    if detail.events:
        parts.append(events)
    if evidence.row_count:
        parts.append(evidence)
    return parts


def _highlight(sentence: str, term: str) -> Text:
    """The sentence with the term in bold (no markup from the article is interpreted)."""
    text = Text(sentence)
    start = sentence.find(term)
    if start >= 0:
        text.stylize("bold yellow", start, start + len(term))
    return text


__all__ = ["stories_table", "story_renderables"]
