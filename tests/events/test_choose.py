"""events/choose.py: one event per trigger, and the per-type tie-breaks the lexicon declares."""

from __future__ import annotations

import pytest

from alianza.datafiles import Problem
from alianza.events.lexicon import _yields, load_lexicon
from alianza.events.ontology import load_ontology
from alianza.pipeline import Resources

from .helpers import events


@pytest.mark.parametrize("lang", ["en", "es"])
def test_mobilize_yields_to_aid_by_the_lexicon(lang: str) -> None:
    mobilize = [e for e in load_lexicon(lang).entries if e.type == "MOBILIZE"]
    assert mobilize and all(e.yields_to == {"AID": "recipient"} for e in mobilize)
    assert all(not e.yields_to for e in load_lexicon(lang).entries if e.type != "MOBILIZE")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # sent to a country that receives them: military aid
        ("Alemania envió tanques a Ucrania.", "es", "AID"),
        ("Canada sent troops to Latvia last week.", "en", "AID"),
        # sent to a border or a region: a deployment
        ("Canada sent troops to the border.", "en", "MOBILIZE"),
        ("Japan sent warships to the disputed islands.", "en", "MOBILIZE"),
    ],
)
def test_one_word_codes_one_event_and_a_deployment_to_a_recipient_is_aid(
    res: Resources, text: str, lang: str, expected: str
) -> None:
    types = [e["type"] for e in events(text, lang, res)]
    assert types == [expected]


def test_yields_to_names_types_and_conditions_the_coder_knows() -> None:
    ontology = load_ontology()
    problems: list[Problem] = []
    assert _yields({"AID": "recipient"}, ontology, "x.yaml", problems) == {"AID": "recipient"} and not problems
    assert _yields({"HELP": "recipient", "AID": "nearby"}, ontology, "x.yaml", problems) == {}
    assert [p.path for p in problems] == ["x.yaml", "x.yaml"]
    assert "'HELP' is not a PLOVER type" in problems[0].message and "'nearby'" in problems[1].message
    assert _yields(["AID"], ontology, "y.yaml", problems) == {} and problems[-1].path == "y.yaml"


def test_coder_one_word_codes_one_event(res: Resources) -> None:
    evs = events("Switzerland expelled two Russian diplomats on Monday.", "en", res)
    assert [e["type"] for e in evs] == ["SANCTION"]


@pytest.mark.parametrize(
    ("text", "lang", "etype"),
    [
        ("Alemania enviará a Ucrania tres baterías de misiles Patriot, según anunció el Gobierno.", "es", "AGREE"),
        ("The United States sent missiles to Ukraine on Monday.", "en", "AID"),
        ("Rusia desplegó tropas en la frontera con Ucrania.", "es", "MOBILIZE"),
    ],
)
def test_coder_weapons_sent_to_a_country_are_aid_troops_sent_to_a_border_a_deployment(
    res: Resources, text: str, lang: str, etype: str
) -> None:
    assert [e["type"] for e in events(text, lang, res)] == [etype]
