"""The metrics of the gold README, computed exactly as it says.

Per record, system events are matched one to one with gold events, greedily, best match first:
- type F1: a match needs the same PLOVER type;
- event F1 (headline): same type and, on each side where gold gives a country, the same country
  (sides swapped allowed when gold says `symmetric`);
- actor accuracy and span overlap over type matches; status and date accuracy where gold gives them.
Gold events with `required: false` are neither misses nor, when matched, false alarms.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..textutil import fold

Json = dict[str, Any]


def _side(ev: Json, side: str) -> Json:
    return ev.get(side) or {}


def _countries_ok(sys: Json, gold: Json, swapped: bool) -> bool:
    for gs, ss in (
        (("source", "target"), ("target", "source")) if swapped else (("source", "source"), ("target", "target"))
    ):
        g = _side(gold, gs).get("country")
        if g and _side(sys, ss).get("country") != g:
            return False
    return True


def event_match(sys: Json, gold: Json) -> tuple[bool, bool]:
    """(matches, swapped): same type and countries, in gold's order or swapped when symmetric."""
    if sys.get("type") != gold.get("type"):
        return False, False
    if _countries_ok(sys, gold, False):
        return True, False
    if gold.get("symmetric") and _countries_ok(sys, gold, True):
        return True, True
    return False, False


def _tokens(text: str | None) -> set[str]:
    return {fold(w) for w in (text or "").replace(",", " ").split() if len(w) > 1}


def _pair_score(sys: Json, gold: Json) -> float:
    score = 1.0
    ok, _ = event_match(sys, gold)
    score += 2.0 if ok else 0.0
    for side in ("source", "target"):
        if _tokens(_side(sys, side).get("text")) & _tokens(_side(gold, side).get("text")):
            score += 0.5
    ev = (sys.get("evidence") or {}).get("text") or ""
    if gold.get("evidence") and fold(gold["evidence"])[:40] in fold(ev):
        score += 0.5
    trig = (sys.get("evidence") or {}).get("trigger") or ""
    if gold.get("trigger") and _tokens(trig) & _tokens(gold["trigger"]):
        score += 0.5
    if gold.get("required", True):
        score += 0.1
    return score


def greedy(system: list[Json], gold: list[Json], ok: Any) -> list[tuple[int, int]]:
    pairs = [(_pair_score(s, g), i, j) for i, s in enumerate(system) for j, g in enumerate(gold) if ok(s, g)]
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_s, used_g, out = set(), set(), []
    for _sc, i, j in pairs:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> Json:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Ratio:
    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hit += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.hit / self.total if self.total else None

    def as_json(self) -> Json:
        return {"hit": self.hit, "total": self.total, "value": None if self.value is None else round(self.value, 4)}


@dataclass
class Scores:
    records: int = 0
    type: PRF = field(default_factory=PRF)
    event: PRF = field(default_factory=PRF)
    per_type: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    actor_country: Ratio = field(default_factory=Ratio)
    actor_sector: Ratio = field(default_factory=Ratio)
    source_country: Ratio = field(default_factory=Ratio)
    target_country: Ratio = field(default_factory=Ratio)
    span_overlap: Ratio = field(default_factory=Ratio)
    status: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    article_fields: Ratio = field(default_factory=Ratio)
    # per article field (title, author, ..., boilerplate, dateline): the metadata score of page gold
    article_per_field: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    event_records: int = 0  # records whose events are scored (page records without events are not)
    missed_in_skipped: int = 0
    lost_by_cheap_pass: int = 0  # of those, coded when every sentence is parsed
    misses: Counter[str] = field(default_factory=Counter)

    def as_json(self) -> Json:
        return {
            "records": self.records,
            "type": self.type.as_json(),
            "event": self.event.as_json(),
            "per_type": {k: v.as_json() for k, v in sorted(self.per_type.items())},
            "actor_accuracy": {
                "country": self.actor_country.as_json(),
                "sector": self.actor_sector.as_json(),
                "source_country": self.source_country.as_json(),
                "target_country": self.target_country.as_json(),
            },
            "span_overlap": self.span_overlap.as_json(),
            "status_accuracy": self.status.as_json(),
            "date_accuracy": self.date.as_json(),
            "article_fields": self.article_fields.as_json(),
            "article_per_field": {k: v.as_json() for k, v in sorted(self.article_per_field.items())},
            "gold_missed_in_sentences_not_parsed": self.missed_in_skipped,
            "gold_lost_by_cheap_pass": self.lost_by_cheap_pass,
        }


