"""The tree-size guard in front of the HTML extractor: a page that would hold a run is refused first.

trafilatura's time grows with the number of elements (measured 2026-12-02 on this machine:
100,000 elements 5 s, 400,000 13 s, 1,000,000 31 s), and libxml2 stops at 256 levels (a deeper page
comes back without text, after a full parse). One regex pass counts both before any parse.
"""

from __future__ import annotations

import re

MAX_ELEMENTS = 50_000
MAX_TREE_DEPTH = 512
_TAG_SCAN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*?(/?)>")
_NO_NESTING = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
        "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
    }
)  # fmt: skip


class HtmlTooBig(ValueError):
    """The page's tree is too deep or too wide to extract in bounded time and memory."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def check_tree(html: str) -> None:
    """Raise HtmlTooBig when the page has over MAX_ELEMENTS tags or nests over MAX_TREE_DEPTH."""
    depth = elements = 0
    for m in _TAG_SCAN.finditer(html):
        if m[1]:
            depth = max(0, depth - 1) if m[2].lower() not in _NO_NESTING else depth
            continue
        elements += 1
        if elements > MAX_ELEMENTS:
            raise HtmlTooBig("too_wide", f"over {MAX_ELEMENTS} elements")
        if not m[3] and m[2].lower() not in _NO_NESTING:
            depth += 1
            if depth > MAX_TREE_DEPTH:
                raise HtmlTooBig("too_deep", f"elements nested over {MAX_TREE_DEPTH} deep")
