"""What the resolver tests share: the codes (and paths) of a text's mentions."""

from __future__ import annotations

import datetime as dt

from alianza.actors import ArticleContext, find_mentions
from alianza.actors.kb import KnowledgeBase


def codes(
    text: str, lang: str, kb: KnowledgeBase, date: dt.date | None = dt.date(2025, 8, 12)
) -> list[tuple[str, str]]:
    return [(m.actor.code, m.how) for m in find_mentions(text, lang, kb, ArticleContext(date=date))]


def codes_in(text: str, lang: str, kb: KnowledgeBase) -> list[tuple[str, str]]:
    """The (text, code) of every mention of a multi-sentence text, read as one article."""
    from alianza.nlp.sentences import split_sentences

    ctx = ArticleContext(date=dt.date(2025, 1, 1))
    return [(m.text, m.actor.code) for s in split_sentences(text) for m in find_mentions(s.text, lang, kb, ctx)]
