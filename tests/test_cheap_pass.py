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


def test_copy_without_accents_gets_its_verbs_back(res: Resources) -> None:
    """Headlines in capitals and plain-ASCII copy drop the accent that makes a word a verb
    ("protesto" for "protestó"): the cheap pass and the parser read the accented form."""
    from alianza.pipeline import accented_form, bare_lemma, cheap_words

    assert accented_form("protesto", "es") == "protestó"
    assert bare_lemma("denuncio", "es") == "denunciar"
    assert accented_form("carretera", "es") is None  # no accented form of it is a trigger
    assert accented_form("causa", "es") is None  # "causá" is an imperative: "a causa de" stays a noun
    assert accented_form("protested", "en") is None  # English writes no accents: nothing to restore
    # text with its accents is read as written: the accentless word there is another word
    assert cheap_words("protesto", "es") == [("protesto", "protesto")]
    cases = [
        ("EL GREMIO DE CAMIONEROS ARGENTINOS PROTESTO CONTRA EL GOBIERNO", "PROTEST", "ARG"),
        ("El sindicato de maestros protesto por la reforma educativa en Lima", "PROTEST", "PER"),
        ("La asociacion de campesinos denuncio la desaparicion de un dirigente en Antioquia", "ACCUSE", "COL"),
    ]
    for text, etype, country in cases:
        e = one(events(text, "es", res), etype)
        assert e["source"]["country"] == country, (text, e["source"])
        assert e["evidence"]["text"] == text  # the spans are the article's own words


def test_only_text_without_accents_is_read_as_ascii_copy(res: Resources) -> None:
    from alianza.pipeline import cheap_pass, make_article

    def bare(text: str) -> list[bool]:
        return [p.bare for p in cheap_pass(make_article(text, lang="es", clean=False), res).sentences]

    # an article with accents: only its headline in capitals lacks them
    assert bare("MINEROS PROTESTAN EN ORURO\n\nLos mineros marcharon hacia La Paz. Pidieron más salario.") == [True, False, False]
    assert bare("Los mineros marcharon hacia La Paz. Pidieron mas salario.") == [True, True]


def test_the_cheap_matcher_reads_what_the_parser_splits_or_lemmatises(res: Resources) -> None:
    """Triggers the lexicon knows through spaCy's lemma must reach the gates too: the parts of a
    hyphenated compound, and British doubled consonants that simplemma leaves doubled."""
    from alianza.events.cheap import Fire, trigger_gates
    from alianza.pipeline import cheap_words

    assert "attentat-suicide" not in res.lexicon("fr").trigger_keys
    words = cheap_words("Un attentat-suicide a frappé Mogadiscio.", "fr")
    assert ("attentat", "attentat") in words
    assert trigger_gates("fr").fire(words) is not Fire.NONE
    e = one(events("Les shebab ont commis un attentat-suicide contre une base de l'armée somalienne.", "fr", res), "ASSAULT")
    assert e["target"]["code"] == "SOM MIL"
    assert ("cancelled", "cancel") in cheap_words("Ghana cancelled the contract.", "en")
    assert ("canceled", "cancel") in cheap_words("Ghana canceled the contract.", "en")
