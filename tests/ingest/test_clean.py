"""Cleaning and metadata: title, outlet, publication date (precision, basis), language."""

from __future__ import annotations

import pytest
from tests.ingest.helpers import BODY, page

from diplograph.errors import InputError
from diplograph.ingest.clean import clean_input, unwrap
from diplograph.model import RawInput


def text_input(text: str | bytes, **hints: str) -> RawInput:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return RawInput(source="x.txt", content=data, media_type="text/plain", hints=dict(hints))


def html_input(markup: str | bytes, **hints: str) -> RawInput:
    data = markup.encode("utf-8") if isinstance(markup, str) else markup
    return RawInput(source="x.html", content=data, media_type="text/html", hints=dict(hints),
                    url=hints.get("url"))  # fmt: skip


def test_header_fields_become_metadata_with_basis_header():
    art = clean_input(text_input(
        "URL: https://www.herald.example/world/talks\nTitle: Talks resume\nOutlet: The Herald\n"
        "Published: 2022-08-17 14:05\nLanguage: en-GB\n\n" + BODY))  # fmt: skip
    assert (art.url, art.title, art.outlet, art.language) == (
        "https://www.herald.example/world/talks", "Talks resume", "The Herald", "en")
    assert (art.published, art.published_precision, art.published_basis) == (
        "2022-08-17", "day", "header")
    assert art.extractor == "plaintext" and art.text.startswith("Israel and the United Arab")


def test_outlet_falls_back_to_the_domain_without_www_and_date_to_the_url_path():
    art = clean_input(text_input("URL: https://www.herald.example/2021/01/05/summit\n\n" + BODY))
    assert art.outlet == "herald.example"
    assert (art.published, art.published_precision, art.published_basis) == (
        "2021-01-05", "day", "url")


def test_a_published_line_in_the_text_is_removed_and_gives_the_date():
    art = clean_input(text_input(
        "Talks between Riyadh and Jerusalem step up\n\nPublished: 2022-05-11 08:42\n\n"
        "Last Updated: 2024-07-01 15:14\n\n" + BODY))  # fmt: skip
    assert art.title == "Talks between Riyadh and Jerusalem step up"
    assert (art.published, art.published_basis) == ("2022-05-11", "text")
    assert "Published: 2022-05-11 08:42" in art.removed_lines
    assert "Last Updated" not in art.text and "Talks between" not in art.text


def test_a_dateline_with_a_year_gives_the_date():
    art = clean_input(text_input("WASHINGTON, Sept. 15, 2020 (AP) — " + BODY))
    assert (art.published, art.published_precision, art.published_basis) == (
        "2020-09-15", "day", "text")


def test_relative_dates_are_never_guessed():
    art = clean_input(text_input("Last week, on Monday and Tuesday, " + BODY))
    assert art.published is None and art.published_basis == "unknown"
    assert art.published_precision == "unknown"


def test_a_header_month_keeps_month_precision():
    art = clean_input(text_input("Published: August 2020\n\n" + BODY))
    assert (art.published, art.published_precision) == ("2020-08", "month")


def test_a_first_sentence_is_not_taken_for_a_title():
    art = clean_input(text_input("The United States has asked several Arab states to sign "
                                 "agreements.\n" + BODY))  # fmt: skip
    assert art.title is None and art.text.startswith("The United States")


def test_a_syndication_credit_names_the_outlet():
    credit = "Copyright for syndicated content belongs to the linked Source : Desert Post – "
    art = clean_input(text_input(BODY + credit + "https://desert.example/a/b\n"))
    assert art.outlet == "Desert Post" and "Desert Post" not in art.text


def test_html_uses_trafilatura_and_page_metadata():
    head = ('<meta property="og:site_name" content="Test Herald">'
            '<meta property="article:published_time" content="2020-12-10T18:00:00+00:00">'
            '<link rel="canonical" href="https://herald.example/politics/deal">')  # fmt: skip
    art = clean_input(html_input(page("Morocco and Israel agree", BODY.split("\n\n"), head=head,
                                      lang="en-US")))  # fmt: skip
    assert art.extractor.startswith("trafilatura ")
    assert (art.title, art.outlet) == ("Morocco and Israel agree", "Test Herald")
    assert art.language == "en"
    assert art.url == "https://herald.example/politics/deal"
    assert (art.published, art.published_basis) == ("2020-12-10", "html")
    assert "Home" not in art.text and "exchange ambassadors" in art.text


