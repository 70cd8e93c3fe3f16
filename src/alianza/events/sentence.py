"""The parsed sentence that every rule of the event coder reads: the coder's shared state.

Reads: one sentence parsed alone (a spaCy Doc), the actor mentions the resolver found in it, the
trigger lexicon, the ontology, the `syntax` block of `data/lang/<lang>.yaml` (dependency labels,
negation, modal and claim words), the places of the sentence and the article's running state
(`CodingState`). Decides no event: it maps tokens to the mentions they belong to and answers the
syntactic questions that every concern asks (the preposition of a phrase, the actor heading it, the
subject of a verb, passive voice, a purpose clause, a core argument).

The concerns are mixins over this class, in the way spaCy's pipeline components all read one `Doc`
and each write their own attribute: `triggers` (does a lexicon entry fire), `arguments` (who does
what to whom), `sides` (sides completed from context), `modality` (status, claims, announcements),
`details` (date, place, quantity), `clauses` (which events a sentence reports) and `choose` (one
event per trigger). `code.SentenceCoder` composes them.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..nlp.dates import find_dates
from ..nlp.langdata import LangData
from ..nlp.quantities import find_quantities
from ..nlp.repair import repair_parse
from ..textutil import fold
from ..types import ActorMention, Event, Place, Sentence
from .lexicon import Lexicon
from .ontology import EventType

Token = Any  # spacy.tokens.Token: kept loose so that this module imports without spaCy
MAX_ARG_DEPTH = 4
VERB_POS = frozenset({"VERB", "AUX", "ADJ"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass
class CodingState:
    """Per-article state the coder carries from sentence to sentence (Spanish pro-drop)."""

    article_id: str
    published: dt.date | None
    last_subject: ActorMention | None = None
    keys: set[tuple[str, ...]] = field(default_factory=set)
    # the article's events so far, by type: the actors of "el acuerdo", "the strike" told before
    told: dict[str, Event] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Args:
    source: ActorMention | None
    target: ActorMention | None
    inherited: bool


def lemma_keys(t: Token, lemma_of: Any) -> set[str]:
    ks = {fold(t.lemma_), fold(t.text)}
    if lemma_of is not None:
        ks.add(fold(lemma_of(t.text)))
    return ks


@lru_cache(maxsize=64)
def _pair_words(pairs: frozenset[str]) -> frozenset[str]:
    """The words of a set of two-word marks ("si bien": "si", "bien")."""
    return frozenset(w for p in pairs for w in p.split())


class ParsedSentence:
    """One parsed sentence with its mentions, and the syntactic questions the rules ask of it;
    built once per sentence, cheap."""

    def __init__(
        self,
        doc: Any,
        sent: Sentence,
        mentions: list[ActorMention],
        lexicon: Lexicon,
        ontology: dict[str, EventType],
        lang: LangData,
        state: CodingState,
        places: list[tuple[int, int, Place]],
        lemma_of: Any = None,
    ) -> None:
        self.doc, self.sent, self.lex, self.ont, self.ld, self.state = doc, sent, lexicon, ontology, lang, state
        self.syn = lang.syntax
        self.lemma_of = lemma_of
        repair_parse(doc, lang, lemma_of)
        self.mentions = mentions
        self.places = places
        # Parsed once per sentence, not once per candidate trigger.
        self.dates = find_dates(sent.text, lang.lang, state.published)
        self.quantities = find_quantities(sent.text, lang.lang)
        self.tok_mention: dict[int, ActorMention] = {}
        self.mention_root: dict[int, ActorMention] = {}
        # tokens are in text order and do not overlap, so a mention's tokens are one slice: found by
        # bisection, not by a scan of the sentence per mention (the coder's costliest loop)
        all_toks = list(doc)
        starts = [t.idx + sent.start for t in all_toks]
        ends = [b + len(t) for b, t in zip(starts, all_toks, strict=True)]
        self._tokens, self._idx = all_toks, [t.idx for t in all_toks]
        self._sent_starts: list[int] | None = None
        self._claim_tokens: list[Token] | None = None
        self._phrase: dict[int, frozenset[str]] = {}  # token -> `phrase_lemmas`
        for m in mentions:
            toks = all_toks[bisect_right(ends, m.start) : bisect_left(starts, m.end)]
            if (
                m.how in ("sector", "context")
                and toks
                and all(t.pos_ == "ADJ" and fold(t.dep_) == "amod" for t in toks)
            ):
                continue  # "all official contact", "a military plane": a sector word used as an adjective
            if m.how == "metonym" and toks and self.names_event(toks):
                continue  # "the Paris agreement", "the Minsk accords": a seat of power naming an event, not a side
            if m.how == "adjective" and m.actor.sector == "CVL" and toks and self.names_event(toks, ("amod", "compound")):
                # "two Israeli air raids", "tres bombardeos rusos": the number counts the events the
                # adjective qualifies, not people of that country (actors.unknown.counted_people)
                m = replace(m, actor=replace(m.actor, sector=None))
            for t in toks:
                self.tok_mention.setdefault(t.i, m)
            ids = {t.i for t in toks}
            roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
            if roots:
                self.mention_root.setdefault(roots[0].i, m)
        # what `code` learns while it reads the sentence: the clause head of the entry tried last, and
        # the governing acts (threats, refusals, demands) by token
        self._clause = -1
        self.governing_type: dict[int, str] = {}
        # triggers whose target the arguments settled, none included ("condemned the attack on X")
        self.settled_target: set[int] = set()

    def names_event(self, toks: list[Token], deps: tuple[str, ...] = ("compound",)) -> bool:
        """Are the tokens a name compounded to a noun the lexicon knows as an event ("the Paris
        agreement", "the Geneva talks", "los acuerdos de Minsk" is a case phrase, not this), or,
        with `deps` ("amod"), an adjective of one ("Israeli air raids")?"""
        ids = {t.i for t in toks}
        heads = {t.head for t in toks if t.head.i not in ids}
        if len(heads) != 1 or not all(fold(t.dep_) in deps for t in toks if t.head.i not in ids):
            return False
        head = next(iter(heads))
        entries = self.lex.lookup(*lemma_keys(head, self.lemma_of))
        return head.pos_ in NOUN_POS and any(e.pos == "noun" for e in entries)

    def tokens_from(self, start: int, end: int) -> list[Token]:
        """The tokens that begin at a character in [start, end) of the sentence's text, in order
        (`[x for x in doc if start <= x.idx < end]`, by bisection: the coder asks it per date,
        place and quantity of every trigger tried)."""
        return self._tokens[bisect_left(self._idx, start) : bisect_left(self._idx, end)]

    def sentence_start(self, t: Token) -> int:
        """`t.sent.start`: the first token of the parser's sentence that holds `t` (spaCy's
        `Token.sent` checks the whole Doc's annotation each time; this reads it once)."""
        if self._sent_starts is None:
            out: list[int] = []
            cur = 0
            for x in self._tokens:
                if x.is_sent_start:
                    cur = int(x.i)
                out.append(cur)
            self._sent_starts = out
        return int(self._sent_starts[t.i])

    def claim_tokens(self) -> list[Token]:
        """The tokens that are a claim word ("según", "selon") alone or with the elided token
        before them ("D'" + "après"), in order: read once per sentence, not once per trigger."""
        if self._claim_tokens is None:
            words, out, before = self.syn.claim_words, [], ""
            for tok in self._tokens:
                word = fold(tok.text)
                elided = before + word if before.endswith(("'", "’")) else ""
                if word in words or elided in words:
                    out.append(tok)
                before = word
            self._claim_tokens = out
        return self._claim_tokens

    def dep(self, t: Token) -> str:
        return fold(t.dep_)

    def lem(self, t: Token) -> str:
        return fold(t.lemma_)

    def is_light(self, t: Token) -> bool:
        """A support verb, by the model's lemma or the lexicon lemmatiser's ("staged" is "stag" to
        the small English model)."""
        return bool(lemma_keys(t, self.lemma_of) & self.syn.light_verbs)

    def case_of(self, t: Token) -> str | None:
        for c in t.children:
            if self.dep(c) in self.syn.case or (self.dep(c) == "mark" and c.i < t.i):
                word = fold(c.text)
                if word in self.syn.between_cases:
                    return word  # the French model lemmatises the preposition "entre" as the verb "entrer"
                return self.syn.contractions.get(word) or (self.lem(c) if self.lem(c) != "a" or word == "a" else "a")
        if fold(t.head.dep_) == "prep":  # ClearNLP: prep -> pobj
            return self.lem(t.head)
        return None

    def phrase_lemmas(self, t: Token) -> frozenset[str]:
        """The lemmas and words of the trigger's phrase; read once per token, not once per entry tried."""
        got = self._phrase.get(t.i)
        if got is None:
            got = self._phrase[t.i] = frozenset(self._phrase_lemmas(t))
        return got

    def _phrase_lemmas(self, t: Token) -> set[str]:
        out = {self.lem(t), fold(t.text)}
        for c in t.children:
            out |= {self.lem(c), fold(c.text)}
            if self.dep(c) in ("ccomp", "parataxis", "advcl", "csubj"):
                continue  # "a spokesman announced [that Israel reimposed blockades]": another clause's words
            for g in c.children:
                out |= {self.lem(g), fold(g.text)}
                for gg in g.children:
                    if self.dep(gg) in ("pobj", "nmod", "obj", "compound", "amod"):
                        out |= {self.lem(gg), fold(gg.text)}
        for n in self.doc[t.i + 1 : t.i + 4]:
            out |= {self.lem(n), fold(n.text)}
        return out

    def subtree_lemmas(self, t: Token) -> set[str]:
        return {self.lem(x) for x in t.subtree} | {fold(x.text) for x in t.subtree}

    def actor_in(self, node: Token, as_subject: bool = False) -> ActorMention | None:
        """The actor heading a phrase: the mention nearest to its root, not inside subordinate clauses."""
        if node.i in self.tok_mention:
            return self.tok_mention[node.i]
        frontier, depth = [node], 0
        # "a María Elena, presidenta del sindicato": a name the base does not know is who its
        # apposition says
        named = node.pos_ == "PROPN"
        while frontier and depth < MAX_ARG_DEPTH:
            depth += 1
            nxt = []
            for n in frontier:
                for c in n.children:
                    if self.dep(c) == "appos" and (
                        (named and depth == 1)
                        or (
                            n.pos_ == "NOUN"
                            and n.i not in self.tok_mention
                            and (m := self.tok_mention.get(c.i)) is not None
                            and m.how not in ("place", "gazetteer", "metonym")
                        )
                    ):
                        pass  # "la organización ecologista Greenpeace": a common noun its apposition names
                    elif self.dep(c) in self.syn.clause_deps or self.dep(c) in ("relcl", "conj", "appos", "punct"):
                        continue
                    if c.i in self.mention_root and not (as_subject and self.located(c)):
                        return self.mention_root[c.i]
                    nxt.append(c)
            for n in nxt:
                if n.i in self.tok_mention and not (as_subject and self.located(n)):
                    return self.tok_mention[n.i]
            frontier = nxt
        return None

    def located(self, tok: Token) -> bool:
        """A place named as where something is ("a bombing near the town of Samarra", "the camp in
        Goma") locates the phrase; it is not its actor."""
        m = self.tok_mention.get(tok.i)
        return m is not None and m.how == "place" and self.place_case(tok) in self.syn.locative_cases

    def place_case(self, tok: Token) -> str | None:
        """The preposition that places a name, through "the town of", "la ciudad de": "outside of
        the Iraqi city of Basra" is "outside", "cerca del municipio de Tame" is "cerca"."""
        node, case = tok, self.case_of(tok)
        if case is None and self.dep(tok) in ("appos", "compound", "flat") and tok.head.pos_ in NOUN_POS:
            node, case = tok.head, self.case_of(tok.head)  # "in the capital Kabul"
        for _ in range(3):
            if case not in self.syn.of_cases:
                break
            holder = node.head.head if self.dep(node.head) == "prep" else node.head
            if holder.i == node.i:
                break
            if holder.pos_ in NOUN_POS:
                node, case = holder, self.case_of(holder)
            elif holder.pos_ in ("ADP", "ADV"):  # "outside of", "cerca de"
                return self.lem(holder)
            else:
                break
        return case

    def conj_actor(self, node: Token) -> ActorMention | None:
        for c in node.children:
            if self.dep(c) == "conj":
                a = self.actor_in(c)
                if a is not None:
                    return a
        return None

    def copular_passive(self, t: Token) -> bool:
        """ "fueron muertas por hombres armados": a participle the model tagged as a noun or an
        adjective under "ser" is still a passive verb."""
        return t.pos_ in ("NOUN", "ADJ") and any(
            self.dep(c) == "cop" and self.lem(c) in self.syn.passive_aux for c in t.children
        )

    def reduced_passive(self, t: Token) -> bool:
        """A past participle modifying a noun with an agent of its own: "la ley, protestada por los
        campesinos", "the ports blockaded by fishermen". The agent does it, to the noun."""
        return (
            self.dep(t) in ("acl", "amod")
            and "Part" in t.morph.get("VerbForm")
            and "Pres" not in t.morph.get("Tense")
            and t.head.i != t.i
            and t.head.pos_ in NOUN_POS
            and any(
                self.case_of(c) in self.syn.passive_agent and c.i > t.i and c.i in self.tok_mention
                for c in t.children
            )
        )

    def is_passive(self, v: Token) -> bool:
        if fold(v.text) in self.syn.stative_participles:
            return False  # "Israel is opposed to French mediation": Israel opposes
        if self.reduced_passive(v):
            return True
        if self.lem(v) in self.syn.sets.get("unaccusative_verbs", ()):
            return False  # "des soldats sont arrivés": a verb of motion takes "être", no passive
        if any(self.dep(c) in ("expl:comp", "expl:pv") and "Yes" in c.morph.get("Reflex") for c in v.children):
            return False  # "des fonctionnaires se sont rassemblés": a pronominal verb takes "être", no passive
        if self.copular_passive(v):
            return True
        if any(self.dep(c) in ("nsubj:pass", "nsubjpass", "auxpass", "aux:pass") for c in v.children):
            return True
        part = "Part" in v.morph.get("VerbForm") and "Pres" not in v.morph.get("Tense")  # not "is refusing"
        return part and any(self.dep(c) in ("aux", "cop") and self.lem(c) in self.syn.passive_aux for c in v.children)

    def subject(self, v: Token) -> tuple[ActorMention | None, Token | None]:
        for c in v.children:
            if self.dep(c) in self.syn.subj:
                a = self.actor_in(c, as_subject=True)
                if a is None and self.is_personal_pronoun(c):
                    a = self.pronoun_antecedent(v)
                return a, c
        return None, None

    def has_subject(self, v: Token) -> bool:
        return any(self.dep(c) in self.syn.subj for c in v.children)

    def is_personal_pronoun(self, t: Token) -> bool:
        return t.pos_ == "PRON" and "Prs" in t.morph.get("PronType") and "Rel" not in t.morph.get("PronType")

    def pronoun_antecedent(self, v: Token) -> ActorMention | None:
        """ "Bouteflika said he is prepared to lift the ban", "Iraq said it would allow ...": a
        personal pronoun subject of a reported clause is the reporter."""
        node = v
        for _ in range(3):
            if node.head.i == node.i or self.dep(node) not in ("ccomp", "xcomp", "acomp", "conj", "advcl"):
                return None
            node = node.head
            for c in node.children:
                if self.dep(c) in self.syn.subj and not self.is_personal_pronoun(c):
                    return self.actor_in(c)
        return None

    def inherited_subject(self, v: Token) -> ActorMention | None:
        node = v
        for _ in range(4):
            if self.dep(node) not in self.syn.inherit_deps and self.dep(node) not in ("xcomp", "root"):
                break
            if node.head.i == node.i:
                break
            if (
                self.dep(node) == "acl"
                and node.morph.get("VerbForm") in (["Part"], ["Ger"])
                and node.head.pos_ in NOUN_POS
                and self.dep(node.head) in self.syn.obj | {"obj", "dobj"}
                and node.head.head.i != node.head.i
            ):
                if node.head.i in self.tok_mention:  # "dispersed demonstrators protesting the results"
                    return self.tok_mention[node.head.i]
                node = node.head  # "issued a statement condemning": the one who issued it condemns
            child, node = node, node.head
            a, tok = self.subject(node)
            if a is not None and (not self.is_passive(node) or self.while_clause(child)):
                # "fueron detenidos cuando protestaban": who undergoes the passive did the clause's act
                return a
            if tok is not None and tok.pos_ in ("NOUN", "PROPN"):
                return None  # the clause has its own subject, and it is no actor: "la reunión podría discutir"
        return None

    def while_clause(self, c: Token) -> bool:
        """A clause of the time during which ("cuando protestaban", "while they marched")."""
        marks = self.syn.sets.get("time_marks", frozenset())
        return self.dep(c) == "advcl" and any(self.dep(m) == "mark" and fold(m.text) in marks for m in c.children)

    def core_argument(self, t: Token, v: Token) -> bool:
        """Is the noun `t` the subject or object of `v` (through coordination at most)? Only then
        does `v`'s subject take part in the noun's event: "held talks", "the protest turned violent";
        not in "imposed a curfew after the protests" or "in response to the unrest"."""
        node = t
        while self.dep(node) == "conj" and node.head.i != node.i:
            node = node.head
        if node.head.i != v.i:
            return False
        d = self.dep(node)
        core = self.syn.subj | self.syn.obj | {"obj", "dobj", "nsubj", "nsubj:pass", "attr"}
        return d in core and ((case := self.case_of(node)) is None or case in self.syn.dative_cases)

    def concessive(self, m: Token) -> bool:
        """Is this condition word part of a concessive that states a fact ("si bien", "même si")?"""
        pairs = self.syn.sets.get("concessive_marks", frozenset())
        if fold(m.text) not in _pair_words(pairs):
            return False  # every pair read below holds the word itself: most words are in none
        around = [fold(x.text) for x in self.doc[max(m.i - 1, 0) : m.i + 2]]
        return any(" ".join(around[i : i + 2]) in pairs for i in range(len(around) - 1))

    def purpose_clause(self, t: Token) -> bool:
        left = " ".join(fold(x.text) for x in t.lefts)
        return any(
            (fold(x.text) in self.syn.purpose_marks or self.lem(x) in self.syn.purpose_marks)
            and self.dep(x) in ("aux", "mark")
            for x in t.lefts
        ) or any(" " in m and m in left for m in self.syn.purpose_marks)
