"""Each line of a text classified in context: body or boilerplate.

A line is described by what it looks like on its own (length, stop-word
density, terminal punctuation, capitals, digits, dates and times, links and
handles, the cue lexicon's score), by what jusText makes of it among its
neighbours (its paragraph classes, computed on the lines handed to it as
paragraphs), and by where it stands: before the first paragraph of prose or
after the last, between two paragraphs of prose, inside a run of short lines,
repeating the title or another line. A linear model over those features gives
a first probability of boilerplate; a second linear model adds the first
probabilities of the neighbours (a short line between two body paragraphs is
body; a run of short lines is a teaser list). The weights are data
(``data/line_model.json``), fitted on the tuning half of the development set
and the seeds by ``scripts/train_line_model.py``.
"""

from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from diplograph.dates import ends_with_date, stamp_date
from diplograph.errors import ConfigError

log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"
MODEL_FILE = "line_model.json"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TERMINAL = re.compile(r"[.!?\"”’)\]…]\s*$")
_URLISH = re.compile(r"https?://|\bwww\.|\S+@\S+\.\w|(?<![\w.])@\w{2,}", re.IGNORECASE)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|\b{_MONTH}\s+\d{{1,2}}\b|\b{_MONTH},?\s+(?:19|20)\d\d\b"
    r"|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b|\bGMT\b|\bIST\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Za-z.' ]{2,30})?\s*(?:\([^)]{1,60}\))?\s*"
                       r"(?:[-–—:]|\()")  # fmt: skip
_SEPARATORS = re.compile(r"\s[|•·]\s|\s/\s|\s[|•·]|[|•·]\s")
#: A social-media handle: "(@someone)", "@someone" (an embedded post and its credit line).
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
#: Two fields run together where a page's layout had a break: "2024Ukraine", "SmithUpdated".
_GLUED = re.compile(r"(?:19|20)\d\d[A-Z][a-z]|[a-z]{2}(?:Updated|Published|Posted|Last)\b")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")
_QUOTE_START = re.compile(r"^[\"“‘'«]")
#: "By Jane Roe", "Written by …": a byline.
_BYLINE = re.compile(r"^\W*(?:(?:written|words|text|reporting)\s+)?by\s+[A-Z]", re.IGNORECASE)
#: A photo caption's shape: who stands where, who is pictured doing what.
_CAPTION = re.compile(
    r"\(\s*(?:left|right|cent(?:re|er)|L|R|C|top|bottom|front|back)\s*\)"
    r"|,\s*(?:left|right|cent(?:re|er)|second from (?:left|right))\s*,"
    r"|\b(?:pictured|seen here|poses?|gestures?|waves?|arrives? (?:at|for)|listens?)\b",
    re.IGNORECASE,
)
#: A line of this many words or more that ends a sentence is prose.
PROSE_WORDS = 15
#: A line this long is prose however it ends (an excerpt cut off mid-sentence).
LONG_WORDS = 40
#: A line of this many words or more that ends like a sentence reads as one.
SENTENCE_WORDS = 4


