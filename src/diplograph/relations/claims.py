"""Facet claims from an article: stative sentences (patterns as data) and events.

A claim says that a dyad's facet has a value from some date (SPEC §4). Two
sources feed it:

* **stative and change sentences** matched with ``data/stative.csv`` ("Israel and
  Morocco have no official diplomatic ties", "severed trade ties with Israel in
  2009", "which normalized relations with Israel in 2020");
* **events** of the events stage whose type and sentence match
  ``data/event_facets.csv`` (a SANCTION that recalls an ambassador, an AGREE to
  normalise), for phrasings the patterns do not know.

Dates: the date the text gives ("in 2009", "since 1979", "in November 2020"), else
the article's publication date. A text date more than a year before publication
makes the claim ``historical``; one after it makes it ``future``. Modality words
before the match ("would", "plans to", "not") are read from
``data/modality_cues.csv``; only ``asserted`` and ``historical`` claims change a
state (see :mod:`diplograph.relations.timeline`).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from datetime import timedelta
from itertools import combinations, product

from diplograph.dates import find_mentions, resolve
from diplograph.model import Article, Claim, Event, Mention, Sentence
from diplograph.prefilter import lowered_for_prefilter, may_match
from diplograph.relations.agreements import agreements
from diplograph.relations.facets import (
    RESTORES,
    STATE_MODALITIES,
    WEAK,
    EventRule,
    Pattern,
    date_precision,
    end_of_period,
    event_rules,
    is_state,
    modality_cues,
    ordered,
    start_of_period,
    stative_patterns,
)
from diplograph.relations.parties import (
    Spot,
    codes_in_order,
    pairs_for_match,
    sentence_spots,
    with_carriers,
)

log = logging.getLogger(__name__)

_SINCE_THEN = re.compile(r"\bsince\s+then\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
#: Date prepositions that say when the matched change happened.
_WHEN = {"", "in", "since", "from", "between", "on", "by", "during", "as of"}
DATE_REACH = 90  # characters around a match where its date may stand
WINDOW_WORDS = 8  # words before a match read for modality cues
PREVIOUS_SENTENCES = 8  # earlier sentences searched for the states a collective stands for


#: The relative periods a claim takes its date from ("yesterday" dates an event, not a state).
CLAIM_RELATIVE = frozenset({"last year", "last month"})


def find_dates(text: str, asserted_on: str | None = None) -> list[tuple[int, int, str, str]]:
    """Dates in ``text`` read by :func:`diplograph.dates.find_mentions`: (start, end,
    YYYY[-MM[-DD]], preposition before it).

    With ``asserted_on``, a month without a year (after a preposition) is the
    latest such month by then, and "two years ago" / "last year" count from it.
    """
    out = []
    for mention in find_mentions(text):
        if (mention.kind == "weekday" and mention.prep != "on") or (mention.kind == "relative"
                                         and mention.word not in CLAIM_RELATIVE):  # fmt: skip
            continue
        if mention.kind in ("month_day", "month_only") and not mention.prep:
            continue
        found = resolve(mention, asserted_on)
        if found is not None:
            counted = mention.kind in ("relative", "years_back")
            out.append((mention.start, mention.end, found.value, "in" if counted else mention.prep))
    return out


def date_for_match(text: str, span: tuple[int, int], *, kind: str,
                   asserted_on: str | None = None) -> str | None:  # fmt: skip
    """The date the sentence gives for a match: the nearest fitting one, or None.

    A change takes a date with any "when" preposition near it; a state only one
    that says since when ("since 1979") or one right after it ("… in the 1990s").
    """
    start, end = span
    dates = find_dates(text, asserted_on)
    since_then = _SINCE_THEN.search(text, start)
    if since_then and since_then.start() - end < DATE_REACH:
        earlier = [d for d in dates if d[1] <= since_then.start()]
        if earlier:
            return earlier[-1][2]
    best: tuple[int, str] | None = None
    for d_start, d_end, value, prep in dates:
        after = d_start >= end
        distance = d_start - end if after else start - d_end
        if after and re.search(r"[,;–—(]", text[end:d_start]):
            continue  # the date belongs to the next clause ("…, formalizing the deal of Aug. 13")
        if not after and re.search(r"[;–—(]", text[d_end:start]):
            continue
        if _SERIES_BEFORE.search(text[:d_start]):
            continue  # "the fourth Arab country since August to agree": the series' start
        if kind == "state":
            fits = prep in {"since", "from", "after"} or (prep in {"in", "during"} and after
                                                 and distance <= 30)  # fmt: skip
        else:
            fits = prep in _WHEN
        if fits and distance <= DATE_REACH and (best is None or max(distance, 0) < best[0]):
            best = (max(distance, 0), value)
    return best[1] if best else None


_SERIES_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|latest|last)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:country|countries|state|states|nation|nations|government)\s+$", re.IGNORECASE)
_CONDITION_AFTER = re.compile(r"^[^.;]{0,50}?\b(?:if|unless|once|provided|as\s+soon\s+as)\b",
                              re.IGNORECASE)  # fmt: skip
_ORDINAL_TO = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|latest|last|only)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:country|countries|state|states|nation|nations|government|member)\b[^.;]{0,40}?\bto\s*$",
    re.IGNORECASE,
)
_DECIDED_TO = re.compile(r"\b(?:(?:agreed|decided|agree|agrees|decides)(?:\s+on\s+\w+)?"
                         r"|(?:decision|agreement|deal|accord)(?:\s+(?:of|by|between)"
                         r"(?:\s+[\w'’.-]+){1,4}?)?)\s+to\s*$",
                         re.IGNORECASE)  # fmt: skip
_TRIP_TO = re.compile(r"\b(?:visited|travell?ed|flew|arrived|came|went)\b[^.;]{0,60}?\bto\s*$",
                      re.IGNORECASE)  # fmt: skip
_REPORTED = re.compile(r"\b(?:announced|said|confirmed|declared|stated|told\s+\w+)\s+"
                       r"(?:on\s+\w+\s+)?(?:that\b[^.;]*|(?:it|they)\s+(?:would|will)\s*)$",
                       re.IGNORECASE)  # fmt: skip


_ATTRIBUTED_AFTER = re.compile(r"[^.;]*?,\s*(?:[\w'’.-]+\s+){0,6}?(?:said|announced|confirmed"
                               r"|declared|stated|told)\b", re.IGNORECASE)  # fmt: skip


def modality_before(text: str, start: int, end: int | None = None) -> str:
    """``asserted`` unless a cue word stands in the few words before ``start``.

    A condition after the match ("… if the war ends") makes it hypothetical; an
    announced decision in reported speech ("announced that they would restore …")
    stays asserted.
    """
    if re.search(r"\bif\b", text[:start], re.IGNORECASE):
        return "hypothetical"
    if end is not None and _CONDITION_AFTER.match(text[end:]):
        return "hypothetical"
    head = re.split(r"[;:]", text[:start])[-1]
    window = " ".join(head.split()[-WINDOW_WORDS:])
    found = [(m.start(), modality, m.group(0).lower()) for regex, modality in modality_cues()
             for m in regex.finditer(window)]  # fmt: skip
    if not found:
        return "asserted"
    _, modality, word = max(found)
    if word in ("would", "will") and _REPORTED.search(head):
        return "asserted"
    if word == "will" and end is not None and _ATTRIBUTED_AFTER.match(text[end:]):
        return "asserted"  # "X will reopen its airspace to Qatar, the minister said": a decision
    if word.strip() == "to" and (_ORDINAL_TO.search(head) or _DECIDED_TO.search(head)
                                 or _TRIP_TO.search(head)):  # fmt: skip
        # "the fourth Arab country to agree …", "agreed to exchange ambassadors",
        # "visited Bahrain in September to open the embassy there"
        return "asserted"
    return modality


_BEFORE_NOW = re.compile(
    r"^[^.;]{0,40}?\b(?:until\s+(?:now|recently|today|this|last|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"|before\s+(?:this|last|now|today)|prior\s+to\s+this|so\s+far)\b",
    re.IGNORECASE,
)
_UNTIL_YEAR = re.compile(r"^[^.;]{0,60}?\b(?:until|till|before|prior\s+to)\s+(?:the\s+)?"
                         r"(?:[\w-]+\s+){0,3}?(?:of\s+|in\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
_UNTIL_YEAR_BEFORE = re.compile(r"^\s*(?:until|till|before|prior\s+to)\s+(?:the\s+)?"
                                r"(?:[\w-]+\s+){0,3}?(?:of\s+|in\s+)?((?:19|20)\d\d)\b[^.;]*$",
                                re.IGNORECASE)  # fmt: skip
_PAST_STATE = re.compile(r"(?:had|lacked)\b", re.IGNORECASE)
_HAD_BEFORE = re.compile(r"\bhad\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def state_end(text: str, match: re.Match[str], published: str | None) -> tuple[str | None, bool]:
    """When a state said to have held *until* some time was last true, and whether that is known.

    "had no ties until 2020": the last day of 2019. "has had no formal relations until now",
    "before this summer": the day before publication. A bare past ("had no formal ties"):
    unknown — (None, False), so the claim is kept but placed nowhere.
    """
    rest, head = text[match.end() :], text[: match.start()]
    until = _UNTIL_YEAR.match(rest) or _UNTIL_YEAR_BEFORE.search(head)
    if until:
        return day_before(until.group(1)), True
    if _BEFORE_NOW.match(rest) or _BEFORE_NOW.match(head):
        return day_before(published), True
    had = _PAST_STATE.match(match.group(0)) or _HAD_BEFORE.search(head)
    past = had and not re.search(r"\b(?:has|have)\s+(?:had\s+)?(?:\w+\s+){0,3}$", head,
                                 re.IGNORECASE)  # fmt: skip
    return None, not past


def day_before(published: str | None) -> str | None:
    """The day before a publication date's period starts (None stays None)."""
    if not published:
        return None
    return (start_of_period(published) - timedelta(days=1)).isoformat()


