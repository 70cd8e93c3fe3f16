"""Senses by arguments (issue 13): a verb's arguments, not a dropped verb, tell what it means."""

from __future__ import annotations

import pytest

import alianza
from alianza.pipeline import Resources


def _types(res: Resources, text: str, lang: str) -> list[tuple[str, str | None]]:
    coded = alianza.code_text(text, lang=lang, published="2025-06-30", clean=False, resources=res)
    return [(e.type, e.source.actor.code if e.source else None) for e in coded.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unos 500.000 trabajadores franceses manifestaron en las grandes ciudades.", [("PROTEST", "FRA LAB")]),
        ("Miles de estudiantes chilenos manifestaron contra la reforma en Santiago.", [("PROTEST", "CHL EDU")]),
        ("El ministro peruano manifestó su apoyo al plan de paz.", []),
        ("El canciller argentino manifestó que no habrá cambios en la política exterior.", []),
    ],
)
def test_manifestar_without_se_demonstrates_only_without_an_object_or_a_clause(
    res: Resources, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [x for x in _types(res, text, "es") if x[0] == "PROTEST"] == expected


def test_called_on_and_called_for_are_demands_and_called_someone_is_a_call(res: Resources) -> None:
    assert ("CONSULT", "IGO EU") not in _types(res, "The European Union called on Israel to allow aid into Gaza.", "en")
    assert ("REQUEST", "IGO EU") in _types(res, "The European Union called on Israel to allow aid into Gaza.", "en")
    assert ("CONSULT", "RUS GOV") in _types(res, "Russian President Vladimir Putin called Erdogan on Monday.", "en")


@pytest.mark.parametrize(
    ("text", "lang", "protests"),
    [
        ("Las protestas continuaron el martes en Tegucigalpa.", "es", 1),
        ("Una huelga general afectó el martes a los hospitales de Montevideo.", "es", 1),
        ("PROTESTAN POR AUMENTO DEL PASAJE EN GUAYAQUIL", "es", 1),
        ("La marcha recorrió el centro de Quito.", "es", 1),
        ("The security chief warned he would no longer tolerate rallies in Cairo.", "en", 0),
        ("Thousands converged on Accra to protest against the new tax.", "en", 0),
    ],
)
def test_a_protest_is_coded_even_when_no_one_is_named(res: Resources, text: str, lang: str, protests: int) -> None:
    assert sum(1 for t, _s in _types(res, text, lang) if t == "PROTEST") == protests
