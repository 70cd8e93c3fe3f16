"""The arguments of a trigger: who does it (source) and to whom (target), from the parse.

Reads: the trigger token, its clause head, the lexicon entry's argument slots (subj, obj, iobj,
dative, agent, self, amod, poss, governor, or a preposition such as con, with, entre, between) and
the mentions of the sentence. Decides: the source and target mentions, in the entry's order of
preference, through passive voice ("were killed by armed men": the agent is the source), control and
coordination (the subject a reported or infinitive clause inherits), pro-drop (the article's last
subject), "between X and Y" and lists of actors ("Putin y Kim": one side names both), the target a
verb of saying or intending has in its complement clause, and, as a last resort, the nearest placed
actor down the trigger's phrase. PLOVER codes source and target as the actors of the event itself,
not of the reporting clause; CAMEO's dyadic convention is the same.
"""

from __future__ import annotations

from ..textutil import fold
from ..types import ActorMention
from .lexicon import Entry
from .sentence import NOUN_POS, Args, ParsedSentence, Token, lemma_keys
from .sides import identified

# How far down the trigger's phrase the last-resort target search goes.
DEEP_TARGET_DEPTH = 6
# A statement of these types whose object is a hostile act ("condemned the attack on Kharkiv",
# "deplored the sanctions on Cuba") is addressed to who did that act, never to its victim (issue 13:
# the EU was coded against Ukraine). Demands and support are left out: what they ask or back is
# their content, and their addressee is often the act's target ("urged sanctions against Iran").
DOER_ADDRESSED_TYPES = frozenset({"ACCUSE"})
HOSTILE_QUADS = frozenset({"material-conflict", "verbal-conflict"})


