"""The ``vnkg_decisions`` component: numbered documents with their date, issuer, term and title."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import DecisionRef, OrgRef, Span
from kg.nlp.decisions import certain_issuer, find_numbers, full_number_of, number_scope, read_date, read_term_and_title
from kg.nlp.sentences import add_display_span as _add_display_span
from kg.nlp.sentences import grammar_for
from kg.nlp.sentences import sentences as _sentences
from kg.nlp.tokens import Tok


@Language.factory("vnkg_decisions")
def make_decisions(nlp: Language, name: str):
    return DecisionsComponent(nlp)


class DecisionsComponent:
    """Numbered documents with their date, issuer, term and title."""

    def __init__(self, nlp: Language) -> None:
        self.grammar = grammar_for(nlp)

    def __call__(self, doc: Doc) -> Doc:
        found: list[DecisionRef] = []
        named = {o.label for o in doc._.orgs or []}
        for sent_text, offset, toks in _sentences(doc):
            for m in find_numbers(sent_text):
                when, pos = read_date(sent_text, m.end)
                issuer, pos = self._issuer(sent_text, offset, toks, pos)
                term, title, _ = read_term_and_title(sent_text, pos)
                title = title or m.title
                span = Span(offset + m.start, offset + m.end, sent_text[m.start:m.end], sent_text.strip())
                if issuer is None and not m.bare:  # "…/NĐ-CP" is the Government's, where the article names it
                    issuer = certain_issuer(m.issuer_code)
                    if issuer is not None and issuer.label not in named:
                        issuer = None
                scope = "article" if m.bare else number_scope(m.issuer_code)
                if issuer is not None and not m.bare:
                    scope = "national" if issuer.scope == "national" else "province"
                found.append(DecisionRef(m.number, m.doc_type, span.text, when, issuer, title, term, scope, span))
                _add_display_span(doc, span.start, span.end, "DEC")
        self._short_citations(found)
        doc._.decisions = found
        return doc

    @staticmethod
    def _short_citations(found: list[DecisionRef]) -> None:
        """'Thông tư 64/2017' after 'Thông tư số 64/2017/TT-BCA', '(gọi tắt là Nghị định 46)': a number
        cited without its code is the article's fuller number that begins with it."""
        numbers = [d.number for d in found]
        full = {d.number: d for d in found if d.scope != "article"}
        for d in found:
            if d.scope != "article":
                continue
            longer = full_number_of(d.number, numbers)
            if longer is not None:
                d.number = longer
                d.scope = full[longer].scope if longer in full else "article"

    def _issuer(self, sent: str, offset: int, toks: list[Tok], pos: int) -> tuple[OrgRef | None, int]:
        m = re.match(r"\s*,?\s*của\s+", sent[pos:])
        if not m:
            return None, pos
        start = offset + pos + m.end()
        k = next((x for x, t in enumerate(toks) if t.start >= start), None)
        if k is None:
            return None, pos
        f = self.grammar.org_at(toks, k)
        if f is None or f.value.bare and f.value.kind != "national":
            return None, pos
        org = f.value
        org.span = Span(toks[f.i].start, toks[f.j - 1].end, sent[toks[f.i].start - offset:toks[f.j - 1].end - offset], sent.strip())
        return org, toks[f.j - 1].end - offset

