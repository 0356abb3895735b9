"""Finding event triggers: a cheap word filter before parsing, lemma patterns after it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from diplograph.events.implied import precedents
from diplograph.events.ontology import (
    Trigger,
    cue_words,
    forms_of,
    triggers_by_first_word,
    word_forms,
)
from diplograph.events.words import coarse, lemmas

_WORD = re.compile(r"[a-z]+")
#: Participles that modify a noun ("US-backed talks", "normalised relations") are not predicates.
_PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
#: How far (in tokens) a later word of a multiword pattern may follow the previous one.
_WINDOW = 8
_POS = {"VERB": frozenset({"VERB"}), "NOUN": frozenset({"NOUN", "PROPN"})}


@dataclass(slots=True)
class TriggerMatch:
    """A lexicon entry found in a parsed sentence; ``anchor`` is its syntactic head."""

    entry: Trigger
    tokens: list[Token]
    anchor: Token
    #: A copy of a trigger for the states named after it ("the fourth country to …, after A
    #: and B"): they did the same earlier, as an event of their own (events/implied.py).
    precedent: bool = False

    @property
    def text(self) -> str:
        """The trigger words as they appear in the sentence."""
        return " ".join(t.text for t in self.tokens)


def has_cue(text: str) -> bool:
    """True when ``text`` may hold a trigger: every word of some pattern appears (no parse)."""
    words = set(_WORD.findall(text.lower()))
    openers = words & cue_words()
    if not openers:
        return False
    forms = word_forms()
    index = triggers_by_first_word()
    for opener in openers:
        for first in forms.get(opener, ()):
            for entry in index.get(first, ()):
                if all(forms_of(w) & words for w in entry.words[1:]):
                    return True
    return False


def find_triggers(doc: Doc) -> list[TriggerMatch]:
    """Every trigger in a parsed sentence; a token belongs to at most one (longest first)."""
    index = triggers_by_first_word()
    used: set[int] = set()
    found: list[TriggerMatch] = []
    for tok in doc:
        if tok.i in used:
            continue
        entries = {e for lemma in lemmas(tok) for e in index.get(lemma, ())}
        for entry in sorted(entries, key=lambda e: (-len(e.words), e.text, e.pos)):
            match = _match_at(doc, tok, entry, used)
            if match is not None:
                found.append(match)
                used.update(t.i for t in match.tokens)
                break
    return found + [TriggerMatch(m.entry, m.tokens, m.anchor, precedent=True)
                    for m in found if precedents(m.anchor)]  # fmt: skip


def _match_at(doc: Doc, tok: Token, entry: Trigger, used: set[int]) -> TriggerMatch | None:
    """The match of ``entry`` opening at ``tok``, or None."""
    if entry.pos in _POS and coarse(tok) not in _POS[entry.pos] and len(entry.words) == 1:
        return None
    tokens = [tok]
    for word in entry.words[1:]:
        nxt = _next_word(doc, tokens, word, used)
        if nxt is None:
            nxt = _passive_object(tok, entry, word, used)
        if nxt is None:
            return None
        tokens.append(nxt)
    anchor = _head_of(tokens)
    if anchor.dep_ == "amod" and anchor.tag_ in _PARTICIPLE_TAGS:
        return None
    if len(entry.words) == 1 and anchor.dep_ == "compound" and entry.pos == "VERB":
        return None
    return TriggerMatch(entry, tokens, anchor)


def _next_word(doc: Doc, tokens: list[Token], word: str, used: set[int]) -> Token | None:
    """The next token with lemma ``word`` close to ``tokens``, linearly or syntactically."""
    last = tokens[-1].i
    members = {t.i for t in tokens}
    for cand in doc[last + 1 : min(len(doc), last + 1 + _WINDOW)]:
        if cand.i in used or word not in lemmas(cand):
            continue
        near = cand.i - last <= 3
        linked = cand.head.i in members or any(c.i in members for c in cand.children)
        grand = cand.head.head.i in members
        if near or linked or grand:
            return cand
    return None


def _passive_object(verb: Token, entry: Trigger, word: str, used: set[int]) -> Token | None:
    """The object of a verb-object pattern written before it in the passive: "ties with Y
    were severed by X" is "sever tie". Only two-word patterns, only the verb's own subject."""
    if len(entry.words) != 2 or verb.tag_ != "VBN":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i not in used
                 and word in lemmas(c)), None)  # fmt: skip


def _head_of(tokens: list[Token]) -> Token:
    """The token of a match whose head lies outside the match (the first if several)."""
    members = {t.i for t in tokens}
    for tok in tokens:
        if tok.head.i not in members or tok.head.i == tok.i:
            return tok
    return tokens[0]