def dated_modality(modality: str, when: str | None, asserted_on: str | None) -> str:
    """Turn an asserted claim with an old text date into ``historical``, a later one ``future``."""
    if modality != "asserted" or when is None or asserted_on is None:
        return modality
    published = end_of_period(asserted_on)
    if start_of_period(when) > published:
        return "future"
    if end_of_period(when) < published - timedelta(days=365):
        return "historical"
    return modality


def _groups(match: re.Match[str]) -> dict[str, tuple[int, int]]:
    return {name: match.span(name) for name in ("subj", "obj", "date")
            if name in match.re.groupindex and match.group(name) is not None}  # fmt: skip


def _sentence_claims(article: Article, sentence: Sentence, mentions: list[Mention],
                     previous: list[list[str]],
                     before: Sentence | None = None) -> list[Claim]:  # fmt: skip
    """Claims of the patterns matched in one sentence.

    ``before``: the previous sentence, whose last date "at the time" refers to.
    """
    text = sentence.text
    spots = sentence_spots(mentions, sentence.start)
    flying: list[Spot] | None = None  # with the airlines, for airspace patterns only
    out: list[Claim] = []
    lowered = lowered_for_prefilter(text)
    for pattern in stative_patterns():
        if not may_match(pattern.regex, lowered):
            continue  # a required word is missing: the search cannot match
        if pattern.facet == "airspace" and flying is None:
            flying = with_carriers(text, spots)
        here = flying if pattern.facet == "airspace" and flying is not None else spots
        for match in pattern.regex.finditer(text):
            groups = _groups(match)
            pairs = pairs_for_match(text, here, match.span(), groups=groups, previous=previous)
            if pairs:
                out.extend(_claims_for(article, sentence, pattern, match, groups, pairs,
                                       before=before))  # fmt: skip
    return out


