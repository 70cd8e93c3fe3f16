"""actors/readings.py: what a name stands for here (ambiguous names, people by date)."""

from __future__ import annotations

import datetime as dt

import pytest

from alianza.actors import ArticleContext, find_mentions
from alianza.actors.kb import KnowledgeBase

from .helpers import codes_in


def test_actors_roles_are_time_bounded(kb: KnowledgeBase) -> None:
    putin = kb.person("Putin")
    assert putin is not None
    assert putin.actor_on(dt.date(2010, 1, 1)).code == "RUS GOV"  # prime minister then
    assert putin.actor_on(dt.date(1995, 1, 1)).code == "---"  # no role yet: not coded as government
    assert kb.person("Kaja Kallas").actor_on(dt.date(2022, 1, 1)).code == "EST GOV"  # type: ignore[union-attr]
    assert kb.person("Kaja Kallas").actor_on(dt.date(2025, 8, 1)).code == "IGO EU"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "lang", "name", "code"),
    [
        ("Voters in Atlanta, Georgia, backed the Democrats.", "en", "Georgia", "USA"),
        ("Russia sent more troops to Georgia after the war in Abkhazia.", "en", "Georgia", "GEO"),
        ("Georgia sent a delegation to Brussels.", "en", "Georgia", "GEO"),
        ("Corea celebra elecciones presidenciales en junio.", "es", "Corea", "KOR"),
        ("Corea del Norte lanzó un misil. Corea amenazó después a Japón.", "es", "Corea", "PRK"),
        ("Korea exported more chips this year.", "en", "Korea", "KOR"),
        ("Fighting resumed near Goma, in eastern Congo.", "en", "Congo", "COD"),
    ],
)
def test_actors_ambiguous_names_take_the_reading_of_their_context(
    kb: KnowledgeBase, text: str, lang: str, name: str, code: str
) -> None:
    assert (name, code) in codes_in(text, lang, kb)


def test_actors_one_name_several_people_is_read_by_date(kb: KnowledgeBase) -> None:
    def who(text: str, when: dt.date) -> list[tuple[str, str, str | None]]:
        return [(m.text, m.actor.code, m.actor.name) for m in find_mentions(text, "en", kb, ArticleContext(date=when))]

    assert who("President Bush met Chirac.", dt.date(1990, 6, 1))[0] == (
        "President Bush",
        "USA GOV",
        "George H. W. Bush",
    )
    assert who("President Bush met Chirac.", dt.date(2005, 6, 1)) == [
        ("President Bush", "USA GOV", "George W. Bush"),
        ("Chirac", "FRA GOV", "Jacques Chirac"),
    ]
    # out of office, a title still names the office holder's country
    assert who("President Bush spoke.", dt.date(2000, 6, 1))[0][1] == "USA GOV"
