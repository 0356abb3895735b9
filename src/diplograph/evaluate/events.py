"""Scoring events against gold (../shared/gold/FORMAT.md, "How scoring works").

Each event expands into triples: (actor, type, recipient) for every actor ×
recipient — unordered for CONSULT, AGREE and COOPERATE — or, with no
recipient, every unordered pair of its actors (a mutual event), or
(actor, type, –) for a lone actor. A directed triple also matches the
unordered triple of the same pair and type. Optional gold events are neither
required nor penalised. Dyads are unordered pairs of distinct codes.
Modality is scored as accuracy over matched triples. Micro-averaged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from diplograph.evaluate.context import EvalContext
from diplograph.evaluate.report import PRF_COLUMNS, Counts, Section

UNORDERED_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: A triple: (actor, type, recipient, unordered). Unordered triples keep the pair sorted.
Triple = tuple[str, str, str, bool]


def _codes(parties: Iterable[Any]) -> list[str]:
    """Codes of a role list that holds codes (gold) or party objects (predictions)."""
    out = []
    for p in parties or []:
        code = p.get("code") if isinstance(p, dict) else p
        if code and code not in out:
            out.append(code)
    return out


def triples(event: dict[str, Any]) -> set[Triple]:
    """The triples one event stands for (FORMAT.md)."""
    kind = event["event"]
    actors, recipients = _codes(event.get("actor")), _codes(event.get("recipient"))
    out: set[Triple] = set()
    if recipients:
        for a in actors:
            for r in recipients:
                if a == r:
                    continue
                if kind in UNORDERED_TYPES:
                    x, y = sorted((a, r))
                    out.add((x, kind, y, True))
                else:
                    out.add((a, kind, r, False))
    elif len(actors) > 1:
        for a, b in combinations(sorted(actors), 2):
            out.add((a, kind, b, True))
    elif actors:
        out.add((actors[0], kind, "", False))
    return out


def _unordered(t: Triple) -> Triple:
    x, y = sorted((t[0], t[2]))
    return (x, t[1], y, True)


def matches(pred: Triple, gold: Triple) -> bool:
    """True when a predicted triple meets a gold triple (directed meets unordered)."""
    if pred == gold:
        return True
    if pred[3] or gold[3]:
        return bool(pred[2] and gold[2]) and _unordered(pred) == _unordered(gold)
    return False


def dyads(event: dict[str, Any]) -> set[tuple[str, str]]:
    """Unordered pairs of distinct codes among an event's actors and recipients."""
    codes = sorted(set(_codes(event.get("actor"))) | set(_codes(event.get("recipient"))))
    return set(combinations(codes, 2))


@dataclass(slots=True)
class ArticleScore:
    """Triple, dyad and modality counts for one article."""

    triples: Counts = field(default_factory=Counts)
    dyads: Counts = field(default_factory=Counts)
    modality_ok: int = 0
    modality_n: int = 0


def score_article(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> ArticleScore:
    """Compare one article's predicted events with its gold events."""
    required = _triple_modalities([g for g in gold if not g.get("optional")])
    optional = _triple_modalities([g for g in gold if g.get("optional")])
    pred = _aligned(_triple_modalities(predicted), [*required, *optional])
    score = ArticleScore()
    for p, p_modalities in pred.items():
        if p in required:
            score.triples.tp += 1
            score.modality_n += 1
            score.modality_ok += bool(p_modalities & required[p])
        elif p not in optional:
            score.triples.fp += 1
    score.triples.fn += len(set(required) - set(pred))
    gold_dyads = {d for g in gold if not g.get("optional") for d in dyads(g)}
    opt_dyads = {d for g in gold if g.get("optional") for d in dyads(g)}
    pred_dyads = {d for p in predicted for d in dyads(p)}
    score.dyads.tp = len(pred_dyads & gold_dyads)
    score.dyads.fp = len(pred_dyads - gold_dyads - opt_dyads)
    score.dyads.fn = len(gold_dyads - pred_dyads)
    return score


def _aligned(pred: dict[Triple, set[str]], gold: list[Triple]) -> dict[Triple, set[str]]:
    """Predicted triples rewritten to the gold triple they meet, so sets compare (FORMAT.md)."""
    out: dict[Triple, set[str]] = {}
    for p, modalities in pred.items():
        target = p if p in gold else next((g for g in gold if matches(p, g)), p)
        out.setdefault(target, set()).update(modalities)
    return out


def _triple_modalities(events: list[dict[str, Any]]) -> dict[Triple, set[str]]:
    """Every triple of ``events`` with the modalities of the events that yield it."""
    out: dict[Triple, set[str]] = {}
    for ev in events:
        for t in triples(ev):
            out.setdefault(t, set()).add(ev.get("modality") or "asserted")
    return out


def score(ctx: EvalContext) -> list[Section]:
    """Event triples, dyads and modality over the matched gold articles, per article."""
    total = ArticleScore()
    rows: list[list[str]] = []
    for pair in ctx.matched:
        if pair.gold.events is None or pair.article is None:
            continue
        s = score_article(ctx.events(pair.article["id"]), pair.gold.events)
        _add(total, s)
        rows.append([pair.gold.key, *s.triples.row(), f"{s.dyads.f1:.3f}",
                     f"{s.modality_ok}/{s.modality_n}"])  # fmt: skip
    if not rows:
        return []
    return summary_sections(total, rows)


def _add(total: ArticleScore, s: ArticleScore) -> None:
    total.triples.add(s.triples)
    total.dyads.add(s.dyads)
    total.modality_ok += s.modality_ok
    total.modality_n += s.modality_n


def summary_sections(total: ArticleScore, rows: list[list[str]]) -> list[Section]:
    """The events sections: per-article triples table, then dyads and modality."""
    accuracy = total.modality_ok / total.modality_n if total.modality_n else 0.0
    rows = rows + [["all", *total.triples.row(), f"{total.dyads.f1:.3f}",
                    f"{total.modality_ok}/{total.modality_n}"]]  # fmt: skip
    cols = [*PRF_COLUMNS, "dyad F1", "modality"]
    metrics = total.triples.to_json()
    triples_section = Section("event triples", metrics, cols, rows)
    dyad_section = Section("event dyads", total.dyads.to_json(), PRF_COLUMNS,
                           [["all", *total.dyads.row()]])  # fmt: skip
    modality = Section(
        "event modality", {"accuracy": round(accuracy, 4), "matched": total.modality_n},
        ["", "accuracy", "matched triples"],
        [["all", f"{accuracy:.3f}", str(total.modality_n)]],
    )  # fmt: skip
    return [triples_section, dyad_section, modality]
