"""The details of an event: its date, its place and its quantity.

Reads: the dates and quantities found in the sentence's text (`nlp.dates`, `nlp.quantities`), the
places the resolver found, and the parse. Decides: which of them belong to the trigger's own clause
(a date, place or number of another clause is another event's: "the agreement signed in July 2024",
"..., the WFP said on Monday"). A place counts only when a locative preposition names it as where
the event happens ("in", "near", "en", "cerca de"), PLOVER's event location; a quantity counts when
it sits in the trigger's phrase ("killed 156").
"""

from __future__ import annotations

from ..textutil import fold
from ..types import EventDate, Place, Quantity
from .sentence import Args, ParsedSentence, Token


class DetailRules(ParsedSentence):
    """Date, place and quantity of a trigger's event."""

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
            toks = self.tokens_from(d.start, d.end)
            if any(self._owner(x) in mine or x.head.i == t.i for x in toks):
                return d.date
        if len(dates) == 1 and self._owner(t) == self._owner(v) and t.dep_ == "ROOT":
            toks = self.tokens_from(dates[0].start, dates[0].end)
            owned_elsewhere = any(
                (self.dep(o) in ("amod", "acl") and "Part" in o.morph.get("VerbForm"))
                or (o.i != t.i and self.lem(o) in self.syn.claim_verbs)  # "..., the WFP said on Monday"
                for o in (self.doc[self._owner(x)] for x in toks)
            )
            return None if owned_elsewhere else dates[0].date  # not "firmado en julio de 2024"'s date
        return None

    def event_place(self, t: Token, v: Token, args: Args) -> Place | None:
        mine = {self._owner(t), self._owner(v), t.i}
        taken = {(m.start, m.end) for m in (args.source, args.target) if m is not None}
        for s, e, place in self.places:
            if (s, e) in taken:
                continue
            toks = self.tokens_from(s - self.sent.start, e - self.sent.start)
            if (
                toks
                and self.place_case(toks[0]) in self.syn.locative_cases
                or (toks and fold(toks[0].head.text) in self.syn.place_heads)
            ):
                if any(self._owner(x) in mine for x in toks):
                    return place
        return None

    def event_quantity(self, t: Token, v: Token) -> Quantity | None:
        sub = {x.i for x in t.subtree} | ({x.i for x in v.subtree} if v.i != t.i else set())
        for q in self.quantities:
            toks = self.tokens_from(q.start, q.end)
            if any(x.i in sub for x in toks):
                return q.quantity
        return None
