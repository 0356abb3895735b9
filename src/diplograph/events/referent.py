"""One-party stances toward an act reported just before ("X welcomed the deal").

"A and B signed a peace deal. X welcomed the agreement." The second sentence
names one party; its object, a definite noun with no party of its own, points
back to the act of the sentence before. The stance is X's toward the parties
of that act (PLOVER: a SUPPORT, ACCUSE or REJECT of each of them): of its actor
when the act is directed ("A struck B. X condemned the strikes": X ACCUSE A),
of every actor of a mutual act.

The nouns that may point back are the ``referent_*`` cues of
``events/data/cues.csv``; the suffix says which acts each may mean
(``referent_agree``: an agreement, a ceasefire; ``referent_assault``: an attack;
``referent_consult``: talks, a visit; ``referent_any``: "the move", "the
decision"). The act must be an event coded in one of the two sentences before,
the latest of a fitting type; its mediators are not parties.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from diplograph.events.ontology import cue_set, cues
from diplograph.events.roles import Parties, SentenceView, side
from diplograph.events.triggers import TriggerMatch
from diplograph.events.words import coarse, lemma_in
from diplograph.model import Event, Mention

#: Stance types that may take a reported act as their object.
STANCES = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
#: How many sentences back the act may be.
REACH = 2
#: Acts each referent kind may mean (None: any).
_KINDS: dict[str, frozenset[str] | None] = {
    "referent_agree": frozenset({"AGREE", "RETREAT", "COOPERATE", "CONCEDE"}),
    "referent_assault": frozenset({"ASSAULT", "COERCE"}),
    "referent_consult": frozenset({"CONSULT", "AGREE"}),
    "referent_any": None,
}
#: Determiners that make the object definite ("the deal", "this move").
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "their", "its"})


@lru_cache(maxsize=1)
def _referents() -> dict[str, frozenset[str] | None]:
    """Referent lemma → the act types it may mean (None: any)."""
    out: dict[str, frozenset[str] | None] = {}
    for kind, types in _KINDS.items():
        for lemma in cue_set(kind):
            out[lemma] = types
    return out


@lru_cache(maxsize=1)
def _word_regex() -> re.Pattern[str] | None:
    """Any referent word or its plural, for the cheap test before parsing."""
    words = sorted({w for k in _KINDS for w in cues().get(k, ())}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})s?\b", re.IGNORECASE)


def may_refer_back(text: str) -> bool:
    """True when the sentence holds a referent noun (no parse)."""
    pattern = _word_regex()
    return bool(pattern and pattern.search(text))


def referent_types(view: SentenceView, match: TriggerMatch) -> frozenset[str] | None | bool:
    """The act types the stance's object may point back to; False when it points nowhere.

    The trigger must be a verb of a STANCES type whose direct object (or passive
    subject: "the deal was welcomed by X") is a definite referent noun ("the",
    "this", "their") naming no party ("welcomed the historic agreement",
    not "welcomed the agreement with Y"; a relative clause on the noun does not count).
    """
    anchor = match.anchor
    if match.entry.type not in STANCES or coarse(anchor) not in ("VERB",):
        return False
    obj = next((c for c in anchor.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None or coarse(obj) != "NOUN":
        return False
    lemma = lemma_in(obj, _referents())
    if lemma is None or not _definite(obj):
        return False
    if side(obj, view.named) & view.named:  # "the agreement with Y": its own party
        return False
    return _referents()[lemma]


def _definite(noun: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in noun.children)


def toward_recent(view: SentenceView, match: TriggerMatch, actors: list[Mention],
                  recent: list[Event], sentence: int) -> Parties | None:  # fmt: skip
    """The stance's parties with the recipients taken from the latest fitting act, or None."""
    if not actors or not recent:
        return None
    types = referent_types(view, match)
    if types is False:
        return None
    own = {m.code for m in actors}
    for event in sorted(recent, key=lambda e: e.sentence, reverse=True):
        if not sentence - REACH <= event.sentence < sentence:
            continue
        if types is not None and event.event not in types:  # type: ignore[operator]
            continue
        others: dict[str, Mention] = {}
        for ref in event.actor:  # a directed act is its actor's; a mutual one every actor's
            if ref.code and ref.code not in own:
                others.setdefault(ref.code, Mention(ref.start, ref.end, ref.text, ref.code,
                                                    ref.sector, "coref", event.sentence))
        if others:
            return Parties(list(actors), list(others.values()), [], 2.0)
        return None
    return None
