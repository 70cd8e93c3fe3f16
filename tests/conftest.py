from __future__ import annotations

from pathlib import Path

import pytest

from alianza.pipeline import Resources

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "seed-article-es.txt"
GOLD = SHARED / "gold" / "dev"


@pytest.fixture(scope="session")
def res() -> Resources:
    return Resources.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    return SEED.read_text(encoding="utf-8")
