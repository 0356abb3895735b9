"""Boilerplate scoring: kinds of lines, not the wording of one outlet."""

from __future__ import annotations

import pytest

from diplograph.ingest.boilerplate import load_lexicon, score_lines

BODY = [
    "Egypt and Israel signed a gas export deal on Tuesday, officials in Cairo said.",
    "The agreement follows months of talks mediated by the European Union.",
    "Israel's energy minister said the deal would bring stability to the region.",
]


def removed(lines: list[str], **kw) -> list[str]:
    return [v.text for v in score_lines(lines, **kw) if v.removed]


@pytest.mark.parametrize(
    "line",
    [
        "Follow The Cairo Times on Facebook and X for more.",
        "Like us on Facebook",
        "Read more: Egypt's gas ambitions explained",
        ">> Read the full story here <<",
        "Related: How the EastMed pipeline stalled",
        "Comments are disabled for this article.",
        "© 2024 Nile Media Group. All rights reserved.",
        "Subscribe to our daily briefing and get the top stories in your inbox.",
        "(Photo: Officials sign the agreement in Cairo. AFP/Khaled Desouki)",
        "Image: The signing ceremony in Cairo",
        "(Reporting by Aidan Lewis; Editing by Toby Chopra)",
        "This article was originally published on Energy Voice.",
        "Tags: Egypt, Israel, gas",
        "Share this article",
        "By Avi Sharon | December 11, 2020",
        "By Jane Doe and Omar Khalil",
        "Reuters contributed to this report.",
        "(With AFP)",
        "Read: Qatar rejects the proposal",
        "Related Articles",
        "Share on WhatsApp",
        "Image source, Getty Images",
        "The views expressed in this article are the author's own.",
        "Advertisement",
        "Posted on June 15, 2022",
        "Updated: 15/06/2022 10:32",
        "Visit https://cairotimes.example/subscribe for offers",
    "Please enter your comment!",
    "Previous Story",
    "3 MIN READ",
    "Source link",
    "— Jane Roe (@janeroe) March 18, 2022",
    "FILE - Flags outside the ministry in Cairo",
    "In this photo released by the ministry, the delegations meet in Cairo.",
    "(photo credit: WIRE/JANE ROE)",
    ],
)
def test_common_kinds_of_boilerplate_are_removed_in_any_outlet(line):
    assert removed(BODY + [line]) == [line]


def test_body_lines_that_mention_cue_words_are_kept():
    body = BODY + [
        "Comments from the minister were welcomed in Cairo, where officials said the next "
        "round of talks would take up the pricing of gas sold to European buyers.",
        "Next year, the two countries will open a second pipeline, officials said.",
        "The minister told reporters he would follow the talks on Twitter closely, "
        "adding that the newsletter of the energy ministry had published the figures "
        "and that the deal covered contributions to a regional fund for the next decade.",
        "“We will not sign anything that harms our interests,” the foreign minister said.",
        "Trade between the two countries has continued throughout the diplomatic chill, "
        "customs figures show, with gas, fertiliser and machinery making up most of it and "
        "a new crossing due to open next year.",
        "By Friday, Israel and Oman",  # an excerpt cut off mid-sentence
    ]
    assert removed(body) == []


def test_short_body_sentences_between_paragraphs_of_prose_are_kept():
    prose = (
        "Officials from both governments met in the capital for a third round of talks, "
        "which diplomats described as constructive and focused on trade and transit."
    )
    # a sentence or two; a run of several short lines reads as a teaser list (docs/ingest.md)
    short = ["The talks lasted four hours.", "By Thursday, the talks had collapsed."]
    assert removed([prose, *short, prose.replace("third", "fourth")]) == []


def test_a_donation_appeal_block_goes_with_its_outlet_voice_lines():
    appeal = [
        "Help Keep Independent Journalism Alive",
        "in these difficult times",
        "Reporting from the region has never been more important than it is now.",
        "Our small team works around the clock, and we rely on readers like you.",
        "If everyone who reads us gave a little, our future would be secure. Please donate today.",
    ]
    article = BODY + [
        "The pipeline, which has been discussed for more than a decade, would carry "
        "gas from offshore fields to terminals on the coast for export to Europe."
    ]
    assert removed(article + appeal) == appeal


def test_the_appeal_block_does_not_swallow_body_without_outlet_voice():
    lines = ["Support independent journalism: donate today.", *BODY]
    assert removed(lines) == ["Support independent journalism: donate today."]


def test_a_line_repeating_the_title_is_marked_as_title():
    verdicts = score_lines(["Egypt and Israel sign gas deal", *BODY],
                           title="Egypt and Israel sign gas deal!")  # fmt: skip
    assert verdicts[0].title and verdicts[0].removed
    assert not any(v.removed for v in verdicts[1:])


def test_users_can_extend_the_lexicon(tmp_path):
    extra = tmp_path / "boilerplate.csv"
    extra.write_text('pattern,kind,weight\n"^estimated reading time",meta,2.0\n',
                     encoding="utf-8")  # fmt: skip
    line = "Estimated reading time: four minutes."
    assert removed(BODY + [line]) == []  # neither the cue nor its features
    assert removed(BODY + [line], lexicon=load_lexicon(extra)) == [line]


PROSE = [
    "Envoys from the two governments met in the port city on Sunday for a second round of "
    "talks on fishing rights, which both sides described as frank and useful.",
    "The foreign ministry said a technical committee would draft a text before the next "
    "meeting, scheduled for the spring in the other capital.",
]


def test_the_shapes_around_an_article_are_features_of_its_lines():
    from diplograph.ingest.lines import FEATURES, describe, stoplist_for

    lines = [
        "By Jane Roe",
        "March 3, 2019",
        "Jane Roe",
        *PROSE,
        "Two envoys, left, shake hands after the talks in the port city, March 3, 2019.",
        "Fishing Fleets Return To Port After Long Winter Ban",
        "Coastal Towns Brace For Record Tourist Season This Year",
    ]
    rows = describe(lines, title=None, cue_scores=[0.0] * len(lines), stoplist=stoplist_for("en"))

    def on(name: str) -> list[int]:
        k = FEATURES.index(name)
        return [i for i, row in enumerate(rows) if row[k] > 0]

    assert on("byline") == [0]
    assert on("stamp") == [1]
    assert on("name_only") == [2]
    assert on("caption") == [5]
    assert on("ends_date") == [1, 5]
    assert on("headline_run") == [6, 7]


def test_a_caption_closing_on_a_date_and_a_teaser_list_are_removed():
    prose = [*PROSE, "Fishing has been a source of friction between the neighbours for decades, "
             "with boats seized on both sides of the disputed waters."]  # fmt: skip
    caption = "Two envoys shake hands after the talks in the port city, March 3, 2019"
    teasers = [
        "Fishing Fleets Return To Port After Long Winter Ban",
        "Coastal Towns Brace For Record Tourist Season This Year",
        "Ministers Promise New Ferry Link Between The Islands",
    ]
    assert removed([*prose[:2], caption, prose[2], *teasers]) == [caption, *teasers]