#: "for the first time since 2017", "the first ambassador since 2016": the date of the
#: last time before, never of the change the sentence reports.
_FIRST_SINCE = re.compile(
    r"\b(?:first|1st)\s+(?:[\w-]+\s+){0,3}?since\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:\d{1,2}\s+)?(?:[a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d\b", re.IGNORECASE)


#: A time the previous sentence gave ("… in 2016. Riyadh cut its ties at the time.").
_AT_THAT_TIME = re.compile(r"[^,;.]{0,40}?\b(?:at\s+(?:the|that)\s+time|that\s+(?:same\s+)?year"
                           r"|the\s+same\s+year|in\s+the\s+same\s+(?:year|month|period))\b",
                           re.IGNORECASE)  # fmt: skip


def _last_date(sentence: Sentence, published: str | None) -> str | None:
    """The last date a sentence gives (what a following "at the time" points to)."""
    found = find_dates(_without_reference_dates(sentence.text), published)
    return found[-1][2] if found else None


def _without_reference_dates(text: str) -> str:
    """``text`` with the dates that only say when something last happened blanked out.

    Same length, so the match's offsets still hold.
    """
    return _FIRST_SINCE.sub(lambda m: " " * len(m.group(0)), text)


#: Rupture values: what a restoring value ends (severed, downgraded, closed, suspended …).
_RUPTURES = frozenset((facet, value) for (facet, _), values in RESTORES.items()
                      for value in values)  # fmt: skip
