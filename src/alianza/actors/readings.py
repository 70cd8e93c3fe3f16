"""Readings: what a name stands for here, of the several things it may name.

Reads: a hit with its entries, the sentence's words and the article's context. Decides: the country
of an ambiguous name ("Georgia": the reading with the most evidence in the sentence's cues and the
article's countries, else the default), the person a surname names on the article's date (of two
Bushes, the one in office), and the country or full actor a qualifier hit stands for (a demonym, a
country, an organisation, a group, a metonym, a place, a person).
"""

from __future__ import annotations

import re

from ..textutil import fold
from ..types import Actor
from .article import ArticleContext
from .hits import Hit
from .kb import KnowledgeBase, Person


def pick_reading(kb: KnowledgeBase, name: str, text: str, ctx: ArticleContext) -> str | None:
    """The country an ambiguous name stands for here: the reading with the most evidence in the
    sentence's words and the article's countries so far; the default when none has more."""
    amb = kb.ambiguous.get(fold(name))
    if amb is None:
        return None
    words = {fold(w) for w in re.findall(r"[\w'’-]+", text)}
    seen = {a.country for a in ctx.recent_countries} | set(ctx.place_countries)
    scores = [(len(r.cues & words) + len(r.countries & seen), r.country) for r in amb.readings]
    best = max(scores, default=(0, amb.default))
    if best[0] == 0 or sum(1 for s, _c in scores if s == best[0]) > 1:
        return amb.default
    return best[1]


def person_of(h: Hit, kb: KnowledgeBase, ctx: ArticleContext, text: str) -> Person | None:
    """The person a name stands for; of several ("Bush"), the one in office on the article's date."""
    if not h.kind("person"):
        return None
    return kb.person_on(text[h.start : h.end], ctx.date)


def country_of(h: Hit, kb: KnowledgeBase, ctx: ArticleContext, text: str = "") -> Actor | None:
    """The country (and, for people and organisations, the full actor) a qualifier hit stands for."""
    if e := h.kind("ambiguous"):
        return Actor(country=pick_reading(kb, e.name or "", text, ctx))
    if h.kind("person"):
        p = person_of(h, kb, ctx, text)
        return p.actor_on(ctx.date) if p else None
    if e := h.kind("country", "demonym"):
        return Actor(country=e.country)
    if e := h.kind("metonym", "igo", "group"):
        return Actor(country=e.country, sector=e.sector, org=e.org)
    if e := h.kind("place"):
        return Actor(country=e.country)
    return None
