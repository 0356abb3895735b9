"""find_citations: re-reporting credits, wire datelines, syndication and anonymous sourcing."""

from __future__ import annotations

import pytest

from diplograph.model import Article, RawInput, stable_id
from diplograph.sentences import split_sentences
from diplograph.stories.sources import find_citations, source_registry


def article(text: str, *, outlet: str | None = None, removed: list[str] | None = None) -> Article:
    raw = RawInput(source="t.txt", content=text.encode(), media_type="text/plain")
    art = Article(id=stable_id(text), source="t.txt", text=text, raw=raw, outlet=outlet,
                  removed_lines=list(removed or []))  # fmt: skip
    art.sentences = split_sentences(text)
    return art


def cited(text: str, **kw) -> list[tuple[str, str]]:
    return [(c.name, c.kind) for c in find_citations(article(text, **kw))]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Oman hosted the talks, reported Axios.", "Axios"),
        ("Oman hosted the talks, according to a report in Politico.", "Politico"),
        ("Oman hosted the talks, according to the Times of Israel.", "Times of Israel"),
        ("Oman hosted the talks, citing Bloomberg.", "Bloomberg"),
        ("Oman hosted the talks, as reported by Bloomberg.", "Bloomberg"),
        ("Oman hosted the talks, Bloomberg wrote.", "Bloomberg"),
        ("Oman hosted the talks, noted Bloomberg.", "Bloomberg"),
        ("An official told MEE that Oman hosted the talks.", "Middle East Eye"),
        ("The Middle East Eye said in a report that Oman hosted talks.", "Middle East Eye"),
        ("Channel 12 news quoted officials who said Oman hosted talks.", "Channel 12"),
        ("A report in Kan News this weekend said Oman hosted talks.", "Kan"),
        ("Oman hosted talks, the official news agency WAM reported.", "WAM"),
        ("Oman hosted talks, the Beirut Daily Star reported.", "Beirut Daily Star"),
        ("The Wall Street Journal, citing officials, said Oman met.", "Wall Street Journal"),
        ("A Reuters report said Oman hosted the talks.", "Reuters"),
        ("Israel Hayom daily reported that Oman hosted talks.", "Israel Hayom"),
        ("Oman hosted talks, Reuters reported, citing two sources.", "Reuters"),
    ],
)
def test_named_credit_is_a_citation_with_the_normalised_name(text, name):
    assert name in [n for n, _ in cited(text)]


def test_mee_and_middle_east_eye_are_one_source():
    reg = source_registry()
    assert reg.normalise("MEE") == reg.normalise("the Middle East Eye") == "Middle East Eye"


def test_agency_credit_has_kind_agency():
    assert ("Reuters", "agency") in cited("Bahrain recalled its envoy, according to Reuters.")


def test_generic_media_is_a_report():
    found = cited("Israel hopes for a breakthrough, Israeli media reported.")
    assert ("Israeli media", "report") in found


def test_anonymous_sourcing():
    found = cited("Six people, who wished to remain anonymous, said officials met.")
    assert found == [("anonymous", "anonymous")]
    assert ("anonymous", "anonymous") in cited("An official spoke on condition of anonymity.")
    assert ("anonymous", "anonymous") in cited("Two sources told Reuters that talks went on.")


def test_follow_on_references_are_not_new_citations():
    text = "Oman hosted talks, reported Axios.\nThe report stated that Israel attended, it added."
    assert cited(text) == [("Axios", "report")]


def test_short_form_of_an_earlier_source_is_that_source():
    text = ("Talks went on, according to the Times of Israel.\n"
            "The Times report claims that Qatar would stay out.")  # fmt: skip
    assert cited(text) == [("Times of Israel", "report"), ("Times of Israel", "report")]


def test_dateline_credit_and_photo_credit():
    text = "DUBAI, Aug 13 (Reuters) - The UAE and Israel agreed to normalise ties."
    assert cited(text) == [("Reuters", "agency")]
    caption = "Leaders pose in Cairo. (Photo: REUTERS/Amr Dalsh)\nThe talks went on."
    assert cited(caption) == []


def test_credit_of_the_articles_own_outlet_is_dropped():
    text = "DUBAI, Aug 13 (Gulf Dispatch) - The UAE and Israel agreed to normalise ties."
    assert cited(text, outlet="gulfdispatch.example") == []
    assert cited(text, outlet="Levant Wire") == [("Gulf Dispatch", "agency")]


def test_syndication_line_in_body_or_removed_lines():
    line = "Copyright for syndicated content belongs to the linked Source : AllIsrael – https://x.example/a"
    assert ("AllIsrael", "syndication") in cited("Talks went on.\n" + line)
    found = find_citations(article("Talks went on.", removed=[line]))
    assert [(c.name, c.kind, c.sentence) for c in found] == [("AllIsrael", "syndication", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The White House Press Secretary said the talks went well.",
        "The Review Conference said members agreed.",
        "A Standard Chartered report said trade rose.",
        "The Independent Commission said it found no evidence.",
    ],
)
def test_institutions_with_a_media_word_inside_are_not_sources(text):
    assert cited(text) == []


def test_unlisted_channel_after_a_possessive():
    assert cited("Israel's Channel 10 reported the visit.") == [("Channel 10", "report")]


def test_people_and_weekdays_are_not_sources():
    assert cited("Netanyahu told reporters on Monday that talks went well.") == []
    assert cited("The talks went well, according to Israeli medical services.") == []


def test_citation_sentence_is_the_sentence_index():
    found = find_citations(article("Talks were held.\nIsrael attended, reported Axios."))
    assert [c.sentence for c in found] == [1]


def test_seed_articles_cite_their_sources(seeds):
    from diplograph.ingest import clean_input, iter_inputs

    names = {}
    for raw in iter_inputs([str(seeds)], max_bytes=10**7):
        art = clean_input(raw)
        art.sentences = split_sentences(art.text)
        names[raw.source[:3]] = {c.name for c in find_citations(art)}
    assert "Axios" in names["000"] and "Axios" in names["003"]
    assert {"Bloomberg", "anonymous"} <= names["001"]
    assert {"Politico", "Times of Israel"} <= names["002"]
    assert "Middle East Eye" in names["004"]
