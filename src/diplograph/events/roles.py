"""Who did it, to whom, through whom: event roles read off the dependency parse.

The rules are general English syntax, not per-sentence fixes:

- actors come from the clause subject (with conjuncts, appositions, "X along
  with Y", possessives "Israel's visit", passive agents "by X"); a clause with
  no subject of its own shares its governor's (conjoined verbs, infinitives,
  participles); relative pronouns take their antecedent;
- recipients come from objects and from prepositional objects (with, to, on,
  against, from, …); "between X and Y" makes every party an actor;
- mediators come from participles such as "mediated by", "brokered by",
  "US-backed", "hosted by": a mediator is never a party;
- mentions of media and of the reports a sentence cites are never parties.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from diplograph.actors.sectors import party_key
from diplograph.events.implied import measure_owner, precedents, purpose_clause
from diplograph.events.modality import governing_chain
from diplograph.events.ontology import (
    COOPERATIVE,
    cue_set,
    modality_cues,
    triggers_by_first_word,
)
from diplograph.events.triggers import TriggerMatch
from diplograph.events.words import coarse, has_lemma, lemma_in, lemmas
from diplograph.model import Mention

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "dative", "obj", "iobj"})
#: Subtrees that are other clauses: their mentions belong to other events.
CLAUSES = frozenset({"relcl", "advcl", "parataxis", "ccomp", "acl"})
#: How a noun trigger reaches the verb whose subject performs it ("held talks with").
CLIMB = frozenset({"dobj", "pobj", "prep", "attr", "oprd", "pcomp", "conj"})
PRONOUN_TAGS = frozenset({"PRP", "WP", "WDT", "PRP$"})


@dataclass(slots=True)
class Parties:
    """The mentions that fill an event's roles, and how far they sit from the trigger."""

    actors: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    mediators: list[Mention] = field(default_factory=list)
    distance: float = 1.0


class SentenceView:
    """A parsed sentence with its usable mentions placed on tokens."""

    def __init__(self, doc: Doc, mentions: Iterable[Mention], offset: int) -> None:
        self.doc = doc
        self.by_token: dict[int, list[Mention]] = {}
        for m in mentions:
            if m.start < offset or m.end - offset > len(doc.text):
                continue  # a mention filed under the wrong sentence
            span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
            if span is not None and len(span):
                self.by_token.setdefault(_head_token(span), []).append(m)
        self.token_of = {id(m): i for i, ms in self.by_token.items() for m in ms}
        self.named = frozenset(self.by_token)
        mediating = cue_set("mediator")
        #: Participles that may introduce a mediator ("brokered", "backed"), with their lemma.
        self.mediator_cues = [(t, lemma) for t in doc
                              if t.dep_ in ("acl", "amod", "advcl")
                              and (lemma := lemma_in(t, mediating)) is not None]  # fmt: skip

    def mentions_in(self, indices: Iterable[int]) -> list[Mention]:
        """Mentions whose head token is among ``indices``, in text order."""
        found = [m for i in sorted(set(indices)) for m in self.by_token.get(i, ())]
        return sorted(found, key=lambda m: m.start)


def _head_token(span) -> int:
    """The index of the token a mention hangs on: its syntactic root, but not a determiner the
    parser hung elsewhere ("the US and British strikes": "the" is the noun's, "US" the name)."""
    root = span.root
    if root.tag_ != "DT" or len(span) == 1:
        return root.i
    rest = [t for t in span if t.tag_ != "DT"]
    inner = {t.i for t in rest}
    return next((t.i for t in rest if t.head.i not in inner), root.i)


def side(tok: Token, named: frozenset[int] | set[int] = frozenset()) -> set[int]:
    """Token indices of ``tok``'s phrase, leaving out embedded clauses and settings.

    Settings are place and time modifiers ("met … in Portugal", "Pompeo in
    Portugal"): where or when, not who. On a noun that names no actor itself
    the place is who ("officials in Jerusalem"), so it stays; ``named`` holds
    the token indices that carry a mention.
    """
    out = {tok.i}
    stack = [c for c in tok.children if _inside_phrase(c, named)]
    while stack:
        cur = stack.pop()
        out.add(cur.i)
        stack.extend(c for c in cur.children if _inside_phrase(c, named))
    return out


