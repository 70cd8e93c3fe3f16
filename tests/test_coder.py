from __future__ import annotations

from typing import Any

import pytest

import alianza
from alianza.pipeline import Resources
from alianza.serialize import event_json

from .conftest import PUBLIC_EVENT_KEYS


def events(text: str, lang: str, res: Resources, published: str = "2025-08-12") -> list[dict[str, Any]]:
    coded = alianza.code_text(text, lang=lang, published=published, clean=False, resources=res)
    return [event_json(e) for e in coded.events]


def one(evs: list[dict[str, Any]], etype: str) -> dict[str, Any]:
    found = [e for e in evs if e["type"] == etype]
    assert found, f"no {etype} in {[(e['type'], e['rule']) for e in evs]}"
    return found[0]


def code_of(side: dict[str, Any] | None) -> str | None:
    return side["code"] if side else None


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


def test_coder_negated_acceptance_is_a_rejection(res: Resources) -> None:
    e = one(events("Irán ha dejado claro que no aceptará un acuerdo sobre su programa nuclear.", "es", res), "REJECT")
    assert code_of(e["source"]) == "IRN"


def test_coder_spanish_passive_takes_the_agent_as_source(res: Resources) -> None:
    e = one(
        events("Los soldados colombianos fueron atacados por guerrilleros del ELN en el Cauca.", "es", res), "ASSAULT"
    )
    assert code_of(e["source"]) == "COL REB" and code_of(e["target"]) == "COL MIL"


def test_coder_english_attack_with_quantity(res: Resources) -> None:
    e = one(events("Israeli warplanes bombed Gaza on Tuesday, killing 12 people.", "en", res), "ASSAULT")
    assert code_of(e["source"]) == "ISR MIL"
    assert e["date"] == "2025-08-12"


def test_coder_english_hypothetical_and_claimed(res: Resources) -> None:
    e = one(events("Russia could attack Moldova next year, analysts warned.", "en", res), "ASSAULT")
    assert e["status"] == "hypothetical"
    e = one(events("Ukrainian troops reportedly attacked a Russian base.", "en", res), "ASSAULT")
    assert e["status"] == "claimed"


def test_coder_receiving_aid_reverses_the_roles(res: Resources) -> None:
    e = one(events("Armenia recibe de Francia ayuda militar y armas.", "es", res), "AID")
    assert code_of(e["source"]) == "FRA" and code_of(e["target"]) == "ARM" and e["mode"] == "military"


def test_coder_every_event_has_the_public_json_fields(res: Resources) -> None:
    keys = PUBLIC_EVENT_KEYS
    for e in events("Egypt and Qatar hosted talks between Israel and Hamas in Cairo.", "en", res):
        assert keys <= set(e)
        assert {"article", "sentence", "start", "end", "trigger"} <= set(e["evidence"])


@pytest.mark.parametrize("lang", ["es", "en"])
def test_coder_no_actor_no_event(res: Resources, lang: str) -> None:
    text = {"es": "Llovió mucho y hubo un ataque de risa.", "en": "It rained and there was an attack of laughter."}
    assert events(text[lang], lang, res) == []


def test_coder_seed_central_events(res: Resources, seed_text: str) -> None:
    coded = alianza.code_text(seed_text, resources=res)
    got = {(e.type, e.source.actor.country if e.source else None) for e in coded.events}
    assert ("CONSULT", "RUS") in got  # the phone call (and the planned summit)
    assert ("SUPPORT", "RUS") in got  # Putin praises North Korea's support
    assert ("REJECT", "UKR") in got and ("REJECT", "IGO") in got
    call = next(e for e in coded.events if e.type == "CONSULT" and e.mode == "phone")
    assert {call.source.actor.code, call.target.actor.code} == {"RUS GOV", "PRK GOV"}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "lang", "etype", "source", "target"),
    [
        ("Iran threatened to cut off gas supplies to Armenia.", "en", "THREATEN", "IRN", "ARM"),
        ("Rusia amenazó con cortar el suministro de gas a Moldavia.", "es", "THREATEN", "RUS", "MDA"),
        ("The United States demanded that North Korea abandon its nuclear programme.", "en", "REQUEST", "USA", "PRK"),
    ],
)
def test_coder_target_from_the_complement_clause(
    res: Resources, text: str, lang: str, etype: str, source: str, target: str
) -> None:
    e = one(events(text, lang, res), etype)
    assert (e["source"]["country"], e["target"]["country"]) == (source, target)


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


