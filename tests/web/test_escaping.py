"""Untrusted article text comes out escaped on every page, in search snippets and in scripts."""

from __future__ import annotations

import pytest

from diplograph.web.render import Span, highlight, script_json

from .conftest import HOSTILE, HOSTILE_STORY, STORY

RAW_MARKUP = ("<script>alert(1)</script>", "<img src=x onerror", '"><img')


def _assert_escaped(html: str) -> None:
    for bad in RAW_MARKUP:
        assert bad not in html, f"unescaped {bad!r}"


@pytest.mark.parametrize("path", ["/", "/articles", "/events", "/events?party=QAT", "/dyads",
                                  "/dyads/ISR/QAT", "/stories", "/actors", "/actors/QAT",
                                  "/search?q=talks", "/search?q=script+alert",
                                  f"/stories/{HOSTILE_STORY}"])  # fmt: skip
def test_pages_escape_hostile_titles_outlets_and_text(client, path):
    response = client.get(path)
    assert response.status_code == 200
    _assert_escaped(response.text)


def test_article_page_escapes_hostile_text_inside_highlights(client, ids):
    html = client.get(f"/articles/{ids['hostile']}").text
    _assert_escaped(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<mark class="hl-actor" title="QAT (country)">Qatar</mark>' in html
    assert 'class="ev"' in html


def test_search_snippets_are_escaped_around_marks(client):
    items = client.get("/api/search", params={"q": "alert"}).json()["items"]
    assert items and all("<script>" not in i["snippet"] for i in items)
    assert any("&lt;script&gt;" in i["snippet"] and "<mark>alert</mark>" in i["snippet"]
               for i in items)  # fmt: skip


def test_story_page_escapes_and_marks_terms(client):
    html = client.get(f"/stories/{STORY}").text
    assert '<mark class="hl-term" title="epithet: occupying regime">occupying regime</mark>' in html
    _assert_escaped(html)


def test_raw_input_is_never_html(client, ids):
    response = client.get(f"/articles/{ids['hostile']}/raw")
    assert response.headers["content-type"].startswith("text/plain")
    assert response.headers["x-content-type-options"] == "nosniff"


def test_highlight_escapes_every_piece_and_nests():
    text = "A <b>B</b> & C"
    html = str(highlight(text, [Span(0, 10, "event", 'x"y'), Span(2, 5, "actor", "<t>")]))
    assert html.startswith('<span class="ev" title="x&#34;y">A </span>')
    assert '<mark class="hl-actor" title="&lt;t&gt;">&lt;b&gt;</mark>' in html
    assert html.endswith(" &amp; C")
    assert html.count("<span") == html.count("</span>")


def test_script_json_cannot_close_the_script_element():
    encoded = str(script_json({"t": HOSTILE, "u": "</script><script>x()</script>"}))
    assert "<" not in encoded and ">" not in encoded


def test_snippet_marks_from_article_text_never_leave_unbalanced_tags():
    from diplograph.store.fts import MARK_CLOSE as C
    from diplograph.store.fts import MARK_OPEN as O
    from diplograph.web.service import snippet_html

    assert str(snippet_html(f"a {O}b{C} <c>")) == "a <mark>b</mark> &lt;c&gt;"
    # an article whose text holds the mark characters itself: no stray </mark> or <mark>
    assert str(snippet_html(f"{O}talks{C} {C}in Cairo{O}")) == "talks in Cairo"
    assert str(snippet_html(f"{O}{O}x{C}{C}")) == "x"
