"""What the coder tests share: code a text, pick an event of a type, read a side's code."""

from __future__ import annotations

from typing import Any

import alianza
from alianza.pipeline import Resources
from alianza.serialize import event_json


def events(text: str, lang: str, res: Resources, published: str = "2025-08-12") -> list[dict[str, Any]]:
    coded = alianza.code_text(text, lang=lang, published=published, clean=False, resources=res)
    return [event_json(e) for e in coded.events]


def one(evs: list[dict[str, Any]], etype: str) -> dict[str, Any]:
    found = [e for e in evs if e["type"] == etype]
    assert found, f"no {etype} in {[(e['type'], e['rule']) for e in evs]}"
    return found[0]


def code_of(side: dict[str, Any] | None) -> str | None:
    return side["code"] if side else None
