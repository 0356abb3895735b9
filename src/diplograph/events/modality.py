"""Modality: did the event happen, or is it planned, proposed, conditional, denied or history?

Cues come from ``data/modality.csv`` and are looked for where the parse puts
them: auxiliaries and negations of the trigger and of the verbs that govern
it, governing verbs ("seeking to", "is due to"), the determiner of the
subject ("no countries"), conditional clauses, modifiers of a nominal
trigger ("the planned visit"); sentence-level phrases ("last year") only
when nothing on the parse decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from diplograph.events.ontology import COOPERATIVE, ModalityCue, cue_set
from diplograph.events.ontology import modality_cues as _cues
from diplograph.events.words import coarse, has_lemma, lemma_in

#: When several cues apply, the first modality in this order wins.
PRECEDENCE = ("negated", "hypothetical", "proposed", "future", "historical", "asserted")
#: Clause boundaries: a governing clause's modality does not reach across them.
BOUNDARIES = frozenset({"relcl", "advcl", "parataxis", "acl"})


@dataclass(slots=True)
class ModalityReading:
    """The modality of one trigger, the cue that set it, and a type change (intent → AGREE)."""

    modality: str
    cue: str | None = None
    retype: str | None = None


@lru_cache(maxsize=1)
def _by_where() -> dict[str, dict[str, ModalityCue]]:
    table: dict[str, dict[str, ModalityCue]] = {}
    for cue in _cues():
        table.setdefault(cue.where, {})[cue.cue] = cue
    return table


def governing_chain(anchor: Token) -> list[Token]:
    """The trigger and the words that govern it, up to a clause or reported-speech boundary."""
    chain = [anchor]
    cur = anchor
    speech = cue_set("speech")
    while cur.head.i != cur.i and cur.dep_ not in BOUNDARIES:
        below, cur = cur, cur.head
        if coarse(cur) == "VERB" and has_lemma(cur, speech):
            break
        if is_ended(below):
            break  # "wants to end its war in Y": the wanting is the ending's, not the war's
        chain.append(cur)
    return chain


def is_ended(tok: Token) -> bool:
    """True when ``tok`` is the object of a verb that ends it ("end the war": ``ender`` cues)."""
    head = tok.head
    return (tok.dep_ == "dobj" and coarse(head) == "VERB"
            and has_lemma(head, frozenset(_by_where().get("ender", {}))))  # fmt: skip


def read_modality(anchor: Token, event_type: str, clause_text: str,
                  sentence_text: str | None = None) -> ModalityReading:  # fmt: skip
    """The modality of the event cued at ``anchor`` (see the module docstring).

    ``clause_text`` is the sentence with other clauses blanked out; a phrase
    cue found there applies, and a *historical* phrase anywhere in
    ``sentence_text`` ("Last year, X visited Y, which was followed by …")
    applies when nothing else decided.
    """
    found = _clause_cues(anchor)
    if not found:
        phrase = _phrase_cue(clause_text)
        if phrase is None and sentence_text is not None:
            phrase = _phrase_cue(sentence_text)
            phrase = phrase if phrase is not None and phrase.modality == "historical" else None
        if phrase is not None:
            found.append(phrase)
    if not found:
        return ModalityReading("asserted")
    best = min(found, key=lambda c: PRECEDENCE.index(c.modality))
    retype = next((c.retype for c in found if c.retype), None)
    if retype and event_type not in COOPERATIVE:
        retype = None
    return ModalityReading(best.modality, best.cue, retype)


def _clause_cues(anchor: Token) -> list[ModalityCue]:
    """Cues found on the parse around the trigger and its governors."""
    table = _by_where()
    found: list[ModalityCue] = []
    chain = governing_chain(anchor)
    for n, tok in enumerate(chain):
        governor = lemma_in(tok, table.get("governor", {})) if n else None
        if governor is not None:
            found.append(table["governor"][governor])
        for child in tok.children:
            found.extend(_child_cue(child, table, is_anchor=n == 0))
    found.extend(_interval_cue(chain[-1], table))
    if _reported_past(chain[-1]):  # "announced that they would restore ties": a plan
        found = [REPORTED_FUTURE if c.cue == "would" else c for c in found]
    return found


#: "would" in a past-tense report is the future of then, not a condition.
REPORTED_FUTURE = ModalityCue("would", "aux", "future", "")


def is_reported(anchor: Token) -> bool:
    """True when the trigger's clause is what a reporting verb reports ("…, officials said")."""
    top = governing_chain(anchor)[-1]
    head = top.head
    return (top.dep_ in ("ccomp", "parataxis") and head.i != top.i
            and has_lemma(head, cue_set("speech")))  # fmt: skip


