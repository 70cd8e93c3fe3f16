"""events/details.py: the date, place and quantity of an event."""

from __future__ import annotations

from alianza.pipeline import Resources

from .helpers import code_of, events, one


def test_coder_planned_summit_with_date_and_place(res: Resources) -> None:
    e = one(
        events(
            "Putin anunció una cumbre con el presidente de Estados Unidos, Donald Trump, en Alaska, "
            "el próximo 15 de agosto.",
            "es",
            res,
        ),
        "CONSULT",
    )
    assert e["status"] == "planned" and e["date"] == "2025-08-15"
    assert code_of(e["target"]) == "USA GOV"


def test_coder_english_attack_with_quantity(res: Resources) -> None:
    e = one(events("Israeli warplanes bombed Gaza on Tuesday, killing 12 people.", "en", res), "ASSAULT")
    assert code_of(e["source"]) == "ISR MIL"
    assert e["date"] == "2025-08-12"


def test_coder_participle_event_keeps_its_own_date(res: Resources) -> None:
    evs = events(
        "El presidente francés, Emmanuel Macron, habló con el canciller alemán, Friedrich Merz. Ambos líderes "
        "reafirmaron su compromiso con el tratado de amistad firmado en marzo de 2023.",
        "es",
        res,
    )
    agrees = sorted((e["date"] or "", e["evidence"]["trigger"]) for e in evs if e["type"] == "AGREE")
    assert agrees == [("", "reafirmaron"), ("2023-03", "firmado")]
    assert all({e["source"]["country"], e["target"]["country"]} == {"FRA", "DEU"} for e in evs if e["type"] == "AGREE")


def test_coder_the_reporting_verbs_date_is_not_the_events(res: Resources) -> None:
    e = one(
        events("The United Nations will provide food aid to refugees in Liberia, the WFP said on Monday.", "en", res),
        "AGREE",
    )
    assert e["target"]["country"] == "LBR"  # announced aid is an agreement, not a dated delivery


def test_coder_a_blockade_names_its_place(res: Resources) -> None:
    e = one(events("French farmers blockaded Lyon on Monday.", "en", res), "PROTEST")
    assert e["mode"] == "obstruct" and e["target"]["country"] == "FRA"
    assert not events("The committee blocked the proposal.", "en", res)
