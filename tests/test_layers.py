"""The stages never reach up: ingest/, nlp/, actors/ and events/ import neither the store, the
aggregation, the web server nor the command line (DESIGN.md, package layout). Checked on the source
text with `ast`, so an import hidden inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "alianza"
STAGES = ("ingest", "nlp", "actors", "events")
FORBIDDEN = ("store", "aggregate", "serve", "cli", "runner", "scale")


def imported_packages(path: Path) -> set[str]:
    """The top-level alianza packages a module imports (relative or absolute)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    pkg = path.relative_to(SRC).parts[:-1]  # the module's own package below alianza
    out: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                names = [node.module or ""]
            else:
                base = list(pkg[: len(pkg) - (node.level - 1)]) if node.level > 1 else list(pkg)
                mod = [*base, *(node.module.split(".") if node.module else [])]
                if not node.module:  # from .. import store
                    mod_names = [[*base, a.name] for a in node.names]
                    out.update(m[0] for m in mod_names if m)
                    continue
                out.add(mod[0] if mod else "")
                continue
        for n in names:
            parts = n.split(".")
            if parts[0] == "alianza" and len(parts) > 1:
                out.add(parts[1])
    return out


def test_the_checker_sees_relative_absolute_and_nested_imports(tmp_path: Path) -> None:
    mod = SRC / "ingest" / "_probe_for_test.py"
    mod.write_text(
        "from ..store.db import Store\nimport alianza.cli\ndef f():\n    from ..aggregate import clusters\n"
        "from . import dedup\nfrom .. import serve\n",
        encoding="utf-8",
    )
    try:
        got = imported_packages(mod)
    finally:
        mod.unlink()
    assert {"store", "cli", "aggregate", "serve"} <= got
    assert "ingest" in got  # `from . import dedup` is its own package


@pytest.mark.parametrize("stage", STAGES)
def test_stages_do_not_import_the_store_aggregation_serve_or_cli(stage: str) -> None:
    bad = []
    for path in sorted((SRC / stage).rglob("*.py")):
        for pkg in imported_packages(path) & set(FORBIDDEN):
            bad.append(f"{path.relative_to(SRC)} imports {pkg}")
    assert not bad, bad
