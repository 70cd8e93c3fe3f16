"""Spanish wire news of protests told by acts other than marching (issue 13, up-protest classes):
crowds that burst into buildings or disrupt ceremonies, boycotts, work stoppages, blocked main
streets. Sentences of our own, several regions; the same words in other senses are no protest."""

from __future__ import annotations

import pytest

from alianza.pipeline import Resources
from tests.events.helpers import events


def coded(text: str, res: Resources) -> list[tuple[str, str | None]]:
    return [(e["type"], e["mode"]) for e in events(text, "es", res)]


@pytest.mark.parametrize(
    "text",
    [
        "Decenas de manifestantes irrumpieron en la sede del Congreso de Guatemala.",
        "Cientos de campesinos sin tierra irrumpieron en la sede del Ministerio de Agricultura en Brasilia.",
        "Un grupo de estudiantes irrumpió en el rectorado de la Universidad de Dakar.",
        "Jóvenes manifestantes interrumpieron el discurso del ministro en Madrid.",
        "Los estudiantes chilenos perturbaron la ceremonia de inauguración en Santiago.",
        "Activistas ecologistas interrumpieron el tráfico en el centro de Bruselas.",
    ],
)
def test_a_crowd_that_bursts_in_or_disrupts_an_act_protests(res: Resources, text: str) -> None:
    # PLOVER PROTEST obstruct (CAMEO 144)
    assert coded(text, res) == [("PROTEST", "obstruct")]


@pytest.mark.parametrize(
    "text",
    [
        "Los sindicatos argentinos interrumpieron la reunión con el gobierno.",
        "Los turistas alemanes interrumpieron su viaje en Túnez.",
        "Guerrilleros mataron a tres personas, luego que irrumpieran en las veredas La Cumbre y El Silencio.",
    ],
)
def test_breaking_off_a_meeting_a_trip_or_an_armed_raid_is_no_protest(res: Resources, text: str) -> None:
    assert "PROTEST" not in [t for t, _m in coded(text, res)]


def test_armed_men_who_burst_into_a_building_attack(res: Resources) -> None:
    found = coded("Un grupo de hombres armados irrumpió en la sede de la alcaldía de Toribío.", res)
    assert [t for t, _m in found] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Los sindicatos mexicanos decretaron un boicot contra los productos estadounidenses.",
        "Los comerciantes marroquíes iniciaron un boicot de los productos daneses.",
        "La oposición togolesa convocó un boicot de las elecciones legislativas.",
    ],
)
def test_people_who_call_a_boycott_protest(res: Resources, text: str) -> None:
    assert [t for t, _m in coded(text, res)] == ["PROTEST"]


def test_a_state_that_announces_a_boycott_does_not_protest(res: Resources) -> None:
    found = coded("El gobierno de Estados Unidos anunció un boicot de los Juegos de Moscú.", res)
    assert "PROTEST" not in [t for t, _m in found]


@pytest.mark.parametrize(
    "text",
    [
        "Los transportistas peruanos iniciaron una paralización de 48 horas en Lima.",
        "Comenzó la paralización de labores de los maestros hondureños.",
        "Los médicos del hospital de Guayaquil cumplen una paralización indefinida.",
    ],
)
def test_a_work_stoppage_is_a_strike(res: Resources, text: str) -> None:
    assert coded(text, res) == [("PROTEST", "strike")]


def test_works_brought_to_a_halt_are_no_strike(res: Resources) -> None:
    assert coded("La paralización de las obras del metro preocupa al alcalde de Bogotá.", res) == []


@pytest.mark.parametrize(
    "text",
    [
        "Los militantes bloquearon las principales arterias de Lima.",
        "Los taxistas cortaron las arterias del centro de Caracas.",
    ],
)
def test_main_streets_are_roads_a_crowd_blocks(res: Resources, text: str) -> None:
    assert coded(text, res) == [("PROTEST", "obstruct")]


@pytest.mark.parametrize(
    "text",
    [
        "Los maestros peruanos anunciaron un paro de dos días para la próxima semana.",
        "Los camioneros chilenos anunciaron una huelga indefinida a partir del lunes.",
        "La central obrera de Bolivia anunció para el miércoles una concentración frente al Congreso.",
    ],
)
def test_a_protest_its_organisers_announce_is_still_to_come(res: Resources, text: str) -> None:
    found = events(text, "es", res)
    assert [(e["type"], e["status"]) for e in found] == [("PROTEST", "planned")]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Los sindicatos convocaron una marcha en Dakar contra el gobierno.", "PROTEST"),
        ("La policía keniana anunció la detención de 22 personas.", "COERCE"),
    ],
)
def test_a_called_protest_and_an_announced_arrest_are_reported_as_done(res: Resources, text: str, etype: str) -> None:
    found = events(text, "es", res)
    assert [(e["type"], e["status"]) for e in found] == [(etype, "occurred")]