def test_coder_noun_in_an_adjunct_does_not_take_the_clause_subject(res: Resources) -> None:
    evs = events("The police imposed a curfew in Lagos after violent protests.", "en", res)
    assert not [e for e in evs if e["type"] == "PROTEST"]
    assert one(events("Thousands of students staged a protest against the government in Lagos.", "en", res), "PROTEST")


def test_coder_capitalised_word_is_a_name_not_a_trigger(res: Resources) -> None:
    assert not [e for e in events("Serbia eased emergency measures in March.", "en", res) if e["type"] == "PROTEST"]


def test_coder_domestic_armed_group_gives_its_country_to_bare_sectors(res: Resources) -> None:
    e = one(events("Guerrilleros de las FARC amenazaron a los campesinos de la región.", "es", res), "THREATEN")
    assert (e["source"]["code"], e["target"]["country"]) == ("COL REB", "COL")


def test_coder_generic_nouns_and_thing_subjects_make_no_event(res: Resources) -> None:
    assert events("Cualquier negociación con Rusia debe incluir a Ucrania.", "es", res) == []
    assert events("Esta visita destaca la buena relación entre Francia y Alemania.", "es", res) == []
    assert events("Human rights groups expressed concern about the alliance.", "en", res) == []


def test_coder_summit_partners_from_participle_and_between(res: Resources) -> None:
    e = one(
        events(
            "Macron habló sobre los preparativos de la cumbre prevista con el canciller alemán, Friedrich Merz, en Berlín.",
            "es",
            res,
        ),
        "CONSULT",
    )
    assert {e["source"]["code"], e["target"]["code"]} == {"FRA GOV", "DEU GOV"} and e["status"] == "planned"
    e = one(
        events("La próxima cumbre entre Macron y Merz se celebrará en Berlín.", "es", res, published="2025-09-01"),
        "CONSULT",
    )
    assert {e["source"]["code"], e["target"]["code"]} == {"FRA GOV", "DEU GOV"}


def test_coder_foreign_troops_in_territory_are_military_aid(res: Resources) -> None:
    e = one(
        events("La presencia de 2,000 soldados bielorrusos en territorio ruso preocupa a Polonia.", "es", res), "AID"
    )
    assert (e["source"]["code"], e["target"]["country"], e["mode"]) == ("BLR MIL", "RUS", "military")


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


def test_coder_genitive_of_invasion_nouns_is_the_target(res: Resources) -> None:
    e = one(events("The invasion of Kuwait by Iraq shocked the region.", "en", res), "ASSAULT")
    assert (e["source"]["country"], e["target"]["country"]) == ("IRQ", "KWT")


def test_coder_what_is_given_in_exchange_goes_back(res: Resources) -> None:
    evs = [
        e
        for e in events(
            "Bielorrusia recibe de Rusia ayuda económica, mientras que proporciona armas a cambio.", "es", res
        )
        if e["type"] == "AID"
    ]
    assert sorted((e["source"]["country"], e["target"]["country"]) for e in evs) == [("BLR", "RUS"), ("RUS", "BLR")]


def test_cheap_pass_knows_participles_and_passive_killing(res: Resources) -> None:
    from alianza.pipeline import is_candidate
    from alianza.types import Sentence

    lex = res.lexicon("es")
    assert "desaparecidas" in lex.trigger_keys and "asesinados" in lex.trigger_keys
    assert is_candidate(Sentence(0, 0, 40, "Dos personas fueron desaparecidas ayer."), "es", lex)
    e = one(events("Una persona fue muerta por hombres armados en Cali.", "es", res), "ASSAULT")
    assert (e["source"]["sector"], e["target"]["sector"], e["mode"]) == ("UAF", "CVL", "kill")


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


def test_coder_protest_addresses_the_authorities_where_it_happens(res: Resources) -> None:
    e = one(events("Thousands of students demonstrated in Chile on Tuesday.", "en", res), "PROTEST")
    assert (e["source"]["country"], e["target"]["country"]) == ("CHL", "CHL")
    e = one(events("Thousands of Chilean students staged a protest on Tuesday.", "en", res), "PROTEST")
    assert e["target"]["code"] == "CHL GOV"  # no addressee named: the authorities where it happens
    evs = events("Two hundred workers began a hunger strike in Bolivia.", "en", res)
    assert one(evs, "PROTEST") and not [x for x in evs if x["type"] == "ASSAULT"]
    evs = events("Israeli strikes on Gaza killed ten people.", "en", res)
    assert one(evs, "ASSAULT")["target"]["country"] == "PSE" and not [x for x in evs if x["type"] == "PROTEST"]


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


