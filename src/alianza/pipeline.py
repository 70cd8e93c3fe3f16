"""`code_article`: the one pure per-article function every runner maps (CLI, web, Dask).

Two passes (DESIGN.md, speed): a cheap pass over every sentence (rule sentencizer, accent-folded
forms and fast lemmas against the lexicon's trigger keys, the knowledge base's automaton for actors)
marks candidate sentences; spaCy parses only those, in batches.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import Any

from .actors import ArticleContext, KnowledgeBase, find_mentions, load_kb
from .actors.resolve import place_countries, place_in
from .actors.unknown import word_sides
from .events.cheap import Fire, trigger_gates
from .events.code import CodingState, SentenceCoder
from .events.lexicon import Lexicon, available_lexicons, load_lexicon
from .events.lists import split_lists
from .events.ontology import EventType, load_ontology
from .ingest.clean import clean_page
from .ingest.dateline import split_dateline
from .ingest.langid import SAMPLE_CHARS, detect_language
from .nlp.langdata import LangData, available_languages, load_langdata
from .nlp.models import load_pipeline
from .nlp.sentences import split_sentences
from .nlp.wire import PARSED_TEXT, cut_dateline, in_capitals, parse_text, restore_words
from .textutil import WORD_RE, article_id, fold
from .types import Actor, ActorMention, Article, CodedArticle, Event, Place, Sentence

BATCH_SIZE = 128  # sentences per spaCy batch: 64-256 cost 10-15% less CPU than 16 (`bench --real`)


@lru_cache(maxsize=500_000)
def _fast_lemma(word: str, lang: str) -> str:
    import simplemma

    # the front-coded dictionary: the same lemmas (checked on 8,550 words x 9 languages) for
    # ~105 MB less per process (es: 97 MB as a dict), which is per Dask worker
    return str(simplemma.lemmatize(word, lang=lang, low_memory=True))


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


def cheap_words(text: str, lang: str, bare: bool = False) -> list[tuple[str, str]]:
    """(folded form, folded lemma) of every word: what the trigger gates read (`events/cheap.py`).

    `bare`: the text is written without its diacritics (a headline in capitals, copy in plain
    ASCII), so a word the lemmatiser does not know may be an accented form ("protesto": `bare_lemma`).
    """
    table = (_BARE_KEYS if bare else _WORD_KEYS).setdefault(lang, {})
    out = []
    for w in WORD_RE.findall(text):
        keys = table.get(w)
        if keys is None:
            if len(table) >= WORD_TABLE_MAX:
                table.clear()  # bounded: a long run's rare words do not pile up
            keys = table[w] = _word_keys(w, lang, bare)
        out.append(keys)
        if "-" in w:  # the parser splits "attentat-suicide", "cease-fire": its parts are words too
            out.extend(cheap_words(" ".join(w.split("-")), lang, bare))
    return out


# language -> word -> (folded form, folded lemma): news repeats its words, each is folded and
# lemmatised once; the words of text without diacritics have a table of their own
_WORD_KEYS: dict[str, dict[str, tuple[str, str]]] = {}
_BARE_KEYS: dict[str, dict[str, tuple[str, str]]] = {}
WORD_TABLE_MAX = 200_000


def _word_keys(w: str, lang: str, bare: bool = False) -> tuple[str, str]:
    w = w.rstrip(".") or w  # the tokeniser keeps a final period on the word ("...began a hunger strike.")
    lemma = fold((bare_lemma if bare else _fast_lemma)(w.lower(), lang))
    if len(lemma) > 4 and lemma[-1] == lemma[-2] and lemma[-1].isalpha() and lang in available_lexicons():
        # simplemma cuts a doubled consonant's ending but keeps it doubled ("cancelled" ->
        # "cancell", "signalled" -> "signall"); the parser's lemma is "cancel"
        gates = trigger_gates(lang).gates
        if lemma not in gates and lemma[:-1] in gates:
            lemma = lemma[:-1]
    return fold(w), lemma


def bare_lemma(word: str, lang: str) -> str:
    """The lemma of a word of text written without diacritics: simplemma's, or that of the word
    with its diacritic given back (`accented_form`)."""
    return _fast_lemma(accented_form(word, lang) or word, lang)


@lru_cache(maxsize=100_000)
def accented_form(word: str, lang: str) -> str | None:
    """A lower-case word of text without diacritics, with one letter given back its diacritic
    (`accented_letters` in `data/lang/<lang>.yaml`: "protesto" is "protestó"), when simplemma knows
    the word only as itself and the accented form is an inflection of a word the trigger gates
    read (a trigger, a support or a claim verb); else None.

    Why: 1990s wire headlines come in capitals without accents ("EL SENADO PROTESTO POR EL
    FALLO") and some corpora are plain ASCII ("denuncio la desaparicion"): their verbs were neither
    candidates nor triggers, and the parser read them as nouns. One try per letter, once per word
    (cached), only in such text.
    """
    letters = load_langdata(lang).accented_letters if lang in available_languages() else ()
    if not letters or len(word) < 4 or not word.isalpha() or fold(_fast_lemma(word, lang)) != fold(word):
        return None
    if lang not in available_lexicons():
        return None
    wanted, stems, by_base = _accent_targets(lang)
    if fold(word) in wanted or _stem(word, by_base) not in stems:
        return None  # a word no accent can make a trigger of costs one set look-up, not a lemma each
    for i, ch in enumerate(word):
        for c in by_base.get(ch, ()):
            variant = word[:i] + c + word[i + 1 :]
            got = _fast_lemma(variant, lang)
            if got != variant and fold(got) in wanted and not _imperative(variant, got):
                return variant
    return None


def _imperative(variant: str, lemma: str) -> bool:
    """Is the accented form an imperative of the lemma, the infinitive less its "r" with the stress
    on its last vowel ("causá", "partí")? News reports in the third person: the plain word there is
    another word ("a causa de"), and restoring it broke the parse of unaccented sentences."""
    return variant[-1] in "áí" and fold(variant) + "r" == fold(lemma)


STEM = 3  # letters a word shares with the lemma it inflects, bar its vowels ("murio", "morir": m*r)


def _stem(word: str, by_base: dict[str, tuple[str, ...]]) -> str:
    """The first letters of a word, the letters that take accents (the vowels) blanked: a stem
    keeps them across irregular inflections ("pidió", "pedir")."""
    return "".join("*" if c in by_base else c for c in word[:STEM])


@lru_cache(maxsize=16)
def _accent_targets(lang: str) -> tuple[frozenset[str], frozenset[str], dict[str, tuple[str, ...]]]:
    """The words `accented_form` may reach (folded), their first letters, and the accented
    letters by the letter they fold to."""
    gates = trigger_gates(lang)
    wanted = frozenset(gates.gates.keys() | gates.light_verbs | gates.claim_verbs)
    by_base: dict[str, tuple[str, ...]] = {}
    for c in load_langdata(lang).accented_letters:
        by_base[fold(c)] = (*by_base.get(fold(c), ()), c)
    return wanted, frozenset(_stem(w, by_base) for w in wanted), by_base


def has_diacritics(text: str, lang: str) -> bool:
    """Does the text use any of its language's accented letters (else it may be plain ASCII copy)?"""
    letters = load_langdata(lang).accented_letters if lang in available_languages() else ()
    return any(c in text or c.upper() in text for c in letters)


def is_candidate(sent: Sentence, lang: str, lex: Lexicon) -> bool:
    """Does the sentence hold a trigger word at all (before its entries' conditions)?"""
    keys = lex.trigger_keys
    bare = in_capitals(sent.text) or not has_diacritics(sent.text, lang)
    return any(f in keys or lem in keys for f, lem in cheap_words(sent.text, lang, bare))


@dataclass
class StageTimes:
    """Seconds spent per stage of `code_articles`, summed over calls (`alianza bench --real`)."""

    cheap: float = 0.0  # sentences and trigger gates
    resolve: float = 0.0  # actor mentions and places (every sentence: they inform later ones)
    spacy: float = 0.0  # the candidates' parses
    coder: float = 0.0

    def add(self, stage: str, since: float) -> float:
        now = time.process_time()
        setattr(self, stage, getattr(self, stage) + now - since)
        return now


@dataclass(frozen=True, slots=True)
class Prepared:
    """One sentence after the cheap pass: its actors, its places, and whether spaCy must read it."""

    sentence: Sentence
    mentions: list[ActorMention]
    places: list[tuple[int, int, Place]]
    candidate: bool
    bare: bool = False  # written without diacritics (capitals, plain ASCII): `bare_lemma` reads its words


@dataclass
class CheapArticle:
    """An article after the cheap pass, waiting for the parses of its candidate sentences."""

    article: Article
    sentences: list[Prepared]
    learned: tuple[Actor, ...]
    home: str | None  # the country the article is at home in (its places, dateline, source): unknown sides take it

    @property
    def candidates(self) -> list[Prepared]:
        return [p for p in self.sentences if p.candidate]


def cheap_pass(
    article: Article,
    res: Resources,
    source_home: str | None = None,
    known_people: list[Actor] | None = None,
    parse_all: bool = False,
    times: StageTimes | None = None,
) -> CheapArticle:
    """Resolve every sentence's actors (they inform later sentences) and pick the candidates.

    A sentence is a candidate when a trigger's conditions hold on its words and it names an actor,
    or (pro-drop) a verb trigger can take the subject of an earlier candidate that named one.
    `parse_all` makes every sentence a candidate (eval: what the cheap pass loses).
    """
    t = time.process_time()
    sentences = split_sentences(article.text)
    lang = article.lang
    if not res.codes(lang) or not sentences:
        return CheapArticle(article, [Prepared(s, [], [], False) for s in sentences], (), None)
    assert lang is not None
    gates = trigger_gates(lang)
    pro_drop = res.langdata(lang).syntax.pro_drop
    ctx = ArticleContext(date=article.published, source_home=source_home)
    ctx.recall(known_people or [])
    if article.dateline:  # the cleaner took it off the body (ingest/dateline.py): its place is the article's
        ctx.place_countries.extend(place_countries(article.dateline, lang, res.kb))
    out: list[Prepared] = []
    antecedent = False  # an earlier candidate named an actor: a dropped subject may be it
    ascii_copy = not has_diacritics(article.text, lang)
    clock = times or StageTimes()
    for s in sentences:
        s, dateline = cut_dateline(s)  # nlp/wire.py: one left inside the text is a place, not a side
        if dateline is not None:
            ctx.place_countries.extend(place_countries(dateline.place, lang, res.kb))
        bare = ascii_copy or in_capitals(s.text)
        fire = gates.fire(cheap_words(s.text, lang, bare))
        t = clock.add("cheap", t)
        mentions = find_mentions(s.text, lang, res.kb, ctx, offset=s.start)
        # a side may also be words the knowledge base does not know (actors/unknown.py: "decenas de
        # colonos protestaron"), found on the parse: in a pro-drop language any firing sentence can hold one
        # but an entry that needs its target named needs a name here ("salió de casa" leaves no one)
        sided = (
            bool(mentions)
            or (pro_drop and fire is not Fire.NAMED)
            or fire is Fire.ALONE
            or (fire is Fire.INHERITS and antecedent)
        )
        cand = parse_all or (fire is not Fire.NONE and sided)
        antecedent = antecedent or (cand and bool(mentions))
        places = place_in(s.text, lang, res.kb, offset=s.start) if cand else []
        t = clock.add("resolve", t)
        out.append(Prepared(s, mentions, places, cand, bare))
    return CheapArticle(article, out, tuple(ctx.learned.values()), ctx.home_country())


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
    article: Article,
    res: Resources,
    source_home: str | None = None,
    known_people: list[Actor] | None = None,
    parse_all: bool = False,
) -> CodedArticle:
    """Code one article. Pure: no I/O, no globals; the same call runs locally and on a cluster.

    `source_home`: the country the article's source reports from (actors/resolve.py, HomeTally),
    which bare sector nouns take when the article names no place of its own. `known_people`:
    people earlier articles introduced by title ("el canciller ucraniano, Andrii Sybiha"), so that
    this one's bare "Sybiha" is coded too; the store keeps them (`Store.people`).
    A batch of one: `code_articles` is the fast way for many.
    """
    return code_articles([article], res, [source_home], [known_people or []], parse_all=parse_all)[0]


