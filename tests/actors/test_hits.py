"""actors/hits.py: the base's names in the text (case, capitals, localities, longer names, stances)."""

from __future__ import annotations

import pytest

from alianza.actors import ArticleContext, find_mentions
from alianza.actors.kb import KnowledgeBase

from .helpers import codes


def test_actors_washington_as_surname_is_not_the_us_government(kb: KnowledgeBase) -> None:
    assert not any(c == "USA GOV" for c, _ in codes("The actor Denzel Washington arrived", "en", kb))
    assert ("USA GOV", "metonym") in codes("Washington rejected the offer", "en", kb)


def test_actors_short_forms_match_case_sensitively(kb: KnowledgeBase) -> None:
    assert ("IGO UN", "organisation") in codes("the UN said", "en", kb)
    assert not any(c == "IGO UN" for c, _ in codes("un acuerdo con un país", "es", kb))


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("es", "La reunión duró tres horas y terminó sin acuerdo.", "reunión"),
        ("en", "The chad fell out of the ballot and the turkey was cold.", "turkey"),
        ("fr", "Le chili de la cantine était trop épicé.", "chili"),
    ],
)
def test_actors_country_names_need_a_capital_common_words_do_not_match(
    kb: KnowledgeBase, lang: str, text: str, word: str
) -> None:
    assert not [m for m in find_mentions(text, lang, kb, ArticleContext()) if m.text.lower() == word]
    capital = text.replace(word, word.capitalize(), 1)
    assert [m.actor.country for m in find_mentions(capital, lang, kb, ArticleContext()) if m.text.lower() == word]


def test_actors_capitals_are_places_but_not_after_a_locality_word(kb: KnowledgeBase) -> None:
    from alianza.actors.resolve import place_in

    assert [p.country for _s, _e, p in place_in("Se reunieron en Pionyang.", "es", kb)] == ["PRK"]
    assert all(
        p.country != "ARG" for _s, _e, p in place_in("Fue asesinado en la vereda Buenos Aires, Tolima.", "es", kb)
    )
    got = find_mentions("Hombres armados atacaron la vereda Buenos Aires.", "es", kb, ArticleContext())
    assert not any(m.actor.country == "ARG" for m in got)


@pytest.mark.parametrize(
    ("text", "lang", "name", "code"),
    [
        ("Police fired on students in Nairobi.", "en", "Nairobi", "KEN"),
        ("Protestas en Daca contra el Gobierno.", "es", "Daca", "BGD"),
        ("Des soldats ont tiré à Ouagadougou.", "fr", "Ouagadougou", "BFA"),
    ],
)
def test_actors_every_capital_is_a_place(kb: KnowledgeBase, text: str, lang: str, name: str, code: str) -> None:
    assert (name, code) in [(m.text, m.actor.code) for m in find_mentions(text, lang, kb, ArticleContext())]


def test_actors_a_place_name_that_goes_on_is_another_place(kb: KnowledgeBase) -> None:
    got = find_mentions("Militares amenazaron a campesinos de San José de Apartadó.", "es", kb, ArticleContext())
    assert not any(m.actor.country == "CRI" for m in got)
    # but a known name after "de" does not make a longer one: "la cumbre de Bruselas de la OTAN"
    got = find_mentions("La cumbre de Bruselas de la OTAN terminó.", "es", kb, ArticleContext())
    assert ("Bruselas", "IGO") in [(m.text, m.actor.country) for m in got]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("A prominent anti-Syria journalist was killed in Beirut.", ("journalist", "LBN MED"), "SYR"),
        ("Pro-Russian separatists attacked a checkpoint in Donetsk.", ("separatists", "UKR REB"), "RUS"),
    ],
)
def test_actors_a_stance_prefix_names_no_actor(
    kb: KnowledgeBase, text: str, expected: tuple[str, str], absent: str
) -> None:
    got = [(m.text, m.actor.code) for m in find_mentions(text, "en", kb, ArticleContext())]
    assert expected in got and not any(code.startswith(absent) for _t, code in got)
