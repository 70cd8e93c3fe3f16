"""The records passed between stages.

Every hand-off is a frozen, slotted dataclass holding plain values and character offsets, never
spaCy objects, so that records pickle cheaply to workers and land in the store unchanged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Status = Literal["occurred", "planned", "negated", "hypothetical", "claimed"]
Precision = Literal["day", "month", "year"]
STATUSES: tuple[Status, ...] = ("occurred", "planned", "negated", "hypothetical", "claimed")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after cleaning; `text` is the body that event offsets point into."""

    id: str
    text: str
    lang: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    deck: str | None = None
    author: str | None = None
    section: str | None = None
    published: dt.date | None = None
    boilerplate: tuple[str, ...] = ()
    # The hash of the body alone: equal for the same wire copy on two sites, whose `id`s differ.
    content_hash: str = ""
    site: str | None = None  # the publisher's host name (from the URL), or the feed/file it came in
    duplicate_of: str | None = None  # the stored article this one copies (exact or near); not coded
    # The story's opening place and agency ("MANILA, May 4 (Newswire) -"), taken off the first sentence.
    dateline: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: country (ISO alpha-3, `IGO`, or `---`) plus sector."""

    country: str | None = None
    sector: str | None = None
    name: str | None = None
    org: str | None = None

    @property
    def code(self) -> str:
        parts = [self.country or "---"]
        if self.org and self.country == "IGO":
            parts.append(self.org)
        elif self.sector:
            parts.append(self.sector)
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in a sentence: absolute character span in the article text and how."""

    actor: Actor
    start: int
    end: int
    text: str
    how: str  # gazetteer | title | apposition | adjective | metonym | organisation | coreference | context
    group: tuple[Actor, ...] = ()  # for plural coreference ("ambos líderes"): every actor meant


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: Precision


@dataclass(frozen=True, slots=True)
class Quantity:
    low: float
    high: float
    unit: str


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    article: str
    sentence: int
    start: int  # sentence span in the article text
    end: int
    trigger: str
    trigger_start: int = -1
    trigger_end: int = -1
    text: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    mode: str | None
    cameo: str | None
    quad: str | None
    weight: float | None
    source: ActorMention | None
    target: ActorMention | None
    status: Status
    claimed_by: ActorMention | None
    date: EventDate | None
    place: Place | None
    quantity: Quantity | None
    evidence: Evidence
    rule: str
    confidence: float
    symmetric: bool = False
    mentions: int = 1
    nominal: bool = False  # told by a noun ("la cumbre") rather than asserted by a verb (internal)


@dataclass(frozen=True, slots=True)
class CodedArticle:
    article: Article
    events: tuple[Event, ...]
    sentences: int = 0
    parsed: int = 0  # sentences the spaCy pass saw
    people: tuple[
        Actor, ...
    ] = ()  # people the article introduced by title ("la ministra X, Y"): remembered by the store
    parsed_sentences: tuple[int, ...] = ()  # indexes of the sentences the spaCy pass saw (eval: lost_cheap)


@dataclass(frozen=True, slots=True)
class Rejection:
    """Input that could not become an article; reported, counted, never raised."""

    source: str  # "pages/x.html" or "dump.jsonl#line=12"
    stage: str  # read | decode | clean | code
    reason: str  # empty | binary | encoding | too_short | error
    detail: str = ""

    def __str__(self) -> str:
        tail = f": {self.detail}" if self.detail else ""
        return f"{self.source}: {self.stage} {self.reason}{tail}"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article text from the cheap pass, with absolute offsets."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
