"""The phrases by which news reports a change of office (``kg/data/tenure.json``), found in a
sentence word by word: the longest phrase at a word wins, and words just before it may make it a
change that did not happen ("dự kiến bổ nhiệm", "thu hồi quyết định nghỉ hưu")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.lexicon import data

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Trigger:
    start: int  # offsets in the sentence
    end: int
    kind: str
    side: str
    void: bool  # planned, proposed, cancelled: no change that happened
    holder_after: bool = False  # "trao quyết định nghỉ hưu cho ông A": the one before it is the giver


@dataclass(frozen=True)
class _Lexicon:
    phrases: dict[tuple[str, ...], tuple[str, str]]  # words → (kind, side)
    longest: int
    void: frozenset[tuple[str, ...]]
    skip: frozenset[str]
    gap: frozenset[str]
    prior: frozenset[tuple[str, ...]]
    holder_after: frozenset[tuple[str, ...]]
    member_bodies: tuple[str, ...]  # lower case label starts


@cache
def lexicon() -> _Lexicon:
    d = data("tenure.json")

    def words(phrase: str) -> tuple[str, ...]:
        return tuple(w.lower() for w in _WORD.findall(phrase))
    phrases = {words(p): (kind, spec["side"]) for kind, spec in d["kinds"].items() for p in spec["phrases"]}
    return _Lexicon(phrases, max(map(len, phrases)), frozenset(map(words, d["void_before"])),
                    frozenset(d["skip_before"]), frozenset(d["gap_words"]), frozenset(map(words, d["prior_after"])),
                    frozenset(map(words, d["holder_after"])), tuple(b.lower() for b in d["member_bodies"]))


@cache
def first_words() -> frozenset[str]:
    return frozenset(words[0] for words in lexicon().phrases)


@lru_cache(maxsize=256)
def triggers_in(sentence: str) -> tuple[Trigger, ...]:
    """The change-of-office phrases of a sentence, longest first at each word, left to right
    (kept for the last sentences: the component asks for one sentence's several times)."""
    lex = lexicon()
    words = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    plain = [w for w, _, _ in words]
    out: list[Trigger] = []
    first = first_words()
    k = 0
    while k < len(words):
        if plain[k] not in first:  # no phrase starts with this word (most words)
            k += 1
            continue
        for n in range(min(lex.longest, len(words) - k), 0, -1):
            found = lex.phrases.get(tuple(plain[k:k + n]))
            if found is not None:
                phrase = tuple(plain[k:k + n])
                out.append(Trigger(words[k][1], words[k + n - 1][2], *found, _void(plain[:k], lex),
                                   phrase in lex.holder_after))
                k += n
                break
        else:
            k += 1
    return tuple(out)


def _void(before: list[str], lex: _Lexicon) -> bool:
    """A void word ends the words before the phrase, maybe past a few skipped ones."""
    tail = list(before[-6:])
    while tail:
        if any(tuple(tail[-len(v):]) == v for v in lex.void):
            return True
        if tail[-1] not in lex.skip:
            return False
        tail.pop()
    return False
