"""Tokens and spans shared by the recognisers: a sentence's syllables with their character
offsets, and what a recogniser returns (tokens [i, j) and a value)."""
from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = re.compile(r"(?=[IVXLC])X{0,3}(?:IX|IV|V?I{0,3})|XL|L?X{0,3}(?:IX|IV|V?I{0,3})")

_DASHES = str.maketrans({"–": "-", "—": "-"})


class Tok:
    """A syllable or punctuation mark with its offsets, and what the rules ask of it, worked out once."""

    __slots__ = ("text", "start", "end", "low", "is_cap", "is_word", "is_name_word", "is_lower_word", "_acronym")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        first = text[:1]
        self.low = text.lower().translate(_DASHES)  # the matching form: lower case, one kind of dash
        self.is_word = first.isalpha()
        self.is_cap = self.is_word and first.isupper()
        self.is_name_word = text.replace("'", "").replace("’", "").isalpha()  # and "H'Loan"
        self.is_lower_word = text.isalpha() and text.islower()
        self._acronym: bool | None = None

    @property
    def is_acronym(self) -> bool:
        """'FLC', 'THPT', 'NN&PTNT', 'GD-ĐT': two or more capitals, maybe joined by '&' or '-'."""
        if self._acronym is None:
            t = self.text
            letters = [c for c in t if c.isalpha()]
            self._acronym = (len(letters) >= 2 and all("A" <= c <= "Z" or c == "Đ" for c in letters)  # "NĂM" is a word
                             and all(c.isalnum() or c in "&-." for c in t) and not _ROMAN.fullmatch(t))
        return self._acronym

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


@dataclass
class Found:
    """A parsed phrase: tokens [i, j) of the sentence."""
    i: int
    j: int
    value: object


