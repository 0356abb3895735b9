"""Joining heads to organ and title templates, and titles to the names that follow them.

* head + template: "the Israeli" + "Foreign Ministry", "Saudi" + "'s" + "Ministry of
  Foreign Affairs", "the regime" + "'s" + "military", "US" + "Secretary of State";
  a few modifiers may sit between ("Israel's new government", "US Deputy Assistant
  Secretary of Defense"); "former"/"ex-" keep the code but drop the sector.
* template + "of" + head: "the Ministry of Foreign Affairs of Qatar".
* organ + title: "the US State Department" + "spokesperson" keeps the organ's sector.
* title + name: "Qatari Foreign Minister" + "Sheikh Mohammed bin Abdulrahman …"
  (an unknown name: kind ``title``, ``actor`` = the name as written), or
  "Prime Minister" + "Benjamin Netanyahu" (a registered person: kind ``person``).

Sector rule: a country-like head takes the template's sector; an IGO, a group or a
named organ keeps its own ("Hamas fighters" → REB, "Pentagon spokesman" → MIL).
"""

from __future__ import annotations

from diplograph.actors.lexicon import HEAD_KINDS, Lexicon, Span
from diplograph.actors.tokens import Token, span_text

TEMPLATES = frozenset({"organ_template", "title_template"})
_KEEP_SECTOR = frozenset({"igo", "group", "organ"})
_QUOTES = frozenset({"'"})
MAX_NAME_TOKENS = 8


def compose(lex: Lexicon, tokens: list[Token], spans: list[Span]) -> list[Span]:
    """Apply every joining rule to one sentence's spans (sorted by position)."""
    spans = sorted(spans, key=lambda s: (s.i, s.j))
    spans = _join_heads(lex, tokens, spans)
    spans = _share_template(tokens, spans)
    spans = _join_of(tokens, spans)
    return _join_names(lex, tokens, spans)


def _template_at(spans: list[Span], k: int) -> Span | None:
    for s in spans:
        if s.i == k and (s.kind in TEMPLATES or any(a.kind in TEMPLATES for a in s.alternatives)):
            return s
    return None


def _as_template(span: Span) -> tuple[str, str | None, str]:
    """(kind, sector, rank) of a span used as a template (a "regime" span falls back)."""
    if span.kind in TEMPLATES:
        return span.kind, span.sector, span.value
    alt = next(a for a in span.alternatives if a.kind in TEMPLATES)
    return alt.kind, alt.sector, alt.value


def _skip_between(lex: Lexicon, tokens: list[Token], k: int) -> list[tuple[int, bool]]:
    """Where a template may start after a head: right after it, after a possessive, after
    each modifier ("new", "senior", "former" …); with whether "former" came by."""
    past = False
    if k < len(tokens) and tokens[k].key in _QUOTES:
        k += 2 if k + 1 < len(tokens) and tokens[k + 1].key == "s" else 1
    places = [(k, past)]
    for _ in range(4):
        if k >= len(tokens):
            break
        if n := lex.word_at("past_modifier", tokens, k):
            past, k = True, k + n
        elif n := lex.word_at("modifier", tokens, k):
            k += n
        elif tokens[k].key == "-" and past:
            k += 1
        else:
            break
        places.append((k, past))
    return places


def _past_before(lex: Lexicon, tokens: list[Token], i: int) -> bool:
    """Whether "former", "ex-", "one-time" or "then-" ends right before token ``i``."""
    k = i - 1
    if k >= 0 and tokens[k].key == "-":
        k -= 1
    for n in (1, 2, 3):
        start = k - n + 1
        if start >= 0 and lex.word_at("past_modifier", tokens, start) == n:
            return True
    return False


