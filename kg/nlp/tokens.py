"""Tokens and spans shared by the recognisers: a sentence's syllables with their character
offsets, and what a recogniser returns (tokens [i, j) and a value)."""
from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = re.compile(r"(?=[IVXLC])X{0,3}(?:IX|IV|V?I{0,3})|XL|L?X{0,3}(?:IX|IV|V?I{0,3})")

@dataclass
class Tok:
    text: str
    start: int
    end: int

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper() and self.text[:1].isalpha()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_name_word(self) -> bool:
        """Letters, and the apostrophe of Central Highlands names ("H'Loan")."""
        return self.text.replace("'", "").replace("’", "").isalpha()

    @property
    def is_lower_word(self) -> bool:
        return self.text.isalpha() and self.text.islower()

    @property
    def is_acronym(self) -> bool:
        """'FLC', 'THPT', 'NN&PTNT', 'GD-ĐT': two or more capitals, maybe joined by '&' or '-'."""
        t = self.text
        letters = [c for c in t if c.isalpha()]
        return (len(letters) >= 2 and all("A" <= c <= "Z" or c == "Đ" for c in letters)  # "NĂM" is a word in capitals
                and all(c.isalnum() or c in "&-." for c in t) and not _ROMAN.fullmatch(t))


@dataclass
class Found:
    """A parsed phrase: tokens [i, j) of the sentence."""
    i: int
    j: int
    value: object


