"""actors/titles.py and actors/coreference.py: people named by title or apposition, and named again."""

from __future__ import annotations

import datetime as dt

from alianza.actors import ArticleContext, find_mentions
from alianza.actors.kb import KnowledgeBase


def test_actors_unknown_person_from_title_is_remembered(kb: KnowledgeBase) -> None:
    ctx = ArticleContext(date=dt.date(2025, 1, 1))
    first = find_mentions("Chile's foreign minister Alberto van Klaveren arrived.", "en", kb, ctx)
    assert first[0].actor.code == "CHL GOV" and first[0].actor.name == "Alberto van Klaveren"
    later = find_mentions("Klaveren said the talks went well.", "en", kb, ctx)
    assert [(m.actor.code, m.how) for m in later] == [("CHL GOV", "coreference")]


def test_actors_plural_reference_takes_the_last_two_leaders(kb: KnowledgeBase) -> None:
    ctx = ArticleContext(date=dt.date(2025, 8, 12))
    find_mentions("Vladímir Putin habló con Kim Jong-un.", "es", kb, ctx)
    (m,) = find_mentions("Ambos líderes firmaron.", "es", kb, ctx)
    assert [a.code for a in m.group] == ["RUS GOV", "PRK GOV"]


def test_actors_korean_family_name_is_remembered(kb: KnowledgeBase) -> None:
    ctx = ArticleContext(date=dt.date(2025, 8, 1))
    find_mentions("El presidente surcoreano, Lee Jae-myung, visitó Tokio.", "es", kb, ctx)
    got = find_mentions("Lee se reunió después con el primer ministro japonés.", "es", kb, ctx)
    assert [(m.text, m.actor.code) for m in got][0] == ("Lee", "KOR GOV")


def test_actors_possessive_after_a_title_name(kb: KnowledgeBase) -> None:
    got = find_mentions(
        "Bonn welcomed President Reagan's statement.", "en", kb, ArticleContext(date=dt.date(1986, 5, 1))
    )
    assert ("President Reagan", "USA GOV") in [(m.text, m.actor.code) for m in got]