def _merge(head: Span, template: Span, *, past: bool) -> Span:
    kind, sector, rank = _as_template(template)
    if head.kind in _KEEP_SECTOR:
        sector = head.sector
    merged = Span(head.i, template.j, "organ" if kind == "organ_template" else "title",
                  head.code, None if past else sector, None, value=rank,
                  anchor=kind == "title_template" and template.anchor)  # fmt: skip
    if head.kind == "organ" and kind == "organ_template":
        merged.actor = head.actor
    merged.extra_codes = list(head.extra_codes)  # "the foreign ministers of both countries"
    return merged


def _join_heads(lex: Lexicon, tokens: list[Token], spans: list[Span]) -> list[Span]:
    """Head + ('s) + (modifiers) + template, repeatedly; plus "X's office and ministry"."""
    out: list[Span] = []
    idx = 0
    while idx < len(spans):
        head = spans[idx]
        idx += 1
        past_before = _past_before(lex, tokens, head.i)
        while head.kind in HEAD_KINDS and head.code is not None:
            template, past = None, past_before
            for k, past_here in _skip_between(lex, tokens, head.j):
                template = _template_at(spans[idx:], k)
                if template is not None:
                    past = past or past_here
                    break
            if template is None:
                break
            spans.remove(template)
            head = _merge(head, template, past=past)
            if head.kind == "organ":
                extra = _coordinated(tokens, spans[idx:], head)
                if extra is not None:
                    spans.remove(extra[0])
                    out.append(extra[1])
        out.append(head)
    return sorted(out, key=lambda s: (s.i, s.j))


_COORDINATORS = frozenset({",", "and", "or", "&"})


