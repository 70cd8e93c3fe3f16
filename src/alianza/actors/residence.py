"""Residence: an ethnic group is coded by where it lives (CAMEO's convention), not by its nation.

Reads: a demonym hit and its neighbours, the gap words, and the sentence's place. Decides: "ethnic
Albanians in Serbia", "the Albanians of southern Serbia", "los rusos étnicos de Letonia" are
civilians of the place named (SRB CVL, LVA CVL); "Bosnian Serbs" are of the first word's state
(BIH); "ethnic Albanians" in a sentence about Serbia are of the sentence's place; and whether a
country is named as where things happen ("in Serbia", "en el norte de Siria").
"""

from __future__ import annotations

from ..types import Actor
from .article import ArticleContext
from .hits import SPACE_GAP, Hit
from .kb import KnowledgeBase
from .patterns import ActorPatterns
from .readings import country_of
from .scan import Scan


def after_in(text: str, h: Hit, pat: ActorPatterns) -> bool:
    """ "in Serbia", "in east Bosnia", "en el norte de Siria": a country named as where things happen."""
    return pat.in_before.search(text[max(0, h.start - 30) : h.start]) is not None


def residence(
    hits: list[Hit],
    i: int,
    text: str,
    kb: KnowledgeBase,
    ctx: ArticleContext,
    used: set[int],
    sentence_place: str | None,
    pat: ActorPatterns,
) -> tuple[int, int, Actor, tuple[int, ...]] | None:
    """An ethnic group named by a nationality word, coded by where it lives: "ethnic Albanians in
    Serbia", "the Albanians of southern Serbia", "los rusos étnicos de Letonia" (the place named),
    "Bosnian Serbs" (the first word is the state, the second the people), "ethnic Albanians" in a
    sentence about Serbia (the sentence's place). Returns the span, the actor and the hits used."""
    h = hits[i]
    d = h.kind("demonym")
    after = pat.ethnic_after.match(text, h.end)  # "los rusos étnicos de Letonia"
    if d is None or not (text[h.start].isupper() or after):
        return None
    nxt = hits[i + 1] if i + 1 < len(hits) else None
    ethnic = after is not None or pat.ethnic_before.search(text[max(0, h.start - 12) : h.start]) is not None
    if nxt is not None and nxt.kind("country", "place") and not nxt.kind("person"):
        gap = text[after.end() if after else h.end : nxt.start]
        if pat.residence_of.match(gap) or (ethnic and pat.residence_in.match(gap)):
            where = country_of(nxt, kb, ctx, text)
            if where is not None and where.country:
                return h.start, nxt.end, Actor(country=where.country, sector="CVL"), (i, i + 1)
    prev = hits[i - 1] if i > 0 else None
    if (
        prev is not None
        and (pd := prev.kind("demonym"))
        and SPACE_GAP.match(text[prev.end : h.start])
        and i - 1 not in used
        and pd.country != d.country
        and not (nxt is not None and nxt.kind("sector") and SPACE_GAP.match(text[h.end : nxt.start]))
    ):
        return prev.start, h.end, Actor(country=pd.country), (i - 1, i)
    if ethnic and sentence_place and sentence_place != d.country:
        return h.start, h.end, Actor(country=sentence_place, sector="CVL"), (i,)
    return None


def resident_group(s: Scan, i: int) -> int | None:
    """An ethnic group at hit `i`, coded by where it lives: the mention replaces what an earlier
    step made of its first word. Returns the index of the next hit to read, or None."""
    res = residence(s.hits, i, s.text, s.kb, s.ctx, s.used, s.sentence_place, s.pat)
    if res is None:
        return None
    start, end, actor, taken = res
    s.out[:] = [m for m in s.out if m.start - s.offset != start]
    s.emit(start, end, actor, "residence")
    s.used.update(taken)
    return max(taken) + 1
