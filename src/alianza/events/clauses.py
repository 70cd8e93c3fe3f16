"""The clause structure of a sentence: which of its triggers are events it reports.

Reads: the triggers that fired, with their events, and the parse. Decides which triggers the
sentence reports as events of their own and which are part of another's: the content of a threat,
refusal, demand, offer or agreement ("threatened to impose sanctions", "refused to meet": PLOVER and
CAMEO code the governing act alone); what sits in a content noun's clause ("an invitation to
attend"); a charge ("arrested for collaborating": the accuser's claim); background events of a
place or time ("the town where 28 people were killed"); and an event's own adjunct clauses, whose
target and toll complete it: its purpose ("staged protests to demand reforms"), the demands a
protest voices, the same act's result ("attacked the camp, killing 156": one attack).
"""

from __future__ import annotations

from dataclasses import replace

from ..textutil import fold
from ..types import ActorMention, Event
from .sentence import NOUN_POS, ParsedSentence, Token, lemma_keys
from .sides import home_sides, placed

# Verbal event types whose complement clause is their content, not a separate event.
GOVERNING_TYPES = frozenset({"THREATEN", "REJECT", "REQUEST", "AGREE", "ACCUSE"})
# Sources whose act "in protest" is that act, not a protest: state organs and armed forces.
PROTEST_EXCLUDED = frozenset({"GOV", "COP", "JUD", "LEG", "MIL", "REB", "UAF", "CRM", "INS", "SPY", "IGO"})
# Acts whose object is a content that has not happened: what is demanded, refused, threatened, agreed.
CONTENT_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN", "AGREE"})
# Statements whose purpose clause is content too ("demanding a presence to protect them"); a pledge's purpose
# ("willing to send material to help defend Saudi Arabia") completes the pledged act instead.
STATED_CONTENT = frozenset({"REQUEST", "REJECT", "THREATEN"})
# What a crowd's riot codes when its acts are read alone: damage, burning, stone-throwing.
RIOT_TYPES = frozenset({"COERCE", "ASSAULT"})