def test_actors_official_names_beat_the_shorter_ones(kb_free_res: None = None) -> None:
    from alianza.actors import ArticleContext, find_mentions, load_kb

    got = find_mentions(
        "The Democratic People's Republic of Korea rejected the offer.", "en", load_kb(), ArticleContext()
    )
    assert got[0].actor.country == "PRK"


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


def test_coder_prepositions_on_the_object_noun_and_conditions_give_targets(res: Resources) -> None:
    e = one(events("Peru issued an ultimatum to Ecuador on Monday.", "en", res), "THREATEN")
    assert e["target"]["country"] == "ECU"
    e = one(events("Russia threatened to leave the talks if Japan deploys the new missiles.", "en", res), "THREATEN")
    assert e["target"]["country"] == "JPN"
    # someone else's guess is no threat: analysts' "could" stays a hypothetical attack
    e = one(events("Russia could attack Moldova next year, analysts warned.", "en", res), "ASSAULT")
    assert e["status"] == "hypothetical"


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


def test_actors_new_demonyms_for_every_un_member(res: Resources) -> None:
    from alianza.actors import ArticleContext, find_mentions

    for word, code in [("Burundian", "BDI"), ("Sierra Leonean", "SLE"), ("Guinean", "GIN"), ("Laotian", "LAO")]:
        got = find_mentions(f"{word} troops crossed the border.", "en", res.kb, ArticleContext())
        assert got[0].actor.code == f"{code} MIL", word


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


def test_coder_stative_participle_is_not_a_passive(res: Resources) -> None:
    e = one(events("Turkey is opposed to Swedish membership of the alliance.", "en", res), "REJECT")
    assert e["source"]["country"] == "TUR"


def test_coder_progressive_is_not_passive(res: Resources) -> None:
    e = one(events("The Turkish government is refusing to lift the curfew on Diyarbakir.", "en", res), "REJECT")
    assert e["source"]["code"] == "TUR GOV"
    e = one(events("Greek police were attacking the protesters.", "en", res), "ASSAULT")
    assert e["source"]["code"] == "GRC COP"


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        ("President Lula said he is prepared to lift the ban on Venezuelan imports.", "AGREE", "BRA", None),
        ("Denmark accepted a formula for ending its fishing dispute with Norway.", "AGREE", "DNK", None),
        ("France is ready to contribute 4,000 troops to the force in Mali.", "AGREE", "FRA", None),
        ("An Argentine judge ordered the Chilean consul to appear for questioning.", "REQUEST", "ARG", "CHL"),
        ("Amnesty International demanded that the Sudanese government end curbs on the press.", "REQUEST", None, "SDN"),
    ],
)
def test_coder_pronouns_orders_and_ngos(
    res: Resources, text: str, etype: str, source: str | None, target: str | None
) -> None:
    e = one(events(text, "en", res), etype)
    if source:
        assert e["source"]["country"] == source
    if target:
        assert e["target"]["country"] == target


@pytest.mark.parametrize(
    ("text", "etype", "target"),
    [
        ("The Israeli prime minister agreed to Egyptian mediation in the talks.", "AGREE", "EGY"),
        ("Hungary is opposed to Ukrainian membership of the union.", "REJECT", "UKR"),
        ("Russian troops fired rockets at targets in Kharkiv.", "ASSAULT", "UKR"),
    ],
)
def test_coder_targets_through_to_and_the_place_of_an_attack(
    res: Resources, text: str, etype: str, target: str
) -> None:
    assert one(events(text, "en", res), etype)["target"]["country"] == target


def test_coder_a_promise_to_send_is_an_agreement_not_a_deployment(res: Resources) -> None:
    evs = events(
        "El líder norcoreano, Kim Jong-un, prometió enviar más ingenieros militares a la región rusa de Kursk.",
        "es",
        res,
    )
    e = one(evs, "AGREE")
    assert e["target"]["country"] == "RUS" and not [x for x in evs if x["type"] == "MOBILIZE"]


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


