"""`alianza kb validate DIR`: check a folder of one's own knowledge before an ingest reads it."""

from __future__ import annotations

from pathlib import Path

import click

from .common import echo_json, fail


@click.group()
def kb() -> None:
    """Your own knowledge: people, groups, places and trigger words merged over the packaged data.

    Give the folder to ingest, code and eval with --kb-dir DIR or $ALIANZA_KB (docs/knowledge.md).

    \b
    Example:
      alianza kb validate my-kb/
    """


@kb.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per problem, then a summary object.")
def validate(folder: Path, as_json: bool) -> None:
    """Check FOLDER (actors/*.yaml|tsv, lexicons/LANG/*.yaml) with the loaders that read it: every
    problem with its file, line and reason; exit code 1 when there is one.

    \b
    Example:
      alianza kb validate my-kb/ && alianza ingest news/ --kb-dir my-kb/
    """
    from ..overlay import validate_overlay

    if not folder.is_dir():
        fail(f"{folder}: no such folder (expected a folder with actors/ and/or lexicons/)")
    problems, counts = validate_overlay(folder)
    for p in problems:
        if as_json:
            echo_json({"file": p.path, "line": p.line, "reason": p.message})
        else:
            click.echo(str(p))
    read = ", ".join(f"{k} {v}" for k, v in counts.items()) or "nothing to read"
    if as_json:
        echo_json({"folder": str(folder), "problems": len(problems), **counts})
    else:
        click.echo(f"{folder}: {len(problems)} problem(s); read {read}", err=True)
    raise SystemExit(1 if problems else 0)
