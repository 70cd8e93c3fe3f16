"""RSS and Atom feeds with feedparser: one article per entry, with its link, date and text.

An entry's full content is preferred to its summary. A date feedparser cannot read is dropped, not
guessed (the HTML or the URL may still give one); the entry itself is kept.
"""

from __future__ import annotations

import datetime as dt
import time
import warnings
from collections.abc import Iterator
from typing import Any

from ..types import Rejection
from .html import date_from_url, site_of, to_text
from .rawdoc import Origin, RawDoc


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        with warnings.catch_warnings():  # feedparser warns about its own updated->published fallback
            warnings.simplefilter("ignore", DeprecationWarning)
            st = entry.get(key)
        if isinstance(st, time.struct_time):
            try:
                return dt.date(st.tm_year, st.tm_mon, st.tm_mday).isoformat()
            except ValueError:
                continue
    return None


def read_feed(data: bytes, origin: Origin) -> Iterator[RawDoc | Rejection]:
    import feedparser

    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except Exception as err:  # feedparser is meant not to raise; a bug there must not end the batch
        yield Rejection(origin.display, "read", "bad_feed", f"{type(err).__name__}: {err}")
        return
    entries = parsed.get("entries") or []
    if not entries:
        why = str(parsed.get("bozo_exception") or "no entries")
        yield Rejection(origin.display, "read", "bad_feed", why)
        return
    feed_lang = (parsed.get("feed", {}).get("language") or "")[:2].lower() or None
    for n, entry in enumerate(entries, start=1):
        where = origin.at(f"#entry={n}")
        link = entry.get("link") or None
        html = ""
        for c in entry.get("content") or []:
            if len(c.get("value") or "") > len(html):
                html = c["value"]
        if len(entry.get("summary") or "") > len(html):
            html = entry["summary"]
        text = to_text(html) if html else ""
        if not text.strip():
            yield Rejection(where.display, "read", "no_text", "the entry has neither content nor summary")
            continue
        tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
        yield RawDoc(
            where.display,
            text,
            key=link or where.key,
            lang_hint=feed_lang,
            published=_date(entry) or date_from_url(link),
            url=link,
            title=(entry.get("title") or "").strip() or None,
            author=(entry.get("author") or "").strip() or None,
            section=tags[0] if tags else None,
            site=site_of(link),
            clean=False,
            format="feed",
        )
