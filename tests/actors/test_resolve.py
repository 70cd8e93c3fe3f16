"""actors/resolve.py, the composition: every path on French text."""

from __future__ import annotations

import datetime as dt

import pytest

from alianza.actors import ArticleContext, find_mentions
from alianza.actors.kb import KnowledgeBase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les troupes russes ont attaqué Kharkiv.",
            [("troupes russes", "RUS MIL", "adjective"), ("Kharkiv", "UKR", "place")],
        ),
        ("Le Kremlin a rejeté la proposition.", [("Kremlin", "RUS GOV", "metonym")]),
        ("L'OTAN a condamné l'attaque.", [("OTAN", "IGO NATO", "organisation")]),
        (
            "Le président français, Emmanuel Macron, a reçu le chancelier allemand.",
            [
                ("président français, Emmanuel Macron", "FRA GOV", "apposition"),
                ("chancelier allemand", "DEU GOV", "adjective"),
            ],
        ),
    ],
)
def test_actors_french_resolution_paths(kb: KnowledgeBase, text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [
        (m.text, m.actor.code, m.how) for m in find_mentions(text, "fr", kb, ArticleContext(date=dt.date(2025, 9, 1)))
    ]
    assert got == expected
