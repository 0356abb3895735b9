"""Sentence splitting of cleaned article text (offsets index the text)."""

from __future__ import annotations

import re

from diplograph.model import Sentence
from diplograph.nlp import sentencizer

_PARAGRAPH = re.compile(r"[^\n]+")


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; a line break always ends a sentence."""
    nlp = sentencizer()
    out: list[Sentence] = []
    spans = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text)]
    for base, doc in zip((b for b, _ in spans), nlp.pipe(p for _, p in spans), strict=True):
        for sent in doc.sents:
            chunk = sent.text.strip()
            if not chunk:
                continue
            start = base + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            out.append(Sentence(len(out), start, start + len(chunk), chunk))
    return out
