"""Ministries and a province's departments named by their field alone in a list: 'các Bộ: Công an,
Quốc phòng, Y tế', 'Bộ Nội vụ, Tài chính và Xây dựng', 'liên Bộ Tài chính - Công Thương', 'các Sở: Xây
dựng, Tư pháp', 'Sở Tài chính, Nội vụ'."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.model import OrgRef
from kg.nlp.grammar import Grammar
from kg.nlp.sentences import make_span as _span
from kg.nlp.tokens import Tok


_JOINERS = (",", "và", "-")  # between the fields of a list ("–" is "-" in a token's matching form)
_LIST_WORDS = frozenset({"các", *_JOINERS})
# heads a list's fields share: the head as written and the kind of body each field names
_HEADS = {"bộ": ("Bộ", "national"), "sở": ("Sở", "department")}


def bodies_in_field_lists(g: Grammar, doc: Doc, sent_text: str, toks: list[Tok], covered: set[int],
                          orgs: list[OrgRef]) -> None:
    """Each field after the first of such a list names a ministry (or department) too; appended to ``orgs``."""
    words = g.words(toks)
    after = 0
    for k in [x for x, w in enumerate(words) if w in _LIST_WORDS]:  # (most words open no list)
        if k < after:
            continue
        head = words[k + 1] if words[k] == "các" and k + 1 < len(toks) and words[k + 1] in _HEADS else None
        plural = head is not None
        if not plural and k > 0 and (k - 1) in covered and words[k] in _JOINERS:
            head = next((h for o in orgs[-6:] if o.span and o.span.end == toks[k - 1].end
                         for h, (w, _) in _HEADS.items() if o.label.startswith(w + " ")), None)
        if head is None:
            continue
        written, kind = _HEADS[head]
        fields = g.lex.ministry_fields if kind == "national" else g.lex.departments
        j = k + 2 if plural else k + 1
        if plural and j < len(toks) and toks[j].text == ":":
            j += 1
        while j < len(toks):
            m = fields.match(words, j) if toks[j].is_cap else None
            if m is None:
                break
            org = OrgRef(m[1], "", "national", kind="national") if kind == "national" else OrgRef(
                f"{written} {m[1]}", "", "province", kind="department", implicit_level="tỉnh")
            org.surface = g._text(toks, j, m[0])
            org.span = _span(doc, toks[j].start, toks[m[0] - 1].end, sent_text)
            orgs[:] = [o for o in orgs if not (o.span and o.span.start == org.span.start and o.bare)]  # "Công an" alone
            orgs.append(org)
            covered.update(range(j, m[0]))
            j = m[0]
            if j + 1 < len(toks) and words[j] in (",", "và", ";"):
                j += 1
                continue
            break
        after = max(j, k + 1)
