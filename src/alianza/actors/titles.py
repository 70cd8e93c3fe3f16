"""Appositions and titles: the person a title names ("el presidente ruso, Vladímir Putin",
"Russian President Vladimir Putin"), and the title words between a nationality and a sector.

Reads: the text after a title, the knowledge base's people and the article's remembered names.
Decides: the name that follows a title (two capitalised words, or one the base or the article
knows), the person it is (the base's, by full name or by surname when the first name is misspelt)
and the actor coded: the title's country and sector win over the base's when they disagree, since
the text is about its own date (CAMEO codes people by the role they hold then).
"""

from __future__ import annotations

import re

from ..textutil import fold
from ..types import Actor
from .article import ArticleContext
from .kb import KnowledgeBase
from .patterns import ActorPatterns


def person_after(
    text: str, pos: int, kb: KnowledgeBase, ctx: ArticleContext, pat: ActorPatterns
) -> tuple[int, str] | None:
    """A capitalised name right after `pos` (apposition or title): its end and the name."""
    m = pat.name_re.match(text, pos)
    if not m:
        return None
    name = re.sub(r"['’]s?$", "", m.group().rstrip(".,"))  # "President Reagan's statement"
    known = fold(name) in kb.people or fold(name) in ctx.names
    if len(name.split()) < 2 and not known:
        return None
    if name.isupper() and not known and fold(name.split()[-1]) not in kb.people:
        # "EL SENADO BOLIVIANO PROTESTO POR LA DECISION": in a headline in capitals every word is
        # capitalised, so capitals tell no name there; only one the base or the article knows is
        return None
    return m.start() + len(name), name


def apposition(
    text: str, pos: int, kb: KnowledgeBase, ctx: ArticleContext, title: Actor, pat: ActorPatterns
) -> tuple[int, Actor] | None:
    """A name after a title ("..., Vladímir Putin," / "President Vladimir Putin"): the person, coded.

    The title's country and sector win over the base when they disagree: the text is about that date.
    """
    gap = re.match(r"\s*,?\s*", text[pos:])
    start = pos + (gap.end() if gap else 0)
    got = person_after(text, start, kb, ctx, pat)
    if got is None:
        return None
    end, name = got
    # a misspelt first name ("Francois Mitterand") still finds the person by the surname
    known = kb.person_on(name, ctx.date) or (kb.person_on(name.split()[-1], ctx.date) if " " in name else None)
    kb_actor = known.actor_on(ctx.date) if known else None
    # the title says the person holds an office: out of the base's dates, their one country still applies
    country = (
        title.country or (kb_actor.country if kb_actor else None) or (known.home() if known and title.sector else None)
    )
    if country is None:
        return None
    sector = title.sector or (kb_actor.sector if kb_actor else None)
    actor = Actor(
        country=country,
        sector=sector,
        name=known.name if known else name,
        org=title.org or (kb_actor.org if kb_actor else None),
    )
    return end, actor


def possessive_modifier_gap(gap: str, modifiers: frozenset[str]) -> bool:
    """ "Lebanon's new President", "Nicaragua's Sandinista government": title words or a capitalised
    name (a party, a movement) between a possessive country and its sector."""
    m = re.match(r"^['’]s\s+(.*)$", gap)
    if m is None:
        return False
    words = m.group(1).split()
    return 1 <= len(words) <= 3 and all(fold(w) in modifiers or w[:1].isupper() for w in words)


def modifier_gap(gap: str, modifiers: frozenset[str]) -> bool:
    """One to three title words between a nationality and a sector ("Defence", "junior foreign")."""
    words = gap.split()
    return bool(gap.strip()) and 1 <= len(words) <= 3 and all(fold(w) in modifiers for w in words) and gap[0].isspace()
