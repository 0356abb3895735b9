"""What ``diplograph relations`` shows: as-of values, timelines or partners, as tables or JSON.

The CLI and the web app call :func:`relations_report` and print or serve what it
returns; nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.table import Table

from diplograph.errors import ConfigError
from diplograph.relations.facets import parse_as_of, validate_code
from diplograph.relations.timeline import ClaimView, Interval, dyad, partners, timeline, values_at
from diplograph.store import Database

EXCERPT = 110  # characters of a claim's sentence shown in a table


@dataclass(slots=True)
class RelationsReport:
    """The intervals a ``relations`` query selected, in display order."""

    title: str
    mode: str  # "as_of" | "timeline" | "partners"
    day: date | None
    intervals: list[Interval] = field(default_factory=list)

    def objects(self) -> list[dict[str, Any]]:
        """The intervals as SPEC §5 relation objects."""
        return [interval.to_json() for interval in self.intervals]

    def table(self) -> Table:
        """A Rich table: one row per interval, with the claim it rests on and any conflicts."""
        table = Table(title=self.title, title_justify="left", show_lines=True)
        short = ["partner"] if self.mode == "partners" else []
        for name in [*short, "facet", "value", "from", "to"]:
            table.add_column(name, no_wrap=True)
        table.add_column("rests on (claims) · conflicts", ratio=1, min_width=20)
        for interval in self.intervals:
            cells = [self._partner(interval)] if self.mode == "partners" else []
            cells += [interval.facet, interval.value, interval.valid_from or "?",
                      interval.valid_to or "-",
                      f"({len(interval.claims)}) " + _claim_cell(interval.rests_on)
                      + _conflicts_cell(interval.conflicts)]  # fmt: skip
            table.add_row(*cells)
        if not self.intervals:
            table.caption = "no claims hold for this query"
        return table

    def _partner(self, interval: Interval) -> str:
        code = self.title.split()[0]
        return interval.b if interval.a == code else interval.a


def _claim_cell(claim: ClaimView) -> str:
    text = claim.text if len(claim.text) <= EXCERPT else claim.text[: EXCERPT - 1] + "…"
    where = f"{claim.outlet or claim.article_id}, {claim.asserted_on or 'undated'}"
    modality = "" if claim.modality == "asserted" else f" ({claim.modality})"
    return escape(f"{where}{modality}: “{text}”")


def _conflicts_cell(conflicts: list[ClaimView]) -> str:
    if not conflicts:
        return ""
    label = "[bold red]conflict[/bold red]"
    lines = [f"{label} {escape(c.value)}: {_claim_cell(c)}" for c in conflicts]
    return "\n" + "\n".join(lines)


def relations_report(
    db: Database,
    a: str,
    b: str | None = None,
    *,
    as_of: str | None = None,
    show_timeline: bool = False,
    chart: Path | None = None,
) -> RelationsReport:
    """Answer a ``relations`` query; draw the dyad's chart to ``chart`` when given.

    With ``b``: the dyad's values as of ``as_of`` (default today), or with
    ``show_timeline`` every interval. Without ``b``: every partner of ``a`` as of the date.
    """
    day = parse_as_of(as_of)
    if b is None:
        if chart is not None or show_timeline:
            raise ConfigError("--chart and --timeline need two codes: diplograph relations A B")
        code = validate_code(a)
        report = RelationsReport(f"{code} partners as of {day.isoformat()}", "partners", day)
        for values in partners(db, code, day).values():
            report.intervals.extend(values.values())
        return report
    first, second = dyad(a, b)
    if chart is not None:
        from diplograph.relations.chart import render_timeline_chart

        render_timeline_chart(db, first, second, chart)
    intervals = timeline(db, first, second)
    if show_timeline:
        report = RelationsReport(f"{first}–{second} timeline", "timeline", None)
        for items in intervals.values():
            report.intervals.extend(items)
        return report
    report = RelationsReport(f"{first}–{second} as of {day.isoformat()}", "as_of", day)
    report.intervals.extend(values_at(intervals, day).values())
    return report
