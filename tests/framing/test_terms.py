"""find_terms: loaded and labelling terms, their categories and target actors."""

from __future__ import annotations

from diplograph.framing import find_terms
from diplograph.model import Article, Mention, RawInput, stable_id
from diplograph.sentences import split_sentences


def article(text: str, mentions: list[tuple[str, str]] | None = None) -> Article:
    raw = RawInput(source="t.txt", content=text.encode(), media_type="text/plain")
    art = Article(id=stable_id(text), source="t.txt", text=text, raw=raw)
    art.sentences = split_sentences(text)
    for span, code in mentions or []:
        start = text.index(span)
        art.mentions.append(Mention(start, start + len(span), span, code, "GOV", "country", 0))
    return art


def hits(text: str, mentions=None) -> list[tuple[str, str, str | None]]:
    return [(h.term, h.category, h.target) for h in find_terms(article(text, mentions))]


def test_fixed_target_terms():
    assert hits("The Zionist entity and the Jewish state are one.") == [
        ("Zionist entity", "delegitimising_label", "ISR"),
        ("the Jewish state", "identity_label", "ISR"),
    ]


def test_a_scheme_attributed_to_the_zionists_is_one_term():
    assert hits("They called the plan a Zionist conspiracy and the talks Zionist schemes.") == [
        ("Zionist plot", "delegitimising_label", "ISR"),
        ("Zionist plot", "delegitimising_label", "ISR"),
    ]


def test_occupation_label_needs_the_capitalised_name():
    assert hits("The Israeli Occupation's government met.") == [
        ("Israeli Occupation", "occupation_label", "ISR")
    ]
    assert hits("The Israeli occupation of the West Bank continued.") == []


def test_longest_term_wins_over_regime():
    assert hits("The occupying regime spoke.") == [("occupying regime", "occupation_label", "ISR")]


def test_target_from_the_adjacent_mention():
    text = "Members of the Hamas terrorist organization and the Iranian regime met."
    found = hits(text, [("Hamas", "PSE"), ("Iranian", "IRN")])
    assert ("terrorist organization", "terror_label", "PSE") in found
    assert ("regime", "regime_label", "IRN") in found


def test_regime_change_is_not_a_label():
    assert hits("Analysts discussed regime change.") == []


def test_offsets_index_the_article_text():
    text = "Talks went on.\nPalestinian resistance groups denounced the plan."
    (hit,) = find_terms(article(text))
    assert text[hit.start : hit.end] == hit.text == "resistance groups"
    assert hit.sentence == 1
