"""Context rules: the country of an actor the sentence names by a sector alone ("la policía").

Reads: a sector hit, the words before it, the mentions of the sentence so far, the sentence's place
and the article's home country. Decides: whether the sector word names anyone here (after a
determiner, a number or a preposition it does: "los militares"; after a noun it is an adjective:
"cooperación militar"); its country from a possessive ("Rusia retiró sus tropas"), else from the
sentence's place, else from the article's home (CAMEO's convention for domestic actors); and the
country of the one domestic armed or opposition group of a sentence for its bare-sector victims
("Guerrilleros de las FARC amenazaron a los campesinos": COL CVL).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..textutil import fold
from ..types import Actor, ActorMention
from .article import ArticleContext
from .coreference import plural_ref_at
from .hits import Hit, inside_name
from .kb import Entry
from .patterns import ActorPatterns, actor_patterns
from .residence import after_in
from .scan import Scan
from .titles import apposition

# Sectors of armed or political actors that act inside one country: their victims and opponents
# named only by a sector ("los campesinos", "tropas del Ejército Nacional") are in that country.
DOMESTIC_SECTORS = frozenset({"REB", "UAF", "CRM", "INS", "OPP"})


def noun_use(text: str, h: Hit, markers: frozenset[str]) -> bool:
    """An adjective-like sector word names people when it opens the sentence or follows a
    determiner, a number, a preposition or a conjunction ("los militares", "dos civiles", "contra
    rebeldes", "Paramilitares ejecutaron"); after a noun or an auxiliary it is an adjective or a verb
    form ("cooperación militar", "han estado")."""
    before = re.search(r"(\w+)\W*$", text[: h.start])
    return before is None or fold(before.group(1)) in markers or before.group(1).isdigit()


def possessor(text: str, h: Hit, out: list[ActorMention], offset: int, pat: ActorPatterns) -> str | None:
    """ "Syria offered its troops", "Rusia retiró sus tropas": the possessive points back to the
    nearest actor of the sentence with a country."""
    if not pat.possessive_pronoun.search(text[max(0, h.start - 8) : h.start]):
        return None
    before = [m for m in out if m.end - offset <= h.start and m.actor.country and m.actor.country not in ("---",)]
    return before[-1].actor.country if before else None


def domestic_conflict_country(out: list[ActorMention]) -> list[ActorMention]:
    """Give bare sector mentions the country of the one domestic armed or opposition group of the
    sentence ("Guerrilleros de las FARC amenazaron a los campesinos": COL CVL). Internal conflicts
    are where news names actors by sector alone; a foreign army's victims are not covered, since
    MIL and GOV are not domestic sectors here."""
    countries = {
        m.actor.country
        for m in out
        if m.actor.sector in DOMESTIC_SECTORS and m.actor.country and m.actor.country not in ("---", "IGO")
    }
    if len(countries) != 1:
        return out
    (country,) = countries
    return [
        replace(m, actor=replace(m.actor, country=country), how="context")
        if m.how == "sector" and m.actor.country is None and m.actor.sector
        else m
        for m in out
    ]


def sentence_place(hits: list[Hit], text: str, ctx: ArticleContext, lang: str) -> str | None:
    """The country of the first place the sentence names (a country counts when it is named as
    where things happen: "in Serbia"). Every such place also counts towards the article's home."""
    for h in hits:  # places first: they give bare sectors their country
        if (
            (e := h.kind("place"))
            and not h.kind("country", "person")
            or (e := h.kind("country"))
            and after_in(text, h, actor_patterns(lang))
        ):
            ctx.place_countries.append(e.country or "")
    return next(
        (
            e.country
            for h in hits
            if ((e := h.kind("place")) and not h.kind("person"))
            or ((e := h.kind("country")) and after_in(text, h, actor_patterns(lang)))
        ),
        None,
    )


def bare_sector(s: Scan, h: Hit, e: Entry) -> None:
    """A sector hit no composition took ("la policía", "los militares"): emitted when it names
    someone here, with the country of its possessor, the sentence's place or the article's home."""
    text = s.text
    if s.pat.plural_ref.match(text, max(0, h.start - 12)) or plural_ref_at(text, h, s.pat):
        return
    if e.adjective and not noun_use(text, h, s.kb.noun_markers.get(s.lang, frozenset())):
        return  # "cooperación militar", "han estado": the word is not naming anyone here
    if text[h.start].isupper() and inside_name(text, h, s.pat):
        return  # "Tom King", "Martin Luther King": a surname, not a monarch
    app = apposition(text, h.end, s.kb, s.ctx, Actor(sector=e.sector), s.pat)
    if app is not None and app[1].country:
        s.emit(h.start, app[0], app[1], "apposition")
        return
    owner = possessor(text, h, s.out, s.offset, s.pat)
    country = owner or s.sentence_place or s.ctx.home_country()  # None unless one country dominates
    s.emit(h.start, h.end, Actor(country=country, sector=e.sector), "context" if country else "sector")
