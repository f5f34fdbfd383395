"""Tokens and spans shared by the recognisers: a sentence's syllables with their character
offsets, and what a recogniser returns (tokens [i, j) and a value)."""
from __future__ import annotations

import re
from dataclasses import dataclass

ROMAN = re.compile(r"(?=[IVXLC])X{0,3}(?:IX|IV|V?I{0,3})|XL|L?X{0,3}(?:IX|IV|V?I{0,3})")

_DASHES = str.maketrans({"–": "-", "—": "-"})


def _features(text: str) -> tuple[str, bool, bool, bool, bool]:
    """(low, is_word, is_cap, is_name_word, is_lower_word) of a word."""
    first = text[:1]
    is_word = first.isalpha()
    return (text.lower().translate(_DASHES),  # the matching form: lower case, one kind of dash
            is_word,
            is_word and first.isupper(),
            text.replace("'", "").replace("’", "").isalpha(),  # and "H'Loan"
            text.isalpha() and text.islower())


# A word's features, worked out once per process: an article repeats its syllables (≈ 1,100
# tokens, a few hundred distinct) and the corpus shares most of them, so this is 4× cheaper
# than computing them per token. Cleared when full, so memory stays bounded on any input.
_FEATURES: dict[str, tuple[str, bool, bool, bool, bool]] = {}
_FEATURES_MAX = 200_000


class Tok:
    """A syllable or punctuation mark with its offsets, and what the rules ask of it, worked out once."""

    __slots__ = ("text", "start", "end", "low", "is_cap", "is_word", "is_name_word", "is_lower_word", "_acronym")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        features = _FEATURES.get(text)
        if features is None:
            if len(_FEATURES) >= _FEATURES_MAX:
                _FEATURES.clear()
            features = _FEATURES[text] = _features(text)
        self.low, self.is_word, self.is_cap, self.is_name_word, self.is_lower_word = features
        self._acronym: bool | None = None

    @property
    def is_acronym(self) -> bool:
        """'FLC', 'THPT', 'NN&PTNT', 'GD-ĐT': two or more capitals, maybe joined by '&' or '-'."""
        if self._acronym is None:
            t = self.text
            letters = [c for c in t if c.isalpha()]
            self._acronym = (len(letters) >= 2 and all("A" <= c <= "Z" or c == "Đ" for c in letters)  # "NĂM" is a word
                             and all(c.isalnum() or c in "&-." for c in t) and not ROMAN.fullmatch(t))
        return self._acronym

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


@dataclass
class Found:
    """A parsed phrase: tokens [i, j) of the sentence."""
    i: int
    j: int
    value: object


