"""actors/residence.py: ethnic groups coded by where they live; countries named as where things happen."""

from __future__ import annotations

import pytest

from alianza.actors import ArticleContext, find_mentions
from alianza.actors.kb import KnowledgeBase


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Ethnic Hungarians in northern Romania marched on Sunday.",
            "en",
            ("Hungarians in northern Romania", "ROU CVL"),
        ),
        ("The Armenians of Georgia asked for schools.", "en", ("Armenians of Georgia", "GEO CVL")),
        ("Ethnic Russians rallied in eastern Moldova.", "en", ("Russians", "MDA CVL")),
        ("Bosnian Croats voted on Sunday.", "en", ("Bosnian Croats", "BIH")),
        ("Los rusos étnicos de Letonia votaron.", "es", ("rusos étnicos de Letonia", "LVA CVL")),
        ("Russian officials in Ukraine met.", "en", ("Russian officials", "RUS GOV")),  # a sector: not an ethnic group
    ],
)
def test_actors_ethnic_groups_are_coded_by_where_they_live(
    kb: KnowledgeBase, text: str, lang: str, expected: tuple[str, str]
) -> None:
    got = [(m.text, m.actor.code) for m in find_mentions(text, lang, kb, ArticleContext())]
    assert expected in got, got


def test_actors_country_after_in_and_a_direction_is_the_place(kb: KnowledgeBase) -> None:
    got = find_mentions("Police fired on crowds in eastern Ukraine.", "en", kb, ArticleContext())
    assert ("Police", "UKR COP") in [(m.text, m.actor.code) for m in got]
