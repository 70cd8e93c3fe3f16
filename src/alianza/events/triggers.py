"""Triggers: does a lexicon entry fire on a word of the parsed sentence, and what event it codes.

Reads: a token, a lexicon entry (`data/lexicons/<lang>/<type>.yaml`: lemmas, part of speech,
required words, slots) and the other concerns' answers. Decides: whether the entry applies here
(a verb used as a verb, a noun that names an event and not a name or a word of an actor's name, the
entry's required words in the phrase, a support verb for light nouns: "sostuvo una conversación",
"held talks"), and then the coded event: type, mode (the entry's or its type file's `mode_cues`),
CAMEO code, arguments, status, date, place, quantity, evidence and confidence. Statements need a
speaker (PLOVER's verbal types: "the report accuses" is no accusation), a warning about someone
else's action is no threat, and armed groups do not protest: their blockade is an assault (CAMEO 191).
"""

from __future__ import annotations

from ..actors.patterns import actor_patterns
from ..actors.unknown import counted_people
from ..textutil import fold
from ..types import ActorMention, Event, Evidence
from .arguments import ArgumentRules
from .lexicon import Entry
from .modality import ModalityRules
from .sentence import NOUN_POS, VERB_POS, Args, Token, lemma_keys
from .sides import acting_sector, context_sides, identified, protest_addressee

# Armed groups: what they block or occupy is an assault, not a protest (CAMEO 191, impose blockade).
ARMED_SECTORS = frozenset({"REB", "UAF", "MIL", "CRM", "INS"})
# Acts whose object is their content (what is demanded, refused, threatened): with it, a group named
# by its sector makes the event without an addressee.
CONTENT_ACTS = frozenset({"REQUEST", "REJECT", "THREATEN"})


def side_sector(m: ActorMention) -> str | None:
    """The sector a side acts as. A side of its own words that names no sector (a person or a group
    the knowledge base does not know: "Angela Davis", "María Gómez, que dirige una cooperativa")
    is no organ of a state: a civilian, as CAMEO codes unidentified people."""
    if m.how == "words" and m.actor.sector is None:
        return "CVL"
    return acting_sector(m.actor)


