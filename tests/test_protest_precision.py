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
        # the parser hangs "en protesta" on the object: the rioters are still the verbs' subject
        ("En Lima, vecinos encolerizados han destruido y quemado patrullas policiales en protesta por los abusos de los agentes.", "es", "PER CVL"),
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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Los diputados que se oponen a la reforma convocaron una marcha en Asunción.", "es"),
        ("Grupos que rechazan la presencia militar de Estados Unidos marcharon en Panamá.", "es"),
        ("Hombres que se movilizaban en una motocicleta asesinaron a un campesino en Tuluá.", "es"),
        ("Des jihadistes ont menacé de mort les chefs de village qui collaborent avec l'armée malienne.", "fr"),
        ("Police in Nairobi arrested activists who oppose the new tax law.", "en"),
    ],
)
def test_a_relative_clause_in_the_present_describes_a_side(res: Resources, text: str, lang: str) -> None:
    """What a side is or keeps doing (present, imperfect) is no event of the sentence; the main
    clause's act is."""
    evs = events(text, lang, res)
    assert len(evs) <= 1 and all(e["type"] in ("PROTEST", "ASSAULT", "THREATEN", "COERCE") for e in evs)
    assert not [e for e in evs if e["type"] in ("REJECT", "COOPERATE")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La policía de Quito detuvo a cinco manifestantes frente al Congreso.", "es", ["COERCE"]),
        ("Un tribunal de Lima detuvo el proceso de privatización de la empresa eléctrica.", "es", []),
        ("El ejército birmano capturó la ciudad de Myawaddy tras tres días de combates.", "es", []),
    ],
)
def test_one_arrests_someone_what_is_not_someone_is_stopped(
    res: Resources, text: str, lang: str, expected: list[str]
) -> None:
    assert [e["type"] for e in events(text, lang, res) if e["type"] == "COERCE"] == expected


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        ("El dirigente amenazó con volver a las armas si el gobierno intenta reprimir las manifestaciones en Managua.", "es", "COERCE"),
        ("Honduras será rigurosa con Belice si se comprueba que sus militares detuvieron a cuatro pescadores hondureños.", "es", "COERCE"),
        ("Seúl advirtió que respondería si el embajador era agredido otra vez durante sus visitas.", "es", "ASSAULT"),
        ("Washington warned it would cut aid if the army arrested the opposition leader in Dhaka.", "en", "COERCE"),
    ],
)  # fmt: skip
def test_what_a_condition_supposes_did_not_happen(res: Resources, text: str, lang: str, absent: str) -> None:
    assert absent not in [e["type"] for e in events(text, lang, res)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Si bien la policía detuvo a cinco estudiantes en Quito, la marcha continuó.", "es"),
        ("Même si la police a arrêté cinq étudiants à Dakar, la marche a continué.", "fr"),
    ],
)
def test_a_concessive_states_a_fact(res: Resources, text: str, lang: str) -> None:
    found = [e for e in events(text, lang, res) if e["type"] == "COERCE"]
    assert len(found) == 1 and found[0]["status"] == "occurred"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Las tropas israelíes se retiraron de Gaza en septiembre de 2005.", ["RETREAT"]),
        ("Rusia retiró sus tropas de Jersón en noviembre.", ["RETREAT"]),
        ("El embajador estadounidense se retiró del acto en Caracas.", []),
        ("Unos 2.000 cocaleros se replegaron de la plaza de Cochabamba.", []),
        ("Perú retiró a su embajador en México por la crisis.", ["SANCTION"]),
    ],
)
def test_who_leaves_a_place_retreats_only_as_a_force_or_a_state(res: Resources, text: str, expected: list[str]) -> None:
    assert [e["type"] for e in events(text, "es", res) if e["type"] in ("RETREAT", "SANCTION")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crowd's refusal voiced by its protest is that protest's motive
        ("Los camioneros uruguayos se movilizaron en Montevideo en rechazo a una nueva ley de impuestos.", ["PROTEST"]),
        # a state's act in rejection is that act
        (
            "Chile retiró a su embajador en La Paz en rechazo a las declaraciones del presidente boliviano.",
            ["SANCTION"],
        ),
    ],
)
def test_in_rejection_of_is_the_motive_of_the_act(res: Resources, text: str, expected: list[str]) -> None:
    assert [e["type"] for e in events(text, "es", res)] == expected


def test_a_noun_in_a_condition_is_presupposed(res: Resources) -> None:
    evs = events("El gobierno de Lima impondrá el toque de queda si continúan las protestas de los mineros.", "es", res)
    assert "PROTEST" in [e["type"] for e in evs]


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        ("El dirigente dijo que el gobierno se alió con los banqueros para reprimir a los humildes.", "es", "COERCE"),
        ("Kuwait has lobbied Congress in Washington to help rebuild the port of Beirut.", "en", "AID"),
    ],
)
def test_a_material_act_meant_is_not_done(res: Resources, text: str, lang: str, absent: str) -> None:
    assert absent not in [e["type"] for e in events(text, lang, res)]


def test_words_said_on_an_occasion_are_said(res: Resources) -> None:
    evs = events("El presidente de Brasil aprovechó la visita para elogiar el apoyo de Argentina.", "es", res)
    assert "SUPPORT" in [e["type"] for e in evs]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Decenas de estudiantes protestaron en Tegucigalpa lanzando piedras contra la sede del gobierno.", "es"),
        ("Hundreds of inmates rioted at a prison in Lagos on Monday, setting fire to their mattresses.", "en"),
    ],
)
def test_how_a_crowd_protests_is_its_protest(res: Resources, text: str, lang: str) -> None:
    evs = events(text, lang, res)
    assert [e["type"] for e in evs] == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        ("Los comerciantes de Guayaquil marcharon contra la decisión del alcalde de expulsar a los vendedores ambulantes del centro.", "es", "COERCE"),
        ("Students in Ankara marched against the decision of sending troops to Syria.", "en", "AID"),
        ("Les syndicats de Dakar ont manifesté contre la décision du gouvernement d'expulser les migrants guinéens.", "fr", "COERCE"),
    ],
)  # fmt: skip
def test_what_a_decision_says_is_its_content(res: Resources, text: str, lang: str, absent: str) -> None:
    assert absent not in [e["type"] for e in events(text, lang, res)]
