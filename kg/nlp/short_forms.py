"""Short forms an article defines in brackets after a body's name: 'Hội Liên hiệp Phụ nữ Việt Nam
(Hội LHPN)' names the body for the rest of the article (``Grammar.defined``)."""
from __future__ import annotations

from kg.model import OrgRef
from kg.nlp.grammar import Grammar
from kg.nlp.orgs import is_bank_brand
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
    brand = named is not None and close == j + 2 and is_bank_brand(inner[0].text) and org.label.startswith("Ngân hàng")
    if brand and named.value.kind == "national" and org.kind == "open":
        org.label, org.scope, org.kind = named.value.label, "national", "national"  # "Ngân hàng TMCP Công thương
        return close + 1  # (VietinBank)": the bank the lexicon knows, whose full name the text writes its own way
    if named is not None and named.j == close and not brand and (
            not named.value.bare or org.label.endswith(" " + named.value.label)):
        # "Chi cục ... (Hải quan TP HCM)": a body of its own (its parent), not a short form; "Văn phòng Hội đồng
        # nhân dân (HĐND)": the short form of the body the name ends with, not of the whole name
        return j
    g.defined[tuple(t.text for t in inner)] = org
    return close + 1
