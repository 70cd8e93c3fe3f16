"""Loading knowledge files (YAML/TSV) from the package with problems gathered, not raised one by one."""

from __future__ import annotations

import re
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


class _Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 booleans: only true/false. In YAML 1.1 the words `on` and `no` (a preposition and
    the Spanish negation, both in our lexicons) would load as booleans."""


_Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Yaml12Loader)  # noqa: S506 - a SafeLoader subclass
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


OVERLAY_ENV = "ALIANZA_KB"


def overlay_dir() -> Path | None:
    """The user's own knowledge (`--kb-dir DIR` or `$ALIANZA_KB`): files in the layout and formats of
    the packaged `data/` folder (`actors/people.yaml`, `lexicons/es/consult.yaml`, ...), loaded after
    the packaged files and merged over them (docs/knowledge.md)."""
    import os

    value = os.environ.get(OVERLAY_ENV)
    return Path(value) if value else None


def item_lines(path: Path, key: str) -> list[int]:
    """The line (1-based) where each item of the top-level list `key` starts, so that a problem
    with the 3rd person names its line, not the file alone; empty when the file does not parse."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)  # noqa: S506
    except (yaml.YAMLError, OSError):
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for k, v in root.value:
        if getattr(k, "value", None) == key and isinstance(v, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in v.value]
    return []


def line_of(lines: list[int], index: int) -> int:
    return lines[index] if 0 <= index < len(lines) else 0
