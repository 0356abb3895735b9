"""Pieces of the web layer on their own: FTS sync and query building, layout, chart, filters."""

from __future__ import annotations

from sqlalchemy import text

from diplograph.store import replace_article, save_article
from diplograph.store.fts import match_expression
from diplograph.store.web_articles import _search_like, like_snippet, search_articles
from diplograph.web.network import build_network, layout, state_at
from diplograph.web.params import form_filter
from diplograph.web.render import dyad_chart, month_range

from .conftest import make_article


def test_fts_follows_inserts_replacements_and_deletes(db):
    art = make_article("Egypt and Israel met in Cairo.", url="https://x.example/1", title="Cairo",
                       outlet="x.example", published="2020-01-01")  # fmt: skip
    save_article(db, art)
    assert search_articles(db, "Cairo").total == 1
    art.text = "Jordan hosted the talks."
    replace_article(db, art)
    assert search_articles(db, "Cairo").total == 1  # the title still says Cairo
    assert search_articles(db, "Jordan").total == 1
    assert search_articles(db, "Egypt").total == 0
    with db.begin() as conn:
        conn.execute(text("DELETE FROM sentences"))
        conn.execute(text("DELETE FROM mentions"))
        conn.execute(text("DELETE FROM articles"))
    assert search_articles(db, "Jordan").total == 0


def test_match_expression_quotes_user_words():
    assert match_expression('Morocco" OR x') == '{title text} : ("Morocco" "OR" "x")'
    assert match_expression("normal*") == '{title text} : ("normal" *)'
    assert match_expression("!!! ***") is None


def test_like_fallback_finds_and_marks_words(db):
    art = make_article("Qatar mediated between Egypt and Israel.", url="https://y/1",
                       title="Mediation", outlet="y", published="2021-01-01")  # fmt: skip
    save_article(db, art)
    page = _search_like(db, "egypt 100%", limit=10, offset=0)
    assert page.total == 0  # every word must occur; % is a literal, not a wildcard
    page = _search_like(db, "egypt israel", limit=10, offset=0)
    assert page.total == 1 and "\x02Egypt\x03" in page.items[0]["snippet"]
    assert like_snippet("a" * 300 + " target", ["target"]).startswith("… ")


def test_layout_is_deterministic_and_inside_the_drawing():
    dyads = [{"a": a, "b": b, "events": n, "first": "2020-01-01", "last": "2021-01-01"}
             for a, b, n in (("ISR", "USA", 50), ("ISR", "MAR", 5), ("MAR", "USA", 9),
                             ("EGY", "ISR", 7), ("EGY", "QAT", 2))]  # fmt: skip
    nodes = [{"code": c} for c in ("ISR", "USA", "MAR", "EGY", "QAT")]
    first, second = layout(nodes, dyads), layout(nodes, dyads)
    assert first == second
    assert all(0 <= x <= 1000 and 0 <= y <= 560 for x, y in first.values())
    assert len({(round(x), round(y)) for x, y in first.values()}) == 5
    net = build_network(dyads, [], {"ISR": "Israel"})
    assert net["nodes"][0]["code"] == "ISR" and net["nodes"][0]["name"] == "Israel"
    widths = {(e["a"], e["b"]): e["width"] for e in net["edges"]}
    assert widths[("ISR", "USA")] > widths[("EGY", "QAT")]


def test_state_at_takes_the_last_step_on_or_before_the_day():
    steps = [["0000-01-01", "none"], ["2020-09-15", "full"], ["2023-01-01", "downgraded"]]
    assert state_at(steps, "2019-01-01") == "none"
    assert state_at(steps, "2020-09-15") == "full"
    assert state_at(steps, "2024-01-01") == "downgraded"
    assert state_at([], "2024-01-01") == "unknown"


def test_dyad_chart_places_bars_and_state_bands():
    months = [{"month": "2019-12", "events": 4}, {"month": "2020-12", "events": 2}]
    facets = {"diplomatic_ties": [
        {"value": "none", "valid_from": "2019", "valid_to": "2020-12-10", "holds_from": None,
         "holds_to": "2020-12-10", "conflicts": []},
        {"value": "full", "valid_from": "2020-12-10", "valid_to": None,
         "holds_from": "2020-12-10", "holds_to": None, "conflicts": [1]},
    ]}  # fmt: skip
    chart = dyad_chart(months, facets)
    assert len(month_range("2019-12", "2020-12")) == 13
    assert [b["h"] for b in chart["bars"]] == [180.0, 90.0]
    none, full = chart["bands"][0]["pieces"]
    assert none["x"] == 0 and none["x"] + none["w"] == full["x"]
    assert full["x"] + full["w"] == 900 and full["conflicts"] == 1


def test_form_filter_drops_empty_fields_and_reports_bad_ones():
    f, ok, errors = form_filter({"party": "isr", "type": "", "since": "2020-02-30",
                                 "dyad": "mar-isr", "outlet": "<x>"})  # fmt: skip
    assert f.party == "ISR" and f.dyad == ("ISR", "MAR") and f.since is None
    assert ok == {"party": "ISR", "dyad": "MAR-ISR"}
    assert len(errors) == 2
