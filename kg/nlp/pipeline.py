"""The spaCy pipeline: Vietnamese language class, syllable tokenizer, and the project's
components (the first splits sentences). Built once per process; nothing is downloaded."""
from __future__ import annotations

import gc
from functools import cache

import spacy
from spacy.language import Language

import kg.nlp.documents  # noqa: F401  (registers the component factories)
import kg.nlp.events  # noqa: F401
import kg.nlp.names  # noqa: F401
import kg.nlp.sentences  # noqa: F401
import kg.nlp.signatures  # noqa: F401
import kg.nlp.tenure  # noqa: F401
import kg.nlp.tokenizer  # noqa: F401  (registers the tokenizer)


@cache
def make_nlp() -> Language:
    """The pipeline, once per process. What the process holds by then (spaCy's vocabulary, the phrase
    tables: ~100,000 objects) lives as long as it and is frozen out of the garbage collector's reach:
    the full collections that each article's new objects set off need not walk it again (≈1 ms an
    article; forked workers also keep sharing its memory pages)."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnkg.syllable_tokenizer.v1"}}})
    nlp.add_pipe("vnkg_line_breaks")
    nlp.add_pipe("vnkg_names")
    nlp.add_pipe("vnkg_tenure")
    nlp.add_pipe("vnkg_decisions")
    nlp.add_pipe("vnkg_signatures")
    nlp.add_pipe("vnkg_meetings")
    gc.freeze()
    return nlp
