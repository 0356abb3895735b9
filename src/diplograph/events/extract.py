"""PLOVER event extraction: pick the sentences that can hold an event, parse only those.

A sentence is a candidate when it names at least two distinct resolved parties
(an event needs two: a country code and a sector, so "police" and "protesters" of
one state are two parties, actors/sectors.py) and holds
a word that can open a trigger. Candidates of an article are parsed together
with spaCy's ``nlp.pipe``; everything else is never parsed.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from spacy.tokens import Doc, Token

from diplograph import PIPELINE_VERSION
from diplograph.actors.sectors import distinct_parties, party_key
from diplograph.events.attribution import attribute, citation_spans
from diplograph.events.dates import NO_DATE, EventDate, is_historical, resolve_event_date
from diplograph.events.modality import governing_chain, is_ended, is_reported, read_modality
from diplograph.events.ontology import COOPERATIVE, cue_set
from diplograph.events.referent import may_refer_back, toward_recent
from diplograph.events.roles import (
    SYMMETRIC,
    Parties,
    SentenceView,
    clause_tokens,
    exchange_phrase,
    find_parties,
    governing_verb,
    side,
)
from diplograph.events.triggers import TriggerMatch, find_triggers, has_cue
from diplograph.events.words import SKIPPED_COMPONENTS, coarse, has_lemma, lemma_in
from diplograph.model import ActorRef, Article, Event, Mention, Sentence, stable_id
from diplograph.nlp import parser

log = logging.getLogger(__name__)

#: Material conflict types that, only considered or conditional, are threats (PLOVER).
COERCIVE = frozenset({"SANCTION", "COERCE", "ASSAULT"})
#: Sectors whose mentions are sources of a story, never parties to its events.
NON_PARTY_SECTORS = frozenset({"MED"})


@dataclass(slots=True)
class Candidate:
    """A sentence worth parsing and the mentions that may fill its roles."""

    sentence: Sentence
    mentions: list[Mention]


def candidates(article: Article) -> list[Candidate]:
    """Sentences with two or more distinct resolved parties and a trigger cue word.

    Questions are left out: they assert no event. A sentence with one code is a
    candidate too when it may point back to an act of one of the two sentences
    before it that are candidates ("X welcomed the deal", events/referent.py).
    """
    by_sentence: dict[int, list[Mention]] = {}
    for m in article.mentions:
        if m.code is not None and m.sector not in NON_PARTY_SECTORS:
            by_sentence.setdefault(m.sentence, []).append(m)
    out = []
    for sent in article.sentences:
        mentions = by_sentence.get(sent.index, [])
        if not mentions or _question(sent.text) or not has_cue(sent.text):
            continue
        spans = citation_spans(article.citations, sent.index, sent.text)
        usable = [m for m in mentions
                  if not _inside(m, sent, spans) and not _dateline(m, sent)]  # fmt: skip
        codes = len({m.code for m in usable})
        if codes >= 2 or distinct_parties(usable) >= 2:
            out.append(Candidate(sent, usable))
        elif codes == 1 and _COUNTERPART_WORDS.search(sent.text):
            out.append(Candidate(sent, usable))  # "X cut ties with its neighbour"
        elif codes == 1 and may_refer_back(sent.text) and any(
                sent.index - 2 <= c.sentence.index < sent.index and len(
                    {m.code for m in c.mentions}) >= 2 for c in out[-2:]):  # fmt: skip
            out.append(Candidate(sent, usable))
    return out


def _inside(m: Mention, sent: Sentence, spans: list[tuple[int, int]]) -> bool:
    """True when the mention lies inside the name of a cited report ("the Times of Israel")."""
    a, b = m.start - sent.start, m.end - sent.start
    return any(s <= a and b <= e for s, e in spans)


def _question(text: str) -> bool:
    """A question asserts no event ("Is Israel normalising ties with Morocco?")."""
    return text.rstrip(" \"'”’)»").endswith("?")


def _dateline(m: Mention, sent: Sentence) -> bool:
    """True for a place name opening a dateline ("WASHINGTON - …", "BEIJING, March 10")."""
    if m.start != sent.start or not m.text.isupper() or len(m.text) < 3:
        return False
    rest = sent.text[len(m.text):].lstrip()
    return rest[:1] in ("-", "–", "—", ",", "(")


def extract_events(article: Article) -> list[Event]:
    """The PLOVER events in ``article`` (needs sentences and mentions; citations help)."""
    return extract_events_many([article])[0]


def extract_events_many(articles: list[Article]) -> list[list[Event]]:
    """The events of each of ``articles``, their candidates parsed in one ``nlp.pipe`` call.

    The same result as :func:`extract_events` on each article; one call for a
    batch of articles saves spaCy's per-call overhead and parses in bigger batches.
    """
    chosen = [candidates(article) for article in articles]
    texts = [c.sentence.text for cands in chosen for c in cands]
    if not texts:
        return [[] for _ in articles]
    docs = iter(parser().pipe(texts, disable=list(SKIPPED_COMPONENTS)))
    out = []
    for article, cands in zip(articles, chosen, strict=True):
        events: dict[str, Event] = {}
        for cand in cands:
            for event in sentence_events(article, cand, next(docs), list(events.values())):
                events.setdefault(event.id, event)
        log.debug("%s: %d candidate sentences, %d events", article.id, len(cands), len(events))
        out.append(sorted(events.values(), key=lambda e: (e.sentence, e.id)))
    return out


def sentence_events(article: Article, cand: Candidate, doc: Doc,
                    earlier: list[Event] | None = None) -> list[Event]:  # fmt: skip
    """Events of one parsed candidate sentence, one per (actors, type, recipients).

    ``earlier``: the events of the article's earlier sentences, which a stance
    with no recipient of its own may point back to ("X welcomed the deal").
    """
    view = SentenceView(doc, cand.mentions, cand.sentence.start)
    found = _untallied(find_triggers(doc))
    matches = _unabsorbed(found)
    out: list[Event] = []
    by_owner: dict[int, Parties] = {}
    threats = _hostile_promises(found, matches)
    for match in matches:
        parties = find_parties(view, match)
        if not parties.recipients and not parties.actors:
            lone = find_parties(view, match, lone=True)
            back = toward_recent(view, match, lone.actors, earlier or [], cand.sentence.index)
            if back is None and not parties.actors:
                back = _toward_counterpart(article, view, match, lone.actors,
                                           cand.sentence.index)  # fmt: skip
            if back is not None and not parties.actors:
                parties = back
        if not parties.actors or distinct_parties(parties.actors + parties.recipients) < 2:
            continue  # one party only: no event (two sectors of one state are two parties)
        by_owner[id(match)] = parties
        coded_as = _as_threat(match) if id(match) in threats and parties.recipients else match
        out += _events_of(article, cand.sentence, coded_as, parties)
    coded = {m.anchor.i: by_owner[id(m)] for m in matches if id(m) in by_owner}
    for match in matches:
        inherited = None if id(match) in by_owner else _participle_parties(view, match, coded)
        if inherited is not None:
            out += _events_of(article, cand.sentence, match, inherited)
    for inner, owner in _visit_purposes(found, matches):
        parties = _purpose_parties(view, inner, by_owner.get(id(owner)))
        if parties is not None:
            out += [e if e.modality != "asserted" else replace(e, modality="future", confidence=
                    confidence(inner.entry.weight, parties.distance, "future"))
                    for e in _events_of(article, cand.sentence, inner, parties)]  # fmt: skip
    for inner, shared in _outcomes(matches, by_owner):
        out += _events_of(article, cand.sentence, inner, shared)
    for inner, owner in _carried(found, matches):
        shared = by_owner.get(id(owner))
        if shared is not None:
            out += [_agreed_step(e, inner, shared)
                    for e in _events_of(article, cand.sentence, inner, shared)]
    for inner in _reacted_to(found, matches, by_owner):
        parties = find_parties(view, inner)
        if parties.actors and parties.recipients and _own_actors(view, inner, parties):
            out += _events_of(article, cand.sentence, inner, parties)
    return out


#: Stances that a participle adds to the act of its clause ("X cut ties with Y, accusing
#: its neighbour of hostile acts": X ACCUSE Y).
PARTICIPLE_STANCES = frozenset({"ACCUSE", "REJECT"})
#: Nouns that mean the other party when they are the participle's object.
_COUNTERPARTS = frozenset({"neighbour", "neighbor", "rival", "counterpart", "foe"})


#: Cheap test for a sentence that may speak of "its neighbour" (no parse).
_COUNTERPART_WORDS = re.compile(r"\b(?:its|their)\s+(?:\w+\s+)?(?:neighbou?rs?|rivals?|foes?)\b",
                                re.IGNORECASE)


def _counterpart_of(tok: Token) -> bool:
    """ "its neighbour", "their rival": a counterpart noun with a possessive pronoun."""
    return tok.lower_.rstrip("s") in _COUNTERPARTS and any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children)  # fmt: skip


def _toward_counterpart(article: Article, view: SentenceView, match: TriggerMatch,
                        actors: list[Mention], index: int) -> Parties | None:  # fmt: skip
    """ "X cut ties with its neighbour": the recipient is the one other state named in this
    sentence or the one before (None when there are several or none)."""
    anchor = match.anchor
    if not actors or coarse(anchor) != "VERB":
        return None
    objects = [c for c in anchor.children if c.dep_ == "dobj"]
    objects += [o for t in [anchor, *objects] for p in t.children if p.dep_ == "prep"
                for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    if not any(_counterpart_of(o) for o in objects):
        return None
    own = {m.code for m in actors}
    others: dict[str, Mention] = {}
    for m in article.mentions:
        if index - 1 <= m.sentence <= index and m.code and m.code not in own \
                and m.kind != "adjective" and m.sector not in NON_PARTY_SECTORS:  # fmt: skip
            others.setdefault(m.code, m)
    if len(others) != 1:
        return None
    return Parties(list(actors), list(others.values()), [], 2.0)


def _participle_parties(view: SentenceView, match: TriggerMatch,
                        coded: dict[int, Parties]) -> Parties | None:  # fmt: skip
    """The parties of the act a stance participle hangs on, when its object is that act's
    recipient spoken of as "it", "them" or "its neighbour" (None otherwise).

    The act is the participle's head verb, or the clause a reporting verb governs ("X is
    cutting ties with Y, the minister said, accusing its neighbour of …").
    """
    anchor = match.anchor
    if match.entry.type not in PARTICIPLE_STANCES or anchor.dep_ != "advcl" \
            or anchor.tag_ != "VBG":  # fmt: skip
        return None
    obj = next((c for c in anchor.children if c.dep_ == "dobj"), None)
    if obj is None or side(obj, view.named) & view.named:
        return None
    pointing = obj.tag_ == "PRP" or (obj.lower_ in _COUNTERPARTS and any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in obj.children)) or _grievance_of_other(obj)
    if not pointing:
        return None
    head = anchor.head
    for tok in (head, *(c for c in head.children if c.dep_ == "ccomp")):
        parties = coded.get(tok.i)
        if parties is not None and parties.actors and parties.recipients:
            return Parties(parties.actors, parties.recipients, [], parties.distance + 1.0)
    return None


def _grievance_of_other(obj: Token) -> bool:
    """ "citing its hostile actions", "citing the neighbour's hostile acts": the object is
    the other party's conduct (a possessive pronoun or a counterpart noun as its owner)."""
    return any(c.dep_ == "poss" and (c.tag_ == "PRP$" or c.lower_.rstrip("s") in _COUNTERPARTS)
               for c in obj.children)  # fmt: skip


