"""Page gold records: a saved page (plain text or HTML) and the article fields expected of it.

A record names its page file (`"page": "es-t1-diario-nacional.txt"`, relative to the gold file) or
holds the page in `text`; `article` holds the expected fields in the seed record's format
(shared/gold/README.md) plus `dateline`. A page record without `events` is scored on its fields
only: it is not coded, and it counts in no event figure.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..errors import AlianzaError
from ..ingest.html import extract
from ..ingest.sniff import HTML, text_format
from ..pipeline import make_article
from ..types import Article

ARTICLE_CHECKS = ("title", "author", "section", "published", "deck", "body_starts", "body_ends", "boilerplate")


def page_text(rec: dict[str, Any], gold_path: Path) -> str:
    """The record's page: its `page` file (next to the gold file) or its `text`."""
    if "page" not in rec:
        return str(rec.get("text") or "")
    path = gold_path.parent / str(rec["page"])
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise AlianzaError(f"{gold_path}: record {rec.get('id')!r}: cannot read page {path}: {err}") from err


def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def page_article(raw: str, *, lang: str | None = None, source: str | None = None, url: str | None = None) -> Article:
    """The Article an ingest makes of one saved page: HTML through the extractor, text through the cleaner."""
    if text_format(raw[:4096]) == HTML:
        page = extract(raw, url, lang=lang)
        if page is not None:
            return make_article(
                page.text,
                lang=lang,
                lang_hint=page.lang,
                clean=False,
                source=source,
                url=url,
                title=page.title,
                author=page.author,
                section=page.section,
                published=_iso(page.published),
            )
    return make_article(raw, lang=lang, clean=True, source=source, url=url)
