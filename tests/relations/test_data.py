"""The pattern files: the shipped ones load; a user's broken row is named with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.errors import ConfigError
from diplograph.relations.agreements import agreements, read_agreements
from diplograph.relations.facets import (
    ENDED,
    FACETS,
    carrier_names,
    event_rules,
    modality_cues,
    stative_patterns,
)


def test_shipped_files_load_and_use_only_spec_values():
    patterns = stative_patterns()
    assert len({p.id for p in patterns}) == len(patterns)
    assert all(p.value in FACETS[p.facet] or p.value == ENDED for p in patterns)
    assert event_rules() and modality_cues()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("bad,diplomatic_ties,none,state,,(unclosed", "line 3: bad regular expression"),
        ("x,diplomatic_ties,friendly,state,,ties", "line 3: diplomatic_ties=friendly"),
        ("x,trade,open,state,,a,b", "line 3: 7 values"),
    ],
)
def test_a_broken_user_row_is_reported_with_its_line(tmp_path, row, message):
    path = tmp_path / "stative.csv"
    path.write_text(f"id,facet,value,kind,modality,pattern\n# a comment\n{row}\n")
    with pytest.raises(ConfigError, match=message):
        stative_patterns(path)


def test_shipped_agreements_load_with_dates_sources_and_spec_values():
    shipped = {a.id: a for a in agreements(user_data=Path("/nonexistent"))}
    assert {"abraham-accords", "israel-jordan-peace-treaty", "camp-david-accords",
            "al-ula-declaration"} <= set(shipped)  # fmt: skip
    for agreement in shipped.values():
        assert agreement.sources and agreement.sets
        for item in agreement.sets:
            assert all(value in FACETS[facet] for facet, value in item.facets)
    assert shipped["israel-jordan-peace-treaty"].mentioned_in("under the 1994 peace treaty")


def test_a_user_agreement_replaces_the_packaged_one_of_its_id(tmp_path):
    folder = tmp_path / "relations"
    folder.mkdir()
    (folder / "agreements.toml").write_text(
        'version = 1\n[[agreement]]\nid = "abraham-accords"\nname = "Abraham Accords"\n'
        "aliases = ['Abraham\\s+Accords']\ndate = \"2020-09-15\"\n"
        '[[agreement.sets]]\npairs = ["ARE-ISR"]\nfacets = { normalization = "signed" }\n'
    )
    by_id = {a.id: a for a in agreements(user_data=tmp_path)}
    assert by_id["abraham-accords"].sets[0].pairs == (("ARE", "ISR"),)
    assert "al-ula-declaration" in by_id  # the packaged others stay


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[agreement]]\nid = "x"\n', "missing name, aliases, date, sets"),
        (
            '[[agreement]]\nid = "x"\nname = "X"\naliases = ["x"]\ndate = "1994-13-01"\n'
            "sets = []\n",
            "not a valid date",
        ),
        (
            '[[agreement]]\nid = "x"\nname = "X"\naliases = ["x"]\ndate = "1994"\n'
            '[[agreement.sets]]\npairs = ["ISR-ISR"]\nfacets = { peace_treaty = "signed" }\n',
            "same state twice",
        ),
        (
            '[[agreement]]\nid = "x"\nname = "X"\naliases = ["x"]\ndate = "1994"\n'
            '[[agreement.sets]]\npairs = ["ISR-JOR"]\nfacets = { peace_treaty = "ratified" }\n',
            "peace_treaty=ratified",
        ),
        ("[[agreement\n", "cannot read the agreements"),
    ],
)
def test_a_broken_agreements_file_is_reported_with_the_entry(tmp_path, body, message):
    path = tmp_path / "agreements.toml"
    path.write_text(body)
    with pytest.raises(ConfigError, match=message):
        read_agreements(path)


def test_airlines_load_and_a_bad_code_is_named_with_its_line(tmp_path):
    assert ("ISR", True) in {(code, bool(regex.search("El Al"))) for regex, code in carrier_names()}
    path = tmp_path / "carriers.csv"
    path.write_text("name,code\nSome\\s+Air,Qatar\n")
    with pytest.raises(ConfigError, match="line 2: 'Qatar' is not a three-letter actor code"):
        carrier_names(path)