#: Stances whose object may be another's act, coded as an event of its own:
#: "X condemned Y's threats against Z" is X ACCUSE Y and Y THREATEN Z.
REACTIONS = frozenset({"ACCUSE", "REJECT", "SUPPORT"})


def _reacted_to(found: list[TriggerMatch], kept: list[TriggerMatch],
                coded: dict[int, Parties]) -> list[TriggerMatch]:  # fmt: skip
    """Absorbed nominal triggers under a coded stance trigger (REACTIONS)."""
    owners = _owner_index(found)
    kept_ids = {id(m) for m in kept}
    out = []
    for m in found:
        if id(m) in kept_ids or m.precedent or coarse(m.anchor) not in ("NOUN", "PROPN"):
            continue
        owner = _owned(m, owners)
        if owner is not None and id(owner) in coded and owner.entry.type in REACTIONS:
            out.append(m)
    return out


def _own_actors(view: SentenceView, match: TriggerMatch, parties: Parties) -> bool:
    """True when the act's actors are named in its own phrase ("Y's threats", "threats made
    by Y"), not borrowed from the verb of the stance ("X condemned threats": not X's)."""
    inside = {t.i for t in match.anchor.subtree}
    return all(view.token_of.get(id(m)) in inside for m in parties.actors)


def _events_of(article: Article, sentence: Sentence, match: TriggerMatch,
               parties: Parties) -> list[Event]:  # fmt: skip
    """The trigger's events: one, or one per direction (a mutual event of a directed type)."""
    directed = _directed(match, parties)
    events = [build_event(article, sentence, match, one) for one in directed]
    if len(events) > 1 and events[0].event in SYMMETRIC:  # "would restore ties": an AGREE
        directed = [parties]
        events = [build_event(article, sentence, match, parties)]
    return events + [act for one, ev in zip(directed, events, strict=True)
                     if (act := _planned_act(article, sentence, match, one, ev))]  # fmt: skip


