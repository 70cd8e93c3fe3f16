"""No module under src/alianza/ holds a word list of a natural language: words are data
(`data/lang/<lang>.yaml`, `data/pages/<lang>.yaml`, the lexicons), so a new language is data.

The scan reads every .py file's syntax tree and flags a set, list, tuple or frozenset literal, or a
regular expression's alternation, with 3 or more lowercase words of which 3 or more are words the
language files know (prepositions, articles, cue words): the shape a word list takes when it slips
back into code. Dependency labels, file kinds and option names are not language words and pass.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import yaml

import alianza

SRC = Path(alianza.__file__).parent
WORD = re.compile(r"^[^\W\d_][^\W\d_' -]*(?:['’][^\W\d_]*)?(?: [^\W\d_]+)*$")
ALTERNATION = re.compile(r"\(\?:([^()]*)\)")

# What must stay code, by file and the name it is bound to, with the reason.
ALLOWED: dict[tuple[str, str], str] = {
    ("ingest/langid.py", "*"): "ISO 639-1 codes of the languages detected, not words",
    ("ingest/htmlguard.py", "_NO_NESTING"): "HTML element names (col, hr, th), not words",
    ("aggregate/config.py", "PERIODS"): "period names of the aggregation's options (day, week, ...)",
    ("cli/export.py", "export"): "choices of --period, the same period names",
    ("cli/query.py", "dyads"): "choices of --period, the same period names",
    ("types.py", "Precision"): "a date's precision, a field value of the output",
    ("ingest/pagewords.py", "LIST_KEYS"): "the schema's key names of data/pages/<lang>.yaml",
    ("ingest/pagewords.py", "RELATIVE_KEYS"): "the schema's key names of data/pages/<lang>.yaml",
    ("ingest/pagewords.py", "UNIT_VALUES"): "the schema's unit names of data/pages/<lang>.yaml",
    ("ingest/pagewords.py", "HTML_KEYS"): "the schema's key names of data/pages/html.yaml",
    ("events/lexicon.py", "DEFAULT_SLOTS"): "slot names (governor, amod, poss), not words",
    ("nlp/langdata.py", "REQUIRED"): "the schema's key names of data/lang/<lang>.yaml",
    ("ingest/htmlmeta.py", "read_meta"): "TO MOVE: the joiners of several authors in a meta tag (and, y, et)",
}


@cache
def language_words() -> frozenset[str]:
    """Every word the language files list (their lowercase strings, keys and values)."""
    out: set[str] = set()

    def walk(x: object) -> None:
        # words are list items and the keys of word -> value maps ("al": "a", "dos": 2); the keys
        # of the schema (mappings of lists) and the unit names of `units` are not
        if isinstance(x, list):
            for v in x:
                if isinstance(v, str):
                    out.add(v.lower())
                else:
                    walk(v)
        elif isinstance(x, dict):
            for k, v in x.items():
                if isinstance(v, str | int):
                    out.add(str(k).lower())
                else:
                    walk(v)

    for path in sorted((SRC / "data" / "lang").glob("*.yaml")) + sorted((SRC / "data" / "pages").glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, value in raw.items():
            if key not in ("lang", "spacy_model", "version"):
                walk(value)
    # the labels of the models' dependency schemes and the syntax keys are names, not language words
    syntax_labels = {"subj", "obj", "iobj", "case", "clause_deps", "inherit_deps", "light_obl"}
    for path in sorted((SRC / "data" / "lang").glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in syntax_labels:
            for label in (raw.get("syntax") or {}).get(key, []) + (raw.get(key) or []):
                out.discard(str(label).lower())
    return frozenset(out)


def _binding(tree: ast.AST) -> dict[int, str]:
    """Each node's id -> the name of the assignment or function it sits in."""
    names: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.FunctionDef | ast.ClassDef):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                name = node.name
            else:
                target = node.targets[0] if isinstance(node, ast.Assign) else node.target
                name = target.id if isinstance(target, ast.Name) else ast.unparse(target)
            for sub in ast.walk(node):
                names.setdefault(id(sub), name)
    return names


def word_lists(source: str) -> list[tuple[int, str, list[str]]]:
    """(line, the name it is bound to, the language words) of each word list in `source`."""
    known = language_words()
    tree = ast.parse(source)
    names = _binding(tree)
    found = []
    for node in ast.walk(tree):
        groups: list[list[str]] = []
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            groups.append([e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
            groups += [g.split("|") for g in ALTERNATION.findall(node.value)]
        for words in groups:
            lowered = [w for w in words if WORD.match(w) and w == w.lower()]
            hits = [w for w in lowered if w in known]
            if len(lowered) >= 3 and len(hits) >= 3:
                found.append((getattr(node, "lineno", 0), names.get(id(node), "<module>"), hits))
    return found


def scan(root: Path) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        for line, name, words in word_lists(path.read_text(encoding="utf-8")):
            if (rel, name) in ALLOWED or (rel, "*") in ALLOWED:
                continue
            problems.append(f"{rel}:{line} ({name}): {words[:6]}")
    return problems


def test_no_module_holds_a_word_list_of_a_natural_language() -> None:
    problems = scan(SRC)
    assert not problems, "word lists in code (move them to data/lang/<lang>.yaml):\n" + "\n".join(problems)


def test_the_scan_catches_a_planted_word_list(tmp_path: Path) -> None:
    (tmp_path / "planted.py").write_text(
        'import re\nPREPS = frozenset({"de", "en", "por", "contra"})\n'
        'GAP = re.compile(r"^\\s+(?:of|de|del)\\s+$")\n'
        'LABELS = ("nsubj", "obj", "iobj")\n',
        encoding="utf-8",
    )
    problems = scan(tmp_path)
    assert len(problems) == 2, problems
    assert any("PREPS" in p for p in problems) and any("GAP" in p for p in problems)


def test_the_allow_list_names_its_reasons() -> None:
    assert all(reason.strip() for reason in ALLOWED.values())
