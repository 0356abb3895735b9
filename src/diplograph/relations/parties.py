"""Which dyads a matched sentence speaks about: subjects, the "with X" object, lists, collectives.

A stative pattern matches a span of a sentence; the parties come from the actor
mentions around it (``Article.mentions``, produced by the actors stage):

* mentions in a ``(?P<subj>…)`` / ``(?P<obj>…)`` group of the pattern, when it has one;
* the *object*: the first state named right after "with", "to", "from", "between"
  or "in" inside the match or just after it, with any list joined to it;
* the *subjects*: other states inside the match, else the list that ends just
  before the match ("the UAE, Bahrain, Morocco and Sudan, which normalized…");
* when no state names the subject, a collective ("all four states", "both
  countries") takes that many states from the nearest earlier sentence, and a bare
  pronoun or epithet takes the one other state of the previous sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from diplograph.model import Mention
from diplograph.relations.facets import (
    carrier_names,
    is_state,
    names_a_group,
    ordered,
    subject_may_be_a_state,
)

_JOIN = re.compile(
    r"^\s*(?:,|;|&|and|or|,\s*and|,\s*or|as\s+well\s+as|along\s+with|plus|together\s+with|[-–—/])?"
    r"\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_PREP = re.compile(r"\b(?:with|to|from|towards|toward|between|against|on|out\s+of)\s+"
                   r"(?:the\s+|its\s+)?(?:neighbou?ring\s+|fellow\s+|nearby\s+)?$",
                   re.IGNORECASE)  # fmt: skip
_AGENT = re.compile(r"\b(?:of|by)\s+(?:the\s+)?$", re.IGNORECASE)
_PREP_IN = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_NUMBERS = {"both": 2, "neither": 2, "either": 2, "two": 2, "three": 3, "four": 4, "five": 5,
            "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "quartet": 4, "trio": 3}  # fmt: skip
_COLLECTIVE = re.compile(
    r"\b(?:the\s+(?:[\w-]+\s+)?(quartet|trio)\b|"
    r"(?:(both|neither|either)|(?:all\s+|the\s+|these\s+|those\s+)(two|three|four|five|six|seven|eight|nine|ten))"
    r"\s+(?:\w+\s+)?(?:countr(?:y|ies)|states?|nations?|sides?|neighbou?rs?|governments?|"
    r"capitals?|kingdoms?|monarchies|allies|parties|rivals|foes|adversaries)\b)",
    re.IGNORECASE,
)
OBJECT_REACH = 60  # characters after a match where its "with X" object may stand


@dataclass(frozen=True, slots=True)
class Spot:
    """A state mention placed in its sentence (offsets relative to the sentence text)."""

    start: int
    end: int
    code: str


def sentence_spots(mentions: list[Mention], offset: int) -> list[Spot]:
    """The state mentions of one sentence, sorted, offsets made sentence-relative."""
    spots = {
        (m.start - offset, m.end - offset, m.code)
        for m in mentions
        if m.code and is_state(m.code) and m.kind != "collective"
    }
    return [Spot(s, e, c) for s, e, c in sorted(spots)]


def with_carriers(text: str, spots: list[Spot]) -> list[Spot]:
    """``spots`` plus the airlines named in ``text`` as their states ("El Al": ISR)."""
    extra = [Spot(m.start(), m.end(), code) for regex, code in carrier_names()
             for m in regex.finditer(text)]  # fmt: skip
    if not extra:
        return spots
    taken = [(s.start, s.end) for s in spots]
    extra = [e for e in extra if not any(a < e.end and e.start < b for a, b in taken)]
    return sorted({*spots, *extra}, key=lambda s: (s.start, s.end, s.code))


def codes_in_order(spots: list[Spot]) -> list[str]:
    """Distinct codes in order of first mention."""
    seen: list[str] = []
    for spot in spots:
        if spot.code not in seen:
            seen.append(spot.code)
    return seen


Span = tuple[int, int]
_COMMA_ASIDE = re.compile(r"\s*,([^,;]{1,90}),")
_DASH_ASIDE = re.compile(r"\s[–—]\s([^–—]{1,120}?)\s[–—]\s")
_FILLER = re.compile(r"\b(?:the|and|or)\b", re.IGNORECASE)


def asides(text: str, spots: list[Spot], span: Span) -> list[Span]:
    """Parentheticals that do not hold the match: ", which signed … in 1994,", "– two allies –".

    A comma aside must follow a state and say more than another state's name
    (", Bahrain," in a list is not an aside).
    """
    out: list[Span] = []
    for spot in spots:
        m = _COMMA_ASIDE.match(text, spot.end)
        if m is None:
            continue
        inner = text[m.start(1) : m.end(1)]
        for other in _in_span(spots, m.start(1), m.end(1)):
            inner = inner.replace(text[other.start : other.end], " ")
        if re.search(r"[A-Za-z]", _FILLER.sub(" ", inner)):
            out.append((m.start(1), m.end(1)))
    out.extend(m.span(1) for m in _DASH_ASIDE.finditer(text))
    return [(s, e) for s, e in out if not s <= span[0] < e]


def _hidden(spot: Spot, hidden: list[Span]) -> bool:
    return any(s <= spot.start and spot.end <= e for s, e in hidden)


def _between(text: str, left: Spot, right: Spot, hidden: list[Span]) -> str:
    out, pos = [], left.end
    for s, e in sorted(hidden):
        if pos <= s and e <= right.start:
            out.append(text[pos:s])
            pos = e
    out.append(text[pos : right.start])
    return "".join(out)


def _joined(text: str, left: Spot, right: Spot, hidden: list[Span] | None = None) -> bool:
    if right.start <= left.end:
        return True  # the same span resolved to several codes ("both countries")
    between = _between(text, left, right, hidden or [])
    between = re.sub(r",\s*,", ",", between)
    return bool(_JOIN.match(between))


def _list_ending_at(text: str, spots: list[Spot], index: int,
                    hidden: list[Span] | None = None) -> list[Spot]:  # fmt: skip
    group = [spots[index]]
    i = index
    while i > 0 and _joined(text, spots[i - 1], spots[i], hidden):
        i -= 1
        group.insert(0, spots[i])
    return group


def _list_starting_at(text: str, spots: list[Spot], index: int) -> list[Spot]:
    group = [spots[index]]
    i = index
    while i + 1 < len(spots) and _joined(text, spots[i], spots[i + 1]):
        i += 1
        group.append(spots[i])
    return group


def _in_span(spots: list[Spot], start: int, end: int) -> list[Spot]:
    return [s for s in spots if s.start >= start and s.end <= end]


def _touching(spots: list[Spot], start: int, end: int) -> list[Spot]:
    """Mentions that begin inside a pattern group ("Israel's" of "expelled Israel's envoy")."""
    return [s for s in spots if start <= s.start < end]


def find_object(text: str, spots: list[Spot], start: int, end: int) -> tuple[list[Spot], str]:
    """The object of a match at ``start:end`` and how it was found.

    The first state after "with", "to", "from" or "between" (``"between"``) inside
    the match or just after it; failing that, one after "in" (``"in"``: "opened an
    embassy in Tel Aviv", but also "signed … in Washington", so it yields to a
    subject list).
    """
    limit = min(len(text), end + OBJECT_REACH)
    weak: list[Spot] = []
    for i, spot in enumerate(spots):
        if spot.start <= start or spot.start > limit:
            continue
        before = text[max(0, spot.start - 20) : spot.start]
        if _PREP.search(before):
            how = "between" if _BETWEEN.search(before) else "with"
            return _list_starting_at(text, spots, i), how
        if not weak and _PREP_IN.search(before):
            weak = _list_starting_at(text, spots, i)
    return weak, "in" if weak else ""


def find_subjects(text: str, spots: list[Spot], span: Span, exclude: set[str]) -> list[Spot]:
    """Subjects of a match: states inside it (not the object), else the list just before it.

    States inside asides between the list and the match are skipped ("Bahrain, home
    to the US Navy's Fifth Fleet, normalised relations …": Bahrain).
    """
    start, end = span
    # A state inside the match is its subject only when it is the agent ("the decision
    # of the UAE to normalise"); otherwise it qualifies something ("the US-brokered accords").
    # ("the decision of Riyadh and Damascus to resume …": the agent and its list).
    inside = _in_span(spots, start, end)
    for i, spot in enumerate(inside):
        if spot.code not in exclude and _AGENT.search(text[max(0, spot.start - 12) : spot.start]):
            return [s for s in _list_starting_at(text, inside, i) if s.code not in exclude]
    hidden = asides(text, spots, span)
    visible = [s for s in spots if not _hidden(s, hidden)]
    # a mention the match starts inside stands before it ("Syria's new ambassador presented …")
    before = [i for i, s in enumerate(visible) if s.start < start and s.code not in exclude
              and (s.end <= start or s.end < end)]  # fmt: skip
    if before:
        group = _list_ending_at(text, visible, before[-1], hidden)
        return [s for s in group if s.code not in exclude]
    return []


_ALSO = re.compile(r"\s*,?\s*(?:after|following|like|joining|alongside|as\s+did)\s+(?:the\s+)?$",
                   re.IGNORECASE)  # fmt: skip


def followers(text: str, spots: list[Spot], objects: list[Spot]) -> list[Spot]:
    """States named after the object as having done the same ("…, after the UAE and Bahrain")."""
    if not objects:
        return []
    last = objects[-1]
    for i, spot in enumerate(spots):
        if spot.start >= last.end and _ALSO.match(text[last.end : spot.start]):
            return _list_starting_at(text, spots, i)
    return []


#: Pronouns for the pair of the text before: "trade between them", "the two have agreed".
_PAIR_PRONOUN = re.compile(
    r"\b(?:between|among)\s+them\b|\bthe\s+two\s+(?=(?:have|has|had|are|were|will|would|also"
    r"|then|later|formally|officially|signed|agreed|restored|established|cut|severed|broke"
    r"|resumed|normali[sz]ed|exchanged|expelled|recalled)\b)",
    re.IGNORECASE,
)


def collective_size(text: str, end: int) -> int | None:
    """How many states a collective subject before ``end`` stands for ("all four states": 4)."""
    found, at = None, -1
    for match in _COLLECTIVE.finditer(text[:end]):
        word = (match.group(1) or match.group(2) or match.group(3)).lower()
        found, at = _NUMBERS.get(word), match.start()
    for match in _PAIR_PRONOUN.finditer(text[:end]):
        if match.start() > at:
            found, at = 2, match.start()
    return found


def earlier_codes(previous: list[list[str]], *, need: int, exclude: set[str],
                  every: bool = False) -> list[str]:  # fmt: skip
    """The first ``need`` codes (``every``: all) of the nearest earlier sentence that names
    enough other states."""
    for codes in previous:
        usable = [c for c in codes if c not in exclude]
        if len(usable) >= need:
            return usable if every else usable[:need]
    return []


def pairs_for_match(
    text: str,
    spots: list[Spot],
    span: tuple[int, int],
    *,
    groups: dict[str, tuple[int, int]],
    previous: list[list[str]],
) -> list[tuple[str, str]]:
    """The ordered dyads a pattern match at ``span`` asserts something about.

    ``groups`` holds the spans of the pattern's ``subj``/``obj`` groups that matched;
    ``previous`` the codes of the preceding sentences, nearest first.
    """
    start, end = span
    objects, how = (_touching(spots, *groups["obj"]), "with") if "obj" in groups else ([], "")
    if not objects:
        objects, how = find_object(text, spots, start, end)
    if not objects and "subj" not in groups:
        objects = _coordinated_object(text, spots, start)
    object_codes = set(codes_in_order(objects))
    if how == "between" and len(object_codes) >= 2:
        # "between Israel and the UAE and Bahrain": the first with each of the others
        hub, *rest = codes_in_order(objects)
        return sorted({ordered(hub, other) for other in rest})
    subjects = []
    if "subj" in groups:
        subjects = [s for s in _touching(spots, *groups["subj"]) if s.code not in object_codes]
    if not subjects:
        # a subject group naming no state ("reopened its airspace") leaves it to the sentence
        subjects = find_subjects(text, spots, span, object_codes)
    subject_codes = codes_in_order(subjects)
    if how == "in" and len(subject_codes) >= 2:
        return _all_pairs(set(subject_codes))  # "… signed a peace treaty in Washington"
    if not subject_codes and len(object_codes) >= 2:
        return _all_pairs(object_codes)  # "liaison offices in Rabat and Tel Aviv"
    size = collective_size(text[subjects[-1].end if subjects else 0 : start], start)
    if not subject_codes or (size is not None and size != len(subject_codes) + 1
                             and size != len(subject_codes)):  # fmt: skip
        # "Iran, Saudi Arabia and China …, the foreign ministers of the two countries …"
        implied = _implied_subjects(text, spots, start, end, object_codes, previous)
        subject_codes = implied or subject_codes
    after_subject = subjects[-1].end if subjects else 0
    if size is None and previous and names_a_group(_clause_before(text[after_subject:start],
                                                                  start - after_subject)):
        # "The boycotting states …", "Riyadh and its Gulf allies …": every other state of
        # the nearest earlier sentence that names several
        group = earlier_codes(previous, need=2, exclude=object_codes, every=True)
        subject_codes = subject_codes + [c for c in group if c not in subject_codes]
    if not object_codes:
        return _without_object(text, spots, span, subject_codes)
    subject_codes += [c for c in codes_in_order(followers(text, spots, objects))
                      if c not in object_codes]  # fmt: skip
    return sorted({ordered(s, o) for s in subject_codes for o in object_codes if s != o})


_AND_VERB = re.compile(r"^\s*(?:(?:in|on|since)\s+(?:[\w.]+\s+){0,2}?(?:19|20)\d\d\s*)?"
                       r",?\s*and\s+(?:has\s+|have\s+|had\s+|then\s+|also\s+)?$",
                       re.IGNORECASE)  # fmt: skip


def _coordinated_object(text: str, spots: list[Spot], start: int) -> list[Spot]:
    """The object of a coordinated verb: "X recalled its envoy from Israel and suspended ties".

    When the match follows "… <prep> Y (in YEAR) and", Y is the object of both verbs.
    """
    before = [s for s in spots if s.end <= start]
    if not before or not _AND_VERB.match(text[before[-1].end : start]):
        return []
    last = before[-1]
    head = text[max(0, last.start - 20) : last.start]
    if not (_PREP.search(head) or _PREP_IN.search(head)):
        return []  # "… its embassy in Damascus in 2012 and recalled its ambassador": Damascus
    return [last]


def _implied_subjects(text: str, spots: list[Spot], start: int, end: int,
                      objects: set[str], previous: list[list[str]]) -> list[str]:  # fmt: skip
    size = collective_size(text, end)
    if size is not None:
        # "Saudi Arabia has yet to …, but the two sides have seen de facto rapprochement
        # … with Israel": a sentence that names exactly that many states names them.
        here = [c for c in codes_in_order(spots) if c not in objects]
        if len(here) == size:
            return here
        return earlier_codes(previous, need=size, exclude=objects)
    if objects and previous and subject_may_be_a_state(_clause_before(text, start)):
        # "The Persian Gulf periphery state severed trade ties with Israel": the one
        # other state of the previous sentence (not for "The company severed …").
        usable = [c for c in previous[0] if c not in objects]
        if len(usable) == 1:
            return usable
    return []


def _clause_before(text: str, start: int) -> str:
    """The words of the match's clause before it (after the last ";", ":" or dash)."""
    head = re.split(r"[;:–—]", text[:start])[-1]
    return " ".join(head.split()[-10:])


_RELATIVE = re.compile(r"^\s*,\s*(?:which|who|that)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_WITH = re.compile(r"\bwith\s+(?:the\s+)?$", re.IGNORECASE)


def _without_object(text: str, spots: list[Spot], span: tuple[int, int],
                    subjects: list[str]) -> list[tuple[str, str]]:  # fmt: skip
    if len(subjects) >= 2:
        return _all_pairs(set(subjects))
    if not subjects:
        after = [i for i, s in enumerate(spots) if span[1] <= s.start <= span[1] + 8]
        group = codes_in_order(_list_starting_at(text, spots, after[0])) if after else []
        return _all_pairs(set(group)) if len(group) >= 2 else []
    # An appositive ("…ties with Israel, after Egypt, which signed a peace treaty…"):
    # the partner is the "with" object elsewhere in the sentence.
    subject = max((s for s in spots if s.end <= span[0] and s.code == subjects[0]),
                  key=lambda s: s.end, default=None)  # fmt: skip
    if subject is None or not _RELATIVE.match(text[subject.end : span[0]]):
        return []
    for spot in spots:
        if spot.code != subjects[0] and _WITH.search(text[max(0, spot.start - 20) : spot.start]):
            return [ordered(subjects[0], spot.code)]
    return []


def _all_pairs(codes: set[str]) -> list[tuple[str, str]]:
    return sorted(ordered(a, b) for a, b in combinations(sorted(codes), 2))
