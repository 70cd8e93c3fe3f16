"""actors/compose.py: one actor from a sector and what qualifies it."""

from __future__ import annotations

import datetime as dt

import pytest

from alianza.actors import ArticleContext, find_mentions
from alianza.actors.kb import KnowledgeBase

from .helpers import codes


def test_actors_adjective_and_title_composition(kb: KnowledgeBase) -> None:
    assert ("PRK MIL", "adjective") in codes("las tropas norcoreanas avanzaron", "es", kb)
    assert ("USA GOV", "apposition") in codes("el presidente de Estados Unidos, Donald Trump, dijo", "es", kb)
    assert ("PRK MIL", "adjective") in codes("North Korean troops crossed", "en", kb)
    assert ("FRA MIL", "adjective") in codes("les soldats français sont arrivés", "fr", kb)


def test_actors_metonyms_and_organisations(kb: KnowledgeBase) -> None:
    assert ("RUS GOV", "metonym") in codes("El Kremlin confirmó la llamada", "es", kb)
    assert ("IGO EU", "organisation") in codes("La Unión Europea no aceptará", "es", kb)
    assert ("IGO NATO", "organisation") in codes("NATO allies met", "en", kb)
    assert ("COL REB", "organisation") in codes("las FARC atacaron", "es", kb)


def test_actors_english_nationality_title_words_and_coordinated_nationalities(kb: KnowledgeBase) -> None:
    got = find_mentions("The Dutch Defence Minister arrived in Oslo.", "en", kb, ArticleContext())
    assert got[0].actor.code == "NLD GOV" and got[0].text == "Dutch Defence Minister"
    got = find_mentions("Senior Polish and Czech officials met on Monday.", "en", kb, ArticleContext())
    assert [a.code for a in got[0].group] == ["POL GOV", "CZE GOV"]
    # a word that is no title breaks the chain: the soldiers are not Russian here
    got = find_mentions("Russian shelling killed soldiers", "en", kb, ArticleContext())
    assert not any(m.actor.code == "RUS MIL" for m in got)


def test_a_legislature_and_its_officer_compose_with_the_nationality(kb: KnowledgeBase) -> None:
    """ "French National Assembly president": the president of a legislature is of that legislature
    (LEG), and of its country, not a bare head of state."""
    got = find_mentions("The Polish National Assembly speaker arrived in Kyiv.", "en", kb, ArticleContext())
    assert got[0].actor.code == "POL LEG", got
    got = find_mentions("The Nigerian House of Representatives passed the bill.", "en", kb, ArticleContext())
    assert got[0].actor.code == "NGA LEG", got


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Syria offered its troops to Lebanon.", "en", ("troops", "SYR MIL")),
        ("Rusia retiró sus tropas de la frontera.", "es", ("tropas", "RUS MIL")),
        (
            "Lebanon's new President Elias Hrawi arrived in Beirut.",
            "en",
            ("Lebanon's new President Elias Hrawi", "LBN GOV"),
        ),
        ("Saudi-led forces advanced.", "en", ("Saudi-led forces", "SAU MIL")),
    ],
)
def test_actors_possessives_and_titles_with_modifiers(
    kb: KnowledgeBase, text: str, lang: str, expected: tuple[str, str]
) -> None:
    assert expected in [(m.text, m.actor.code) for m in find_mentions(text, lang, kb, ArticleContext())]


def test_actors_english_adjective_sectors_and_surnames(kb: KnowledgeBase) -> None:
    got = [
        (m.text, m.actor.code)
        for m in find_mentions(
            "Britain will continue military aid, Defence Secretary Tom King said.", "en", kb, ArticleContext()
        )
    ]
    assert not any(t == "military" for t, _c in got) and not any(t == "King" for t, _c in got)
    assert any(
        c.endswith("MIL")
        for _t, c in [
            (m.text, m.actor.code)
            for m in find_mentions("The military said it had withdrawn.", "en", kb, ArticleContext())
        ]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Investigators questioned 28 Chilean government officials.", ("Chilean government officials", "CHL GOV")),
        ("The Bush administration declared that the talks had failed.", ("Bush administration", "USA GOV")),
        ("Thousands of people marched in Hong Kong.", ("Hong Kong", "HKG")),
        ("President Francois Mitterand arrived in Bonn.", ("President Francois Mitterand", "FRA GOV")),
    ],
)
def test_actors_compound_sectors_person_governments_and_surnames(
    kb: KnowledgeBase, text: str, expected: tuple[str, str]
) -> None:
    assert expected in [
        (m.text, m.actor.code) for m in find_mentions(text, "en", kb, ArticleContext(date=dt.date(2000, 1, 1)))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO troops arrived in Kosovo.", ("NATO troops", "IGO NATO", "MIL")),
        ("UN officials criticized Serbia.", ("UN officials", "IGO UN", "GOV")),
        ("FARC guerrillas attacked a base.", ("FARC guerrillas", "COL REB", "REB")),
        # an ethnic or religious word between a nationality and a sector: still the nationality
        ("Turkish Kurd refugees protested.", ("Turkish Kurd refugees", "TUR REF", "REF")),
    ],
)
def test_actors_organisation_and_sector_make_one_actor(
    kb: KnowledgeBase, text: str, expected: tuple[str, str, str]
) -> None:
    got = [(m.text, m.actor.code, m.actor.sector) for m in find_mentions(text, "en", kb, ArticleContext())]
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kurdistan Workers' Party attacked a post.", ("Kurdistan Workers' Party", "TUR REB")),
        ("Al-Qaeda claimed the attack.", ("Al-Qaeda", "--- REB")),
        ("UNITA rejected the plan.", ("UNITA", "AGO REB")),
        ("Israel's high court ruled on Sunday.", ("Israel's high court", "ISR JUD")),
    ],
)
def test_actors_named_groups_and_court_titles(kb: KnowledgeBase, text: str, expected: tuple[str, str]) -> None:
    assert expected in [(m.text, m.actor.code) for m in find_mentions(text, "en", kb, ArticleContext())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doctors from two American aid groups arrived.", ("Doctors from two American", "USA HLH")),
        ("Refugees from Syria crossed the border.", ("Refugees from Syria", "SYR REF")),
    ],
)
def test_actors_people_from_a_country_are_its_own(kb: KnowledgeBase, text: str, expected: tuple[str, str]) -> None:
    assert expected in [(m.text, m.actor.code) for m in find_mentions(text, "en", kb, ArticleContext())]


def test_actors_forces_from_a_place_may_be_leaving_it(kb: KnowledgeBase) -> None:
    got = find_mentions("Washington withdrew its forces from Panama.", "en", kb, ArticleContext())
    assert not any(m.actor.code == "PAN MIL" for m in got)
