"""The event coder: lexicon triggers on a dependency parse, arguments, modality, date, place, quantity.

It reads one parsed sentence at a time (a spaCy Doc of that sentence alone) and the actor mentions
the resolver found in it. Everything language-specific comes from data: the trigger lexicon and the
`syntax` block of `data/lang/<lang>.yaml` (dependency labels, negation, modal and claim words).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from ..nlp.dates import find_dates
from ..nlp.langdata import LangData
from ..nlp.quantities import find_quantities
from ..textutil import fold
from ..types import Actor, ActorMention, Event, EventDate, Evidence, Place, Quantity, Sentence, Status
from .lexicon import Entry, Lexicon
from .ontology import EventType

Token = Any  # spacy.tokens.Token: kept loose so that this module imports without spaCy
MAX_ARG_DEPTH = 4
VERB_POS = frozenset({"VERB", "AUX", "ADJ"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Verbal event types whose complement clause is their content, not a separate event.
GOVERNING_TYPES = frozenset({"THREATEN", "REJECT", "REQUEST", "AGREE", "ACCUSE"})
# How far down the trigger's phrase the last-resort target search goes.
DEEP_TARGET_DEPTH = 6
# Acts whose object is a content that has not happened: what is demanded, refused, threatened, agreed.
CONTENT_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN", "AGREE"})
# Cooperative actions that, announced rather than done, are an expression of intent: PLOVER codes
# "will give a grant", "is willing to send troops", "will visit in June" as AGREE.
ARMED_SECTORS = frozenset({"REB", "UAF", "MIL", "CRM", "INS"})
INTENT_TYPES = frozenset({"AID", "SUPPORT", "CONCEDE", "RETREAT", "CONSULT", "COOPERATE"})
# Hostile actions announced rather than done are threats (PLOVER THREATEN, CAMEO 13): "will impose
# sanctions", "is prepared to impose martial law", "would blockade Paris", "will boycott the vote".
THREAT_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST", "REJECT", "MOBILIZE"})
# What a promise can only threaten: "vowed to fight" (sending troops may be a promise to an ally)
HARM_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT"})


def _identified(m: ActorMention | None) -> bool:
    """An actor the alliance map can place: a country, an organisation or a named person."""
    if m is None:
        return False
    a = m.actor
    return bool((a.country and a.country != "---") or a.org or a.name)


# "arrested for collaborating", "detenido por colaborar", "accusé de collaborer": the charge
CHARGE_MARKS = frozenset({"for", "of", "over", "por", "de", "pour"})
# Preposition + article in one word: "al" is "a", "del" is "de", "au" is "à".
CONTRACTIONS = {"al": "a", "del": "de", "au": "à", "aux": "à", "du": "de", "des": "de"}
# Prepositions that say where an event happens.
LOCATIVE = frozenset(
    {"en", "in", "a", "at", "near", "cerca", "outside", "inside", "around", "across", "throughout", "within", "dans"}
)
# "in protest against/of/at X", "en protesta contra X": X is what the protest is addressed to
PROTEST_CASES = frozenset({"against", "of", "at", "over", "contra", "por", "contre"})
# Actions on a place fall on the place's country when no one else is named as their target.
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "CONCEDE", "SANCTION", "AID", "RETREAT"})
# Armed groups that fight their own state: an attack of theirs on a place hits their own country.
DOMESTIC_ARMED = frozenset({"REB", "INS", "UAF", "CRM"})
# Organs of a state: what they do to people named only by a sector, they do at home ("Egyptian police
# arrested demonstrators", "the Mozambique government accepted demands from rebels"), and people named
# only by a sector who address them are theirs ("students demanded reforms from the Indonesian
# government"). Armies are left out: they act abroad as often as at home.
STATE_ORGANS = frozenset({"GOV", "COP", "JUD", "LEG"})
# Sectors that news names without a nationality when they are the country's own.
HOME_SECTORS = frozenset(
    {"GOV", "LEG", "JUD", "COP", "PTY", "OPP", "REB", "INS", "UAF", "CRM", "EDU", "CVL", "REL", "AGR", "LAB", "REF"}
    | {"HLH", "ELI", "MED", "BUS", "ENV"}
)
# What a state organ does to no one named (imposes a curfew, lifts an emergency) it does at home.
HOME_ACTION_TYPES = frozenset({"COERCE", "CONCEDE"})


def _state(country: str | None) -> str | None:
    """The country code when it names a state (not an organisation's "IGO" or "---")."""
    return country if country and country not in ("---", "IGO") else None


def _placed(m: ActorMention | None) -> str | None:
    return _state(m.actor.country) if m is not None else None


def home_sides(
    type_name: str,
    source: ActorMention | None,
    target: ActorMention | None,
    place: Place | None,
    action: str | None = None,
) -> tuple[ActorMention | None, ActorMention | None]:
    """Give a side named only by a sector the country of the state organ on the other side, and a
    state organ's domestic action with no target its own country (CAMEO's convention for internal
    actors). `action` is the type of what was done or announced: "is prepared to impose martial law" is
    a threat whose action is a domestic coercion. The filled side is marked `context` so that
    `--explain` shows it was inferred."""
    src, tgt = _placed(source), _placed(target)
    if (
        source is not None
        and src is None
        and source.actor.country is None
        and source.actor.sector in STATE_ORGANS
        and target is not None
        and tgt
        and target.actor.sector in HOME_SECTORS - STATE_ORGANS
    ):
        # "President Mwanawasa reneged on his commitment to the Zambian people": a state organ
        # named by its title alone, acting on a country's people, is that country's
        source = replace(source, actor=replace(source.actor, country=tgt), how="context")
        src = tgt
    if (
        source is not None
        and src
        and (
            source.actor.sector in STATE_ORGANS
            or (source.actor.sector == "MIL" and target is not None and target.actor.sector in DOMESTIC_ARMED)
        )
    ):
        # an army's fight with rebels named without a nationality is at home ("Burmese troops
        # captured a Karen guerrilla stronghold")
        if target is not None and tgt is None and target.actor.country is None and target.actor.sector in HOME_SECTORS:
            target = replace(target, actor=replace(target.actor, country=src), how="context")
        elif target is None and (action or type_name) in HOME_ACTION_TYPES and (place is None or place.country == src):
            target = ActorMention(Actor(country=src), source.start, source.start, "", "context")
    elif target is not None and tgt and target.actor.sector in STATE_ORGANS:
        if source is not None and src is None and source.actor.country is None and source.actor.sector in HOME_SECTORS:
            source = replace(source, actor=replace(source.actor, country=tgt), how="context")
    return source, target


@dataclass
class CodingState:
    """Per-article state the coder carries from sentence to sentence (Spanish pro-drop)."""

    article_id: str
    published: dt.date | None
    last_subject: ActorMention | None = None
    keys: set[tuple[str, ...]] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Args:
    source: ActorMention | None
    target: ActorMention | None
    inherited: bool


def _keys(t: Token, lemma_of: Any) -> set[str]:
    ks = {fold(t.lemma_), fold(t.text)}
    if lemma_of is not None:
        ks.add(fold(lemma_of(t.text)))
    return ks


class SentenceCoder:
    """Codes one parsed sentence; built once per sentence, cheap."""

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
        self.mentions = mentions
        self.places = places
        # Parsed once per sentence, not once per candidate trigger.
        self.dates = find_dates(sent.text, lang.lang, state.published)
        self.quantities = find_quantities(sent.text, lang.lang)
        self.tok_mention: dict[int, ActorMention] = {}
        self.mention_root: dict[int, ActorMention] = {}
        for m in mentions:
            toks = [t for t in doc if t.idx + sent.start < m.end and m.start < t.idx + len(t) + sent.start]
            if (
                m.how in ("sector", "context")
                and toks
                and all(t.pos_ == "ADJ" and fold(t.dep_) == "amod" for t in toks)
            ):
                continue  # "all official contact", "a military plane": a sector word used as an adjective
            for t in toks:
                self.tok_mention.setdefault(t.i, m)
            ids = {t.i for t in toks}
            roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
            if roots:
                self.mention_root.setdefault(roots[0].i, m)

    # -- helpers ------------------------------------------------------------------------------
    def dep(self, t: Token) -> str:
        return fold(t.dep_)

    def lem(self, t: Token) -> str:
        return fold(t.lemma_)

    def is_light(self, t: Token) -> bool:
        """A support verb, by the model's lemma or the lexicon lemmatiser's ("staged" is "stag" to
        the small English model)."""
        return bool(_keys(t, self.lemma_of) & self.syn.light_verbs)

    def case_of(self, t: Token) -> str | None:
        for c in t.children:
            if self.dep(c) in self.syn.case or (self.dep(c) == "mark" and c.i < t.i):
                word = fold(c.text)
                return CONTRACTIONS.get(word) or (self.lem(c) if self.lem(c) != "a" or word == "a" else "a")
        if fold(t.head.dep_) == "prep":  # ClearNLP: prep -> pobj
            return self.lem(t.head)
        return None

    def phrase_lemmas(self, t: Token) -> set[str]:
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
                    if self.dep(c) == "appos" and named and depth == 1:
                        pass
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
        return m is not None and m.how == "place" and self.place_case(tok) in LOCATIVE

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

    def is_passive(self, v: Token) -> bool:
        if fold(v.text) in self.syn.stative_participles:
            return False  # "Israel is opposed to French mediation": Israel opposes
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
            node = node.head
            a, tok = self.subject(node)
            if a is not None and not self.is_passive(node):
                return a
            if tok is not None and tok.pos_ in ("NOUN", "PROPN"):
                return None  # the clause has its own subject, and it is no actor: "la reunión podría discutir"
        return None

    def slot(self, name: str, t: Token, v: Token, passive: bool) -> tuple[ActorMention | None, Token | None]:
        syn = self.syn
        if name == "subj":
            if passive:
                return None, None
            return self.subject(v)
        if name == "agent" or (passive and name == "by"):
            for c in v.children:
                if self.dep(c) == "agent":
                    for g in c.children:
                        return self.actor_in(g), g
                if self.case_of(c) in syn.passive_agent and c.pos_ not in ("VERB", "AUX"):  # not "por colaborar"
                    return self.actor_in(c), c
            return None, None
        if name == "self":
            return self.tok_mention.get(t.i), t
        if name == "governor":
            if v.i != t.i and not self.core_argument(t, v):
                return None, None  # "curfew after violent protests": the clause's subject did not protest
            if (
                v.i != t.i
                and self.dep(t) in syn.obj | {"obj", "dobj"}
                and not self.is_light(v)
                and self.lem(v) not in syn.participation_verbs
            ):
                return None, None  # "will not tolerate rallies", "reported clashes": not theirs
            a, tok = self.subject(v) if v.i != t.i else (None, None)
            if a is None and v.i != t.i:
                a = self.inherited_subject(v)
            return a, tok
        if name in ("obj", "iobj", "dative", "amod", "poss"):
            labels = {
                "obj": syn.obj,
                "iobj": syn.iobj,
                "dative": frozenset({"dative"}),
                "amod": frozenset({"amod"}),
                "poss": frozenset({"poss"}),
            }[name]
            for c in t.children:
                if self.dep(c) in labels and (name != "obj" or self.case_of(c) in (None, "a")):
                    # "el apoyo norcoreano": the adjective itself; not whatever hangs under a
                    # participle ("la cumbre programada con el presidente de EE. UU.")
                    a = self.tok_mention.get(c.i) if name == "amod" else self.actor_in(c)
                    if a is None and name == "obj":
                        a = self.conj_actor(c)  # "ejecutaron al Taita y Gobernador del Cabildo"
                    if a is not None:
                        return a, c
            return None, None
        # a preposition, on the trigger, its clause's verb, or a participle modifying the trigger
        # ("la cumbre programada con Trump", "the agreement signed with Kyiv")
        holders = [t, v] if v.i != t.i else [t]
        holders += [c for c in t.children if self.dep(c) in ("amod", "acl") and "Part" in c.morph.get("VerbForm")]
        if t.pos_ in NOUN_POS:  # "la participación de soldados norcoreanos en territorio ruso"
            holders += [c for c in t.children if self.dep(c) in ("nmod", "pobj", "prep")]
        else:  # "issued an ultimatum to Ecuador", "granted asylum to five officers", "opened an embassy in Tehran"
            holders += [c for c in t.children if self.dep(c) in syn.obj | {"obj", "dobj"}]
            # "engaged in fighting against X", "took part in attacks on X"
            if self.lem(t) in syn.participation_verbs:
                holders += [
                    g
                    for c in t.children
                    if self.dep(c) in ("prep", "obl") and self.case_of(c) in (None, "in", "en", "dans")
                    for g in ([c] if self.dep(c) == "obl" else c.children)
                    if self.lex.lookup(*_keys(g, self.lemma_of))
                ]
        for holder in holders:
            for c in holder.children:
                if self.case_of(c) == fold(name) and self.dep(c) not in syn.subj:
                    a = self.actor_in(c)
                    if a is not None:
                        return a, c
                if self.dep(c) == "prep" and self.lem(c) == fold(name):
                    for g in c.children:
                        a = self.actor_in(g)
                        if a is not None:
                            return a, g
                    if not list(c.children):
                        # the parser left the preposition without its object ("granted asylum to five
                        # Panamanian army officers holed up..."): the words right after it are
                        for n in self.doc[c.i + 1 : c.i + 7]:
                            if n.pos_ in ("VERB", "AUX", "PUNCT", "ADP"):
                                break
                            if n.i in self.tok_mention:
                                return self.tok_mention[n.i], n
        return None, None

    # -- main --------------------------------------------------------------------------------
    def code(self) -> list[Event]:
        self._clause = -1
        self.governing_type: dict[int, str] = {}
        found: list[tuple[Token, Event]] = []
        support: dict[int, int] = {}  # noun trigger token -> its support verb token
        for t in self.doc:
            entries = self.lex.lookup(*_keys(t, self.lemma_of))
            if not entries:
                continue
            # One word, one event: of the entries that fit, the most specific wins ("expelled the
            # diplomats" is a sanction, not also a coercion; "welcomed the plan" is not also hosting).
            entries.sort(
                key=lambda e: (not e.requires, not e.requires_subject_sector, not e.participle_of, e.mode is None)
            )
            chosen: tuple[Entry, Event, int] | None = None
            for e in entries:
                ev = self.try_entry(t, e)
                if ev is None:
                    continue
                if chosen is None:
                    chosen = (e, ev, self._clause)
                    if e.type != "MOBILIZE":
                        break
                elif e.type == "AID" and self.to_recipient(ev):
                    # "enviará a Ucrania tres baterías de misiles": sent to a country that receives
                    # them is military aid; sent to a border or a region, a deployment
                    chosen = (e, ev, self._clause)
                    break
            if chosen is not None:
                e, ev, clause = chosen
                found.append((t, ev))
                if e.pos == "noun" and clause == t.head.i and self.dep(t) in self.syn.obj | {"obj", "dobj"}:
                    support[t.i] = clause
        # only an actor's threat, refusal, demand...: "analysts warned" governs nothing
        self.governing_type = {t.i: ev.type for t, ev in found if ev.type in GOVERNING_TYPES and ev.source is not None}
        governing = set(self.governing_type)
        demanded = self.deontic_requests(found)
        demanded_at = {w for w, _ev in demanded}
        governing |= demanded_at
        found = [(t, ev) for t, ev in found if t.i not in demanded_at]  # "must return the helicopter": not done
        found += [(self.doc[w], ev) for w, ev in demanded]
        found = self.reciprocal_targets(found)
        found = self.vows_of_hostility(found)
        # "recibe de Moscú apoyo político": when the support verb coded the construction itself
        # (recibir + apoyo = AID received), the noun is not a second event
        verb_triggers = {t.i for t, ev in found if t.pos_ in VERB_POS}
        kept = [
            (t, ev)
            for t, ev in found
            if not self.embedded_in(t, governing)
            and (support.get(t.i) not in verb_triggers or not ev.nominal)
            and not self.content_of_noun(t)
        ]
        return self.without_adjuncts(kept, support, found)

    @staticmethod
    def to_recipient(ev: Event) -> bool:
        """Is the event's target another country named as such (not a place it goes to)?"""
        tgt, src = ev.target, ev.source
        return (
            tgt is not None
            and tgt.how not in ("place", "context")
            and bool(tgt.actor.country)
            and (src is None or src.actor.country != tgt.actor.country)
        )

    def without_adjuncts(
        self, kept: list[tuple[Token, Event]], support: dict[int, int], found: list[tuple[Token, Event]]
    ) -> list[Event]:
        """Drop what an event's own adjunct clauses say about it: its purpose ("staged protests to
        demand reforms", "will visit Dakar to mediate"), the demands a protest is voicing ("blocked
        roads demanding his return"), the same act's result ("attacked the camp, killing 156": one
        attack, whose toll the attack takes), and background events of a place or time ("the town
        where 28 people were killed")."""
        anchor: dict[int, Event] = {}
        for t, ev in found:
            anchor.setdefault(t.i, ev)
            if t.i in support:
                anchor.setdefault(support[t.i], ev)
        out: list[tuple[Token, Event]] = []
        merged: dict[int, Event] = {}
        dropped: list[Token] = []
        for t, ev in kept:
            if self.in_place_relative(t) or self.charge_of(t, anchor):
                continue
            head = anchor.get(t.head.i) if t.head.i != t.i and self.dep(t) in ("advcl", "acl", "xcomp") else None
            holder = t.head.head.i if self.dep(t.head) == "prep" else t.head.i  # through a ClearNLP prep
            in_protest = (
                ev.type in ("PROTEST", "ACCUSE")
                and t.pos_ in NOUN_POS
                and self.case_of(t) in ("in", "en")
                and holder in anchor
            )
            if in_protest:  # "a hunger strike in protest of the refusal": the strike's motive
                head = anchor[holder]
                against = [c for c in t.children if self.case_of(c) in PROTEST_CASES]
                against += [
                    g for c in t.children if self.dep(c) == "prep" and self.lem(c) in PROTEST_CASES for g in c.children
                ]
                motive = next((a for a in map(self.actor_in, against) if a is not None), None)
                ev = replace(ev, target=motive)
            if head is None and self.dep(t) == "acl" and self.dep(t.head) in self.syn.obj | {"obj", "dobj"}:
                head = anchor.get(t.head.head.i)  # "blocked roads demanding ...": hung on the object
            if head is not None and head is not ev and not self.has_subject(t):
                participle = "Ger" in t.morph.get("VerbForm") or (
                    "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense")
                )
                if (
                    in_protest
                    or self.purpose_clause(t)
                    or (participle and head.type == "PROTEST" and ev.type in ("REQUEST", "ACCUSE"))
                    or (participle and head.type == ev.type)
                ):
                    # the adjunct's target and toll complete the event they belong to
                    base = merged.get(id(head), head)
                    inferred = base.target is not None and not base.target.text  # a default of the context
                    if (
                        (base.target is None or (inferred and _placed(ev.target)))
                        and ev.target is not None
                        and ev.target.text
                        and (base.source is None or ev.target.actor != base.source.actor)
                    ):
                        base = replace(base, target=ev.target)
                    if base.quantity is None and ev.quantity is not None and head.type == ev.type:
                        base = replace(base, quantity=ev.quantity)
                    merged[id(head)] = base
                    dropped.append(t)
                    continue
            out.append((t, ev))
        # what hangs under a dropped purpose clause is part of that purpose ("willing to send material
        # to help defend Saudi Arabia": "defend" is no more an event than "help")
        inside = {x.i for d in dropped for x in d.subtree}
        # (participles there are consequences the parser hung low: "to disperse them, killing one")
        out = [
            (t, ev)
            for t, ev in out
            if t.i not in inside or not (t.pos_ in NOUN_POS or t.morph.get("VerbForm") == ["Inf"])
        ]
        # a target an adjunct gave may be named by a sector alone: give it its home country too
        completed = [merged.get(id(ev), ev) for _t, ev in out]
        return [
            replace(ev, source=s, target=g) if (s, g) != (ev.source, ev.target) else ev
            for ev in completed
            for s, g in [home_sides(ev.type, ev.source, ev.target, ev.place)]
        ]

    def content_of_noun(self, t: Token) -> bool:
        """Is the trigger inside the clause of a content noun ("rejected an invitation to attend
        the meeting", "its demand that Israel ease restrictions", "plans to sell weapons")? An offer,
        a plan or a demand says what might be done, not what was."""
        node = t
        clause = False
        for _ in range(6):
            if node.head.i == node.i:
                return False
            d = self.dep(node)
            if d in ("xcomp", "ccomp", "acl", "relcl", "acl:relcl", "advcl", "pcomp"):
                clause = True
            elif d not in ("prep", "pobj", "obj", "dobj", "obl", "nmod", "mark", "case", "aux"):
                return False
            node = node.head
            if (
                clause
                and node.pos_ in NOUN_POS
                and (self.lem(node) in self.syn.content_nouns or fold(node.text) in self.syn.content_nouns)
            ):
                return True
        return False

    def charge_of(self, t: Token, anchor: dict[int, Event]) -> bool:
        """Is the trigger what someone is arrested, accused or punished for ("arrested for
        collaborating with Israel", "detenido por colaborar con la guerrilla")? A charge is the
        accuser's claim, not a reported event."""
        holder = t.head
        if self.dep(t) == "pcomp" and self.dep(holder) == "prep" and self.lem(holder) in CHARGE_MARKS:
            holder = holder.head
        elif not (
            self.dep(t) in ("advcl", "obl", "acl")
            and any(self.dep(c) in ("mark", "case") and fold(c.text) in CHARGE_MARKS for c in t.children)
        ):
            return False
        ev = anchor.get(holder.i)
        return ev is not None and ev.type in ("COERCE", "ACCUSE", "SANCTION")

    def purpose_clause(self, t: Token) -> bool:
        left = " ".join(fold(x.text) for x in t.lefts)
        return any(
            (fold(x.text) in self.syn.purpose_marks or self.lem(x) in self.syn.purpose_marks)
            and self.dep(x) in ("aux", "mark")
            for x in t.lefts
        ) or any(" " in m and m in left for m in self.syn.purpose_marks)

    def in_place_relative(self, t: Token) -> bool:
        """Is the trigger inside a relative clause that describes a place or a time ("where",
        "in which", "donde", "en la que")?"""
        node = t
        for _ in range(4):
            if self.dep(node) in ("relcl", "acl:relcl"):
                for c in node.children:
                    if fold(c.text) in self.syn.place_relatives:
                        return True
                    if (
                        c.i < node.i
                        and any(
                            fold(g.text) in self.syn.relative_pronouns or fold(g.text) in self.syn.place_relatives
                            for g in c.subtree
                        )
                        and self.dep(c) not in self.syn.subj | self.syn.obj | {"nsubj", "obj", "dobj"}
                    ):
                        return True  # "in which", "en la que", "durante el cual"
                return False
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def thing_subject(self, v: Token) -> bool:
        """The verb's subject is a common noun that names no actor ("la interacción", "the report",
        "this alliance"): a statement needs a speaker, so such a verb is not a verbal event."""
        if self.is_passive(v):
            return False
        for c in v.children:
            if self.dep(c) in self.syn.subj:
                return c.pos_ == "NOUN" and self.actor_in(c) is None and c.i not in self.tok_mention
        return False

    def announced(self, t: Token, e: Entry, status: str, source: ActorMention | None, date: EventDate | None) -> bool:
        """An action its actor announces rather than does (PLOVER codes it as AGREE or THREATEN):
        future or planned ("will give"), intended ("is willing to send"), or a conditional the actor
        states itself ("said it would allow", "would withdraw unless"). A dated appointment ("se
        reunirá el próximo 15 de septiembre") is a scheduled event, not an announcement."""
        if e.pos != "verb" or source is None:
            return False
        if date is not None and date.precision == "day" and e.type not in THREAT_TYPES:
            return False  # a dated appointment; a hostile measure with a start date is still a threat
        if status == "planned" or self.intended(t):
            return True
        return status == "hypothetical" and (self.announced_by_self(t, source) or self.conditional(t))

    def announced_by_self(self, t: Token, source: ActorMention) -> bool:
        """ "Iraq said it would allow the inspectors": the actor announces its own action (a
        commitment or a threat); "analysts said Russia could attack" is someone else's guess."""
        node = t
        for _ in range(3):
            if node.head.i == node.i:
                return False
            if self.dep(node) not in ("ccomp", "xcomp", "conj"):
                return False
            node = node.head
            if self.lem(node) in self.syn.claim_verbs | self.syn.factive_verbs:  # "NATO confirmed it would"
                speaker, _tok = self.subject(node)
                return speaker is not None and speaker.actor.country == source.actor.country
        return False

    def conditional(self, t: Token) -> bool:
        """The action hangs on a condition: "unless", "if", "a menos que", "si"."""
        return any(
            self.dep(c) == "advcl"
            and any(
                self.lem(m) in self.syn.hypothetical_words or fold(m.text) in ("unless", "si", "a menos que")
                for m in c.children
            )
            for c in t.children
        )

    def intended(self, t: Token) -> bool:
        """ "Norway is willing to send material", "Francia está dispuesta a enviar tropas"."""
        node = t
        for _ in range(2):
            if self.dep(node) != "xcomp" or node.head.i == node.i:
                return False
            node = node.head
            if self.lem(node) in self.syn.intent_words or fold(node.text) in self.syn.intent_words:
                return True
        return False

    def warns_that(self, t: Token) -> bool:
        """ "X warned that Y could attack": a statement about someone else's action, not a threat
        (a threat is the speaker's own: "threatened to attack", "warned Y that it would retaliate")."""
        objs = self.syn.obj | self.syn.iobj | {"obj", "dobj", "iobj", "dative"}
        finite = [
            c
            for c in t.children
            if self.dep(c) == "ccomp"
            or any(self.lem(m) in ("que", "that") and self.dep(m) == "mark" for m in c.children)
        ]
        if any(self.dep(c) in objs and c not in finite for c in t.children):
            return False
        if any(self.dep(c) == "xcomp" and c not in finite and not self.has_subject(c) for c in t.children):
            return False  # "threatened to shell": the speaker's own action, a threat
        return any(self.has_subject(c) or self.dep(c) != "xcomp" for c in finite)

    def deontic_requests(self, found: list[tuple[Token, Event]]) -> list[tuple[int, Event]]:
        """ "Russia said Sudan must return the helicopter", "Straw dijo que el Gobierno debe negociar":
        what a speaker says someone must do is a demand of the speaker on that someone (PLOVER
        REQUEST); the demanded action itself has not happened and is not coded."""
        syn = self.syn
        out: list[tuple[int, Event]] = []
        for w in self.doc:
            if w.head.i == w.i or not (
                self.dep(w) == "ccomp"
                or (self.dep(w) == "xcomp" and (self.has_subject(w) or any(self.dep(m) == "mark" for m in w.children)))
            ):
                continue
            aux = [
                c
                for c in w.children
                if self.dep(c) in ("aux", "aux:pass")
                and (self.lem(c) in syn.deontic_words or fold(c.text) in syn.deontic_words)
            ]
            # "have to", "tener que": the modal is the head, the action its complement
            if not aux and not (self.lem(w) in syn.deontic_words and any(self.dep(c) == "xcomp" for c in w.children)):
                continue
            r = w.head
            if self.lem(r) not in syn.claim_verbs:
                continue
            speaker, _tok = self.subject(r)
            if speaker is None:
                speaker = self.inherited_subject(r)
            addressee, _tok = self.subject(w)
            if speaker is None or (addressee is not None and addressee.actor == speaker.actor):
                continue
            if not (_identified(speaker) or _identified(addressee)):
                continue
            et = self.ont["REQUEST"]
            first = aux[0] if aux else w
            s0 = self.sent.start
            start, end = s0 + min(first.idx, w.idx), s0 + max(first.idx + len(first), w.idx + len(w))
            ev = Event(
                type="REQUEST",
                mode=None,
                cameo=et.cameo,
                quad=et.quad,
                weight=et.weight,
                source=speaker,
                target=addressee,
                status="occurred",
                claimed_by=None,
                date=self.event_date(r, r),
                place=None,
                quantity=None,
                evidence=Evidence(
                    self.state.article_id,
                    self.sent.index,
                    self.sent.start,
                    self.sent.end,
                    self.doc.text[start - s0 : end - s0],
                    start,
                    end,
                    self.sent.text,
                ),
                rule=f"{self.lex.lang}/request.yaml#deontic-clause",
                confidence=0.7,
            )
            out.append((w.i, ev))
        return out

    def vows_of_hostility(self, found: list[tuple[Token, Event]]) -> list[tuple[Token, Event]]:
        """A promise to do harm is a threat: "vowed to fight on", "swore to retaliate against X",
        "prometió atacar" (PLOVER THREATEN); a promise to help stays an agreement."""
        at = {t.i: ev for t, ev in found}
        out = []
        for t, ev in found:
            if ev.type == "AGREE" and bool(_keys(t, self.lemma_of) & self.syn.commissive_verbs):
                hostile = next(
                    (
                        at[c.i]
                        for c in t.children
                        if (self.dep(c) in ("xcomp", "ccomp") or (self.dep(c) == "advcl" and self.purpose_clause(c)))
                        and c.i in at
                        and at[c.i].type in HARM_TYPES
                    ),
                    None,
                )
                if hostile is not None:
                    et = self.ont["THREATEN"]
                    ev = replace(
                        ev,
                        type="THREATEN",
                        mode=None,
                        cameo=et.cameo,
                        quad=et.quad,
                        weight=et.weight,
                        target=ev.target or hostile.target,
                        symmetric=et.symmetric,
                    )
            out.append((t, ev))
        return out

    def reciprocal_targets(self, found: list[tuple[Token, Event]]) -> list[tuple[Token, Event]]:
        """ "Pionyang recibe de Moscú apoyo, mientras que proporciona municiones a cambio": what is
        given in exchange goes to the one the giver received from."""
        out = []
        for n, (t, ev) in enumerate(found):
            if ev.target is None and ev.source is not None:
                span = " ".join(fold(x.text) for x in t.subtree)
                if any(w in span for w in self.syn.exchange_words):
                    back = next(
                        (
                            p
                            for _t, p in found[:n]
                            if p.target is not None and p.source is not None and p.target.actor == ev.source.actor
                        ),
                        None,
                    )
                    if back is not None and back.source is not None:
                        ev = replace(ev, target=back.source)
            out.append((t, ev))
        return out

    def embedded_in(self, t: Token, governing: set[int]) -> bool:
        """Is this trigger the content of a threat, refusal, demand, offer or accusation in the same
        sentence? "threatened to impose sanctions", "refused to meet", "demanded that they withdraw",
        "accused Pyongyang of supplying shells": the embedded action has not happened; the sentence's
        event is the governing one (PLOVER and CAMEO code it alone)."""
        if self.in_object_of(t, governing):
            return True
        node = t
        if self.dep(t) in self.syn.obj | {"obj", "dobj"} and t.head.pos_ in ("VERB", "AUX"):
            node = (
                t.head
            )  # "threatened to impose sanctions", "accused Israel of sabotaging the talks": the verb's clause
        for _ in range(2):
            d = self.dep(node)
            head = node.head
            if head.i == node.i:
                return False
            if d == "pcomp" and self.dep(head) == "prep":  # "of supplying": through the preposition
                head = head.head
            elif (
                d == "ccomp" and self.has_subject(node) and self.governing_type.get(head.i) not in ("REQUEST", "AGREE")
            ):
                return False  # "warned that Russia could attack": a prediction, kept with its own modality
            elif d not in ("xcomp", "ccomp", "acomp") and not (
                d in ("advcl", "acl") and any(self.dep(c) in ("mark", "case") for c in node.children)
            ):
                return False
            if head.i in governing:
                return True
            node = head
        return False

    def in_object_of(self, t: Token, governing: set[int]) -> bool:
        """Does the trigger sit inside what is demanded, refused, threatened or agreed ("demanded a
        UN presence to protect them and prevent a war", "rejected an invitation to attend")? The
        object of those acts is their content. Accusations are left out: what is condemned did
        happen. A participle or an indicative clause there states a fact ("reaffirmed the treaty
        signed in 2023", "the helicopter that was captured"), so only infinitives, gerunds,
        subjunctives and nouns are content."""
        form = t.morph.get("VerbForm")
        if t.pos_ not in NOUN_POS and not (
            form in (["Inf"], ["Ger"])
            or "Sub" in t.morph.get("Mood")
            or (form == ["Part"] and "Pres" in t.morph.get("Tense"))
        ):
            return False
        node = t
        for _ in range(6):
            head = node.head
            if head.i == node.i:
                return False
            if (
                head.i in governing
                and self.governing_type.get(head.i) in CONTENT_TYPES
                and self.dep(node) in self.syn.obj | {"obj", "dobj"}
                and node.i != t.i
            ):
                return True
            node = head
        return False

    def fits(self, t: Token, e: Entry) -> Token | None:
        """The clause head for this trigger if the entry applies here, else None."""
        if e.pos == "verb":
            if t.pos_ not in VERB_POS and not self.copular_passive(t):
                return None
            if t.pos_ == "AUX" and self.lem(t) in self.syn.passive_aux:
                return None
            if e.participle_of:
                # "el acuerdo de cooperación firmado en 2024": the parser may hang it on the nearer noun
                heads = {self.lem(t.head), self.lem(t.head.head)} if self.dep(t.head) == "nmod" else {self.lem(t.head)}
                if not (self.dep(t) in ("acl", "amod") and heads & e.participle_of):
                    return None
            elif self.dep(t) in ("acl", "amod") and t.pos_ == "ADJ":
                return None
            v = t
        else:
            if t.pos_ not in NOUN_POS:
                return None
            if t.text[:1].isupper() and t.i > t.sent.start and not t.is_upper:
                return None  # a name, not a noun: "in March", "the Arab Spring", "Operation Protective Edge"
            if t.i in self.tok_mention and self.dep(t) in ("compound", "amod", "nmod"):
                return None  # a word of an actor's name: "riot police", "peace activists"
            if (
                self.dep(t) in ("nmod", "pobj")
                and self.case_of(t) in ("de", "of", "d'")
                and (holder := t.head.head if self.dep(t) == "pobj" else t.head).pos_ in NOUN_POS
                and self.lex.lookup(*_keys(holder, self.lemma_of))
            ):
                return None  # "una nota de protesta", "la condena del ataque": part of the other noun's event
            if any(
                self.lem(c) in self.syn.generic_determiners or fold(c.text) in self.syn.generic_determiners
                for c in t.children
                if self.dep(c) in ("det", "amod", "neg")
            ):
                return None  # "cualquier negociación", "any deal": no particular event
            head = t.head
            governed = self.dep(t) in self.syn.obj | self.syn.subj | {"obj", "dobj", "nsubj"} and head.i != t.i
            as_object = self.dep(t) in self.syn.obj | {"obj", "dobj"}
            if as_object and self.lex.lookup(*_keys(head, self.lemma_of)) and not self.is_light(head):
                return None  # "firmaron un acuerdo": the governing verb is a trigger itself and codes this event
            as_subject = self.dep(t) in self.syn.subj | {"nsubj"}
            if as_subject and any(x.type == e.type for x in self.lex.lookup(*_keys(head, self.lemma_of))):
                return None  # "a roadside bombing killed a soldier": the verb codes the attack, the noun is its means
            light = governed and self.is_light(head)
            if e.light_only and not light:
                return None
            v = head if light else t
            while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
                v = v.head
            if v.pos_ not in ("VERB", "AUX"):
                v = t
        phrase = self.phrase_lemmas(t) | ({self.lem(t.head)} if e.participle_of or e.pos == "noun" else set())
        if e.pos == "noun" and v.i != t.i:
            phrase |= {self.lem(v)}
        if e.requires and not (e.requires & phrase):
            return None
        if e.requires_also and not (e.requires_also & self.subtree_lemmas(t)):
            return None
        req = e.requires_if_lemma.get(self.lem(t))
        if req and not (req & phrase):
            return None
        return v

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
        return d in core and self.case_of(node) in (None, "a")

    def subtree_lemmas(self, t: Token) -> set[str]:
        return {self.lem(x) for x in t.subtree} | {fold(x.text) for x in t.subtree}

    def try_entry(self, t: Token, e: Entry) -> Event | None:
        v = self.fits(t, e)
        if v is None:
            return None
        self._clause = v.i
        if e.type == "THREATEN" and e.pos == "verb" and self.warns_that(t):
            return None
        if e.pos == "verb" and self.ont[e.type].quad.startswith("verbal") and self.thing_subject(t):
            return None  # "esta interacción destaca...": only actors praise, accuse, agree or refuse
        etype = self.ont[e.type]
        passive = e.pos == "verb" and self.is_passive(t)
        args = self.arguments(t, v, e, passive)
        if args.source is None and args.target is None:
            return None
        if (
            e.pos == "noun"
            and args.source is None
            and not self.ont[e.type].symmetric
            and v.i != t.i
            and not self.core_argument(t, v)
        ):
            return None  # "praised its support in the invasion of Ukraine": a background reference, no one named
        if self.ont[e.type].quad.startswith("verbal") and args.target is None and not _identified(args.source):
            return None  # "human rights groups expressed concern": a statement to no one, by no one placeable
        if e.requires_target and args.target is None:
            return None
        if e.object_is_actor and any(
            self.dep(c) in self.syn.obj | {"obj", "dobj"} and c.i not in self.tok_mention for c in t.children
        ):
            return None
        if e.requires_subject_sector and (
            args.source is None or args.source.actor.sector not in e.requires_subject_sector
        ):
            return None
        if args.source is not None and args.target is not None and args.source.actor == args.target.actor:
            if args.source.start == args.target.start:
                return None
        status, claimed_by, flipped = self.modality(t, v, etype)
        type_name = flipped or e.type
        et = self.ont[type_name]
        mode = e.mode if not flipped else None
        if mode is None and not flipped:
            sub = self.subtree_lemmas(t) if e.pos == "verb" else self.subtree_lemmas(t) | {self.lem(v)}
            for lemma, m in e.mode_cues.items():
                if lemma in sub:
                    mode = m
                    break
        date = self.event_date(t, v)
        if status == "occurred" and date is not None and self.state.published is not None:
            if date.precision == "day" and dt.date.fromisoformat(date.value) > self.state.published:
                status = "planned"
        announced = self.announced(t, e, status, args.source, date)
        if announced and type_name in INTENT_TYPES:
            # a cooperative step announced on a condition ("will withdraw unless ...") is a threat
            type_name = "THREATEN" if self.conditional(t) and type_name == "RETREAT" else "AGREE"
            mode, status = None, "occurred"
            et = self.ont[type_name]
        elif announced and not flipped and type_name in THREAT_TYPES:
            type_name, mode, status = "THREATEN", None, "occurred"
            et = self.ont[type_name]
        place = self.event_place(t, v, args)
        source, target = args.source, args.target
        if target is None and place is not None and place.country and source is not None:
            if type_name in PLACE_TARGET_TYPES and (
                place.country != source.actor.country or source.actor.sector in DOMESTIC_ARMED
            ):
                # "fired shells at targets in Jericho", "lifted the curfew in Montenegro": an action on
                # a place falls on its country (CAMEO)
                target = ActorMention(Actor(country=place.country), source.start, source.start, "", "place")
        source, target = home_sides(type_name, source, target, place, action=e.type)
        if (
            type_name == "ASSAULT"
            and source is None
            and target is not None
            and place is not None
            and _state(place.country)
        ):
            # "three soldiers were killed by a roadside bomb near Samarra": an attack by no one named is
            # coded to the unidentified armed forces of where it happened (CAMEO's UAF convention)
            source = ActorMention(Actor(country=place.country, sector="UAF"), target.start, target.start, "", "context")
        if type_name == "PROTEST" and source is not None and source.actor.sector in ARMED_SECTORS:
            # "guerrilleros bloquearon la vía": armed groups do not protest, they impose a blockade (CAMEO 191)
            type_name, mode = "ASSAULT", None
            et = self.ont[type_name]
        if type_name == "PROTEST" and target is None:
            # a protest with no named addressee addresses the authorities where it happens
            where = place.country if place and place.country else (source.actor.country if source else None)
            if where and where not in ("---", "IGO"):
                anchor = source
                target = ActorMention(
                    Actor(country=where, sector="GOV"),
                    anchor.start if anchor else 0,
                    anchor.start if anchor else 0,
                    "",
                    "context",
                )
        s0 = self.sent.start
        trig_start, trig_end = s0 + t.idx, s0 + t.idx + len(t)
        if v.i != t.i and e.pos == "noun" and v.i < t.i and self.dep(t) in self.syn.obj | {"obj", "dobj"}:
            trig_start = s0 + v.idx  # "sostuvo una conversación telefónica": the support verb is part of the trigger
        trigger_text = self.doc.text[trig_start - s0 : trig_end - s0]
        conf = 0.9 if (source and target) else 0.7
        if args.inherited:
            conf -= 0.1
        return Event(
            type=type_name,
            mode=mode,
            cameo=et.cameo_for(mode),
            quad=et.quad,
            weight=et.weight_for(mode),
            source=source,
            target=target,
            status=status,
            claimed_by=claimed_by,
            date=date,
            place=place,
            quantity=self.event_quantity(t, v),
            evidence=Evidence(
                self.state.article_id,
                self.sent.index,
                self.sent.start,
                self.sent.end,
                trigger_text,
                trig_start,
                trig_end,
                self.sent.text,
            ),
            rule=e.rule,
            confidence=round(conf, 2),
            symmetric=et.symmetric,
            nominal=e.pos == "noun",
        )

    def arguments(self, t: Token, v: Token, e: Entry, passive: bool) -> _Args:
        inherited = False
        source = target = None
        src_tok = None
        if passive:
            source, _ = self.slot("agent", t, v, passive)
            target, _ = self.subject(t)
        else:
            for s in e.source:
                source, src_tok = self.slot(s, t, v, passive)
                if source is not None:
                    break
            if e.target_from_subject:
                target, source = source, None
            else:
                for s in e.target:
                    if s == "subj":
                        target, _ = self.subject(v)
                    else:
                        target, _ = self.slot(s, t, v, passive)
                    if target is not None and (source is None or target.start != source.start):
                        break
                    target = None
            if source is None and e.participle_of:
                node = t  # "reafirmaron su compromiso con el acuerdo firmado": the clause's subject signed it
                for _ in range(5):
                    if node.head.i == node.i:
                        break
                    node = node.head
                    if node.pos_ in ("VERB", "AUX"):
                        source, src_tok = self.subject(node)
                        inherited = source is not None
                        break
            noun_in_adjunct = (
                e.pos == "noun"
                and v.i != t.i
                and (
                    not self.core_argument(t, v)
                    # "sabotear las negociaciones": the object of a verb that is neither a support verb
                    # nor a trigger is not that verb's subject's event
                    or (
                        self.dep(t) in self.syn.obj | {"obj", "dobj"}
                        and not self.is_light(v)
                        and self.lem(v) not in self.syn.participation_verbs
                    )
                )
            )
            # "a roadside bombing killed a soldier, the military said": a clause with a subject of its
            # own that names no actor does not borrow the reporter's
            own_thing_subject = any(
                self.dep(c) in self.syn.subj and c.pos_ in NOUN_POS and c.i < v.i and not passive for c in v.children
            )
            if (
                (source is None and "subj" in e.source or (source is None and "governor" in e.source))
                and not noun_in_adjunct
                and not own_thing_subject
            ):
                source = self.inherited_subject(v)
                inherited = source is not None
                if source is None and self.syn.pro_drop and e.pos == "verb" and not self.has_subject(v):
                    nonfinite = v.morph.get("VerbForm") in (["Inf"], ["Ger"])
                    # an infinitive under a clause with its own subject is controlled by it, even
                    # when that subject is no actor ("la reunión podría estar destinada a discutir")
                    controlled = nonfinite and any(self.has_subject(a) for a in list(v.ancestors)[:3])
                    finite_or_free = v.morph.get("VerbForm") == ["Fin"] or (nonfinite and not controlled)
                    if finite_or_free and self.state.last_subject is not None:
                        source, inherited = self.state.last_subject, True
        if source is None and target is not None and e.pos == "noun" and self.ont[e.type].symmetric and v.i != t.i:
            # "compartió información sobre la cumbre con Trump": a meeting with X is the subject's
            subj, _tok = self.subject(v)
            if subj is not None and subj.actor != target.actor:
                source = subj
        if target is None and source is not None and e.target and not passive and not e.target_from_subject:
            target = self.complement_target(t, v, source)
        if target is None and source is not None and e.type == "THREATEN":
            target = self.condition_subject(t, source)
        if target is None and src_tok is not None and self.case_of(src_tok) in ("entre", "between"):
            # "combate entre guerrilleros de las FARC y tropas del Ejército": the parser may hang the
            # second side on any word of the first
            target = next(
                (
                    a
                    for d in src_tok.subtree
                    for c in d.children
                    if self.dep(c) == "conj"
                    and (a := self.actor_in(c)) is not None
                    and (source is None or a.start != source.start)
                ),
                None,
            )
        # "Putin y Kim", "entre Rusia y Corea del Norte", "ambos líderes": one side names both
        if target is None and self.ont[e.type].symmetric:
            if source is not None and source.group and len(source.group) > 1:
                target = ActorMention(source.group[1], source.start, source.end, source.text, source.how)
                source = ActorMention(source.group[0], source.start, source.end, source.text, source.how)
            elif src_tok is not None:
                target = self.conj_actor(src_tok)
                if target is None and source is not None:  # "la cumbre entre Putin y Trump": the name's conjunct
                    own = next((x for x in self.doc if self.sent.start + x.idx == source.start), None)
                    if own is not None:
                        target = self.conj_actor(own)
        if source is not None and source.group and len(source.group) > 1 and target is not None:
            source = ActorMention(source.group[0], source.start, source.end, source.text, source.how)
        if (
            target is None
            and source is not None
            and e.target
            and not (passive or e.target_from_subject or e.requires_target)
        ):
            target = self.deep_target(t, v, source)
        if not passive and e.pos == "verb" and not e.target_from_subject:
            subj, _ = self.subject(v)
            if subj is not None:
                self.state.last_subject = subj
        return _Args(source, target, inherited)

    def deep_target(self, t: Token, v: Token, source: ActorMention) -> ActorMention | None:
        """Last resort: the nearest placed actor down the trigger's own phrase, other than the
        source ("suspended part of a military aid program for Bosnia", "speeded up the withdrawal of
        forces from Panama", "blew up power lines leading into Kabul"). Subjects, adverbial clauses
        and reported speech are not searched: they are other events' arguments."""
        skip = (
            self.syn.subj | self.syn.clause_deps - {"acl"} | {"punct", "cc", "det", "aux", "mark", "nsubj", "parataxis"}
        )
        frontier = [t] if v.i == t.i or not self.is_light(v) else [t, v]
        seen = {x.i for x in frontier}
        for _ in range(DEEP_TARGET_DEPTH):
            nxt = [c for n in frontier for c in n.children if c.i not in seen and self.dep(c) not in skip]
            for c in nxt:
                seen.add(c.i)
                m = self.tok_mention.get(c.i)
                if (
                    m is not None
                    and m.start != source.start
                    and _identified(m)
                    and m.actor.country != source.actor.country
                ):
                    return m
            frontier = nxt
        return None

    def complement_target(self, t: Token, v: Token, source: ActorMention | None) -> ActorMention | None:
        """The target of a verb of saying or intending sits in its complement clause: "threatened
        to cut off electricity to Azerbaijan", "refused to meet the Jordanian king", "demanded that
        North Korea abandon its programme", "exigió al Gobierno que...". First the complement's
        objects and obliques, then (for a finite complement with its own subject) that subject."""
        syn = self.syn
        for h in [t] if v.i == t.i else [t, v]:
            for c in h.children:
                # "its demand that Israel ease restrictions": a noun's content clause hangs as acl
                if self.dep(c) not in ("xcomp", "ccomp") and not (h.pos_ in NOUN_POS and self.dep(c) == "acl"):
                    continue
                objs: list[Token] = []
                subjs: list[Token] = []
                for g in c.children:
                    d = self.dep(g)
                    if d in syn.obj or d in syn.iobj or d in ("obl", "dative", "obj", "iobj"):
                        objs.append(g)
                    elif d == "prep":
                        objs.extend(x for x in g.children if self.dep(x) == "pobj")
                    elif d in syn.subj:
                        subjs.append(g)
                # "demanded that North Korea abandon ...": a finite complement's own subject is the addressee
                order = subjs + objs if self.dep(c) in ("ccomp", "acl") and subjs else objs + subjs
                for g in order:
                    a = self.actor_in(g)
                    if a is not None and (source is None or a.actor != source.actor):
                        return a
        return None

    def condition_subject(self, t: Token, source: ActorMention) -> ActorMention | None:
        """ "threatened to stop the talks if the United States deploys the missiles": the one whose
        act the threat hangs on is its target."""
        for c in list(t.children) + [g for x in t.children if self.dep(x) == "xcomp" for g in x.children]:
            if self.dep(c) != "advcl":
                continue
            if not any(
                self.lem(m) in ("if", "unless", "si") or fold(m.text) in ("if", "unless", "si") for m in c.children
            ):
                continue
            a, _tok = self.subject(c)
            if a is not None and a.actor != source.actor:
                return a
        return None

    def has_subject(self, v: Token) -> bool:
        return any(self.dep(c) in self.syn.subj for c in v.children)

    def modality(self, t: Token, v: Token, et: EventType) -> tuple[Status, ActorMention | None, str | None]:
        syn = self.syn
        heads = [t] if v.i == t.i else [t, v]
        near = [c for h in heads for c in h.children]
        words = {self.lem(c) for c in near} | {fold(c.text) for c in near}
        negated = bool(words & syn.negation) or any("Neg" in c.morph.get("Polarity") for c in near)
        anc = list(v.ancestors)[:3]
        if any(self.lem(a) in syn.negating_verbs for a in anc if self.dep(v) in ("xcomp", "ccomp", "obj")):
            negated = True
        if negated:
            if et.negated:
                return "occurred", None, et.negated
            return "negated", None, None
        for h in heads + anc[:1]:
            sent_words = {self.lem(c) for c in h.children} | {fold(c.text) for c in h.children}
            if sent_words & syn.claim_words:
                return "claimed", self.claimer(h), None
        for tok in self.doc:
            if fold(tok.text) in syn.claim_words and tok.i < t.i + 12:
                if any(a.i == tok.head.i for a in [t, v, *anc]) or abs(tok.i - t.i) <= 6:
                    return "claimed", self.claimer_after(tok), None
        mood = set(t.morph.get("Mood")) | set(v.morph.get("Mood"))
        if "Cnd" in mood or words & syn.modal_verbs or words & syn.hypothetical_words:
            return "hypothetical", None, None
        if any(self.lem(a) in syn.modal_verbs for a in anc[:1]):
            return "hypothetical", None, None
        tense = set(t.morph.get("Tense")) | set(v.morph.get("Tense"))
        if "Fut" in tense or words & syn.future_markers or words & syn.planned_words:
            return "planned", None, None
        if any(self.lem(a) in syn.future_markers and self.dep(v) in ("xcomp", "obl", "advcl") for a in anc[:1]):
            return "planned", None, None
        return "occurred", None, None

    def claimer(self, h: Token) -> ActorMention | None:
        for c in h.children:
            if fold(c.text) in self.syn.claim_words:
                return self.claimer_after(c)
        return None

    def claimer_after(self, tok: Token) -> ActorMention | None:
        for n in self.doc[tok.i + 1 : tok.i + 6]:
            if n.i in self.tok_mention:
                return self.tok_mention[n.i]
        return None

    def _owner(self, tok: Token) -> int:
        """The clause a token belongs to: its nearest verb ancestor (or itself)."""
        n = tok
        for _ in range(8):
            if n.pos_ in ("VERB",) or n.head.i == n.i:
                return int(n.i)
            if n.i != tok.i and self.dep(n) in ("amod", "acl") and "Part" in n.morph.get("VerbForm"):
                return int(n.i)  # "el acuerdo firmado en julio de 2024": the participle owns its date
            n = n.head
        return int(n.i)

    def event_date(self, t: Token, v: Token) -> EventDate | None:
        dates = self.dates
        if not dates:
            return None
        mine = {self._owner(t), self._owner(v), t.i}
        for d in dates:
            toks = [x for x in self.doc if d.start <= x.idx < d.end]
            if any(self._owner(x) in mine or x.head.i == t.i for x in toks):
                return d.date
        if len(dates) == 1 and self._owner(t) == self._owner(v) and t.dep_ == "ROOT":
            toks = [x for x in self.doc if dates[0].start <= x.idx < dates[0].end]
            owned_elsewhere = any(
                (self.dep(o) in ("amod", "acl") and "Part" in o.morph.get("VerbForm"))
                or (o.i != t.i and self.lem(o) in self.syn.claim_verbs)  # "..., the WFP said on Monday"
                for o in (self.doc[self._owner(x)] for x in toks)
            )
            return None if owned_elsewhere else dates[0].date  # not "firmado en julio de 2024"'s date
        return None

    def event_place(self, t: Token, v: Token, args: _Args) -> Place | None:
        mine = {self._owner(t), self._owner(v), t.i}
        taken = {(m.start, m.end) for m in (args.source, args.target) if m is not None}
        for s, e, place in self.places:
            if (s, e) in taken:
                continue
            toks = [x for x in self.doc if s <= x.idx + self.sent.start < e]
            if (
                toks
                and self.place_case(toks[0]) in LOCATIVE
                or (toks and fold(toks[0].head.text) in ("en", "in", "at"))
            ):
                if any(self._owner(x) in mine for x in toks):
                    return place
        return None

    def place_case(self, tok: Token) -> str | None:
        """The preposition that places a name, through "the town of", "la ciudad de": "outside of
        the Iraqi city of Basra" is "outside", "cerca del municipio de Tame" is "cerca"."""
        node, case = tok, self.case_of(tok)
        if case is None and self.dep(tok) in ("appos", "compound", "flat") and tok.head.pos_ in NOUN_POS:
            node, case = tok.head, self.case_of(tok.head)  # "in the capital Kabul"
        for _ in range(3):
            if case not in ("of", "de", "del", "d'", "du"):
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

    def event_quantity(self, t: Token, v: Token) -> Quantity | None:
        sub = {x.i for x in t.subtree} | ({x.i for x in v.subtree} if v.i != t.i else set())
        for q in self.quantities:
            toks = [x for x in self.doc if q.start <= x.idx < q.end]
            if any(x.i in sub for x in toks):
                return q.quantity
        return None
