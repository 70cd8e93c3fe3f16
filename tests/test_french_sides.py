"""French sides: a country named alone acts as its government (issue 20)."""

from __future__ import annotations

import alianza
from alianza.pipeline import Resources


def _events(res: Resources, text: str) -> list[tuple[str, str | None, str | None]]:
    coded = alianza.code_text(text, lang="fr", published="2025-08-12", clean=False, resources=res)
    return [
        (e.type, e.source.actor.country if e.source else None, e.target.actor.country if e.target else None)
        for e in coded.events
    ]


def test_a_bare_country_does_what_only_a_government_does(res: Resources) -> None:
    # the ban needs a state organ as its subject: "Le Sénégal" is its government
    assert ("COERCE", "SEN", "SEN") in _events(res, "Le Sénégal a suspendu le quotidien Walf.")
    assert ("COERCE", "TUN", "TUN") in _events(res, "La Tunisie a fermé les bureaux de la chaîne.")


def test_a_bare_country_acting_on_people_named_by_a_sector_acts_at_home(res: Resources) -> None:
    # as "le gouvernement gabonais a libéré des opposants": the opponents are Gabon's
    assert ("CONCEDE", "GAB", "GAB") in _events(res, "Le Gabon a libéré des opposants.")