def _planned_act(article: Article, sentence: Sentence, match: TriggerMatch, parties: Parties,
                 intent: Event) -> Event | None:  # fmt: skip
    """The planned act behind an intent: "X will visit Y" is an AGREE (SPEC §3) and also the
    visit itself, a CONSULT whose modality is future (what the dev gold codes)."""
    if intent.event != "AGREE" or match.entry.type == "AGREE":
        return None
    act = build_event(article, sentence, match, parties, keep_type=True)
    return act if act.modality == "future" and act.event != intent.event else None


#: Types of a material step that is an event of its own even inside an agreement or a
#: request: "agreed to a ceasefire" is an AGREE and a RETREAT of the same parties (PLOVER).
CARRIED = frozenset({"RETREAT"})


#: What a promise may hold that makes it a threat.
_HOSTILE = COERCIVE | {"THREATEN"}


def _hostile_promises(found: list[TriggerMatch], kept: list[TriggerMatch]) -> set[int]:
    """Kept promises (``promise`` cues: "vowed", "pledged") whose content is a hostile act
    (COERCIVE, or a threat itself): "X vowed to retaliate against Y" is a threat (PLOVER
    THREATEN), not an AGREE."""
    owners = _owner_index(found)
    kept_ids = {id(m) for m in kept}
    promises = cue_set("promise")
    out = set()
    for m in found:
        if id(m) in kept_ids or m.entry.type not in _HOSTILE or is_ended(m.anchor):
            continue  # "pledged to end the war" is no threat
        owner = _owned(m, owners)
        if owner is not None and id(owner) in kept_ids and has_lemma(owner.anchor, promises):
            out.add(id(owner))
    return out


