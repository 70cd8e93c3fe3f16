"""Sides completed from context: what the sentence does not name, the coder infers by convention.

Reads: an event's type, its source and target as the arguments found them, and its place.
Decides: the side a sentence leaves unnamed or names by a sector alone, following CAMEO's
conventions for internal actors: a state organ acting on people named only by a sector acts at home
(home sides); a state organ's domestic action with no target falls on its own country; an action on
a place falls on the place's country; an attack by no one named is the unidentified armed forces of
where it happened (UAF); a protest with no addressee addresses the government where it happens;
what is given in exchange goes to the one the giver received from. Every filled side is marked
`context` (or `place`) so that `--explain` shows it was inferred.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..textutil import fold
from ..types import Actor, ActorMention, Event, Place

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


def identified(m: ActorMention | None) -> bool:
    """An actor the alliance map can place: a country, an organisation or a named person."""
    if m is None:
        return False
    a = m.actor
    return bool((a.country and a.country != "---") or a.org or a.name)


def state_of(country: str | None) -> str | None:
    """The country code when it names a state (not an organisation's "IGO" or "---")."""
    return country if country and country not in ("---", "IGO") else None


def acting_sector(a: Actor) -> str | None:
    """The sector an actor acts as: a country named alone ("La France a suspendu ...", "Colombia
    cerró la frontera", "Russia expelled the diplomats") acts as its government (CAMEO codes a bare
    state as its government when it does what only a government does)."""
    if a.sector is None and state_of(a.country) and not a.org and not a.name:
        return "GOV"
    return a.sector


def placed(m: ActorMention | None) -> str | None:
    return state_of(m.actor.country) if m is not None else None


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
    src, tgt = placed(source), placed(target)
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
            acting_sector(source.actor) in STATE_ORGANS
            or (source.actor.sector == "MIL" and target is not None and target.actor.sector in DOMESTIC_ARMED)
            # rebels and militias fight at home: the people they hit, named by a sector alone, are
            # of their country ("FARC guerrillas threatened the company's workers")
            or (source.actor.sector in DOMESTIC_ARMED and target is not None and target.actor.sector != "MIL")
        )
    ):
        # an army's fight with rebels named without a nationality is at home ("Burmese troops
        # captured a Karen guerrilla stronghold")
        if target is not None and tgt is None and target.actor.country is None and target.actor.sector in HOME_SECTORS:
            target = replace(target, actor=replace(target.actor, country=src), how="context")
        elif target is None and (action or type_name) in HOME_ACTION_TYPES and (place is None or place.country == src):
            target = ActorMention(Actor(country=src), source.start, source.start, "", "context")
    elif target is not None and tgt and target.actor.sector in STATE_ORGANS:
        # "students demanded reforms from the Indonesian government", "Islamic fundamentalists demanded the
        # resignation of the Algerian president": people of no known country who address a state organ are its
        if (
            source is not None
            and src is None
            and source.actor.country in (None, "---")
            and source.actor.sector in HOME_SECTORS
        ):
            source = replace(source, actor=replace(source.actor, country=tgt), how="context")
    return source, target


def context_sides(
    type_name: str,
    action: str,
    source: ActorMention | None,
    target: ActorMention | None,
    place: Place | None,
) -> tuple[ActorMention | None, ActorMention | None]:
    """The sides of an event of `type_name` (announcing an `action`) completed from its place and
    the home-side conventions."""
    if target is None and place is not None and place.country and source is not None:
        if type_name in PLACE_TARGET_TYPES and (
            place.country != source.actor.country or source.actor.sector in DOMESTIC_ARMED
        ):
            # "fired shells at targets in Jericho", "lifted the curfew in Montenegro": an action on
            # a place falls on its country (CAMEO)
            target = ActorMention(Actor(country=place.country), source.start, source.start, "", "place")
    source, target = home_sides(type_name, source, target, place, action=action)
    if (
        type_name == "ASSAULT"
        and source is None
        and target is not None
        and place is not None
        and state_of(place.country)
    ):
        # "three soldiers were killed by a roadside bomb near Samarra": an attack by no one named is
        # coded to the unidentified armed forces of where it happened (CAMEO's UAF convention)
        source = ActorMention(Actor(country=place.country, sector="UAF"), target.start, target.start, "", "context")
    return source, target


def protest_addressee(source: ActorMention | None, place: Place | None) -> ActorMention | None:
    """A protest with no named addressee addresses the authorities where it happens."""
    where = place.country if place and place.country else (source.actor.country if source else None)
    if where and where not in ("---", "IGO"):
        anchor = source
        return ActorMention(
            Actor(country=where, sector="GOV"),
            anchor.start if anchor else 0,
            anchor.start if anchor else 0,
            "",
            "context",
        )
    return None


def reciprocal_targets(found: list[tuple[Any, Event]], exchange_words: frozenset[str]) -> list[tuple[Any, Event]]:
    """ "Pionyang recibe de Moscú apoyo, mientras que proporciona municiones a cambio": what is
    given in exchange goes to the one the giver received from."""
    out = []
    for n, (t, ev) in enumerate(found):
        if ev.target is None and ev.source is not None:
            span = " ".join(fold(x.text) for x in t.subtree)
            if any(w in span for w in exchange_words):
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
