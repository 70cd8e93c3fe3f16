"""Protests wire news reports without naming the crowd, as a background, a retelling or a manner
(issue 13, up-protest misses). Sentences of our own, several regions."""

from __future__ import annotations

import pytest

from alianza.pipeline import Resources
from tests.events.helpers import events


def protests(text: str, lang: str, res: Resources) -> list[dict]:
    return [e for e in events(text, lang, res) if e["type"] == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Los comercios de Nairobi cerraron a causa de las protestas contra el nuevo impuesto.", "es"),
        ("Las autoridades de Dhaka cerraron las escuelas ante una ola de protestas estudiantiles.", "es"),
        ("Shops in Nairobi stayed closed because of the protests against the new tax.", "en"),
    ],
)
def test_a_protest_named_by_a_noun_alone_is_reported_wherever_it_sits(res: Resources, text: str, lang: str) -> None:
    found = protests(text, lang, res)
    assert len(found) == 1 and found[0]["source"] is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El gobierno de Kenia impuso el toque de queda en Nairobi tras las protestas.", "es"),
        ("Luego de tres días de protestas, los mineros peruanos volvieron al trabajo.", "es"),
        ("Uganda extended the curfew in Kampala in response to the unrest.", "en"),
        ("The police imposed a curfew in Lagos after violent protests.", "en"),
        ("Two Dutch activists were questioned in Rome for their role in rioting at the summit.", "en"),
    ],
)
def test_a_protest_that_is_the_time_or_cause_of_another_event_is_background(
    res: Resources, text: str, lang: str
) -> None:
    assert protests(text, lang, res) == []


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("En medio de las protestas, los estudiantes kenianos bloquearon la carretera a Nairobi.", "es", "KEN EDU"),
        ("Amid the protests, Kenyan students blocked the road to Nairobi.", "en", "KEN EDU"),
    ],
)
def test_a_protest_noun_naming_no_one_is_the_protest_the_sentence_tells_with_its_crowd(
    res: Resources, text: str, lang: str, source: str
) -> None:
    found = protests(text, lang, res)
    assert [e["source"]["code"] for e in found] == [source]


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("Varios científicos franceses adelantaron el reloj de la torre en protesta contra los ensayos nucleares.", "es", "FRA"),
        ("Los presos de la cárcel de Lurigancho se encontraban en huelga de hambre desde el lunes.", "es", "CVL"),
        ("Habitantes de un barrio de Lima quemaron neumáticos en protesta por el alza del pasaje.", "es", "PER CVL"),
        ("Students in Dhaka burned tyres in protest at the rise in fuel prices.", "en", "BGD EDU"),
    ],
)  # fmt: skip
def test_who_acts_in_protest_protests(res: Resources, text: str, lang: str, source: str) -> None:
    found = protests(text, lang, res)
    assert len(found) == 1 and found[0]["source"]["code"].endswith(source)


def test_a_state_withdrawing_its_envoy_in_protest_is_the_withdrawal(res: Resources) -> None:
    evs = events(
        "Chile retiró a su embajador en La Paz en protesta por las declaraciones del presidente boliviano.", "es", res
    )
    assert [e["type"] for e in evs] == ["SANCTION"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a verb whose "object" is behind "contra" has no object: the crowd demonstrated
        ("Decenas de miles de marroquíes manifestaron contra el gobierno en Rabat.", "MAR CVL"),
        # a counted crowd is people, whatever its members' sector
        ("Miles de policías protestaron en Buenos Aires por sus salarios.", "ARG COP"),
        ("Unos 300.000 funcionarios manifestaron en las calles de Madrid contra la congelación salarial.", "GOV"),
        # leaders of a sector are of that sector
        ("Un centenar de dirigentes sindicales desfilaron por el centro de Quito contra la reforma.", "LAB"),
        ("Los dirigentes estudiantiles se concentraron frente al Congreso de Santiago.", "EDU"),
    ],
)  # fmt: skip
def test_crowds_demonstrate(res: Resources, text: str, source: str) -> None:
    found = protests(text, "es", res)
    assert len(found) == 1 and found[0]["source"]["code"].endswith(source)