class ArgumentRules(ParsedSentence):
    """Source and target of a trigger."""

    def arguments(self, t: Token, v: Token, e: Entry, passive: bool) -> Args:
        """The sides of the trigger `t` read in the clause of `v`: the entry's slots first, then the
        subject the clause inherits, then the target completions. Remembers an active verb's subject
        for the next sentences (Spanish pro-drop)."""
        if passive:
            source, _ = self.slot("agent", t, v, passive)
            target, _ = self.subject(t)
            if target is None and self.reduced_passive(t):
                target = self.tok_mention.get(t.head.i)  # "los campesinos, desalojados por la policía"
            src_tok, inherited = None, False
        else:
            source, src_tok, target = self.slotted(t, v, e, passive)
            source, src_tok, inherited = self.implicit_source(t, v, e, passive, source, src_tok)
        source, target = self.completed(t, v, e, passive, source, target, src_tok)
        if not passive and e.pos == "verb" and not e.target_from_subject:
            subj, _ = self.subject(v)
            if subj is not None:
                self.state.last_subject = subj
        return Args(source, target, inherited)

    def slotted(
        self, t: Token, v: Token, e: Entry, passive: bool
    ) -> tuple[ActorMention | None, Token | None, ActorMention | None]:
        """Source (with its token) and target from the entry's slots, in its order of preference."""
        source = target = None
        src_tok = None
        for s in e.source:
            source, src_tok = self.slot(s, t, v, passive)
            if source is not None:
                break
        if e.target_from_subject:
            return None, src_tok, source
        act = self.hostile_act_object(t, e) if not passive else None
        if act is not None:
            self.settled_target.add(t.i)
            return source, src_tok, self.doer_of(act, source)
        verbal = self.ont[e.type].quad.startswith("verbal")
        for s in e.target:
            if s == "subj":
                target, _ = self.subject(v)
            else:
                target, _ = self.slot(s, t, v, passive)
            if (
                verbal
                and not self.ont[e.type].symmetric  # a visit goes to a place: "se rendre en Algérie"
                and target is not None
                and target.how == "place"
                and fold(s) in self.syn.locative_cases
            ):
                # "ont réclamé à Niamey le départ des troupes": a city named where a statement is
                # made is not whom it addresses (a seat of power, "a exigé de Paris", is a metonym)
                target = None
            if target is not None and (source is None or target.start != source.start):
                break
            target = None
        return source, src_tok, target

    def implicit_source(
        self, t: Token, v: Token, e: Entry, passive: bool, source: ActorMention | None, src_tok: Token | None
    ) -> tuple[ActorMention | None, Token | None, bool]:
        """A source the slots left empty, from the clause around the trigger: the subject of the
        clause a participle modifies, of a controlling or reporting clause, or (pro-drop) the
        article's last subject. Returns the source, its token and whether it was inherited."""
        inherited = False
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
        return source, src_tok, inherited

    def side_after_and(self, first: Token, source: ActorMention | None) -> ActorMention | None:
        """ "entre le président sénégalais et le Premier ministre français": the small parser may hang
        the second side outside the first's phrase; it is the actor right after the conjunction that
        ends the first side's words (articles and adjectives between them)."""
        side = source or self.actor_in(first)
        if side is None:
            return None
        own = [i for i, m in self.tok_mention.items() if m is side]
        j = max([first.i, *own]) + 1
        end = min(len(self.doc), j + 5)
        while j < end and self.doc[j].pos_ in ("ADJ", "DET") and j not in self.tok_mention:
            j += 1  # "le Forces armées de la RDC": words of the first side the mention left out
        if j >= end or self.doc[j].pos_ != "CCONJ":
            return None
        for k in range(j + 1, end):
            if k in self.tok_mention and self.tok_mention[k] is not side:
                return self.tok_mention[k]
            if self.doc[k].pos_ not in ("DET", "ADJ", "NUM"):
                return None
        return None

    def completed(
        self,
        t: Token,
        v: Token,
        e: Entry,
        passive: bool,
        source: ActorMention | None,
        target: ActorMention | None,
        src_tok: Token | None,
    ) -> tuple[ActorMention | None, ActorMention | None]:
        """Sides the slots did not fill, from the sentence's structure: the subject of a meeting
        noun's clause, a complement clause, a condition, "between X and Y", one side that names both,
        and last the nearest placed actor down the trigger's phrase."""
        if t.i in self.settled_target:
            return source, target  # the doer of a condemned act, or no one: nothing to complete
        if source is None and target is not None and e.pos == "noun" and self.ont[e.type].symmetric and v.i != t.i:
            # "compartió información sobre la cumbre con Trump": a meeting with X is the subject's
            subj, _tok = self.subject(v)
            if subj is not None and subj.actor != target.actor:
                source = subj
        if target is None and source is not None and e.target and not passive and not e.target_from_subject:
            target = self.complement_target(t, v, source)
            if (
                target is not None
                and self.ont[e.type].symmetric
                and target.actor.country in (None, source.actor.country)
                and src_tok is not None
                and self.dep(src_tok) in self.syn.subj
                and (partner := self.conj_actor(src_tok)) is not None
            ):
                # "Japan and South Korea agreed to resume visits by their ministers": the partner of a
                # symmetric act is the coordinated subject, not the subject's own people in the act
                target = partner
        if target is None and source is not None and e.type == "THREATEN":
            target = self.condition_subject(t, source)
        between = src_tok if src_tok is not None and self.case_of(src_tok) in self.syn.between_cases else None
        if between is None and target is None and e.pos == "noun":
            # "des affrontements entre les Forces armées de la RDC et le M23": the source came from
            # another slot, the "entre" phrase hangs on the trigger
            between = next((c for c in t.children if self.case_of(c) in self.syn.between_cases), None)
            if between is not None and source is not None and self.actor_in(between) not in (None, source):
                between = None  # "entre" names other sides than the source's
        if target is None and between is not None:
            # "combate entre guerrilleros de las FARC y tropas del Ejército": the parser may hang the
            # second side on any word of the first
            target = next(
                (
                    a
                    for d in between.subtree
                    for c in d.children
                    if self.dep(c) == "conj"
                    and (a := self.actor_in(c)) is not None
                    and (source is None or a.start != source.start)
                ),
                None,
            ) or self.side_after_and(between, source)
        # "Putin y Kim", "entre Rusia y Corea del Norte", "ambos líderes": one side names both
        if target is None and self.ont[e.type].symmetric:
            if source is not None and source.group and len(source.group) > 1:
                target = ActorMention(source.group[1], source.start, source.end, source.text, source.how)
                source = ActorMention(source.group[0], source.start, source.end, source.text, source.how)
            elif src_tok is not None:
                target = self.conj_actor(src_tok) or self.other_subject(v, src_tok, source)
                if target is None and source is not None:  # "la cumbre entre Putin y Trump": the name's conjunct
                    own = next((x for x in self.doc if self.sent.start + x.idx == source.start), None)
                    if own is not None:
                        target = self.conj_actor(own)
        if target is None and src_tok is not None and self.mutual_object(t):
            # "Ethiopia and Eritrea restored diplomatic relations", "cut ties": relations are between the
            # coordinated subjects, one event between them
            target = self.conj_actor(src_tok)
        if target is None and e.requires_target and src_tok is not None and self.reciprocal(v):
            # "estudiantes y policías se enfrentaron", "Rusia y China se reunieron": a reciprocal
            # verb's coordinated subject names both sides, each the other's
            target = self.conj_actor(src_tok)
        if source is not None and source.group and len(source.group) > 1 and target is not None:
            source = ActorMention(source.group[0], source.start, source.end, source.text, source.how)
        if (
            target is None
            and source is not None
            and e.target
            and not (passive or e.target_from_subject or e.requires_target)
        ):
            target = self.deep_target(t, v, source, verbal=self.ont[e.type].quad.startswith("verbal"))
        if target is None and source is not None and e.requires_target and self.ont[e.type].quad.startswith("verbal"):
            target = self.actor_of_event_told(t, source)
        return source, target

    def mutual_object(self, t: Token) -> bool:
        """Is the verb's object one of the language's `mutual_nouns`, a relation between two sides
        ("relations", "ties")?"""
        nouns = self.syn.sets.get("mutual_nouns", frozenset())
        return bool(nouns) and any(
            self.dep(c) in self.syn.obj | {"obj", "dobj"} and (self.lem(c) in nouns or fold(c.text) in nouns)
            for c in t.children
        )

    def reciprocal(self, v: Token) -> bool:
        """Does the verb carry a reciprocal clitic ("se enfrentaron", "se reunieron"), or is it one
        of the language's reciprocal verbs ("India and Pakistan exchanged fire", "swapped prisoners")?"""
        if self.lem(v) in self.syn.sets.get("reciprocal_verbs", frozenset()):
            return True
        clitics = self.syn.sets.get("reciprocal_clitics", frozenset())
        return any(c.pos_ == "PRON" and fold(c.text) in clitics for c in v.children)

    def other_subject(self, v: Token, src_tok: Token, source: ActorMention | None) -> ActorMention | None:
        """ "La RDC et le Rwanda ont signé": the parser may hang both sides of a coordinated
        subject on the verb, each as a subject of its own."""
        if src_tok.head.i != v.i or self.dep(src_tok) not in self.syn.subj:
            return None
        for c in v.children:
            if c.i != src_tok.i and c.i < v.i and self.dep(c) in self.syn.subj:
                a = self.actor_in(c, as_subject=True)
                if a is not None and (source is None or a.actor.country != source.actor.country):
                    return a
        return None

    def hostile_act_object(self, t: Token, e: Entry) -> Token | None:
        """The object of a criticism when it is a hostile act: a noun the lexicon knows as a
        trigger of a conflict type ("the attack", "los bombardeos", "the sanctions")."""
        if e.type not in DOER_ADDRESSED_TYPES or "obj" not in e.target:
            return None  # "atribuyó el atentado a las FARC": the act is the object, its slot names the doer
        for c in t.children:
            if self.dep(c) not in self.syn.obj | {"obj", "dobj"} or c.pos_ != "NOUN" or c.i in self.tok_mention:
                continue
            if (case := self.case_of(c)) is not None and case not in self.syn.dative_cases:
                continue  # "criticó a Cuba por el bloqueo", parsed as an object: the motive, not what is condemned
            if self.hostile_noun(c):
                return c
        # "complained to the UN over two Israeli air raids": what a criticism is about, after one of the
        # language's `grievance_cases`, when it names no object
        if not any(self.dep(c) in self.syn.obj | {"obj", "dobj"} for c in t.children):
            for c in self.grievance_objects(t):
                if self.hostile_noun(c):
                    return c
        return None

    def hostile_noun(self, c: Token) -> bool:
        """A noun the lexicon knows as a trigger of a conflict type ("the attack", "the sanctions")."""
        return c.pos_ == "NOUN" and c.i not in self.tok_mention and any(
            entry.pos == "noun" and entry.type in self.ont and self.ont[entry.type].quad in HOSTILE_QUADS
            for entry in self.lex.lookup(*lemma_keys(c, self.lemma_of))
        )

    def grievance_objects(self, t: Token) -> list[Token]:
        """The nouns after one of `syntax.grievance_cases` on the trigger ("over the raids")."""
        cases = self.syn.sets.get("grievance_cases", frozenset())
        if not cases:
            return []
        out = [c for c in t.children if self.case_of(c) in cases and c.pos_ in NOUN_POS]
        out += [g for c in t.children if self.dep(c) == "prep" and self.lem(c) in cases for g in c.children]
        return out

    def doer_of(self, act: Token, source: ActorMention | None) -> ActorMention | None:
        """Who did a hostile act named as a noun: its adjective or possessor ("the Russian attack",
        "Israel's strikes"), an actor after by/de/por ("el ataque de los rebeldes"), else the source
        of that act told before in the article; never the act's victim or place, so None when no
        doer is named."""
        # a passive agent names the doer first: "l'exécution de deux opposants par le régime", even
        # when the parser hangs it on the victim ("de [deux opposants par le régime]")
        for g in [*act.children, *(g for c in act.children for g in c.children)]:
            if self.case_of(g) in self.syn.passive_agent and g.i > act.i:
                m = self.actor_in(g)
                if m is not None and m.how != "place" and (source is None or m.actor != source.actor):
                    return m
        for c in act.children:
            m = self.tok_mention.get(c.i) if self.dep(c) in ("amod", "poss", "compound", "nmod:poss") else None
            if m is None and self.case_of(c) in self.syn.doer_cases and c.i > act.i:
                m = self.actor_in(c)
            if m is not None and m.how != "place" and (source is None or m.actor != source.actor):
                return m
        for entry in self.lex.lookup(*lemma_keys(act, self.lemma_of)):
            told = self.state.told.get(entry.type)
            if told is not None and told.source is not None and (source is None or told.source.actor != source.actor):
                return told.source
        return None

    def actor_of_event_told(self, t: Token, source: ActorMention) -> ActorMention | None:
        """ "Argelia criticó el acuerdo", "Turkey and Iran also criticised the strike": a statement
        about an event the article told before is addressed to who did it (the attacker of a
        condemned attack, the parties of a criticised deal): that event's source."""
        for c in t.children:
            if self.dep(c) not in self.syn.obj | {"obj", "dobj"} or c.i in self.tok_mention:
                continue
            for entry in self.lex.lookup(*lemma_keys(c, self.lemma_of)):
                told = self.state.told.get(entry.type)
                if told is not None and told.source is not None and told.source.actor != source.actor:
                    return told.source
        return None

    def slot(self, name: str, t: Token, v: Token, passive: bool) -> tuple[ActorMention | None, Token | None]:
        """The actor (and its token) in one of an entry's argument slots."""
        if name == "subj":
            if passive or (t.pos_ in NOUN_POS and v.i != t.i):
                return None, None  # a noun's subject is its own clause's ("los mineros están en huelga")
            return self.subject(v)
        if name == "agent" or (passive and name == "by"):
            return self.agent_slot(v)
        if name == "self":
            return self.tok_mention.get(t.i), t
        if name == "governor":
            return self.governor_slot(t, v)
        if name == "holder":
            return self.holder_slot(t)
        if name == "relative":
            return self.relative_slot(t)
        if name in ("obj", "iobj", "dative", "amod", "poss"):
            return self.dependent_slot(name, t)
        return self.preposition_slot(name, t, v)

    def agent_slot(self, v: Token) -> tuple[ActorMention | None, Token | None]:
        """The agent of a passive: "by X", "por X"."""
        for c in v.children:
            if self.dep(c) == "agent":
                for g in c.children:
                    return self.actor_in(g), g
            if self.case_of(c) in self.syn.passive_agent and c.pos_ not in ("VERB", "AUX"):  # not "por colaborar"
                return self.actor_in(c), c
        return None, None

    def governor_slot(self, t: Token, v: Token) -> tuple[ActorMention | None, Token | None]:
        """The subject of the clause whose verb governs a noun trigger ("held talks")."""
        syn = self.syn
        through_case = (
            (self.dep(t) in syn.sets.get("light_obl", frozenset()) and t.head.i == v.i and self.is_light(v))
            # "participaron en una manifestación", "took part in the march": who takes part does it
            or (
                (t.head.i == v.i or (self.dep(t.head) == "prep" and t.head.head.i == v.i))
                and self.lem(v) in syn.sets.get("joining_verbs", frozenset())
                and self.case_of(t) in syn.sets.get("joining_cases", frozenset())
                and any(e.type == "PROTEST" for e in self.lex.lookup(*lemma_keys(t, self.lemma_of)))
            )
        )
        if v.i != t.i and not self.core_argument(t, v) and not through_case:
            # "curfew after violent protests": the clause's subject did not protest; but "a procédé à
            # l'arrestation" is the support verb's own act
            if not self.manner_of(t, v):
                return None, None
            a, tok = self.subject(v)
            return (a, tok) if a is not None else (self.inherited_subject(v), None)
        if (
            v.i != t.i
            and self.dep(t) in syn.obj | {"obj", "dobj"}
            and not self.is_light(v)
            and self.lem(v) not in syn.participation_verbs
            and not self.decides_own_protest(t, v)
        ):
            return None, None  # "will not tolerate rallies", "reported clashes": not theirs
        a, tok = self.subject(v) if v.i != t.i else (None, None)
        own_subject = (
            t.head.i == v.i
            and self.dep(t) in syn.subj
            and not any(self.dep(c) in ("poss", "nmod:poss") and c.pos_ == "PRON" for c in t.children)
        )
        # "police said clashes erupted in Karachi": a noun that is its clause's subject is the event
        # itself; the reporter of that clause did not do it ("the rebels said their offensive had
        # reached Goma": unless the noun's possessor is the reporter)
        if a is None and v.i != t.i and not own_subject:
            a = self.inherited_subject(v)
        return a, tok

    def decides_own_protest(self, t: Token, v: Token) -> bool:
        """A cooperative act on a protest is the protesters' decision about their own protest: "los
        maestros acordaron una huelga", "levantaron el paro" (not "reprimió la protesta")."""
        entries = self.lex.lookup(*lemma_keys(v, self.lemma_of))
        return (
            any(e.type == "PROTEST" for e in self.lex.lookup(*lemma_keys(t, self.lemma_of)))
            and bool(entries)
            and all(e.type in self.ont and self.ont[e.type].quad.endswith("cooperation") for e in entries)
        )

    def holder_slot(self, t: Token) -> tuple[ActorMention | None, Token | None]:
        """The actor a bare `in_cases` phrase of the trigger describes: "los médicos en huelga",
        "trabajadores en paro" are on strike."""
        head = self.bare_in_holder(t)
        if head is None:
            return None, None
        if head.i != t.i and head.i in self.tok_mention:
            return self.tok_mention[head.i], head
        marker = next((c for c in t.children if self.dep(c) in self.syn.case and c.i < t.i), None)
        before = self.doc[marker.i - 1] if marker is not None and marker.i > 0 else None
        if before is not None and before.pos_ in NOUN_POS and before.i in self.tok_mention:
            # "diálogo entre gobierno y enfermeras en huelga": the parser may hang the phrase on a
            # word further back; right after a noun that names people, it says what they are doing
            return self.tok_mention[before.i], before
        if head.i == t.i and not any(x.pos_ in ("VERB", "AUX") for x in self.doc):
            # "EN HUELGA LOS MINEROS RUSOS", "En paro los transportistas": a headline with no verb
            # names the holder after the phrase
            for x in self.doc[t.i + 1 :]:
                if x.pos_ in NOUN_POS and self.case_of(x) is None and (x.head.i in (x.i, t.i)):
                    a = self.actor_in(x)
                    if a is not None:
                        return a, x
        return None, None

    def relative_slot(self, t: Token) -> tuple[ActorMention | None, Token | None]:
        """The doer a relative clause of the trigger names through a support verb: "las protestas que
        organizan los sindicatos", "the strikes that the unions staged". Either argument of that verb
        may be the relative pronoun (the parser swaps them); the other is the doer."""
        core = self.syn.subj | self.syn.obj | {"nsubj", "obj", "dobj"}
        for c in t.children:
            if self.dep(c) not in ("acl", "relcl", "acl:relcl") or not self.is_light(c):
                continue
            args = [g for g in c.children if self.dep(g) in core]
            rel = [
                g for g in c.children if fold(g.text) in self.syn.relative_pronouns and self.dep(g) in core | {"mark"}
            ]
            if not rel:
                continue
            for g in args:
                if g not in rel and (a := self.actor_in(g)) is not None:
                    return a, g
        return None, None

    def manner_of(self, t: Token, v: Token) -> bool:
        """Is the noun, bare after an `in_cases` preposition, the manner of the verb's own act
        ("quemaron neumáticos en protesta por", "burned tyres in protest at", "se encontraban en
        huelga de hambre")? Then the verb's subject does the noun's act. With an article it is a
        place or a time ("detenidos en la protesta", "killed in the riots"), and not theirs."""
        holder = self.bare_in_holder(t)
        return holder is not None and holder.i == v.i and not self.is_passive(v)

    def bare_in_holder(self, t: Token) -> Token | None:
        """The word a phrase "en huelga", "in protest" (an `in_cases` preposition, no article or
        possessive: with one it is a place or a time) hangs on; None for any other phrase."""
        if self.case_of(t) not in self.syn.in_cases or any(
            self.dep(c) in ("det", "poss", "nmod:poss") for c in t.children
        ):
            return None
        return t.head.head if self.dep(t.head) == "prep" else t.head

    def dependent_slot(self, name: str, t: Token) -> tuple[ActorMention | None, Token | None]:
        """An actor hanging on the trigger by a dependency: object, indirect object, dative,
        adjective ("el apoyo norcoreano") or possessor."""
        syn = self.syn
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

    def preposition_slot(self, name: str, t: Token, v: Token) -> tuple[ActorMention | None, Token | None]:
        """An actor after the preposition `name`, on the trigger, its clause's verb, or a participle
        modifying the trigger ("la cumbre programada con Trump", "the agreement signed with Kyiv")."""
        syn = self.syn
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
                    if self.dep(c) in ("prep", "obl")
                    and (self.case_of(c) is None or self.case_of(c) in syn.participation_cases)
                    for g in ([c] if self.dep(c) == "obl" else c.children)
                    if self.lex.lookup(*lemma_keys(g, self.lemma_of))
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

    def deep_target(self, t: Token, v: Token, source: ActorMention, verbal: bool = False) -> ActorMention | None:
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
                    and identified(m)
                    and m.actor.country != source.actor.country
                    # "a meeting of defence ministers in Brussels", "lodge a protest through channels
                    # in Beijing": where words are said or a meeting held is no one they address
                    and not (verbal and m.how != "gazetteer" and self.case_of(c) in self.syn.locative_cases)
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
                    a = self.act_target(g) or self.actor_in(g)
                    if a is not None and (source is None or a.actor != source.actor):
                        return a
        return None

    def act_target(self, g: Token) -> ActorMention | None:
        """ "threatened to reimpose United Nations sanctions on Iran", "vowed to lift US tariffs on
        Chinese goods": an object noun that names no actor itself says whom the act falls on after an
        `act_target_cases` preposition; the actor modifying the noun is who imposes it, not its target."""
        cases = self.syn.sets.get("act_target_cases", frozenset())
        if not cases or g.pos_ not in NOUN_POS or g.i in self.tok_mention:
            return None
        for c in g.children:
            if self.dep(c) == "prep" and self.lem(c) in cases:
                for x in c.children:
                    if (a := self.actor_in(x)) is not None and a.how != "place":
                        return a
            elif self.case_of(c) in cases and (a := self.actor_in(c)) is not None and a.how != "place":
                return a
        return None

    def condition_subject(self, t: Token, source: ActorMention) -> ActorMention | None:
        """ "threatened to stop the talks if the United States deploys the missiles": the one whose
        act the threat hangs on is its target."""
        for c in list(t.children) + [g for x in t.children if self.dep(x) == "xcomp" for g in x.children]:
            if self.dep(c) != "advcl":
                continue
            if not any(
                self.lem(m) in self.syn.condition_marks or fold(m.text) in self.syn.condition_marks for m in c.children
            ):
                continue
            a, _tok = self.subject(c)
            if a is not None and a.actor != source.actor:
                return a
        return None
