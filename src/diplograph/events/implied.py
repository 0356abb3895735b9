"""Parties a sentence names outside the trigger's own clause, read off the parse.

Three general English constructions, each driven by cue words in
``events/data/cues.csv``:

- **precedents** — "X became the fourth country to normalise ties with Y, after
  A, B and C": A, B and C did the same before (``ordinal`` on the noun X is
  equated with, ``precedent_prep`` on the trigger's clause); a second match of
  the trigger (``TriggerMatch.precedent``) codes that as their own event;
- **measure owners** — "ending the boycott that A imposed on B": the clause on
  the trigger's own noun says whose measure it is (A) and on whom
  (``target_prep``: B);
- **purpose clauses** — "called Abbas to tell him …": a to-infinitive after the
  object does not make the object a small-clause subject ("called the deal a
  victory").

Functions return tokens; events/roles.py turns them into mentions.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.events.ontology import cue_set
from diplograph.events.words import coarse

#: How far up the tree a precedent phrase may sit above the trigger.
_CHAIN = 4


def precedents(anchor: Token) -> list[Token]:
    """Heads of the "after A, B and C" phrase of a ranked trigger clause ([] when none).

    Needs an ordinal on the noun the actor is equated with ("the fourth Arab
    country"); a trigger inside the "after …" phrase itself gets nothing.
    """
    chain = [anchor, *list(anchor.ancestors)[:_CHAIN]]
    if not any(_ranked(tok) for tok in chain):
        return []
    above = {t.i for t in anchor.ancestors}
    found: list[Token] = []
    for tok in chain:
        for prep in tok.children:
            if prep.i in above:
                return []  # "…, after Egypt, which signed …": that event is Egypt's own
            if prep.dep_ == "prep" and prep.lower_ in cue_set("precedent_prep"):
                found += [o for o in prep.children if o.dep_ == "pobj"]
    return found


def _ranked(tok: Token) -> bool:
    """``tok`` is, or has as attribute or clause head, a noun ranked by an ordinal."""
    nouns = [tok] if tok.dep_ == "attr" else []
    nouns += [c for c in tok.children if c.dep_ == "attr"]
    if tok.dep_ == "acl":
        nouns.append(tok.head)
    ordinals = cue_set("ordinal")
    return any(coarse(n) == "NOUN" and any(c.dep_ == "amod" and c.lower_ in ordinals
                                           for c in n.children) for n in nouns)  # fmt: skip


def measure_owner(nouns: list[Token]) -> tuple[list[Token], list[Token]]:
    """Subjects and targets of a clause on one of the trigger's nouns ("the boycott that A
    imposed on B" → [A], [B]); empty lists when there is no such clause."""
    for noun in nouns:
        for clause in noun.children:
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            if clause.dep_ not in ("relcl", "acl") or not subjects:
                continue
            targets = [o for prep in clause.children
                       if prep.dep_ == "prep" and prep.lower_ in cue_set("target_prep")
                       for o in prep.children if o.dep_ == "pobj"]  # fmt: skip
            return subjects, targets
    return [], []


def purpose_clause(clause: Token) -> bool:
    """A to-infinitive of purpose ("called Abbas to tell him …"), not a small clause."""
    return coarse(clause) == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                            for c in clause.children)  # fmt: skip
