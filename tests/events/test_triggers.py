"""events/triggers.py: does an entry fire on a word, and what type and mode it codes."""

from __future__ import annotations

import pytest

from alianza.pipeline import Resources

from .helpers import code_of, events, one


def test_coder_phone_call_with_support_verb(res: Resources) -> None:
    e = one(
        events(
            "El presidente francés, Emmanuel Macron, sostuvo una conversación telefónica con el "
            "canciller alemán, Friedrich Merz.",
            "es",
            res,
        ),
        "CONSULT",
    )
    assert e["mode"] == "phone" and e["status"] == "occurred"
    assert {code_of(e["source"]), code_of(e["target"])} == {"FRA GOV", "DEU GOV"}
    assert e["rule"].startswith("es/consult.yaml#") and "conversación" in e["evidence"]["trigger"]


def test_coder_capitalised_word_is_a_name_not_a_trigger(res: Resources) -> None:
    assert not [e for e in events("Serbia eased emergency measures in March.", "en", res) if e["type"] == "PROTEST"]


def test_coder_generic_nouns_and_thing_subjects_make_no_event(res: Resources) -> None:
    assert events("Cualquier negociación con Rusia debe incluir a Ucrania.", "es", res) == []
    assert events("Esta visita destaca la buena relación entre Francia y Alemania.", "es", res) == []
    assert events("Human rights groups expressed concern about the alliance.", "en", res) == []


def test_coder_foreign_troops_in_territory_are_military_aid(res: Resources) -> None:
    e = one(
        events("La presencia de 2,000 soldados bielorrusos en territorio ruso preocupa a Polonia.", "es", res), "AID"
    )
    assert (e["source"]["code"], e["target"]["country"], e["mode"]) == ("BLR MIL", "RUS", "military")


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        ("Kenya lifted the state of emergency in Mombasa on Friday.", "CONCEDE", "KEN", None),
        ("The Bolivian government accepted demands from the miners' union.", "CONCEDE", "BOL", None),
        ("Nigerian teachers called off their strike against the government.", "CONCEDE", "NGA", None),
        ("The Dutch foreign minister cancelled a planned visit to Turkey.", "SANCTION", "NLD", "TUR"),
        ("Italy suspended air links with Libya on Wednesday.", "SANCTION", "ITA", "LBY"),
        ("Saudi-led forces attacked Houthi positions in Yemen.", "ASSAULT", "SAU", None),
    ],
)
def test_coder_english_concessions_sanctions_and_led_forces(
    res: Resources, text: str, etype: str, source: str, target: str | None
) -> None:
    e = one(events(text, "en", res), etype)
    assert e["source"]["country"] == source
    if target:
        assert e["target"]["country"] == target


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("President Macron gave a warm welcome to the Kenyan president on Thursday.", "CONSULT"),
        ("Qatar launched a mediation effort between Egypt and Sudan.", "CONSULT"),
        ("Turkey speeded up the withdrawal of its forces from Cyprus.", "RETREAT"),
        ("Hezbollah declared a unilateral ceasefire in southern Lebanon.", "RETREAT"),
        ("Settlers set fire to the offices of the Palestinian administration.", "COERCE"),
        ("Norway handed over ten tons of medicine to Sudan.", "AID"),
        ("Egypt has been sharing expertise with Libya.", "COOPERATE"),
        ("France and Egypt launched joint war games in the Mediterranean.", "COOPERATE"),
        ("The Serbian police launched an investigation into the killing of two Croatian farmers.", "ACCUSE"),
    ],
)
def test_coder_more_english_entries(res: Resources, text: str, etype: str) -> None:
    assert one(events(text, "en", res), etype)


@pytest.mark.parametrize(
    ("text", "etype", "source_sector", "target_sector"),
    [
        ("Guerrilleros del ELN bloquearon la vía a Cúcuta durante dos días.", "ASSAULT", "REB", None),
        ("Guerrilleros de las FARC se llevaron a un campesino con rumbo desconocido.", "ASSAULT", "REB", "AGR"),
        ("Un campesino murió al pisar una mina en una vereda de Antioquia.", "ASSAULT", None, "AGR"),
        ("El personero del municipio recibió amenazas contra su vida.", "THREATEN", None, "GOV"),
    ],
)
def test_coder_spanish_conflict_reporting(
    res: Resources, text: str, etype: str, source_sector: str | None, target_sector: str | None
) -> None:
    e = one(events(text, "es", res), etype)
    if source_sector:
        assert e["source"]["sector"] == source_sector
    if target_sector:
        assert e["target"]["sector"] == target_sector


def test_coder_suspension_of_links_is_a_sanction(res: Resources) -> None:
    e = one(events("Italy announced a suspension of air links with Serbia on Wednesday.", "en", res), "SANCTION")
    assert (e["source"]["country"], e["target"]["country"]) == ("ITA", "SRB")


def test_coder_a_noun_subject_of_the_same_act_is_not_a_second_event(res: Resources) -> None:
    evs = events("A car bombing in Kabul killed three Afghan soldiers on Sunday.", "en", res)
    assert [e["type"] for e in evs] == ["ASSAULT"] and evs[0]["evidence"]["trigger"] == "killed"