def clause_tokens(tok: Token) -> set[int]:
    """Token indices of ``tok``'s subtree, leaving out embedded clauses (settings kept)."""
    out = {tok.i}
    stack = [c for c in tok.children if c.dep_ not in CLAUSES]
    while stack:
        cur = stack.pop()
        out.add(cur.i)
        stack.extend(c for c in cur.children if c.dep_ not in CLAUSES)
    return out


#: A conjunct joined by these is another clause's subject the parser misattached
#: ("treaties with Israel but Morocco … has been relaxing").
_CONTRASTIVE = frozenset({"but", "yet", "while", "whereas"})


def _inside_phrase(child: Token, named: frozenset[int] | set[int]) -> bool:
    if child.dep_ in CLAUSES:
        return False
    if child.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in _CONTRASTIVE
                                    and c.i < child.i for c in child.head.children):
        return False
    if child.dep_ == "amod" and lemma_in(child, _backers()) is not None:
        return False  # "the Algeria-backed Polisario Front": the backer is someone else
    if child.dep_ != "prep" or child.lower_ not in cue_set("setting_prep"):
        return True
    head = child.head  # "officials in Jerusalem" are Israel's; "a force in Gaza" is not Gaza's
    return head.i not in named and has_lemma(head, cue_set("agent_noun"))


def _cue_word(tok: Token) -> bool:
    """True when ``tok`` may open a trigger (a participle such as "establishing")."""
    return bool(lemmas(tok) & triggers_by_first_word().keys())


def _backers() -> frozenset[str]:
    return cue_set("mediator") | cue_set("sponsor")


def first_conjunct(tok: Token) -> Token:
    """The first of a chain of conjuncts ("the UAE, Bahrain and Sudan" → "UAE")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def antecedent_side(noun: Token) -> set[int]:  # noun has a relcl child
    """What a relative clause on ``noun`` is about.

    On a middle conjunct ("Egypt, which …, and Jordan, which …") it is that
    conjunct alone; on the last one ("the UAE, Bahrain and Sudan, which …")
    it is the whole coordination.
    """
    head = first_conjunct(noun)
    clause_start = min(t.i for c in noun.children if c.dep_ == "relcl" for t in c.subtree)
    later = [c for c in head.conjuncts if c.i > clause_start]
    own = [c for c in (head, *head.conjuncts)
           if c.i != noun.i and any(x.dep_ == "relcl" for x in c.children)]  # fmt: skip
    if later or own:  # "Egypt, which …, and Jordan, which …": each its own
        return side(noun) - {i for c in noun.conjuncts for i in side(c)}
    return side(head)


def filled(view: SentenceView, tok: Token) -> list[Mention]:
    """The mentions of ``tok``'s phrase, resolving pronouns within the sentence."""
    found = view.mentions_in(side(tok, view.named))
    if found or tok.tag_ not in PRONOUN_TAGS:
        return found
    if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
        return view.mentions_in(antecedent_side(tok.head.head))
    wanted = SUBJECTS if tok.dep_ in SUBJECTS | {"poss"} else OBJECTS | {"pobj"}
    for prev in reversed(view.doc[: tok.i]):
        if prev.dep_ in wanted and prev.tag_ not in PRONOUN_TAGS:
            found = view.mentions_in(side(prev))
            if found:
                return found
    return []


def subject_of(verb: Token, *, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject token of ``verb``'s clause and whether it is a passive subject."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child, child.dep_ == "nsubjpass"
    if depth > 4 or verb.head.i == verb.i:
        return None, False
    head = verb.head
    if verb.dep_ in ("acl", "relcl") and (coarse(head) in ("NOUN", "PROPN", "PRON")
                                          or head.lower_ == "one"):  # "X is one of … to sign"
        if head.dep_ == "attr":
            return subject_of(head.head, depth=depth + 1)
        return head, False
    if verb.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ in OBJECTS]
        if objects:
            return objects[0], False
    if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acomp", "ccomp") or head.dep_ == "prep":
        target = head.head if verb.dep_ == "pcomp" else head
        return subject_of(target, depth=depth + 1)
    return None, False


#: Prepositions whose object is a party only when it names one directly
#: ("sanctions on Iran", "called for talks") — not "on the sidelines of the UN".
_LOOSE_PREPS = frozenset({"on", "for"})


