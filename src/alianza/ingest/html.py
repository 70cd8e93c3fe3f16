"""Main text and metadata of an HTML page, with trafilatura (DEPENDENCIES.md has the measured settings).

Precision mode drops reader comments and runs faster on big pages; the date search is restricted so
that a "© 2025" footer never becomes 2025-01-01 (no date is better than a wrong one: the caller then
tries the feed's date, the URL's, and the crawl's).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .htmlguard import check_tree

_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|[^\d]|$)")
_EXTRACT_ARGS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "favor_precision": True,
    "include_tables": False,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str
    title: str | None
    author: str | None
    published: str | None
    section: str | None
    site: str | None
    lang: str | None


def site_of(url: str | None) -> str | None:
    """The publisher's host, without `www.`: what makes two copies of a wire story two sources."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def date_from_url(url: str | None) -> str | None:
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def extract(html: str, url: str | None = None) -> HtmlPage | None:
    """None when the page has no main text (a nav page, an error page): the caller reports it."""
    import trafilatura

    check_tree(html)  # HtmlTooBig (htmlguard.py) for a tree too deep or too wide to extract
    doc: Any = trafilatura.bare_extraction(html, url=url, **_EXTRACT_ARGS)
    if doc is None or not (doc.text or "").strip():
        # Precision mode refuses some short but real articles; recall mode is the second opinion.
        doc = trafilatura.bare_extraction(html, url=url, **{**_EXTRACT_ARGS, "favor_precision": False})
    if doc is None or not (doc.text or "").strip():
        return None
    title = (doc.title or "").strip() or None
    lines = [ln.strip() for ln in (doc.text or "").split("\n") if ln.strip()]
    if title and lines and lines[0] == title:
        lines = lines[1:]  # the headline repeated as the first paragraph
    categories = [c for c in (doc.categories or []) if c]
    return HtmlPage(
        text="\n\n".join(lines),
        title=title,
        author=(doc.author or "").strip() or None,
        published=doc.date or date_from_url(url),
        section=categories[0] if categories else None,
        site=site_of(url) or (doc.hostname or None) or (doc.sitename or None),
        lang=doc.language or None,
    )


def to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary), paragraphs kept as blank lines."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises a few unrelated types on junk; the text is then taken as is
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for el in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()
