"""False alarms around protests (issue 13, up-protest precision): what a crowd does in protest is
the protest, what a protest is against is its background. Sentences of our own, several regions."""

from __future__ import annotations

import pytest

from alianza.pipeline import Resources
from tests.events.helpers import events


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("Cientos de vecinos quemaron dos patrullas policiales en protesta por la muerte de un joven en Guayaquil.", "es", "ECU CVL"),
        ("Decenas de estudiantes lanzaron piedras contra la policía y quemaron llantas en protesta por el alza del pasaje en Tegucigalpa.", "es", "HND EDU"),
        ("Hundreds of villagers burned police cars in protest at the killing of a teenager in Lagos.", "en", "NGA CVL"),
    ],
)  # fmt: skip
def test_a_crowd_damaging_in_protest_riots_once(res: Resources, text: str, lang: str, source: str) -> None:
    evs = events(text, lang, res)
    assert [e["type"] for e in evs] == ["PROTEST"]
    assert evs[0]["source"]["code"] == source and evs[0]["mode"] == "riot" and evs[0]["cameo"] == "145"


def test_a_state_burning_in_protest_still_coerces(res: Resources) -> None:
    evs = events("Soldados birmanos quemaron las casas de los aldeanos en protesta por el ataque.", "es", res)
    assert "COERCE" in [e["type"] for e in evs]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Los colonos protestaron contra la visita del primer ministro a Hebrón.", "es"),
        ("Miles de estudiantes marcharon en Seúl contra la visita del secretario de Defensa estadounidense.", "es"),
        ("Students rallied in Manila against the visit of the US defence secretary.", "en"),
    ],
)
def test_what_a_protest_is_against_is_background(res: Resources, text: str, lang: str) -> None:
    assert [e["type"] for e in events(text, lang, res)] == ["PROTEST"]
