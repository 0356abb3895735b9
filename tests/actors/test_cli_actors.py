"""`diplograph actors list|show|add` through the real CLI."""

from __future__ import annotations

from typer.testing import CliRunner

from diplograph.cli import app

runner = CliRunner()


def test_show_country_lists_organs_and_office_holders():
    result = runner.invoke(app, ["actors", "show", "ISR"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Israel" in result.output and "Netanyahu" in result.output
    assert "Knesset" in result.output


def test_show_by_alias_and_unknown():
    assert "Antony Blinken" in runner.invoke(app, ["actors", "show", "Blinken"]).output
    result = runner.invoke(app, ["actors", "show", "Nobody At All"])
    assert result.exit_code == 2


def test_list_filters_by_kind_and_code():
    result = runner.invoke(app, ["actors", "list", "--kind", "igo", "--code", "GCC"],
                           env={"COLUMNS": "200"})  # fmt: skip
    assert result.exit_code == 0
    assert "Gulf Cooperation Council" in result.output and "1 actors" in result.output
    assert runner.invoke(app, ["actors", "list", "--kind", "planet"]).exit_code == 2


def test_add_person_then_show_it():
    added = runner.invoke(app, ["actors", "add", "person", "Jane Doe", "--code", "USA",
                                "--sector", "GOV", "--role", "special envoy",
                                "--start", "2025-01"])  # fmt: skip
    assert added.exit_code == 0, added.output
    shown = runner.invoke(app, ["actors", "show", "Jane Doe"], env={"COLUMNS": "200"})
    assert "special envoy" in shown.output and "2025-01" in shown.output


def test_add_alias_and_bad_kind():
    assert runner.invoke(app, ["actors", "add", "alias", "ISR", "the Hebrew state"]).exit_code == 0
    assert "the Hebrew state" in runner.invoke(app, ["actors", "show", "ISR"]).output
    assert runner.invoke(app, ["actors", "add", "planet", "X"]).exit_code == 2
