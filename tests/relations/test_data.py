"""The pattern files: the shipped ones load; a user's broken row is named with its line."""

from __future__ import annotations

import pytest

from diplograph.errors import ConfigError
from diplograph.relations.facets import FACETS, event_rules, modality_cues, stative_patterns


def test_shipped_files_load_and_use_only_spec_values():
    patterns = stative_patterns()
    assert len({p.id for p in patterns}) == len(patterns)
    assert all(p.value in FACETS[p.facet] for p in patterns)
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
