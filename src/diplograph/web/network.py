"""The overview network: which actors, which edges, where each node goes, how edges change colour.

Nodes are placed by a small force layout computed here, on the server, from a
circle: the same store always gives the same picture. Edge colours follow the
``diplomatic_ties`` timeline of each dyad; the page's date slider picks the
state in force on the chosen day from the ``changes`` list of each edge.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date
from typing import Any

import numpy as np

from diplograph.web.states import facet_steps

WIDTH, HEIGHT = 1000, 560
MARGIN = 50
TIE_FACET = "diplomatic_ties"


def pick_graph(
    dyads: list[dict[str, Any]], *, max_nodes: int = 40, max_edges: int = 140
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The busiest actors and the busiest dyads among them."""
    volume: dict[str, int] = defaultdict(int)
    for d in dyads:
        volume[d["a"]] += d["events"]
        volume[d["b"]] += d["events"]
    ranked = sorted(volume, key=lambda c: (-volume[c], c))[:max_nodes]
    keep = set(ranked)
    edges = [d for d in dyads if d["a"] in keep and d["b"] in keep][:max_edges]
    used = {d["a"] for d in edges} | {d["b"] for d in edges}
    nodes = [{"code": c, "events": volume[c]} for c in ranked if c in used]
    return nodes, edges


def layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
           *, iterations: int = 300) -> dict[str, tuple[float, float]]:  # fmt: skip
    """Deterministic force-directed positions (Fruchterman–Reingold) inside the drawing."""
    n = len(nodes)
    if n == 0:
        return {}
    index = {node["code"]: i for i, node in enumerate(nodes)}
    angle = np.arange(n) * 2 * math.pi / n
    pos = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    if n > 2:
        src = np.array([index[e["a"]] for e in edges])
        dst = np.array([index[e["b"]] for e in edges])
        weight = np.log1p(np.array([e["events"] for e in edges], dtype=float))
        pos = _relax(pos, src, dst, weight / max(weight.max(), 1.0), iterations)
    return _fit(pos, [node["code"] for node in nodes])


def _relax(pos: np.ndarray, src: np.ndarray, dst: np.ndarray, weight: np.ndarray,
           iterations: int) -> np.ndarray:  # fmt: skip
    n = len(pos)
    k = math.sqrt(4.0 / n)
    temperature = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        disp = ((k * k / dist**2)[:, :, None] * delta).sum(axis=1)
        edge = pos[src] - pos[dst]
        length = np.maximum(np.linalg.norm(edge, axis=1), 1e-3)
        pull = (length / k * (0.3 + weight))[:, None] * edge
        np.add.at(disp, src, -pull)
        np.add.at(disp, dst, pull)
        disp -= pos * 0.05  # a weak pull to the centre keeps loose nodes on the page
        step = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos = pos + disp / step[:, None] * np.minimum(step, temperature)[:, None]
        temperature *= 0.985
    return pos


def _fit(pos: np.ndarray, codes: list[str]) -> dict[str, tuple[float, float]]:
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    span = np.where(hi - lo < 1e-9, 1.0, hi - lo)
    scaled = (pos - lo) / span
    xs = MARGIN + scaled[:, 0] * (WIDTH - 2 * MARGIN)
    ys = MARGIN + scaled[:, 1] * (HEIGHT - 2 * MARGIN)
    return {
        c: (round(float(x), 1), round(float(y), 1)) for c, x, y in zip(codes, xs, ys, strict=True)
    }


def build_network(dyads: list[dict[str, Any]], claims: list[dict[str, Any]],
                  names: dict[str, str]) -> dict[str, Any]:  # fmt: skip
    """Everything the overview draws: nodes with positions, edges with widths and tie steps."""
    nodes, edges = pick_graph(dyads)
    where = layout(nodes, edges)
    changes = facet_steps(claims, TIE_FACET)
    top = max((e["events"] for e in edges), default=1)
    out_edges = []
    for e in edges:
        (x1, y1), (x2, y2) = where[e["a"]], where[e["b"]]
        out_edges.append({
            "a": e["a"], "b": e["b"], "events": e["events"], "first": e["first"],
            "last": e["last"], "x1": x1, "y1": y1, "x2": x2, "y2": y2,
            "width": round(1 + 7 * math.log1p(e["events"]) / math.log1p(top), 2),
            "changes": changes.get((e["a"], e["b"]), []),
        })  # fmt: skip
    top_node = max((n["events"] for n in nodes), default=1)
    out_nodes = [{
        "code": n["code"], "name": names.get(n["code"], n["code"]), "events": n["events"],
        "x": where[n["code"]][0], "y": where[n["code"]][1],
        "r": round(6 + 14 * math.sqrt(n["events"] / top_node), 1),
    } for n in nodes]  # fmt: skip
    dates = [e["first"] for e in edges if e["first"]] + [e["last"] for e in edges if e["last"]]
    # Planned events can be dated ahead; the ties slider stops at today.
    dates = [min(d, date.today().isoformat()) for d in dates]
    return {"nodes": out_nodes, "edges": out_edges, "width": WIDTH, "height": HEIGHT,
            "first": min(dates, default=None), "last": max(dates, default=None)}  # fmt: skip


def state_at(changes: list[list[str]], day: str) -> str:
    """The tie value in force on ``day`` ("unknown" before the first claim)."""
    value = "unknown"
    for since, v in changes:
        if since <= day:
            value = v
    return value
