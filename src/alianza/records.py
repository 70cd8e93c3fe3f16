"""Coding JSONL records ({id, text, lang?, published?}): the one path of `alianza code --jsonl` and `alianza eval`.

Why one function: the two commands once built their articles differently (eval cleaned only records
carrying an `article` block and gave each gold file a home country, `code --jsonl` did neither), so
the seed page gave 13 events through one and 16 through the other. Now both read records with
`parse_record` and code them with `code_records`, and a test compares them on every dev file.

The choices both make:
- a record is cleaned as a page when its text has paragraphs (a blank line): a saved page carries
  chrome in paragraphs of its own; a one-paragraph text (a sentence, a wire story) is taken as is.
  `clean=True/False` forces it either way.
- the records of one input are one source, as an ingest of a dump file counts them
  (`ingest/run.py`, `source_key`): the countries of their places tell that source's home country
  (`HomeTally`), which bare sector nouns take when an article names no place of its own. A record's
  own `site` or `source` field makes it a source of its own. That is `home="input"`, the default.
  `home="record"` codes each record only from what it says itself, with no source home country:
  what a caller gets who sends records one at a time, or a mix of sources in one file (issue 13
  measured the coder that way: up-fight 0.73 against 0.85 with its file's home country).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from .actors.resolve import HomeTally, place_countries
from .pipeline import Resources, code_articles, make_article
from .types import Article, CodedArticle

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

Home = Literal["input", "record"]
HOMES: tuple[Home, ...] = ("input", "record")  # the choices of `--home`, in help order


@dataclass(frozen=True, slots=True)
class Record:
    """One input record, checked."""

    id: str | None
    text: str
    lang: str | None
    published: dt.date | None
    source: str | None  # the record's own source (its `site` or `source` field), else the input's


def parse_record(raw: Any) -> Record:
    """A JSON value to a Record; ValueError names what is wrong (the caller names the line)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise ValueError("expected an object with a 'text' string")
    pub = raw.get("published")
    if pub is not None and not isinstance(pub, str):
        raise ValueError("'published' must be a date string (YYYY-MM-DD)")
    lang = raw.get("lang")
    src = raw.get("site") or raw.get("source")
    return Record(
        id=None if raw.get("id") is None else str(raw["id"]),
        text=raw["text"],
        lang=lang if isinstance(lang, str) and lang else None,
        published=dt.date.fromisoformat(pub[:10]) if pub else None,
        source=str(src) if src else None,
    )


def is_page(text: str) -> bool:
    """A text in paragraphs is a saved page, whose chrome must go before coding."""
    return bool(_PARAGRAPH_BREAK.search(text.strip()))


def record_article(rec: Record, clean: bool | None = None) -> Article:
    return make_article(
        rec.text,
        lang=rec.lang,
        published=rec.published,
        clean=is_page(rec.text) if clean is None else clean,
        source=rec.id,
    )


CODE_BATCH = 64  # records per `code_articles` call: one spaCy run per batch (pipeline.py)


def record_homes(
    records: list[Record], arts: list[Article], res: Resources, input_name: str = "-", home: Home = "input"
) -> list[str | None]:
    """Each record's source home country: the countries of its source's places (`HomeTally`);
    none at all under `home="record"`."""
    if home == "record":
        return [None] * len(records)
    tally = HomeTally()
    for rec, art in zip(records, arts, strict=True):
        if art.lang:
            tally.add(rec.source or input_name, place_countries(art.text, art.lang, res.kb))
    return [tally.home(rec.source or input_name) for rec in records]


def code_records(
    records: list[Record],
    res: Resources,
    input_name: str = "-",
    clean: bool | None = None,
    home: Home = "input",
) -> Iterator[tuple[Record, CodedArticle]]:
    """Code the records of one input, in order, in batches; see the module docstring for the choices
    made. Each record is coded alone (no people passed from one to the next)."""
    if home not in HOMES:
        raise ValueError(f"home must be one of {', '.join(HOMES)}, got {home!r}")
    arts = [record_article(r, clean) for r in records]
    homes = record_homes(records, arts, res, input_name, home)
    for i in range(0, len(arts), CODE_BATCH):
        coded = code_articles(arts[i : i + CODE_BATCH], res, homes=homes[i : i + CODE_BATCH], learn=False)
        yield from zip(records[i : i + CODE_BATCH], coded, strict=True)
