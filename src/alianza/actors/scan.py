"""The state of reading one sentence for mentions, shared by the resolver's steps.

Holds the sentence's text and hits, the knowledge base and the article's context, the mentions
emitted so far and the hits already used by a composition. Emitting a mention also tells the
article's memory (coreference and plural references read it later in the article).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..types import Actor, ActorMention
from .article import ArticleContext
from .hits import Hit
from .kb import KnowledgeBase
from .patterns import ActorPatterns, actor_patterns


@dataclass
class Scan:
    """One sentence being read: its hits and what has been made of them."""

    text: str
    lang: str
    kb: KnowledgeBase
    ctx: ArticleContext
    offset: int  # the sentence's start in the article: mentions carry absolute offsets
    hits: list[Hit]
    sentence_place: str | None  # the country of the first place the sentence names, if any
    out: list[ActorMention] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # indexes of the hits a composition took

    @property
    def pat(self) -> ActorPatterns:
        """The sentence language's actor cues (compiled once per language)."""
        return actor_patterns(self.lang)

    def hit(self, i: int) -> Hit | None:
        return self.hits[i] if i < len(self.hits) else None

    def emit(self, start: int, end: int, actor: Actor, how: str, group: tuple[Actor, ...] = ()) -> None:
        m = ActorMention(actor, self.offset + start, self.offset + end, self.text[start:end], how, group)
        self.out.append(m)
        self.ctx.remember(m)
