"""Protesters the sentence names in ways the argument rules missed (issue 13): a person the
knowledge base does not know, a holder phrase ("en huelga") the parser hung elsewhere, a headline
with no verb, a headline in capitals. Sentences of our own, several regions."""

from __future__ import annotations

import pytest

from alianza.pipeline import Resources

from .helpers import code_of, events, one


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Wangari Otieno, que dirige una cooperativa en Nairobi, protestó por su exclusión de la lista.", "Wangari Otieno"),
        ("Pierre Dubois marchó el sábado por las calles de Lyon contra la reforma.", "Pierre Dubois"),
        ("Nguyen Van Thanh, un pescador de Hue, protestó el lunes contra el cierre del puerto.", "Nguyen Van Thanh"),
    ],
)  # fmt: skip
def test_a_person_the_base_does_not_know_protests_as_a_civilian(res: Resources, text: str, name: str) -> None:
    e = one(events(text, "es", res), "PROTEST")
    assert e["source"]["text"] == name


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Fracasa diálogo entre gobierno y enfermeras en huelga", "enfermeras"),
        ("Fracasa negociación entre el Gobierno polaco y los mineros en huelga", "mineros"),
        ("El ministro recibió a los médicos en huelga del hospital de Dakar.", "médicos"),
    ],
)
def test_en_huelga_right_after_people_says_what_they_do(res: Resources, text: str, source: str) -> None:
    evs = events(text, "es", res)
    e = one(evs, "PROTEST")
    assert e["source"]["text"] == source
    assert len([x for x in evs if x["type"] != "PROTEST"]) == 1  # the talks or the visit stay an event


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("EN HUELGA LOS MAESTROS PERUANOS", "PER EDU"),
        ("En paro los transportistas de Kenia", "KEN LAB"),
    ],
)
def test_a_headline_with_no_verb_names_the_holder_after_the_phrase(res: Resources, text: str, source: str) -> None:
    assert code_of(one(events(text, "es", res), "PROTEST")["source"]) == source


def test_a_headline_in_capitals_reads_no_name_in_its_capital_words(res: Resources) -> None:
    # every word of a headline in capitals is capitalised: "PROTESTAN POR EL ALZA" is no person's name
    e = one(events("LOS CAMIONEROS CHILENOS PROTESTAN POR EL ALZA DEL PETROLEO", "es", res), "PROTEST")
    assert e["source"]["text"] == "CAMIONEROS CHILENOS"
    from alianza.actors import ArticleContext, find_mentions

    got = [
        m.text for m in find_mentions("EL SENADO BOLIVIANO PROTESTO POR LA DECISION", "es", res.kb, ArticleContext())
    ]
    assert "SENADO BOLIVIANO" in got, got


def test_a_protest_verb_still_needs_people_not_a_state(res: Resources) -> None:
    evs = events("El Gobierno de Kenia marchó hacia la reforma agraria.", "es", res)
    assert not [e for e in evs if e["type"] == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        ("La reforma agraria, rechazada por los sindicatos de Kenia, fue aprobada el lunes.", "REJECT", "KEN LAB", None),
        ("Los campesinos, desalojados por la policía boliviana, marcharon hasta La Paz.", "COERCE", "BOL COP", "BOL AGR"),
        ("Los dos soldados, secuestrados por guerrilleros de las FARC en el Cauca, fueron liberados.", "ASSAULT", "COL REB", "COL MIL"),
    ],
)  # fmt: skip
def test_a_participle_with_its_own_agent_is_a_passive_done_to_its_noun(
    res: Resources, text: str, etype: str, source: str, target: str | None
) -> None:
    e = one(events(text, "es", res), etype)
    assert (code_of(e["source"]), code_of(e["target"])) == (source, target)


def test_a_participle_without_an_agent_is_still_no_event(res: Resources) -> None:
    evs = events("La ley rechazada el año pasado volvió al Congreso de Chile.", "es", res)
    assert not [e for e in evs if e["type"] == "REJECT"]


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("MILES DE PERSONAS MANIFIESTAN CONTRA UN CARGAMENTO NUCLEAR", "IGO UN", None),
        ("LA UE PIDE A SERBIA QUE RETIRE SUS TROPAS", None, "IGO EU"),
        ("Miles de personas se manifestaron contra la UN en Nueva York.", None, "IGO UN"),
    ],
)
def test_in_capitals_an_acronym_that_is_an_article_is_the_article(
    res: Resources, text: str, absent: str | None, present: str | None
) -> None:
    from alianza.actors import ArticleContext, find_mentions

    got = [m.actor.code for m in find_mentions(text, "es", res.kb, ArticleContext())]
    assert absent not in got and (present is None or present in got), got


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("La reforma, protestada por los orangistas, entró en vigor en Belfast.", ("los orangistas", "GBR CVL")),
        ("Los puertos fueron bloqueados el lunes por los pesqueros de atún.", ("los pesqueros de atún", "--- CVL")),
    ],
)  # fmt: skip
def test_a_passive_agent_the_base_does_not_know_is_a_side_of_its_words(
    res: Resources, text: str, source: tuple[str, str]
) -> None:
    e = one(events(text, "es", res), "PROTEST")
    assert (e["source"]["text"], code_of(e["source"])) == source


def test_a_cause_after_por_is_no_agent(res: Resources) -> None:
    evs = events("Los detenidos fueron liberados por razones humanitarias en Kenia.", "es", res)
    assert all(e["source"] is None or "razones" not in e["source"]["text"] for e in evs)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("El Senado uruguayo protestó por la decisión del tribunal arbitral.", "URY LEG"),
        ("Diputado protesta contra cierre de escuelas en Nicaragua", "NIC LEG"),
        ("EL SENADO BOLIVIANO PROTESTO POR LA DECISION DEL TRIBUNAL", "BOL LEG"),
    ],
)
def test_legislators_protest(res: Resources, text: str, source: str) -> None:
    assert code_of(one(events(text, "es", res), "PROTEST")["source"]) == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Unos 5.000 maestros acordaron iniciar un paro indefinido en las regiones andinas de Bolivia.", "maestros"),
        ("Los camioneros acordaron realizar una huelga de 48 horas en Chile.", "camioneros"),
    ],
)  # fmt: skip
def test_a_protest_people_agree_to_stage_is_their_protest(res: Resources, text: str, source: str) -> None:
    e = one(events(text, "es", res), "PROTEST")
    assert e["source"]["text"] == source


def test_what_two_states_agree_to_do_stays_the_content_of_their_agreement(res: Resources) -> None:
    evs = events("Rusia y China acordaron realizar maniobras conjuntas.", "es", res)
    assert [e["type"] for e in evs] == ["AGREE"]


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("Miles de estudiantes participaron en una marcha en Santiago de Chile.", "es", "estudiantes"),
        ("Los mineros polacos se sumaron a la huelga en Silesia.", "es", "mineros polacos"),
        ("Thousands of farmers took part in a march in Nairobi.", "en", "farmers"),
        ("Des milliers d'agriculteurs ont participé à la manifestation de Paris contre la réforme.", "fr", "agriculteurs"),
    ],
)  # fmt: skip
def test_who_joins_a_protest_protests(res: Resources, text: str, lang: str, source: str) -> None:
    e = one(events(text, lang, res), "PROTEST")
    assert e["source"] is not None and e["source"]["text"] == source


def test_who_intervenes_in_a_protest_does_not_protest(res: Resources) -> None:
    evs = events("La policía intervino en la manifestación de Lagos.", "es", res)
    assert all(code_of(e["source"]) != "NGA COP" for e in evs if e["type"] == "PROTEST")