def _count(prf: PRF, system: list[Json], gold: list[Json], pairs: list[tuple[int, int]]) -> None:
    matched_s = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    for _i, j in pairs:
        if gold[j].get("required", True):
            prf.tp += 1
    prf.fp += sum(1 for i in range(len(system)) if i not in matched_s)
    prf.fn += sum(1 for j, g in enumerate(gold) if j not in matched_g and g.get("required", True))


def score_record(sc: Scores, system: list[Json], gold: list[Json]) -> list[int]:
    """Add one record's counts; returns the indices of required gold events that no event matched."""
    sc.records += 1
    sc.event_records += 1
    tpairs = greedy(system, gold, lambda s, g: s.get("type") == g.get("type"))
    epairs = greedy(system, gold, lambda s, g: event_match(s, g)[0])
    _count(sc.type, system, gold, tpairs)
    _count(sc.event, system, gold, epairs)
    for t in {e.get("type") for e in system} | {g.get("type") for g in gold}:
        sub_s = [i for i, e in enumerate(system) if e.get("type") == t]
        sub_g = [j for j, g in enumerate(gold) if g.get("type") == t]
        _count(
            sc.per_type[str(t)],
            [system[i] for i in sub_s],
            [gold[j] for j in sub_g],
            [(sub_s.index(i), sub_g.index(j)) for i, j in epairs if i in sub_s],
        )
    for i, j in tpairs:
        s, g = system[i], gold[j]
        swapped = bool(g.get("symmetric")) and event_match(s, g)[1]
        for gs in ("source", "target"):
            ss = {"source": "target", "target": "source"}[gs] if swapped else gs
            gside, sside = _side(g, gs), _side(s, ss)
            if gside.get("country"):
                ok = sside.get("country") == gside["country"]
                sc.actor_country.add(ok)
                (sc.source_country if gs == "source" else sc.target_country).add(ok)
            if gside.get("sector"):
                sc.actor_sector.add(sside.get("sector") == gside["sector"])
            if gside.get("text"):
                sc.span_overlap.add(bool(_tokens(sside.get("text")) & _tokens(gside["text"])))
        if g.get("status"):
            sc.status.add(s.get("status") == g["status"])
        if g.get("date"):
            sc.date.add(
                (s.get("date") or "")[: len(g["date"])] == g["date"] and len(s.get("date") or "") >= len(g["date"])
            )
    matched = {j for _, j in epairs}
    return [j for j, g in enumerate(gold) if j not in matched and g.get("required", True)]


def check_article(sc: Scores, got: Json, want: Json) -> list[str]:
    """The `article` block of a gold record: metadata equal, body bounds, boilerplate gone."""
    failures = []
    checks = [
        ("title", got.get("title") == want.get("title")),
        ("author", got.get("author") == want.get("author")),
        ("section", got.get("section") == want.get("section")),
        ("published", got.get("published") == want.get("published")),
        ("deck", not want.get("deck_starts") or (got.get("deck") or "").startswith(want["deck_starts"])),
        ("body_starts", (got.get("text") or "").startswith(want.get("body_starts", ""))),
        ("body_ends", (got.get("text") or "").rstrip().endswith(want.get("body_ends", ""))),
    ]
    if "dateline" in want:  # page gold records it; the seed's format predates the field
        checks.append(("dateline", got.get("dateline") == want["dateline"]))
    checks += [(f"boilerplate:{b[:30]}", b not in (got.get("text") or "")) for b in want.get("boilerplate", [])]
    for name, ok in checks:
        sc.article_fields.add(ok)
        if name != "deck" or want.get("deck_starts"):
            sc.article_per_field[name.split(":")[0]].add(ok)
        if not ok:
            failures.append(name)
    return failures
