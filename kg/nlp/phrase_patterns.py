"""A regular-expression alternation of many phrases, as a character trie.

``a|b|c …`` over a hundred phrases makes ``re`` try every phrase at every position of a
sentence; the same phrases factored by their shared beginnings ("hội (?:nghị|thảo|đàm)") are
tried once per character. The match is the same: the longest phrase that fits, as with the
phrases listed longest first (a greedy optional tail gives way to a shorter phrase only when
what follows the alternation fails).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the trie key of "a phrase ends here" (phrases are never empty)


def alternation(phrases: Iterable[str], ignore_case: bool = False) -> str:
    """The pattern, to be wrapped in a group by the caller. With ``ignore_case`` (for a pattern
    compiled with ``re.IGNORECASE``) the phrases are folded first, so that "Họp" and "họp"
    share one branch."""
    trie: dict = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = trie
        for ch in phrase.lower() if ignore_case else phrase:
            node = node.setdefault(ch, {})
        node[_END] = True
    return _pattern(trie)


def _pattern(node: dict) -> str:
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return body
    return "(?:" + body + ")?"
