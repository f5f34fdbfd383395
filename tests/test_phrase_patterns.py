"""The trie alternation finds what the phrases listed longest first find."""
import random
import re

import pytest

from kg.nlp.phrase_patterns import alternation

PHRASES = ["họp", "họp báo", "họp mặt", "hội nghị", "hội thảo", "hội", "lễ", "buổi lễ", "a.b", "x (y)"]


def _listed(phrases):
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_same_matches_as_the_listed_phrases(flags):
    fold = bool(flags)
    words = PHRASES + [w.upper() for w in PHRASES[:3]] + ["nghị", "báo", "mặt", "thảo", "x", "(y)", ".", ",", "Họp"]
    rng = random.Random(7)
    listed = re.compile(r"(?<![\w])(" + _listed(PHRASES) + r")(?![\w])", flags)
    trie = re.compile(r"(?<![\w])(" + alternation(PHRASES, ignore_case=fold) + r")(?![\w])", flags)
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 8)))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in listed.finditer(text)], text


def test_longest_phrase_that_fits_the_context():
    trie = re.compile(r"(?<![\w])(" + alternation(PHRASES) + r")(?![\w])")
    assert trie.search("cuộc họp báo chiều nay").group(1) == "họp báo"
    assert trie.search("cuộc họp bàn").group(1) == "họp"  # "họp b…" gives way to "họp"
    assert trie.search("Hội nghị") is None  # case-sensitive unless compiled otherwise
    assert re.search(alternation(PHRASES, ignore_case=True), "Hội Nghị", re.IGNORECASE).group() == "Hội Nghị"


def test_no_phrases_match_nothing_special():
    assert alternation([]) == ""
    assert re.fullmatch(alternation(["a+b"]), "a+b")
