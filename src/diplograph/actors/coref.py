"""The news coreference that matters for who-did-what-to-whom, kept conservative.

Resolved sentence by sentence, looking only backwards (a wrong resolution is
worse than none):

* **category anaphors** — "the kingdom", "the Gulf state", "the emirate", "the
  Persian Gulf state" (cues.csv ``anaphor``, value = the countries.csv
  categories it needs): the most recent earlier mention of a state that has
  every category.
* **"the country"** (anaphor value ``*``) — the one state named in this sentence
  so far or in the previous one; nothing when there are several.
* **pairs** — "both countries", "the two sides": two mentions over the same
  span, one per code. Candidates are ranked by their mentions earlier in the
  same sentence (weight 3) and in the two previous sentences (2, 1), halved
  after "on", "about", "in" …, then by mentions in the whole article, then by
  recency; a state that is the only one named earlier in the same sentence is
  always one of the two. A state named before "hosted"/"mediated" … in the
  same sentence makes the pair unresolved.
  Adjectives alone ("a Palestinian state") do not count; an adjective that
  makes an official ("a senior Saudi official") does. With no state named in
  the sentence so far or the two before, the pair is the one the article last
  spoke of (a resolved pair anaphor or a coordination of two states, up to
  ``_GROUP_REACH`` sentences back, no other state named since). Fewer than two
  candidates: one unresolved mention (``code`` None). "The countries" (pair
  value ``exact``) resolves only when exactly two states are named in this
  sentence so far and the one before.
* **counted groups** — "the four countries", "the three states" (anaphor value
  ``#N``): the most recent earlier list of exactly N states written as a
  coordination ("Saudi Arabia, the UAE, Bahrain and Egypt"), in this sentence
  or up to ``_GROUP_REACH`` sentences back; nothing when there is none.
* **organisations** — "the bloc", "the league", "the alliance" (anaphor value
  ``@igo``) and "the group", "the movement", "the militant group" (``@group``):
  the one intergovernmental organisation (or non-state group, with its sector)
  named in this sentence so far or in the ``_IGO_REACH`` sentences before;
  nothing when there are several.
* **"the regime"** — the most recent state the article has called a regime
  ("the occupying regime", "the Syrian regime"), else the state its epithets
  name most often, else nothing.
* **pronouns** — "He"/"She"/"His"/"Her" opening a sentence, or "he"/"she" right
  after a closing quote and comma ("…,” he added"): the official named in the
  nearest earlier sentence (up to two back) that names any, only when that
  sentence names exactly one and they are resolved.
* **sector nouns at home** — a bare sector noun with no country of its own ("police",
  "the rebels", "protesters", "the opposition", "lawmakers": cues.csv ``home_sector``,
  each an organ or title template that carries its sector) takes the one state the
  sentence names; with no state in the sentence, the one state the whole article names;
  nothing when there are several (SPEC §2: an actor is a country and a sector). These
  mentions are parties only: they never count as states named for the anaphors above.
* **learned names** — "Egyptian Foreign Minister Sameh Shoukry" teaches the
  article that "Shoukry" (and "Sameh Shoukry") is EGY GOV for later sentences.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from diplograph.actors.compose import compose
from diplograph.actors.lexicon import Lexicon, Span
from diplograph.actors.registry import Registry
from diplograph.actors.tokens import Token, fold, phrase_tokens, span_text

_CLOSING_QUOTES = frozenset({"\u201d", '"', "'", "\u2019"})
#: Words after "the countries" that make it a described group, not the pair in view.
_DESCRIBED = frozenset({"of", "in", "that", "which", "who", "across", "from"})
_ANAPHOR_KINDS = frozenset({"anaphor", "pair", "regime"})
_PAIR_SKIP_KINDS = frozenset({"adjective", "collective", "group", "igo"})
#: Sentences back → weight of a state named there when ranking "both countries" candidates.
_PAIR_DISTANCE_WEIGHT = {0: 3.0, 1: 2.0, 2: 1.0}
#: How many sentences back a counted group ("the four countries") may find its list.
_GROUP_REACH = 8
#: Anaphor values of definite descriptions of organisations → the span kind they point to:
#: "the bloc" an IGO, "the group" a non-state group.
_ORGANISATION_KINDS = {"@igo": "igo", "@group": "group"}
#: How many sentences back "the bloc" or "the group" may find its organisation.
_IGO_REACH = 3
#: Span kinds of an organ or title with no country of its own yet ("police", "the president").
_TEMPLATE_KINDS = frozenset({"organ_template", "title_template"})
#: The cue set of sector nouns that take the country the text is about.
HOME_CUE = "home_sector"
#: Tokens that may separate the members of a coordinated list of states.
_LIST_GLUE = frozenset({",", "and", "the", "&"})


@dataclass(slots=True)
class Seen:
    """An earlier resolved mention the coreference may point back to."""

    sentence: int
    code: str
    kind: str
    text: str
    weight: float = 1.0  # half after "on", "about", "in" …: a topic or place, not a party


@dataclass(slots=True)
class ArticleContext:
    """What one article has said so far; resolves each sentence in turn."""

    registry: Registry
    lex: Lexicon
    all_spans: list[list[Span]]
    seen: list[Seen] = field(default_factory=list)
    anchors: dict[int, list[Span]] = field(default_factory=dict)
    learned: dict[tuple[str, ...], Span] = field(default_factory=dict)
    article_counts: Counter = field(default_factory=Counter)
    epithet_counts: Counter = field(default_factory=Counter)
    people: list[tuple[tuple[tuple[str, ...], ...], Span]] = field(default_factory=list)
    lists: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    pairs: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    #: (sentence, kind, code, sector) of each IGO and non-state group named
    organisations: list[tuple[int, str, str, str | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        named = {s.actor for spans in self.all_spans for s in spans
                 if s.kind == "person" and s.value != "weak" and s.actor}  # fmt: skip
        for spans in self.all_spans:
            spans[:] = [s for s in spans if s.value != "weak" or s.actor in named]
            for s in spans:
                if s.code in self.registry.countries:
                    self.article_counts[s.code] += 1
                    if s.kind == "epithet":
                        self.epithet_counts[s.code] += 1

    def resolve_sentence(self, index: int, tokens: list[Token], spans: list[Span]) -> list[Span]:
        """Resolve one sentence's spans (in article order) and remember what it names."""
        spans = self._learned_names(tokens, spans)
        parties = self._composed(tokens, spans)
        spans = [s for s in (self._anaphor(index, tokens, s, spans, parties) for s in spans) if s]
        spans = [self._short_name(s) for s in compose(self.lex, tokens, spans)]
        spans = [self._at_home(tokens, s, spans) for s in spans]
        spans = [self._the_official(index, tokens, s, spans) for s in spans]
        spans += self._pronouns(index, tokens, spans)
        self._remember(index, tokens, spans)
        return sorted(spans, key=lambda s: (s.i, s.j))

    def _at_home(self, tokens: list[Token], span: Span, spans: list[Span]) -> Span:
        """A bare ``home_sector`` noun ("police", "the opposition", "President" before a name
        the registry does not know) resolved to the state the text is about
        (:meth:`_home_state`), with the template's own sector; else as it was."""
        if span.kind not in _TEMPLATE_KINDS or not span.sector:
            return span
        i = span.i + 1 if tokens[span.i].key == "the" and span.j - span.i > 1 else span.i
        n = self.lex.word_at(HOME_CUE, tokens, i)
        named = span.kind == "title_template" and all(  # "President Amadou Kolle": a name
            t.text[:1].isupper() for t in tokens[i + n : span.j])  # fmt: skip
        if not n or (i + n != span.j and not named):
            return span
        code = self._home_state(spans)
        if code is None:
            return span
        return Span(span.i, span.j, "home", code, span.sector, value=span.value)

    def _home_state(self, spans: list[Span]) -> str | None:
        """The one state this sentence names (any form: "Kenya", "Kenyan", "Nairobi"), else,
        when it names none, the one state the whole article names; None otherwise."""
        here = {c for s in spans if s.kind != "home" and s.emit
                for c in [s.code, *s.extra_codes] if c in self.registry.countries}  # fmt: skip
        if not here:
            here = set(self.article_counts)
        return here.pop() if len(here) == 1 else None

    # -- anaphors -----------------------------------------------------------------------------

    def _composed(self, tokens: list[Token], spans: list[Span]) -> list[Span]:
        """The sentence's non-anaphor spans joined into officials ("Saudi" + "official"), so a
        pair anaphor sees "a Saudi official" as a party, not as an adjective; [] when the
        sentence has no pair anaphor."""
        if not any(s.kind == "pair" for s in spans):
            return []
        return compose(self.lex, tokens, [s for s in spans if s.kind not in _ANAPHOR_KINDS])

    def _anaphor(
        self, index: int, tokens: list[Token], span: Span, spans: list[Span],
        parties: list[Span] | None = None,
    ) -> Span | None:  # fmt: skip
        if span.kind not in _ANAPHOR_KINDS:
            return span
        pool = parties if span.kind == "pair" and parties else spans
        earlier = [Seen(index, s.code, s.kind, span_text(tokens, s.i, s.j),
                        self._weight(tokens, s, span))
                   for s in pool if s.j <= span.i and s.code in self.registry.countries]
        if span.kind == "anaphor" and span.value.startswith("#"):
            return self._counted(index, tokens, span, spans)
        if span.kind == "anaphor" and span.value in _ORGANISATION_KINDS:
            found = self._only_organisation(index, span, spans)
            if found is None:
                return _template_of(span)  # "the rebels" with no group in view: maybe at home
            resolved = _coref(span, found[0])
            resolved.sector = found[1]
            return resolved
        if span.kind == "anaphor":
            code = self._by_category(index, span.value, earlier)
            return _coref(span, code) if code else None
        if span.kind == "regime":
            code = self._regime(earlier)
            return _coref(span, code) if code else None
        if span.value == "exact":  # "the countries": only when exactly two are in view
            described = span.j < len(tokens) and tokens[span.j].key in _DESCRIBED
            codes = [] if described else self._exact_pair(index, earlier)
        else:
            codes = (self._listed_pair(index, tokens, span, spans) or self._pair(index, earlier)
                     or self._last_pair(index, earlier))  # fmt: skip
        if codes:
            self.pairs.append((index, tuple(codes[:2])))
        resolved = _coref(span, codes[0] if codes else None)
        resolved.extra_codes = codes[1:2]
        return resolved

    def _exact_pair(self, index: int, earlier: list[Seen]) -> list[str]:
        """ "the countries" (pair value ``exact``): the two states named in this sentence so far
        and the one before, only when there are exactly two and no mediator between."""
        recent = [s for s in self.seen if s.sentence >= index - 1] + earlier
        if any(s.weight == 0.0 for s in earlier):
            return []
        codes = list(dict.fromkeys(s.code for s in recent if s.kind not in _PAIR_SKIP_KINDS))
        return codes if len(codes) == 2 else []

    def _last_pair(self, index: int, earlier: list[Seen]) -> list[str]:
        """ "Both sides agreed. … The two countries will …": with no state named in this
        sentence so far or the two before, the pair the article last spoke of (a pair
        anaphor resolved, or a coordination of two states), up to ``_GROUP_REACH`` back."""
        if earlier or any(s.sentence >= index - 2 for s in self.seen):
            return []
        found = [(sentence, codes) for sentence, codes in self.pairs + self.lists
                 if len(codes) == 2 and index - sentence <= _GROUP_REACH]  # fmt: skip
        if not found:
            return []
        latest = max(sentence for sentence, _ in found)
        if any(s.sentence > latest and s.kind not in _PAIR_SKIP_KINDS for s in self.seen):
            return []  # another state was named since: unsure the pair is still the topic
        options = {codes for sentence, codes in found if sentence == latest}
        return list(options.pop()) if len(options) == 1 else []

    def _by_category(self, index: int, value: str, earlier: list[Seen]) -> str | None:
        if value == "*":
            return self._only_state(index, earlier)
        needed = {v for v in value.split("+") if v}
        for seen in reversed(self.seen + earlier):
            if needed <= set(self.registry.categories(seen.code)):
                return seen.code
        return None

    def _only_organisation(self, index: int, span: Span,
                           spans: list[Span]) -> tuple[str, str | None] | None:  # fmt: skip
        """ "the bloc", "the league" (an IGO), "the group", "the movement" (a non-state group):
        (code, sector) of the one organisation of that kind named in this sentence so far or
        in the ``_IGO_REACH`` sentences before; None when there are several or none."""
        kind = _ORGANISATION_KINDS[span.value]
        found = {(code, sector) for sentence, k, code, sector in self.organisations
                 if k == kind and sentence >= index - _IGO_REACH}  # fmt: skip
        found |= {(s.code, s.sector) for s in spans
                  if s.kind == kind and s.code and s.j <= span.i}  # fmt: skip
        return found.pop() if len(found) == 1 else None

    def _only_state(self, index: int, earlier: list[Seen]) -> str | None:
        """ "the country": the one state named (not as an adjective) in this sentence so
        far or in the previous one; nothing when there are several."""
        recent = [s for s in self.seen if s.sentence >= index - 1] + earlier
        codes = {s.code for s in recent if s.kind not in _PAIR_SKIP_KINDS}
        return codes.pop() if len(codes) == 1 else None

    def _counted(self, index: int, tokens: list[Token], span: Span,
                 spans: list[Span]) -> Span | None:  # fmt: skip
        """ "the four countries": the states of the latest list of exactly that many."""
        try:
            wanted = int(span.value[1:])
        except ValueError:
            return None
        here = [(index, codes) for codes in self._state_lists(tokens, [s for s in spans
                                                                        if s.j <= span.i])]
        for sentence, codes in reversed(self.lists + here):
            if index - sentence > _GROUP_REACH:
                break
            if len(codes) == wanted:
                resolved = _coref(span, codes[0])
                resolved.extra_codes = list(codes[1:])
                return resolved
        return None

    def _state_lists(self, tokens: list[Token], spans: list[Span]) -> list[tuple[str, ...]]:
        """The coordinated lists of two or more states in a sentence ("A, B and C"), in order."""
        states = [s for s in sorted(spans, key=lambda s: s.i) if s.emit
                  and s.kind not in _PAIR_SKIP_KINDS and s.code in self.registry.countries]
        runs: list[list[Span]] = []
        for s in states:
            if runs and all(t.key in _LIST_GLUE for t in tokens[runs[-1][-1].j : s.i]):
                runs[-1].append(s)
            else:
                runs.append([s])
        out = []
        for run in runs:
            codes = tuple(dict.fromkeys(c for s in run for c in [s.code, *s.extra_codes]))
            if len(codes) >= 2 and any(tokens[k].key == "and" for k in range(run[0].j, run[-1].i)):
                out.append(codes)
        return out

    def _regime(self, earlier: list[Seen]) -> str | None:
        for seen in reversed(self.seen + earlier):
            if "regime" in seen.text.lower():
                return seen.code
        if self.epithet_counts:
            return self.epithet_counts.most_common(1)[0][0]
        return None

    def _weight(self, tokens: list[Token], span: Span, anaphor: Span | None = None) -> float:
        """1, or 0.5 after "on", "about", "in" … (a topic or place, not a party); 0 when a
        word like "hosted" or "mediated" lies between the state and the pair anaphor."""
        if anaphor is not None and any(self.lex.word_at("pair_mediation_word", tokens, k)
                                       for k in range(span.j, anaphor.i)):  # fmt: skip
            return 0.0
        topic = span.i > 0 and self.lex.word_at("pair_topic_word", tokens, span.i - 1) == 1
        return 0.5 if topic else 1.0

    def _listed_pair(self, index: int, tokens: list[Token], span: Span,
                     spans: list[Span]) -> list[str]:  # fmt: skip
        """ "Saudi Arabia and Iran … the two countries": the latest coordination of exactly
        two states in this sentence or the two before, unless a mediator word intervenes."""
        before = [s for s in spans if s.j <= span.i]
        if any(self.lex.word_at("pair_mediation_word", tokens, k)
               for s in before for k in range(s.j, span.i)):  # fmt: skip
            return []
        here = [(index, codes) for codes in self._state_lists(tokens, before)]
        same = {s.code for s in before if s.kind not in _PAIR_SKIP_KINDS
                and s.code in self.registry.countries}  # fmt: skip
        for sentence, codes in reversed(self.lists + here):
            if index - sentence > 2:
                return []
            if len(codes) == 2:  # a state named alone in this sentence must be one of them
                return list(codes) if same <= set(codes) else []
        return []

    def _pair(self, index: int, earlier: list[Seen]) -> list[str]:
        """The two states "both countries" most likely means, or [] when unsure."""
        candidates = [s for s in earlier if s.kind not in _PAIR_SKIP_KINDS]
        if any(s.weight == 0.0 for s in candidates):
            return []  # "Oman, which hosted talks between the two sides": not Oman; unsure who
        score: Counter[str] = Counter()
        last: dict[str, int] = {}
        recent = [s for s in self.seen if s.sentence >= index - 2] + candidates
        for pos, seen in enumerate(recent):
            if seen.kind in _PAIR_SKIP_KINDS:
                continue
            score[seen.code] += _PAIR_DISTANCE_WEIGHT[index - seen.sentence] * seen.weight
            last[seen.code] = pos
        ranked = sorted(score, key=lambda c: (score[c], self.article_counts[c], last[c]),
                        reverse=True)  # fmt: skip
        same = {s.code for s in candidates if s.weight == 1.0}
        if len(same) == 1:  # "Saudi Arabia has yet to follow, but the two sides …"
            ranked = [*same, *(c for c in ranked if c not in same)]
        return ranked[:2] if len(ranked) >= 2 else []

    # -- pronouns -----------------------------------------------------------------------------

    def _pronouns(self, index: int, tokens: list[Token], spans: list[Span]) -> list[Span]:
        taken = {k for s in spans for k in range(s.i, s.j)}
        out = []
        for k, tok in enumerate(tokens):
            if k > 1 and tokens[k - 1].text not in _CLOSING_QUOTES:
                continue
            if k in taken or not self.lex.word_at("pronoun", tokens, k):
                continue
            opening = k == 0 or (k == 1 and tokens[0].text in _CLOSING_QUOTES | {"\u201c"})
            after_quote = k >= 2 and tokens[k - 1].text in _CLOSING_QUOTES \
                and tokens[k - 2].text in (",", "?", "!") and tok.key in ("he", "she")  # fmt: skip
            if not (opening and tok.text[:1].isupper()) and not after_quote:
                continue
            anchor = self._last_official(index)
            if anchor is not None:
                out.append(Span(k, k + 1, "coref", anchor.code, anchor.sector, anchor.actor,
                                anchor=True))  # fmt: skip
        return out

    def _last_official(self, index: int) -> Span | None:
        for back in (1, 2):
            found = self.anchors.get(index - back)
            if not found:
                continue
            distinct = {(a.code, a.sector, a.actor) for a in found}
            if len(distinct) == 1 and found[0].code is not None:
                return found[0]
            return None
        return None

    # -- memory -------------------------------------------------------------------------------

    def _learned_names(self, tokens: list[Token], spans: list[Span]) -> list[Span]:
        if not self.learned:
            return spans
        taken = {k for s in spans for k in range(s.i, s.j)}
        out = list(spans)
        k = 0
        while k < len(tokens):
            hit = next((n for n in (3, 2, 1) if k + n <= len(tokens)
                        and not taken.intersection(range(k, k + n))
                        and tuple(t.key for t in tokens[k:k + n]) in self.learned), 0)  # fmt: skip
            if hit and tokens[k].text[:1].isupper():
                src = self.learned[tuple(t.key for t in tokens[k : k + hit])]
                out.append(Span(k, k + hit, "person", src.code, src.sector, src.actor, anchor=True))
                k += hit
            else:
                k += 1
        return sorted(out, key=lambda s: (s.i, s.j))

    def _the_official(self, index: int, tokens: list[Token], span: Span,
                      spans: list[Span]) -> Span:  # fmt: skip
        """ "the foreign minister said" (no state, no name): the one official of that rank
        named in this sentence so far or the two before; unresolved when there are several."""
        if span.kind != "title_template" or span.actor or not span.anchor or not span.value \
                or span.i == 0 or tokens[span.i - 1].key != "the":  # fmt: skip
            return span
        pool = [a for back in (2, 1) for a in self.anchors.get(index - back, [])]
        pool += [a for a in spans if a.j <= span.i and a.anchor]
        fits = {(a.code, a.sector, a.actor) for a in pool if a.value == span.value and a.code}
        if len(fits) != 1:
            return span
        code, sector, actor = fits.pop()
        return Span(span.i - 1, span.j, "coref", code, sector, actor, value=span.value,
                    anchor=True)  # fmt: skip

    def _short_name(self, span: Span) -> Span:
        """ "Crown Prince Mohammed" after "Saudi Crown Prince Mohammed bin Salman": the one
        person named earlier whose name starts with (or ends with) these words."""
        if span.kind != "title_template" or not span.actor:
            return span
        words = tuple(fold(w) for w in phrase_tokens(span.actor))
        people = {p.actor: p for names, p in self.people
                  if any(_name_fits(words, name) for name in names)}  # fmt: skip
        if len(people) != 1:
            return span
        (person,) = people.values()
        return Span(span.i, span.j, "person", person.code, person.sector, person.actor,
                    anchor=True)  # fmt: skip

    def _remember(self, index: int, tokens: list[Token], spans: list[Span]) -> None:
        for s in spans:
            if s.kind == "person" and s.emit and s.actor and s.code:
                as_written = tuple(t.key for t in tokens[s.i : s.j] if t.text[:1].isupper())
                self.people.append(((as_written, _folded(s.actor)), s))
        for s in spans:
            if s.emit and s.code in self.registry.countries and s.kind != "home":
                weight = self._weight(tokens, s)
                for code in [s.code, *s.extra_codes]:
                    self.seen.append(Seen(index, code, s.kind, span_text(tokens, s.i, s.j), weight))
        self.organisations += [(index, s.kind, s.code, s.sector) for s in spans
                               if s.kind in ("igo", "group") and s.emit and s.code]  # fmt: skip
        self.anchors[index] = [s for s in spans if s.anchor]
        self.lists += [(index, codes) for codes in self._state_lists(tokens, spans)]
        for s in spans:
            if s.kind == "title" and s.code and s.actor and s.anchor:
                self._learn(s)

    def _learn(self, span: Span) -> None:
        """Remember a titled person's full name and surname for later sentences."""
        words = phrase_tokens(span.actor or "")
        if not words or not words[-1][:1].isupper():
            return
        keys = [tuple(fold(w) for w in words)]
        surname = fold(words[-1])
        if len(words) > 1 and len(surname) >= 3 and surname not in self.lex.trie:
            keys.append((surname,))
        for key in keys:
            self.learned.setdefault(key, span)


def _folded(name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in phrase_tokens(name))


def _name_fits(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether a short name is the start or the end of a full one (and shorter)."""
    n = len(short)
    return 0 < n < len(full) and (full[:n] == short or full[-n:] == short)


def _template_of(span: Span) -> Span | None:
    """An anaphor that found no organisation, as the title or organ template it may also be
    ("the rebels": REB), so a country beside it or the text's one state can still own it."""
    alt = next((a for a in span.alternatives if a.kind in _TEMPLATE_KINDS and a.sector), None)
    if alt is None:
        return None
    return Span(span.i, span.j, alt.kind, sector=alt.sector, value=alt.value, emit=False,
                alternatives=span.alternatives)  # fmt: skip


def _coref(span: Span, code: str | None) -> Span:
    """A resolved anaphor; "the king", "the emir" are officials a pronoun may follow."""
    official = any(a.kind == "title_template" for a in span.alternatives)
    return Span(span.i, span.j, "coref", code, "GOV" if code else None, anchor=official)
