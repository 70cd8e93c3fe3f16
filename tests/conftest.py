from __future__ import annotations

from pathlib import Path

import pytest

from alianza.pipeline import Resources

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "seed-article-es.txt"
GOLD = SHARED / "gold" / "dev"
# The public JSON shape of an event (DESIGN.md): every key present, unknown values null.
PUBLIC_EVENT_KEYS = frozenset(
    {
        "type", "mode", "cameo", "quad", "weight", "source", "target", "status", "claimed_by", "date",
        "date_precision", "place", "quantity", "confidence", "evidence", "rule",
    }
)  # fmt: skip


@pytest.fixture(scope="session")
def res() -> Resources:
    return Resources.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store: `alianza ingest examples` into a fresh DuckDB file, once per session."""
    import subprocess
    import sys

    db = tmp_path_factory.mktemp("examples-store") / "examples.duckdb"
    subprocess.run(
        [sys.executable, "-m", "alianza.cli", "ingest", str(ROOT / "examples"), "--db", str(db)],
        check=True,
        capture_output=True,
    )
    return db
