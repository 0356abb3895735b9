"""The world map in process: its colours are the store's as-of answers, its data is valid."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from diplograph.relations.timeline import partners
from diplograph.store import open_database
from diplograph.web.app import CSP, create_app
from diplograph.web.worldmap import world_shapes

from .mapstore import build_map_store


@pytest.fixture(scope="module")
def mapdb(tmp_path_factory):
    database = open_database(str(tmp_path_factory.mktemp("map") / "map.db"))
    build_map_store(database)
    yield database
    database.close()


@pytest.fixture(scope="module")
def mapclient(mapdb):
    return TestClient(create_app(mapdb), client=("127.0.0.1", 40001))


def _colours(html: str) -> dict[str, str]:
    return dict(re.findall(r'class="(?:dot )?country v-\w+" data-code="(\w+)" data-value="(\w+)"',
                           html))  # fmt: skip


@pytest.mark.parametrize("day", ["2017-03-01", "2019-12-31", "2020-10-01", "2024-01-01"])
def test_each_country_has_the_colour_of_the_store_answer_on_that_day(mapclient, mapdb, day):
    html = mapclient.get(f"/map?country=ISR&as_of={day}").text
    colours = _colours(html)
    answer = {code: facets["diplomatic_ties"].value
              for code, facets in partners(mapdb, "ISR", date.fromisoformat(day)).items()
              if "diplomatic_ties" in facets}  # fmt: skip
    assert answer, "the fixture must have values on every tested day"
    for code, value in answer.items():
        if code in colours:
            assert colours[code] == value, code
    for code, value in colours.items():
        if code not in answer and code != "ISR":
            assert value == "unknown", code
    assert colours["ISR"] == "focus"


def test_other_facets_have_their_own_view(mapclient):
    colours = _colours(mapclient.get("/map?country=ISR&facet=trade&as_of=2020-01-01").text)
    assert colours["TUR"] == "open" and colours["MAR"] == "unknown"


def test_partners_off_the_map_are_listed_and_small_states_are_dots(mapclient):
    html = mapclient.get("/map?country=ISR&as_of=2021-01-01").text
    assert re.search(r'<circle[^>]*class="dot country v-full" data-code="BHR"', html)
    table = html[html.index('id="map-partners"'):]
    assert "United Nations" in table and "(not on the map)" in table


def test_countries_with_claims_are_labelled_links_to_the_dyad(mapclient):
    html = mapclient.get("/map?country=ISR&as_of=2019-01-01").text
    assert re.search(r'<a href="/dyads/ISR/TUR" class="map-link" aria-label="Turkey: '
                     r'diplomatic ties downgraded, 1 claim, since 2018-05-15">', html)
    assert '<a href="/dyads/ISR/FRA"' not in html  # no claim, no link (and no tab stop)


def test_slider_data_holds_every_change(mapclient):
    html = mapclient.get("/map?country=ISR").text
    raw = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', html)
    data = json.loads(raw.group(1))
    assert data["steps"]["MAR"] == [["2019-12-05", "none", 1, 0], ["2020-12-10", "full", 1, 0]]
    assert data["first"] == "2015-01-01" and "2018-05-15" in data["changes"]


def test_bad_parameters_are_reported_on_the_page(mapclient):
    response = mapclient.get("/map?country=Israel&facet=mood&as_of=soon")
    assert response.status_code == 400
    errors = re.findall(r'role="alert">([^<]*)', response.text)
    assert len(errors) == 3 and any("facet" in e for e in errors)


def test_map_page_keeps_the_strict_csp_and_loads_nothing_from_elsewhere(mapclient):
    response = mapclient.get("/map?country=ISR")
    assert response.headers["content-security-policy"] == CSP
    assert not re.search(r'(src|href)="(https?:)?//', response.text)
    assert "style=" not in response.text


def test_api_map_answers_values_and_steps(mapclient, mapdb):
    body = mapclient.get("/api/map/ISR?as_of=2020-10-01").json()
    values = {p["code"]: p["value"] for p in body["partners"]}
    assert values == {"ARE": "full", "BHR": "full", "MAR": "none", "TUR": "downgraded",
                      "UNO": "full"}
    assert mapclient.get("/api/map/ISR?facet=mood").status_code == 422
    assert mapclient.get("/api/map/israel").status_code == 422


def test_empty_store_says_there_is_nothing_to_colour(db):
    html = TestClient(create_app(db), client=("127.0.0.1", 40002)).get("/map").text
    assert "no relationship claims yet" in html


def test_shapes_cover_the_registry_and_use_its_codes():
    shapes = world_shapes()
    codes = {c["code"] for c in shapes["countries"]} | {m["code"] for m in shapes["markers"]}
    for code in ("ISR", "PSE", "XKX", "TWN", "BHR", "SGP", "QAT", "MAR", "USA"):
        assert code in codes
    assert "ATA" not in codes and len(shapes["countries"]) > 150
    assert all(c["d"].startswith("M") for c in shapes["countries"])
