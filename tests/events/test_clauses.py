"""events/clauses.py: which triggers a sentence reports as events (embedded, content, charge, adjunct clauses)."""

from __future__ import annotations

import pytest

from alianza.pipeline import Resources

from .helpers import events, one


@pytest.mark.parametrize(
    ("text", "lang", "kept", "dropped"),
    [
        ("Turkey refused to meet the Greek delegation in Athens.", "en", "REJECT", "CONSULT"),
        ("Turquía se negó a reunirse con la delegación griega.", "es", "REJECT", "CONSULT"),
        ("Estados Unidos acusó a Pionyang de suministrar municiones a Rusia.", "es", "ACCUSE", "AID"),
        ("Iran threatened to impose sanctions on Azerbaijan.", "en", "THREATEN", "SANCTION"),
    ],
)
def test_coder_embedded_action_is_the_content_not_a_second_event(
    res: Resources, text: str, lang: str, kept: str, dropped: str
) -> None:
    evs = events(text, lang, res)
    assert one(evs, kept) and not [e for e in evs if e["type"] == dropped]


@pytest.mark.parametrize(
    ("text", "lang", "types"),
    [
        # a purpose clause says what the event is for
        ("Farmers in Kenya staged protests to demand higher prices from the government.", "en", ["PROTEST"]),
        ("Campesinos marcharon en Bogotá para exigir tierras al Gobierno.", "es", ["PROTEST"]),
        # the demands a protest voices are its content
        ("Students blocked roads in Dhaka demanding the release of their leaders.", "en", ["PROTEST"]),
        # a background event of a place is not reported
        ("Polish police arrested ten people in the town where three officers were killed last year.", "en", ["COERCE"]),
        # different acts in participle clauses are different events
        ("Nigerian police opened fire on the crowd, arresting twelve people.", "en", ["ASSAULT", "COERCE"]),
    ],
)
def test_coder_adjunct_clauses_of_an_event(res: Resources, text: str, lang: str, types: list[str]) -> None:
    assert sorted(e["type"] for e in events(text, lang, res)) == types


def test_coder_the_result_of_an_attack_is_its_toll_not_a_second_attack(res: Resources) -> None:
    evs = events("Rebels attacked a convoy in Mali on Sunday, killing twelve soldiers.", "en", res)
    assert [e["type"] for e in evs] == ["ASSAULT"]
    assert evs[0]["quantity"] is not None and evs[0]["quantity"]["low"] == 12


def test_coder_dispersing_a_crowd_is_coercion_and_completes_the_attack(res: Resources) -> None:
    # the purpose clause's target completes the attack; "riot" in "riot police" is no protest
    evs = events("Kenyan riot police fired tear gas to disperse demonstrators in Nairobi.", "en", res)
    assert [e["type"] for e in evs] == ["ASSAULT"] and evs[0]["target"]["code"] == "KEN CVL"
    e = one(events("La policía dispersó a los manifestantes en Quito.", "es", res), "COERCE")
    assert e["mode"] == "repress" and e["target"]["country"] == "ECU"


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        # a content noun's clause is what might be done, not what was
        ("Hanoi rejected an invitation from Beijing to attend the summit.", "en", "CONSULT"),
        ("Ecuador demanded that Peru cancel its plans to sell arms to Bolivia.", "en", "AID"),
        ("Chile rechazó la propuesta de Perú de enviar tropas a la frontera.", "es", "MOBILIZE"),
    ],
)
def test_coder_the_clause_of_an_offer_or_a_plan_is_not_an_event(
    res: Resources, text: str, lang: str, absent: str
) -> None:
    evs = events(text, lang, res)
    assert evs and absent not in [e["type"] for e in evs]


def test_coder_a_protest_motive_is_part_of_the_protest(res: Resources) -> None:
    e = one(events("Campesinos realizaron una marcha en protesta contra el Gobierno de Chile.", "es", res), "PROTEST")
    assert e["target"]["code"] == "CHL GOV" and e["target"]["text"] == "Gobierno de Chile"
    evs = events("Farmers in Chile staged a march in protest against the new water law.", "en", res)
    assert [e["type"] for e in evs] == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "lang", "target"),
    [
        ("A Canadian missionary was arrested in Lebanon for collaborating with Israel.", "en", "CAN"),
        ("El periodista fue detenido en Caracas por colaborar con la guerrilla colombiana.", "es", "VEN"),
    ],
)
def test_coder_a_charge_is_not_an_event_nor_an_agent(res: Resources, text: str, lang: str, target: str) -> None:
    evs = events(text, lang, res)
    assert [e["type"] for e in evs] == ["COERCE"] and evs[0]["source"] is None
    assert evs[0]["target"]["country"] == target


def test_coder_what_is_demanded_is_content_even_deep_in_the_object(res: Resources) -> None:
    evs = events(
        "Hungary said it will support a UN resolution that aims to impose a naval blockade against Serbia.", "en", res
    )
    assert [e["type"] for e in evs] == ["AGREE"]  # the resolution's content is no sanction or coercion


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Norway is willing to send material to help defend Kuwait.", ["AGREE"]),
        ("Egypt said that the United States must be ready to mediate between Israel and Jordan.", ["REQUEST"]),
    ],
)
def test_coder_what_hangs_under_a_purpose_or_a_demand_is_its_content(
    res: Resources, text: str, types: list[str]
) -> None:
    assert [e["type"] for e in events(text, "en", res)] == types


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hamás acusó a Israel de sabotear las negociaciones de alto el fuego.", "es"),
        ("Hamas accused Israel of sabotaging the ceasefire talks.", "en"),
    ],
)
def test_coder_the_object_of_an_accused_act_is_its_content(res: Resources, text: str, lang: str) -> None:
    assert [e["type"] for e in events(text, lang, res)] == ["ACCUSE"]
