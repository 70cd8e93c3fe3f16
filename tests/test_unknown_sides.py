"""A side the knowledge base does not know is its words (actors/unknown.py, issue 13)."""

from __future__ import annotations

import pytest

from alianza.actors.unknown import side_from_words
from alianza.pipeline import Resources


def _subject_side(res: Resources, text: str, lang: str, country: str | None = None) -> tuple[str, str] | None:
    doc = res.nlp(lang)(text)
    subj = next(t for t in doc if t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"))
    m = side_from_words(subj, lang, res.kb, offset=0, country=country)
    return None if m is None else (m.text, m.actor.code)


@pytest.mark.parametrize(
    ("text", "lang", "country", "expected"),
    [
        ("Decenas de colonos protestaron en Hebrón.", "es", "PSE", ("Decenas de colonos", "PSE CVL")),
        ("Los amotinados lanzaron tejas contra los guardias.", "es", None, ("Los amotinados", "--- OPP")),
        ("Los orangistas desfilaron por el centro de Belfast.", "es", "GBR", ("Los orangistas", "GBR CVL")),
        ("Los pesqueros de atún bloquearon el puerto.", "es", None, ("Los pesqueros de atún", "--- CVL")),
        ("Unos 600 miembros del movimiento ocuparon la hacienda.", "es", "BRA", ("Unos 600 miembros del movimiento", "BRA CVL")),
        ("Hundreds of dockers walked out in Mombasa.", "en", "KEN", ("Hundreds of dockers", "KEN LAB")),
        ("Angry villagers blocked the road to the mine.", "en", None, ("Angry villagers", "--- CVL")),
    ],
)  # fmt: skip
def test_a_phrase_of_people_is_a_side_with_its_sector_and_the_given_country(
    res: Resources, text: str, lang: str, country: str | None, expected: tuple[str, str]
) -> None:
    assert _subject_side(res, text, lang, country) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La ley provocó protestas en todo el país.", "es"),
        ("La jornada del lunes terminó sin incidentes.", "es"),
        ("The agreement angered the unions.", "en"),
        ("Ellos marcharon hasta la plaza.", "es"),
    ],
)
def test_a_phrase_that_is_no_actor_gives_no_side(res: Resources, text: str, lang: str) -> None:
    assert _subject_side(res, text, lang) is None


@pytest.mark.parametrize(
    ("text", "lang", "etype", "source"),
    [
        ("Decenas de colonos protestaron en Hebrón contra el desalojo.", "es", "PROTEST", "PSE CVL"),
        ("Los orangistas desfilaron por el centro de Belfast contra el acuerdo.", "es", "PROTEST", "GBR CVL"),
        ("López Obrador convocó una caravana de protesta contra el fraude en Ciudad de México.", "es", "PROTEST", "MEX"),
        ("Angry villagers blocked the road to the copper mine in Zambia.", "en", "PROTEST", "ZMB CVL"),
    ],
)  # fmt: skip
def test_an_event_whose_side_the_base_does_not_know_is_coded_with_that_side(
    res: Resources, text: str, lang: str, etype: str, source: str
) -> None:
    import alianza

    coded = alianza.code_text(text, lang=lang, published="2025-04-02", clean=False, resources=res)
    got = [(e.type, e.source.actor.code if e.source else None) for e in coded.events]
    assert (etype, source) in got, got


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Más de 30.000 israelíes marcharon en Tel Aviv.", "es", ("israelíes", "ISR CVL")),
        ("DECENAS DE MILES DE ARGENTINOS MARCHARON", "es", ("ARGENTINOS", "ARG CVL")),
        ("Thousands of Nigerians rallied in Lagos.", "en", ("Nigerians", "NGA CVL")),
        ("Los israelíes respondieron con un ataque.", "es", ("israelíes", "ISR")),
    ],
)
def test_counted_people_of_a_nationality_are_civilians_and_the_bare_plural_is_the_country(
    res: Resources, text: str, lang: str, expected: tuple[str, str]
) -> None:
    from alianza.actors import ArticleContext, find_mentions

    got = [(m.text, m.actor.code) for m in find_mentions(text, lang, res.kb, ArticleContext())]
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people words match with or without their accents, as the head noun is read folded
        ("Varios centenares de judíos ultraortodoxos marcharon en Jerusalén.", ("Varios centenares de judíos ultraortodoxos", "ISR CVL")),
        ("Cientos de jóvenes marcharon en Kinshasa.", ("Cientos de jóvenes", "COD CVL")),
        ("Los neonazis marcharon por Dresde.", ("Los neonazis", "DEU CVL")),
    ],
)  # fmt: skip
def test_people_words_name_people_whatever_their_accents(res: Resources, text: str, expected: tuple[str, str]) -> None:
    assert _subject_side(res, text, "es", expected[1].split()[0]) == expected