@dataclass(frozen=True, slots=True)
class LineModel:
    """Two linear stages and the threshold on the second stage's probability."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    context_names: tuple[str, ...]
    context_weights: tuple[float, ...]
    context_bias: float
    threshold: float
    #: The higher bar for a line that reads as a sentence and has no cue against it.
    sentence_threshold: float = 1.0
    trained_on: str = ""

    def removes(self, probability: float, *, plain_sentence: bool) -> bool:
        """Whether the model removes a line with this probability."""
        bar = max(self.threshold, self.sentence_threshold) if plain_sentence else self.threshold
        return probability >= bar


@lru_cache(maxsize=1)
def line_model() -> LineModel:
    """The packaged model (``data/line_model.json``)."""
    path = DATA / MODEL_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        model = LineModel(
            names=tuple(raw["features"]), weights=tuple(float(w) for w in raw["weights"]),
            bias=float(raw["bias"]), context_names=tuple(raw["context_features"]),
            context_weights=tuple(float(w) for w in raw["context_weights"]),
            context_bias=float(raw["context_bias"]), threshold=float(raw["threshold"]),
            sentence_threshold=float(raw.get("sentence_threshold", raw["threshold"])),
            trained_on=str(raw.get("trained_on", "")),
        )  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: cannot read the line model ({exc}); reinstall") from exc
    if model.names != FEATURES or model.context_names != CONTEXT_FEATURES:
        raise ConfigError(f"{path}: its features do not match this version's; retrain it with "
                          "scripts/train_line_model.py")  # fmt: skip
    return model


#: What stage one sees of a line on its own and of where it stands.
FEATURES = (
    "log_words", "prose", "terminal", "stopwords", "capitalised", "upper", "digits", "date",
    "time", "link", "cue", "strong_cue", "jt_good", "jt_neargood", "jt_short", "jt_bad",
    "jt_cf_bad", "title_overlap", "repeats_title", "repeated", "position", "before_prose",
    "after_prose", "prev_prose", "next_prose", "short_run", "quote_start", "bracket",
    "colon_end", "separators", "tiny", "dateline", "all_caps", "lower_start", "sentence",
    "no_prose", "cut_end", "handle", "next_handle", "glued", "ellipsis_end", "stamp", "byline",
    "name_only", "caption", "ends_date", "headline_run",
)  # fmt: skip
_PROSE, _SENTENCE, _LINK, _CUE = (FEATURES.index(n) for n in ("prose", "sentence", "link", "cue"))
#: What stage two adds: the neighbours' stage-one probabilities.
CONTEXT_FEATURES = ("p_self", "p_prev", "p_next", "p_window", "p_before", "p_after")


def describe(
    lines: list[str], *, title: str | None, cue_scores: list[float], stoplist: frozenset[str]
) -> list[list[float]]:
    """The stage-one feature vector of every line (in the order of :data:`FEATURES`)."""
    n = len(lines)
    words = [_WORD.findall(line) for line in lines]
    prose = [_is_prose(line, w) for w, line in zip(words, lines, strict=True)]
    classes = justext_classes(lines, stoplist)
    title_words = {w.lower() for w in _WORD.findall(title or "")}
    folded = [" ".join(line.lower().split()) for line in lines]
    counts: dict[str, int] = {}
    for f in folded:
        counts[f] = counts.get(f, 0) + 1
    first = next((i for i, p in enumerate(prose) if p), -1)  # no prose: nothing is before it
    last = max((i for i, p in enumerate(prose) if p), default=n)
    runs = _short_runs(prose)
    title_key = " ".join((title or "").lower().split())
    handles = [bool(_HANDLE.search(line)) for line in lines]
    headlines = [_headline(line, w, stoplist) for w, line in zip(words, lines, strict=True)]
    headline_runs = _short_runs([not h for h in headlines])
    out = []
    for i, line in enumerate(lines):
        w = words[i]
        lower = [x.lower() for x in w]
        letters = [c for c in line if c.isalpha()]
        good, cf_bad = classes[i]
        out.append([
            math.log1p(len(line.split())), float(prose[i]), float(bool(_TERMINAL.search(line))),
            sum(x in stoplist for x in lower) / len(w) if w else 0.0,
            sum(x[:1].isupper() for x in w) / len(w) if w else 0.0,
            sum(c.isupper() for c in letters) / len(letters) if letters else 0.0,
            min(1.0, 3 * sum(c.isdigit() for c in line) / max(1, len(line))),
            float(bool(_DATE.search(line))), float(bool(_TIME.search(line))),
            float(bool(_URLISH.search(line))),
            max(-2.0, min(4.0, cue_scores[i])) / 2, float(cue_scores[i] >= 1.0),
            float(good == "good"), float(good == "neargood"), float(good == "short"),
            float(good == "bad"), float(cf_bad),
            len(title_words & set(lower)) / len(title_words | set(lower))
            if title_words and lower else 0.0,
            float(bool(title_key) and folded[i] == title_key), float(counts[folded[i]] > 1),
            i / (n - 1) if n > 1 else 0.0, float(i < first), float(i > last),
            float(i > 0 and prose[i - 1]), float(i + 1 < n and prose[i + 1]),
            math.log1p(runs[i]), float(bool(_QUOTE_START.search(line))),
            float(line[:1] in "([{"), float(line.rstrip().endswith(":")),
            float(bool(_SEPARATORS.search(line))), float(len(line.split()) <= 3),
            float(bool(_DATELINE.match(line))), float(bool(letters) and line.isupper()),
            float(line[:1].islower()), float(_sentence(line, w, stoplist)), float(first < 0),
            float(i == n - 1 and len(w) >= 5 and not _TERMINAL.search(line)),
            float(handles[i]), float(i + 1 < n and handles[i + 1]),
            float(bool(_GLUED.search(line))), float(bool(_ELLIPSIS_END.search(line))),
            *_shapes(line, w, stoplist),
            math.log1p(headline_runs[i]) if headline_runs[i] > 1 else 0.0,
        ])  # fmt: skip
    return out


def _shapes(line: str, words: list[str], stoplist: frozenset[str]) -> tuple[float, ...]:
    """Stamp, byline, name-only, caption and ends-with-a-date shapes of a line."""
    short = len(words) <= 12
    name_only = (2 <= len(words) <= 4 and all(x[:1].isupper() for x in words)
                 and not any(x.lower() in stoplist for x in words)
                 and not any(c.isdigit() for c in line) and not _TERMINAL.search(line))  # fmt: skip
    return (
        float(short and stamp_date(line) is not None), float(short and bool(_BYLINE.search(line))),
        float(name_only), float(bool(_CAPTION.search(line))), float(ends_with_date(line)),
    )  # fmt: skip


def _headline(line: str, words: list[str], stoplist: frozenset[str]) -> bool:
    """Reads as a headline: 4 to 20 words, capitalised, no final period, mostly content words."""
    if not 4 <= len(words) <= 20 or not line[:1].isupper() or line.rstrip().endswith("."):
        return False
    capitals = sum(x[:1].isupper() for x in words if x.lower() not in stoplist)
    return capitals >= 0.5 * sum(x.lower() not in stoplist for x in words)


def _is_prose(line: str, words: list[str] | None = None) -> bool:
    """A paragraph of running text: long and ending like a sentence, or very long (cut off)."""
    words = _WORD.findall(line) if words is None else words
    return len(words) >= LONG_WORDS or (len(words) >= PROSE_WORDS
                                        and bool(_TERMINAL.search(line)))  # fmt: skip


def plain_sentence(row: list[float]) -> bool:
    """From a line's features: it reads as a sentence, has no link or handle, and the
    lexicon is not sure about it (its cue score, stored halved, is under 1.0)."""
    return bool(row[_SENTENCE]) and not row[_LINK] and row[_CUE] < 0.5


def _sentence(line: str, words: list[str], stoplist: frozenset[str]) -> bool:
    """Reads as a sentence: capitalised, long enough, ends a clause, has function words."""
    return (len(words) >= SENTENCE_WORDS and line[:1].isupper() and bool(_TERMINAL.search(line))
            and any(x.lower() in stoplist for x in words))  # fmt: skip


def _short_runs(prose: list[bool]) -> list[int]:
    """For each line, the length of the run of non-prose lines it belongs to (0 for prose)."""
    out = [0] * len(prose)
    i = 0
    while i < len(prose):
        if prose[i]:
            i += 1
            continue
        j = i
        while j < len(prose) and not prose[j]:
            j += 1
        for k in range(i, j):
            out[k] = j - i
        i = j
    return out


def justext_classes(lines: list[str], stoplist: frozenset[str]) -> list[tuple[str, bool]]:
    """jusText's final class and whether its context-free class was ``bad``, per line.

    The lines are handed to jusText as the paragraphs of a page, so its
    context revision (a short paragraph between good ones is good) applies.
    """
    from diplograph.ingest.paragraphs import classified_paragraphs

    if not lines:
        return []
    page = "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in lines) + "</body></html>"
    try:
        paragraphs = classified_paragraphs(page.encode("utf-8"), stoplist)
    except Exception:  # noqa: BLE001 - jusText is one opinion among the features; never fatal
        log.debug("jusText failed on a text of %d lines", len(lines), exc_info=True)
        paragraphs = []
    if len(paragraphs) != len(lines):  # it dropped or merged a paragraph: no opinion
        return [("", False)] * len(lines)
    return [(p.class_type, p.cf_class == "bad") for p in paragraphs]


def stage_two(p: list[float]) -> list[list[float]]:
    """The context features of every line from the stage-one probabilities ``p``."""
    n = len(p)
    out = []
    for i in range(n):
        window = p[max(0, i - 2) : i] + p[i + 1 : i + 3]
        out.append([
            p[i], p[i - 1] if i > 0 else 1.0, p[i + 1] if i + 1 < n else 1.0,
            sum(window) / len(window) if window else p[i],
            sum(p[:i]) / i if i else 1.0, sum(p[i + 1 :]) / (n - i - 1) if i + 1 < n else 1.0,
        ])  # fmt: skip
    return out


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def _linear(rows: list[list[float]], weights: tuple[float, ...], bias: float) -> list[float]:
    return [_logistic(bias + sum(w * x for w, x in zip(weights, row, strict=True)))
            for row in rows]  # fmt: skip


def classify(
    lines: list[str],
    *,
    title: str | None,
    cue_scores: list[float],
    stoplist: frozenset[str],
    model: LineModel | None = None,
) -> list[tuple[float, bool]]:
    """For each line, the probability that it is boilerplate (stage two) and whether the
    model removes it.

    The model reads a line against the article's prose; a text with no line of
    prose at all (a stub, a list of short lines) is left to the cue lexicon:
    every probability is 0 and nothing is removed.
    """
    model = model or line_model()
    rows = describe(lines, title=title, cue_scores=cue_scores, stoplist=stoplist)
    if not any(row[_PROSE] for row in rows):
        return [(0.0, False)] * len(lines)
    first = _linear(rows, model.weights, model.bias)
    second = _linear(stage_two(first), model.context_weights, model.context_bias)
    return [(p, model.removes(p, plain_sentence=plain_sentence(row)))
            for p, row in zip(second, rows, strict=True)]  # fmt: skip


@lru_cache(maxsize=16)
def stoplist_for(language: str | None) -> frozenset[str]:
    """jusText's stop list for an ISO 639-1 code (English when unknown or not shipped)."""
    import justext

    name = _JUSTEXT_NAMES.get(language or "en", "English")
    try:
        return frozenset(justext.get_stoplist(name))
    except ValueError:
        return frozenset(justext.get_stoplist("English"))


#: ISO 639-1 codes of the languages news in this domain comes in → jusText's stop-list names.
_JUSTEXT_NAMES = {
    "en": "English", "ar": "Arabic", "de": "German", "fr": "French", "es": "Spanish",
    "it": "Italian", "pl": "Polish", "tr": "Turkish", "pt": "Portuguese", "nl": "Dutch",
    "ru": "Russian", "fa": "Persian", "he": "Hebrew", "id": "Indonesian", "sv": "Swedish",
}  # fmt: skip
