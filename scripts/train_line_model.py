"""Train the boilerplate line model (``src/diplograph/ingest/data/line_model.json``).

    .venv/bin/python scripts/train_line_model.py            # train and write the model
    .venv/bin/python scripts/train_line_model.py --dry-run  # cross-validated scores only

Training lines come from the dev set's **tuning** stories only (``eval/split.json``;
the rebuilt texts of ``eval/dev-texts/``, see ``../shared/dev/README.md``) and the
five seeds, each with its gold ``boilerplate_lines`` (the example corpus, our own
writing, is left out: adding its eight plain texts lowered the held-out F1).
Every line is read exactly as ``diplograph ingest`` reads it (``clean.read_body``),
aligned back to the input's line numbers, and described by
:func:`diplograph.ingest.lines.describe`. Stage one is a logistic regression on
those features; stage two reads each line's out-of-fold stage-one probability
with its neighbours'. The regularisation and the threshold are chosen by
cross-validation grouped by story, scoring the whole decision (lexicon OR model).
The held-out stories are never read here.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from dev_eval import verified_texts  # same folder
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from diplograph.evaluate.ingest_scores import fold, header_line_count
from diplograph.ingest import boilerplate, clean, lines
from diplograph.model import RawInput

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
#: How much cross-validated F1 the higher bar for plain sentences may cost.
SENTENCE_TOLERANCE = 0.005
OUT = ROOT / "src" / "diplograph" / "ingest" / "data" / lines.MODEL_FILE


@dataclass
class Doc:
    """One training article: its features, labels and story (the CV group)."""

    story: str
    name: str
    text: list[str]
    features: list[list[float]]
    labels: list[int]
    cue_sure: list[bool]
    keep: list[bool]  # lines that count (not a title repeat, not uncertain)
    plain: list[bool]  # reads as a sentence, no cue against it (the higher bar)


def gold_rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def sources(root: Path) -> list[tuple[Path, dict]]:
    """(text file, gold object) of every training article that has boilerplate gold."""
    split = json.loads((root / "eval" / "split.json").read_text(encoding="utf-8"))
    tune = set(split["tune"])
    index_text = (SHARED / "dev" / "index.tsv").read_text(encoding="utf-8").splitlines()
    index = csv.DictReader(index_text, delimiter="\t")
    tune_files = {row["file"] for row in index if row["story"] in tune}
    verified = verified_texts()
    out = []
    for gold in gold_rows(SHARED / "dev" / "dev.gold.jsonl"):
        path = root / "eval" / "dev-texts" / gold["file"]
        if gold["file"] in tune_files and gold["file"] in verified:
            out.append((path, gold))
    for gold in gold_rows(SHARED / "gold" / "seeds.gold.jsonl"):
        out.append((SHARED / "corpus" / "seeds" / gold["file"], gold))
    return [(p, g) for p, g in out if g.get("boilerplate_lines") is not None]


def align(raw_lines: list[str], body_lines: list[str]) -> list[list[int]]:
    """The 1-based input line numbers each body line was read from (re-joined lines: several)."""
    skip = header_line_count(raw_lines)
    numbered = [(n, fold(x)) for n, x in enumerate(raw_lines, start=1) if n > skip and fold(x)]
    out: list[list[int]] = []
    k = 0
    for line in body_lines:
        target, taken, joined = fold(line), [], ""
        while k < len(numbered) and len(joined) < len(target):
            taken.append(numbered[k][0])
            joined = f"{joined} {numbered[k][1]}".strip()
            k += 1
        out.append(taken if joined == target else [])
    return out


def read_doc(path: Path, gold: dict) -> Doc:
    """Describe one article's lines as ingest reads them, with gold labels."""
    data = path.read_bytes()
    body = clean.read_body(RawInput(source=path.name, content=data, media_type="text/plain"))
    title, language = clean.title_and_language(body)
    verdicts = boilerplate.cue_verdicts(body.lines)
    features = lines.describe(body.lines, title=title, cue_scores=[v.score for v in verdicts],
                              stoplist=lines.stoplist_for(language))  # fmt: skip
    raw_lines = data.decode("utf-8", errors="replace").replace("\r\n", "\n").split("\n")
    numbers = align(raw_lines, body.lines)
    bad, unsure = set(gold["boilerplate_lines"]), set(gold.get("uncertain_lines") or [])
    folded_title = fold(title or "")
    labels, keep = [], []
    for line, taken in zip(body.lines, numbers, strict=True):
        labels.append(int(bool(taken) and all(n in bad for n in taken)))
        keep.append(bool(taken) and not (set(taken) & unsure) and fold(line) != folded_title)
    sure = [v.score >= boilerplate.THRESHOLD for v in verdicts]
    plain = [lines.plain_sentence(row) for row in features]
    return Doc(
        gold.get("story") or path.name, path.name, body.lines, features, labels, sure, keep, plain
    )


def fit(x: np.ndarray, y: np.ndarray, c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x, y)


def stage_two_rows(docs: list[Doc], p1: list[np.ndarray]) -> np.ndarray:
    return np.array([row for p in p1 for row in lines.stage_two([float(v) for v in p])])