#: Words right before an undated rupture that make it background, not news.
_BACKGROUND_BEFORE = re.compile(
    r"(?:\b(?:which|who|that)\s+(?:had\s+)?|\bhad\s+|\b(?:after|since|following)\s+)"
    r"(?:also\s+|previously\s+|earlier\s+|once\s+|first\s+)?$",
    re.IGNORECASE,
)


def _is_background_rupture(pattern: Pattern, text: str, start: int) -> bool:
    """An undated rupture in a relative clause, a pluperfect or "after cutting …".

    It happened once, at a time the article does not give: kept as ``historical``
    but placed nowhere, so that it never overrides a later restoration.
    """
    return ((pattern.facet, pattern.value) in _RUPTURES and pattern.kind == "change"
            and _BACKGROUND_BEFORE.search(text[:start]) is not None)  # fmt: skip


def _claims_for(
    article: Article,
    sentence: Sentence,
    pattern: Pattern,
    match: re.Match[str],
    groups: dict[str, tuple[int, int]],
    pairs: list[tuple[str, str]],
    *,
    before: Sentence | None = None,
) -> list[Claim]:
    text = sentence.text
    if "date" in groups and _YEAR.fullmatch(match.group("date")):
        when: str | None = match.group("date")
    else:
        when = date_for_match(_without_reference_dates(text), match.span(),
                              kind="state" if pattern.kind == WEAK else pattern.kind,
                              asserted_on=article.published)  # fmt: skip
    if when is None and before is not None and _AT_THAT_TIME.match(text, match.end()):
        # "Riyadh cut its ties with Tehran at the time.": read only where it is needed
        when = _last_date(before, article.published)
    kind = pattern.kind if pattern.kind == WEAK else ("change" if when else pattern.kind)
    modality = pattern.modality or modality_before(text, match.start(), match.end())
    placed = True
    if when is None and pattern.kind in ("state", WEAK):
        when, placed = state_end(text, match, article.published)
    elif when is None and _is_background_rupture(pattern, text, match.start()):
        placed = False  # "Saudi Arabia, which had cut ties with Damascus, …": once, not now
    modality = dated_modality(modality, when, article.published)
    if not placed and modality == "asserted":
        modality = "historical"  # "had no formal ties", no date: true once, not now
    valid_from = when or (article.published if placed else None)
    precision = date_precision(valid_from) if valid_from else "unknown"
    log.debug("%s: %s matched %r", article.source, pattern.id, match.group(0))
    return [
        Claim(a=a, b=b, facet=pattern.facet, value=pattern.value, article_id=article.id,
              sentence=sentence.index, text=text, modality=modality, valid_from=valid_from,
              valid_from_precision=precision, asserted_on=article.published, kind=kind)
        for a, b in pairs
    ]  # fmt: skip


def event_pairs(event: Event, *, co_actors: bool = False) -> list[tuple[str, str]]:
    """The dyads of an event: actor × recipient, or every pair of actors when mutual.

    ``co_actors``: every pair of actors whatever the recipients ("the US and Britain
    struck the Houthis": the two strikers, not strikers and target).
    """
    actors = sorted({r.code for r in event.actor if is_state(r.code)})
    recipients = sorted({r.code for r in event.recipient if is_state(r.code)})
    if co_actors:
        # only co-actors against a named target are on one side ("Israel and Iran
        # exchanged strikes" has no recipient: the two are foes, not partners)
        if not recipients or re.search(r"\b(?:exchang|trad)\w*\s+(?:\w+\s+)?(?:fire|strikes|blows)",
                                       event.text, re.IGNORECASE):  # fmt: skip
            return []
        return sorted({ordered(a, b) for a, b in combinations(actors, 2)})
    if recipients:
        pairs = {ordered(a, r) for a in actors for r in recipients if a != r}
    else:
        pairs = {ordered(a, b) for a, b in combinations(actors, 2)}
    return sorted(pairs)


TRIGGER_REACH = 50  # characters around an event's trigger where its facet cue must stand


