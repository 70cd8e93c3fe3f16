"""JSON Lines dumps (and JSON arrays of objects), with a field mapping for other people's schemas.

A field name may be a dotted path (`meta.published`). A text field holding HTML is extracted like a
page. A broken line is reported with its line number and the rest of the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..types import Rejection
from .html import date_from_url, extract, site_of
from .htmlguard import HtmlTooBig
from .rawdoc import MAX_DOC_CHARS, Origin, RawDoc
from .sniff import HTML, text_format


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which record field holds what. Defaults follow our own `articles --json` output."""

    text: str = "text"
    date: str = "published"
    title: str = "title"
    url: str = "url"
    lang: str = "lang"
    author: str = "author"
    section: str = "section"


def _get(rec: dict[str, Any], path: str) -> Any:
    cur: Any = rec
    for part in path.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def record_doc(rec: Any, where: Origin, fields: FieldMap) -> RawDoc | Rejection:
    if not isinstance(rec, dict):
        return Rejection(where.display, "read", "no_text", f"expected a JSON object, got {type(rec).__name__}")
    text = _get(rec, fields.text)
    if not isinstance(text, str) or not text.strip():
        return Rejection(where.display, "read", "no_text", f"expected a non-empty string in field {fields.text!r}")
    if len(text) > MAX_DOC_CHARS:
        return Rejection(where.display, "read", "too_large", f"{len(text)} characters, limit {MAX_DOC_CHARS}")
    url = _str(_get(rec, fields.url))
    title, author, section = (_str(_get(rec, f)) for f in (fields.title, fields.author, fields.section))
    published = _str(_get(rec, fields.date))
    fmt, clean, lang_hint = "jsonl", bool(rec.get("clean", False)), None
    if text_format(text[:4096]) == HTML:
        try:
            page = extract(text, url)
        except HtmlTooBig as err:
            return Rejection(where.display, "read", err.reason, f"field {fields.text!r}: {err}")
        if page is None:
            return Rejection(where.display, "read", "no_text", f"field {fields.text!r} is HTML without main text")
        text, fmt, lang_hint = page.text, "jsonl+html", page.lang
        title, author = title or page.title, author or page.author
        section, published = section or page.section, published or page.published
    return RawDoc(
        where.display,
        text,
        key=url or where.key,
        lang=_str(_get(rec, fields.lang)),
        lang_hint=lang_hint,
        published=published or date_from_url(url),
        url=url,
        title=title,
        author=author,
        section=section,
        site=site_of(url),
        clean=clean,
        format=fmt,
    )


def read_jsonl(text: str, origin: Origin, fields: FieldMap) -> Iterator[RawDoc | Rejection]:
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = origin.at(f"#line={no}")
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as err:
            yield Rejection(where.display, "read", "bad_json", getattr(err, "msg", str(err)))
            continue
        yield record_doc(rec, where, fields)


def read_json_array(text: str, origin: Origin, fields: FieldMap) -> Iterator[RawDoc | Rejection]:
    try:
        items = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        yield Rejection(origin.display, "read", "bad_json", getattr(err, "msg", str(err)))
        return
    if not isinstance(items, list):
        items = [items]
    for n, rec in enumerate(items, start=1):
        yield record_doc(rec, origin.at(f"#item={n}"), fields)
