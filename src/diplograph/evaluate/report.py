"""Evaluation results: sections of metrics and tables, printable and JSON-serialisable."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.table import Table


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Add ``other``'s counts to these."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> list[str]:
        """P, R, F1, tp, fp, fn as table cells."""
        return [f"{self.precision:.3f}", f"{self.recall:.3f}", f"{self.f1:.3f}",
                str(self.tp), str(self.fp), str(self.fn)]  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        """The counts and scores as a JSON object."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}  # fmt: skip


PRF_COLUMNS = ["", "P", "R", "F1", "tp", "fp", "fn"]


@dataclass(slots=True)
class Section:
    """One scorer's result: headline metrics and a table (per article or per category)."""

    title: str
    metrics: dict[str, Any]
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def rich_table(self) -> Table:
        """The section as a Rich table."""
        table = Table(*self.columns, title=self.title, title_justify="left")
        for row in self.rows:
            table.add_row(*row)
        if self.notes:
            table.caption = " ".join(self.notes)
        return table


@dataclass(slots=True)
class EvalReport:
    """Every section an evaluation run produced."""

    gold: str
    matched: int
    unmatched: list[str]
    sections: list[Section] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Scores as a JSON object, one key per section."""
        return {
            "gold": self.gold, "matched": self.matched, "unmatched": self.unmatched,
            "sections": {s.title: s.metrics for s in self.sections},
        }  # fmt: skip

    def rich_tables(self) -> list[Table]:
        """Every section as a Rich table, preceded by a summary."""
        summary = Table("gold", "matched", "unmatched", title="evaluation", title_justify="left")
        summary.add_row(self.gold, str(self.matched), ", ".join(self.unmatched) or "-")
        return [summary] + [s.rich_table() for s in self.sections]
