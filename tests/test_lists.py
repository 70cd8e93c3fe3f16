"""Lists of actors: one event per member (events/lists.py, issue 13)."""

from __future__ import annotations

import pytest

import alianza
from alianza.pipeline import Resources


def _coded(res: Resources, text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    coded = alianza.code_text(text, lang=lang, published="2025-05-20", clean=False, resources=res)
    return [
        (e.type, e.source.actor.code if e.source else None, e.target.actor.code if e.target else None)
        for e in coded.events
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Rusia y China felicitaron a Irán por las elecciones.", "es",
         {("SUPPORT", "RUS", "IRN"), ("SUPPORT", "CHN", "IRN")}),
        ("Brasil, Colombia y Argentina condenaron a Venezuela por la represión.", "es",
         {("ACCUSE", "BRA", "VEN"), ("ACCUSE", "COL", "VEN"), ("ACCUSE", "ARG", "VEN")}),
        ("Poland and Lithuania condemned Belarus over the border crisis.", "en",
         {("ACCUSE", "POL", "BLR"), ("ACCUSE", "LTU", "BLR")}),
    ],
)  # fmt: skip
def test_each_state_of_a_listed_side_gets_its_event(
    res: Resources, text: str, lang: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= set(_coded(res, text, lang))


def test_a_crowd_of_several_sectors_is_one_side_and_a_pair_is_not_split(res: Resources) -> None:
    # "sindicatos y estudiantes" march together: one protest (the gold of protest news codes it once)
    got = _coded(res, "Sindicatos y estudiantes paraguayos marcharon contra el Gobierno en Asunción.", "es")
    assert sum(1 for t, _s, _t in got if t == "PROTEST") == 1, got
    # a symmetric agreement between the two members is one event, not one per member
    got = _coded(res, "Chile y Perú firmaron un acuerdo de libre comercio.", "es")
    assert len([g for g in got if g[0] == "AGREE"]) == 1, got
