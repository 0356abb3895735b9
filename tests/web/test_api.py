"""The JSON API in process: filters, paging, validation, relations, raw input, CSV, headers."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from diplograph.web.app import create_app


def test_events_filter_by_actor_recipient_dyad_type(client):
    assert client.get("/api/events").json()["total"] == 5
    by_actor = client.get("/api/events", params={"actor": "ISR"}).json()
    assert by_actor["total"] == 2 and {e["event"] for e in by_actor["items"]} == {"CONSULT"}
    assert client.get("/api/events", params={"recipient": "ISR"}).json()["total"] == 2
    assert client.get("/api/events", params={"party": "ISR"}).json()["total"] == 4
    dyad = client.get("/api/events", params={"dyad": "MAR-ISR"}).json()
    assert dyad["total"] == 2
    assert {e["event"] for e in dyad["items"]} == {"CONSULT", "AGREE"}
    typed = client.get("/api/events", params={"type": "REQUEST", "modality": "proposed"}).json()
    assert [e["actor"][0]["code"] for e in typed["items"]] == ["USA"]


def test_events_filter_by_dates_and_outlet_with_party(client):
    page = client.get("/api/events", params={"party": "ISR", "since": "2020-01-01",
                                             "until": "2021-12-31"}).json()  # fmt: skip
    assert page["total"] == 2
    assert all("2020" <= e["date"] <= "2021-12-31" for e in page["items"])
    outlet = client.get("/api/events", params={"outlet": "b.example", "actor": "MAR"}).json()
    assert outlet["total"] == 1 and outlet["items"][0]["event"] == "AGREE"


def test_events_sorting_and_paging_keep_the_total(client):
    first = client.get("/api/events", params={"limit": 2, "sort": "date", "order": "asc"}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2, "sort": "date",
                                                "order": "asc"}).json()  # fmt: skip
    assert first["total"] == second["total"] == 5
    dates = [e["date"] for e in first["items"] + second["items"]]
    assert dates == sorted(dates)
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    newest = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    assert newest["date"] == "2022-03-03"


@pytest.mark.parametrize("params", [
    {"actor": "isr"}, {"actor": "ISRA"}, {"actor": "I'R"}, {"dyad": "ISR"}, {"since": "2020-13-01"},
    {"until": "yesterday"}, {"type": "HUG"}, {"modality": "maybe"}, {"limit": 0}, {"limit": 100000},
    {"offset": -1}, {"sort": "text"}, {"order": "up"},
])  # fmt: skip
def test_bad_parameters_are_422(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422, params
    assert "detail" in response.json()


def test_bad_codes_and_dates_on_dyad_endpoints_are_422(client):
    assert client.get("/api/dyads/isr/MAR/timeline").status_code == 422
    assert (
        client.get("/api/dyads/ISR/MAR/relations", params={"as_of": "2020-02-30"}).status_code
        == 422
    )
    assert client.get("/api/actors/ISRAEL").status_code == 422
    assert client.get("/api/articles/not-an-id!").status_code == 422
    assert client.get("/api/articles/" + "a" * 65).status_code == 422


def test_relations_as_of_follow_the_claims(client):
    before = client.get("/api/dyads/MAR/ISR/relations", params={"as_of": "2020-06-01"}).json()
    after = client.get("/api/dyads/ISR/MAR/relations", params={"as_of": "2021-01-01"}).json()
    ties = {r["facet"]: r for r in before["relations"]}["diplomatic_ties"]
    assert (before["a"], before["b"]) == ("ISR", "MAR")
    assert ties["value"] == "none" and ties["claims"][0]["asserted_on"] == "2019-12-05"
    assert {r["facet"]: r["value"] for r in after["relations"]}["diplomatic_ties"] == "full"


def test_dyad_timeline_has_months_types_and_segments(client):
    data = client.get("/api/dyads/ISR/MAR/timeline").json()
    assert data["months"] == [{"month": "2019-12", "events": 1}, {"month": "2020-12", "events": 1}]
    assert {t["event"] for t in data["types"]} == {"CONSULT", "AGREE"}
    assert [s["value"] for s in data["facets"]["diplomatic_ties"]] == ["none", "full"]


def test_article_detail_and_raw_input_as_plain_text(client, ids):
    art = client.get(f"/api/articles/{ids['ties']}").json()
    assert art["outlet"] == "b.example" and len(art["events"]) == 2 and art["terms"]
    raw = client.get(f"/api/articles/{ids['hostile']}/raw")
    assert raw.headers["content-type"].startswith("text/plain")
    assert "<script>" in raw.text  # served verbatim, as text: never rendered
    assert client.get("/api/articles/" + "0" * 16).status_code == 404


def test_articles_list_stories_actors_dyads_network(client, ids):
    arts = client.get("/api/articles", params={"limit": 2}).json()
    assert arts["total"] == 4 and len(arts["items"]) == 2 and "text" not in arts["items"][0]
    stories = client.get("/api/stories", params={"actor": "MAR"}).json()
    assert stories["total"] == 1
    story = client.get(f"/api/stories/{stories['items'][0]['id']}").json()
    assert {a["id"] for a in story["articles"]} == {ids["talks"], ids["ties"]}
    consult = next(e for e in story["compare"]["events"] if e["event"] == "CONSULT")
    assert consult["reported_by"] == ["a.example"] and consult["missing_from"] == ["b.example"]
    actors = {a["code"]: a for a in client.get("/api/actors").json()["items"]}
    assert actors["ISR"]["actor"] == 2 and actors["ISR"]["recipient"] == 2
    dyads = client.get("/api/dyads", params={"actor": "MAR"}).json()["items"]
    assert [(d["a"], d["b"], d["events"]) for d in dyads] == [("ISR", "MAR", 2)]
    net = client.get("/api/network").json()
    edge = next(e for e in net["edges"] if (e["a"], e["b"]) == ("ISR", "MAR"))
    assert [v for _, v in edge["changes"]] == ["none", "full"]


def test_search_finds_words_and_ignores_query_syntax(client, ids):
    hits = client.get("/api/search", params={"q": "Rabat talks"}).json()
    assert [h["id"] for h in hits["items"]] == [ids["talks"]]
    assert "<mark>" in hits["items"][0]["snippet"]
    odd = client.get("/api/search", params={"q": 'Morocco" OR NEAR( *'})
    assert odd.status_code == 200
    assert client.get("/api/search", params={"q": "Morocc*"}).json()["total"] == 2
    assert client.get("/api/search").status_code == 422


def test_events_csv_uses_the_same_filters(client):
    response = client.get("/api/events.csv", params={"party": "ISR", "since": "2020-01-01"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    api = client.get("/api/events", params={"party": "ISR", "since": "2020-01-01"}).json()
    assert [r["id"] for r in rows] == [e["id"] for e in api["items"]]
    assert client.get("/api/events.csv", params={"actor": "bad"}).status_code == 422


def test_security_headers_and_openapi(client):
    response = client.get("/api/events")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/dyads/{a}/{b}/relations" in spec["paths"]


def test_reads_from_other_hosts_need_the_token_when_one_is_set(store):
    db, _ = store
    remote = TestClient(create_app(db, token="s3cret"), client=("203.0.113.9", 5000))
    assert remote.get("/api/events").status_code == 401
    ok = remote.get("/api/events", headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200
    local = TestClient(create_app(db, token="s3cret"), client=("127.0.0.1", 5000))
    assert local.get("/api/events").status_code == 200


def test_multi_filter_totals_stop_at_the_cap_and_say_so(client, monkeypatch):
    from diplograph.store import web_queries

    exact = client.get("/api/events", params={"party": "ISR", "type": "CONSULT"}).json()
    assert exact["total"] == 2 and "total_exact" not in exact
    monkeypatch.setattr(web_queries, "COUNT_CAP", 1)
    capped = client.get("/api/events", params={"party": "ISR", "type": "CONSULT"}).json()
    assert capped["total"] == 1 and capped["total_exact"] is False
    assert len(capped["items"]) == 2  # the page itself is not capped


def test_non_date_sort_over_a_big_party_reads_the_sorted_index(client, monkeypatch):
    from diplograph.store import web_queries

    params = {"party": "ISR", "sort": "outlet", "order": "asc"}
    small = client.get("/api/events", params=params).json()["items"]
    monkeypatch.setattr(web_queries, "PARTY_SORT_LIMIT", 0)
    big = client.get("/api/events", params=params).json()["items"]
    assert [e["id"] for e in big] == [e["id"] for e in small]
    assert [e["outlet"] for e in big] == sorted(e["outlet"] for e in big)


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    from diplograph.web.api import csv_cell

    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("Israel and Morocco met.") == "Israel and Morocco met."
    assert csv_cell(0.8) == 0.8
