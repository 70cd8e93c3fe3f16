"""Demands, refusals and threats outside protest (issue 13): sentences of our own, several regions."""

from __future__ import annotations

import pytest

from alianza.pipeline import Resources

from .helpers import events


@pytest.mark.parametrize(
    ("text", "lang", "etype", "sector"),
    [
        ("Los maestros rurales exigen un aumento del presupuesto de educación.", "es", "REQUEST", "EDU"),
        ("Los médicos del hospital público de Cochabamba exigen mejores salarios.", "es", "REQUEST", "HLH"),
        ("Los campesinos rechazan la nueva ley de tierras.", "es", "REJECT", "AGR"),
        ("Los transportistas amenazan con paralizar las carreteras desde el lunes.", "es", "THREATEN", "LAB"),
        ("Striking dockworkers demand a new contract.", "en", "REQUEST", "LAB"),
    ],
)  # fmt: skip
def test_a_group_named_by_its_sector_demands_refuses_or_threatens_with_no_addressee(
    res: Resources, text: str, lang: str, etype: str, sector: str
) -> None:
    got = [(e["type"], (e.get("source") or {}).get("sector")) for e in events(text, lang, res)]
    assert (etype, sector) in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Human rights groups expressed concern.",
        "Los analistas expresaron su preocupación por la inflación.",
    ],
)
def test_a_statement_to_no_one_by_no_one_placeable_is_still_no_event(res: Resources, text: str) -> None:
    lang = "en" if text.startswith("Human") else "es"
    assert not [e for e in events(text, lang, res) if e["type"] in ("ACCUSE", "REQUEST")]


@pytest.mark.parametrize(
    "text",
    [
        "Dos aviones militares de Perú violaron el espacio aéreo de Ecuador.",
        "Argentina sigue reteniendo los fondos de la entidad binacional.",
        "El gobierno filipino propuso una ley para combatir el narcotráfico.",
        "Marruecos enfrentaba el tercer día de paro de los camioneros.",
        "La federación, que reúne a los sindicatos agrícolas de Andalucía, criticó el acuerdo.",
        "El primer ministro japonés visitó otra vez el santuario de Yasukuni.",
    ],
)
def test_a_verb_whose_object_is_a_thing_is_not_its_violent_or_meeting_sense(res: Resources, text: str) -> None:
    assert not [e for e in events(text, "es", res) if e["type"] in ("ASSAULT", "CONSULT")]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Rebeldes hutus se enfrentaron con el ejército en Kivu.", "ASSAULT"),
        ("Paramilitares violaron a tres mujeres en el Magdalena Medio.", "ASSAULT"),
        ("Comuneros retuvieron a dos funcionarios del ministerio en Puno.", "ASSAULT"),
        ("El canciller brasileño se reunió con su colega paraguayo en Asunción.", "CONSULT"),
        ("El presidente chileno visitó Lima el martes.", "CONSULT"),
    ],
)
def test_the_same_verbs_with_an_actor_keep_their_sense(res: Resources, text: str, etype: str) -> None:
    assert etype in [e["type"] for e in events(text, "es", res)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Los alcaldes del Cauca denunciaron amenazas de la guerrilla.", "GOV"),
        ("Los burgomaestres de Cochabamba se reunieron con el prefecto.", "GOV"),
        ("Tres campesinas fueron detenidas en Chiapas.", "AGR"),
        ("Las ministras de Finanzas de la región se reunieron en Lima.", "GOV"),
        ("Los gobernadores de Nigeria firmaron un acuerdo con el gobierno federal.", "GOV"),
    ],
)
def test_plural_and_feminine_sector_nouns_name_a_side(res: Resources, text: str, expected: str) -> None:
    from alianza.actors import ArticleContext, find_mentions

    assert expected in [m.actor.sector for m in find_mentions(text, "es", res.kb, ArticleContext())]


def test_a_fiscal_measure_is_no_prosecutor(res: Resources) -> None:
    from alianza.actors import ArticleContext, find_mentions

    got = find_mentions("El Congreso aprobó las medidas fiscales del gobierno.", "es", res.kb, ArticleContext())
    assert "JUD" not in [m.actor.sector for m in got]


def test_suspending_work_in_protest_is_no_end_of_a_protest(res: Resources) -> None:
    text = "Los alcaldes de Antioquia suspendieron sus actividades en protesta por la violencia."
    assert "CONCEDE" not in [e["type"] for e in events(text, "es", res)]
    assert "CONCEDE" in [e["type"] for e in events("Los maestros hondureños suspendieron la huelga.", "es", res)]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Sin embargo, Cuba criticó a Estados Unidos por el bloqueo.", "USA"),
        ("Venezuela condenó el ataque de Colombia contra las FARC en Ecuador.", "COL"),
    ],
)
def test_a_criticism_is_addressed_to_its_object_not_to_its_motive(res: Resources, text: str, target: str) -> None:
    evs = [e for e in events(text, "es", res) if e["type"] == "ACCUSE"]
    assert evs and (evs[0].get("target") or {}).get("country") == target, evs
    assert "SANCTION" not in [e["type"] for e in events(text, "es", res)]  # "sin embargo" is no embargo


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("La población de Potosí demanda agua potable.", "REQUEST"),
        ("Greenpeace denuncia a la petrolera Repsol por el derrame en Perú.", "ACCUSE"),
        ("Washington condena el golpe de Estado en Honduras.", "ACCUSE"),
    ],
)
def test_a_present_tense_verb_the_tagger_made_a_noun_is_a_verb(res: Resources, text: str, etype: str) -> None:
    assert etype in [e["type"] for e in events(text, "es", res)]


def test_the_noun_homograph_stays_a_noun_where_a_verb_heads_the_sentence(res: Resources) -> None:
    assert "THREATEN" not in [e["type"] for e in events("La amenaza de la guerrilla preocupa al gobierno.", "es", res)]


def test_a_threat_to_an_unresolved_pronoun_by_an_unplaced_group_is_no_new_event(res: Resources) -> None:
    assert "THREATEN" not in [e["type"] for e in events("Paramilitares los declararon objetivo militar.", "es", res)]


@pytest.mark.parametrize(
    "text",
    [
        "Los campesinos se oponen a la nueva ley de tierras.",
        "Polonia se opone a la entrada de Turquía en la Unión Europea.",
    ],
)
def test_oponerse_is_a_refusal(res: Resources, text: str) -> None:
    assert "REJECT" in [e["type"] for e in events(text, "es", res)]