class TriggerRules(ArgumentRules, ModalityRules):
    """Entries that fit a token, and the event each codes."""

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
            elif self.dep(t) in ("acl", "amod") and t.pos_ == "ADJ" and not self.reduced_passive(t):
                return None
            v = t
        else:
            if t.pos_ not in NOUN_POS:
                return None
            if t.text[:1].isupper() and t.i > self.sentence_start(t) and not t.is_upper:
                return None  # a name, not a noun: "in March", "the Arab Spring", "Operation Protective Edge"
            if t.i in self.tok_mention and self.dep(t) in ("compound", "amod", "nmod"):
                return None  # a word of an actor's name: "riot police", "peace activists"
            if (
                self.dep(t) in ("nmod", "pobj")
                and self.case_of(t) in self.syn.of_cases
                and (holder := t.head.head if self.dep(t) == "pobj" else t.head).pos_ in NOUN_POS
                and self.lex.lookup(*lemma_keys(holder, self.lemma_of))
            ):
                return None  # "una nota de protesta", "la condena del ataque": part of the other noun's event
            if self.grievance_of_criticism(t):
                return None  # "complained to the UN over the raids": what the criticism is about (its target's act)
            if any(
                self.lem(c) in self.syn.generic_determiners or fold(c.text) in self.syn.generic_determiners
                for c in t.children
                if self.dep(c) in ("det", "amod", "neg")
            ):
                return None  # "cualquier negociación", "any deal": no particular event
            head = t.head
            # "a procédé à l'arrestation", "est parvenu à un accord": some support verbs take the noun
            # through a preposition (the language's `light_obl` labels)
            light_deps = self.syn.obj | self.syn.subj | self.syn.sets.get("light_obl", frozenset())
            governed = self.dep(t) in light_deps | {"obj", "dobj", "nsubj"} and head.i != t.i
            # "se declararon en huelga": a phrase of an `in_cases` preposition is no object, however the
            # parser labels it, so the verb it hangs on does not take its event
            as_object = self.dep(t) in self.syn.obj | {"obj", "dobj"} and self.case_of(t) not in self.syn.in_cases
            if as_object and e.type == "PROTEST" and self.lem(head) in self.syn.sets.get("preventing_verbs", ()):
                return None  # "la policía impidió la marcha": it did not take place
            governing = self.lex.lookup(*lemma_keys(head, self.lemma_of)) if as_object else []
            if (
                governing
                and not self.is_light(head)
                and (e.type != "PROTEST" or not self.acts_on_protest(head, governing))
            ):
                # "firmaron un acuerdo": the governing verb is a trigger itself and codes this event; a
                # protest is its own event under an act of another kind ("reprimió la protesta",
                # "enfrenta un movimiento de protesta"), and no one's named by that act's subject
                return None
            as_subject = self.dep(t) in self.syn.subj | {"nsubj"}
            if as_subject and any(
                x.type == e.type and (not x.requires or x.requires & self.phrase_lemmas(head))
                for x in self.lex.lookup(*lemma_keys(head, self.lemma_of))
            ):
                # "a roadside bombing killed a soldier": the verb codes the attack, the noun is its means;
                # a verb that codes it only with its own words does not ("sanctions took effect")
                return None
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
        if req and not (req & phrase) and not (e.sense_by_arguments and self.bare_verb(t)):
            return None
        if e.excludes and any(self.lem(c) in e.excludes or fold(c.text) in e.excludes for c in t.children):
            return None
        unless = e.excludes_if_lemma.get(self.lem(t))
        if unless and t.i + 1 < len(self.doc) and fold(self.doc[t.i + 1].text) in unless:
            return None
        return v

    def grievance_of_criticism(self, t: Token) -> bool:
        """Is the noun what a criticism is about, after one of `syntax.grievance_cases` on a verb of
        criticism that names no object ("complained over two Israeli air raids")? Like the object of
        "condemned the attack", it is the criticism's content; its doer is the criticism's target."""
        cases = self.syn.sets.get("grievance_cases", frozenset())
        if not cases or self.dep(t) not in ("pobj", "obl", "nmod"):
            return False
        verb = t.head.head if self.dep(t) == "pobj" and self.dep(t.head) == "prep" else t.head
        case = self.lem(t.head) if self.dep(t) == "pobj" else self.case_of(t)
        return (
            case in cases
            and verb.pos_ in VERB_POS
            and not any(self.dep(c) in self.syn.obj | {"obj", "dobj"} for c in verb.children)
            and any(x.type == "ACCUSE" and x.pos == "verb" for x in self.lex.lookup(*lemma_keys(verb, self.lemma_of)))
        )

    def protest_told(self, t: Token, e: Entry, args: Args) -> Args:
        """ "Cientos de jubilados protestaron frente al Congreso. La policía reprimió la protesta": a
        definite protest noun naming no one is the protest the article told before, with its sides."""
        told = self.state.told.get("PROTEST")
        if (
            e.type != "PROTEST"
            or e.pos != "noun"
            or args.source is not None
            or told is None
            or told.source is None
            or not any(self.dep(c) == "det" and "Def" in c.morph.get("Definite") for c in t.children)
        ):
            return args
        return Args(told.source, args.target or told.target, True)

    def acts_on_protest(self, v: Token, governing: list[Entry]) -> bool:
        """Does the trigger verb `v` act on a protest that is there ("reprimió la protesta", "levantaron
        la huelga", "acordaron un paro") rather than code it ("protestaron"), ask for it or judge it
        ("called for a strike", "condemned the riots": content)?"""
        return all(
            x.type != "PROTEST" and x.type in self.ont and self.ont[x.type].quad != "verbal-conflict" for x in governing
        )

    def bare_verb(self, t: Token) -> bool:
        """A verb with neither a direct object nor a clause: "los funcionarios manifestaron en las
        calles" (they demonstrated), not "manifestó su apoyo" or "manifestó que" (they said)."""
        said = self.syn.obj | {"obj", "dobj", "ccomp", "xcomp", "csubj"}  # a purpose clause (advcl) still marches
        # "MANIFESTARON CONTRA NETANYAHU": an "object" behind a preposition other than the personal
        # "a" is an oblique the parser mislabelled, not what was said
        # (the personal "a" marks an object only before someone: "al llamado de los sindicatos" is no object)
        return not any(
            self.dep(c) in said
            and ((case := self.case_of(c)) is None or (case in self.syn.dative_cases and c.i in self.tok_mention))
            for c in t.children
        )

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

    def thing_subject(self, v: Token) -> bool:
        """The verb's subject is a common noun that names no actor ("la interacción", "the report",
        "this alliance"): a statement needs a speaker, so such a verb is not a verbal event."""
        if self.is_passive(v):
            return False
        for c in v.children:
            if self.dep(c) in self.syn.subj:
                return c.pos_ == "NOUN" and self.actor_in(c) is None and c.i not in self.tok_mention
        return False

    def try_entry(self, t: Token, e: Entry) -> Event | None:
        """The event the entry codes on the token, or None when it does not apply here."""
        v = self.fits(t, e)
        if v is None:
            return None
        self._clause = v.i
        if e.type == "THREATEN" and e.pos == "verb" and self.warns_that(t):
            return None
        if e.pos == "verb" and self.ont[e.type].quad.startswith("verbal") and self.thing_subject(t):
            return None  # "esta interacción destaca...": only actors praise, accuse, agree or refuse
        passive = e.pos == "verb" and self.is_passive(t)
        args = self.arguments(t, v, e, passive)
        args = self.protest_told(t, e, args)
        if not self.has_sides(t, v, e, args):
            return None
        status, claimed_by, flipped = self.modality(t, v, self.ont[e.type])
        type_name = flipped or e.type
        mode = e.mode if not flipped else None
        if mode is None and not flipped:
            mode = self.cued_mode(t, v, e)
        date = self.event_date(t, v)
        status = self.dated_status(status, date)
        announced_as = self.announced_type(t, e, type_name, flipped, status, args.source, date)
        if announced_as is not None:
            type_name, mode, status = announced_as, None, "occurred"
        place = self.event_place(t, v, args)
        source, target = context_sides(type_name, e.type, args.source, args.target, place)
        if type_name == "PROTEST" and source is not None and source.actor.sector in ARMED_SECTORS:
            # "guerrilleros bloquearon la vía": armed groups do not protest, they impose a blockade (CAMEO 191)
            type_name, mode = "ASSAULT", None
        if type_name == "PROTEST" and target is None:
            target = protest_addressee(source, place)
        et = self.ont[type_name]
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
            evidence=self.trigger_evidence(t, v, e),
            rule=e.rule,
            confidence=round(conf, 2),
            symmetric=et.symmetric,
            nominal=e.pos == "noun",
        )

    def has_sides(self, t: Token, v: Token, e: Entry, args: Args) -> bool:
        """Do the arguments make an event of the entry? Someone must be named, a statement needs a
        placeable speaker or an addressee, and the entry's own requirements must hold."""
        if args.source is None and args.target is None and not self.protest_by_no_one_named(t, v, e):
            return False
        if (
            e.pos == "noun"
            and args.source is None
            and not self.ont[e.type].symmetric
            and v.i != t.i
            and not self.core_argument(t, v)
            and not (
                e.type == "PROTEST"
                and args.target is None
                and self.protest_by_no_one_named(t, v, e)
                and not self.background_reference(t)
            )
        ):
            return False  # "praised its support in the invasion of Ukraine": a background reference, no one named
        if (
            self.ont[e.type].quad.startswith("verbal")
            and args.target is None
            and not identified(args.source)
            and not self.group_voices_content(t, e, args.source)
        ):
            return False  # "human rights groups expressed concern": a statement to no one, by no one placeable
        if e.requires_target and args.target is None:
            return False
        if e.requires_target_sector and (
            args.target is None or acting_sector(args.target.actor) not in e.requires_target_sector
        ):
            return False
        if e.object_is_actor and any(  # a clitic ("se enfrentaron", "lo visitó") is no thing object,
            # nor one the personal "a" marks as someone ("detuvieron a tres hombres")
            self.dep(c) in self.syn.obj | {"obj", "dobj"}
            and c.i not in self.tok_mention
            and c.pos_ != "PRON"
            and self.case_of(c) not in self.syn.dative_cases
            for c in t.children
        ):
            return False
        if e.requires_subject_sector and (
            side_sector(args.source) not in e.requires_subject_sector
            and not (e.type == "PROTEST" and self.crowd(args.source))
            if args.source is not None
            else not self.protest_by_no_one_named(t, v, e)
        ):
            return False
        return not (
            args.source is not None
            and args.target is not None
            and args.source.actor == args.target.actor
            and args.source.start == args.target.start
        )

    def group_voices_content(self, t: Token, e: Entry, source: ActorMention | None) -> bool:
        """ "Los maestros exigen un aumento", "los campesinos rechazan la ley", "teachers threaten to
        strike": a demand, refusal or threat has its content for object, and a group named by its
        sector (a side of its words, issue 13) is someone even when no country places it and no
        addressee is named. An addressee named by a pronoun the resolver could not follow ("los
        declaran objetivo militar") is someone unknown: the general rule stands."""
        objs = self.syn.obj | self.syn.iobj | {"obj", "dobj", "iobj"}
        # a vow has its content too ("the rebels vowed to fight on"): its hostility is told by
        # vows_of_hostility, and what is vowed is not an act done
        vow = e.type == "AGREE" and bool(lemma_keys(t, self.lemma_of) & self.syn.commissive_verbs)
        return (
            (e.type in CONTENT_ACTS or vow)
            and source is not None
            and source.actor.sector is not None
            and bool(source.text)
            and not any(
                self.dep(c) in objs and self.is_personal_pronoun(c) and "Yes" not in c.morph.get("Reflex")
                for c in t.children
            )
        )

    def crowd(self, m: ActorMention) -> bool:
        """Is the side a counted crowd ("unos 500.000 funcionarios", "miles de policías")? A
        crowd is people, whatever its members' sector: civil servants who march demonstrate."""
        return counted_people(self.sent.text, m.start - self.sent.start, actor_patterns(self.ld.lang))

    def protest_by_no_one_named(self, t: Token, v: Token, e: Entry) -> bool:
        """ "Las protestas continuaron en La Paz", "una huelga general paralizó el país": a protest is
        collective action that happened, whoever did it; wire news reports many without naming the
        crowd, and the event is coded with its sides empty. A protest noun must head its own clause,
        be a clause's subject, a support verb's object or a phrase of its own ("ante una oleada de
        protestas"), not a modifier of another word; a protest
        verb must have no subject (a subject the resolver cannot place is someone: no event)."""
        if e.type != "PROTEST":
            return False
        if e.pos == "verb":  # "PROTESTAN POR AUMENTO SALARIAL": a main verb with no subject at all
            if self.dep(t) not in ("root", "conj", "parataxis"):
                return False  # "to protest", "who protested": its subject is another clause's
            return not any(self.dep(c) in self.syn.subj | {"nsubj", "nsubjpass", "nsubj:pass"} for c in t.children)
        if v.i == t.i or self.dep(t) in self.syn.subj | {"nsubj", "root", "obl", "nmod", "pobj", "conj", "appos"}:
            return True
        # the object of a support verb ("convocaron una huelga") or of a verb that reports it happened
        # ("provocó una ola de protestas", "la policía reprimió la protesta"); not of a verb that
        # only imagines it ("will no longer tolerate rallies")
        if self.dep(t) not in self.syn.obj | {"obj", "dobj"}:
            return False
        return self.is_light(t.head) or self.reports_fact(t.head)

    def background_reference(self, t: Token) -> bool:
        """Is the noun the time or cause of another event ("imposed a curfew after the protests",
        "en respuesta a las protestas", "luego de 60 horas de protesta")? The language's
        `background_cases` mark it, on the noun or on a noun it hangs from."""
        bg = self.syn.sets.get("background_cases", frozenset())
        node = t
        for _ in range(3):
            if any(self.dep(c) in ("case", "mark", "advmod", "prep") and self.lem(c) in bg for c in node.children):
                return True
            head = node.head
            if head.i == node.i:
                return False
            if self.lem(head) in bg:
                return True  # "después de las protestas", "after the protests" (ClearNLP: prep -> pobj)
            if head.pos_ not in NOUN_POS and head.pos_ != "ADP":
                return False
            node = head
        return False

    def reports_fact(self, v: Token) -> bool:
        """A finite verb, neither negated nor under a modal or future auxiliary."""
        if "Inf" in v.morph.get("VerbForm") or "Fut" in v.morph.get("Tense") or "Cnd" in v.morph.get("Mood"):
            return False
        near = [c for c in v.children if self.dep(c) in ("aux", "advmod", "neg")]
        words = {self.lem(c) for c in near} | {fold(c.text) for c in near}
        return not (words & (self.syn.negation | self.syn.modal_verbs | self.syn.future_auxiliaries))

    def cued_mode(self, t: Token, v: Token, e: Entry) -> str | None:
        """The mode a word of the trigger's phrase says (the type file's `mode_cues`)."""
        sub = self.subtree_lemmas(t) if e.pos == "verb" else self.subtree_lemmas(t) | {self.lem(v)}
        for lemma, m in e.mode_cues.items():
            if lemma in sub:
                return m
        return None

    def trigger_evidence(self, t: Token, v: Token, e: Entry) -> Evidence:
        """The trigger's words and span, with the support verb of a light noun."""
        s0 = self.sent.start
        trig_start, trig_end = s0 + t.idx, s0 + t.idx + len(t)
        if (
            v.i != t.i
            and e.pos == "noun"
            and v.i < t.i
            and self.dep(t) in self.syn.obj | {"obj", "dobj"}
            and self.is_light(v)
        ):
            trig_start = s0 + v.idx  # "sostuvo una conversación telefónica": the support verb is part of the trigger
        trigger_text = self.doc.text[trig_start - s0 : trig_end - s0]
        return Evidence(
            self.state.article_id,
            self.sent.index,
            self.sent.start,
            self.sent.end,
            trigger_text,
            trig_start,
            trig_end,
            self.sent.text,
        )
