"""Actors as users type them: a code (`RUS`, `rus gov`, `IGO NATO`) or a name in any language the
knowledge base knows (`Russia`, `Rusia`, `EU`, `Kremlin`, `Putin`), turned into the code the store
holds. Unknown names get a suggestion from the store's own actors.

The knowledge base is loaded only when the text is not already a stored code (0.2 s), once per
process.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import duckdb

from ..errors import AlianzaError
from ..textutil import fold
from ..types import Actor

if TYPE_CHECKING:
    from ..actors.kb import KnowledgeBase

_SIDES_SQL = """
    SELECT source_code AS code, source_country AS country, source_sector AS sector, source_name AS name
    FROM events WHERE source_code IS NOT NULL
    UNION ALL
    SELECT target_code, target_country, target_sector, target_name FROM events WHERE target_code IS NOT NULL
"""


class ActorError(AlianzaError):
    """An actor the user named is not in the store; the message suggests one that is."""


def store_actors(con: duckdb.DuckDBPyConnection, query: str | None = None) -> list[dict[str, Any]]:
    """The store's actors (codes as coded), with their most frequent name and how many events
    name them on either side; `query` keeps codes or names containing it (accents and case aside)."""
    rows = con.execute(
        f"""
        WITH s AS ({_SIDES_SQL})
        SELECT code, any_value(country) AS country, any_value(sector) AS sector,
               mode(name) FILTER (WHERE name IS NOT NULL) AS name, count(*) AS events,
               list(DISTINCT name) FILTER (WHERE name IS NOT NULL) AS names
        FROM s GROUP BY code ORDER BY events DESC, code
        """
    ).fetchall()
    out = []
    q = fold(query.strip()) if query else ""
    for code, country, sector, name, n, names in rows:
        hay = [fold(code), *(fold(x) for x in names or [])]
        if q and not any(q in h for h in hay):
            continue
        out.append({"code": code, "country": country, "sector": sector, "name": name, "events": int(n)})
    return out


def _known_codes(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT DISTINCT x FROM (SELECT unnest([source_code, source_country, target_code, target_country]) AS x "
        "FROM events) WHERE x IS NOT NULL"
    ).fetchall()
    return {r[0] for r in rows}


@lru_cache(maxsize=1)
def _kb() -> KnowledgeBase:
    from ..actors.kb import load_kb

    return load_kb()


def kb_codes(text: str) -> list[str]:
    """The codes the knowledge base gives a name, most specific first: `Kremlin` -> RUS GOV, RUS."""
    kb = _kb()
    key = fold(" ".join(text.split()))
    out: list[str] = []
    person = kb.person(text)
    if person is not None:
        a = person.actor_on(None)
        if a.country:
            out += [a.code, a.country]
    if len(key) == 2 and key.upper() in kb.iso2to3:
        out.append(kb.iso2to3[key.upper()])
    for lang in ("en", "es", "fr", "*"):
        for entry in kb.entries(lang, key) if lang != "*" else kb.aliases["*"].get(key, []):
            if entry.kind in ("sector", "place") or not entry.country:
                continue
            a = Actor(country=entry.country, sector=entry.sector, org=entry.org)
            out += [a.code, a.country or ""]
    seen: list[str] = []
    for c in out:
        if c and c not in seen:
            seen.append(c)
    return seen


def resolve_actor(con: duckdb.DuckDBPyConnection, text: str) -> str:
    """The stored code for what the user typed; `ActorError` with a suggestion otherwise."""
    norm = " ".join(text.upper().split())
    known = _known_codes(con)
    if norm in known:
        return norm
    by_name: dict[str, str] = {}
    for a in store_actors(con):
        if a["name"]:
            by_name.setdefault(fold(a["name"]), a["code"])
    if fold(text.strip()) in by_name:
        return by_name[fold(text.strip())]
    candidates = kb_codes(text)
    for code in candidates:
        if code in known:
            return code
    hint = ""
    if candidates:
        hint = f": the knowledge base reads it as {candidates[0]}, which no stored event names"
    close = difflib.get_close_matches(norm, sorted(known), n=1, cutoff=0.6) or difflib.get_close_matches(
        fold(text), sorted(by_name), n=1, cutoff=0.6
    )
    if close:
        guess = close[0] if close[0] in known else by_name[close[0]]
        hint += f"; did you mean {guess}?"
    elif not candidates:
        hint = (
            ": expected a code (RUS, RUS GOV, IGO NATO) or a name (Russia, Kremlin) of an actor in the store's "
            "events (`alianza actors` lists them)"
        )
    raise ActorError(f"unknown actor {text!r}{hint}")
