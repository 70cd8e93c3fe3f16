"""`code_article`: the one pure per-article function every runner maps (CLI, web, Dask).

Two passes (DESIGN.md, speed): a cheap pass over every sentence (rule sentencizer, accent-folded
forms and fast lemmas against the lexicon's trigger keys, the knowledge base's automaton for actors)
marks candidate sentences; spaCy parses only those, in batches.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from .actors import ArticleContext, KnowledgeBase, find_mentions, load_kb
from .actors.resolve import place_countries, place_in
from .actors.unknown import word_sides
from .events.code import CodingState, SentenceCoder
from .events.lexicon import Lexicon, available_lexicons, load_lexicon
from .events.lists import split_lists
from .events.ontology import EventType, load_ontology
from .ingest.clean import clean_page
from .ingest.dateline import split_dateline
from .ingest.langid import detect_language
from .nlp.langdata import LangData, available_languages, load_langdata
from .nlp.models import load_pipeline
from .nlp.sentences import split_sentences
from .nlp.wire import cut_dateline, parse_text, restore_words
from .textutil import article_id, fold, words
from .types import Actor, Article, CodedArticle, Event, Sentence

BATCH_SIZE = 16  # DEPENDENCIES.md: 8-32; at 128 one model peaks at 1.5 GB and runs 20% slower


@lru_cache(maxsize=500_000)
def _fast_lemma(word: str, lang: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang=lang))


@dataclass
class Resources:
    """Everything heavy that coding needs, built once per process (or per Dask worker)."""

    kb: KnowledgeBase
    ontology: dict[str, EventType]
    languages: tuple[str, ...]
    _nlp: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, languages: tuple[str, ...] | None = None) -> Resources:
        langs = languages or tuple(x for x in available_lexicons() if x in available_languages())
        return cls(kb=load_kb(), ontology=load_ontology(), languages=langs)

    def codes(self, lang: str | None) -> bool:
        return lang in self.languages

    def nlp(self, lang: str) -> Any:
        if lang not in self._nlp:
            self._nlp[lang] = load_pipeline(lang)
        return self._nlp[lang]

    def lexicon(self, lang: str) -> Lexicon:
        return load_lexicon(lang)

    def langdata(self, lang: str) -> LangData:
        return load_langdata(lang)


def is_candidate(sent: Sentence, lang: str, lex: Lexicon) -> bool:
    keys = lex.trigger_keys
    for _s, _e, w in words(sent.text):
        w = w.rstrip(".") or w  # the tokeniser keeps a final period on the word ("...began a hunger strike.")
        f = fold(w)
        if f in keys or fold(_fast_lemma(w.lower(), lang)) in keys:
            return True
    return False


def _event_key(ev: Event) -> tuple[str, ...]:
    src = ev.source.actor.code if ev.source else "-"
    tgt = ev.target.actor.code if ev.target else "-"
    if ev.symmetric:
        src, tgt = sorted((src, tgt))
    return (ev.type, src, tgt, ev.status, ev.date.value if ev.date else "-")


def merge_repeats(events: list[Event]) -> list[Event]:
    """One event per (type, actors, status, date) in an article: a story retold is counted once.

    A retelling without a date ("la inminente cumbre entre Putin y Trump") is the event told
    earlier with one ("la cumbre programada ... el próximo 15 de agosto"), and the other way round.
    """
    seen: dict[tuple[str, ...], int] = {}
    undated: dict[tuple[str, ...], int] = {}  # key without the date -> first event of that key
    out: list[Event] = []
    for ev in events:
        k = _event_key(ev)
        base = k[:-1]
        i = seen.get(k)
        if i is None and base in undated:
            first = out[undated[base]]
            # only a reference by a noun is a retelling; a verb asserts an action of its own
            # ("reafirmaron su compromiso con el acuerdo firmado en julio de 2024": two events)
            if (k[-1] == "-" and ev.nominal) or (_event_key(first)[-1] == "-" and first.nominal):
                i = undated[base]
        if i is not None:
            kept = out[i]
            if kept.date is None and ev.date is not None:
                kept = replace(kept, date=ev.date)
            out[i] = replace(kept, mentions=kept.mentions + 1)
            seen.setdefault(k, i)
        else:
            seen[k] = len(out)
            undated.setdefault(base, len(out))
            out.append(ev)
    return out


def code_article(
    article: Article, res: Resources, source_home: str | None = None, known_people: list[Actor] | None = None
) -> CodedArticle:
    """Code one article. Pure: no I/O, no globals; the same call runs locally and on a cluster.

    `source_home`: the country the article's source reports from (actors/resolve.py, HomeTally),
    which bare sector nouns take when the article names no place of its own. `known_people`:
    people earlier articles introduced by title ("el canciller ucraniano, Andrii Sybiha"), so that
    this one's bare "Sybiha" is coded too; the store keeps them (`Store.people`).
    """
    lang = article.lang
    sentences = split_sentences(article.text)
    if not res.codes(lang) or not sentences:
        return CodedArticle(article, (), len(sentences), 0)
    assert lang is not None
    lex, ld = res.lexicon(lang), res.langdata(lang)
    ctx = ArticleContext(date=article.published, source_home=source_home)
    ctx.recall(known_people or [])
    if article.dateline:  # the cleaner took it off the body (ingest/dateline.py): its place is the article's
        ctx.place_countries.extend(place_countries(article.dateline, lang, res.kb))
    per_sentence = []
    for s in sentences:
        s, dateline = cut_dateline(s)  # nlp/wire.py: one left inside the text is a place, not a side
        if dateline is not None:
            ctx.place_countries.extend(place_countries(dateline.place, lang, res.kb))
        mentions = find_mentions(s.text, lang, res.kb, ctx, offset=s.start)
        places = place_in(s.text, lang, res.kb, offset=s.start)
        cand = is_candidate(s, lang, lex) and bool(mentions or ld.syntax.pro_drop)
        per_sentence.append((s, mentions, places, cand))
    todo = [x for x in per_sentence if x[3]]
    # a headline in capitals is parsed from a case-normalised copy, then put back on its own words
    docs = (
        restore_words(d, x[0].text)
        for d, x in zip(res.nlp(lang).pipe([parse_text(x[0]) for x in todo], batch_size=BATCH_SIZE), todo, strict=True)
    )
    state = CodingState(article.id, article.published)
    events: list[Event] = []
    for (s, mentions, places, _c), doc in zip(todo, docs, strict=True):
        # a subject the knowledge base does not know is a side of its own words (actors/unknown.py)
        where = next((p.country for _a, _b, p in places if p.country), None) or ctx.home_country()
        mentions = mentions + word_sides(doc, mentions, lang, res.kb, s.start, where)
        coder = SentenceCoder(
            doc,
            s,
            mentions,
            lex,
            res.ontology,
            ld,
            state,
            places,
            lemma_of=lambda w, _l=lang: _fast_lemma(w.lower(), _l),
        )
        coded = split_lists(coder.code(), doc, mentions, s.start)  # events/lists.py: one per member
        state.told.update((ev.type, ev) for ev in coded if ev.source is not None)
        events.extend(coded)
    return CodedArticle(article, tuple(merge_repeats(events)), len(sentences), len(todo), tuple(ctx.learned.values()))


def make_article(
    raw: str,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
    clean: bool = True,
    title: str | None = None,
    author: str | None = None,
    section: str | None = None,
    site: str | None = None,
    origin: str | None = None,
    lang_hint: str | None = None,
    dateline: str | None = None,
) -> Article:
    """Turn raw page text into an Article: clean it, read its metadata, identify its language.

    `lang` is authoritative (the caller knows); `lang_hint` (a page's or feed's declaration) only
    decides for texts too short to identify. `origin` (URL or file and record) makes the id; see
    `textutil.article_id`.
    """
    guess = lang or detect_language(raw, hint=lang_hint)
    page = clean_page(raw, guess) if clean else None
    text = page.text if page else raw.strip()
    if page is None and dateline is None:  # extracted text (HTML, feeds): the dateline is still on it
        first, sep, rest = text.partition("\n\n")
        dateline, first = split_dateline(first, guess)
        text = (first.strip() + sep + rest) if dateline and first.strip() else text
        dateline = dateline if dateline and first.strip() else None
    lang = lang or detect_language(text, hint=guess)
    content = article_id(text)
    return Article(
        id=article_id(text, origin) if origin else content,
        text=text,
        lang=lang,
        url=url,
        source=source,
        title=title or (page.title if page else None),
        deck=page.deck if page else None,
        author=author or (page.author if page else None),
        section=section or (page.section if page else None),
        published=published or (page.published if page else None),
        boilerplate=page.boilerplate if page else (),
        content_hash=content,
        site=site,
        dateline=dateline or (page.dateline if page else None),
    )