def _as_threat(match: TriggerMatch) -> TriggerMatch:
    """The same trigger, coded as a THREATEN."""
    return TriggerMatch(replace(match.entry, type="THREATEN"), match.tokens, match.anchor,
                        match.precedent)  # fmt: skip


def _agreed_step(event: Event, inner: TriggerMatch, parties: Parties) -> Event:
    """A step agreed to ("X and Y agreed to a ceasefire") is still to come: ``future``
    where the agreement itself is asserted (its history or negation stays)."""
    if event.modality != "asserted":
        return event
    return replace(event, modality="future",
                   confidence=confidence(inner.entry.weight, parties.distance, "future"))


def _absorbed_under(found: list[TriggerMatch], kept: list[TriggerMatch],
                    types: frozenset[str], owner_type: str):
    """(inner, owner) for absorbed triggers of ``types`` whose owner is a kept trigger of
    ``owner_type``."""
    owners = _owner_index(found)
    kept_ids = {id(m) for m in kept}
    for m in found:
        if id(m) in kept_ids or m.entry.type not in types or m.precedent:
            continue
        owner = _owned(m, owners)
        if owner is not None and id(owner) in kept_ids and owner.entry.type == owner_type:
            yield m, owner


def _carried(found: list[TriggerMatch], kept: list[TriggerMatch]):
    """(inner, owner) for absorbed triggers of a CARRIED type under an AGREE trigger."""
    return list(_absorbed_under(found, kept, CARRIED, "AGREE"))


