from __future__ import annotations

import pytest

from alianza.actors import load_kb
from alianza.actors.kb import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()
