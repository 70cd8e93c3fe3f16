"""The coder's per-sentence indexes (issue 16, speed) answer what the scans of the Doc they
replace answered: token slices by offset, the parser sentence's start, the claim words, a
mention's tokens, the gazetteer hits kept for the next call, the parsed text kept on the Doc."""

from __future__ import annotations

from typing import Any

import pytest

from alianza.actors.hits import gazetteer_hits
from alianza.events.code import CodingState, SentenceCoder
from alianza.events.lists import _Spans
from alianza.nlp.wire import PARSED_TEXT, restore_words
from alianza.pipeline import Resources, cheap_pass, code_articles, make_article, parse_candidates
from alianza.textutil import fold

TEXTS = [
    ("es", "Según la policía, unos 300 campesinos marcharon el lunes en Cochabamba. Bolivia y Perú firmaron "
           "un acuerdo de cooperación en Lima, dijo el canciller. EL SENADO PROTESTO POR EL FALLO."),
    ("en", "Poland and Lithuania condemned Belarus on Monday, according to officials in Warsaw. "
           "About 2,000 farmers protested in Nairobi. Kenya said it would send 400 police officers to Haiti."),
    ("fr", "D'après des témoins, des soldats maliens ont tiré sur 50 manifestants à Bamako. "
           "Le Sénégal et la Gambie ont signé un accord à Dakar, selon l'AFP."),
]  # fmt: skip


def _coders(res: Resources, lang: str, text: str) -> list[tuple[SentenceCoder, Any]]:
    cheap = cheap_pass(make_article(text, lang=lang, clean=False), res)
    docs = parse_candidates([cheap], res)[0]
    out = []
    for p, doc in zip(cheap.candidates, docs, strict=True):
        doc = restore_words(doc, p.sentence.text)
        coder = SentenceCoder(
            doc, p.sentence, p.mentions, res.lexicon(lang), res.ontology, res.langdata(lang),
            CodingState("t", None), p.places,
        )  # fmt: skip
        out.append((coder, p))
    assert out, "no candidate sentence"
    return out


@pytest.mark.parametrize(("lang", "text"), TEXTS)
def test_indexes_answer_what_the_scans_answered(res: Resources, lang: str, text: str) -> None:
    for coder, p in _coders(res, lang, text):
        doc = coder.doc
        n = len(p.sentence.text)
        for start in range(0, n + 1, 3):
            for end in (start, start + 1, start + 7, start + 30):
                assert [t.i for t in coder.tokens_from(start, end)] == [
                    t.i for t in doc if start <= t.idx < end
                ], (start, end)
        for t in doc:
            assert coder.sentence_start(t) == t.sent.start
        words = coder.syn.claim_words
        scanned = [
            t.i
            for t in doc
            if fold(t.text) in words
            or (t.i > 0 and fold(doc[t.i - 1].text).endswith(("'", "’")) and fold(doc[t.i - 1].text + t.text) in words)
        ]
        assert [t.i for t in coder.claim_tokens()] == scanned
        spans = _Spans(doc, p.sentence.start)
        for m in p.mentions:
            assert [t.i for t in spans.of(m)] == [
                t.i for t in doc if t.idx + p.sentence.start < m.end and m.start < t.idx + len(t) + p.sentence.start
            ]


def test_claim_words_are_found_elided_and_alone(res: Resources) -> None:
    (coder, _p), *_ = _coders(res, "fr", TEXTS[2][1])
    assert coder.claim_tokens(), "D'après: an elided claim word"


@pytest.mark.parametrize(("lang", "text"), TEXTS)
def test_the_parsed_text_is_the_docs_text(res: Resources, lang: str, text: str) -> None:
    cheap = cheap_pass(make_article(text, lang=lang, clean=False), res)
    for doc in parse_candidates([cheap], res)[0]:
        assert doc.user_data[PARSED_TEXT] == doc.text


def test_kept_hits_are_those_of_the_same_text_only(res: Resources) -> None:
    a = "Rusia y China felicitaron a Irán."
    b = "Brasil condenó a Venezuela."
    first = gazetteer_hits(res.kb, "es", a)
    assert gazetteer_hits(res.kb, "es", a) == first
    other = gazetteer_hits(res.kb, "es", b)
    assert other != first
    got = gazetteer_hits(res.kb, "es", a)
    got.clear()  # a caller's list is its own
    assert gazetteer_hits(res.kb, "es", a) == first


@pytest.mark.parametrize(("lang", "text"), TEXTS)
def test_a_batch_codes_as_one_by_one(res: Resources, lang: str, text: str) -> None:
    arts = [make_article(x, lang=lang, clean=False) for x in (text, text.upper(), text)]
    together = code_articles(arts, res, learn=False)
    alone = [code_articles([a], res)[0] for a in arts]
    assert [c.events for c in together] == [c.events for c in alone]
