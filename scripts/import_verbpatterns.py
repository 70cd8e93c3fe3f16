#!/usr/bin/env python3
"""Derive trigger entries from the field's verb dictionaries (issue 13, item 1).

Reads UniversalPetrarch's Spanish verb patterns (`es/verbpatterns_es_190128.txt`) and PETRARCH2's
English ones (`en/CAMEO.verbpatterns.150430.txt`), MIT (Open Event Data Alliance), with the
PLOVER table `plover/CAMEO2PLOVER-2021.txt` (CC BY-SA 4.0), from ../shared/dictionaries, and writes
`src/alianza/data/lexicons/<lang>/<type>.dict.yaml`, one file per PLOVER type, every entry with
the dictionary group or synonym set it came from. The output is committed: a fresh clone needs no
shared/ folder.

Why reviewed and not wholesale: a verb group of these files gathers WordNet synonyms under one
code (the PROTESTAR group holds RECHAZAR, PEDIR and EXIGIR; SUBIR is under 145, riot), so a bulk
import of every member with its group's code would bury the coder in false alarms
(UniversalPetrarch itself: three false alarms per true event on protest news). So:
- `--candidates` lists every group head and synonym-set member with the PLOVER type and mode its
  patterns give (CAMEO code -> PLOVER type by CAMEO2PLOVER, mode by our ontology's CAMEO codes),
  for a reviewer;
- `verbpatterns_review.tsv` says which to take (lang, source, lemma, pos, type, mode, options);
- an accepted verb takes its `requires` words from the dictionary: the content words of its own
  patterns of that code, with synonym sets expanded ("PARALIZAR * &LUGAR [144]" gives
  carretera, puente, calle...); an accepted noun is a member of a synonym set (&PROTESTA);
- entries the hand-written lexicon already covers are skipped: ours win.
The dictionary proposes a trigger; the coder's argument and modality rules decide.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SOURCES = {"es": "es/verbpatterns_es_190128.txt", "en": "en/CAMEO.verbpatterns.150430.txt"}
PLOVER_TABLE = "plover/CAMEO2PLOVER-2021.txt"
REVIEW_FILE = Path(__file__).with_name("verbpatterns_review.tsv")
LEXICONS = ROOT / "src" / "alianza" / "data" / "lexicons"
STOP = {
    "es": {
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "de",
        "del",
        "a",
        "al",
        "en",
        "con",
        "por",
        "para",
        "y",
        "o",
        "que",
        "se",
        "su",
        "sus",
        "lo",
        "le",
        "les",
    },
    "en": {
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "and",
        "or",
        "that",
        "its",
        "their",
        "his",
        "her",
    },
}
MAX_REQUIRES = 40


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


@dataclass
class Group:
    head: str
    code: str
    members: list[str] = field(default_factory=list)
    patterns: list[tuple[list[str], str]] = field(default_factory=list)


@dataclass
class Dictionary:
    groups: list[Group]
    synsets: dict[str, list[str]]


_HEAD = re.compile(r"^---\s*(\S+)\s*\[([^\]]*)\]")
_PATTERN = re.compile(r"^-\s*(.*?)\s*\[([^\]]*)\]")


def parse(path: Path) -> Dictionary:
    """Synonym sets (`&NAME` then `+MEMBER` lines) and verb groups (`--- NAME [code] ---`, verbs, `- pattern [code]`)."""
    groups: list[Group] = []
    synsets: dict[str, list[str]] = defaultdict(list)
    cur: Group | None = None
    syn: str | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = _HEAD.match(line)
        if m:
            cur, syn = Group(head="", code=m.group(2).strip()), None
            groups.append(cur)
            continue
        if line.startswith("&") and cur is None and " " not in line:
            syn = line[1:]
            continue
        if line.startswith("+") and syn is not None and cur is None:
            synsets[syn].append(line[1:].replace("_", " ").lower())
            continue
        if cur is None:
            continue
        pm = _PATTERN.match(line)
        if pm:
            cur.patterns.append((pm.group(1).split(), pm.group(2).strip()))
        elif not line.startswith(("-", "+", "&", "!")):
            word = line.split()[0].lower()
            if re.fullmatch(r"[^\W\d_]+", word):
                cur.members.append(word)
                cur.head = cur.head or word
    return Dictionary(groups, dict(synsets))


def plover_table(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+):\s*([A-Z]+)", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def plover_of(code: str, table: dict[str, str], modes: dict[str, dict[str, str]]) -> tuple[str, str | None] | None:
    """A CAMEO code to (PLOVER type, mode or None); codes 01/02 (statements, appeals) have no type."""
    code = code.split(":")[0].strip()
    if not code.isdigit():
        return None
    for k in (code, code[:3], code[:2]):
        if k in table:
            t = table[k]
            by_code = modes.get(t, {})
            mode = next((m for c in (code, code[:3]) for m, mc in by_code.items() if mc == c), None)
            return t, mode
    return None


def _ontology_modes() -> dict[str, dict[str, str]]:
    from alianza.events.ontology import load_ontology

    return {name: {m: md.cameo for m, md in t.modes.items()} for name, t in load_ontology().items()}


def _content_words(tokens: list[str], d: Dictionary, lang: str) -> list[str]:
    out = []
    after = False
    for tok in tokens:
        if tok == "*":
            after = True
            continue
        if not after:
            continue
        if tok.startswith("&") and tok[1:] in d.synsets and tok[1:] not in ("ARTICULO", "PREPOSICION"):
            out.extend(m.split()[-1] for m in d.synsets[tok[1:]])
        elif re.fullmatch(r"[^\W\d_]+", tok) and tok.lower() not in STOP[lang]:
            out.append(tok.lower())
    return out


def candidates(lang: str, shared: Path) -> list[dict[str, Any]]:
    d = parse(shared / SOURCES[lang])
    table, modes = plover_table(shared / PLOVER_TABLE), _ontology_modes()
    rows = []
    for g in d.groups:
        if not g.head:
            continue
        codes = Counter(c for _p, c in g.patterns)
        if g.code not in ("", "---"):
            codes[g.code] += 1
        for code, n in codes.most_common():
            pm = plover_of(code, table, modes)
            if pm:
                rows.append({"source": f"group {g.head.upper()} [{g.code}]", "lemma": g.head, "pos": "verb",
                             "type": pm[0], "mode": pm[1], "cameo": code, "patterns": n})  # fmt: skip
    for name, members in d.synsets.items():
        for m in members:
            rows.append({"source": f"&{name}", "lemma": m, "pos": "noun", "type": None, "mode": None, "cameo": None,
                         "patterns": 0})  # fmt: skip
    return rows


@dataclass(frozen=True)
class Accepted:
    lang: str
    source: str  # "group HEAD" or "&SYNSET"
    lemma: str
    pos: str
    type: str
    mode: str | None
    options: dict[str, Any]


def read_review(lang: str) -> list[Accepted]:
    out = []
    for no, line in enumerate(REVIEW_FILE.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 7:
            raise SystemExit(f"{REVIEW_FILE}:{no}: expected 7 tab-separated columns, got {len(cols)}")
        lg, source, lemma, pos, etype, mode, options = cols
        if lg == lang:
            out.append(Accepted(lg, source, lemma, pos, etype, mode or None, json.loads(options or "{}")))
    return out


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


def derive(lang: str, shared: Path) -> dict[str, list[dict[str, Any]]]:
    """PLOVER type -> entries (dicts in the lexicon schema, plus `from`), from the reviewed candidates."""
    from alianza.events.lexicon import load_lexicon

    d = parse(shared / SOURCES[lang])
    table, modes = plover_table(shared / PLOVER_TABLE), _ontology_modes()
    ours = {(e.type, lem) for e in load_lexicon(lang).entries if ".dict." not in e.rule for lem in e.lemmas}
    by_head: dict[str, Group] = {}
    for g in d.groups:  # a head may open several groups: their patterns together
        if g.head:
            merged = by_head.setdefault(g.head, Group(g.head, g.code))
            merged.patterns += g.patterns
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for acc in read_review(lang):
        entry: dict[str, Any] = {"id": f"{_slug(acc.lemma)}-{acc.type.lower()}", "pos": acc.pos}
        if acc.source.startswith("&"):
            members = d.synsets.get(acc.source[1:], [])
            forms = {fold(acc.lemma) + end for end in ("", "s", "es")}
            lemmas = sorted({m for m in members if fold(m) in forms})
            if not lemmas:
                raise SystemExit(f"{acc.lemma!r} is no member of {acc.source} in {SOURCES[lang]}")
            entry["lemmas"] = lemmas
            origin = f"{SOURCES[lang]} {acc.source}"
        else:
            g = by_head.get(acc.source.removeprefix("group ").lower())
            if g is None:
                raise SystemExit(f"no verb group {acc.source!r} in {SOURCES[lang]}")
            entry["lemmas"] = [acc.lemma, *acc.options.get("lemmas_extra", [])]
            words: list[str] = []
            for toks, code in g.patterns:
                pm = plover_of(code, table, modes)
                if pm and pm[0] == acc.type and (acc.mode is None or pm[1] == acc.mode):
                    words += _content_words(toks, d, lang)
            if words and not acc.options.get("no_requires"):
                entry["requires"] = sorted(set(words), key=lambda w: (-words.count(w), w))[:MAX_REQUIRES]
            origin = f"{SOURCES[lang]} group {g.head.upper()} [{g.code}]"
        if all((acc.type, fold(lem)) in ours for lem in entry["lemmas"]):
            continue
        if acc.mode:
            entry["mode"] = acc.mode
        entry.update({k: v for k, v in acc.options.items() if k not in ("no_requires", "lemmas_extra")})
        entry["from"] = origin
        out[acc.type].append(entry)
    return dict(out)


def render(lang: str, entries: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """File name -> text of each `<type>.dict.yaml` (JSON flow mappings are YAML)."""
    out = {}
    for etype, rows in sorted(entries.items()):
        lines = [
            f"# Derived by scripts/import_verbpatterns.py from {SOURCES[lang]} (MIT licence,",
            "# Copyright (c) 2014 Open Event Data Alliance) and plover/CAMEO2PLOVER-2021.txt (CC BY-SA 4.0),",
            "# through our review (scripts/verbpatterns_review.tsv). Regenerate; do not edit by hand.",
            "version: 1",
            f"lang: {lang}",
            f"type: {etype}",
            "entries:",
        ]
        for e in rows:
            body = {k: v for k, v in e.items() if k != "from"}
            lines.append(f"  # from {e['from']}")
            lines.append("  - " + json.dumps(body, ensure_ascii=False))
        out[f"{etype.lower()}.dict.yaml"] = "\n".join(lines) + "\n"
    return out


def write(lang: str, files: dict[str, str]) -> list[Path]:
    folder = LEXICONS / lang
    for old in folder.glob("*.dict.yaml"):
        old.unlink()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / n for n in files]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=sorted(SOURCES))
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "dictionaries")
    ap.add_argument("--candidates", action="store_true", help="List what the dictionary proposes (TSV), write nothing.")
    args = ap.parse_args()
    if args.candidates:
        for r in candidates(args.lang, args.shared):
            print("\t".join(str(r[k] or "") for k in ("source", "lemma", "pos", "type", "mode", "cameo", "patterns")))
        return
    for path in write(args.lang, render(args.lang, derive(args.lang, args.shared))):
        print(path, file=sys.stderr)


if __name__ == "__main__":
    main()
