"""alianza: news in its own languages, coded into PLOVER events and a map of alliances and conflicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from .types import Actor, ActorMention, Article, CodedArticle, Event, Rejection

if TYPE_CHECKING:
    from .aggregate.config import AggregateConfig
    from .api import Alianza
    from .pipeline import Resources

__version__ = "0.1.0"
__all__ = ["Actor", "ActorMention", "Article", "CodedArticle", "Event", "Rejection", "code_text", "open"]


def code_text(
    text: str,
    lang: str | None = None,
    published: dt.date | str | None = None,
    *,
    clean: bool = True,
    resources: Resources | None = None,
) -> CodedArticle:
    """Code one text (a raw page or a clean story) into events.

    Args:
        text: the page or story text.
        lang: ISO 639-1 code; detected when None.
        published: the article's date, against which relative dates resolve; read from the page when None.
        clean: strip page chrome first (titles, bylines, navigation); False for text that is already clean.
        resources: reuse loaded models and knowledge across calls (built on first use when None).
    Returns:
        The article as cleaned, with its events.
    Raises:
        LanguageError: the text's language (given or detected) has no pipeline; the message names
            it and the languages that have one (an empty tuple of events would read as "no events").
    """
    from .errors import LanguageError
    from .pipeline import code_article, make_article

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    res = resources or _default_resources()
    article = make_article(text, lang=lang, published=published, clean=clean)
    if article.text.strip() and not res.codes(article.lang):
        have = ", ".join(sorted(res.languages))
        how = "given" if lang else "detected"
        raise LanguageError(
            f"language {article.lang!r} ({how}) has no pipeline: alianza codes {have}; "
            "pass lang= if the detection is wrong"
        )
    return code_article(article, res)


_RESOURCES: list[Resources] = []  # lazily built process-wide cache for code_text(); the CLI passes its own


def _default_resources() -> Resources:
    from .pipeline import Resources

    if not _RESOURCES:
        _RESOURCES.append(Resources.load())
    return _RESOURCES[0]


def open(path: str | Path, read_only: bool = True, config: AggregateConfig | None = None) -> Alianza:  # noqa: A001 - DESIGN.md's name
    """Open a store for queries: `db.events()`, `db.clusters()`, `db.dyads()`, `db.network()`,
    `db.blocs()`, `db.shifts()`, `db.export()`. `read_only=False` to create one or update clusters."""
    from .api import Alianza

    return Alianza(path, read_only=read_only, config=config)
