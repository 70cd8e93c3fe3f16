#!/usr/bin/env python3
"""Derive sector nouns from the field's agent dictionaries (issue 13, item 1).

Reads UniversalPetrarch's Spanish agents (`es/agents_181220.txt`) or Phoenix's English agents
(`en/Phoenix.agents.txt`), both MIT (Open Event Data Alliance), from ../shared/dictionaries, and
writes `src/alianza/data/actors/sectors/<lang>.agents.tsv`: form, sector, with a header naming the
source file, its licence and this script. The output is committed: a fresh clone needs no shared/.

The agent files are large and noisy (WordNet translations: "VIA_AEREA_(ANATOMÍA) [~BUS]", one
form under two codes). What passes, and why:
- a form of one word, letters only (no parentheses, digits, substitution sets): phrases are
  titles the resolver already builds from a sector noun and its modifiers, and the two-word
  forms of these files are mostly WordNet glosses of things ("camion cisterna", "difusión publica");
- a sector of people in the street, not of the state (GOV, LEG, JUD, MIL, SPY, COP are ours by
  hand: the state's titles are many and the files' guesses for them are poorest);
- a word that names people: an agentive ending (-ero, -ista, -or, -nte, -ado, -ino, -ano ...;
  not -ico/-ica, mostly relational adjectives: "étnicos" would split "rusos étnicos de Letonia"; -er, -ist, -ian, -ant, -ee ... in English) or a word of PEOPLE_NOUNS; nouns of
  things and fields ("productos agrícolas", "biotecnología") name no side;
- one sector: the first three letters of the CAMEO agent code (GOVEDU is a government body, GOV),
  religions (JEW, MUS, CHR, HIN, BUD) as REL, HRI as NGO; a form under two sectors is dropped
  unless agents_review.tsv settles it; codes alianza has no sector for (RAD, DEV) are dropped;
- not a form our own hand-made table already lists (ours win);
- agents_review.tsv: our corrections, read after checking the output by eye ("abogados" are JUD, not GOV;
  "jubilados" are civilians, not elites; "presos" are CRM, not police).
Every form is written with the third column `adj`: it names people only after a determiner, a
number or a preposition ("los colonos", "500 mineros", "decenas de pescadores") or at the start
of a sentence, as our own adjective-like sector words do; many forms of these files are adjectives
too ("periodística", "islámicos"). Regular plurals are generated (the agent files list singulars only, as PETRARCH adds plurals).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from alianza.actors.kb import SECTORS  # noqa: E402

SOURCES = {"es": "es/agents_181220.txt", "en": "en/Phoenix.agents.txt"}
STATE = {"GOV", "LEG", "JUD", "MIL", "SPY", "COP"}
RELIGIONS = {"JEW", "MUS", "CHR", "HIN", "BUD"}
RENAMED = {"HRI": "NGO"} | {r: "REL" for r in RELIGIONS}
ENDINGS = {
    "es": ("ero", "era", "ista", "or", "ora", "nte", "ado", "ino", "ano", "ario", "aria", "ense", "triz", "eño",
           "eña"),
    "en": ("er", "ist", "ian", "ant", "ent", "ee", "or", "man", "men", "ive", "ite", "ic"),
}  # fmt: skip
PEOPLE_NOUNS = {
    "es": {"colono", "preso", "reo", "monje", "cura", "obispo", "clérigo", "rabino", "imán", "piloto",
           "pastor", "jefe", "líder", "juez", "fiscal", "ciudadano", "vecino", "colega", "miembro"},
    "en": {"settler", "monk", "priest", "bishop", "rabbi", "imam", "pilot", "judge", "citizen", "chief"},
}  # fmt: skip
REVIEW_FILE = Path(__file__).with_name("agents_review.tsv")


def review(lang: str) -> dict[str, str | None]:
    """Our corrections (agents_review.tsv): folded form -> sector, or None to drop it."""
    out: dict[str, str | None] = {}
    for line in REVIEW_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lg, form, sector = line.split("\t")
            if lg == lang:
                out[fold(form)] = None if sector == "DROP" else sector
    return out


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


def plural(word: str, lang: str) -> str:
    if lang == "en":
        if word.endswith("man"):
            return word[:-3] + "men"
        if word.endswith(("s", "x", "ch", "sh")):
            return word + "es"
        return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
    if word.endswith("z"):
        return word[:-1] + "ces"
    if word.endswith(("ón", "on")) and not word.endswith("ones"):
        return fold(word)[:-2] + "ones"
    return word + ("s" if word[-1] in "aeiouáéó" else "es")


LINE = re.compile(r"^([^#!\s\[][^\[{]*?)\s*(?:\{[^}]*\})?\s*\[~?([A-Z]{3,6})\]\s*(?:#.*)?$")


def parse(path: Path) -> dict[str, set[str]]:
    """form (lower case, spaces) -> the sector codes the file gives it."""
    out: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = LINE.match(line.strip())
        if not m:
            continue
        form = m.group(1).strip().strip("_").replace("_", " ").lower()
        code = m.group(2)[:3]
        code = RENAMED.get(code, code)
        if code in SECTORS and code != "IGO":
            out[form].add(code)
    return out


def names_people(form: str, lang: str) -> bool:
    head = fold(form.split()[0])
    if lang == "es" and head.endswith(("mente", "ico", "ica", "icos", "icas")):
        return False  # adverbs, and relational adjectives ("étnicos", "islámicas") that a noun governs
    return head in {fold(w) for w in PEOPLE_NOUNS[lang]} or head.endswith(tuple(fold(e) for e in ENDINGS[lang]))


def existing(lang: str) -> set[str]:
    path = ROOT / "src" / "alianza" / "data" / "actors" / "sectors" / f"{lang}.tsv"
    return {fold(x.split("\t")[0]) for x in path.read_text(encoding="utf-8").splitlines() if x and x[0] != "#"}


def derive(lang: str, shared: Path) -> list[tuple[str, str]]:
    forms = parse(shared / SOURCES[lang])
    reviewed = review(lang)
    ours = existing(lang)
    rows: dict[str, str] = {}
    for form, codes in sorted(forms.items()):
        words = form.split()
        if len(words) != 1 or not all(re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)?", w) for w in words):
            continue
        key = fold(form)
        sector = reviewed.get(key, "?")
        if sector == "?":
            if len(codes) != 1 or not names_people(form, lang) or len(key) < 4:
                continue
            sector = next(iter(codes))
            if sector in STATE:
                continue
        if sector is None:
            continue
        for f in (form, plural(form, lang) if len(words) == 1 else form):
            if fold(f) not in ours and (fold(f) not in reviewed or f == form):
                rows.setdefault(f, sector)
    return sorted(rows.items())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=sorted(SOURCES))
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "dictionaries")
    args = ap.parse_args()
    rows = derive(args.lang, args.shared)
    out = ROOT / "src" / "alianza" / "data" / "actors" / "sectors" / f"{args.lang}.agents.tsv"
    head = (
        f"# Sector nouns ({args.lang}) derived by scripts/import_agents.py from {SOURCES[args.lang]}\n"
        "# (the field's agent dictionary; MIT licence, Copyright (c) 2014 Open Event Data Alliance).\n"
        "# Regenerate with the script; do not edit by hand: corrections go into scripts/agents_review.tsv.\n"
        f"# Our own sectors/{args.lang}.tsv wins where both list a form. Columns: form, sector, adj (every\n"
        "# imported form names people only after a determiner, number or preposition: see the script).\n"
    )
    out.write_text(head + "".join(f"{f}\t{s}\tadj\n" for f, s in rows), encoding="utf-8")
    print(f"{out}: {len(rows)} forms", file=sys.stderr)


if __name__ == "__main__":
    main()
