"""Coreference: names met earlier in the article, and plural references to the last two actors.

Reads: the sentence's text, the mentions found so far and the article's memory. Decides: a name the
gazetteer does not know but the article introduced ("Putin", "Sybiha") is that person; a bare
sector of a person named earlier is that person's country's ("las tropas de Kim"); "ambos
líderes", "both countries", "les deux pays" are the two most recent people or countries, as a group.
"""

from __future__ import annotations

import re

from ..textutil import fold
from ..types import Actor, ActorMention
from .article import ArticleContext
from .hits import NAME_TOKEN, Hit
from .patterns import ActorPatterns


def plural_ref_at(text: str, h: Hit, pat: ActorPatterns) -> bool:
    m = pat.plural_ref_before.search(text[: h.start])
    return m is not None


def remembered_names(
    text: str, hits: list[Hit], out: list[ActorMention], ctx: ArticleContext, offset: int, pat: ActorPatterns
) -> None:
    """Names met earlier in the article ("Putin", "Sybiha") that the gazetteer does not know."""
    covered = [(m.start - offset, m.end - offset) for m in out]
    for m in re.finditer(rf"\b{NAME_TOKEN}(?:\s+{NAME_TOKEN})?", text):
        s, e = m.span()
        if any(s < ce and cs < e for cs, ce in covered):
            continue
        for cand in (m.group(), m.group().split()[-1]):
            actor = ctx.names.get(fold(cand))
            if actor is not None:
                # "las tropas de Kim": a bare sector of a person named earlier is that person's country's
                owner = next(
                    (
                        x
                        for x in out
                        if x.how in ("context", "sector")
                        and x.actor.sector
                        and pat.of_gap.match(text[x.end - offset : s])
                    ),
                    None,
                )
                if owner is not None:
                    out.remove(owner)
                    composed = Actor(country=actor.country, sector=owner.actor.sector)
                    out.append(ActorMention(composed, owner.start, offset + e, text[owner.start - offset : e], "title"))
                    covered.append((s, e))
                    break
                m_ = ActorMention(actor, offset + s, offset + e, text[s:e], "coreference")
                out.append(m_)
                ctx.remember(m_)  # a person named again is the most recent one ("ambos líderes")
                covered.append((s, e))
                break


def plural_references(text: str, out: list[ActorMention], ctx: ArticleContext, offset: int, pat: ActorPatterns) -> None:
    for m in pat.plural_ref.finditer(text):
        people = fold(m["what"]) in pat.person_words
        pool = ctx.recent_people if people else ctx.recent_countries
        if people and len(pool) < 2:
            # "le ministre belge a reçu son homologue congolais. Les deux ministres ...": officials
            # named by title only are their countries
            pool, people = ctx.recent_countries, False
        if len(pool) < 2:
            continue
        pair = tuple(pool[-2:])
        if not people:
            pair = tuple(Actor(country=a.country) for a in pair)
        s, e = m.span()
        out[:] = [x for x in out if not (x.start - offset < e and s < x.end - offset)]
        out.append(ActorMention(pair[0], offset + s, offset + e, text[s:e], "coreference", pair))
