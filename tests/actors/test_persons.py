"""Office holders: names resolve against the article's date (date-bounded roles)."""

from __future__ import annotations

from tests.actors.helpers import by_text, mentions

from diplograph.actors.persons import in_office, resolve_person
from diplograph.actors.registry import OfficeHolder, Role
from diplograph.actors.userdata import add_entry


def _holder(name: str, *roles: tuple[str, str, str, str | None]) -> OfficeHolder:
    return OfficeHolder(name, [], [Role(c, s, "role", a, b) for c, s, a, b in roles])


def test_coarse_dates_overlap_roles():
    role = Role("USA", "GOV", "adviser", "2019", "2020")
    assert in_office(role, "2019-12")
    assert in_office(role, "2020")
    assert not in_office(role, "2021-01-01")
    assert in_office(Role("USA", "GOV", "x", "2025-01", None), "2030-05-01")


def test_same_person_before_during_and_after_a_term():
    zed = _holder("Zed Example", ("AAA", "MIL", "2010", "2012"), ("AAA", "GOV", "2015", None))
    assert resolve_person([zed], "2011-06").sector == "MIL"
    assert resolve_person([zed], "2016-06").sector == "GOV"
    between = resolve_person([zed], "2013-06")
    assert (between.code, between.sector, between.actor) == ("AAA", None, "Zed Example")


def test_shared_surname_goes_to_whoever_is_in_office():
    one = _holder("Ann Shared", ("AAA", "GOV", "2001", "2005"))
    two = _holder("Bob Shared", ("BBB", "GOV", "2006", "2010"))
    assert resolve_person([one, two], "2003").actor == "Ann Shared"
    assert resolve_person([one, two], "2008").code == "BBB"
    nobody = resolve_person([one, two], "2020")
    assert (nobody.code, nobody.actor) == (None, None)  # different states: unresolved


def test_unknown_date_prefers_the_latest_role():
    zed = _holder("Zed Example", ("AAA", "MIL", "2010", "2012"), ("BBB", "GOV", "2015", None))
    assert resolve_person([zed], None).code == "BBB"


def test_registry_person_by_full_name_and_surname(article):
    found = by_text(mentions(article(
        "Prime Minister Benjamin Netanyahu met Victoria Coates. Later Netanyahu left.",
        published="2019-12-05")))
    assert (found["Prime Minister Benjamin Netanyahu"].code,
            found["Prime Minister Benjamin Netanyahu"].actor) == ("ISR", "Benjamin Netanyahu")
    assert found["Netanyahu"].code == "ISR" and found["Netanyahu"].kind == "person"
    assert (found["Victoria Coates"].code, found["Victoria Coates"].sector) == ("USA", "GOV")


def test_user_added_person_changes_role_with_the_date(article):
    add_entry("person", "Jane Quillfeather", code="USA", sector="GOV", role="special envoy",
              start="2025-01", end="2025-12")
    add_entry("person", "Jane Quillfeather", code="USA", sector="MIL", role="defense secretary",
              start="2026-01")
    text = "Quillfeather met Jane Quillfeather's hosts."
    during = mentions(article(text, published="2025-06-01"))
    later = mentions(article(text, published="2026-06-01"))
    before = mentions(article(text, published="2020-06-01"))
    assert {m.sector for m in during} == {"GOV"}
    assert {m.sector for m in later} == {"MIL"}
    assert {(m.code, m.sector) for m in before} == {("USA", None)}  # out of office: no role


def test_bare_title_with_registry_person_and_former(article):
    found = by_text(mentions(article(
        "President Joe Biden and former President Donald Trump spoke.", published="2022-03-01")))
    assert found["President Joe Biden"].sector == "GOV"
    trump = found["former President Donald Trump"] if "former President Donald Trump" in found \
        else found["President Donald Trump"]
    assert (trump.code, trump.sector) == ("USA", None)


def test_title_teaches_the_article_a_surname(article):
    found = mentions(article(
        "Egyptian Foreign Minister Zahir Qarbouli arrived. Later, Qarbouli met the press."))
    later = [m for m in found if m.text == "Qarbouli"]
    assert later and (later[0].code, later[0].sector, later[0].kind) == ("EGY", "GOV", "person")


def test_one_word_name_opening_a_sentence_needs_the_full_name_somewhere(article):
    alone = mentions(article("Power struggles continue in the region.", published="2015-06-01"))
    assert not [m for m in alone if m.kind == "person"]
    named = mentions(article("Samantha Power spoke. Power said more.", published="2015-06-01"))
    assert [m.text for m in named if m.kind == "person"] == ["Samantha Power", "Power"]


def test_name_in_apposition_before_a_title_is_learned(article):
    found = mentions(article(
        "Zahir Ali Qarbouli, Egypt's foreign minister, said no. Later Qarbouli left. "
        "Speaking to Reuters, the Qatari official agreed."))
    people = [(m.text, m.code, m.sector) for m in found if m.kind == "person"]
    assert people == [("Zahir Ali Qarbouli", "EGY", "GOV"), ("Qarbouli", "EGY", "GOV")]
