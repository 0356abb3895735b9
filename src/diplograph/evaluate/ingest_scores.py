"""Scorers for the ingest stage: boilerplate lines and publication dates."""

from __future__ import annotations

import re

from diplograph.evaluate.context import EvalContext
from diplograph.evaluate.report import PRF_COLUMNS, Counts, Section

_HEADER = re.compile(r"^(URL|Title|Outlet|Published|Language):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
STATED_BASES = ("header", "html", "url", "text")


def fold(text: str) -> str:
    """Trim and fold whitespace, as FORMAT.md compares lines (invisible characters dropped)."""
    return " ".join(_INVISIBLE.sub("", text).split())


def header_line_count(lines: list[str]) -> int:
    """How many leading lines are the input's own header (``URL:`` … then a blank line)."""
    for i, line in enumerate(lines):
        if not line.strip():
            return i + 1 if i else 0
        if not _HEADER.match(line.strip()):
            return 0
    return 0


def score_boilerplate(ctx: EvalContext) -> list[Section]:
    """Line-level P/R/F1 of boilerplate removal over the annotated articles."""
    total = Counts()
    rows: list[list[str]] = []
    for pair in ctx.matched:
        gold_lines = pair.gold.boilerplate_lines
        if gold_lines is None:
            continue
        article = pair.article
        assert article is not None
        body = fold(article["text"])
        own_lines = {fold(x) for x in article["text"].split("\n")}
        title = fold(article["title"] or "")
        lines = ctx.raw_text(article).replace("\r\n", "\n").split("\n")
        skip = header_line_count(lines)
        counts = Counts()
        for number, line in enumerate(lines, start=1):
            folded = fold(line)
            if number <= skip or not folded or number in pair.gold.uncertain_lines:
                continue
            removed = not _kept(folded, body, own_lines)
            is_boilerplate = number in gold_lines
            if removed and is_boilerplate:
                counts.tp += 1
            elif removed and folded == title:
                continue  # became the title: never held against the system
            elif removed:
                counts.fp += 1
            elif is_boilerplate:
                counts.fn += 1
        total.add(counts)
        rows.append([pair.gold.key, *counts.row()])
    if not rows:
        return []
    rows.append(["all", *total.row()])
    return [Section("boilerplate lines", total.to_json(), PRF_COLUMNS, rows)]


#: Lines shorter than this count as kept only as a line of the text on their own (FORMAT.md):
#: a section label such as "US" or "TT" is not kept because the body uses the word.
SHORT_LINE = 40


def _kept(folded: str, body: str, own_lines: set[str]) -> bool:
    """True when a gold line (folded) is still in the exported text, by FORMAT.md's rule."""
    if len(folded) < SHORT_LINE:
        return folded in own_lines
    return folded in body


def _agrees(gold: str, system: str | None) -> bool:
    return system is not None and len(system) >= len(gold) and system[: len(gold)] == gold


def score_dates(ctx: EvalContext) -> list[Section]:
    """Publication dates: exact at the gold precision; stated and inferred apart."""
    stated = [0, 0]
    inferred = [0, 0]
    rows: list[list[str]] = []
    for pair in ctx.matched:
        gold = pair.gold
        if gold.published is None:
            continue
        article = pair.article
        assert article is not None
        ok = _agrees(gold.published, article["published"])
        bucket = stated if gold.published_basis in STATED_BASES else inferred
        bucket[0] += ok
        bucket[1] += 1
        rows.append([gold.key, gold.published, gold.published_basis or "?",
                     article["published"] or "-", article["published_basis"],
                     "yes" if ok else "no"])  # fmt: skip
    if not rows:
        return []
    metrics = {
        "stated_accuracy": round(stated[0] / stated[1], 4) if stated[1] else None,
        "stated": stated[1],
        "inferred_accuracy": round(inferred[0] / inferred[1], 4) if inferred[1] else None,
        "inferred": inferred[1],
    }
    notes = [f"stated dates exact: {stated[0]}/{stated[1]};",
             f"inferred from content (reported apart): {inferred[0]}/{inferred[1]}"]  # fmt: skip
    cols = ["article", "gold", "gold basis", "system", "system basis", "exact"]
    return [Section("publication dates", metrics, cols, rows, notes)]
