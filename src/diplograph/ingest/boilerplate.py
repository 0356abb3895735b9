"""Line-by-line boilerplate removal for plain text (and for the text an HTML extractor returns).

Each line gets a score from the cues of the lexicon (``data/boilerplate.csv``,
extendable by the user) and from features of the line itself: URLs and
handles, first-person-plural outlet voice outside quotes ("we", "our"),
imperative calls to action, short unpunctuated lines, position near the end,
and long prose (which pulls the score down). A line scoring 1.0 or more is
removed; so is a line the line model (:mod:`diplograph.ingest.lines`), which
reads that score with the line's other features and its neighbours', finds
likely boilerplate. The model never removes every line. Donation appeals are
blocks: once a line opens one, the following lines written in the outlet's
voice go with it. Date lines ("Published: …") are removed too and handed back
as metadata.
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from diplograph.config import user_data_file
from diplograph.ingest.lines import LineModel, classify, line_model, stoplist_for
from diplograph.prefilter import lowered_for_prefilter, may_match

log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"
LEXICON_FILE = "boilerplate.csv"
THRESHOLD = 1.0
#: Kinds whose cue only counts on a short line (a date line, a byline, a tag list).
SHORT_ONLY = {"published", "updated", "byline", "tags"}
SHORT_WORDS = 12

_QUOTED = re.compile(r"\"[^\"]*(\"|$)|“[^”]*(”|$)|«[^»]*(»|$)")
_VOICE = re.compile(r"\b(?i:we|our|ours|ourselves)\b|\bus\b")
_CTA = re.compile(
    r"^\W*(follow|subscribe|sign up|join|donate|support|click|tap|share|download|read|watch|"
    r"listen|get|register|like|send|contact|visit|become|help|give|stay|don'?t miss)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+|\bwww\.\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_TERMINAL = re.compile(r"[.!?\"”’]\s*$")


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon row: a pattern, the kind of boilerplate it signals, and its weight."""

    pattern: re.Pattern[str]
    kind: str
    weight: float


@dataclass(slots=True)
class LineVerdict:
    """What the scorer thinks of one line."""

    text: str
    score: float = 0.0
    kinds: list[str] = field(default_factory=list)
    voice: bool = False
    removed: bool = False
    title: bool = False  # the line only repeats the title
    probability: float = 0.0  # the line model's probability of boilerplate


def load_lexicon(*paths: Path) -> list[Cue]:
    """Cues from the packaged lexicon plus any user files given (same columns)."""
    cues: list[Cue] = []
    for path in (DATA / LEXICON_FILE, *paths):
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                try:
                    cues.append(Cue(re.compile(row["pattern"], re.IGNORECASE), row["kind"].strip(),
                                    float(row["weight"])))  # fmt: skip
                except (KeyError, ValueError, re.error) as exc:
                    log.warning("%s line %d: skipped a bad boilerplate cue (%s)", path, n, exc)
    return cues


@lru_cache(maxsize=1)
def default_lexicon() -> tuple[Cue, ...]:
    """The packaged lexicon merged with ``$DIPLOGRAPH_DATA/boilerplate.csv`` when present."""
    return tuple(load_lexicon(user_data_file(LEXICON_FILE)))


def unquoted(line: str) -> str:
    """The line without quoted speech (which may say "we" without being the outlet)."""
    return _QUOTED.sub(" ", line)