#: Acts a visit may be made for, coded as acts to come ("visited Y to open an embassy").
PURPOSE_ACTS = frozenset({"SUPPORT"})


def _visit_purposes(found: list[TriggerMatch], kept: list[TriggerMatch]):
    """(act, visit) for a PURPOSE_ACTS trigger in an infinitival purpose clause of a kept
    CONSULT trigger ("X is visiting Y to open its embassy in Y")."""
    out = []
    for m, owner in _absorbed_under(found, kept, PURPOSE_ACTS, "CONSULT"):
        clause = next((t for t in [m.anchor, *m.anchor.ancestors]
                       if _purpose(t) or _infinitive_of(t, owner.anchor)), None)  # fmt: skip
        if clause is not None and clause.head.i == owner.anchor.i:
            out.append((m, owner))
    return out


def _infinitive_of(tok: Token, verb: Token) -> bool:
    """ "visiting Y to open …": a to-infinitive the parser hangs on the visit as ``xcomp``."""
    return (tok.dep_ == "xcomp" and tok.head.i == verb.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))  # fmt: skip


def _purpose_parties(view: SentenceView, inner: TriggerMatch,
                     visit: Parties | None) -> Parties | None:  # fmt: skip
    """The visit's parties, when the act names its host in its own phrase ("to open its
    embassy in Y"): the visitor acts toward the host."""
    if visit is None or not visit.actors or not visit.recipients:
        return None
    own = find_parties(view, inner)
    hosts = {m.code for m in visit.recipients}
    if not hosts & {m.code for m in own.actors + own.recipients}:
        return None
    return Parties(visit.actors, visit.recipients, own.mediators, visit.distance + 1.0)


#: How far up the parse an outcome of a deal may sit from the deal's noun.
_OUTCOME_REACH = 6


def _outcomes(kept: list[TriggerMatch], coded: dict[int, Parties]):
    """(release, parties each way) for a RETREAT with no parties that a deal led to.

    "A deal between X and Y that resulted in Y's assets being unfrozen", "X's deal with Y
    led to the release of prisoners": the release is the deal's, each party toward the
    other (CAMEO 0841 / 085, as the agreement's own steps).
    """
    deals = {m.anchor.i: coded[id(m)] for m in kept
             if id(m) in coded and m.entry.type == "AGREE" and coarse(m.anchor) == "NOUN"}
    if not deals:
        return []
    out = []
    for m in kept:
        if id(m) in coded or m.entry.type != "RETREAT" or m.precedent:
            continue
        parties = _deal_above(m.anchor, deals)
        if parties is None:
            continue
        side_a = parties.actors if parties.recipients else parties.actors[:1]
        side_b = parties.recipients or parties.actors[1:]
        for a in side_a:
            for b in side_b:
                if a.code != b.code:
                    out.append((m, Parties([a], [b], [], parties.distance + 1.0)))
                    out.append((m, Parties([b], [a], [], parties.distance + 1.0)))
    return out


def _deal_above(tok: Token, deals: dict[int, Parties]) -> Parties | None:
    """The parties of the deal noun that governs ``tok``, or is the subject of a verb that
    does ("the deal led to …"), within :data:`_OUTCOME_REACH` steps."""
    cur = tok
    for _ in range(_OUTCOME_REACH):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.i in deals:
            return deals[cur.i]
        subject = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i in deals and subject.i != tok.i:
            return deals[subject.i]
    return None


#: Material steps that a mutual event takes each way ("hostilities between X and Y").
RECIPROCAL = frozenset({"RETREAT", "ASSAULT", "COERCE"})


