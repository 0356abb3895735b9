"""Sentence splitting of cleaned article text (offsets index the text).

spaCy's tokenizer knows the abbreviations of news English ("U.S.", "Gen.",
"Sept.", "a.m.", "D.C."), so its rule-based sentencizer does most of the work.
Around it, a few repairs for what news text does to it: an opening quotation
mark left at the end of the previous sentence, "No. 10" split after "No.",
and an abbreviation that really does end a sentence ("… in the U.S. The
talks …"). A line break always ends a sentence: cleaning has already joined
hard-wrapped lines, so each line is a paragraph.

No input is too long to split: spaCy refuses a text of more than
``max_length`` (1,000,000) characters, so a longer line goes to the
sentencizer in windows cut at spaces; and a run of more than
:data:`MAX_SENTENCE_CHARS` without sentence punctuation is cut at spaces into
sentences of at most that length, which the parser can take.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from diplograph.model import Sentence
from diplograph.nlp import sentencizer

_PARAGRAPH = re.compile(r"[^\n]+")
_OPENING_QUOTE_AT_END = re.compile(r"\s([“‘\"'«])$")
_NUMBER_ABBREVIATION = re.compile(r"\b(No|Nos|Art|Fig|Vol|Para|pp?)\.$", re.IGNORECASE)
_ENDING_ABBREVIATION = re.compile(
    r"\b(?:U\.S|U\.K|U\.N|E\.U|D\.C|U\.A\.E)\.\s+(?=(?:The|A|An|He|She|It|They|We|This|That|"
    r"These|Those|But|And|Yet|In|On|At|Meanwhile|However|Earlier|Later|Officials|There)\b)"
)

#: Lines longer than this reach the sentencizer in windows (spaCy's max_length is 1,000,000).
WINDOW_CHARS = 100_000
#: The longest sentence: the parser needs about 1 GB per 100,000 characters, and no real
#: sentence comes near this; a longer run without sentence punctuation is cut at spaces.
MAX_SENTENCE_CHARS = 1_000


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; a line break always ends a sentence."""
    nlp = sentencizer()
    spans: list[tuple[int, int]] = []
    lines = [window for m in _PARAGRAPH.finditer(text)
             for window in _windows(m.start(), m.end(), text, WINDOW_CHARS)]  # fmt: skip
    for (base, _end), doc in zip(lines, nlp.pipe(text[a:b] for a, b in lines), strict=True):
        pieces = [(base + s.start_char, base + s.end_char) for s in doc.sents]
        spans.extend(_repair(text, pieces))
    out: list[Sentence] = []
    for start, end in spans:
        for begin, stop in _windows(start, end, text, MAX_SENTENCE_CHARS):
            chunk = text[begin:stop]
            stripped = chunk.strip()
            if not stripped:
                continue
            first = begin + (len(chunk) - len(chunk.lstrip()))
            out.append(Sentence(len(out), first, first + len(stripped), stripped))
    return out


def _windows(start: int, end: int, text: str, size: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` as consecutive spans of at most ``size`` characters, cut at spaces."""
    while end - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        cut = cut if cut > start else start + size
        yield start, cut
        start = cut
    yield start, end


def _repair(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fix the sentencizer's mistakes on one paragraph's sentence spans."""
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and _should_merge(text[merged[-1][0] : merged[-1][1]], text[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    for i in range(len(merged) - 1):
        start, end = merged[i]
        m = _OPENING_QUOTE_AT_END.search(text[start:end].rstrip())
        if m:
            cut = start + m.start(1)
            merged[i] = (start, cut)
            merged[i + 1] = (cut, merged[i + 1][1])
    out: list[tuple[int, int]] = []
    for start, end in merged:
        out.extend(_split_abbreviations(text, start, end))
    return out


def _should_merge(previous: str, current: str) -> bool:
    """"No." before a number, or a fragment that is only punctuation, belongs to the previous."""
    head = current.lstrip()
    if _NUMBER_ABBREVIATION.search(previous.rstrip()) and head[:1].isdigit():
        return True
    return not any(ch.isalnum() for ch in head)


def _split_abbreviations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split after "U.S." (and the like) when a sentence clearly starts after it."""
    spans = []
    cursor = start
    for m in _ENDING_ABBREVIATION.finditer(text, start, end):
        cut = m.end()
        spans.append((cursor, cut))
        cursor = cut
    spans.append((cursor, end))
    return spans