def score_line(line: str, *, lexicon: tuple[Cue, ...] | list[Cue]) -> LineVerdict:
    """Score one line on its own (no context)."""
    verdict = LineVerdict(line)
    bare = unquoted(line)
    words = len(line.split())
    sentence_like = words > 4 and bool(re.search(r"[.!?]\s*$", line))
    short_too = words <= SHORT_WORDS and not sentence_like
    lowered = lowered_for_prefilter(bare)  # a cue whose words are not in the line is not searched
    for cue in lexicon:
        if cue.kind in SHORT_ONLY and not short_too:
            continue
        if may_match(cue.pattern, lowered) and cue.pattern.search(bare):
            verdict.score += cue.weight
            verdict.kinds.append(cue.kind)
    verdict.voice = bool(_VOICE.search(bare))
    verdict.score += 0.6 if verdict.voice else 0.0
    verdict.score += 0.5 if _CTA.search(line) else 0.0
    urls = _URL.findall(line)
    if urls:
        share = sum(len(u) for u in urls) / max(1, len(line.strip()))
        verdict.score += 2.0 if share > 0.5 else 0.8
    verdict.score += 0.6 if _HANDLE.search(bare) else 0.0
    if words <= 8 and not _TERMINAL.search(line):
        verdict.score += 0.3
    if words > 35 and _TERMINAL.search(line) and "caption" not in verdict.kinds:
        verdict.score -= 1.0 if words <= 60 else 1.5  # long prose: needs strong evidence
    return verdict


def cue_verdicts(
    lines: list[str], *, lexicon: tuple[Cue, ...] | list[Cue] | None = None
) -> list[LineVerdict]:
    """Every line scored by the lexicon, a cue in the last three lines weighing a little more."""
    cues = default_lexicon() if lexicon is None else lexicon
    verdicts = [score_line(line, lexicon=cues) for line in lines]
    tail_from = max(0, len(lines) - 3)
    for verdict in verdicts[tail_from:]:
        if verdict.score > 0:
            verdict.score += 0.3
    return verdicts


def score_lines(
    lines: list[str],
    *,
    title: str | None = None,
    lexicon: tuple[Cue, ...] | list[Cue] | None = None,
    language: str | None = None,
    model: LineModel | None = None,
) -> list[LineVerdict]:
    """Score every line in context and decide which are removed.

    A line goes when its cue score reaches :data:`THRESHOLD` (the lexicon is
    sure) or when the line model, which reads the cue score with the line's
    other features and its neighbours', finds it likely boilerplate.
    """
    verdicts = cue_verdicts(lines, lexicon=lexicon)
    folded_title = _fold_title(title)
    decided = classify(
        lines, title=title, cue_scores=[v.score for v in verdicts],
        stoplist=stoplist_for(language), model=model or line_model(),
    ) if lines else []  # fmt: skip
    for verdict, (p, model_removes) in zip(verdicts, decided, strict=True):
        verdict.probability = p
        if folded_title and _fold_title(verdict.text) == folded_title:
            verdict.title = verdict.removed = True
            continue
        verdict.removed = verdict.score >= THRESHOLD or model_removes
    _keep_the_longest(verdicts)
    _remove_appeal_blocks(verdicts)
    return verdicts


def _keep_the_longest(verdicts: list[LineVerdict]) -> None:
    """The model never removes every line: the longest goes only when the lexicon is sure."""
    if not verdicts or not all(v.removed for v in verdicts):
        return
    candidates = [v for v in verdicts if not v.title and v.score < THRESHOLD]
    if candidates:
        max(candidates, key=lambda v: len(v.text.split())).removed = False


def _fold_title(text: str | None) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text or "").lower().split())


def _remove_appeal_blocks(verdicts: list[LineVerdict]) -> None:
    """A donation appeal opens a block; outlet-voice lines after it (gaps up to two) go too."""
    i = 0
    while i < len(verdicts):
        if "appeal_start" not in verdicts[i].kinds or not verdicts[i].removed:
            i += 1
            continue
        end, voiced = i, False
        for k in range(i + 1, len(verdicts)):
            v = verdicts[k]
            cue = v.voice or v.score >= 0.3 or "appeal" in v.kinds or "appeal_start" in v.kinds
            if cue:
                end, voiced = k, voiced or v.voice
            elif k - end > 2:
                break
        if voiced:
            for v in verdicts[i + 1 : end + 1]:
                v.removed = True
                v.kinds.append("appeal_block")
        i = end + 1