def test_coder_one_word_codes_one_event(res: Resources) -> None:
    evs = events("Switzerland expelled two Russian diplomats on Monday.", "en", res)
    assert [e["type"] for e in evs] == ["SANCTION"]


@pytest.mark.parametrize(
    ("text", "lang", "etype", "source", "target"),
    [
        # a state organ's action on people named by a sector alone happens at home
        ("Kenyan police arrested dozens of students on Monday.", "en", "COERCE", "KEN", "KEN"),
        ("La policía boliviana detuvo a varios manifestantes.", "es", "COERCE", "BOL", "BOL"),
        # and those who address a state organ are its country's own
        ("Students demanded reforms from the Malaysian government.", "en", "REQUEST", "MYS", "MYS"),
        # a state organ's domestic measure with no target falls on its own country
        ("The Peruvian government imposed a curfew on Sunday.", "en", "COERCE", "PER", "PER"),
        # an action on a place in another country falls on that country
        ("Serbia lifted the curfew in Montenegro on Sunday.", "en", "CONCEDE", "SRB", "MNE"),
    ],
)
def test_coder_home_country_of_sides_named_by_a_sector(
    res: Resources, text: str, lang: str, etype: str, source: str, target: str
) -> None:
    e = one(events(text, lang, res), etype)
    assert (e["source"]["country"], e["target"]["country"]) == (source, target)


def test_coder_a_foreign_army_does_not_give_its_country_to_its_victims(res: Resources) -> None:
    e = one(events("French troops killed several civilians on Sunday.", "en", res), "ASSAULT")
    assert e["target"] is None or e["target"]["country"] != "FRA"


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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police opened fire on the marchers in Lagos.", "en"),
        ("Soldados abrieron fuego contra los manifestantes en Caracas.", "es"),
    ],
)
def test_coder_opening_fire_is_an_attack(res: Resources, text: str, lang: str) -> None:
    assert one(events(text, lang, res), "ASSAULT")["mode"] == "shoot"


def test_coder_dispersing_a_crowd_is_coercion_and_completes_the_attack(res: Resources) -> None:
    # the purpose clause's target completes the attack; "riot" in "riot police" is no protest
    evs = events("Kenyan riot police fired tear gas to disperse demonstrators in Nairobi.", "en", res)
    assert [e["type"] for e in evs] == ["ASSAULT"] and evs[0]["target"]["code"] == "KEN CVL"
    e = one(events("La policía dispersó a los manifestantes en Quito.", "es", res), "COERCE")
    assert e["mode"] == "repress" and e["target"]["country"] == "ECU"


def test_coder_announced_domestic_measure_targets_the_own_country(res: Resources) -> None:
    e = one(events("The Thai government announced that it is prepared to impose martial law.", "en", res), "THREATEN")
    assert (e["source"]["country"], e["target"]["country"]) == ("THA", "THA")


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


def test_coder_a_demand_noun_takes_its_clause_subject_as_target(res: Resources) -> None:
    e = one(
        events("The Arab League reiterated its demand that Israel ease restrictions on workers.", "en", res), "REQUEST"
    )
    assert e["target"]["country"] == "ISR"


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        # an attack by no one named is the unidentified armed forces' of where it happened (CAMEO UAF)
        ("Two French soldiers were killed by a roadside bomb near the city of Mosul.", "en", "IRQ UAF", "FRA MIL"),
        ("Dos soldados fueron asesinados cerca de la ciudad de Cúcuta.", "es", "COL UAF", "COL MIL"),
        # a place near the subject noun is where, not who; the reporter is not the attacker
        ("A car bomb near the town of Kirkuk killed three Turkish engineers, the army said.", "en", "IRQ UAF", "TUR"),
    ],
)
def test_coder_attacks_by_no_one_named(res: Resources, text: str, lang: str, source: str, target: str) -> None:
    e = one(events(text, lang, res), "ASSAULT")
    assert (e["source"]["code"], e["target"]["code"]) == (source, target)


def test_coder_no_unidentified_attacker_without_a_place(res: Resources) -> None:
    assert one(events("Three Turkish engineers were killed on Sunday.", "en", res), "ASSAULT")["source"] is None