def _share_template(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """ "Egyptian and Qatari mediators": the first adjective gets the template as well."""
    out = list(spans)
    for pos in range(len(spans) - 1, 0, -1):
        first, joined = spans[pos - 1], spans[pos]
        gap = [t.key for t in tokens[first.j : joined.i]]
        if first.kind == "adjective" and first.code and joined.kind in ("organ", "title") \
                and gap and all(g in _COORDINATORS for g in gap):  # fmt: skip
            out[pos - 1] = Span(first.i, first.j, joined.kind, first.code, joined.sector,
                                None, value=joined.value, anchor=False)  # fmt: skip
            spans[pos - 1] = out[pos - 1]
    return out


def _coordinated(tokens: list[Token], rest: list[Span], organ: Span) -> tuple[Span, Span] | None:
    """ "the prime minister's office and foreign ministry": the second organ, same code."""
    k = organ.j
    if k + 1 < len(tokens) and tokens[k].key == "and":
        template = _template_at(rest, k + 1)
        if template is not None and _as_template(template)[0] == "organ_template":
            _, sector, _ = _as_template(template)
            return template, Span(template.i, template.j, "organ", organ.code, sector)
    return None


def _join_of(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """Template + "of" + (the) + head: "the Foreign Minister of Qatar"."""
    by_start = {s.i: s for s in spans}
    for template in [s for s in spans if s.kind in TEMPLATES]:
        k = template.j
        if k >= len(tokens) or tokens[k].key not in ("of", "for"):
            continue
        link = tokens[k].key
        head = by_start.get(k + 1)  # "of the two countries" may start at "the"
        if head is None and k + 2 < len(tokens) and tokens[k + 1].key == "the":
            head = by_start.get(k + 2)
        if head is None or head.kind not in HEAD_KINDS or head.code is None:
            continue
        if link == "for" and head.kind not in _KEEP_SECTOR:
            continue  # "envoy for Syria" is not Syria's envoy; "spokesman for Hamas" is Hamas
        merged = _merge(head, template, past=False)
        merged.i, merged.j = template.i, head.j
        spans = [s for s in spans if s is not template and s is not head] + [merged]
    return sorted(spans, key=lambda s: (s.i, s.j))


def _join_names(lex: Lexicon, tokens: list[Token], spans: list[Span]) -> list[Span]:
    """Title + registered person, or title + an unknown capitalised name."""
    starts = {s.i: s for s in spans}
    out: list[Span] = []
    skip_until = -1
    for span in spans:
        if span.i < skip_until:
            continue
        if span.kind in ("title", "title_template"):
            end, person = _name_end(lex, tokens, span.j, starts)
            if person is not None:
                span = _title_person(span, person, past=_past_before(lex, tokens, span.i))
            elif end > span.j:
                span.actor = span_text(tokens, span.j, end)
                span.j = end
            skip_until = span.j
        out.append(span)
    return _name_before(lex, tokens, _drop_appositions(tokens, out))


_DETERMINERS = frozenset({"the", "a", "an"})


def _name_before(lex: Lexicon, tokens: list[Token], spans: list[Span]) -> list[Span]:
    """ "Sameh Shoukry, Egypt's foreign minister, said": the name before the title is that
    official (two or more capitalised words right before the comma, none of them a mention)."""
    taken = {k for s in spans for k in range(s.i, s.j)}
    found: list[Span] = []
    for span in spans:
        if span.kind != "title" or span.code is None or span.actor or not span.anchor:
            continue
        k = span.i - 1
        if k >= 0 and tokens[k].key in _DETERMINERS:
            k -= 1
        if k < 2 or tokens[k].key != ",":
            continue
        start = k
        while start > 0 and k - start < MAX_NAME_TOKENS and start - 1 not in taken \
                and _name_word(lex, tokens[start - 1]):  # fmt: skip
            start -= 1
        while start < k and lex.word_at("name_particle", tokens, start):
            start += 1
        if k - start >= 2:
            span.actor = span_text(tokens, start, k)
            found.append(Span(start, k, "person", span.code, span.sector, span.actor))
    return sorted(spans + found, key=lambda s: (s.i, s.j))


def _name_word(lex: Lexicon, token: Token) -> bool:
    if lex.word_at("not_name", [token], 0):
        return False
    if token.text[:1].isupper() and token.text.replace("'", "").isalpha():
        return True
    return bool(lex.word_at("name_particle", [token], 0)) or token.key == "-"


def _title_person(title: Span, person: Span, *, past: bool) -> Span:
    """Join "Prime Minister" + "Benjamin Netanyahu"; the text's own country wins.

    A bare title lends its sector to a person the registry has out of office at
    the date ("President Joe Biden" in a 2020 article), unless it says "former".
    """
    code = title.code or person.code
    if title.code is not None:
        sector = title.sector
    elif past:
        sector = None
    else:
        sector = person.sector or (title.sector if person.code else None)
    return Span(title.i, person.j, "person", code, sector, person.actor, value=title.value,
                anchor=True, emit=code is not None)  # fmt: skip


def _name_end(
    lex: Lexicon, tokens: list[Token], k: int, starts: dict[int, Span]
) -> tuple[int, Span | None]:
    """End of a name after a title ("Sheikh Mohammed bin Abdulrahman Al Thani"), or a person."""
    first, end, seen = k, k, False
    while k < len(tokens) and k - first < MAX_NAME_TOKENS:
        tok, other = tokens[k], starts.get(k)
        if other is not None and other.kind == "person":
            return (end, None) if seen else (other.j, other)
        if other is not None and other.kind == "title_template" and other.value == "royal":
            k = other.j
            continue
        if other is not None:
            break
        if lex.word_at("not_name", tokens, k) and tok.text[:1].isupper():
            break  # "the Saudi foreign minister Monday said", "… Minister In a statement"
        if n := lex.word_at("honorific", tokens, k):
            k += n
        elif tok.text[:1].isupper() and tok.text.replace("'", "").isalpha():
            k, end, seen = k + 1, k + 1, True
        elif (lex.word_at("name_particle", tokens, k) or (tok.key == "-" and seen)) \
                and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper():  # fmt: skip
            k += 1
        else:
            break
    return (end if seen else first), None


def _drop_appositions(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """ "Victoria Coates, deputy national security adviser": the title is not a new person."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if span.kind == "title_template" and prev is not None and prev.kind == "person" \
                and prev.j + 1 == span.i and tokens[prev.j].key == ",":  # fmt: skip
            span.anchor = False
        out.append(span)
    return out