def _directed(match: TriggerMatch, parties: Parties) -> list[Parties]:
    """A nominal mutual event of a RECIPROCAL type as one event per direction.

    "A prisoner swap between X and Y" is X releasing to Y and Y releasing to X, and so is
    a verb of exchange (``mutual`` roles: "X and Y exchanged prisoners") and an exchange
    with a recipient ("X's prisoner swap with Y"); other verbal mutual events stay one
    event with several actors.
    """
    exchange = match.entry.mode == "release" and exchange_phrase(match.anchor) is not None
    if match.entry.type in RECIPROCAL and parties.recipients and (
            match.entry.roles == "mutual" or exchange):  # fmt: skip
        return [parties] + [Parties([r], parties.actors, parties.mediators, parties.distance)
                            for r in parties.recipients]  # "X's swap with Y": Y releases too
    if parties.recipients or match.entry.type not in RECIPROCAL or len(parties.actors) < 2:
        return [parties]
    if coarse(match.anchor) not in ("NOUN", "PROPN") and match.entry.roles != "mutual":
        return [parties]
    return [Parties([a], [b], parties.mediators, parties.distance)
            for a in parties.actors for b in parties.actors if party_key(a) != party_key(b)]


#: Dependency arcs that start a new clause: a trigger below one is not part of the one above.
_SEPARATE = frozenset({"relcl", "conj", "parataxis", "advcl"})
#: Prepositions that set an occasion rather than an argument ("on a visit", "during talks").
_OCCASIONS = cue_set("setting_prep") | {"on", "as"}


def _tallied(tok: Token) -> bool:
    """ "three wars", "the second of four wars": a counted plural of a ``tally`` cue noun."""
    return (tok.tag_ == "NNS" and lemma_in(tok, cue_set("tally")) is not None
            and any(c.dep_ == "nummod" for c in tok.children))  # fmt: skip


