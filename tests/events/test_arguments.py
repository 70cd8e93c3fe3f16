"""events/arguments.py (and the shared parse, events/sentence.py): the source and target of a trigger."""

from __future__ import annotations

import pytest

from alianza.pipeline import Resources

from .helpers import code_of, events, one


def test_coder_spanish_passive_takes_the_agent_as_source(res: Resources) -> None:
    e = one(
        events("Los soldados colombianos fueron atacados por guerrilleros del ELN en el Cauca.", "es", res), "ASSAULT"
    )
    assert code_of(e["source"]) == "COL REB" and code_of(e["target"]) == "COL MIL"


def test_coder_receiving_aid_reverses_the_roles(res: Resources) -> None:
    e = one(events("Armenia recibe de Francia ayuda militar y armas.", "es", res), "AID")
    assert code_of(e["source"]) == "FRA" and code_of(e["target"]) == "ARM" and e["mode"] == "military"


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


def test_coder_noun_in_an_adjunct_does_not_take_the_clause_subject(res: Resources) -> None:
    evs = events("The police imposed a curfew in Lagos after violent protests.", "en", res)
    assert not [e for e in evs if e["type"] == "PROTEST"]
    assert one(events("Thousands of students staged a protest against the government in Lagos.", "en", res), "PROTEST")


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


def test_coder_genitive_of_invasion_nouns_is_the_target(res: Resources) -> None:
    e = one(events("The invasion of Kuwait by Iraq shocked the region.", "en", res), "ASSAULT")
    assert (e["source"]["country"], e["target"]["country"]) == ("IRQ", "KWT")


def test_coder_prepositions_on_the_object_noun_and_conditions_give_targets(res: Resources) -> None:
    e = one(events("Peru issued an ultimatum to Ecuador on Monday.", "en", res), "THREATEN")
    assert e["target"]["country"] == "ECU"
    e = one(events("Russia threatened to leave the talks if Japan deploys the new missiles.", "en", res), "THREATEN")
    assert e["target"]["country"] == "JPN"
    # someone else's guess is no threat: analysts' "could" stays a hypothetical attack
    e = one(events("Russia could attack Moldova next year, analysts warned.", "en", res), "ASSAULT")
    assert e["status"] == "hypothetical"


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


def test_coder_a_statement_condemning_is_its_issuers_condemnation(res: Resources) -> None:
    evs = events("Chile released a statement condemning the Bolivian decision.", "en", res)
    assert [e["type"] for e in evs] == ["ACCUSE"]  # and releasing a statement is no concession
    assert (evs[0]["source"]["country"], evs[0]["target"]["country"]) == ("CHL", "BOL")
    # a participle on an actor noun is that actor's: the police did not protest
    evs = events("Liberian police dispersed demonstrators protesting the election results.", "en", res)
    protest = one(evs, "PROTEST")
    assert protest["source"]["sector"] == "CVL" and protest["source"]["code"] != "LBR COP"


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


def test_coder_a_demand_noun_takes_its_clause_subject_as_target(res: Resources) -> None:
    e = one(
        events("The Arab League reiterated its demand that Israel ease restrictions on workers.", "en", res), "REQUEST"
    )
    assert e["target"]["country"] == "ISR"


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
    # (a complaint "over" the raids is addressed to their doer and they are its content: test_wrong_sides.py)
    evs = events("Lebanon told the United Nations about two Israeli air raids on Tyre last week.", "en", res)
    e = one(evs, "ASSAULT")
    assert e["source"]["country"] == "ISR" and (e["target"] is None or e["target"]["country"] != "IGO")


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


def test_coder_an_unknown_name_is_who_its_apposition_says(res: Resources) -> None:
    e = one(
        events("Paramilitares amenazaron de muerte a María Elena, presidenta del sindicato, en Antioquia.", "es", res),
        "THREATEN",
    )
    assert e["target"]["code"] == "COL GOV"
    e = one(events("Salah Omar, Algeria's leading human rights activist, began a hunger strike.", "en", res), "PROTEST")
    assert e["source"]["country"] == "DZA"
