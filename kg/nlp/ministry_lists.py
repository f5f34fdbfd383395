"""Ministries named by their field alone in a list: 'các Bộ: Công an, Quốc phòng, Y tế',
'Bộ Nội vụ, Tài chính và Xây dựng', 'liên Bộ Tài chính - Công Thương'."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.model import OrgRef
from kg.nlp.grammar import Grammar
from kg.nlp.sentences import make_span as _span
from kg.nlp.tokens import Tok


_JOINERS = (",", "và", "-")  # between the fields of a list ("–" is "-" in a token's matching form)
_LIST_WORDS = frozenset({"các", *_JOINERS})


def ministries_in_lists(g: Grammar, doc: Doc, sent_text: str, toks: list[Tok], covered: set[int],
                        orgs: list[OrgRef]) -> None:
    """Each field after the first of such a list names a ministry too; appended to ``orgs``."""
    words = g.words(toks)
    fields = g.lex.ministry_fields
    after = 0
    for k in [x for x, w in enumerate(words) if w in _LIST_WORDS]:  # (most words open no list)
        if k < after:
            continue
        plural = words[k] == "các" and k + 1 < len(toks) and words[k + 1] == "bộ"
        after_ministry = k > 0 and (k - 1) in covered and words[k] in _JOINERS and any(
            o.span and o.span.end == toks[k - 1].end and o.label.startswith("Bộ ") for o in orgs[-6:])
        if not (plural or after_ministry):
            continue
        j = k + 2 if plural else k + 1
        if plural and j < len(toks) and toks[j].text == ":":
            j += 1
        while j < len(toks):
            m = fields.match(words, j) if toks[j].is_cap else None
            if m is None:
                break
            org = OrgRef(m[1], "", "national", kind="national")
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