def cross_validate(docs: list[Doc], c: float, folds: int) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold stage-two probabilities of every line, and their story groups."""
    groups = np.array([i for i, d in enumerate(docs) for _ in d.labels])
    x = np.array([row for d in docs for row in d.features])
    y = np.array([v for d in docs for v in d.labels])
    p1 = np.zeros(len(y))
    splitter = GroupKFold(n_splits=folds)
    story_of = np.array([docs[g].story for g in groups])
    for train, test in splitter.split(x, y, story_of):
        p1[test] = fit(x[train], y[train], c).predict_proba(x[test])[:, 1]
    per_doc = [p1[groups == i] for i in range(len(docs))]
    z = stage_two_rows(docs, per_doc)
    p2 = np.zeros(len(y))
    for train, test in splitter.split(z, y, story_of):
        p2[test] = fit(z[train], y[train], c).predict_proba(z[test])[:, 1]
    return p2, groups


def decide(docs: list[Doc], p: np.ndarray, threshold: float, bar: float) -> np.ndarray:
    """The whole decision per line: the lexicon is sure, or the model's probability is over
    the threshold (over ``bar`` for a plain sentence)."""
    sure = np.array([v for d in docs for v in d.cue_sure])
    plain = np.array([v for d in docs for v in d.plain])
    return sure | np.where(plain, p >= max(threshold, bar), p >= threshold)


def f1_at(docs: list[Doc], p: np.ndarray, threshold: float,
          bar: float = 0.0) -> tuple[float, float, float]:  # fmt: skip
    """P/R/F1 of the whole decision on counted lines."""
    y = np.array([v for d in docs for v in d.labels])
    keep = np.array([v for d in docs for v in d.keep])
    removed = decide(docs, p, threshold, bar)[keep]
    gold = y[keep] == 1
    tp = int((removed & gold).sum())
    prec = tp / max(1, int(removed.sum()))
    rec = tp / max(1, int(gold.sum()))
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def print_errors(docs: list[Doc], p: np.ndarray, threshold: float, bar: float) -> None:
    """Each counted line the whole decision gets wrong, out of fold: FP (body removed), FN."""
    decided = decide(docs, p, threshold, bar)
    k = 0
    for d in docs:
        for line, label, sure, keep in zip(d.text, d.labels, d.cue_sure, d.keep, strict=True):
            removed = bool(decided[k])
            if keep and removed != bool(label):
                kind = "FP" if removed else "FN"
                print(f"{kind} {d.name} p={p[k]:.2f} {'cue ' if sure else ''}| {line[:110]}")
            k += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="report, do not write the model")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, action="append",
                        help="regularisation to try (repeatable; default: a grid)")  # fmt: skip
    parser.add_argument(
        "--errors", action="store_true", help="print the out-of-fold mistakes (tuning lines only)"
    )
    args = parser.parse_args(argv)
    docs = [read_doc(p, g) for p, g in sources(ROOT)]
    n = sum(len(d.labels) for d in docs)
    print(f"{len(docs)} articles, {n} lines, {sum(sum(d.labels) for d in docs)} boilerplate")
    best = (-1.0, 0.0, 0.0)
    runs = {}
    for c in args.c or (0.03, 0.1, 0.3, 1.0, 3.0):
        runs[c], _ = cross_validate(docs, c, args.folds)
        for t in np.arange(0.3, 0.96, 0.05):
            f1 = f1_at(docs, runs[c], float(t))[2]
            if f1 > best[0]:
                best = (f1, c, float(t))
        print(f"C={c}: best so far F1 {best[0]:.3f} (C={best[1]}, threshold {best[2]:.2f})")
    f1, c, threshold = best
    # A body sentence removed is the costlier mistake: the highest bar for plain sentences
    # that costs at most SENTENCE_TOLERANCE of cross-validated F1.
    bar = max(
        b
        for b in np.arange(0.0, 0.991, 0.05)
        if f1_at(docs, runs[c], threshold, float(b))[2] >= f1 - SENTENCE_TOLERANCE
    )
    print(f"plain sentences need p >= {max(bar, threshold):.2f}")
    p2, _ = cross_validate(docs, c, args.folds)
    prec, rec, f1 = f1_at(docs, p2, threshold, bar)
    print(f"cross-validated (grouped by story): P {prec:.3f} R {rec:.3f} F1 {f1:.3f}")
    if args.errors:
        print_errors(docs, p2, threshold, bar)
    if args.dry_run:
        return 0
    x = np.array([row for d in docs for row in d.features])
    y = np.array([v for d in docs for v in d.labels])
    one = fit(x, y, c)
    groups = np.array([i for i, d in enumerate(docs) for _ in d.labels])
    _, oof_groups = cross_validate(docs, c, args.folds)
    p1 = np.zeros(len(y))
    story_of = np.array([docs[g].story for g in groups])
    for train, test in GroupKFold(n_splits=args.folds).split(x, y, story_of):
        p1[test] = fit(x[train], y[train], c).predict_proba(x[test])[:, 1]
    z = stage_two_rows(docs, [p1[oof_groups == i] for i in range(len(docs))])
    two = fit(z, y, c)
    model = {
        "features": list(lines.FEATURES), "weights": [round(float(w), 6) for w in one.coef_[0]],
        "bias": round(float(one.intercept_[0]), 6),
        "context_features": list(lines.CONTEXT_FEATURES),
        "context_weights": [round(float(w), 6) for w in two.coef_[0]],
        "context_bias": round(float(two.intercept_[0]), 6), "threshold": round(threshold, 3),
        "sentence_threshold": round(max(threshold, bar), 3),
        "trained_on": f"{len(docs)} articles ({n} lines): dev-set tuning stories, seeds; "
                      f"C={c}; cross-validated P {prec:.3f} R {rec:.3f} "
                      f"F1 {f1:.3f}",
    }  # fmt: skip
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
