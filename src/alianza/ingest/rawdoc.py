"""What a reader hands to the runner: raw text plus whatever metadata the format carried."""

from __future__ import annotations

from dataclasses import dataclass

# One document (a page, a text file, a record's text) over this is a dump or a log, not news: refused
# before cleaning, whose time and memory grow with the text (the runner's own limit is on the
# cleaned text, 1M characters).
MAX_DOC_CHARS = 8_000_000


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record comes from: `display` is what the user reads in reports ("dump.jsonl#line=3"),
    `key` is stable across runs and working directories (the absolute path), and feeds the article id."""

    display: str
    key: str

    def at(self, locator: str) -> Origin:
        return Origin(self.display + locator, self.key + locator)


@dataclass(frozen=True, slots=True)
class RawDoc:
    source: str  # Origin.display
    text: str
    key: str = ""  # the URL when there is one, else Origin.key
    lang: str | None = None  # authoritative (a JSONL field the user mapped)
    lang_hint: str | None = None  # a feed's or page's declared language: used when the text is too short
    published: str | None = None  # ISO date or datetime
    url: str | None = None
    title: str | None = None
    author: str | None = None
    section: str | None = None
    site: str | None = None
    clean: bool = True  # run the plain-text page cleaner (not for HTML/feeds, already extracted)
    format: str = "text"
    encoding: str | None = None
