"""Word classes and lemmas without spaCy's attribute ruler and lemmatizer.

Event extraction only needs the lemma of words its lexicons know (triggers,
modality cues, role cues) and a coarse part of speech. Both come cheaply
from the tagger's fine-grained tag and the lexicons' own inflections, so the
parse skips the attribute ruler and lemmatizer (about a sixth of parse time).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from diplograph.events.ontology import cues, inflections, modality_cues, triggers

#: Components the event parse leaves out (lemmas and coarse tags come from here).
SKIPPED_COMPONENTS = ("attribute_ruler", "lemmatizer")

_COARSE = {
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
    "MD": "AUX", "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN",
    "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "EX": "PRON",
    "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV", "RBR": "ADV", "RBS": "ADV",
    "IN": "ADP", "DT": "DET", "PDT": "DET", "WDT": "DET", "CC": "CCONJ", "CD": "NUM",
    "TO": "PART", "RP": "ADP", "POS": "PART",
}  # fmt: skip


def coarse(tok: Token) -> str:
    """A coarse part of speech (VERB, AUX, NOUN, PROPN, PRON, ADJ, …) from the tag."""
    if tok.pos_:  # a full pipeline already set it
        return tok.pos_
    tag = _COARSE.get(tok.tag_, "X")
    if tag == "VERB" and tok.dep_ in ("aux", "auxpass"):
        return "AUX"
    return tag


@lru_cache(maxsize=1)
def _lemma_index() -> dict[str, frozenset[str]]:
    """Surface form → lemmas, for every word the event lexicons know."""
    known: set[str] = set()
    for trig in triggers():
        known.update(trig.words)
    known.update(c.cue for c in modality_cues() if " " not in c.cue)
    for group in cues().values():
        known.update(c for c in group if " " not in c)
    index: dict[str, set[str]] = {}
    for lemma in known:
        for form in inflections(lemma):
            index.setdefault(form, set()).add(lemma)
    return {form: frozenset(lemmas) for form, lemmas in index.items()}


def lemmas(tok: Token) -> frozenset[str]:
    """The lexicon lemmas ``tok`` may be a form of (its lower-case text included)."""
    return _lemmas_of(tok.lower_, tok.lemma_)


@lru_cache(maxsize=65536)
def _lemmas_of(word: str, lemma: str) -> frozenset[str]:
    """:func:`lemmas` of a token by its lower-case text and spaCy lemma (asked for per
    token many times over: by trigger search, role and modality cues)."""
    found = _lemma_index().get(word, frozenset())
    if lemma and lemma.lower() != word:
        found = found | {lemma.lower()}
    return found | {word}


@lru_cache(maxsize=65536)
def _sorted_lemmas(word: str, lemma: str) -> tuple[str, ...]:
    return tuple(sorted(_lemmas_of(word, lemma)))


def has_lemma(tok: Token, wanted: frozenset[str] | set[str] | dict) -> bool:
    """True when one of ``tok``'s lemmas is in ``wanted``."""
    return any(lemma in wanted for lemma in lemmas(tok))


def lemma_in(tok: Token, wanted: frozenset[str] | set[str] | dict) -> str | None:
    """The first of ``tok``'s lemmas found in ``wanted`` (the word itself first), or None."""
    word = tok.lower_
    if word in wanted:
        return word
    return next((lemma for lemma in _sorted_lemmas(word, tok.lemma_) if lemma in wanted), None)
