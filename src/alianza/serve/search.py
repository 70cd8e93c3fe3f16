"""The search box: an actor by code or by any name the knowledge base knows ("Russia", "Rusia",
"Kremlin", "EU", "Putin"), in any of its languages, limited to actors the store holds.

The knowledge base is loaded on the first search, not at start-up: `alianza serve` must start in
well under two seconds, and most visits never search.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from ..actors.kb import ALL_LANGS, KnowledgeBase, load_kb
from ..textutil import fold

_kb: KnowledgeBase | None = None
_kb_lock = threading.Lock()
LANGS = ("es", "en", "fr")


def kb() -> KnowledgeBase:
    global _kb
    with _kb_lock:
        if _kb is None:
            _kb = load_kb(LANGS)
        return _kb


def at_level(country: str | None, sector: str | None, org: str | None, level: str) -> str | None:
    """An actor's code at a level: RUS GOV at country level is RUS; IGO EU stays IGO EU."""
    if not country:
        return None
    if country == "IGO":
        return f"IGO {org}" if org else None
    if level == "country" or not sector:
        return country
    return f"{country} {sector}"


def label(code: str) -> str:
    """A human name for a code: the country's English name, an organisation's short name."""
    parts = code.split(" ")
    if parts[0] == "IGO":
        return " ".join(parts[1:]) or code
    name = kb().country_name(parts[0])
    if not name:
        return code
    return f"{name} ({parts[1]})" if len(parts) > 1 else name


def search(query: str, actors: frozenset[str], level: str, limit: int = 10) -> list[dict[str, Any]]:
    """Hits as {code, label, how}: the exact code first, then KB aliases, then name and code prefixes."""
    q = " ".join(query.split())
    if not q:
        return []
    base = kb()
    hits: dict[str, str] = {}

    def add(code: str | None, how: str) -> None:
        if code and code in actors and code not in hits and len(hits) < limit:
            hits[code] = how

    upper = q.upper()
    add(upper, "code")
    if level == "country":
        add(upper.split(" ")[0], "code")
    key = fold(q)
    for lang in (*LANGS, ALL_LANGS):
        for entry in base.aliases[lang].get(key, []):
            add(at_level(entry.country, entry.sector, entry.org, level), f"{entry.kind}: {entry.name or q}")
    person = base.person_on(q, dt.date.today())
    if person is not None:
        who = person.actor_on(dt.date.today())
        add(at_level(who.country, who.sector, who.org, level), f"person: {person.name}")
    if len(key) >= 2:
        for code, name in sorted(base.country_names.items(), key=lambda x: x[1]):
            if fold(name).startswith(key):
                add(code, f"name: {name}")
        for code in sorted(actors):
            if code.startswith(upper) or (" " in code and code.split(" ", 1)[1].startswith(upper)):
                add(code, "code")
    out = []
    for code, how in hits.items():
        out.append({"code": code, "label": label(code), "how": how})
    return out
