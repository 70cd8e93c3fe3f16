"""Modality: whether an event happened, and who says so.

Reads: the trigger, its clause head and their ancestors, and the language's negation, modal,
future, claim, intent, commissive and deontic words (`syntax` in `data/lang/<lang>.yaml`).
Decides: the status (occurred, negated, claimed and by whom, hypothetical, planned); a negation that
flips the type (`negated` in the ontology: "did not withdraw"); and the PLOVER rules for speech
about actions: an action announced rather than done is an expression of intent (AGREE: "will give a
grant", "is willing to send troops") or, when hostile, a threat (THREATEN, CAMEO 13: "will impose
sanctions", "would withdraw unless"); a promise to do harm is a threat ("vowed to fight"); what a
speaker says someone must do is the speaker's demand (REQUEST: "Russia said Sudan must return the
helicopter").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..textutil import fold
from ..types import ActorMention, Event, EventDate, Evidence, Status
from .details import DetailRules
from .lexicon import Entry
from .ontology import EventType
from .sentence import Token, lemma_keys
from .sides import identified

# Cooperative actions that, announced rather than done, are an expression of intent: PLOVER codes
# "will give a grant", "is willing to send troops", "will visit in June" as AGREE.
INTENT_TYPES = frozenset({"AID", "SUPPORT", "CONCEDE", "RETREAT", "CONSULT", "COOPERATE"})
# Hostile actions announced rather than done are threats (PLOVER THREATEN, CAMEO 13): "will impose
# sanctions", "is prepared to impose martial law", "would blockade Paris", "will boycott the vote".
THREAT_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST", "REJECT", "MOBILIZE"})
# What a promise can only threaten: "vowed to fight" (sending troops may be a promise to an ally)
HARM_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT"})


class ModalityRules(DetailRules):
    """Status, claimer and announcements of a trigger's event."""

    def modality(self, t: Token, v: Token, et: EventType) -> tuple[Status, ActorMention | None, str | None]:
        syn = self.syn
        heads = [t] if v.i == t.i else [t, v]
        near = [c for h in heads for c in h.children]
        words = {self.lem(c) for c in near} | {fold(c.text) for c in near}
        words -= {fold(c.text) for c in near if self.concessive(c)}  # "si bien la policía detuvo": it did
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
        for tok in self.claim_tokens():  # an elided claim word is two tokens: "D'" + "après"
            if tok.i < t.i + 12:
                # the claim word's phrase hangs on the event's clause: "selon/case -> l'ONU -> a tiré",
                # "après/fixed -> D'/case -> des témoins -> ont tiré"
                # but "según anunció el Gobierno" heads a clause of its own: a reported plan stays
                # planned ("Alemania enviará ..., según anunció el Gobierno")
                up = (
                    {tok.head.i}
                    if tok.head.pos_ in ("VERB", "AUX")
                    else {tok.head.i, tok.head.head.i, tok.head.head.head.i}
                )
                if any(a.i in up for a in [t, v, *anc]) or abs(tok.i - t.i) <= 6:
                    return "claimed", self.claimer_after(tok), None
        mood = set(t.morph.get("Mood")) | set(v.morph.get("Mood"))
        # a modal is an auxiliary or the head of the act, not the verb of a clause of its own hung on it:
        # "Cuando intentó detener el vehículo, el policía fue atacado" was attacked; "arrested 23 people
        # after demonstrators tried to march", "fired two missiles, and Pyongyang threatened to respond"
        mine = [c for c in near if not (self.dep(c) in syn.clause_deps or (self.dep(c) == "conj" and c.pos_ == "VERB"))]
        own = {self.lem(c) for c in mine} | {fold(c.text) for c in mine}
        if "Cnd" in mood or own & syn.modal_verbs or words & syn.hypothetical_words:
            return "hypothetical", None, None
        if any(self.lem(a) in syn.modal_verbs for a in anc[:1]):
            return "hypothetical", None, None
        if et.name == "PROTEST" and v.i != t.i and self.lem(v) in syn.planned_words:
            # "los maestros anunciaron un paro de 48 horas": a protest announced by its support verb is
            # still to come (a reported one is done: "convocaron una marcha", "realizaron una huelga")
            return "planned", None, None
        tense = set(t.morph.get("Tense")) | set(v.morph.get("Tense"))
        if "Fut" in tense or words & syn.future_markers or words & syn.planned_words:
            return "planned", None, None
        if any(self.lem(a) in syn.future_markers and self.dep(v) in ("xcomp", "obl", "advcl") for a in anc[:1]):
            return "planned", None, None
        return "occurred", None, None

    def dated_status(self, status: Status, date: EventDate | None) -> Status:
        """An event dated after the article's publication has not happened yet: it is planned."""
        if status == "occurred" and date is not None and self.state.published is not None:
            if date.precision == "day" and dt.date.fromisoformat(date.value) > self.state.published:
                return "planned"
        return status

    def announced_type(
        self,
        t: Token,
        e: Entry,
        type_name: str,
        flipped: str | None,
        status: str,
        source: ActorMention | None,
        date: EventDate | None,
    ) -> str | None:
        """The type an action its actor announces is coded as (PLOVER): a cooperative step is an
        expression of intent (AGREE), a hostile one a threat (THREATEN); None when the action is not
        announced, or is of neither kind."""
        announced = self.announced(t, e, status, source, date)
        if announced and type_name in INTENT_TYPES:
            # a cooperative step announced on a condition ("will withdraw unless ...") is a threat
            return "THREATEN" if self.conditional(t) and type_name == "RETREAT" else "AGREE"
        if (
            announced
            and type_name == "PROTEST"
            and e.pos == "verb"
            and source is not None
            and not self.conditional(t, ("advcl", "ccomp"))
            and not self.announced_by_self(t, source)
        ):
            # "los maestros marcharán el lunes hasta el Congreso": a protest the news says is coming is
            # planned; the actor's own warning ("said they would blockade Paris", "marcharán si el
            # gobierno no paga") is a threat (CAMEO 1312, PLOVER THREATEN restrict)
            return None
        if announced and not flipped and type_name in THREAT_TYPES:
            return "THREATEN"
        return None

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

    def announced(self, t: Token, e: Entry, status: str, source: ActorMention | None, date: EventDate | None) -> bool:
        """An action its actor announces rather than does (PLOVER codes it as AGREE or THREATEN):
        future or planned ("will give"), intended ("is willing to send"), or a conditional the actor
        states itself ("said it would allow", "would withdraw unless"). A dated appointment ("se
        reunirá el próximo 15 de septiembre") is a scheduled event, not an announcement."""
        if source is None:
            return False
        if e.pos != "verb":
            # "iniciarán una huelga si el gobierno no paga", "would impose sanctions unless": a hostile act
            # told by a noun is announced when its support verb is a planned or conditional act that hangs
            # on a condition (CAMEO 13: a threat); a planned protest with no condition stays planned
            v = t.head
            return (
                e.type in THREAT_TYPES
                and v.i != t.i
                and status in ("planned", "hypothetical")
                and self.dep(t) in self.syn.obj | {"obj", "dobj"}
                and (self.conditional(v) or self.conditional(t, ("advcl", "acl")))
            )
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

    def conditional(self, t: Token, deps: tuple[str, ...] = ("advcl",)) -> bool:
        """The action hangs on a condition: "unless", "if", "a menos que", "si" (a noun's: its `acl`)."""
        return any(
            self.dep(c) in deps
            and any(
                self.lem(m) in self.syn.hypothetical_words or fold(m.text) in self.syn.condition_marks
                for m in c.children
            )
            or self.dep(c) in deps
            and any(
                " " in m and fold(self.doc[c.left_edge.i : c.i].text).startswith(m) for m in self.syn.condition_marks
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

    def vows_of_hostility(self, found: list[tuple[Token, Event]]) -> list[tuple[Token, Event]]:
        """A promise to do harm is a threat: "vowed to fight on", "swore to retaliate against X",
        "prometió atacar" (PLOVER THREATEN); a promise to help stays an agreement."""
        at = {t.i: ev for t, ev in found}
        out = []
        for t, ev in found:
            if ev.type == "AGREE" and bool(lemma_keys(t, self.lemma_of) & self.syn.commissive_verbs):
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
            if not (identified(speaker) or identified(addressee)):
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
