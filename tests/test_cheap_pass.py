"""pipeline.py's cheap pass: the sentences it keeps for the parser."""

from __future__ import annotations

from alianza.pipeline import Resources

from .events.helpers import events, one


def test_cheap_pass_knows_participles_and_passive_killing(res: Resources) -> None:
    from alianza.pipeline import is_candidate
    from alianza.types import Sentence

    lex = res.lexicon("es")
    assert "desaparecidas" in lex.trigger_keys and "asesinados" in lex.trigger_keys
    assert is_candidate(Sentence(0, 0, 40, "Dos personas fueron desaparecidas ayer."), "es", lex)
    e = one(events("Una persona fue muerta por hombres armados en Cali.", "es", res), "ASSAULT")
    assert (e["source"]["sector"], e["target"]["sector"], e["mode"]) == ("UAF", "CVL", "kill")


def test_cheap_pass_reads_the_last_word_of_a_sentence(res: Resources) -> None:
    from alianza.nlp.sentences import split_sentences
    from alianza.pipeline import is_candidate

    (s,) = split_sentences("Salah Omar, Algeria's leading human rights activist, began a hunger strike.")
    assert is_candidate(s, "en", res.lexicon("en"))
    (s,) = split_sentences("Nada pasó aquí.")
    assert not is_candidate(s, "es", res.lexicon("es"))
