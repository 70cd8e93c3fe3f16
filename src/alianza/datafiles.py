"""Loading knowledge files (YAML/TSV) from the package with problems gathered, not raised one by one."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def data_dir() -> Path:
    return Path(str(resources.files("alianza") / "data"))


def load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise DataError(f"{path}:{line}: not valid YAML: {err}") from err


def read_tsv(path: Path) -> list[tuple[int, list[str]]]:
    """Rows of a TSV file with their line numbers; `#` comments and blank lines skipped."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rows.append((no, [c.strip() for c in line.split("\t")]))
    return rows


def raise_problems(problems: list[Problem]) -> None:
    if problems:
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise DataError(f"{len(problems)} problem(s) in the knowledge files:\n{shown}{more}")
