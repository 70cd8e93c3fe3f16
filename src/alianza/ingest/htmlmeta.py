"""What an HTML page says about itself outside its text: JSON-LD, meta tags, breadcrumbs, the label
over the headline, the byline element, and a plain-text rendering for the text cleaner.

trafilatura finds the main text well; its metadata misses what the issue pages showed: authors as
"Por X | con agencias", dates given only as "hace 3 horas" beside a JSON-LD `datePublished`,
sections in breadcrumbs. Dates are read as the page wrote them, in its local time
("2025-03-09T22:40:00-03:00" is 9 March), because that is the date its readers saw.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..textutil import fold, normalise_space
from .pagewords import html_hints

BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "br",
    "header",
    "footer",
    "section",
    "article",
    "aside",
    "nav",
    "ol",
    "ul",
    "time",
    "blockquote",
    "figcaption",
    "main",
    "table",
    "form",
)
PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
)
ISO_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)")


@dataclass(frozen=True, slots=True)
class HtmlMeta:
    title: str | None = None
    lang: str | None = None  # the <html lang> attribute's language
    authors: tuple[str, ...] = ()  # people named by JSON-LD or the author meta tag
    author_text: str | None = None  # the byline element's text, to be parsed
    section: str | None = None  # from JSON-LD or article:section
    breadcrumb: tuple[str, ...] = ()
    kicker: str | None = None
    published: str | None = None  # YYYY-MM-DD, local date
    description: str | None = None
    site_names: frozenset[str] = frozenset()  # folded
    text: str = ""  # the page as plain text, one block a line group


def _day(value: Any) -> str | None:
    m = ISO_DAY.match(str(value or "").strip())
    return m[1] if m else None


def _ld_objects(root: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for el in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(el.text_content() or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            obj = stack.pop()
            if isinstance(obj, dict):
                out.append(obj)
                stack.extend(x for x in obj.get("@graph", []) if isinstance(x, dict))
            elif isinstance(obj, list):
                stack.extend(obj)
    return out


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    return {str(x) for x in (t if isinstance(t, list) else [t]) if x}


def _ld_people(value: Any, publisher: set[str]) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for it in items:
        if isinstance(it, dict) and "Organization" not in _types(it):
            name = normalise_space(str(it.get("name") or ""))
        elif isinstance(it, str):
            name = normalise_space(it)
        else:
            continue
        if name and fold(name) not in publisher:
            out.append(name)
    return out


def _has_hint(el: Any, key: str) -> bool:
    attrs = " ".join(str(el.get(a) or "") for a in ("class", "id", "aria-label", "itemtype")).lower()
    return any(h in attrs for h in html_hints()[key])


def _text(el: Any) -> str:
    return normalise_space(el.text_content() or "")


def _breadcrumb(root: Any) -> tuple[str, ...]:
    for el in root.iter():
        if (
            not isinstance(el.tag, str)
            or el.tag in ("body", "html", "main", "article")
            or not _has_hint(el, "breadcrumb")
        ):
            continue
        links = [_text(a) for a in el.xpath(".//a|.//span[@itemprop='name']|.//li") if _text(a)]
        items: list[str] = []
        for x in links:
            if x not in items and not any(x != y and x in y and len(y) < 200 for y in links if y in items):
                items.append(x)
        tail = el.xpath("./text()|./span[not(a)]")  # the current page, written after the last link
        last = normalise_space(tail[-1] if isinstance(tail[-1], str) else _text(tail[-1])) if tail else ""
        last = last.strip(" »›>/|")
        if last and last not in items:
            items.append(last)
        if items:
            return tuple(i.strip(" »›>/|") for i in items if i.strip(" »›>/|"))
    return ()


def _headlines(root: Any, title: str | None) -> list[Any]:
    """The headline elements: the h1s, else the heading whose text is the page title."""
    found = root.xpath("//h1")
    if not found and title:
        found = [h for h in root.xpath("//h2|//h3") if fold(_text(h)) == fold(title)]
    return list(found)


def _near_title(heads: list[Any], key: str, max_words: int) -> str | None:
    """The first short element with a `key` hint (kicker, byline) in the headline's container."""
    for h1 in heads:
        box = h1.getparent()
        for _ in range(3):
            if box is None:
                break
            for el in box.iter():
                if not isinstance(el.tag, str) or el is h1 or not _has_hint(el, key):
                    continue
                text = _text(el)
                if text and len(text.split()) <= max_words:
                    return text
            box = box.getparent()
    return None


def _strip_site(title: str, sites: set[str]) -> str | None:
    """ "Headline | El Diario" -> "Headline" when the tail is the site's name."""
    parts = re.split(r"\s+[|–—-]\s+", title)
    while len(parts) > 1 and fold(parts[-1]) in sites:
        parts.pop()
    return " - ".join(parts) or None


def _plain_text(root: Any) -> str:
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for el in root.iter(*BLOCK_TAGS):
        el.tail = "\n\n" + (el.tail or "")
        if el.tag not in ("br",):
            el.text = "\n\n" + (el.text or "")
    body = root.find("body")
    text = (body if body is not None else root).text_content()
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t\r\f\v]+", " ", text)).strip()


def read_meta(html: str) -> HtmlMeta:
    """Everything `HtmlMeta` holds; empty fields when the page has no such markup. Never raises."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises a few unrelated types on junk
        return HtmlMeta()
    metas: dict[str, str] = {}
    for m in root.xpath("//meta"):
        k = str(m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
        if k and m.get("content") and k not in metas:
            metas[k] = normalise_space(str(m.get("content")))
    objs = [
        o
        for o in _ld_objects(root)
        if _types(o) & {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "WebPage"}
    ]
    art = next((o for o in objs if "WebPage" not in _types(o)), objs[0] if objs else {})
    pub = art.get("publisher")
    publisher = {fold(str(pub.get("name")))} if isinstance(pub, dict) and pub.get("name") else set()
    sites = publisher | ({fold(metas["og:site_name"])} if metas.get("og:site_name") else set())
    authors = _ld_people(art.get("author"), sites) if art.get("author") else []
    if not authors and metas.get("author"):
        authors = [a for a in re.split(r"\s*[,;]\s*|\s+(?:and|y|et)\s+", metas["author"]) if a and fold(a) not in sites]
    published = _day(art.get("datePublished")) or next((d for k in PUBLISHED_META if (d := _day(metas.get(k)))), None)
    if published is None:
        stamps = root.xpath(
            "//time[contains(@class,'published')]/@datetime|//time[@itemprop='datePublished']/@datetime"
        )
        published = _day(stamps[0]) if stamps else None
    h1 = [_text(h) for h in root.xpath("//h1") if _text(h)]
    section = art.get("articleSection")
    section = section[0] if isinstance(section, list) and section else section
    head_title = root.find(".//title")
    title = (
        (h1[0] if len(h1) == 1 else None)
        or normalise_space(str(art.get("headline") or ""))
        or metas.get("og:title")
        or (_strip_site(_text(head_title), sites) if head_title is not None else None)
    )
    heads = _headlines(root, title)
    lang = str(root.get("lang") or "").lower()[:2] or None
    return HtmlMeta(
        title=title,
        lang=lang,
        authors=tuple(authors),
        author_text=_near_title(heads, "byline", 24),
        section=normalise_space(str(section)) if section else metas.get("article:section"),
        breadcrumb=_breadcrumb(root),
        kicker=_near_title(heads, "kicker", 4),
        published=published,
        description=metas.get("description") or metas.get("og:description"),
        site_names=frozenset(sites),
        text=_plain_text(root),
    )
