"""One event per trigger: of the lexicon entries that fire on a word, which one codes it.

Reads: the entries of a token, each tried by `triggers`. Decides: the most specific entry wins
(one with required words, a required source sector, a participle construction or a fixed mode goes
before a general one: "expelled the diplomats" is a sanction, not also a coercion); a type may yield
to another when the other's event meets a condition, as the type file says (`yields_to` in
`data/lexicons/<lang>/<type>.yaml`): a deployment (MOBILIZE) sent to a country that receives it is
military aid (AID: "enviará a Ucrania tres baterías de misiles"), sent to a border or a region it
stays a deployment.
"""

from __future__ import annotations

from ..types import Event
from .lexicon import Entry
from .sentence import Token, lemma_keys
from .triggers import TriggerRules


class ChoiceRules(TriggerRules):
    """The entry that codes a trigger."""

    def choose(self, t: Token) -> tuple[Entry, Event, int] | None:
        """The entry that codes the token, its event and the clause head it was read in."""
        entries = self.lex.lookup(*lemma_keys(t, self.lemma_of))
        if not entries:
            return None
        # One word, one event: of the entries that fit, the most specific wins ("expelled the
        # diplomats" is a sanction, not also a coercion; "welcomed the plan" is not also hosting).
        # An entry that names the target's sector goes first: it is checked against the resolved side
        # ("withdrew from the WHO" leaves an organisation, a SANCTION; "withdrew from Kherson" retreats).
        entries.sort(
            key=lambda e: (
                not e.requires_target_sector,
                not e.requires,
                not e.requires_subject_sector,
                not e.participle_of,
                e.mode is None,
            )
        )
        chosen: tuple[Entry, Event, int] | None = None
        for e in entries:
            ev = self.try_entry(t, e)
            if ev is None:
                continue
            if chosen is None:
                chosen = (e, ev, self._clause)
                if not e.yields_to:
                    break
            elif self.meets(chosen[0].yields_to.get(e.type), ev):
                # "enviará a Ucrania tres baterías de misiles": MOBILIZE yields to AID (mobilize.yaml)
                chosen = (e, ev, self._clause)
                break
        return chosen

    def meets(self, condition: str | None, ev: Event) -> bool:
        """Does the event meet a `yields_to` condition of the lexicon (None: there is none)?"""
        return condition == "recipient" and self.to_recipient(ev)

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
