"""A side the knowledge base does not know is its words first (issue 13).

"Decenas de colonos protestaron en Hebrón", "Los amotinados lanzaron tejas", "López Obrador convocó
una caravana": the resolver finds no actor in these subjects, and an event without sides was
dropped. GDELT and POLECAT code them: the side keeps its text, takes its sector from the head noun
when that noun names one (through a quantity: "decenas de colonos" is its colonos), and its country
from the sentence, the dateline or the article's places, else `---`. People of no known role
("los orangistas", "los pesqueros") are civilians (CVL), as CAMEO codes unidentified people.

Only a side that is no actor at all is dropped: a date, a number of things, an abstract noun ("la
ley", "el proyecto"), a pronoun (pronouns go through the coder's antecedent rule). What names
people: a proper name, a noun the knowledge base knows as a sector, a noun with an ending of
people (-ero, -ista, -ado, -nte, -or, -ano...: "amotinados", "orangistas", "camioneros"), or a
bare number of people ("más de 12.000 protestaron").
"""

from __future__ import annotations

from typing import Any

from ..nlp.langdata import available_languages, load_langdata
from ..textutil import fold
from ..types import Actor, ActorMention
from .kb import KnowledgeBase
from .patterns import ActorPatterns, actor_patterns

Token = Any  # a spaCy Token

MAX_SIDE_TOKENS = 10


def _head_through_quantity(tok: Token, lang: str) -> Token:
    """ "decenas de colonos" -> colonos; "Unos 600 miembros de los Sin Tierra" -> miembros."""
    node = tok
    for _ in range(2):
        if fold(node.text) not in actor_patterns(lang).quantity_heads and node.pos_ != "NUM":
            break
        kids = [g for c in node.children for g in ([c] if c.pos_ != "ADP" else list(c.children))]
        nxt = next((c for c in kids if c.pos_ in ("NOUN", "PROPN") and c.i > node.i), None)
        if nxt is None:
            break
        node = nxt
    return node


def _sector(word: str, lang: str, kb: KnowledgeBase) -> str | None:
    for e in kb.entries(lang, fold(word)):
        if e.kind == "sector" and e.sector:
            return e.sector
    return None


def names_people(tok: Token, lang: str, kb: KnowledgeBase) -> tuple[bool, str | None]:
    """(is the phrase headed by `tok` someone, the sector its head noun names)."""
    pat = actor_patterns(lang)
    if tok.pos_ == "PRON" or not pat.people_endings:
        return False, None
    head = _head_through_quantity(tok, lang)
    sector = _sector(head.text, lang, kb) or _sector(head.lemma_, lang, kb)
    if sector:
        return True, sector
    if head.pos_ == "PROPN" and head.ent_type_ not in ("LOC", "GPE", "DATE", "TIME", "MISC"):
        return True, None
    if head.pos_ == "NUM" or (tok.pos_ == "NUM" and head is tok):
        return bool(head.like_num), "CVL" if head.like_num else None  # "más de 12.000 protestaron"
    word = fold(head.text)
    if head.pos_ in ("NOUN", "ADJ") and word not in pat.not_people and fold(head.lemma_) not in pat.not_people:
        if (word.endswith(pat.people_endings) and len(word) > 4) or word in pat.people_words:
            return True, "CVL"  # people of no role the base knows are civilians (CAMEO CVL)
    return False, None


def side_text(tok: Token) -> tuple[int, int]:
    """Character bounds (in the doc) of the phrase `tok` heads, up to a comma or a clause."""
    left, right = tok.left_edge.i, tok.i
    while left < tok.i and tok.doc[left].dep_.lower() in ("case", "mark"):
        left += 1  # "por los pesqueros": the agent's preposition is not its words
    for t in tok.subtree:
        if t.i <= tok.i:
            continue
        if (
            t.text in (",", "(", ";", ":")
            or t.dep_ in ("relcl", "acl", "advcl", "ccomp")
            or t.i - left >= MAX_SIDE_TOKENS
        ):
            break
        right = t.i
    doc = tok.doc
    return doc[left].idx, doc[right].idx + len(doc[right])


def side_from_words(tok: Token, lang: str, kb: KnowledgeBase, offset: int, country: str | None) -> ActorMention | None:
    """The side a phrase names when the knowledge base knows none of it, or None when it is no actor.

    `offset`: the sentence's start in the article text; `country`: where the sentence, its dateline
    or its article happens (None: unknown, coded `---`).
    """
    ok, sector = names_people(tok, lang, kb)
    if not ok:
        return None
    start, end = side_text(tok)
    actor = Actor(country=country or "---", sector=sector)
    return ActorMention(actor, offset + start, offset + end, tok.doc.text[start:end], "words")


SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})


def passive_agent(tok: Token, agent_words: frozenset[str]) -> bool:
    """Is `tok` the agent of a participle ("protestada por los opositores", "blockaded by the
    fishermen")? A passive's agent is who does the act, as a subject is."""
    head = tok.head.head if tok.head.dep_.lower() in ("agent", "prep") else tok.head
    marks = [tok.head] if tok.head is not tok and tok.head.dep_.lower() in ("agent", "prep") else []
    marks += [c for c in tok.children if c.dep_.lower() == "case"]
    return (
        tok.pos_ in ("NOUN", "PROPN", "NUM")
        and any(fold(m.text) in agent_words and m.i < tok.i for m in marks)
        and "Part" in head.morph.get("VerbForm")
        and head.i < tok.i
    )


def word_sides(
    doc: Any, mentions: list[ActorMention], lang: str, kb: KnowledgeBase, offset: int, country: str | None
) -> list[ActorMention]:
    """Sides from the words of the subjects (and passive agents) the resolver found no actor in,
    for the coder to use like any mention. A subject whose phrase holds a mention already is left to that mention."""
    taken = [(m.start - offset, m.end - offset) for m in mentions]
    out: list[ActorMention] = []
    agent_words = load_langdata(lang).syntax.passive_agent if lang in available_languages() else frozenset()
    for t in doc:
        if t.dep_.lower() not in SUBJECT_DEPS and not passive_agent(t, agent_words):
            continue
        start, end = side_text(t)
        if any(s < end and start < e for s, e in taken):
            continue
        m = side_from_words(t, lang, kb, offset, country)
        if m is not None:
            out.append(m)
            taken.append((start, end))
    return out


def counted_people(text: str, start: int, pat: ActorPatterns) -> bool:
    """Is the word at `start` counted ("30.000 israelíes", "miles de kurdos", "thousands of Nigerians")?"""
    m = pat.count_re.search(text[max(0, start - 40) : start])
    if m is None:
        return False
    word = m.group(1)
    return word[0].isdigit() or fold(word) in pat.count_words
