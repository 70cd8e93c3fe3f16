"""Main text and metadata of an HTML page: trafilatura's text, our own metadata rules.

trafilatura (DEPENDENCIES.md has the measured settings) finds the story's paragraphs; precision mode
drops reader comments. Its metadata is second opinion only: JSON-LD and meta tags come first, then
the breadcrumb and the label over the headline for the section, the byline element parsed like a
plain-text byline ("Por X | con agencias" is X), and, for what is still missing, the text cleaner run
on the page rendered as text (a "Publicado: 18/07/2025" line). The date search is restricted so that
a "© 2025" footer never becomes 2025-01-01 (no date is better than a wrong one: the caller then tries
the feed's date, the URL's, and the crawl's). Link boxes, ad labels and credit lines that trafilatura
keeps inside the text are dropped with the plain-text cleaner's own markers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..textutil import fold
from .blocks import TERMINAL, Block, assign_roles
from .byline import STRONG, clean_author, parse_byline
from .htmlguard import check_tree
from .htmlmeta import HtmlMeta, read_meta
from .pagewords import pooled_words
from .pubdate import line_dates
from .section import kicker, trail_section

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
    deck: str | None = None


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


def body_lines(lines: list[str], meta: HtmlMeta, title: str | None, lang: str | None) -> list[str]:
    """trafilatura's paragraphs less the headline, deck, bylines, date lines and page furniture."""
    blocks = assign_roles([Block(x, i) for i, x in enumerate(lines)], pooled_words())
    skip = {fold(x) for x in (title, meta.description) if x}
    out = []
    for b in blocks:
        short = len(b.text.split()) <= 24 and not TERMINAL.search(b.text)
        if b.role != "text" or fold(b.text) in skip:
            continue
        if short and (line_dates(b.text, lang, "head", 0) or _is_byline(b.text, lang, meta)):
            continue
        out.append(b.text)
    while len(out) > 1 and len(out[-1].split()) <= 12 and not TERMINAL.search(out[-1]):
        out.pop()  # a signature or a caption under the story
    return out


def _is_byline(text: str, lang: str | None, meta: HtmlMeta) -> bool:
    got = parse_byline(text, lang, meta.site_names)
    return got is not None and got.strength >= STRONG


def _section(meta: HtmlMeta, categories: list[str], title: str | None, lang: str | None) -> str | None:
    if meta.breadcrumb and (got := trail_section(meta.breadcrumb, lang, title)):
        return got
    for cand in (meta.section, meta.kicker, *categories):
        if cand and (got := kicker(cand, lang)):
            return got
    return None


def _author(meta: HtmlMeta, doc_author: str | None, lang: str | None) -> str | None:
    if meta.authors:
        return clean_author("; ".join(meta.authors), lang, meta.site_names) or "; ".join(meta.authors)
    for raw in (doc_author, meta.author_text):
        if got := clean_author(raw, lang, meta.site_names):
            return got
    return None


def extract(html: str, url: str | None = None, lang: str | None = None) -> HtmlPage | None:
    """None when the page has no main text (a nav page, an error page): the caller reports it."""
    import trafilatura

    check_tree(html)  # HtmlTooBig (htmlguard.py) for a tree too deep or too wide to extract
    doc: Any = trafilatura.bare_extraction(html, url=url, **_EXTRACT_ARGS)
    if doc is None or not (doc.text or "").strip():
        # Precision mode refuses some short but real articles; recall mode is the second opinion.
        doc = trafilatura.bare_extraction(html, url=url, **{**_EXTRACT_ARGS, "favor_precision": False})
    if doc is None or not (doc.text or "").strip():
        return None
    meta = read_meta(html)
    lang = lang or meta.lang or doc.language or None
    title = meta.title or (doc.title or "").strip() or None
    lines = [ln.strip() for ln in (doc.text or "").split("\n") if ln.strip()]
    text_lines = body_lines(lines, meta, title, lang) or lines
    categories = [c for c in (doc.categories or []) if c]
    author = _author(meta, doc.author, lang)
    section = _section(meta, categories, title, lang)
    published = meta.published or doc.date
    if author is None or section is None or published is None:
        from .clean import clean_page  # the page as text: its byline, date and labels

        page = clean_page(meta.text, lang)
        author = author or page.author
        section = section or page.section
        published = published or (page.published.isoformat() if page.published else None)
    return HtmlPage(
        text="\n\n".join(text_lines),
        title=title,
        author=author,
        published=published or date_from_url(url),
        section=section,
        site=site_of(url) or (doc.hostname or None) or (doc.sitename or None),
        lang=lang,
        deck=meta.description,
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
