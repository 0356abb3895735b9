"""Odd input never breaks find_mentions, and offsets always point at the mention text."""

from __future__ import annotations

import random

from tests.actors.helpers import mentions

_SALAD = ("the The Israel Israeli Saudi Arabia U.S. US kingdom both countries two sides he He "
          "His \u201d \u201c , . - ' \u2019s of for and Prime Minister Foreign Ministry Gulf state "
          "states Arab nations six former ex regime Hamas UN bin al Al Sheikh Prince King "
          "Mohammed VI Netanyahu officials Iran-backed ANKARA ( ) : \u00e9 \U0001f600")


def test_random_word_salad_and_bad_dates(article):
    rng = random.Random(7)
    for n in range(300):
        words = _SALAD.split()
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 40)))
        published = rng.choice([None, "2019", "2019-12", "2023-02-19", "garbage", ""])
        mentions(article(text.replace(" . ", ".\n") if n % 3 == 0 else text, published))


def test_empty_and_whitespace_articles(article):
    assert mentions(article("")) == []
    assert mentions(article("   \n\n  ")) == []
