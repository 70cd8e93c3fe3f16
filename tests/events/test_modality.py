"""events/modality.py: status, claims, announcements (AGREE, THREATEN) and demands (REQUEST)."""

from __future__ import annotations

import pytest

from alianza.pipeline import Resources

from .helpers import code_of, events, one


def test_coder_negated_acceptance_is_a_rejection(res: Resources) -> None:
    e = one(events("Irán ha dejado claro que no aceptará un acuerdo sobre su programa nuclear.", "es", res), "REJECT")
    assert code_of(e["source"]) == "IRN"


def test_coder_english_hypothetical_and_claimed(res: Resources) -> None:
    e = one(events("Russia could attack Moldova next year, analysts warned.", "en", res), "ASSAULT")
    assert e["status"] == "hypothetical"
    e = one(events("Ukrainian troops reportedly attacked a Russian base.", "en", res), "ASSAULT")
    assert e["status"] == "claimed"


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        ("Finland will give Kenya a grant of ten million euros.", "en", "FIN", "KEN"),
        ("Norway is willing to send humanitarian aid to Estonia.", "en", "NOR", "EST"),
        ("Francia está dispuesta a enviar ayuda humanitaria a Haití.", "es", "FRA", "HTI"),
    ],
)
def test_coder_announced_cooperation_is_an_expression_of_intent(
    res: Resources, text: str, lang: str, source: str, target: str | None
) -> None:
    e = one(events(text, lang, res), "AGREE")
    assert e["source"]["country"] == source and (target is None or e["target"]["country"] == target)


def test_coder_dated_appointment_stays_a_planned_meeting(res: Resources) -> None:
    e = one(
        events(
            "El presidente ruso, Vladímir Putin, se reunirá con el líder norcoreano, Kim Jong-un, el próximo 15 de septiembre.",
            "es",
            res,
        ),
        "CONSULT",
    )
    assert e["status"] == "planned" and e["date"] == "2025-09-15"


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        ("Brazil said on Monday that Paraguay must return the seized aircraft.", "en", "BRA", "PRY"),
        ("El Gobierno de Chile declaró que Bolivia debe respetar el tratado.", "es", "CHL", "BOL"),
    ],
)
def test_coder_what_someone_must_do_is_a_demand(res: Resources, text: str, lang: str, source: str, target: str) -> None:
    evs = events(text, lang, res)
    e = one(evs, "REQUEST")
    assert (e["source"]["country"], e["target"]["country"]) == (source, target)
    assert e["rule"].endswith("#deontic-clause") and len(evs) == 1  # the demanded action is not coded


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("Greece plans to impose restrictions on Albanian imports.", "en", "GRC"),
        ("Nigeria will withdraw its troops from Chad unless the fighting stops.", "en", "NGA"),
        ("Colombia impondrá sanciones a Venezuela si no libera a los detenidos.", "es", "COL"),
    ],
)
def test_coder_announced_hostile_action_is_a_threat(res: Resources, text: str, lang: str, source: str) -> None:
    e = one(events(text, lang, res), "THREATEN")
    assert e["source"]["country"] == source and e["status"] == "occurred"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Syria said it will not accept the peace plan.", "en"),
        ("The United States said it would not meet with the Taliban envoys.", "en"),
        ("Hungría no enviará ayuda militar a Ucrania.", "es"),
    ],
)
def test_coder_negated_cooperation_is_a_rejection(res: Resources, text: str, lang: str) -> None:
    evs = events(text, lang, res)
    assert one(evs, "REJECT")["status"] == "occurred"
    assert not [e for e in evs if e["type"] in ("CONSULT", "AID", "CONCEDE", "AGREE")]


def test_coder_a_promise_to_send_is_an_agreement_not_a_deployment(res: Resources) -> None:
    evs = events(
        "El líder norcoreano, Kim Jong-un, prometió enviar más ingenieros militares a la región rusa de Kursk.",
        "es",
        res,
    )
    e = one(evs, "AGREE")
    assert e["target"]["country"] == "RUS" and not [x for x in evs if x["type"] == "MOBILIZE"]