def code_articles(
    articles: Sequence[Article],
    res: Resources,
    homes: Sequence[str | None] | None = None,
    people: Sequence[list[Actor]] | None = None,
    learn: bool = True,
    parse_all: bool = False,
    times: StageTimes | None = None,
) -> list[CodedArticle]:
    """Code a batch: the cheap pass on every article, one spaCy run per language over all the
    batch's candidate sentences, then the coder, article by article. Same result as coding each
    alone, several times faster: spaCy's cost per call is paid once per batch, not per sentence.

    `homes[i]`, `people[i]`: article i's source home country and known people (see `code_article`).
    People an article introduces are passed on to the later articles of the batch, as a runner
    that codes them one by one and remembers them would (`learn=False`: each article alone).
    """
    cheap: list[CheapArticle] = []
    learned: list[Actor] = []
    for i, a in enumerate(articles):
        known = [*(people[i] if people else []), *learned]
        c = cheap_pass(a, res, homes[i] if homes else None, known, parse_all, times)
        if learn:
            learned.extend(c.learned)
        cheap.append(c)
    t = time.process_time()
    docs = parse_candidates(cheap, res)
    t = times.add("spacy", t) if times else t
    coded = [code_prepared(c, docs[i], res) for i, c in enumerate(cheap)]
    if times:
        times.add("coder", t)
    return coded