def _untallied(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """Drop a count of past wars ("fought four wars between them") and its light verb.

    A tally of wars or conflicts is background history, not an event the
    article reports (the seed gold codes none); the verb whose object it is
    ("fought") goes with it.
    """
    counted = {m.anchor.i for m in matches if coarse(m.anchor) == "NOUN" and _tallied(m.anchor)}
    if not counted:
        return matches
    light = {c.head.i for m in matches for c in [m.anchor] if c.i in counted and c.dep_ == "dobj"}
    return [m for m in matches if m.anchor.i not in counted | light]


def _unabsorbed(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """Drop triggers that sit inside another trigger's argument ("urged them to sign").

    The outer trigger codes the event ("agreed to normalise" is AGREE, "urged
    X to sign" is REQUEST); the inner one only says what was agreed or urged.
    A nominal trigger also covers its light verb ("held a meeting to discuss").
    """
    owners = _owner_index(matches)
    return [m for m in matches if m.entry.roles == "accompany" or _owned(m, owners) is None]


def _owner_index(matches: list[TriggerMatch]) -> dict[int, TriggerMatch]:
    """Token index → the trigger it belongs to (a nominal trigger also owns its light verb)."""
    owners: dict[int, TriggerMatch] = {}
    for m in matches:
        owners.setdefault(m.anchor.i, m)
        if coarse(m.anchor) in ("NOUN", "PROPN"):
            verb = governing_verb(m.anchor)
            if verb is not None and not _setting_of(m.anchor, verb):
                owners.setdefault(verb.i, m)
    return owners


def _setting_of(noun: Token, verb: Token) -> bool:
    """True when ``noun`` hangs on ``verb`` through an occasion preposition ("struck … in
    cooperation with Y", "signed … on a visit"): the verb is not the noun's light verb."""
    cur = noun
    while cur.i != verb.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in _OCCASIONS:
            return True
        cur = cur.head
    return False


def _owned(match: TriggerMatch, owners: dict[int, TriggerMatch]) -> TriggerMatch | None:
    """The other trigger an ancestor of the trigger (within its clause) belongs to, or None.

    Conjoined triggers share their first conjunct's fate ("agreed to resume ties
    and reopen embassies": both are part of the agreement).
    """
    cur = match.anchor
    while cur.head.i != cur.i:
        if cur.dep_ == "conj":
            cur = cur.head
            continue  # a sibling is not an owner; go on from it
        if cur.dep_ in _SEPARATE and not _purpose(cur):
            return None
        if cur.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return None  # "a joint statement … praised the deal": the subject is its own event
        if cur.dep_ == "prep" and cur.lower_ in _OCCASIONS:
            return None  # "opened the embassy on a visit to …": two events
        cur = cur.head
        owner = owners.get(cur.i)
        if owner is not None and owner is not match:
            return owner
    return None


def _purpose(tok: Token) -> bool:
    """An infinitival adverbial clause ("met to discuss"): part of the event above it."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def host_mask(text: str, match: TriggerMatch) -> str:
    """The sentence without relative and participial clauses that do not hold the trigger.

    A relative clause describes its antecedent ("the UAE, which normalized ties
    in 2020", "their relations, established five years ago"), so its dates belong
    to that antecedent, not to the event (offsets kept).
    """
    anchor = match.anchor.i
    doc = match.anchor.doc
    drop: set[int] = set()
    described = [doc.vocab.strings.add(d) for d in ("relcl", "acl")]  # ids tok.dep holds
    for i in np.flatnonzero(np.isin(doc.to_array("DEP"), described)):  # no Token for others
        tok = doc[int(i)]
        if not tok.left_edge.i <= anchor <= tok.right_edge.i:
            drop.update(range(tok.left_edge.i, tok.right_edge.i + 1))
    for tok in doc:  # ", established five years ago": a reduced participle hung on a verb
        if _reduced_participle(tok) and not tok.left_edge.i <= anchor <= tok.right_edge.i:
            drop.update(range(tok.left_edge.i, tok.right_edge.i + 1))
    return _blank(text, doc, drop)


#: Children that make a participle a clause of its own (its subject or auxiliary).
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})


def _reduced_participle(tok: Token) -> bool:
    """A past participle with no subject or auxiliary of its own, hung as an adverbial
    clause or as a conjunct of a gerund ("building on ties, established in 2016")."""
    if tok.tag_ != "VBN" or any(c.dep_ in _OWN_CLAUSE for c in tok.children):
        return False
    return tok.dep_ == "advcl" or (tok.dep_ == "conj" and tok.head.tag_ == "VBG")


def _blank(text: str, doc: Doc, drop: set[int]) -> str:
    """``text`` with the tokens at ``drop`` replaced by spaces."""
    chars = list(text)
    for i in drop:
        tok = doc[i]
        for k in range(tok.idx, min(tok.idx + len(tok.text), len(chars))):
            chars[k] = " "
    return "".join(chars)


def clause_mask(text: str, match: TriggerMatch, *, own: bool = False) -> str:
    """The sentence with every token outside the trigger's clause blanked (offsets kept).

    With ``own`` only the trigger's own clause counts (up to its first verb),
    not the clauses that govern it.
    """
    return clause_masks(text, match)[1 if own else 0]


def clause_masks(text: str, match: TriggerMatch) -> tuple[str, str]:
    """(:func:`clause_mask`, its ``own=True`` form), the governing chain walked once."""
    keep: set[int] = set()
    own: set[int] | None = None
    for tok in governing_chain(match.anchor):
        keep |= clause_tokens(tok)
        if own is None and coarse(tok) in ("VERB", "AUX"):
            own = set(keep)
    doc = match.anchor.doc
    every = set(range(len(doc)))  # indices: no Token objects made
    whole = _blank(text, doc, every - keep)
    return whole, (whole if own is None or own == keep else _blank(text, doc, every - own))


def build_event(article: Article, sentence: Sentence, match: TriggerMatch,
                parties: Parties, *, keep_type: bool = False) -> Event:  # fmt: skip
    """Assemble an Event: type, modality, date, attribution, confidence, stable id.

    A cooperative act that is only planned becomes an AGREE unless ``keep_type``.
    """
    entry = match.entry
    reading, when = _modality_and_date(article, sentence, match)
    modality = reading.modality
    if modality == "asserted" and is_historical(when, article.published):
        modality = "historical"
    event_type = reading.retype or entry.type
    if event_type in COOPERATIVE and modality == "future" and not keep_type:
        event_type = "AGREE"  # SPEC §3, PLOVER: planned meetings and visits express intent
        if is_reported(match.anchor):  # "X and Y will restore ties, they said": agreed now
            modality = "asserted"
    elif event_type in COERCIVE and modality in ("proposed", "hypothetical"):
        event_type = "THREATEN"  # PLOVER: "considering suspending relations" is a threat
    actor = [_ref(m) for m in parties.actors]
    recipient = [_ref(m) for m in parties.recipients]
    mediator = [_ref(m) for m in parties.mediators]
    codes = [r.code for r in actor] + ["|"] + [r.code for r in recipient]
    return Event(
        id=stable_id(article.id, str(sentence.index), event_type, *codes),
        article_id=article.id, event=event_type, actor=actor, recipient=recipient,
        sentence=sentence.index, start=sentence.start, end=sentence.end, text=sentence.text,
        modality=modality, mediator=mediator, mode=[entry.mode] if entry.mode else [],
        context=[entry.context] if entry.context else [],
        date=when.value if when is not NO_DATE else None, date_precision=when.precision,
        attribution=attribute(article, sentence.index, sentence.text),
        confidence=confidence(entry.weight, parties.distance, modality),
        trigger=match.text, coder=PIPELINE_VERSION,
    )  # fmt: skip


def _modality_and_date(article: Article, sentence: Sentence, match: TriggerMatch):
    """The trigger's modality reading and its date, from its clause first, then its host."""
    clause, own = clause_masks(sentence.text, match)  # own: "…, and they withdrew envoys in 2018"
    since = _reference_spans(match)
    anchor = match.anchor.idx
    doc = match.anchor.doc
    if since:
        own, clause = _blank(own, doc, since), _blank(clause, doc, since)
    reading = read_modality(match.anchor, match.entry.type, clause)
    future = reading.modality == "future"
    for text in (own, clause) if own != clause else (clause,):
        when = _event_date(text, article.published, anchor, future)
        if when.explicit:
            return reading, when
    # "Last year, X visited Y, which was followed by …": the sentence dates the clause
    host = host_mask(sentence.text, match)
    reading = read_modality(match.anchor, match.entry.type, clause, host)
    future = reading.modality == "future"
    when = _event_date(_blank(host, doc, since) if since else host, article.published, anchor,
                       future)  # fmt: skip
    return reading, when


def _explains(head: Token, anchor: int) -> bool:
    """True when ``anchor`` is in an after-clause of ``head`` (what started the count)."""
    return any(c.dep_ == "advcl" and c.left_edge.i <= anchor <= c.right_edge.i
               and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children)
               for c in head.children)  # fmt: skip


def _reference_spans(match: TriggerMatch) -> set[int]:
    """Tokens of since-phrases and since-clauses that do not hold the trigger.

    "their first talks since 2019", "his first visit since the war began in
    2011": the date there is where a count starts (``reference_prep`` cues),
    not the event's date.
    """
    marks = cue_set("reference_prep")
    anchor = match.anchor.i
    drop: set[int] = set()
    for tok in match.anchor.doc:
        if tok.lower_ not in marks or tok.dep_ not in ("prep", "mark"):
            continue
        span = tok if tok.dep_ == "prep" else tok.head
        if tok.dep_ == "prep" and _explains(tok.head, anchor):
            continue  # "no ties since 2013, after X accused Y": the date is the accusation's
        if not span.left_edge.i <= anchor <= span.right_edge.i:
            drop.update(range(tok.i, span.right_edge.i + 1) if tok.dep_ == "prep"
                        else range(span.left_edge.i, span.right_edge.i + 1))  # fmt: skip
    return drop


@lru_cache(maxsize=4096)
def _event_date(text: str, published: str | None, anchor: int, future: bool) -> EventDate:
    """:func:`resolve_event_date`, remembered: the triggers of one sentence share masks."""
    return resolve_event_date(text, published, anchor=anchor, future=future)


def confidence(weight: float, distance: float, modality: str) -> float:
    """Evidence strength in [0, 1]: trigger specificity, parse path length, modality."""
    closeness = 1.0 / (1.0 + max(distance - 1.0, 0.0) / 3.0)
    certain = 1.0 if modality in ("asserted", "historical") else 0.6
    score = 0.25 + 0.4 * weight + 0.2 * closeness + 0.15 * certain
    return round(min(max(score, 0.0), 1.0), 3)


def _ref(m: Mention) -> ActorRef:
    return ActorRef(code=m.code or "", sector=m.sector, text=m.text, start=m.start, end=m.end)
