"""French modality: words that mark an event as planned must not fire on ordinary objects."""

from __future__ import annotations

import alianza
from alianza.pipeline import Resources


def test_a_bill_as_object_is_not_a_plan(res: Resources) -> None:
    # "projet de loi" is a bill, not an intention: the rejection happened, it is no threat
    coded = alianza.code_text(
        "La Suisse a rejeté le projet de loi européen sur les semences.",
        lang="fr",
        published="2025-08-12",
        clean=False,
        resources=res,
    )
    assert [(e.type, e.status) for e in coded.events] == [("REJECT", "occurred")]


def test_an_elided_claim_word_marks_the_event_claimed(res: Resources) -> None:
    # "D'après" is two tokens to the model; its phrase hangs on the clause through the noun
    coded = alianza.code_text(
        "D'après des habitants, des rebelles ont attaqué un camp de déplacés près de Bunia.",
        lang="fr",
        published="2025-08-12",
        clean=False,
        resources=res,
    )
    assert [(e.type, e.status) for e in coded.events] == [("ASSAULT", "claimed")]


def test_after_is_no_claim(res: Resources) -> None:
    coded = alianza.code_text(
        "Le Bénin a envoyé des secours au Togo après les inondations.",
        lang="fr",
        published="2025-08-12",
        clean=False,
        resources=res,
    )
    assert [(e.type, e.status) for e in coded.events] == [("AID", "occurred")]