@pytest.mark.parametrize(
    ("text", "lang", "etype", "target"),
    [
        # a promise to do harm is a threat, a promise to help an agreement
        ("Iran vowed to retaliate against Israel.", "en", "THREATEN", "ISR"),
        ("Japan pledged to send aid to Haiti.", "en", "AGREE", "HTI"),
        # a protest lodged with a government is a diplomatic complaint
        ("Serbia lodged an official protest with Albania today.", "en", "ACCUSE", "ALB"),
        ("Chile presentó una nota de protesta ante el Gobierno de Bolivia.", "es", "ACCUSE", "BOL"),
    ],
)
def test_coder_promises_and_diplomatic_protests(res: Resources, text: str, lang: str, etype: str, target: str) -> None:
    evs = events(text, lang, res)
    assert [e["type"] for e in evs] == [etype] and evs[0]["target"]["country"] == target


def test_coder_what_someone_must_do_with_a_support_noun_is_still_a_demand(res: Resources) -> None:
    evs = events("Britain's foreign secretary said that the Sudanese government must reach an agreement.", "en", res)
    assert [e["type"] for e in evs] == ["REQUEST"] and evs[0]["target"]["country"] == "SDN"


@pytest.mark.parametrize(
    "text",
    [
        "NATO confirmed on Wednesday it would tighten the naval blockade of Serbia.",
        "The Ivorian president announced that he will extend the curfew in Abidjan.",
        "Greece plans to impose restrictions on Turkish imports from 1 May.",
    ],
)
def test_coder_announced_hostile_measures_are_threats(res: Resources, text: str) -> None:
    assert [e["type"] for e in events(text, "en", res)] == ["THREATEN"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Los maestros iniciarán una huelga si el gobierno no paga los salarios atrasados.", "es"),
        ("Los camioneros realizarán un bloqueo de carreteras a menos que el gobierno baje el precio del diésel.", "es"),
        ("El sindicato de mineros advirtió que, si no hay aumento, convocará un paro nacional en Bolivia.", "es"),
        ("Si no hay acuerdo, Bolivia impondrá sanciones a Chile.", "es"),
    ],
)
def test_coder_hostile_act_on_a_condition_is_a_threat(res: Resources, text: str, lang: str) -> None:
    """A strike, blockade or sanction told by a noun, planned on a condition ("si no ...", "a menos
    que"), is a threat (CAMEO 13), as a verb's is; with no condition a planned strike stays planned."""
    evs = events(text, lang, res)
    assert [e["type"] for e in evs] == ["THREATEN"], evs


def test_coder_planned_strike_without_condition_stays_planned(res: Resources) -> None:
    e = one(events("Los sindicatos argentinos convocarán un paro nacional el lunes.", "es", res), "PROTEST")
    assert e["status"] == "planned"


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Rusia tomará contramedidas contra Finlandia por su ingreso en la OTAN.", "es", "THREATEN"),
        ("China adoptó represalias contra Lituania el viernes.", "es", "SANCTION"),
        ("Russia will take countermeasures against Finland.", "en", "THREATEN"),
        ("La Russie prendra des contre-mesures contre la Finlande.", "fr", "THREATEN"),
    ],
)
def test_coder_countermeasures_are_sanctions_and_announced_threats(
    res: Resources, text: str, lang: str, kind: str
) -> None:
    one(events(text, lang, res), kind)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The rebels vowed to fight on in the north.", "en"),
        ("Rebel commanders swore to retaliate against the army.", "en"),
    ],
)
def test_coder_a_group_vowing_harm_threatens_and_does_not_act(res: Resources, text: str, lang: str) -> None:
    """A vow by a group named by its sector is someone's vow: a threat (vows_of_hostility), and the
    fighting vowed is not coded as done."""
    evs = events(text, lang, res)
    assert "THREATEN" in [e["type"] for e in evs]
    assert not [e for e in evs if e["type"] == "ASSAULT" and e["status"] == "occurred"], evs
