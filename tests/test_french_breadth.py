"""French trigger breadth and senses told by arguments (issue 20): sentences of our own, several regions."""

from __future__ import annotations

import alianza
from alianza.pipeline import Resources


def _rules(res: Resources, text: str) -> list[tuple[str, str]]:
    coded = alianza.code_text(text, lang="fr", published="2025-08-12", clean=False, resources=res)
    return [(e.type, e.rule) for e in coded.events]


def test_declining_an_offer_rejects_it_but_a_falling_figure_is_nothing(res: Resources) -> None:
    assert ("REJECT", "fr/reject.yaml#decliner") in _rules(
        res, "Le président tunisien a décliné l'invitation de l'Union européenne."
    )
    assert not _rules(res, "Les ventes de voitures ont décliné en Belgique.")


def test_skirmish_and_shooting_nouns_are_assaults(res: Resources) -> None:
    assert "ASSAULT" in [
        t for t, _r in _rules(res, "Une fusillade a éclaté entre policiers et trafiquants à Marseille.")
    ]


def test_combat_as_a_modifier_is_no_fight(res: Resources) -> None:
    rules = _rules(res, "La Russie a livré des hélicoptères de combat à l'armée burkinabè.")
    assert "ASSAULT" not in [t for t, _r in rules]


def test_release_in_three_words_and_people_held_as_targets(res: Resources) -> None:
    assert ("CONCEDE", "fr/concede.yaml#remettre-liberte") in _rules(
        res, "La France a remis en liberté deux ressortissants iraniens."
    )
    assert ("CONCEDE", "fr/concede.yaml#liberer") in _rules(
        res, "Le président sénégalais a gracié des centaines de détenus."
    )


def test_a_march_is_told_by_its_words_and_a_market_is_no_march(res: Resources) -> None:
    assert ("PROTEST", "fr/protest.yaml#marche") in _rules(
        res, "Des milliers de Tunisiens ont participé à une marche contre la vie chère à Sfax."
    )
    assert "PROTEST" not in [t for t, _r in _rules(res, "Un incendie a ravagé le marché de Bamako.")]


def test_an_object_the_parser_roots_apart_is_the_verbs_object(res: Resources) -> None:
    # the small model roots "les accusations" apart from "a rejeté": its owner is the one rejected
    coded = alianza.code_text(
        "Le Burundi a démenti les accusations du Rwanda.", lang="fr", published="2025-08-12", clean=False, resources=res
    )
    assert [(e.type, e.target.actor.country if e.target else None) for e in coded.events] == [("REJECT", "RWA")]


def test_an_armed_groups_positions_named_by_its_adjective_are_the_group(res: Resources) -> None:
    coded = alianza.code_text(
        "L'armée tchadienne a bombardé des positions rebelles dans le Tibesti.",
        lang="fr",
        published="2025-08-12",
        clean=False,
        resources=res,
    )
    assert [(e.type, e.target.actor.sector if e.target else None) for e in coded.events] == [("ASSAULT", "REB")]


def test_killing_and_stabbing_verbs_of_francophone_reporting(res: Resources) -> None:
    assert ("ASSAULT", "fr/assault.yaml#tuer") in _rules(
        res, "Des jihadistes ont égorgé trois villageois dans la région de Tahoua."
    )
    assert ("ASSAULT", "fr/assault.yaml#blesser") in _rules(
        res, "Un homme a poignardé un policier devant le commissariat de Molenbeek."
    )
