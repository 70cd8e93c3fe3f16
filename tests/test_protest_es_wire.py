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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Los maestros peruanos marcharán el lunes hasta la sede del Congreso en Lima.", "es"),
        ("Los estudiantes chilenos marcharán mañana por la Alameda.", "es"),
        ("The Nigerian unions will march on Monday in Lagos.", "en"),
    ],
)
def test_a_protest_the_news_says_is_coming_is_planned_not_a_threat(res: Resources, text: str, lang: str) -> None:
    found = events(text, lang, res)
    assert [(e["type"], e["status"]) for e in found] == [("PROTEST", "planned")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Los maestros hondureños marcharán si el gobierno no paga los salarios.", "es"),
        ("Los camioneros argentinos bloquearán las rutas a menos que baje el precio del gasoil.", "es"),
        ("Radical Spanish fishermen said on Monday they would blockade the port of Vigo.", "en"),
    ],
)
def test_a_protest_warned_of_on_a_condition_or_by_its_actor_is_a_threat(res: Resources, text: str, lang: str) -> None:
    assert [e["type"] for e in events(text, lang, res)] == ["THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "Cuando intentó detener el vehículo, el policía fue atacado a tiros por dos hombres armados.",
        "Cuando quiso entrar a la aldea, el periodista fue golpeado por soldados birmanos.",
    ],
)
def test_a_modal_in_a_time_clause_does_not_make_the_main_act_hypothetical(res: Resources, text: str) -> None:
    found = [e for e in events(text, "es", res) if e["type"] == "ASSAULT"]
    assert [e["status"] for e in found] == ["occurred"]


def test_abstaining_from_an_act_negates_it(res: Resources) -> None:
    found = events("Los sindicalistas rusos se abstuvieron de criticar al presidente.", "es", res)
    assert all(e["status"] == "negated" for e in found if e["type"] == "ACCUSE")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Estudiantes y policías se enfrentaron en el centro de Santiago.", "EDU", "COP"),
        ("Campesinos y soldados se enfrentaron el lunes cerca de Mandalay.", "AGR", "MIL"),
        ("Mineros y policías se enfrentaron en las afueras de Johannesburgo.", "LAB", "COP"),
    ],
)
def test_a_reciprocal_verb_with_a_coordinated_subject_names_both_sides(
    res: Resources, text: str, source: str, target: str
) -> None:
    found = [e for e in events(text, "es", res) if e["type"] == "ASSAULT"]
    assert [(e["source"]["sector"], e["target"]["sector"]) for e in found] == [(source, target)]


@pytest.mark.parametrize(
    "text",
    [
        "Unos 5.000 manifestantes se reunieron frente al Parlamento de Kenia.",
        "Miles de personas se reunieron en la plaza central de Bucarest contra el gobierno.",
        "Las madres de los desaparecidos se reunieron ante la sede del gobierno en Buenos Aires.",
    ],
)
def test_a_crowd_gathering_in_front_of_a_building_or_in_a_square_protests(res: Resources, text: str) -> None:
    assert types(text, res) == ["PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Los vecinos de Soweto se reunieron con el alcalde frente a la iglesia.",
        "Los cancilleres de Chile y Perú se reunieron frente al palacio presidencial.",
    ],
)
def test_a_meeting_with_someone_or_of_officials_is_no_gathering(res: Resources, text: str) -> None:
    assert "PROTEST" not in types(text, res)


@pytest.mark.parametrize(
    "text",
    [
        "Las mujeres kenianas marcharán hasta el Parlamento y encenderán velas para protestar contra la violencia.",
        "Los jubilados uruguayos se reunieron frente al Palacio Legislativo y cantaron el himno para protestar por las pensiones.",
    ],
)
def test_the_purpose_of_acts_coordinated_with_a_protest_is_that_protest(res: Resources, text: str) -> None:
    assert types(text, res) == ["PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Unos 300 estudiantes hicieron una sentada frente al Ministerio de Educación en Madrid.",
        "Los piqueteros mantienen el corte de ruta en el acceso a Neuquén.",
        "Los sindicatos convocaron un acto de protesta frente a la embajada de Francia en Dakar.",
        "La oposición macedonia convocó una reunión de protesta en Skopje.",
        "Cientos de vecinos de Manila celebraron una vigilia de protesta contra los desalojos.",
        "Los agricultores gallegos organizaron una tractorada en Santiago de Compostela.",
    ],
)
def test_named_forms_of_protest_of_wire_spanish(res: Resources, text: str) -> None:
    assert types(text, res) == ["PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "La anciana estaba sentada frente a su casa en Lima.",
        "El corte de luz afectó a Caracas durante seis horas.",
        "El presidente de Ghana presidió una reunión del gabinete en Accra.",
    ],
)
def test_the_same_words_in_other_senses_are_no_protest(res: Resources, text: str) -> None:
    assert "PROTEST" not in types(text, res)


@pytest.mark.parametrize(
    "text",
    [
        "Los campesinos paraguayos suspendieron los cortes de ruta tras el acuerdo.",
        "Los estudiantes chilenos levantaron la sentada frente al Ministerio.",
    ],
)
def test_ending_a_named_form_of_protest_concedes(res: Resources, text: str) -> None:
    assert "CONCEDE" in types(text, res)


@pytest.mark.parametrize(
    "text",
    [
        "Cientos de estudiantes protestaron marchando por el centro de Yakarta y lanzando piedras contra la policía.",
        "Decenas de colonos protestaron saliendo a las calles de Hebrón y lanzando piedras contra los transeúntes.",
    ],
)
def test_stone_throwing_coordinated_with_how_a_crowd_protested_is_that_riot(res: Resources, text: str) -> None:
    found = events(text, "es", res)
    assert [(e["type"], e["mode"]) for e in found] == [("PROTEST", "riot")]