def test_a_protest_announced_on_a_condition_is_a_threat(res: Resources) -> None:
    found = events(
        "Los agricultores gallegos anunciaron bloqueos de carreteras si el gobierno no retira la ley.", "es", res
    )
    assert [e["type"] for e in found] == ["THREATEN"]


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Decenas de ayunantes se manifestaron frente a la catedral de Managua.", "CVL"),
        ("Los cañeros bloquearon la carretera a Santa Cruz.", "AGR"),
        ("Los petroleros ecuatorianos iniciaron una huelga indefinida.", "LAB"),
        ("Los hinchas chilenos protestaron frente al estadio de Lima.", "CVL"),
        ("Cientos de ahorristas protestaron frente a los bancos de Buenos Aires.", "CVL"),
        ("Los normalistas de Ayotzinapa bloquearon la autopista del Sol.", "EDU"),
    ],
)
def test_protesting_groups_of_wire_spanish_are_sides(res: Resources, text: str, sector: str) -> None:
    found = events(text, "es", res)
    assert [(e["type"], e["source"]["sector"]) for e in found] == [("PROTEST", sector)]


def test_an_oil_company_is_no_oil_worker(res: Resources) -> None:
    assert events("La empresa petrolera anunció ganancias.", "es", res) == []


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Los médicos se declararon en huelga en Tegucigalpa.", "strike"),
        ("Los estibadores del puerto de Valparaíso se declararon en paro en Chile.", "strike"),
        ("Los profesores se declararon en huelga de hambre en Tegucigalpa.", "hunger-strike"),
        ("Veinte presos kurdos se declararon en huelga de hambre en Estambul.", "hunger-strike"),
    ],
)
def test_declaring_oneself_on_strike_strikes(res: Resources, text: str, mode: str) -> None:
    # the es model may label "en huelga" an object of "declarar": a verb of the lexicon (declarar
    # objetivo) that does not fire must not take the phrase's event
    assert coded(text, res) == [("PROTEST", mode)]


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Los mineros peruanos acataron el paro nacional.", "LAB"),
        ("Los comerciantes de La Paz acataron la huelga general convocada por la COB.", "BUS"),
    ],
)
def test_those_who_heed_a_strike_call_strike(res: Resources, text: str, sector: str) -> None:
    found = [e for e in events(text, "es", res) if e["type"] == "PROTEST"]
    assert [e["source"]["sector"] for e in found] == [sector]


@pytest.mark.parametrize(
    "text",
    [
        "Los maestros hondureños paralizaron sus labores en todo el país.",
        "Los médicos del Seguro Social suspendieron la atención en los hospitales de Lima.",
        "Los estibadores de Valparaíso pararon sus actividades por 24 horas.",
        "Los profesores de Ecuador mantienen paralizadas sus actividades desde el lunes.",
        "Los médicos del hospital Rebagliati mantienen suspendida la atención en Lima.",
    ],
)
def test_workers_who_stop_their_work_strike(res: Resources, text: str) -> None:
    # PLOVER PROTEST strike: "abandonment of workplaces" (UniversalPetrarch PARALIZAR, CAMEO 143)
    assert coded(text, res) == [("PROTEST", "strike")]


@pytest.mark.parametrize(
    "text",
    [
        "El gobierno suspendió las clases por la epidemia.",
        "La empresa minera suspendió sus actividades en Potosí.",
        "La lluvia paralizó las actividades en Lima.",
        "El gobierno mantiene suspendidas las clases en Quito.",
    ],
)
def test_work_stopped_by_a_government_a_firm_or_the_weather_is_no_strike(res: Resources, text: str) -> None:
    assert coded(text, res) == []


@pytest.mark.parametrize(
    "text",
    [
        "Las carreteras del sur de Bolivia permanecían bloqueadas por los campesinos cocaleros.",
        "La ruta 14 seguía bloqueada por los transportistas en la provincia de Entre Ríos.",
        "Los accesos a la mina quedaron bloqueados por 300 mineros en Cerro de Pasco.",
        "Las calles del centro de Quito continuaban ocupadas por los manifestantes indígenas.",
        "Los caminos vecinales permanecían bloqueados por los campesinos de Cochabamba.",
    ],
)
def test_a_road_that_stays_blocked_by_a_crowd_is_a_blockade(res: Resources, text: str) -> None:
    # the es model tags the participle after a link verb as an adjective (nlp/repair.py, syntax.link_verbs):
    # the crowd after "por" blocks, as in "fueron bloqueadas por"
    evs = events(text, "es", res)
    assert [(e["type"], e["mode"]) for e in evs] == [("PROTEST", "obstruct")]
    assert evs[0]["source"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "Las cuentas del exministro permanecen congeladas por orden judicial.",
        "El presidente peruano estaba rodeado por sus ministros durante el acto.",
        "La frontera sigue cerrada por la tormenta de nieve.",
    ],
)
def test_a_state_with_no_doer_after_por_is_no_event(res: Resources, text: str) -> None:
    assert events(text, "es", res) == []