def _reported_past(top: Token) -> bool:
    """True when the clause is the complement of a past-tense reporting verb."""
    head = top.head
    return (top.dep_ == "ccomp" and head.i != top.i and head.tag_ == "VBD"
            and has_lemma(head, cue_set("speech")))  # fmt: skip


def _interval_cue(top: Token, table: dict[str, dict[str, ModalityCue]]):
    """ "six years after X severed ties": an after-clause placed a count of years back.

    The clause that holds the trigger is an ``advcl`` marked "after" whose
    measure (``npadvmod``) is an ``interval`` cue (year, decade): background.
    """
    units = table.get("interval", {})
    if top.dep_ != "advcl" or not units:
        return
    if not any(c.dep_ == "mark" and c.lower_ == "after" for c in top.children):
        return
    for child in top.children:
        if child.dep_ == "npadvmod":
            unit = lemma_in(child, units)
            if unit is not None:
                yield units[unit]


def _child_cue(child: Token, table: dict[str, dict[str, ModalityCue]], *, is_anchor: bool):
    """The cue a child of the trigger or of a governor carries, if any."""
    word = child.lower_
    lemma = lemma_in(child, table.get("aux", {})) or word
    dep = child.dep_
    aux = table.get("aux", {})
    if dep in ("aux", "auxpass") and (word in aux or lemma in aux):
        yield aux[word] if word in aux else aux[lemma]
    elif dep == "neg" and word in table.get("neg", {}):
        yield table["neg"][word]
    elif dep == "mark" and word in table.get("mark", {}):
        yield table["mark"][word]
    elif dep == "advcl" and any(g.dep_ == "mark" and g.lower_ in table.get("mark", {})
                                for g in child.children):  # fmt: skip
        yield from (table["mark"][g.lower_] for g in child.children
                    if g.dep_ == "mark" and g.lower_ in table.get("mark", {}))  # fmt: skip
    elif dep in ("nsubj", "nsubjpass"):
        for g in child.children:
            if g.dep_ == "det" and g.lower_ in table.get("det", {}):
                yield table["det"][g.lower_]
            elif g.dep_ in ("preconj", "cc") and g.lower_ in table.get(g.dep_, {}):
                yield table[g.dep_][g.lower_]
    elif is_anchor and dep in ("amod", "compound") and word in table.get("amod", {}):
        yield table["amod"][word]
    elif is_anchor and dep == "det" and word in table.get("det", {}):
        yield table["det"][word]  # "no negotiations with Israel"


def _phrase_cue(text: str) -> ModalityCue | None:
    """A sentence-level phrase cue ("last year", "next week")."""
    table = _by_where().get("phrase", {})
    if not table:
        return None
    pattern = _phrase_regex()
    found = pattern.search(text) if pattern is not None else None
    return table.get(found.group(0).lower()) if found else None


@lru_cache(maxsize=1)
def _phrase_regex() -> re.Pattern[str] | None:
    phrases = sorted(_by_where().get("phrase", {}), key=len, reverse=True)
    if not phrases:
        return None
    return re.compile("|".join(rf"\b{re.escape(p)}\b" for p in phrases), re.IGNORECASE)