def test_coder_background_event_nouns_without_agent_are_not_reported(res: Resources) -> None:
    evs = events("Ottawa praised Kenya's support during the invasion of Haiti.", "en", res)
    assert not [e for e in evs if e["type"] == "ASSAULT"]
    # the same noun as the clause's subject is a report: "the massacre of 20 farmers shocked Peru"
    assert one(events("La masacre de veinte campesinos en Cauca conmocionó a Colombia.", "es", res), "ASSAULT")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police opened fire on the marchers in Lagos.", "en"),
        ("Soldados abrieron fuego contra los manifestantes en Caracas.", "es"),
    ],
)
def test_coder_opening_fire_is_an_attack(res: Resources, text: str, lang: str) -> None:
    assert one(events(text, lang, res), "ASSAULT")["mode"] == "shoot"


@pytest.mark.parametrize(
    ("text", "lang", "etype", "mode"),
    [
        ("Russian troops arrived in Belarus on Monday.", "en", "MOBILIZE", "troops"),
        ("Bangladeshi peacekeeping troops arrived in Sierra Leone on Tuesday.", "en", "AID", "peacekeeping"),
        ("Los cascos azules de la ONU llegaron a Haití.", "es", "AID", "peacekeeping"),
        ("Putin arrived in Beijing on Monday.", "en", "CONSULT", "visit"),
    ],
)
def test_coder_who_arrives_decides_what_arriving_is(
    res: Resources, text: str, lang: str, etype: str, mode: str
) -> None:
    assert one(events(text, lang, res), etype)["mode"] == mode


def test_coder_stative_engaged_and_political_modifiers(res: Resources) -> None:
    e = one(
        events("Irish nationalist guerrillas were engaged in fighting against British soldiers.", "en", res), "ASSAULT"
    )
    assert (e["source"]["code"], e["target"]["code"]) == ("IRL REB", "GBR MIL")


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("The German government welcomed the French president's statement.", "SUPPORT", "praise"),
        ("The German chancellor welcomed the French president in Berlin.", "CONSULT", "host"),
    ],
)
def test_coder_welcoming_a_person_is_hosting_a_thing_is_praise(
    res: Resources, text: str, etype: str, mode: str
) -> None:
    evs = events(text, "en", res)
    assert [(e["type"], e["mode"]) for e in evs] == [(etype, mode)]


def test_coder_words_of_a_reported_clause_do_not_qualify_the_reporting_verb(res: Resources) -> None:
    evs = events("Israel reimposed blockades in the West Bank on Friday, a military spokesman announced.", "en", res)
    assert [e["type"] for e in evs] == ["COERCE"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("North Korea expelled the inspectors of the agency from Yongbyon.", "en"),
        ("Nicaragua expulsó a los observadores de la misión de la OEA.", "es"),
    ],
)
def test_coder_expelling_inspectors_or_observers_reduces_relations(res: Resources, text: str, lang: str) -> None:
    assert one(events(text, lang, res), "SANCTION")["mode"] == "expel"


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        # withdrawing inspectors or envoys reduces relations (CAMEO 16); withdrawing troops is a retreat
        ("Canada withdrew its election observers from Venezuela.", "SANCTION", "diplomatic"),
        ("Russia withdrew its troops from Kherson.", "RETREAT", "withdraw"),
    ],
)
def test_coder_what_is_withdrawn_decides_the_event(res: Resources, text: str, etype: str, mode: str) -> None:
    assert one(events(text, "en", res), etype)["mode"] == mode


@pytest.mark.parametrize(
    ("text", "lang", "etype", "source", "target"),
    [
        (
            "Nicaragua's Sandinista government ordered the opposition newspaper to suspend publication.",
            "en",
            "COERCE",
            "NIC GOV",
            "NIC MED",
        ),
        ("El Gobierno venezolano ordenó a la emisora cerrar sus estudios.", "es", "COERCE", "VEN GOV", None),
        ("The Israeli army lifted a day-old blockade on Palestinian lorries.", "en", "RETREAT", "ISR MIL", "PSE"),
        ("Burmese troops captured a Karen guerrilla stronghold on the border.", "en", "ASSAULT", "MMR MIL", "MMR REB"),
        (
            "French and Egyptian warships launched joint war games in the Mediterranean.",
            "en",
            "COOPERATE",
            "FRA MIL",
            None,
        ),
    ],
)
def test_coder_orders_blockades_strongholds_and_war_games(
    res: Resources, text: str, lang: str, etype: str, source: str, target: str | None
) -> None:
    e = one(events(text, lang, res), etype)
    assert e["source"]["code"] == source
    if target is not None:
        assert target in (e["target"]["code"], e["target"]["country"])


@pytest.mark.parametrize(
    "text",
    [
        "El cadáver de un hombre fue encontrado en la carretera de Bolívar.",  # found, not met
        "Hombres armados llegaron a la vivienda del campesino en Sucre.",  # arrived, not a visit
        "Guerrilleros mataron al médico cuando se desplazaba hacia el pueblo en Tolima.",  # travelling
        "El menor le manifestó a su madre que iba a la tienda en Cali.",  # said, not protested
    ],
)
def test_coder_spanish_words_with_a_harmless_reading(res: Resources, text: str) -> None:
    assert not [e for e in events(text, "es", res) if e["type"] in ("CONSULT", "PROTEST", "COERCE")]
