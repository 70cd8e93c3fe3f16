"""Checking a user's own knowledge folder (`alianza kb validate DIR`) with the loaders that read it
for real, so that what validates is what loads: every problem with its file, line and reason."""

from __future__ import annotations

from pathlib import Path

from .datafiles import Problem
from .errors import DataError

TOP = ("actors", "lexicons")


def _problem(err: DataError, path: Path) -> Problem:
    head, _, rest = str(err).partition(": ")
    file, _, line = head.rpartition(":")
    return Problem(file or str(path), int(line) if line.isdigit() else 0, rest or str(err))


def validate_overlay(root: Path) -> tuple[list[Problem], dict[str, int]]:
    """(problems, counts of the files read per kind) for a knowledge folder."""
    from .actors.kb import build_kb
    from .events.lexicon import lexicon_file
    from .nlp.langdata import available_languages

    problems: list[Problem] = []
    counts: dict[str, int] = {}
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.name not in TOP or not entry.is_dir():
            problems.append(Problem(str(entry), 0, f"unknown entry: expected the folders {' and '.join(TOP)}"))
    if (root / "actors").is_dir():
        _kb, found = build_kb(overlay=root)
        problems += found
        counts["actors"] = sum(1 for p in (root / "actors").rglob("*") if p.is_file())
    langs = set(available_languages())
    lex = root / "lexicons"
    for folder in sorted(lex.iterdir()) if lex.is_dir() else []:
        if folder.name not in langs:
            problems.append(
                Problem(
                    str(folder),
                    0,
                    f"no pipeline for language {folder.name!r}: expected one of {', '.join(sorted(langs))}",
                )
            )
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix != ".yaml":
                problems.append(Problem(str(path), 0, "expected a .yaml lexicon file"))
                continue
            try:
                entries = lexicon_file(path, folder.name, problems)
            except DataError as err:
                problems.append(_problem(err, path))
                continue
            counts["lexicon entries"] = counts.get("lexicon entries", 0) + len(entries)
    return problems, counts
