"""The public JSON shapes (DESIGN.md): an event, an article. Unknown fields are null, never missing."""

from __future__ import annotations

from typing import Any

from .types import ActorMention, Article, Event


def actor_json(m: ActorMention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    a = m.actor
    return {
        "code": a.code,
        "country": a.country,
        "sector": a.sector,
        "name": a.name,
        "org": a.org,
        "text": m.text,
        "how": m.how,
    }


def event_json(ev: Event) -> dict[str, Any]:
    e = ev.evidence
    return {
        "type": ev.type,
        "mode": ev.mode,
        "cameo": ev.cameo,
        "quad": ev.quad,
        "weight": ev.weight,
        "source": actor_json(ev.source),
        "target": actor_json(ev.target),
        "status": ev.status,
        "claimed_by": actor_json(ev.claimed_by),
        "date": ev.date.value if ev.date else None,
        "date_precision": ev.date.precision if ev.date else None,
        "place": None
        if ev.place is None
        else {"name": ev.place.name, "country": ev.place.country, "lat": ev.place.lat, "lon": ev.place.lon},
        "quantity": None
        if ev.quantity is None
        else {"low": ev.quantity.low, "high": ev.quantity.high, "unit": ev.quantity.unit},
        "confidence": ev.confidence,
        "symmetric": ev.symmetric,
        "mentions": ev.mentions,
        "evidence": {
            "article": e.article,
            "sentence": e.sentence,
            "start": e.start,
            "end": e.end,
            "trigger": e.trigger,
            "trigger_start": e.trigger_start,
            "trigger_end": e.trigger_end,
            "text": e.text,
        },
        "rule": ev.rule,
    }


ARTICLE_FIELDS = (
    "id",
    "url",
    "source",
    "title",
    "deck",
    "author",
    "section",
    "published",
    "lang",
    "text",
    "boilerplate",
    "content_hash",
    "site",
    "duplicate_of",
    "dateline",
)


def article_json(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "url": a.url,
        "source": a.source,
        "title": a.title,
        "deck": a.deck,
        "author": a.author,
        "section": a.section,
        "published": a.published.isoformat() if a.published else None,
        "lang": a.lang,
        "text": a.text,
        "boilerplate": list(a.boilerplate),
        "content_hash": a.content_hash,
        "site": a.site,
        "duplicate_of": a.duplicate_of,
        "dateline": a.dateline,
    }
