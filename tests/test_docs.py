"""Docs drift: the README's command table, docs/ and `alianza --help` say the same thing. Generic:
whatever commands are registered, the table must list them and only them."""

from __future__ import annotations

import re

from click.testing import CliRunner

from alianza.aggregate.export import PAIRS
from alianza.aggregate.rows import EVENT_ROW_COLUMNS
from alianza.cli import cli

from .conftest import ROOT


def readme_commands() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Command line", 1)[1].split("\n## ", 1)[0]
    first_cells = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `alianza")]
    return {m for cell in first_cells for m in re.findall(r"`alianza ([a-z][a-z-]*)", cell)}


def test_readme_command_table_matches_alianza_help() -> None:
    out = CliRunner().invoke(cli, ["--help"]).output
    listed = set(re.findall(r"^  ([a-z][a-z-]*)  ", out.split("Commands:", 1)[1], flags=re.M))
    assert listed == set(cli.commands)
    assert readme_commands() == listed, "README's command table and `alianza --help` differ"


def test_every_help_has_an_example_and_its_options_say_their_choices() -> None:
    runner = CliRunner()
    for name, cmd in cli.commands.items():
        out = runner.invoke(cli, [name, "--help"]).output
        assert "Example" in out, f"`alianza {name} --help` has no example"
        for p in cmd.params:
            if getattr(p, "type", None) is not None and p.type.name == "choice" and p.opts[0] != "--help":
                assert all(c in out for c in p.type.choices), (name, p.opts)  # type: ignore[attr-defined]


def test_shifts_help_lists_no_option_it_refuses() -> None:
    out = CliRunner().invoke(cli, ["shifts", "--help"]).output
    assert "--from" not in out and "--to" in out


def test_docs_name_every_event_column_and_export_pair() -> None:
    events = (ROOT / "docs" / "events.md").read_text(encoding="utf-8")
    missing = [
        c
        for c in EVENT_ROW_COLUMNS
        if f"`{c}`" not in events and c not in ("target_country", "target_sector", "target_name", "target_text")
    ]
    assert not missing, missing
    exports = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    for fmt, whats in PAIRS.items():
        assert f"| `{fmt}` | {', '.join(whats)} |" in exports, fmt
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\((docs/[^)#]+)", readme):
        assert (ROOT / link).is_file(), link
    assert "DESIGN.md" not in readme and "DEPENDENCIES.md" not in readme


def test_alianza_alone_prints_its_help() -> None:
    for args in ([], ["kb"]):
        out = CliRunner().invoke(cli, args)
        assert out.exit_code == 0 and out.stdout.startswith("Usage: alianza"), out.output
