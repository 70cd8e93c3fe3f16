"""events/sides.py: sides completed from context (home sides, state organs, places, UAF, protests, exchanges)."""

from __future__ import annotations

import pytest

from alianza.pipeline import Resources

from .helpers import events, one


def test_coder_domestic_armed_group_gives_its_country_to_bare_sectors(res: Resources) -> None:
    e = one(events("Guerrilleros de las FARC amenazaron a los campesinos de la región.", "es", res), "THREATEN")
    assert (e["source"]["code"], e["target"]["country"]) == ("COL REB", "COL")


def test_coder_what_is_given_in_exchange_goes_back(res: Resources) -> None:
    evs = [
        e
        for e in events(
            "Bielorrusia recibe de Rusia ayuda económica, mientras que proporciona armas a cambio.", "es", res
        )
        if e["type"] == "AID"
    ]
    assert sorted((e["source"]["country"], e["target"]["country"]) for e in evs) == [("BLR", "RUS"), ("RUS", "BLR")]


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


def test_coder_announced_domestic_measure_targets_the_own_country(res: Resources) -> None:
    e = one(events("The Thai government announced that it is prepared to impose martial law.", "en", res), "THREATEN")
    assert (e["source"]["country"], e["target"]["country"]) == ("THA", "THA")


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        # an attack by no one named is the unidentified armed forces' of where it happened (CAMEO UAF)
        ("Two French soldiers were killed by a roadside bomb near the city of Mosul.", "en", "IRQ UAF", "FRA MIL"),
        ("Dos soldados fueron asesinados cerca de la ciudad de Cúcuta.", "es", "COL UAF", "COL MIL"),
        # a place near the subject noun is where, not who; the reporter is not the attacker
        (
            "A car bomb near the town of Kirkuk killed three Turkish engineers, the army said.",
            "en",
            "IRQ UAF",
            "TUR CVL",
        ),  # engineers are civilians (Phoenix agents)
    ],
)
def test_coder_attacks_by_no_one_named(res: Resources, text: str, lang: str, source: str, target: str) -> None:
    e = one(events(text, lang, res), "ASSAULT")
    assert (e["source"]["code"], e["target"]["code"]) == (source, target)


def test_coder_no_unidentified_attacker_without_a_place(res: Resources) -> None:
    assert one(events("Three Turkish engineers were killed on Sunday.", "en", res), "ASSAULT")["source"] is None


def test_coder_a_title_alone_acting_on_a_countrys_people_is_that_countrys(res: Resources) -> None:
    e = one(events("The president reneged on his commitment to the Zambian people.", "en", res), "REJECT")
    assert (e["source"]["code"], e["target"]["code"]) == ("ZMB GOV", "ZMB CVL")


def test_coder_insurgents_attacking_a_place_of_their_country_target_it(res: Resources) -> None:
    e = one(events("Afghan rebels exploded a series of bombs in the capital Kabul.", "en", res), "ASSAULT")
    assert (e["source"]["code"], e["target"]["country"]) == ("AFG REB", "AFG")
