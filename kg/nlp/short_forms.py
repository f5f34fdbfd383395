"""Short forms an article defines in brackets after a body's name: 'Hội Liên hiệp Phụ nữ Việt Nam
(Hội LHPN)' names the body for the rest of the article (``Grammar.defined``)."""
from __future__ import annotations

from kg.model import OrgRef
from kg.nlp.grammar import Grammar
from kg.nlp.tokens import Tok


def defines_short_form(g: Grammar, toks: list[Tok], j: int, org: OrgRef) -> int:
    """Records the bracket at ``j`` after ``org`` as its short form when it is one. Returns where
    the text after the bracket starts (``j`` when there is none)."""
    if j >= len(toks) or toks[j].text != "(" or org.bare:
        return j
    close = next((x for x in range(j + 1, min(j + 6, len(toks))) if toks[x].text == ")"), None)
    if close is None or close == j + 1:
        return j
    inner = toks[j + 1:close]
    if not any(t.is_acronym or (t.is_cap and any(c.isupper() for c in t.text[1:])) for t in inner):
        return j
    if any(not (t.is_word or t.text in ("&", "-")) for t in inner) or g.province_at(toks, j + 1):
        return j
    named = g.org_at(toks, j + 1)
    if named is not None and not named.value.bare and named.j == close:
        return j  # "Chi cục ... (Hải quan TP HCM)": a body of its own (its parent), not a short form
    g.defined[tuple(t.text for t in inner)] = org
    return close + 1