def _cue_near_trigger(rule: EventRule, event: Event) -> bool:
    """True if the rule's cue stands near the event's trigger (anywhere, without a trigger)."""
    text = event.text
    where = text.lower().find(event.trigger.lower()) if event.trigger else -1
    if where < 0:
        return rule.cue.search(text) is not None
    lo = max(0, where - TRIGGER_REACH)
    hi = where + len(event.trigger or "") + TRIGGER_REACH
    return any(m.start() < hi and m.end() > lo for m in rule.cue.finditer(text))


def _event_claims(article: Article, have: dict[tuple[str, str, str, int], Claim]) -> list[Claim]:
    """Claims from events, for facets the patterns found nothing for in that sentence."""
    covered = {(facet, sentence) for _, _, facet, sentence in have}
    out: list[Claim] = []
    for event in article.events:
        for rule in event_rules():
            if rule.event != event.event or not _cue_near_trigger(rule, event):
                continue
            for a, b in event_pairs(event, co_actors=rule.parties == "actors"):
                key = (a, b, rule.facet, event.sentence)
                if key in have:
                    have[key].event_id = have[key].event_id or event.id
                    continue
                if (rule.facet, event.sentence) in covered:
                    continue  # the sentence's own parse named the parties of this facet
                have[key] = _event_claim(article, event, rule, a, b)
                out.append(have[key])
    return out


def _event_modality(rule: EventRule, event: Event) -> str:
    """The event's modality, unless its cue is framed as not a fact ("commits X to establish")."""
    match = rule.cue.search(event.text)
    if event.modality != "asserted" or match is None:
        return event.modality
    framed = modality_before(event.text, match.start(), match.end())
    return event.modality if framed == "asserted" else framed


def _event_claim(article: Article, event: Event, rule: EventRule, a: str, b: str) -> Claim:
    when = event.date or article.published
    return Claim(
        a=a, b=b, facet=rule.facet, value=rule.value, article_id=article.id,
        sentence=event.sentence, text=event.text, modality=_event_modality(rule, event),
        valid_from=when,
        valid_from_precision=date_precision(when) if when else "unknown",
        asserted_on=article.published, event_id=event.id, kind="change",
    )  # fmt: skip


def extract_claims(article: Article) -> list[Claim]:
    """Dyad facet claims asserted in ``article`` (needs its sentences, mentions and events)."""
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in article.mentions:
        by_sentence[mention.sentence].append(mention)
    previous: list[list[str]] = []  # codes of earlier sentences that name states, nearest first
    have: dict[tuple[str, str, str, int], Claim] = {}
    claims: list[Claim] = []
    before: Sentence | None = None  # the previous sentence ("at the time" reads its date)
    for sentence in article.sentences:
        mentions = by_sentence.get(sentence.index, [])
        for claim in _sentence_claims(article, sentence, mentions, previous, before):
            key = (claim.a, claim.b, claim.facet, claim.sentence)
            same = have.get(key)
            if same is not None and same.value == claim.value:
                if same.modality in STATE_MODALITIES or claim.modality not in STATE_MODALITIES:
                    continue
                # "X will open an embassy …, describing the two as enjoying full ties":
                # the fact of the sentence stands for it, not the plan that matched first
                claims[claims.index(same)] = have[key] = claim
                continue
            have.setdefault(key, claim)
            claims.append(claim)
        codes = codes_in_order(sentence_spots(mentions, sentence.start))
        if codes:
            previous = [codes, *previous[: PREVIOUS_SENTENCES - 1]]
        before = sentence
    claims.extend(_agreement_claims(article, have))
    claims.extend(_event_claims(article, have))
    return _background_ruptures(article, _drop_weak(_drop_shadowed(claims)))


def _drop_weak(claims: list[Claim]) -> list[Claim]:
    """Weak states (an envoy's title, a standing embassy) only where the article says
    nothing else about that dyad's facet: they never outrank a claim of the same text."""
    said = {(c.a, c.b, c.facet) for c in claims if c.kind != WEAK}
    return [c for c in claims if c.kind != WEAK or (c.a, c.b, c.facet) not in said]


NEWS_WINDOW = timedelta(days=31)  # a restoration dated this close to publication is the news