def test_a_government_protesting_is_no_crowd(res: Resources) -> None:
    assert protests("El gobierno de Irán protestó por las declaraciones del juez.", "es", res) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Unos 600 campesinos sin tierra ocuparon el domingo la hacienda Santa Rosa en Paraguay.", "PRY AGR"),
        ("Unos 500 desocupados tomaron la sede del gobierno provincial de Jujuy.", "LAB"),
        ("Transportistas hondureños bloquean puestos fronterizos con Nicaragua", "HND LAB"),
        ("Los camioneros nicaragüenses bloqueaban tres puntos aduaneros de la frontera con Costa Rica.", "NIC LAB"),
        ("Organizaciones campesinas de Guatemala cumplirán una serie de protestas contra el tratado.", "GTM AGR"),
        ("Colonos israelíes cortaron la carretera de Jericó en señal de protesta por la visita.", "ISR CVL"),
    ],
)  # fmt: skip
def test_occupations_blockades_and_series_are_protests(res: Resources, text: str, source: str) -> None:
    found = protests(text, "es", res)
    assert found and found[0]["source"]["code"].endswith(source)


def test_armed_men_taking_a_building_do_not_protest(res: Resources) -> None:
    evs = events("Guerrilleros de las FARC tomaron la alcaldía de Toribío durante la noche.", "es", res)
    assert not [e for e in evs if e["type"] == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        # the actor a bare "en huelga" describes strikes
        ("El gobierno de Lima se reunió con los mineros en huelga de la región de Puno.", "es", "PER LAB"),
        # the doer of a relative clause with a support verb ("que organizan", "that ... staged")
        ("Las protestas que organizan los sindicatos bolivianos continúan en La Paz.", "es", "BOL LAB"),
        ("The strikes that Nigerian unions staged closed the ports of Lagos.", "en", "NGA LAB"),
        # under a passive, a clause of the time during which is its subject's act
        ("Diez estudiantes fueron heridos en Dhaka mientras marchaban hacia el Parlamento.", "es", "BGD EDU"),
        ("Ten students were arrested in Nairobi while they protested against the tax.", "en", "KEN EDU"),
        # "la organización ecologista Greenpeace": the apposition names the common noun
        ("Seis miembros de la organización ecologista Greenpeace fueron detenidos en Tokio cuando protestaban contra la caza.", "es", "NGO"),
    ],
)  # fmt: skip
def test_the_protester_is_found_through_the_phrase_around_the_protest(
    res: Resources, text: str, lang: str, source: str
) -> None:
    found = protests(text, lang, res)
    assert len(found) == 1 and found[0]["source"]["code"].endswith(source)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # an act on a protest that is there: the protest is an event of its own, the act's subject no protester
        ("La policía de Caracas reprimió la huelga de los mineros.", "VEN LAB"),
        ("El gobierno de Kirguizistán enfrenta un movimiento de protesta de los estudiantes.", "EDU"),
        # a cooperative act on it is the protesters' own decision
        ("Los maestros peruanos levantaron la huelga ante el gobierno de Lima.", "PER EDU"),
        ("Los profesores acordaron una huelga para la próxima semana.", "EDU"),
        # "al llamado de": the personal "a" marks an object only before someone
        ("Unos 300.000 funcionarios manifestaron en Madrid, al llamado de los sindicatos del sector.", "GOV"),
    ],
)  # fmt: skip
def test_a_protest_acted_on_is_reported(res: Resources, text: str, source: str) -> None:
    found = protests(text, "es", res)
    assert len(found) == 1 and found[0]["source"]["code"].endswith(source)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Unions called for a general strike in Lagos.", "en"),
        ("Turkish police prevented the demonstration in Ankara.", "en"),
        ("La policía impidió la marcha de los estudiantes en Quito.", "es"),
        ("Ottawa insisted the unrest in the north reflected old tensions.", "en"),
    ],
)
def test_a_protest_asked_for_judged_or_prevented_is_no_event(res: Resources, text: str, lang: str) -> None:
    assert protests(text, lang, res) == []


def test_the_protest_acted_on_later_is_the_one_told_before(res: Resources) -> None:
    text = (
        "Cientos de pescadores senegaleses protestaron el lunes frente al ministerio en Dakar. "
        "La policía dispersó la protesta con gases lacrimógenos."
    )
    found = protests(text, "es", res)
    assert len(found) == 1 and found[0]["source"]["code"] == "SEN AGR" and found[0]["mentions"] == 2
