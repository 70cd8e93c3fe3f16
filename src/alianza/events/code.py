"""The event coder: lexicon triggers on a dependency parse, arguments, modality, date, place, quantity.

It reads one parsed sentence at a time (a spaCy Doc of that sentence alone) and the actor mentions
the resolver found in it. Everything language-specific comes from data: the trigger lexicon and the
`syntax` block of `data/lang/<lang>.yaml` (dependency labels, negation, modal and claim words).

This module is the composition: `SentenceCoder.code` runs the concerns in order, each a module with
its own contract (`sentence` the shared parse, `triggers`, `arguments`, `sides`, `modality`,
`details`, `clauses`, `choose`). The order: every token's entries are tried and one is chosen;
deontic clauses become demands; exchanges and vows are completed; then the clause structure drops
what the sentence does not report as an event of its own.
"""

from __future__ import annotations

from ..types import Event
from .choose import ChoiceRules
from .clauses import GOVERNING_TYPES, ClauseRules
from .sentence import VERB_POS, CodingState, Token
from .sides import reciprocal_targets

__all__ = ["CodingState", "SentenceCoder"]


class SentenceCoder(ChoiceRules, ClauseRules):
    """Codes one parsed sentence; built once per sentence, cheap."""

    def code(self) -> list[Event]:
        self._clause = -1
        self.governing_type = {}
        found: list[tuple[Token, Event]] = []
        support: dict[int, int] = {}  # noun trigger token -> its support verb token
        for t in self.doc:
            chosen = self.choose(t)
            if chosen is not None:
                e, ev, clause = chosen
                found.append((t, ev))
                if e.pos == "noun" and clause == t.head.i and self.dep(t) in self.syn.obj | {"obj", "dobj"}:
                    support[t.i] = clause
        # "mantienen retenidos a 24 personas", "mantienen secuestrados a dos soldados": a participle that is the
        # object of another trigger verb is the state that verb's event keeps, not a second event
        verb_at = {t.i for t, _ev in found if t.pos_ in VERB_POS}
        found = [(t, ev) for t, ev in found if not self.kept_state(t, verb_at)]
        # only an actor's threat, refusal, demand...: "analysts warned" governs nothing
        self.governing_type = {t.i: ev.type for t, ev in found if ev.type in GOVERNING_TYPES and ev.source is not None}
        governing = set(self.governing_type)
        demanded = self.deontic_requests(found)
        demanded_at = {w for w, _ev in demanded}
        governing |= demanded_at
        found = [(t, ev) for t, ev in found if t.i not in demanded_at]  # "must return the helicopter": not done
        found += [(self.doc[w], ev) for w, ev in demanded]
        found = reciprocal_targets(found, self.syn.exchange_words)
        found = self.vows_of_hostility(found)
        # "recibe de Moscú apoyo político": when the support verb coded the construction itself
        # (recibir + apoyo = AID received), the noun is not a second event
        verb_triggers = {t.i: ev.type for t, ev in found if t.pos_ in VERB_POS}
        kept = [
            (t, ev)
            for t, ev in found
            if not self.embedded_in(t, governing)
            and (
                support.get(t.i) not in verb_triggers or not ev.nominal or own_protest(ev, verb_triggers[support[t.i]])
            )
            and not self.content_of_noun(t)
        ]
        return retold_protests(self.without_adjuncts(kept, support, found))

    def kept_state(self, t: Token, verb_at: set[int]) -> bool:
        """Is the trigger a participle that is the object or complement of another trigger verb?"""
        return (
            "Part" in t.morph.get("VerbForm")
            and t.head.i != t.i
            and t.head.i in verb_at
            and self.dep(t) in self.syn.obj | {"obj", "dobj", "xcomp"}
        )


def own_protest(ev: Event, verb_type: str) -> bool:
    """ "La policía reprimió la protesta de los estudiantes": a protest is an event of its own under
    an act of another kind done to it."""
    return ev.type == "PROTEST" and verb_type != "PROTEST"


def retold_protests(events: list[Event]) -> list[Event]:
    """ "En desarrollo de las protestas, los pobladores bloquearon varias carreteras": a protest noun
    naming no one is the protest the sentence tells with its crowd, not a second one; it is coded
    alone only when the sentence names no protester at all ("las protestas continuaron")."""
    if not any(ev.type == "PROTEST" and ev.source is not None for ev in events):
        return events
    return [
        ev
        for ev in events
        if not (ev.type == "PROTEST" and ev.nominal and ev.source is None and (ev.target is None or not ev.target.text))
    ]
