"""The wrong sides a new user's articles showed (issue 13), each as a general rule on sentences of our own."""

from __future__ import annotations

import alianza
from alianza.pipeline import Resources


def _coded(res: Resources, text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    coded = alianza.code_text(text, lang=lang, published="2025-06-30", clean=False, resources=res)
    return [
        (e.type, e.source.actor.code if e.source else None, e.target.actor.code if e.target else None)
        for e in coded.events
    ]


def test_the_head_of_a_government_named_by_its_state_body_is_of_that_state(res: Resources) -> None:
    got = _coded(
        res, "El presidente del Gobierno español, Pedro Sánchez, se reunió en Rabat con el rey Mohamed VI.", "es"
    )
    assert ("CONSULT", "ESP GOV", "MAR GOV") in got, got
    got = _coded(
        res, "El presidente del Gobierno de Italia viajó a Túnez para reunirse con el presidente tunecino.", "es"
    )
    assert all(s != "TUN GOV" for _t, s, _g in got), got


def test_a_condemned_attack_targets_the_attacker(res: Resources) -> None:
    assert ("ACCUSE", "IGO EU", "RUS") in _coded(res, "The EU condemned the Russian attack on Kharkiv.", "en")
    assert ("ACCUSE", "IGO EU", "RUS") in _coded(res, "La UE condenó el ataque ruso contra Járkov.", "es")


def test_a_missile_test_is_a_show_of_force_not_an_attack(res: Resources) -> None:
    got = _coded(res, "North Korea fired two ballistic missiles into the sea off its east coast.", "en")
    assert got and all(t == "MOBILIZE" for t, _s, _g in got), got
    got = _coded(res, "Corea del Norte disparó un misil de prueba sobre el mar de Japón.", "es")
    assert got and all(t != "ASSAULT" for t, _s, _g in got), got


def test_withdrawing_embassy_staff_or_an_ambassador_is_a_sanction(res: Resources) -> None:
    assert ("SANCTION", "RUS", "LTU") in _coded(res, "Russia withdrew its embassy staff from Lithuania.", "en")
    assert any(t == "SANCTION" for t, _s, _g in _coded(res, "Perú retiró a su embajador en México.", "es"))


def test_leaving_an_organisation_is_a_sanction_and_a_force_leaving_a_place_retreats(res: Resources) -> None:
    """PLOVER's SANCTION `withdraw`: a state withdraws itself from an organisation or a bloc; a force
    that leaves a territory is a RETREAT; someone who leaves a meeting or a building leaves no one."""
    assert ("SANCTION", "NIC", "IGO OAS") in _coded(res, "Nicaragua se retiró de la OEA en noviembre.", "es")
    got = _coded(res, "Gabon and Chad quit the African Union after the coups, diplomats said.", "en")
    assert {("SANCTION", "GAB", "IGO AU"), ("SANCTION", "TCD", "IGO AU")} <= set(got), got
    assert ("SANCTION", "MLI", "IGO OIF") in _coded(
        res, "Bamako a quitté l'Organisation internationale de la Francophonie.", "fr"
    )
    got = _coded(res, "Israeli troops withdrew from southern Lebanon on Sunday.", "en")
    assert got and all(t == "RETREAT" for t, _s, _g in got), got
    for text, lang in (
        ("The Hungarian prime minister left the EU summit in Brussels early.", "en"),
        ("El canciller chileno salió de la sede de la ONU sin declarar.", "es"),
        ("La ministre a quitté la réunion de l'OTAN avant la fin.", "fr"),
    ):
        got = _coded(res, text, lang)
        assert all(t != "SANCTION" for t, _s, _g in got), (text, got)


def test_should_stop_suppressing_is_a_demand_not_coercion(res: Resources) -> None:
    got = _coded(res, "China should stop suppressing the Uyghurs, the US said.", "en")
    assert ("REQUEST", "USA", "CHN") in got and all(t != "COERCE" for t, _s, _g in got), got


def test_a_criticised_event_told_before_gives_the_criticism_its_target(res: Resources) -> None:
    text = "España y Marruecos firmaron un acuerdo migratorio en Rabat. Argelia criticó el acuerdo."
    coded = alianza.code_text(text, lang="es", published="2025-06-30", clean=False, resources=res)
    got = [
        (e.type, e.source.actor.code if e.source else None, e.target.actor.code if e.target else None)
        for e in coded.events
    ]
    assert ("ACCUSE", "DZA", "ESP") in got, got
    # with no such event told before, a criticism of a thing has no target, hence no event
    assert _coded(res, "Argelia criticó el acuerdo.", "es") == []


def test_a_condemned_act_is_addressed_to_its_doer_never_to_its_victim_or_place(res: Resources) -> None:
    # no doer named: no target at all, not the city, base or embassy that was hit
    for text, lang in [
        ("The EU condemned the attack on Kharkiv.", "en"),
        ("The African Union condemned the attack on a military base in Burkina Faso.", "en"),
        ("Francia condenó el ataque contra la embajada en Jartum.", "es"),
    ]:
        got = _coded(res, text, lang)
        assert all(g is None for _t, _s, g in got), (text, got)
    # the doer as an adjective, after "de", or told in the sentence before
    assert ("ACCUSE", "EGY", "ISR") in _coded(res, "Egypt denounced the Israeli strikes on Rafah.", "en")
    assert ("ACCUSE", "CHL", "ISR") in _coded(res, "Chile condenó los bombardeos de Israel contra Gaza.", "es")
    text = "Rebels attacked a convoy near Goma. The United Nations condemned the attack on the convoy."
    assert ("ACCUSE", "IGO UN", "COD REB") in _coded(res, text, "en")


def test_a_head_of_state_by_regnal_name_keeps_the_visitor_apart(res: Resources) -> None:
    got = _coded(res, "Pedro Sánchez se reunió con Mohamed VI en Rabat.", "es")
    assert ("CONSULT", "ESP GOV", "MAR GOV") in got, got
    got = _coded(res, "King Abdullah II hosted the Egyptian president in Amman.", "en")
    assert all(s != "JOR GOV" or g != "JOR GOV" for _t, s, g in got), got


def test_rebels_hit_people_of_their_own_country(res: Resources) -> None:
    got = _coded(res, "Guerrilleros de las FARC amenazaron a los trabajadores de la empresa.", "es")
    assert ("THREATEN", "COL REB", "COL LAB") in got, got


def test_every_listed_state_leaves_even_when_the_parser_splits_the_list(res: Resources) -> None:
    """The small English model detaches the first of listed names ("Guinea/npadvmod, Gabon/nsubj and
    Chad") or hangs the second as an apposition ("Mali, Burkina Faso/appos and Niger"): each state is a
    member all the same."""
    got = set(_coded(res, "Guinea, Gabon and Chad quit the African Union after the coups.", "en"))
    assert {("SANCTION", c, "IGO AU") for c in ("GIN", "GAB", "TCD")} <= got, got
    got = set(_coded(res, "Mali, Burkina Faso and Niger quit ECOWAS in January.", "en"))
    assert {("SANCTION", c, "IGO ECOWAS") for c in ("MLI", "BFA", "NER")} <= got, got


def test_leaving_a_treaty_or_walking_out_of_talks_reduces_relations(res: Resources) -> None:
    """CAMEO 161 (withdraw from a treaty) and 164 (walk out of talks): PLOVER SANCTION withdraw, not a
    rejection nor a retreat; a city naming an accord ("the Paris agreement") is no side of it."""
    got = _coded(res, "The United States pulled out of the Paris agreement in 2017.", "en")
    assert got == [("SANCTION", "USA", None)], got
    got = _coded(res, "The Russian delegation walked out of the UN Security Council meeting on Friday.", "en")
    assert got and all(t == "SANCTION" for t, _s, _g in got), got
    got = _coded(res, "Israel withdrew its troops from Gaza under the agreement.", "en")
    assert got and all(t == "RETREAT" for t, _s, _g in got), got


def test_a_complaint_about_a_hostile_act_targets_its_doer(res: Resources) -> None:
    """ "complained to the OSCE over Russian air strikes": the complaint is addressed to the doer of
    what it is about (CAMEO 114), and that act is its content, not a second event."""
    got = _coded(res, "Georgia complained to the OSCE over Russian air strikes near Tbilisi.", "en")
    assert got == [("ACCUSE", "GEO", "RUS")], got
    got = _coded(res, "Venezuela complained about the American sanctions on its oil.", "en")
    assert ("ACCUSE", "VEN", "USA") in got, got


def test_people_of_no_known_country_who_address_a_state_organ_are_its_own(res: Resources) -> None:
    """A side the resolver names without a country ("---": "Islamic fundamentalists", "tribal
    elders") takes the country of the state organ it addresses, as a bare sector does."""
    text = "Islamic fundamentalists began a hunger strike to demand the resignation of the Tunisian president."
    assert ("PROTEST", "TUN CVL", "TUN GOV") in _coded(res, text, "en")
    got = _coded(res, "Tribal elders demanded that the Kenyan government release the detainees.", "en")
    assert ("REQUEST", "KEN CVL", "KEN GOV") in got, got


def test_a_counted_attack_of_a_nation_is_its_state_not_civilians(res: Resources) -> None:
    # the number counts the raids the adjective qualifies ("two Israeli air raids"), not people:
    # counted nationals stay civilians ("30.000 israelíes se manifestaron")
    for text, lang, country in [
        ("Two Turkish air strikes hit a village in northern Iraq on Sunday.", "en", "TUR"),
        ("Three Russian missile attacks struck Odesa overnight.", "en", "RUS"),
        ("Dos bombardeos saudíes alcanzaron un mercado en Saná.", "es", "SAU"),
    ]:
        evs = alianza.code_text(text, lang=lang, published="2025-05-04").events
        assert evs and evs[0].type == "ASSAULT", text
        assert evs[0].source is not None and evs[0].source.actor.country == country, text
        assert evs[0].source.actor.sector != "CVL", text
    evs = alianza.code_text("Unos 30.000 chilenos se manifestaron en Santiago contra la reforma.", lang="es").events
    assert evs and evs[0].source is not None and evs[0].source.actor.sector == "CVL"
