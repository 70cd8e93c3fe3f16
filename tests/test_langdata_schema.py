"""data/lang/<lang>.yaml is checked at load: an unknown key or a wrong type names the file and key."""

from __future__ import annotations

from alianza.nlp.langdata import SYNTAX_KEYS, WORD_KEYS, load_langdata, syntax_problems, words_problems


def test_every_language_file_loads_with_its_words() -> None:
    for lang in ("es", "en", "fr"):
        ld = load_langdata(lang)
        assert set(ld.words) == set(WORD_KEYS)
        assert ld.noun_source_slots and ld.abbreviations


def test_an_unknown_or_mistyped_key_is_named_with_its_file() -> None:
    syn = {k: [] for k in SYNTAX_KEYS} | {"charge_mark": ["por"], "negation": "no", "contractions": {"al": "a"}}
    got = [f"{p.path}: {p.message}" for p in syntax_problems("xx.yaml", syn)]
    assert any("xx.yaml" in g and "unknown key 'charge_mark'" in g for g in got), got
    assert any("syntax.negation: must be a list" in g for g in got), got
    words = {k: [] for k in WORD_KEYS if k != "and_words"} | {"directions": [1, 2]}
    got = [p.message for p in words_problems("xx.yaml", words)]
    assert "words: missing key 'and_words'" in got and "words.directions: must be a list of words" in got, got
