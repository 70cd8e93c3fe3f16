"""actors/context.py and actors/article.py: bare sectors take the country of the sentence, the article or its source."""

from __future__ import annotations

import datetime as dt

import pytest

from alianza.actors import ArticleContext, find_mentions
from alianza.actors.kb import KnowledgeBase

from .helpers import codes


def test_actors_bare_sector_takes_the_country_of_the_place(kb: KnowledgeBase) -> None:
    assert ("COL CVL", "context") in codes("Paramilitares asesinaron a dos personas en Antioquia", "es", kb)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("La cooperación militar entre Francia y Alemania crece.", False),
        ("Los militares ocuparon la plaza central.", True),
        ("Los soldados han estado combatiendo en la frontera.", False),
    ],
)
def test_actors_adjective_like_sector_words_only_as_nouns(kb: KnowledgeBase, text: str, present: bool) -> None:
    sectors = {
        m.actor.sector
        for m in find_mentions(text, "es", kb, ArticleContext())
        if m.text.lower() in ("militar", "militares", "estado")
    }
    assert bool(sectors) == present


def test_home_tally_needs_enough_places_that_agree() -> None:
    from alianza.actors.resolve import HomeTally

    t = HomeTally()
    t.add("diario.example", ["COL"] * 25 + ["VEN"] * 3)
    t.add("world.example", ["USA"] * 10 + ["RUS"] * 10 + ["UKR"] * 10)
    t.add("small.example", ["COL"] * 5)
    assert (t.home("diario.example"), t.home("world.example"), t.home("small.example"), t.home(None)) == (
        "COL",
        None,
        None,
        None,
    )


def test_bare_sectors_take_the_source_home_when_the_article_names_no_place(kb: KnowledgeBase) -> None:
    got = find_mentions("El periodista fue amenazado de muerte.", "es", kb, ArticleContext(source_home="COL"))
    assert [(m.text, m.actor.code) for m in got] == [("periodista", "COL MED")]
    assert find_mentions("El periodista fue amenazado de muerte.", "es", kb, ArticleContext())[0].actor.country is None


def test_actors_one_place_named_by_the_article_is_its_home(kb: KnowledgeBase) -> None:
    ctx = ArticleContext(date=dt.date(2025, 1, 10))
    find_mentions("Miles de manifestantes marcharon el viernes en Caracas.", "es", kb, ctx)
    got = find_mentions("La policía detuvo a 40 opositores.", "es", kb, ctx)
    assert ("policía", "VEN COP") in [(m.text, m.actor.code) for m in got]
