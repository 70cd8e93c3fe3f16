"""Wire copy (nlp/wire.py): datelines cut off the sentence, headlines in capitals parsed from a
case-normalised copy, spans kept on the original text (issue 13, item 2)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import alianza
from alianza.nlp.wire import case_normalised, cut_dateline, in_capitals
from alianza.pipeline import Resources
from alianza.types import Sentence


def _sent(text: str, start: int = 0) -> Sentence:
    return Sentence(0, start, start + len(text), text)


def test_datelines_of_several_agencies_and_styles_are_cut_with_their_place() -> None:
    cases = [
        ("LA PAZ, 3 abr (AFP) - Los mineros marcharon.", "LA PAZ", "Los mineros marcharon."),
        ("GINEBRA, 14 nov (AFP) - La OMS pidió calma.", "GINEBRA", "La OMS pidió calma."),
        ("BOGOTÁ, 3 mar (EFE) – El Ejército atacó.", "BOGOTÁ", "El Ejército atacó."),
        ("QUITO (AFP) - Los indígenas bloquearon la vía.", "QUITO", "Los indígenas bloquearon la vía."),
        ("SAN SALVADOR, Abr (AFP) - Hubo protestas.", "SAN SALVADOR", "Hubo protestas."),
        ("NAIROBI (Reuters) — Kenyan teachers went on strike.", "NAIROBI", "Kenyan teachers went on strike."),
    ]
    for text, place, rest in cases:
        cut, dl = cut_dateline(_sent(text, start=100))
        assert dl is not None and dl.place == place, text
        assert cut.text == rest and cut.start == 100 + text.index(rest)


def test_a_sentence_that_opens_with_a_capital_word_is_no_dateline() -> None:
    for text in (
        "MADRID, la capital, vivió otra jornada de huelga.",
        "EE.UU. - Irán: la tensión sube.",
        "ONU pide calma.",
    ):
        cut, dl = cut_dateline(_sent(text))
        assert dl is None and cut.text == text


@given(st.text(max_size=80))
def test_case_normalised_keeps_every_offset(text: str) -> None:
    out = case_normalised(text)
    assert len(out) == len(text)
    assert all(a == b or a.lower() == b or len(a.lower()) != 1 for a, b in zip(text, out, strict=True))


@given(st.text(max_size=60), st.integers(min_value=0, max_value=500))
def test_a_cut_sentence_points_into_the_same_text(text: str, start: int) -> None:
    s = _sent(text, start)
    cut, _dl = cut_dateline(s)
    assert cut.end == s.end and text[cut.start - start :] == cut.text


def test_headlines_in_capitals_are_told_from_acronyms() -> None:
    assert in_capitals("NUEVE MIL MAESTROS EN PARO EN HONDURAS")
    assert not in_capitals("La CGT y la CTA convocaron un paro nacional.")
    assert not in_capitals("ONU")


def test_a_headline_in_capitals_is_coded_with_its_own_words(res: Resources) -> None:
    coded = alianza.code_text(
        "LOS MINEROS BOLIVIANOS INICIAN HUELGA CONTRA EL GOBIERNO", lang="es", published="2025-03-01", clean=False,
        resources=res,
    )  # fmt: skip
    ev = [e for e in coded.events if e.type == "PROTEST"]
    assert ev, [(e.type, e.rule) for e in coded.events]
    assert ev[0].evidence.trigger.isupper()  # the trigger is the article's text, not the lower-case copy
    assert ev[0].source is not None and ev[0].source.actor.country == "BOL"


def test_a_dateline_is_no_side_and_gives_the_article_its_place(res: Resources) -> None:
    text = "CARACAS, 12 may (AFP) - Cientos de jubilados marcharon el lunes frente al Ministerio de Trabajo."
    coded = alianza.code_text(text, lang="es", published="2025-05-13", clean=False, resources=res)
    ev = [e for e in coded.events if e.type == "PROTEST"]
    assert ev, [(e.type, e.rule) for e in coded.events]
    assert ev[0].source is not None and ev[0].source.actor.code == "VEN CVL"
    # the page cleaner takes the dateline off the body (Article.dateline); its place still counts
    assert coded.article.dateline and ev[0].evidence.text.startswith("Cientos")
    sent = "Los maestros marcharon. QUITO (AFP) - Cientos de jubilados marcharon frente al Ministerio de Trabajo."
    coded = alianza.code_text(sent, lang="es", published="2025-05-13", clean=False, resources=res)
    starts = [e.evidence.start for e in coded.events]
    assert sent.index("Cientos") in starts, starts  # one left inside the text is cut off its sentence


def test_a_crowd_that_closes_roads_protests_and_a_government_that_closes_a_border_does_not(res: Resources) -> None:
    for text in (
        "Los transportistas peruanos cerraron las carreteras del sur en protesta por el alza del combustible.",
        "Cientos de campesinos ecuatorianos tomaron los puentes de acceso a Quito.",
    ):
        coded = alianza.code_text(text, lang="es", published="2025-06-02", clean=False, resources=res)
        rules = [e.rule for e in coded.events if e.type == "PROTEST"]
        assert rules, (text, [(e.type, e.rule) for e in coded.events])
    coded = alianza.code_text(
        "El gobierno argentino cerró la frontera con Chile.", lang="es", published="2025-06-02", clean=False, resources=res
    )
    assert not [e for e in coded.events if e.type == "PROTEST" and "cerrar" in e.rule]


def test_an_accent_restored_copy_keeps_every_offset_and_the_case() -> None:
    from alianza.nlp.wire import parse_text

    table = {"protesto": "protestó", "denuncio": "denunció"}
    for text, want in (
        ("EL SINDICATO PROTESTO POR EL FALLO", "El sindicato protestó por el fallo"),
        ("La CUT denuncio el despido de 40 obreros.", "La CUT denunció el despido de 40 obreros."),
        ("Nada cambia aqui.", "Nada cambia aqui."),
    ):
        out = parse_text(_sent(text), table.get)
        assert out == want and len(out) == len(text)
