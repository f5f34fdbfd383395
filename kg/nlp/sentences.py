"""What every component reads: the doc's sentences as syllable tokens with offsets (built
once per doc), spans into the article text, and the line-break rule of sentence splitting.
The ``doc._`` extensions the components fill are declared here."""
from __future__ import annotations

from functools import cache

import numpy
from spacy.language import Language
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

from kg.model import Span
from kg.nlp.grammar import Grammar
from kg.nlp.lexicon_index import LexiconIndex
from kg.nlp.tokens import Tok

for _name, _default in (("ref_date", None), ("orgs", None), ("persons", None), ("posts", None),
                        ("places", None), ("decisions", None), ("meetings", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)



def sentences(doc: Doc) -> list[tuple[str, int, list[Tok]]]:
    """Sentences as (text, start char, tokens without whitespace), built once per doc."""
    cached = doc.user_data.get("vnkg_sentences")
    if cached is None:
        cached = []
        text = doc_text(doc)
        # one pass in C, no Token objects; a token's text is its slice of the doc's text (no string-store
        # look-up); the rows as Python lists, as numpy's scalars are slow one by one
        rows = doc.to_array([IDX, LENGTH, SENT_START, IS_SPACE]).tolist()
        bounds = [i for i, row in enumerate(rows) if row[2] == 1] + [len(rows)]
        if not bounds or bounds[0] != 0:
            bounds.insert(0, 0)
        for a, b in zip(bounds, bounds[1:]):
            if a >= b:
                continue
            toks = [Tok(text[idx:idx + n], idx, idx + n) for idx, n, _, space in rows[a:b] if not space]
            if toks:
                start = rows[a][0]
                end = rows[b][0] if b < len(rows) else len(text)
                cached.append((text[start:end], start, toks))
        doc.user_data["vnkg_sentences"] = cached
    return cached


def doc_text(doc: Doc) -> str:
    """The doc's text: the one it was made from when the caller kept it (``Doc.text`` joins every token)."""
    text = doc.user_data.get("vnkg_text")
    if text is None:
        text = doc.user_data["vnkg_text"] = doc.text
    return text



def make_span(doc: Doc, start: int, end: int, sentence: str) -> Span:
    text = doc_text(doc)
    return Span(start, end, text[start:end], sentence.strip())



def add_display_span(doc: Doc, start: int, end: int, label: str) -> None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None:
        doc.spans.setdefault("vnkg", []).append(span)


@Language.component("vnkg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Sentence starts, in one pass over one array (setting ``is_sent_start`` token by token rescans
    the doc each time: quadratic on a long page): after a run of full stops, as spaCy's sentencizer
    puts them, and after a line break (titles, captions and list lines carry no full stop), but not
    after the stop of "TP." unless a word that opens sentences follows ("... Bộ tư lệnh TP. Bà A cho biết")."""
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, SPACY, IS_PUNCT])
    # Python lists, not numpy: the loops below read every token, and numpy's scalars are slow one by one
    words = [strings[o] for o in arr[:, 0].tolist()]
    spaced = arr[:, 1].tolist()
    starts = _stop_starts(words, arr[:, 2].tolist())
    for i in range(len(words) - 1):
        w = words[i]
        if "\n" in w:
            starts[i + 1] = 1
        elif w == "." and i and words[i - 1] in _ABBREVIATIONS_WITH_STOP and not spaced[i - 1] \
                and not _opens_sentence(words, i + 1):
            starts[i + 1] = -1
    _bound_sentences(words, starts)
    doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))
    return doc


_STOPS = {".", "!", "?", "…"}


def _stop_starts(words: list[str], punct: list[int]) -> list[int]:
    """spaCy's sentencizer rule (1 starts a sentence, -1 does not): after a stop, the first token
    that is neither a stop nor punctuation ('." Ông A' starts at 'Ông')."""
    starts = [-1] * len(words)
    starts[0] = 1
    seen_stop = False
    for i, w in enumerate(words):
        if w in _STOPS:
            seen_stop = True
        elif seen_stop and not punct[i]:
            starts[i] = 1
            seen_stop = False
    return starts


# Real sentences run to ~130 syllables at the 99th percentile and ~400 at most (dev corpus);
# past SOFT tokens a sentence is cut after its next clause mark, past HARD anywhere, so that
# a run-on page costs what its length does and no more.
SOFT_SENTENCE, HARD_SENTENCE = 250, 400
_CLAUSE_MARKS = {";", ",", ":", "–", "-"}


def _bound_sentences(words: list[str], starts: list[int]) -> None:
    run = 0
    for i, w in enumerate(words):
        if starts[i] == 1:
            run = 0
        run += 1
        if i + 1 < len(words) and ((run >= SOFT_SENTENCE and w in _CLAUSE_MARKS) or run >= HARD_SENTENCE):
            starts[i + 1] = 1
            run = 0


_ABBREVIATIONS_WITH_STOP = {"TP", "Tp", "TX", "TT", "ThS", "TS", "PGS", "GS", "BS", "KS", "Th", "St", "P", "Q"}
# words that open a sentence and name no place after "TP." ("TP. Bà Rịa" is a city: "Bà" before "Rịa" is its name)
_SENTENCE_OPENERS = frozenset({"Ông", "Bà", "Theo", "Trong", "Trước", "Hiện", "Cũng", "Sau", "Tại", "Còn"})


def _opens_sentence(words: list[str], k: int) -> bool:
    return words[k] in _SENTENCE_OPENERS and not (words[k] == "Bà" and k + 1 < len(words) and words[k + 1] == "Rịa")


@cache
def grammar_for(nlp: Language) -> Grammar:
    """One grammar (and its phrase tables) per pipeline, shared by the components."""
    return Grammar(LexiconIndex(lambda s: [t.text for t in nlp.make_doc(s) if not t.is_space]))

