"""The terms a title was held in ('khóa X, XI, XII', 'các khóa VII, VIII', 'nhiệm kỳ 2020 - 2025'),
which close a title without ending the chain of titles it stands in."""
from __future__ import annotations

from kg.nlp.tokens import ROMAN, Tok


def skip_term(toks: list[Tok], j: int) -> int:
    """'... khóa XII' (or 'Khóa XII'), '... nhiệm kỳ 2020 - 2025', '... khóa VIII, nhiệm kỳ 2019 - 2024' and the short form of its body in brackets ('Bộ
    Nông nghiệp và Phát triển nông thôn (NN&PTNT)') close a title without ending the chain."""
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 1].is_acronym and toks[j + 2].text == ")":
        j += 3
    if j + 2 < len(toks) and toks[j].text == "các" and toks[j + 1].low == "khóa":
        j += 1  # "Ủy viên Trung ương các khóa VII, VIII, IX"
    if j + 1 < len(toks) and toks[j].low == "khóa" and (toks[j + 1].text.isupper() or toks[j + 1].text.isdigit()):
        j += 2
        while j + 1 < len(toks) and toks[j].text in (",", "và") and term_number(toks[j + 1].text):
            j += 2  # "khóa X, XI, XII", "khóa 11 và 12": the terms it was held in
    if j + 3 < len(toks) and toks[j].text == "," and toks[j + 1].text == "nhiệm" and term_number(toks[j - 1].text):
        j += 1  # "khóa VIII, nhiệm kỳ 2019 - 2024"
    if j + 2 < len(toks) and toks[j].text == "nhiệm" and toks[j + 1].text == "kỳ" and toks[j + 2].text.isdigit():
        j += 3
        if j + 1 < len(toks) and toks[j].text in ("-", "–") and toks[j + 1].text.isdigit():
            j += 2
    return j


def after_term(toks: list[Tok], k: int) -> bool:
    """The title before ``k`` closes with the terms it was held in ('Ủy viên Trung ương Đảng khóa X,
    XI; Ủy viên Bộ Chính trị khóa XII'): a career's list, whose ';' goes on to the next title (else a
    ';' parts one person's titles from the next one's)."""
    j = k - 1
    while j > 1 and term_number(toks[j].text) and toks[j - 1].text in (",", "và"):
        j -= 2  # "khóa VII, VIII, IX, X, XI, XII;": back over the terms to their word
    return j > 0 and term_number(toks[j].text) and toks[j - 1].low == "khóa"


def term_number(text: str) -> bool:
    """A term's number: Roman ('XII') or one or two digits ('12')."""
    return bool(ROMAN.fullmatch(text)) or text.isdigit() and len(text) <= 2
