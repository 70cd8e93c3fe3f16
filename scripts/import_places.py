#!/usr/bin/env python3
"""Derive city and landmark names from Phoenix's country actors (issue 13, item 1).

Reads `en/Phoenix.Countries.actors.txt` (MIT, Open Event Data Alliance; from CountryInfo.140130) in
../shared/dictionaries: each country block (`BOLIVIA_ [BOL]`) lists its name variants and its main
cities and landmarks (`+LA_PAZ_`, `+COCHABAMBA_`). Writes `src/alianza/data/actors/places.phoenix.tsv`
(name, alpha-3, kind, lat, lon; no coordinates in the source, so those stay empty), with a header
naming the source. The output is committed: a fresh clone needs no shared/ folder.

Why: a bare sector takes the country of the places its article names ("los mineros" in a story
from Oruro are Bolivian), and wire copy names cities the hand-made table lacks. What passes:
- a name the knowledge base does not resolve already (countries, demonyms, our own places win);
- a name in one country's block only (SANTA CRUZ is Bolivian and Spanish: dropped);
- not an adjective or a people word (BOLIVIAN, COLOMBIANOS: demonyms, not places);
- written in title case, so that the resolver takes it only when capitalised in the text;
- a one-word name that is no word of Spanish, English or French (simplemma's dictionaries):
  "Pasto", "Soledad", "Hondo" ("Rincón Hondo" is a Colombian village, "hondo" a word) are dropped,
  at the cost of a few cities whose names the dictionaries list ("Birmingham").
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SOURCE = "en/Phoenix.Countries.actors.txt"
OUT = ROOT / "src" / "alianza" / "data" / "actors" / "places.phoenix.tsv"
_BLOCK = re.compile(r"^([A-Z][A-Z_'.-]+)_\s+\[([A-Z]{3})\]\s*$")
_ALIAS = re.compile(r"^\+([A-Z][A-Z_'.-]+?)_?\s*(?:#.*)?$")
ADJECTIVE_ENDINGS = (
    "AN",
    "ANS",
    "ESE",
    "ISH",
    "IANS",
    "OS",
    "AS",
    "ENSE",
    "ENSES",
    "EÑO",
    "EÑOS",
    "I",
    "IS",
    "ER",
    "ERS",
)
LOWER_PARTICLES = {"de", "del", "la", "las", "los", "el", "y", "of", "the", "da", "do", "dos", "das", "al", "en"}
MIN_LENGTH = 4


def title(name: str) -> str:
    words = name.replace("_", " ").lower().split()
    return " ".join(w if (i and w in LOWER_PARTICLES) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def parse(path: Path) -> dict[str, set[str]]:
    """Alias (as in the file) -> the countries whose blocks list it."""
    out: dict[str, set[str]] = defaultdict(set)
    country: str | None = None  # set only while reading the alias lines right under a country header
    for raw in path.read_bytes().decode("utf-8", errors="replace").splitlines():
        line = raw.strip()
        if m := _BLOCK.match(line):
            country = m.group(2)
        elif country and (m := _ALIAS.match(line)):
            out[m.group(1)].add(country)
        elif line:
            country = None  # a person's entry: its "+" lines are the person's aliases
    return out


def derive(shared: Path) -> list[tuple[str, str]]:
    import simplemma

    from alianza.actors.kb import load_kb
    from alianza.textutil import fold

    kb = load_kb()
    ours = (
        {fold(line.split("\t")[0]) for line in OUT.read_text(encoding="utf-8").splitlines()} if OUT.exists() else set()
    )

    def known(name: str) -> bool:  # by anything but this import itself
        return any(
            not (e.kind == "place" and fold(e.name or "") in ours)
            for lang in ("es", "en", "fr")
            for e in kb.entries(lang, fold(name))
        )

    rows = []
    for alias, countries in sorted(parse(shared / SOURCE).items()):
        if len(countries) != 1 or len(alias) < MIN_LENGTH or alias.endswith(ADJECTIVE_ENDINGS):
            continue
        (country,) = countries
        name = title(alias)
        if country not in kb.country_names or known(name):
            continue
        if " " not in name and any(simplemma.is_known(name.lower(), lang=lg) for lg in ("es", "en", "fr")):
            continue
        rows.append((name, country))
    return rows


def render(rows: list[tuple[str, str]]) -> str:
    head = (
        f"# Places derived by scripts/import_places.py from {SOURCE} (MIT licence,\n"
        "# Copyright (c) 2014 Open Event Data Alliance; CountryInfo.140130). Regenerate; do not edit by hand.\n"
        "# name, alpha-3, kind, lat, lon (the source gives no coordinates). Our places.tsv wins.\n"
    )
    return head + "".join(f"{n}\t{c}\tcity\t\t\n" for n, c in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "dictionaries")
    args = ap.parse_args()
    rows = derive(args.shared)
    OUT.write_text(render(rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} places", file=sys.stderr)


if __name__ == "__main__":
    main()
