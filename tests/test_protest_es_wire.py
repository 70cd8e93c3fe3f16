"""Spanish wire news of protests, strikes, boycotts and clashes (issue 13, up-protest classes):
senses told by who acts and how the sentence tells it. Sentences of our own, several regions."""

from __future__ import annotations

import pytest

from alianza.pipeline import Resources
from tests.events.helpers import events


def types(text: str, res: Resources) -> list[str]:
    return [e["type"] for e in events(text, "es", res)]


@pytest.mark.parametrize(
    "text",
    [
        "Los estudiantes surcoreanos boicotearon las clases en protesta por la reforma.",
        "Los partidos de la oposición togolesa boicotearon las elecciones legislativas.",
        "Los sindicatos franceses boicotearon la reunión con el ministro de Trabajo.",
        "Los comerciantes de Karachi boicotearon los productos daneses.",
    ],
)
def test_people_who_boycott_protest(res: Resources, text: str) -> None:
    # PLOVER PROTEST boycott (CAMEO 143): not a rejection, not a state's sanction
    assert types(text, res) == ["PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "El gobierno de Estados Unidos boicoteó los Juegos Olímpicos de Moscú.",
        "El gobierno marroquí boicoteó la cumbre organizada por Argelia.",
    ],
)
def test_a_state_that_boycotts_reduces_relations(res: Resources, text: str) -> None:
    assert types(text, res) == ["SANCTION"]