def _background_ruptures(article: Article, claims: list[Claim]) -> list[Claim]:
    """An undated rupture in an article that reports its restoration is background.

    "Riyadh broke off relations after its embassy was stormed" in an article on the
    restoration of ties took the publication date for want of its own; it happened
    before the restoration, so it is kept as ``historical`` but placed nowhere, and
    the restoration is the change of that date, not a conflict.
    """
    if not article.published:
        return _undated_background_ruptures(claims)
    published = end_of_period(article.published)
    restored: dict[tuple[str, str, str], frozenset[str]] = {}
    for c in claims:
        if (c.modality in STATE_MODALITIES and (c.facet, c.value) in RESTORES and c.valid_from
                and end_of_period(c.valid_from) >= published - NEWS_WINDOW):  # fmt: skip
            restored[(c.a, c.b, c.facet)] = RESTORES[(c.facet, c.value)]
    for c in claims:
        ruptures = restored.get((c.a, c.b, c.facet), frozenset())
        if (c.value in ruptures and c.modality in STATE_MODALITIES
                and c.valid_from == article.published):  # fmt: skip
            c.modality, c.valid_from, c.valid_from_precision = "historical", None, "unknown"
    return claims


def _undated_background_ruptures(claims: list[Claim]) -> list[Claim]:
    """In an article with no date at all, an undated rupture beside its undated restoration
    is background too: the restoration is what the article reports."""
    restored = {(c.a, c.b, c.facet): RESTORES[(c.facet, c.value)] for c in claims
                if c.modality == "asserted" and not c.valid_from
                and (c.facet, c.value) in RESTORES}  # fmt: skip
    for c in claims:
        if (c.value in restored.get((c.a, c.b, c.facet), frozenset())
                and c.modality == "asserted" and not c.valid_from):  # fmt: skip
            c.modality = "historical"
    return claims


def _agreement_claims(article: Article,
                      have: dict[tuple[str, str, str, int], Claim]) -> list[Claim]:  # fmt: skip
    """Claims of the named agreements (``data/agreements.toml``) the article mentions.

    One claim per pair and facet at the first mention, for pairs whose two states
    the article names (the sentence, for a generic alias such as "peace treaty");
    none for a signing after the article's publication.
    """
    named = {m.code for m in article.mentions if m.code and is_state(m.code)}
    here: dict[int, set[str]] = defaultdict(set)
    for mention in article.mentions:
        here[mention.sentence].add(mention.code or "")
    published = end_of_period(article.published) if article.published else None
    out: list[Claim] = []
    done: set[tuple[str, str, str, str]] = set()
    known_agreements = agreements()
    for sentence in article.sentences:
        for agreement in known_agreements:
            if agreement.mentioned_in(sentence.text) is not None:
                known = named
            elif agreement.generically_mentioned_in(sentence.text):
                known = here[sentence.index]  # "peace treaties with Egypt and Jordan"
            else:
                continue
            for item in agreement.sets:
                if published is not None and end_of_period(item.date) > published:
                    continue
                for (a, b), (facet, value) in product(item.pairs, item.facets):
                    if a not in known or b not in known or (a, b, facet, item.date) in done:
                        continue
                    done.add((a, b, facet, item.date))
                    same = have.get((a, b, facet, sentence.index))
                    if same is None or same.value != value or same.valid_from != item.date:
                        out.append(_agreement_claim(article, sentence, (a, b), facet, value,
                                                    item.date))  # fmt: skip
    return out


def _agreement_claim(article: Article, sentence: Sentence, pair: tuple[str, str], facet: str,
                     value: str, when: str) -> Claim:  # fmt: skip
    return Claim(
        a=pair[0], b=pair[1], facet=facet, value=value, article_id=article.id,
        sentence=sentence.index, text=sentence.text,
        modality=dated_modality("asserted", when, article.published),
        valid_from=when, valid_from_precision=date_precision(when),
        asserted_on=article.published, kind="change",
    )  # fmt: skip


def _drop_shadowed(claims: list[Claim]) -> list[Claim]:
    """Drop a non-fact claim that a fact of the same sentence contradicts.

    "All four states don't have formal diplomatic relations" is a fact (``none``); the
    negated ``full`` its words also spell says nothing more.
    """
    facts = {(c.a, c.b, c.facet, c.sentence) for c in claims if c.modality in STATE_MODALITIES}
    return [c for c in claims if c.modality in STATE_MODALITIES
            or (c.a, c.b, c.facet, c.sentence) not in facts]  # fmt: skip