def test_coder_stative_engaged_and_political_modifiers(res: Resources) -> None:
    e = one(
        events("Irish nationalist guerrillas were engaged in fighting against British soldiers.", "en", res), "ASSAULT"
    )
    assert (e["source"]["code"], e["target"]["code"]) == ("IRL REB", "GBR MIL")


def test_coder_a_statement_condemning_is_its_issuers_condemnation(res: Resources) -> None:
    evs = events("Chile released a statement condemning the Bolivian decision.", "en", res)
    assert [e["type"] for e in evs] == ["ACCUSE"]  # and releasing a statement is no concession
    assert (evs[0]["source"]["country"], evs[0]["target"]["country"]) == ("CHL", "BOL")
    # a participle on an actor noun is that actor's: the police did not protest
    evs = events("Liberian police dispersed demonstrators protesting the election results.", "en", res)
    protest = one(evs, "PROTEST")
    assert protest["source"]["sector"] == "CVL" and protest["source"]["code"] != "LBR COP"


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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Israeli cabinet met on Sunday.", "en"),
        ("El gabinete chileno se reunió el domingo.", "es"),
        # a protest noun is not the protest of whoever tolerates or reports it
        ("Egyptian police said they will no longer tolerate rallies.", "en"),
    ],
)
def test_coder_no_event_without_the_other_side(res: Resources, text: str, lang: str) -> None:
    assert not [e for e in events(text, lang, res) if e["type"] in ("CONSULT", "PROTEST")]


def test_coder_two_leaders_meeting_is_still_a_meeting(res: Resources) -> None:
    e = one(events("Vladímir Putin y Kim Jong-un se reunieron en Pionyang.", "es", res), "CONSULT")
    assert {e["source"]["country"], e["target"]["country"]} == {"RUS", "PRK"}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # "al" is "a" + "el": the object of the action, whatever the parser calls it
        ("Paramilitares amenazaron al dirigente sindical del municipio en Antioquia.", "COL"),
        ("Guerrilleros de las FARC secuestraron al educador del colegio.", "COL"),
    ],
)
def test_coder_spanish_contracted_preposition_marks_the_target(res: Resources, text: str, target: str) -> None:
    evs = events(text, "es", res)
    assert evs and evs[0]["target"] is not None and evs[0]["target"]["country"] == target


def test_coder_a_sector_word_used_as_an_adjective_is_no_actor(res: Resources) -> None:
    e = one(
        events("Palestinian leaders said they would boycott all official contact with Israel.", "en", res), "THREATEN"
    )
    assert e["target"]["country"] == "ISR"


def test_coder_what_someone_must_do_with_a_support_noun_is_still_a_demand(res: Resources) -> None:
    evs = events("Britain's foreign secretary said that the Sudanese government must reach an agreement.", "en", res)
    assert [e["type"] for e in evs] == ["REQUEST"] and evs[0]["target"]["country"] == "SDN"


def test_coder_the_reporting_verbs_date_is_not_the_events(res: Resources) -> None:
    e = one(
        events("The United Nations will provide food aid to refugees in Liberia, the WFP said on Monday.", "en", res),
        "AGREE",
    )
    assert e["target"]["country"] == "LBR"  # announced aid is an agreement, not a dated delivery


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


def test_coder_what_is_demanded_is_content_even_deep_in_the_object(res: Resources) -> None:
    evs = events(
        "Hungary said it will support a UN resolution that aims to impose a naval blockade against Serbia.", "en", res
    )
    assert [e["type"] for e in evs] == ["AGREE"]  # the resolution's content is no sanction or coercion


@pytest.mark.parametrize(
    ("text", "etype", "target"),
    [
        ("The United States suspended part of a military aid program for Bosnia.", "SANCTION", "BIH"),
        ("The United States speeded up the withdrawal of its forces from Panama.", "RETREAT", "PAN"),
        ("Britain mobilized army reservists for a possible war against Iraq.", "MOBILIZE", "IRQ"),
    ],
)
def test_coder_a_target_deep_in_the_trigger_phrase(res: Resources, text: str, etype: str, target: str) -> None:
    assert one(events(text, "en", res), etype)["target"]["country"] == target


def test_coder_a_noun_event_does_not_take_its_clause_verbs_arguments(res: Resources) -> None:
    evs = events("Lebanon complained to the United Nations over two Israeli air raids last Friday.", "en", res)
    e = one(evs, "ASSAULT")
    assert e["source"]["country"] == "ISR" and (e["target"] is None or e["target"]["country"] != "IGO")


