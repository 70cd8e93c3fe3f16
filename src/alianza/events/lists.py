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

from dataclasses import replace
from typing import Any

from ..types import ActorMention, Event

Token = Any  # a spaCy Token


def _tokens_of(m: ActorMention, doc: Any, offset: int) -> list[Any]:
    return [t for t in doc if t.idx + offset < m.end and m.start < t.idx + len(t) + offset]


def _members(m: ActorMention, doc: Any, by_token: dict[int, ActorMention], offset: int) -> list[ActorMention]:
    """The other actors coordinated with the mention `m`: its conjuncts, their conjuncts, and so on."""
    own = {t.i for t in _tokens_of(m, doc, offset)}
    out: list[ActorMention] = []
    frontier = [t for t in doc if t.i in own]
    seen = set(own)
    while frontier:
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ != "conj" or c.i in seen:
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


def split_lists(events: list[Event], doc: Any, mentions: list[ActorMention], offset: int) -> list[Event]:
    """The events of a sentence, each event of a listed source repeated for every other member."""
    by_token: dict[int, ActorMention] = {}
    for mention in mentions:
        for t in _tokens_of(mention, doc, offset):
            by_token.setdefault(t.i, mention)
    out: list[Event] = []
    for ev in events:
        out.append(ev)
        m, other = ev.source, ev.target
        if m is None or not _a_state(m):
            continue
        for member in _members(m, doc, by_token, offset):
            if not _a_state(member) or member.actor == m.actor:
                continue
            if other is not None and (member.start == other.start or member.actor == other.actor):
                continue
            out.append(replace(ev, source=member))
    return out
