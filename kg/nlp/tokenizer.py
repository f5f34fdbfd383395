"""A syllable tokenizer for the Vietnamese language class.

spaCy's ``vi`` tokenizer either calls pyvi (word segmentation; slower, and its model only
groups syllables we re-group anyway with the lexicons) or splits on spaces only, leaving
punctuation glued to words ("Quang-", "dân,"). This one keeps syllables and splits
punctuation off with spaCy's own rule-based ``Tokenizer``.
"""
from __future__ import annotations

import re

import spacy
from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

_DASHES = r"[-–—]"


@spacy.registry.tokenizers("vnkg.syllable_tokenizer.v1")
def create_syllable_tokenizer():
    def make(nlp):
        prefixes = compile_prefix_regex([_DASHES, r"[“”‘’'\"«»(\[]", *TOKENIZER_PREFIXES])
        suffixes = compile_suffix_regex([_DASHES, r"[“”‘’'\"«»)\]:;,.!?…]", *TOKENIZER_SUFFIXES])
        infixes = compile_infix_regex([r"(?<=[^\W\d_])[/–—](?=[^\W\d_])", r"(?<=[^\W\d_])[,:;](?=[^\W\d_])",
                                       r"(?<=\d)[,](?=[^\W\d_])", *TOKENIZER_INFIXES])
        url = re.compile(r"^(?:https?://|www\.)\S+$")
        return Tokenizer(nlp.vocab, prefix_search=prefixes.search, suffix_search=suffixes.search,
                         infix_finditer=infixes.finditer, url_match=url.match)

    return make
