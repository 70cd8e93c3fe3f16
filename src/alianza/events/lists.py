"""Lists of actors: one event per member (issue 13).

"Rusia y China felicitaron a Irán", "Brasil, Colombia y Argentina condenaron el golpe", "Poland and
Lithuania condemned", "Egyptian and Qatari mediators met": the coder's argument rules pick one
actor per side, the head of the coordination. Each other member of that coordination did the same
thing, so each gets its own event, with the other side unchanged; for a symmetric type whose other
side is empty, the members are each other's partners ("Rusia y China firmaron un acuerdo" is one
agreement between them, which the argument rules already code as source and target).

A member is a conjunct of the side's words that the resolver names as an actor, not a place ("en
Madrid y Lisboa" are where, not who) and not already the event's other side. Only states are split
(a country or its government, on both ends of the coordination): "analistas y servicios de
inteligencia" or "sindicatos y estudiantes" are one crowd the gold of protest news codes once, and
a list of targets ("threatened Congo and Costa Rica") is one act; measured on the dev sets, both
cost precision.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Any

from ..types import ActorMention, Event

Token = Any  # a spaCy Token


class _Spans:
    """The Doc's tokens with their text offsets, listed once per sentence: the tokens of a mention
    are one slice, found by bisection (tokens are in text order and do not overlap), not by a scan
    of the Doc per mention."""

    def __init__(self, doc: Any, offset: int) -> None:
        self.tokens = list(doc)
        self.starts = [t.idx + offset for t in self.tokens]
        self.ends = [b + len(t) for b, t in zip(self.starts, self.tokens, strict=True)]

    def of(self, m: ActorMention) -> list[Any]:
        """The tokens that overlap the mention's characters."""
        return self.tokens[bisect_right(self.ends, m.start) : bisect_left(self.starts, m.end)]


def _members(m: ActorMention, spans: _Spans, by_token: dict[int, ActorMention]) -> list[ActorMention]:
    """The other actors coordinated with the mention `m`: its conjuncts, their conjuncts, and so on.
    A country's name in apposition to another's is a member too: no country is another's apposition,
    the parser read a list so ("Mali, Burkina Faso/appos and Niger/conj"); a person's title in
    apposition to the name is not ("Angelino Polania, personero municipal")."""
    frontier = spans.of(m)
    own = {t.i for t in frontier}
    out: list[ActorMention] = []
    seen = set(own)
    while frontier:
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.i in seen:
                    continue
                if c.dep_ != "conj" and not (
                    c.dep_ == "appos"
                    and _a_country_name(m)
                    and (a := by_token.get(c.i)) is not None
                    and a.start != m.start
                    and _a_country_name(a)
                ):
                    continue
                seen.add(c.i)
                nxt.append(c)
                other = by_token.get(c.i)
                if other is not None and other.start != m.start and other.how != "place" and other not in out:
                    out.append(other)
        frontier = nxt
    return out


def _a_state(m: ActorMention) -> bool:
    """A country or its government: "Rusia y China", "Poland and Lithuania", "Brasil, Colombia y Argentina"."""
    a = m.actor
    return bool(a.country) and a.country not in ("---", "IGO") and a.sector in (None, "GOV") and not a.name


def _a_country_name(m: ActorMention) -> bool:
    """A country named by its name alone ("Burkina Faso"), not a person or an office of it."""
    return m.how == "gazetteer" and _a_state(m)


def split_lists(events: list[Event], doc: Any, mentions: list[ActorMention], offset: int) -> list[Event]:
    """The events of a sentence, each event of a listed source repeated for every other member."""
    if not any(ev.source is not None and _a_state(ev.source) for ev in events):
        return list(events)  # no listed state can be a source: nothing to split
    spans = _Spans(doc, offset)
    by_token: dict[int, ActorMention] = {}
    for mention in mentions:
        for t in spans.of(mention):
            by_token.setdefault(t.i, mention)
    out: list[Event] = []
    for ev in events:
        out.append(ev)
        m, other = ev.source, ev.target
        if m is None or not _a_state(m):
            continue
        for member in _members(m, spans, by_token):
            if not _a_state(member) or member.actor == m.actor:
                continue
            if other is not None and (member.start == other.start or member.actor == other.actor):
                continue
            out.append(replace(ev, source=member))
    return out