def test_coder_a_title_alone_acting_on_a_countrys_people_is_that_countrys(res: Resources) -> None:
    e = one(events("The president reneged on his commitment to the Zambian people.", "en", res), "REJECT")
    assert (e["source"]["code"], e["target"]["code"]) == ("ZMB GOV", "ZMB CVL")


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


def test_coder_insurgents_attacking_a_place_of_their_country_target_it(res: Resources) -> None:
    e = one(events("Afghan rebels exploded a series of bombs in the capital Kabul.", "en", res), "ASSAULT")
    assert (e["source"]["code"], e["target"]["country"]) == ("AFG REB", "AFG")


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
    "text",
    [
        "NATO confirmed on Wednesday it would tighten the naval blockade of Serbia.",
        "The Ivorian president announced that he will extend the curfew in Abidjan.",
        "Greece plans to impose restrictions on Turkish imports from 1 May.",
    ],
)
def test_coder_announced_hostile_measures_are_threats(res: Resources, text: str) -> None:
    assert [e["type"] for e in events(text, "en", res)] == ["THREATEN"]


def test_actors_historical_names_of_the_eu_and_titles_of_igo_heads(res: Resources) -> None:
    e = one(
        events("The European Community may halt mediation among Serbia's republics if talks fail.", "en", res),
        "THREATEN",
    )
    assert e["source"]["code"] == "IGO EU"
    e = one(
        events("U.N. Secretary-General Kofi Annan said he will withdraw the inspectors from Iraq.", "en", res),
        "THREATEN",
    )
    assert e["source"]["code"] == "IGO UN" and e["target"]["country"] == "IRQ"


def test_coder_a_blockade_names_its_place(res: Resources) -> None:
    e = one(events("French farmers blockaded Lyon on Monday.", "en", res), "PROTEST")
    assert e["mode"] == "obstruct" and e["target"]["country"] == "FRA"
    assert not events("The committee blocked the proposal.", "en", res)


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


def test_coder_a_preposition_left_without_its_object_takes_the_next_actor(res: Resources) -> None:
    e = one(
        events(
            "Peru has granted diplomatic asylum to five Panamanian army officers holed up in a residence.", "en", res
        ),
        "AID",
    )
    assert e["target"]["code"] == "PAN MIL"


def test_coder_coordinated_object_takes_the_conjuncts_actor(res: Resources) -> None:
    e = one(events("Paramilitares ejecutaron al Taita y Gobernador del Cabildo en Cauca.", "es", res), "ASSAULT")
    assert e["target"]["code"] == "COL GOV"
    # fighting "between" two sides: the second conjunct is the target, whatever the type
    e = one(
        events("Los combates entre tropas etíopes y soldados eritreos dejaron decenas de muertos.", "es", res),
        "ASSAULT",
    )
    assert (e["source"]["code"], e["target"]["code"]) == ("ETH MIL", "ERI MIL")


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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hamás acusó a Israel de sabotear las negociaciones de alto el fuego.", "es"),
        ("Hamas accused Israel of sabotaging the ceasefire talks.", "en"),
    ],
)
def test_coder_the_object_of_an_accused_act_is_its_content(res: Resources, text: str, lang: str) -> None:
    assert [e["type"] for e in events(text, lang, res)] == ["ACCUSE"]


def test_coder_an_unknown_name_is_who_its_apposition_says(res: Resources) -> None:
    e = one(
        events("Paramilitares amenazaron de muerte a María Elena, presidenta del sindicato, en Antioquia.", "es", res),
        "THREATEN",
    )
    assert e["target"]["code"] == "COL GOV"
    e = one(events("Salah Omar, Algeria's leading human rights activist, began a hunger strike.", "en", res), "PROTEST")
    assert e["source"]["country"] == "DZA"


def test_cheap_pass_reads_the_last_word_of_a_sentence(res: Resources) -> None:
    from alianza.nlp.sentences import split_sentences
    from alianza.pipeline import is_candidate

    (s,) = split_sentences("Salah Omar, Algeria's leading human rights activist, began a hunger strike.")
    assert is_candidate(s, "en", res.lexicon("en"))
    (s,) = split_sentences("Nada pasó aquí.")
    assert not is_candidate(s, "es", res.lexicon("es"))


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
