"""A chart of a dyad's timeline: one lane per facet, coloured by value, and events per month.

Rendered with matplotlib (Agg, no display), as PNG or SVG, to a path or a binary
buffer, so the CLI writes a file and the web app can stream the same image.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import IO

from diplograph.errors import ConfigError
from diplograph.relations.facets import end_of_period
from diplograph.relations.timeline import Interval, dyad, timeline
from diplograph.store import Database
from diplograph.store.relations import monthly_event_counts

FORMATS = ("png", "svg")
#: Value colours: greens for open relations, greys for none/informal, reds for ruptures.
COLOURS = {
    "full": "#2e7d32", "signed": "#1565c0", "agreed": "#64b5f6", "active": "#6a1b9a",
    "open": "#43a047", "informal": "#9e9e9e", "none": "#e0e0e0", "downgraded": "#ef6c00",
    "severed": "#c62828", "suspended": "#f9a825", "closed": "#b71c1c",
}  # fmt: skip


def chart_format(path: str | Path, fmt: str | None = None) -> str:
    """``png`` or ``svg``: ``fmt`` when given, else the file suffix; ConfigError otherwise."""
    chosen = (fmt or Path(str(path)).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise ConfigError(f"cannot draw a chart as {chosen or 'a file without a suffix'!r}: "
                          "name the file .png or .svg")  # fmt: skip
    return chosen


def _span(intervals: dict[str, list[Interval]], months: list[tuple[str, int]]) -> tuple[date, date]:
    days: list[date] = []
    for items in intervals.values():
        for interval in items:
            days.extend(d for d in (interval.holds_from, interval.holds_to) if d)
            days.extend(c.when for c in interval.claims if c.when)
    days.extend(end_of_period(month) for month, _ in months)
    if not days:
        today = date.today()
        return today - timedelta(days=365), today
    first, last = min(days), max(days)
    margin = max(timedelta(days=90), (last - first) / 10)
    return first - margin, last + margin


def _draw_lanes(ax, intervals: dict[str, list[Interval]], lo: date, hi: date) -> None:  # noqa: ANN001
    facets = list(intervals)
    for row, facet in enumerate(facets):
        for interval in intervals[facet]:
            start = interval.holds_from or lo
            end = interval.holds_to or hi
            colour = COLOURS.get(interval.value, "#90a4ae")
            ax.barh(row, (end - start).days, left=start, height=0.6, color=colour,
                    edgecolor="#37474f", alpha=0.55 if interval.holds_from is None else 0.95,
                    hatch="//" if interval.conflicts else None)  # fmt: skip
            ax.text(start + (end - start) / 2, row, interval.value, ha="center", va="center",
                    fontsize=8)  # fmt: skip
    ax.set_yticks(range(len(facets)), facets)
    ax.invert_yaxis()
    ax.set_xlim(lo, hi)


def render_timeline_chart(
    db: Database, a: str, b: str, path_or_buffer: str | Path | IO[bytes], fmt: str | None = None
) -> None:
    """Draw the dyad's facet lanes and monthly event counts to a file or buffer (PNG or SVG).

    Hatched bars have conflicting claims; faded bars start before their first claim.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    first, second = dyad(a, b)
    kind = chart_format(path_or_buffer if isinstance(path_or_buffer, (str, Path)) else "x.png",
                        fmt)  # fmt: skip
    intervals = timeline(db, first, second)
    months = monthly_event_counts(db, first, second)
    lo, hi = _span(intervals, months)
    fig, (lanes, counts) = plt.subplots(
        2, 1, figsize=(10, 2 + 0.5 * max(len(intervals), 1)), sharex=True,
        gridspec_kw={"height_ratios": [max(len(intervals), 1), 2]},
    )  # fmt: skip
    try:
        _draw_lanes(lanes, intervals, lo, hi)
        lanes.set_title(f"{first}–{second}: relationship facets and events")
        if not intervals:
            lanes.text(0.5, 0.5, "no claims", transform=lanes.transAxes, ha="center")
        if months:
            counts.bar([date.fromisoformat(m + "-15") for m, _ in months], [n for _, n in months],
                       width=25, color="#546e7a")  # fmt: skip
        counts.set_ylabel("events / month")
        counts.yaxis.set_major_locator(MaxNLocator(integer=True))
        fig.autofmt_xdate()
        fig.tight_layout()
        fig.text(0.01, 0.01, "hatched: conflicting claims · faded: assumed before its first claim",
                 fontsize=7, color="#546e7a")  # fmt: skip
        fig.savefig(path_or_buffer, format=kind)
    finally:
        plt.close(fig)