def _preps(tok: Token, names: frozenset[str]) -> list[Token]:
    """Objects of ``tok``'s prepositions whose word is in ``names``."""
    out = []
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in names:
            objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if prep.lower_ in _LOOSE_PREPS:
                objects = [c for c in objects if _names_a_party(c)]
            out.extend(objects)
    return out


def _names_a_party(tok: Token) -> bool:
    """A proper name, a people noun ("officials") or an event noun ("normalization")."""
    return (coarse(tok) == "PROPN" or has_lemma(tok, cue_set("agent_noun"))
            or _cue_word(tok) or any(c.dep_ == "poss" for c in tok.children))  # fmt: skip


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger is an argument of ("stepped up talks" → "stepped")."""
    cur = noun
    for _ in range(4):
        if cur.dep_ not in CLIMB or cur.head.i == cur.i:
            return None
        cur = cur.head
        if coarse(cur) in ("VERB", "AUX"):
            return cur
    return None


def find_parties(view: SentenceView, match: TriggerMatch, *, lone: bool = False) -> Parties:
    """Actors, recipients and mediators of one trigger.

    With ``lone`` the actors of a one-sided act with no recipient are kept
    ("X welcomed the deal"), for a recipient found elsewhere (events/referent.py).
    """
    anchor = match.anchor
    if match.entry.roles == "accompany":
        return _accompanying(view, match)
    if match.entry.roles == "experiencer":
        return _experiencing(view, match)
    if match.entry.roles != "party_object" and any(
            c.dep_ == "xcomp" and has_lemma(c, cue_set("speech")) for c in anchor.children):
        return Parties()  # "refused to comment on Y's visit" rejects nothing of Y's
    # ("called Abbas to tell him …": the party object is the one contacted)
    if coarse(anchor) in ("NOUN", "PROPN"):
        actors, recipients, mutual = _noun_roles(view, match)
        brokers: list[Mention] = []
    else:
        actors, recipients, mutual, brokers = _verb_roles(view, match)
        if not actors and not mutual:
            owners, targets = measure_owner(match.tokens[1:])
            actors = [m for t in owners for m in filled(view, t)]
            if actors and not recipients:
                recipients = [m for t in targets for m in filled(view, t)]
    if match.entry.roles == "broker":
        brokers, actors, recipients = actors, mutual or recipients, []
    else:
        brokers += _mediators(view, anchor, actors + recipients + mutual)
        actors = actors + mutual
        if match.precedent:  # the states that did the same before: their own event
            own = {m.code for m in actors}
            actors = [m for t in precedents(anchor) for m in filled(view, t) if m.code not in own]
            if not recipients:
                return Parties()  # "… to sign the accords, after A and B": no pair between A and B
            brokers = []
    if match.entry.roles in ("swap", "party_object") and not _object_is_party(view, anchor):
        return Parties()
    if match.entry.roles == "swap":
        actors, recipients = recipients, actors
    actors = _without_addressees(view, actors)
    if not recipients and not mutual and not mutual_type(match) and not lone:
        actors = []  # "X and Y welcomed the deal": co-actors, no dyad between them
    return _finish(view, anchor, actors, recipients, brokers)


#: Types whose co-actors act on each other ("X and Y met / agreed / cooperated").
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def mutual_type(match: TriggerMatch) -> bool:
    """True when conjoined actors with no recipient form a mutual event."""
    return match.entry.type in SYMMETRIC or match.entry.roles in ("mutual", "own")


def _object_is_party(view: SentenceView, verb: Token) -> bool:
    """The object names a party ("hosted Netanyahu", not "a summit"; "called Abbas", not
    "called the deal a victory" or "called for talks")."""
    if any(c.dep_ in ("oprd", "ccomp") or (c.dep_ == "xcomp" and not purpose_clause(c))
           for c in verb.children):  # fmt: skip
        return False
    if any(c.dep_ == "nsubjpass" and c.i in view.named for c in verb.children):
        return True  # "Syria was suspended from the League": the passive subject is the object
    return any(c.dep_ in OBJECTS and (c.i in view.named or (
        has_lemma(c, cue_set("agent_noun")) and filled(view, c))) for c in verb.children)


def _without_addressees(view: SentenceView, mentions: list[Mention]) -> list[Mention]:
    """Drop mentions that only say where a noun is posted ("the UAE's ambassador to Washington",
    "Bahrain, home to the US Navy's Fifth Fleet")."""
    return [m for m in mentions if not _addressee(view.doc[view.token_of[id(m)]])]


_NOMINAL = frozenset({"poss", "compound", "amod", "nmod", "conj", "appos", "pobj", "case"})


def _addressee(tok: Token) -> bool:
    """True when ``tok`` sits under "to" attached to a noun."""
    cur = tok
    for _ in range(6):
        if cur.dep_ not in _NOMINAL or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.dep_ == "prep" and cur.lower_ == "to":
            return coarse(cur.head) in ("NOUN", "PROPN")
    return False


def _verb_roles(view: SentenceView, match: TriggerMatch):
    """Roles of a verbal trigger: subject → actors, objects → recipients.

    When the object names a relation between others ("normalize relations
    between X and Y") those others are the actors and the subject brokers it,
    unless the verb asks something of someone (``object`` roles: "push for
    normalization between X and Y" asks X and Y).
    """
    verb = match.anchor
    subj, passive = subject_of(verb)
    actors = filled(view, subj) if subj is not None else []
    if actors and not passive:
        actors += _companions(view, verb) + _included(view, verb)
    recipients: list[Mention] = []
    agents = _preps(verb, frozenset({"by"}))
    if agents:  # "signed by A, secretary of …, and B": the parser hangs B on the verb
        agents += [c for c in verb.children if c.dep_ == "conj" and c.i > agents[0].i
                   and coarse(c) in ("PROPN", "NOUN")]  # fmt: skip
    if passive and agents:
        recipients, actors = actors, [m for a in agents for m in filled(view, a)]
    elif passive and subj is not None and subj.head.i == verb.i:
        recipients, actors = actors, []
        if has_lemma(verb, cue_set("source_actor")):  # "X was expelled from Y": Y expelled X
            actors = [m for t in _preps(verb, _SOURCE_PREPS) for m in filled(view, t)]
    object_roles = match.entry.roles == "object"
    recipients += _own_places(view, match)
    recipients += _arguments(view, verb, deep=not object_roles, preps=_recipient_preps(match),
                             topic=match.entry.roles == "topic",
                             content=match.entry.type in COOPERATIVE)  # fmt: skip
    if match.entry.type in _STANCES:  # "condemned the threats made by Y": toward Y
        recipients = _without_targets(view, verb, recipients)
        recipients += [m for c in verb.children if c.dep_ in OBJECTS
                       for m in _makers(view, c)]  # fmt: skip
    if match.entry.mode == "release":  # "X freed hostages in exchange for prisoners held by Y"
        codes = {m.code for m in actors}
        recipients += [m for m in exchanged_for(view, verb) if m.code not in codes]
    if match.entry.type == "THREATEN":  # "threatened to halt talks if Y goes ahead": toward Y
        recipients += _conditioned(view, verb)
    if match.entry.type == "REQUEST":  # "stressed the need for Y to act": Y is asked
        recipients += [m for tok in (verb, *(c for c in verb.children if c.dep_ in OBJECTS))
                       for m in _for_to_subjects(view, tok)]  # fmt: skip
    mutual = [m for t in _preps(verb, _mutual()) for m in filled(view, t)]
    between = _between_in_objects(view, verb)
    brokers: list[Mention] = []
    if between and match.entry.type in _STANCES and match.entry.roles != "mutual" and actors:
        pass  # "welcomed the ceasefire between X and Y": toward X and Y, not a broker
    elif between and not object_roles and not mutual:
        ids = {id(m) for m in between}
        brokers, actors = actors, []
        recipients = [m for m in recipients if id(m) not in ids]
        mutual = between
    return actors, recipients, mutual, brokers


#: "X was expelled from Y", "X was readmitted to Y": Y acted on X.
_SOURCE_PREPS = frozenset({"from", "to", "into", "in"})

#: Types of a stance toward another's act: the act's maker is the recipient.
_STANCES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})


def _without_targets(view: SentenceView, verb: Token, found: list[Mention]) -> list[Mention]:
    """A stance toward a measure is toward its maker, not its target: "condemned Israel's
    strike on Syria" is toward Israel (the ``target_prep`` phrase of the object is left out),
    unless the object names no maker at all ("condemned the strikes on Syria")."""
    return _minus_targets(view, [c for c in verb.children if c.dep_ in OBJECTS], found)


def _minus_targets(view: SentenceView, nouns: list[Token], found: list[Mention]
                   ) -> list[Mention]:  # fmt: skip
    """``found`` without the mentions in the ``target_prep`` phrases of ``nouns`` ("Y's
    strike on Z" → Y), unless that would leave nobody."""
    targets: set[int] = set()
    for noun in nouns:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in cue_set("target_prep"):
                targets |= {t.i for t in prep.subtree}
    kept = [m for m in found if view.token_of.get(id(m)) not in targets]
    return kept if len(kept) < len(found) and kept else found


def _makers(view: SentenceView, noun: Token) -> list[Mention]:
    """The agents of a participle on ``noun`` ("the offer made by Y" → Y), not its brokers."""
    return [m for acl in noun.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
            and lemma_in(acl, _backers()) is None
            for t in _preps(acl, frozenset({"by"})) for m in filled(view, t)]  # fmt: skip


def _included(view: SentenceView, verb: Token) -> list[Mention]:
    """The list of "X is one of several countries, including A and B, to have signed …": A
    and B did it too (the clause hangs on "one", the list on the noun after "of")."""
    cur = verb
    for _ in range(3):
        if cur.dep_ in ("acl", "relcl") and cur.head.lower_ == "one":
            break
        if cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            return []
        cur = cur.head
    else:
        return []
    out: list[Mention] = []
    for prep in cur.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for inc in noun.children:
                if inc.dep_ == "prep" and inc.lower_ == "including":
                    out += [m for o in inc.children if o.dep_ == "pobj" for m in filled(view, o)]
    return out


#: "in exchange for", "in return for": what the other side gives back.
_EXCHANGE = frozenset({"exchange", "return"})


def exchange_phrase(verb: Token) -> Token | None:
    """The "for" of an "in exchange for …" / "in return for …" phrase on ``verb``, or None."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lower_ in _EXCHANGE:
                return next((c for c in noun.children if c.dep_ == "prep"
                             and c.lower_ == "for"), None)  # fmt: skip
    return None


def exchanged_for(view: SentenceView, verb: Token) -> list[Mention]:
    """The parties named in what a release is exchanged for ("in exchange for prisoners
    held by Y" → Y, and the releaser's own side)."""
    phrase = exchange_phrase(verb)
    if phrase is None:
        return []
    return view.mentions_in(t.i for t in phrase.subtree)


def _conditioned(view: SentenceView, verb: Token) -> list[Mention]:
    """The subjects of the conditions a threat sets ("threatened to X unless Y paid" → Y):
    "if"/"unless" clauses (``mark`` cues of modality.csv) on the verb or its complement."""
    marks = {c.cue for c in modality_cues() if c.where == "mark"}
    hosts = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    return [m for h in hosts for clause in h.children if clause.dep_ == "advcl"
            and any(k.dep_ == "mark" and k.lower_ in marks for k in clause.children)
            for s in clause.children if s.dep_ in SUBJECTS for m in filled(view, s)]  # fmt: skip


def _for_to_subjects(view: SentenceView, tok: Token) -> list[Mention]:
    """The subjects of a for-to clause on ``tok`` ("the need for Y to halt …" → Y)."""
    return [m for c in tok.children if c.dep_ in ("advcl", "acl", "relcl", "ccomp")
            and any(k.dep_ == "mark" and k.lower_ == "for" for k in c.children)
            and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)
            for s in c.children if s.dep_ in SUBJECTS for m in filled(view, s)]  # fmt: skip


def _own_places(view: SentenceView, match: TriggerMatch) -> list[Mention]:
    """The place of a trigger's own noun, where the lexicon makes it the recipient: "opened
    an embassy in Y" (``in`` among the entry's ``preps``; places are otherwise settings)."""
    places = (match.entry.preps or frozenset()) & cue_set("setting_prep")
    if not places:
        return []
    return [m for tok in match.tokens if tok.i != match.anchor.i
            for t in _preps(tok, places) for m in filled(view, t)]  # fmt: skip


def _recipient_preps(match: TriggerMatch) -> frozenset[str]:
    """The prepositions that introduce recipients for this trigger (lexicon may narrow them)."""
    if match.entry.preps is None:
        return cue_set("recipient_prep")
    return match.entry.preps


def _between_in_objects(view: SentenceView, verb: Token) -> list[Mention]:
    """Mentions after "between"/"among" inside the verb's object (or passive subject) phrase."""
    found: list[Mention] = []
    for child in verb.children:
        if child.dep_ not in OBJECTS and child.dep_ != "nsubjpass":  # "ties between … were cut"
            continue
        for i in sorted(side(child)):
            tok = view.doc[i]
            if tok.dep_ == "prep" and tok.lower_ in _mutual():
                found += [m for t in tok.children if t.dep_ == "pobj" for m in filled(view, t)]
    return found


def _arguments(view: SentenceView, verb: Token, *, deep: bool, preps: frozenset[str],
               topic: bool = False, content: bool = False) -> list[Mention]:  # fmt: skip
    """Mentions in a verb's objects and prepositional objects (and its complements' if deep).

    With ``topic`` the direct object is what was discussed, not a party
    ("discussed the Gaza concept with US officials").
    """
    found: list[Mention] = []
    for child in verb.children:
        if child.dep_ in OBJECTS and topic:  # "discussed the concept with US officials"
            found += [m for t in _preps(child, preps) for m in filled(view, t)]
        elif child.dep_ in OBJECTS:
            found += filled(view, child)
            if deep and content:  # "signed agreements establishing relations with X"
                for acl in (c for c in child.children if c.dep_ == "acl" and _cue_word(c)):
                    found += _arguments(view, acl, deep=False, preps=preps)
        elif child.dep_ in ("xcomp", "ccomp"):
            found += [m for s in child.children if s.dep_ in SUBJECTS for m in filled(view, s)]
            if deep:
                found += _arguments(view, child, deep=False, preps=preps)
    found += [m for t in _preps(verb, preps) for m in filled(view, t)]
    for prt in verb.children:
        if prt.dep_ == "prt":
            found += [m for t in _preps(prt, preps) for m in filled(view, t)]
    return found


def _mutual() -> frozenset[str]:
    return cue_set("mutual_prep")


def _noun_roles(view: SentenceView, match: TriggerMatch):
    """Roles of a nominal trigger ("talks between X and Y", "Israel's visit to Qatar")."""
    noun = match.anchor
    own = {t.i for t in match.tokens}
    actors: list[Mention] = []
    for child in noun.children:
        if child.dep_ == "poss":
            actors += filled(view, child)
        elif child.dep_ in ("compound", "amod", "nmod") and child.i not in own:
            for tok in (child, *child.conjuncts):
                actors += view.by_token.get(tok.i, [])
    consult = match.entry.type == "CONSULT"
    actor_preps = frozenset({"by", "of"} if consult else {"by"})
    recipient_preps = _recipient_preps(match) | (frozenset() if consult else frozenset({"of"}))
    actors += [m for t in _preps(noun, actor_preps) for m in filled(view, t)]
    recipients = [m for t in _preps(noun, recipient_preps) for m in filled(view, t)]
    for acl in noun.children:  # "a joint statement released by X, Y and Z"
        if acl.dep_ == "acl" and lemma_in(acl, _backers()) is None:
            makers = [m for t in _preps(acl, frozenset({"by"})) for m in filled(view, t)]
            actors += makers
            if makers:  # "threats made by X against Y"
                recipients += [m for t in _preps(acl, _recipient_preps(match) - {"by"})
                               for m in filled(view, t)]  # fmt: skip
    recipients += [m for clause in noun.children if clause.dep_ in ("acl", "ccomp")
                   for s in clause.children if s.dep_ in SUBJECTS
                   for m in filled(view, s)]  # "its demand that Israel ease …"  # fmt: skip
    mutual = [] if match.entry.mode == "visit" else [  # a trip "between July 13-16"
        m for t in _preps(noun, _mutual()) for m in filled(view, t)]
    reaction = _reaction_to(view, noun)
    if reaction is not None:  # "X's visit sparked condemnation from A": A → X
        sources = [t for tok in (noun, noun.head)  # "…, including A and B" on the verb
                   for t in _preps(tok, frozenset({"from", "including"}))]
        return actors + [m for t in sources for m in filled(view, t)], reaction, []
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        verb = governing_verb(noun) or _verbless_clause_head(noun)
        if (verb is not None and match.entry.type == "CONSULT" and noun.dep_ == "pobj"
                and noun.head.head.i == verb.i):  # fmt: skip
            # "joined the ministers of X for talks", "informed X during a phone call"
            recipients += [m for c in verb.children if c.dep_ in OBJECTS for m in filled(view, c)]
        if verb is not None and match.entry.roles != "own":  # "own": parties in its phrase
            if not actors and not mutual:
                subj, passive = subject_of(verb)
                actors = filled(view, subj) if subj is not None else []
                if actors and not passive:  # "X, along with Y, conducted strikes"
                    actors += _companions(view, verb)
            if not actors and not mutual and verb.tag_ == "VBN":  # "announced by X after a call"
                actors = [m for t in _preps(verb, frozenset({"by"})) for m in filled(view, t)]
            inner = side(noun)
            verb_preps = match.entry.preps or cue_set("recipient_prep")  # "strikes … in Yemen"
            recipients += [
                m for t in _preps(verb, verb_preps - {"for", "on"})
                for m in filled(view, t) if view.token_of.get(id(m)) not in inner
            ]  # fmt: skip
    return actors, recipients, mutual


def _reaction_to(view: SentenceView, noun: Token) -> list[Mention] | None:
    """Who a reaction is to, when a stance noun is the object of a verb of causing
    ("X visited the site, sparking condemnation from A", "X drew criticism from A"): the
    subject of that verb (or of the clause it hangs on); None when no such verb governs."""
    if noun.dep_ != "dobj" or not has_lemma(noun.head, cue_set("reaction_verb")):
        return None
    subj, _ = subject_of(noun.head)  # "Y's strike on Z drew condemnation from A": A → Y
    return _minus_targets(view, [subj], filled(view, subj)) if subj is not None else []


#: Adverbs that make the object of their "with" a co-actor ("X, along with Y, struck …").
_COMPANION = frozenset({"along", "together"})


#: Nouns of joint action: "X, in cooperation with Y, struck …" makes Y a co-actor.
_JOINT = frozenset({"cooperation", "coordination", "conjunction", "partnership"})


def _companions(view: SentenceView, verb: Token) -> list[Mention]:
    """Co-actors hung on the verb or its subject: "X, along with Y, did …", "X, in
    cooperation with Y, did …" ("in" is otherwise a setting, so the subject's phrase
    leaves it out)."""
    subj, passive = subject_of(verb)
    hosts = [verb] + ([subj] if subj is not None and not passive else [])
    heads = [adv for h in hosts for adv in h.children if adv.lower_ in _COMPANION]
    heads += [n for h in hosts for prep in h.children if prep.dep_ == "prep"
              and prep.lower_ == "in" for n in prep.children
              if n.dep_ == "pobj" and n.lower_ in _JOINT]  # fmt: skip
    found = [m for h in heads for t in _preps(h, frozenset({"with"})) for m in filled(view, t)]
    return list({id(m): m for m in found}.values())


def _verbless_clause_head(noun: Token) -> Token | None:
    """The verb of "X announced it while on a call with Y" (the parser makes "on" a clause)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "advcl" and coarse(head) == "ADP":
        return head.head if coarse(head.head) in ("VERB", "AUX") else None
    return None


def _mediators(view: SentenceView, anchor: Token, parties: list[Mention]) -> list[Mention]:
    """Mentions in a mediating participle on the trigger's clause ("a deal brokered by X").

    A host ("hosted by X") mediates only when it is not already a party.
    """
    if not view.mediator_cues:
        return []
    region = set(range(anchor.left_edge.i, anchor.right_edge.i + 1))
    for tok in governing_chain(anchor):
        region |= clause_tokens(tok)
    party_codes = {m.code for m in parties}
    found: list[Mention] = []
    for cue, lemma in view.mediator_cues:
        if cue.head.i not in region or cue.i == anchor.i or cue.head.i in view.named:
            continue  # "the Algeria-backed Polisario Front": a sponsor of a party, not a mediator
        mentions = view.mentions_in(side(cue) - {cue.i})
        if lemma in cue_set("host_mediator"):
            mentions = [m for m in mentions if m.code not in party_codes]
        found += mentions
    return found


def _finish(view, anchor, actors, recipients, mediators) -> Parties:
    """Drop mediators from the parties, collapse parties per side, drop self-dyads.

    A party is a code and a sector (actors/sectors.py): "police" and "protesters" of one
    state may face each other; one state's government never faces itself.
    """
    mediator_codes = {m.code for m in mediators}
    actors = _collapse(m for m in actors if m.code not in mediator_codes)
    actor_codes = {m.code for m in actors}
    actor_keys = {party_key(m) for m in actors}
    recipients = _collapse(
        m for m in recipients if m.code not in mediator_codes and party_key(m) not in actor_keys
    )
    mediators = _collapse(m for m in mediators if m.code not in actor_codes)
    parties = actors + recipients
    dist = [_tree_distance(anchor, view.doc[view.token_of[id(m)]]) for m in parties]
    return Parties(actors, recipients, mediators, sum(dist) / len(dist) if dist else 9.0)


def _collapse(mentions: Iterable[Mention]) -> list[Mention]:
    """One mention per party (code and sector), the first in text order."""
    seen: dict[tuple[str | None, str], Mention] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.code is not None and party_key(m) not in seen:
            seen[party_key(m)] = m
    return list(seen.values())


def _tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, tok in enumerate([b, *b.ancestors]):
        if tok.i in index:
            return n + index[tok.i]
    return len(up_a) + 4


def _accompanying(view: SentenceView, match: TriggerMatch) -> Parties:
    """Those who back an act ("X, with support from A and B, struck …"): A and B → X.

    The backers are the mentions after the support noun; the partner is the
    subject of the verb the phrase hangs on, without the backers themselves.
    """
    support = match.tokens[-1]
    backers = view.mentions_in(set(side(support, view.named)) - {support.i}) or _stray_source(
        view, support)
    verb = match.anchor
    for _ in range(6):
        if coarse(verb) in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if coarse(verb) not in ("VERB", "AUX") or not _material_act(verb):
        return Parties()
    subj, _ = subject_of(verb)
    own = {id(m) for m in backers}
    doers = (filled(view, subj) if subj is not None else []) + _companions(view, verb)
    partners = [m for m in doers if id(m) not in own]
    if not backers or not partners:
        return Parties()
    return _finish(view, match.anchor, backers, partners, [])


def _stray_source(view: SentenceView, support: Token) -> list[Mention]:
    """Backers the parser hung above the support noun: "X, along with Y and support from A
    and B, struck …" puts "from A and B" on "along" (the first "from"/"of" after the noun)."""
    cur = support
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        for prep in cur.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of") and prep.i > support.i:
                return [m for t in prep.children if t.dep_ == "pobj" for m in filled(view, t)]
    return []


#: Types of act that others can back with material support (PLOVER material conflict and
#: cooperation): "with support from A, X struck …", not "X's role, with help from A, was praised".
MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID", "COOPERATE", "RETREAT"})


def _material_act(verb: Token) -> bool:
    """True when the verb, or its object, opens a material trigger ("conducted strikes")."""
    index = triggers_by_first_word()
    words = [verb, *(c for c in verb.children if c.dep_ in OBJECTS)]
    return any(e.type in MATERIAL for w in words for lemma in lemmas(w)
               for e in index.get(lemma, ()))  # fmt: skip


#: Where the cause of a feeling is named: "disappointed by / with / at / over Y's move".
_CAUSE_PREPS = frozenset({"by", "with", "at", "over"})


def _experiencing(view: SentenceView, match: TriggerMatch) -> Parties:
    """A feeling toward another (``experiencer`` roles): the one who feels it is the actor.

    "X was disappointed by Y's decision", "X is dismayed at Y" → X toward Y;
    "Y's move angered X" → X toward Y (the object feels it).
    """
    verb = match.anchor
    subj, passive = subject_of(verb)
    objects = [c for c in verb.children if c.dep_ in OBJECTS]
    if objects and not passive:
        actors = [m for o in objects for m in filled(view, o)]
        recipients = filled(view, subj) if subj is not None else []
    else:
        actors = filled(view, subj) if subj is not None else []
        recipients = [m for t in _preps(verb, match.entry.preps or _CAUSE_PREPS)
                      for m in filled(view, t)]  # fmt: skip
    if not actors or not recipients:
        return Parties()
    return _finish(view, verb, _without_addressees(view, actors), recipients, [])