class ClauseRules(ParsedSentence):
    """Embedded, content, charge, place-relative and adjunct clauses."""

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
        steps = 0
        while steps < 2:
            d = self.dep(node)
            head = node.head
            if head.i == node.i:
                return False
            if d == "conj" and node.morph.get("VerbForm") == ["Inf"] and head.morph.get("VerbForm") == ["Inf"]:
                # "demanding a presence to protect them and prevent a war": an infinitive coordinated
                # with another is what that one is to its head (a finite or participle conjunct is a
                # clause of its own: "a démenti soutenir les rebelles et accusé Kinshasa")
                node = head
                continue
            steps += 1
            if d == "pcomp" and self.dep(head) == "prep":  # "of supplying": through the preposition
                head = head.head
            elif (
                d == "ccomp" and self.has_subject(node) and self.governing_type.get(head.i) not in ("REQUEST", "AGREE")
            ):
                return False  # "warned that Russia could attack": a prediction, kept with its own modality
            elif d not in ("xcomp", "ccomp", "acomp") and not (
                d in ("advcl", "acl") and any(self.dep(c) in ("mark", "case") for c in node.children)
            ) and not (
                # "are demanding a presence to protect them": what a demand, a threat or a pledge is
                # for has not happened either
                d == "advcl" and self.purpose_clause(node) and self.governing_type.get(head.i) in STATED_CONTENT
            ):
                return False
            if head.i in governing:
                return not self.own_protest_agreed(t, node, head)
            node = head
        return False

    def own_protest_agreed(self, t: Token, node: Token, head: Token) -> bool:
        """ "Los maestros acordaron iniciar un paro", "decidieron marchar": a protest that people
        agree to stage is their protest (planned), not the content of an agreement with someone: the
        protest verb itself, or a support verb of the protest noun, is what was agreed."""
        return (
            self.governing_type.get(head.i) == "AGREE"
            and any(e.type == "PROTEST" for e in self.lex.lookup(*lemma_keys(t, self.lemma_of)))
            and (node.i == t.i or (self.is_light(node) and t.head.i == node.i))
        )

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
        if self.dep(t) == "pcomp" and self.dep(holder) == "prep" and self.lem(holder) in self.syn.charge_marks:
            holder = holder.head
        elif not (
            self.dep(t) in ("advcl", "obl", "acl")
            and any(self.dep(c) in ("mark", "case") and fold(c.text) in self.syn.charge_marks for c in t.children)
        ):
            return False
        ev = anchor.get(holder.i)
        return ev is not None and ev.type in ("COERCE", "ACCUSE", "SANCTION")

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

    def in_condition(self, t: Token) -> bool:
        """Is the trigger inside a clause an act hangs on ("amenazó con la lucha armada si el gobierno
        intenta reprimir las manifestaciones", "would retaliate if Israel attacked")? A condition
        says what might happen, not what did, and so does a "whether" ("preguntó si la policía
        detuvo a alguien"); "si bien", "même si" state a fact (`concessive_marks`). A noun there is
        presupposed, not supposed ("unless the fighting stops", "si continúan las protestas")."""
        if t.pos_ in NOUN_POS:
            return False
        node = t
        for _ in range(4):
            if node.head.i == node.i:
                return False
            if self.dep(node) in ("advcl", "ccomp") and any(  # the es model hangs "si" clauses as either
                self.dep(m) == "mark" and fold(m.text) in self.syn.condition_marks and not self.concessive(m)
                for m in node.children
            ):
                return True
            node = node.head
        return False

    def intended_only(self, t: Token) -> bool:
        """Is the trigger an infinitive of purpose under an act that is no event ("se alió con los
        poderosos para reprimir a los humildes", "could be used to destroy the institution")? A
        material act someone means to do is not done. The caller keeps what is done to protest (a
        protest: "se retiró para protestar") and words, which saying does ("aprovechó la ocasión
        para elogiar el apoyo")."""
        return "Inf" in t.morph.get("VerbForm") and self.dep(t) == "advcl" and self.purpose_clause(t)

    def describes_side(self, t: Token) -> bool:
        """Is the trigger the verb of a relative clause in the present or the imperfect, saying what a
        side is or keeps doing ("los diputados que se oponen a la reforma", "hombres que se
        movilizaban en una motocicleta", "les chefs de village qui collaborent avec l'armée")? It
        describes the side; a relative in a perfective tense reports an act ("los presos, que
        ocuparon el penal"), and one with an auxiliary ("que han protagonizado") is left as it is."""
        if t.pos_ != "VERB" or t.head.pos_ not in NOUN_POS | {"PRON"} or t.head.i > t.i:
            return False
        relative = self.dep(t) in ("relcl", "acl:relcl") or (
            self.dep(t) == "acl"  # the es model: "que" under an acl
            and any(c.i < t.i and fold(c.text) in self.syn.relative_pronouns for c in t.children)
        )
        if not relative:
            return False
        if t.morph.get("VerbForm") != ["Fin"] or "Ind" not in t.morph.get("Mood"):
            return False
        if any(self.dep(c) in ("aux", "aux:pass", "auxpass") for c in t.children):
            return False
        return bool(set(t.morph.get("Tense")) & {"Pres", "Imp"})

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
        rioted: set[int] = set()  # material acts a crowd did in protest: the protest codes them
        for t, ev in kept:
            if (
                self.in_place_relative(t)
                or self.charge_of(t, anchor)
                or self.protest_cause(t, ev, anchor)
                or self.describes_side(t)
                or self.in_condition(t)
                or self.protest_motive_again(t, ev, kept)
            ):
                continue
            head = anchor.get(t.head.i) if t.head.i != t.i and self.dep(t) in ("advcl", "acl", "xcomp") else None
            holder = t.head.head.i if self.dep(t.head) == "prep" else t.head.i  # through a ClearNLP prep
            on_object = self.doc[holder]
            if (
                holder not in anchor
                and on_object.pos_ in NOUN_POS
                and self.dep(on_object) in self.syn.obj | {"obj", "dobj"}
                and on_object.head.i in anchor
            ):
                holder = on_object.head.i  # "quemaron patrullas en protesta": the parser hung it on the object
            in_protest = (
                ev.type in ("PROTEST", "ACCUSE", "REJECT")  # "se movilizaron en rechazo a la ley": the motive
                and t.pos_ in NOUN_POS
                and self.case_of(t) in self.syn.in_cases
                and holder in anchor
                # no adjunct of itself: "EN HUELGA LOS MINEROS" (a headline's root), "participaron en
                # una manifestación" (the noun's support verb anchors the noun's own event)
                and anchor[holder] is not ev
            )
            if in_protest:  # "a hunger strike in protest of the refusal": the strike's motive
                head = anchor[holder]
                ev = replace(ev, target=self.protest_motive(t) or (ev.target if ev.type == "REJECT" else None))
                doer = head.source if head.type in RIOT_TYPES and head.source is not None else ev.source
                people = doer is not None and doer.actor.sector not in PROTEST_EXCLUDED | {None}
                if head.type != "PROTEST" and people:
                    # "quemaron neumáticos en protesta por el alza": what people do in protest is a
                    # protest, whatever the verb codes; a state's act stays its own event. A crowd's
                    # damage or stone-throwing in protest is that protest, a riot (PLOVER PROTEST
                    # riot, CAMEO 145), not a second event of coercion or assault
                    if head.type in RIOT_TYPES:
                        rioted |= {id(x) for x in self.same_act(holder, anchor, head)}
                        pt = self.ont["PROTEST"]
                        ev = replace(ev, mode="riot", cameo=pt.cameo_for("riot"), weight=pt.weight_for("riot"))
                        if head.source is not None:
                            ev = replace(ev, source=head.source)  # the rioters are who did the damage
                    in_protest, head = False, None
            if head is None and self.dep(t) == "acl" and self.dep(t.head) in self.syn.obj | {"obj", "dobj"}:
                head = anchor.get(t.head.head.i)  # "blocked roads demanding ...": hung on the object
            if (
                head is None
                and self.dep(t) == "advcl"
                and self.dep(t.head) == "conj"
                and t.head.head.i in anchor
                and self.purpose_clause(t)
            ):
                # "marcharán hasta el Parlamento y encenderán velas para protestar": the purpose of acts
                # coordinated with an event is that event's
                head = anchor[t.head.head.i]
            if (
                head is None
                and self.dep(t) == "conj"
                and "Ger" in t.morph.get("VerbForm")
                and self.dep(t.head) in ("advcl", "xcomp", "ccomp")  # the es model hangs some gerunds as ccomp
                and "Ger" in t.head.morph.get("VerbForm")
                and t.head.head.i in anchor
            ):
                # "protestaron saliendo a las calles y lanzando piedras": a gerund coordinated with
                # another that tells how an event was done tells it too
                head = anchor[t.head.head.i]
            if (
                head is None
                and ev.type != "PROTEST"
                and (ev.quad or "").startswith("material")
                and self.intended_only(t)
            ):
                continue
            if head is not None and head is not ev and not self.has_subject(t):
                if in_protest or self.adjunct_of(t, ev, head):
                    # the adjunct's target and toll complete the event they belong to
                    whole = completed_by(merged.get(id(head), head), ev, head.type == ev.type)
                    if head.type == "PROTEST" and ev.type in RIOT_TYPES and not in_protest:
                        pt = self.ont["PROTEST"]  # "rioted, setting fire to their mattresses": a riot
                        whole = replace(whole, mode="riot", cameo=pt.cameo_for("riot"), weight=pt.weight_for("riot"))
                    merged[id(head)] = whole
                    dropped.append(t)
                    continue
            if self.same_act_noun(t, ev, anchor):
                head = self.same_act_head(t, anchor)  # "ont tué vingt soldats lors d'une attaque": one act
                merged[id(head)] = completed_by(merged.get(id(head), head), ev, True)
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
        out = [(t, ev) for t, ev in out if id(ev) not in rioted]
        # a target an adjunct gave may be named by a sector alone: give it its home country too
        completed = [merged.get(id(ev), ev) for _t, ev in out]
        return [
            replace(ev, source=s, target=g) if (s, g) != (ev.source, ev.target) else ev
            for ev in completed
            for s, g in [home_sides(ev.type, ev.source, ev.target, ev.place)]
        ]

    def protest_motive_again(self, t: Token, ev: Event, kept: list[tuple[Token, Event]]) -> bool:
        """ "organized a general strike that shut down the capital in protest of the arrests": a bare
        "in protest of X" phrase tells the motive of the protest the sentence reports, wherever the
        parser hung it; it is no second protest. Without a motive it is a state ("permanecerán en
        huelga de hambre"), the event itself."""
        cases = self.syn.protest_cases
        near = [c for c in t.children] + [g for c in t.children for g in c.children]
        return (
            ev.type == "PROTEST"
            and t.pos_ in NOUN_POS
            and self.case_of(t) in self.syn.in_cases
            and not any(self.dep(c) in ("det", "poss", "nmod:poss") for c in t.children)
            and any(self.case_of(c) in cases or (self.dep(c) == "prep" and self.lem(c) in cases) for c in near)
            and any(x.i != t.i and other.type == "PROTEST" and other.source is not None for x, other in kept)
        )

    def same_act_head(self, t: Token, anchor: dict[int, Event]) -> Event:
        verb = t.head if t.head.pos_ not in ("ADV", "ADP") else t.head.head
        return anchor[verb.i]

    def same_act_noun(self, t: Token, ev: Event, anchor: dict[int, Event]) -> bool:
        """A noun of the verb's own type in the verb's oblique, naming no doer of its own, is the act the
        verb tells ("killed twenty soldiers in an attack", "murieron en un ataque", "lors d'une
        attaque"), not a second one."""
        verb = t.head
        if verb.pos_ in ("ADV", "ADP") and verb.head.i != verb.i:
            verb = verb.head  # "lors d'une attaque": the parser may hang the noun on "lors"
        head = anchor.get(verb.i) if verb.i != t.i else None
        return (
            head is not None
            and head is not ev
            and head.type == ev.type
            and ev.nominal
            and t.pos_ in NOUN_POS
            and self.dep(t).startswith("obl")
            and verb.pos_ in ("VERB", "AUX")
            # a doer of its own makes it another act; a country alone is where ("une attaque contre un
            # village du nord du Burkina Faso")
            and (
                ev.source is None
                or ev.source.how == "place"
                or ev.source == head.source
                or (ev.source.actor.sector is None and ev.source.how in ("gazetteer", "adjective"))
            )
        )

    def same_act(self, holder: int, anchor: dict[int, Event], head: Event) -> list[Event]:
        """The material acts a crowd did in one go: the event at `holder` and those of the verbs
        coordinated with it by the same side ("lanzaron piedras y quemaron neumáticos en protesta")."""
        tok = self.doc[holder]
        top = tok
        while self.dep(top) == "conj" and top.head.i != top.i:
            top = top.head
        acts = [head]
        for x in [top, *top.children, *tok.children]:
            act = anchor.get(x.i)
            if (
                act is not None
                and act is not head
                and act.type in RIOT_TYPES
                and (x.i == top.i or self.dep(x) == "conj")
                and act.source is not None
                and head.source is not None
                and act.source.actor == head.source.actor
            ):
                acts.append(act)
        return acts

    def protest_cause(self, t: Token, ev: Event, anchor: dict[int, Event]) -> bool:
        """Is the noun what a protest is against or about ("protestaron contra la visita del
        ministro", "en protesta por la detención de su líder", "rallied against the visit")? The
        protest is the reported event; its motive is background, told to say why. A protest noun
        there is that protest itself ("fue recibido por protestas")."""
        if ev.type == "PROTEST" or t.pos_ not in NOUN_POS or self.case_of(t) not in self.syn.protest_cases:
            return False
        holder = t.head.head if self.dep(t.head) == "prep" else t.head
        protest = anchor.get(holder.i)
        return protest is not None and protest.type == "PROTEST" and holder.i != t.i

    def protest_motive(self, t: Token) -> ActorMention | None:
        """Who a protest "in protest against/of X" is addressed to: X."""
        against = [c for c in t.children if self.case_of(c) in self.syn.protest_cases]
        against += [
            g for c in t.children if self.dep(c) == "prep" and self.lem(c) in self.syn.protest_cases for g in c.children
        ]
        return next((a for a in map(self.actor_in, against) if a is not None), None)

    def adjunct_of(self, t: Token, ev: Event, head: Event) -> bool:
        """Is the clause of `t` (coding `ev`) an adjunct of the event `head`: its purpose, the demand
        a protest voices, how a crowd protested, or a participle of the same act ("attacked the camp,
        killing 156")?"""
        participle = "Ger" in t.morph.get("VerbForm") or (
            "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense")
        )
        return (
            self.purpose_clause(t)
            or (participle and head.type == "PROTEST" and ev.type in ("REQUEST", "ACCUSE"))
            # "protestaron lanzando piedras", "rioted, setting fire to their mattresses": how the
            # crowd protested, a riot (PLOVER PROTEST riot), not a second event
            or (participle and head.type == "PROTEST" and ev.type in RIOT_TYPES)
            or (participle and head.type == ev.type)
        )


def completed_by(base: Event, ev: Event, same_type: bool) -> Event:
    """The event an adjunct belongs to, completed by the adjunct's target (when it has none, or only
    one the context gave) and, for the same act, its toll."""
    inferred = base.target is not None and not base.target.text  # a default of the context
    if (
        (base.target is None or (inferred and placed(ev.target)))
        and ev.target is not None
        and ev.target.text
        and (base.source is None or ev.target.actor != base.source.actor)
    ):
        base = replace(base, target=ev.target)
    if base.quantity is None and ev.quantity is not None and same_type:
        base = replace(base, quantity=ev.quantity)
    return base
