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
