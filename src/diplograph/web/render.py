"""HTML building blocks that need care: highlighted article text, the dyad chart, JSON for scripts.

Article text is untrusted. :func:`highlight` escapes every piece of text
itself and only then wraps pieces in tags it writes, so no article text ever
reaches a template unescaped. :func:`script_json` encodes data for a
``<script type="application/json">`` block so that no ``</script>`` can end it.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

#: Layers from the outside in; pieces inside several spans nest in this order.
LAYERS = {"event": 0, "term": 1, "actor": 2}


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted stretch of text: character offsets, a kind (LAYERS) and a tooltip."""

    start: int
    end: int
    kind: str
    title: str = ""
    label: str = ""


def highlight(
    text: str, spans: list[Span], *, offset: int = 0, anchors: dict[int, str] | None = None
) -> Markup:
    """``text`` escaped, with each span wrapped in a ``<mark>`` or event ``<span>``.

    ``offset`` is where ``text`` starts inside the offsets' frame (an article
    sentence shown alone). Overlapping spans are cut at every boundary so
    the tags always nest. ``anchors`` puts an empty ``<a id>`` at offsets
    (sentence starts), so links can point into the text.
    """
    n = len(text)
    inside = [(max(0, s.start - offset), min(n, s.end - offset), s) for s in spans]
    inside = [(a, b, s) for a, b, s in inside if a < b]
    marks = {k - offset: v for k, v in (anchors or {}).items() if 0 <= k - offset < n}
    bounds = sorted({0, n} | {a for a, _, _ in inside} | {b for _, b, _ in inside} | set(marks))
    out: list[str] = []
    for lo, hi in pairwise(bounds):
        if lo in marks:
            out.append(f'<a id="{escape(marks[lo])}"></a>')
        piece = str(escape(text[lo:hi]))
        active = sorted((s for a, b, s in inside if a <= lo and b >= hi),
                        key=lambda s: LAYERS.get(s.kind, 9), reverse=True)  # fmt: skip
        for s in active:
            piece = _wrap(piece, s)
        out.append(piece)
    return Markup("".join(out))


def _wrap(inner: str, s: Span) -> str:
    title = f' title="{escape(s.title)}"' if s.title else ""
    label = f' data-label="{escape(s.label)}"' if s.label else ""
    if s.kind == "event":
        return f'<span class="ev"{title}{label}>{inner}</span>'
    return f'<mark class="hl-{escape(s.kind)}"{title}{label}>{inner}</mark>'


def script_json(value: Any) -> Markup:
    """JSON safe to place inside a ``<script type="application/json">`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(char, code)
    return Markup(text)


def month_range(first: str, last: str) -> list[str]:
    """Every ``YYYY-MM`` from ``first`` to ``last`` inclusive."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while (y, m) <= (int(last[:4]), int(last[5:7])):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


CHART_W, CHART_H, BAND_H = 900, 180, 18


def dyad_chart(months: list[dict[str, Any]], facets: dict[str, list[dict[str, Any]]]) -> dict:
    """Geometry of the dyad page's SVG: monthly bars, year ticks, one state band per facet."""
    if not months:
        return {"bars": [], "ticks": [], "bands": [], "width": CHART_W, "height": 40}
    axis = month_range(months[0]["month"], months[-1]["month"])
    where = {m: i for i, m in enumerate(axis)}
    step = CHART_W / len(axis)
    top = max(m["events"] for m in months)
    bars = [{"x": round(where[m["month"]] * step, 2), "w": round(max(step - 1, 1), 2),
             "h": round(CHART_H * m["events"] / top, 2),
             "y": round(CHART_H - CHART_H * m["events"] / top, 2),
             "month": m["month"], "events": m["events"]} for m in months]  # fmt: skip
    ticks = [{"x": round(i * step, 2), "label": m[:4]} for i, m in enumerate(axis)
             if m.endswith("-01") or i == 0]  # fmt: skip
    bands = []
    for row, (facet, segs) in enumerate(sorted(facets.items())):
        y = CHART_H + 24 + row * (BAND_H + 8)
        pieces = []
        for seg in segs:
            x1 = _x(seg["holds_from"], axis, step) if seg.get("holds_from") else 0.0
            x2 = _x(seg["holds_to"], axis, step) if seg.get("holds_to") else float(CHART_W)
            if x2 > x1:
                pieces.append({"x": x1, "w": round(x2 - x1, 2), "value": seg["value"],
                               "from": seg["valid_from"] or "the start", "to": seg["valid_to"],
                               "conflicts": len(seg["conflicts"])})  # fmt: skip
        bands.append({"facet": facet, "y": y, "h": BAND_H, "pieces": pieces})
    height = CHART_H + 24 + len(bands) * (BAND_H + 8) + 20
    return {"bars": bars, "ticks": ticks, "bands": bands, "width": CHART_W, "height": height,
            "chart_h": CHART_H, "top": top}  # fmt: skip


def _x(day: str, axis: list[str], step: float) -> float:
    """The x position of a day (``YYYY-MM-DD``) on the monthly axis, clamped to the chart."""
    month = day[:7]
    if month < axis[0]:
        return 0.0
    if month > axis[-1]:
        return float(CHART_W)
    return round(bisect_left(axis, month) * step, 2)