def test_html_declaring_another_charset_is_decoded_with_it():
    markup = page("Caf\u00e9 diplomacy", [BODY.replace("statement", "d\u00e9claration")])
    data = markup.replace('charset="utf-8"', 'charset="windows-1252"').encode("cp1252")
    art = clean_input(html_input(data))
    assert "d\u00e9claration" in art.text


def test_invalid_utf8_text_names_the_problem_and_the_byte():
    with pytest.raises(InputError) as info:
        clean_input(text_input(b"Israel and Morocco \xe9tablish ties. " + BODY.encode()))
    assert "byte 19" in info.value.reason and "UTF-8" in info.value.reason


def test_html_with_no_body_text_is_refused():
    with pytest.raises(InputError) as info:
        clean_input(html_input("<html><head><title>x</title><script>var a=1;</script></head>"
                               "<body><nav><a href='/'>Home</a></nav></body></html>"))  # fmt: skip
    assert "no body text" in info.value.reason


def test_the_language_is_named_not_just_english_or_not():
    assert clean_input(text_input(BODY)).language == "en"
    german = ("Die Regierung hat am Dienstag mit dem Nachbarland einen Vertrag unterzeichnet, "
              "der die Beziehungen zwischen beiden Staaten verbessern soll.")
    assert clean_input(text_input(german)).language == "de"
    french = ("Le gouvernement a signé mardi avec le pays voisin un accord qui doit améliorer "
              "les relations entre les deux États, selon le ministère des affaires étrangères.")
    assert clean_input(text_input(french)).language == "fr"
    assert clean_input(text_input("Cairo talks resume.")).language is None  # too short to tell


def test_container_hints_are_used_for_records():
    art = clean_input(text_input(BODY, url="https://wire.example/x", title="Deal",
                                 outlet="Wire", published="Thu, 13 Aug 2020 23:30:00 -0400"))
    assert (art.title, art.outlet, art.published, art.published_basis) == (
        "Deal", "Wire", "2020-08-13", "header")


def test_hard_wrapped_paragraphs_are_rejoined():
    wrapped = ("The foreign ministers of Saudi Arabia and Iran met in Beijing on\n"
               "Thursday and agreed to reopen their embassies within two months, a\n"
               "joint statement said after the talks.\n\nSecond paragraph.")  # fmt: skip
    assert unwrap(wrapped) == [
        "The foreign ministers of Saudi Arabia and Iran met in Beijing on Thursday and agreed "
        "to reopen their embassies within two months, a joint statement said after the talks.",
        "Second paragraph.",
    ]


@pytest.mark.parametrize(("top", "value"), [
    ("07.11.2019", "2019-11-07"),
    ("Sun 3rd March 2019 | 06:41 PM", "2019-03-03"),
])
def test_a_stamp_line_at_the_top_dates_a_plain_text_page(top, value):
    art = clean_input(text_input(f"Ministers meet in Muscat\n\n{top}\n\n{BODY}"))
    assert (art.published, art.published_basis) == (value, "text")


def test_a_yearless_dateline_takes_its_year_from_the_copyright_line():
    text = f"MUSCAT, Mar 3 (Wire) - {BODY}\n\n© 2019 Example Wire Service"
    art = clean_input(text_input(text))
    assert (art.published, art.published_basis) == ("2019-03-03", "text")
    assert clean_input(text_input(f"MUSCAT, Mar 3 (Wire) - {BODY}")).published is None


def test_a_headline_over_a_stamp_line_is_not_a_wrapped_paragraph():
    para = " ".join(BODY.split())
    lines = ["Ministers meet in Muscat to settle the border row",
             "Wire | Muscat | Updated: 04-03-2019 10:12 GMT | Created: 03-03-2019 06:41 GMT",
             para, para]
    assert unwrap("\n".join(lines)) == lines
