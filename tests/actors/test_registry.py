"""The registry: packaged files merged with the user's own, and 'actors add'."""

from __future__ import annotations

import pytest
from tests.actors.helpers import by_text, mentions

from diplograph.actors.registry import get_registry, read_rows, user_actor_dir
from diplograph.actors.userdata import add_entry
from diplograph.errors import ConfigError, NotFoundError


def test_packaged_registry_loads_and_is_cached():
    reg = get_registry()
    assert reg.countries["ISR"].name == "Israel"
    assert "kingdom" in reg.categories("SAU")
    assert get_registry() is reg


def test_user_row_with_the_same_key_replaces_the_packaged_row(user_data):
    folder = user_data / "actors"
    folder.mkdir()
    (folder / "countries.csv").write_text(
        "code,name,aliases,adjectives,metonyms,epithets,categories,source\n"
        "ISR,Israel,Zion State,Israeli,,,,test\n", encoding="utf-8")
    reg = get_registry()
    assert reg.countries["ISR"].aliases == ("Zion State",)
    assert reg.countries["SAU"].name == "Saudi Arabia"  # others untouched


def test_added_alias_is_matched_and_keeps_the_packaged_forms(article):
    add_entry("alias", "ISR", "the Hebrew state")
    found = by_text(mentions(article("The Hebrew state and Israel spoke in Jerusalem.")))
    assert found["The Hebrew state"].code == "ISR"
    assert found["Jerusalem"].code == "ISR"


def test_added_epithet_group_and_organ_are_matched(article):
    add_entry("epithet", "IRN", "the mullah state")
    add_entry("group", "Lion Brigade Example", code="SYR", sector="REB")
    add_entry("organ", "Grand Example Bureau", code="OMN", sector="GOV")
    found = by_text(mentions(article(
        "The mullah state armed the Lion Brigade Example and the Grand Example Bureau.")))
    assert (found["The mullah state"].code, found["The mullah state"].kind) == ("IRN", "epithet")
    assert found["the Lion Brigade Example"].sector == "REB"
    assert found["the Grand Example Bureau"].code == "OMN"


def test_added_collective_cue_stays_unresolved(article):
    add_entry("cue", "collective", "the Axis of Example")
    found = mentions(article("The Axis of Example met Iran."))
    assert ("The Axis of Example", None, "collective") in {(m.text, m.code, m.kind) for m in found}


def test_add_person_writes_the_user_file_only(user_data):
    path, row = add_entry("person", "Jane Doe", code="usa", sector="gov", role="special envoy",
                          start="2025-01")
    assert path == user_actor_dir() / "office_holders.csv"
    assert row["code"] == "USA" and row["aliases"] == "Doe"
    names = [r["name"] for r in read_rows("office_holders.csv", user_actor_dir())]
    assert names.count("Jane Doe") == 1
    assert "Jane Doe" in get_registry().holders


@pytest.mark.parametrize("kwargs", [
    {"code": "USA", "sector": "XYZ"}, {"code": "USA1"}, {"code": "USA", "start": "Jan 2020"}])
def test_add_rejects_bad_values(kwargs):
    with pytest.raises(ConfigError):
        add_entry("person", "Bad Person", **kwargs)


def test_alias_for_unknown_key_is_not_found():
    with pytest.raises(NotFoundError):
        add_entry("alias", "Nobody Known", "x")


def test_broken_user_file_names_the_file(user_data):
    folder = user_data / "actors"
    folder.mkdir()
    (folder / "titles.csv").write_text("wrong,header\n1,2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="titles.csv"):
        get_registry()


def test_user_rows_with_empty_fields_are_tolerated(user_data, article):
    folder = user_data / "actors"
    folder.mkdir()
    (folder / "organs.csv").write_text("code,sector,pattern,source\nOMN,GOV,,x\n,,,\n",
                                       encoding="utf-8")
    (folder / "office_holders.csv").write_text(
        "name,aliases,code,sector,role,start,end,source\nNo Code,,,GOV,x,2020,,x\n",
        encoding="utf-8")
    assert mentions(article("Oman met Qatar.")) != []