def parse_candidates(cheap: Sequence[CheapArticle], res: Resources) -> list[list[Any]]:
    """The Docs of every article's candidate sentences, in order: one `nlp.pipe` per language."""
    out: list[list[Any]] = [[] for _ in cheap]
    by_lang: dict[str, list[tuple[str, int]]] = {}
    for i, c in enumerate(cheap):
        if c.article.lang is not None:
            lang = c.article.lang
            accented = partial(accented_form, lang=lang)
            by_lang.setdefault(lang, []).extend(
                (parse_text(p.sentence, accented if p.bare else None), i) for p in c.candidates
            )
    for lang, items in by_lang.items():
        if items:
            texts = iter(items)
            for doc, i in res.nlp(lang).pipe(items, as_tuples=True, batch_size=BATCH_SIZE):
                doc.user_data[PARSED_TEXT] = next(texts)[0]  # spaCy's pipe keeps the order of its inputs
                out[i].append(doc)
    return out


def code_prepared(cheap: CheapArticle, docs: list[Any], res: Resources) -> CodedArticle:
    """The coder over one article's parsed candidates, in sentence order (pro-drop state)."""
    article, todo = cheap.article, cheap.candidates
    if not todo:
        return CodedArticle(article, (), len(cheap.sentences), 0, cheap.learned)
    lang = article.lang
    assert lang is not None
    lex, ld = res.lexicon(lang), res.langdata(lang)
    state = CodingState(article.id, article.published)
    events: list[Event] = []
    for p, doc in zip(todo, docs, strict=True):
        doc = restore_words(doc, p.sentence.text)  # parsed case-normalised or accent-restored
        # a subject the knowledge base does not know is a side of its own words (actors/unknown.py)
        where = next((pl.country for _a, _b, pl in p.places if pl.country), None) or cheap.home
        mentions = p.mentions + word_sides(doc, p.mentions, lang, res.kb, p.sentence.start, where)
        coder = SentenceCoder(
            doc,
            p.sentence,
            mentions,
            lex,
            res.ontology,
            ld,
            state,
            p.places,
            lemma_of=lambda w, _l=lang, _b=p.bare: (bare_lemma if _b else _fast_lemma)(w.lower(), _l),
        )
        coded = split_lists(coder.code(), doc, mentions, p.sentence.start)  # events/lists.py: one per member
        state.told.update((ev.type, ev) for ev in coded if ev.source is not None)
        events.extend(coded)
    return CodedArticle(
        article,
        tuple(merge_repeats(events)),
        len(cheap.sentences),
        len(todo),
        cheap.learned,
        tuple(p.sentence.index for p in todo),
    )


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
    if not lang:
        # the clean text again, unless it starts as the raw one did (feeds and dumps give clean
        # text): the detector reads the same sample then, and `guess` is its answer (0.6 ms)
        same = text[:SAMPLE_CHARS] == raw[:SAMPLE_CHARS]
        lang = guess if same else detect_language(text, hint=guess)
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
