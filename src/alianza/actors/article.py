"""What the resolver remembers: an article's people, countries and places, and a source's home.

Reads: the mentions found so far in an article, in order, and the countries of a source's places.
Decides: the names an article has introduced (full name, surname, Korean family name) for
coreference, the recent people and countries for plural references ("ambos líderes"), the country
where the article happens (its places, when three quarters agree on one) and, failing that, the
country its source reports from (local news names its own country's places all the time).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..textutil import fold
from ..types import Actor, ActorMention

# Share of an article's places that must lie in one country before bare sectors ("la policía") take it.
HOME_SHARE = 0.75


@dataclass
class ArticleContext:
    """What the resolver remembers while reading one article, in order."""

    date: dt.date | None = None
    names: dict[str, Actor] = field(default_factory=dict)  # folded full name or surname -> actor
    recent_people: list[Actor] = field(default_factory=list)
    recent_countries: list[Actor] = field(default_factory=list)
    place_countries: list[str] = field(default_factory=list)
    # the country the article's source (site, feed, dataset) reports from, when its places show one:
    # "El periodista fue amenazado de muerte" in a Colombian paper is about a Colombian journalist
    source_home: str | None = None
    # people the article itself introduced by title or apposition, for the corpus memory
    learned: dict[str, Actor] = field(default_factory=dict)

    def recall(self, people: list[Actor]) -> None:
        """People met by earlier articles of the corpus: known by name, not yet recent."""
        for a in people:
            if a.name:
                self._register(a)

    def _register(self, a: Actor) -> None:
        assert a.name is not None
        self.names[fold(a.name)] = a
        parts = a.name.split()
        last = parts[-1]
        if len(last) > 3 and "-" not in last:
            self.names.setdefault(fold(last), a)
        if len(parts) > 1 and "-" in last and len(parts[0]) >= 2:
            # Korean order, family name first: "Kim Jong-un" is "Kim", "Lee Jae-myung" is "Lee"
            self.names.setdefault(fold(parts[0]), a)

    def remember(self, m: ActorMention) -> None:
        a = m.actor
        if a.name and a.country and m.how in ("apposition", "title"):
            self.learned[fold(a.name)] = a
        if a.name and a.country:
            self._register(a)
            self._push(self.recent_people, a)
        if a.country and a.country not in ("---", "IGO"):
            self._push(self.recent_countries, Actor(country=a.country, sector=a.sector if not a.name else "GOV"))

    @staticmethod
    def _push(items: list[Actor], a: Actor) -> None:
        key = (a.country, a.name)
        items[:] = [x for x in items if (x.country, x.name) != key] + [a]
        del items[:-6]

    def home_country(self) -> str | None:
        """The country where the article happens: its places when they clearly agree on one, else
        its source's home country, else None."""
        own = self._own_home()
        return own if own is not None else self.source_home

    def _own_home(self) -> str | None:
        if not self.place_countries:
            return None
        counts: dict[str, int] = {}
        for c in self.place_countries:
            counts[c] = counts.get(c, 0) + 1
        best = max(counts, key=lambda c: counts[c])
        return best if counts[best] >= HOME_SHARE * len(self.place_countries) else None


@dataclass
class HomeTally:
    """Counts the countries of the places named by a source's articles (a site, a feed, a gold
    dataset), to tell the country a source reports from. Local news names places of its country
    ("ARAUCA, TAME", "Medellín") all the time; wire and world news do not agree on one."""

    min_places: int = 20
    share: float = 0.6
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, source: str, countries: list[str]) -> None:
        bucket = self.counts.setdefault(source, {})
        for c in countries:
            if c and c not in ("---", "IGO"):
                bucket[c] = bucket.get(c, 0) + 1

    def home(self, source: str | None) -> str | None:
        bucket = self.counts.get(source or "")
        if not bucket:
            return None
        total = sum(bucket.values())
        best = max(sorted(bucket), key=lambda c: bucket[c])
        return best if total >= self.min_places and bucket[best] >= self.share * total else None
