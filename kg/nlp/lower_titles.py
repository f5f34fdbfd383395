"""Titles written in lower case that the names component reads only where a title is expected:
right before a full name ('phó thủ tướng Vương Đình Huệ'), as an assembly's role ('đại biểu Bùi Thị
An'), or after a generic title whose body is left unnamed ('ông A, uỷ viên Ban cán sự Đảng, thứ
trưởng Bộ Tài chính')."""
from __future__ import annotations

from kg.nlp.title_links import TitleLinks
from kg.nlp.titles import Title, TitleGrammar
from kg.nlp.tokens import Tok

_GENERIC_BODY_REACH = 5  # "uỷ viên Ban cán sự Đảng ,": the unnamed body between a generic title and its comma


def lower_title_before_name(g: TitleGrammar, links: TitleLinks, toks: list[Tok], k: int) -> list:
    """'phó thủ tướng Vương Đình Huệ', 'bộ trưởng Bộ Tài chính Đinh Tiến Dũng': a title in lower
    case counts where a personal name follows it at once, or a list of names it gives itself to."""
    if toks[k].is_cap or not toks[k].is_lower_word:
        return []
    chain = g.title_chain_at(toks, k, allow_lower=True) or _lower_deputy(g, toks, k)
    if not chain:
        return []
    end = chain[-1].j
    if end < len(toks) and toks[end].is_cap and g.name_at(toks, end, True) is not None:
        return chain
    return chain if links.counted_list_title(toks, k, end) else []


def after_a_generic_title(g: TitleGrammar, toks: list[Tok], k: int) -> list:
    """'ông A, uỷ viên Ban cán sự Đảng, thứ trưởng Bộ Tài chính', 'ông B, bí thư chi bộ, vụ trưởng Vụ X':
    a lower-case title whose body is left unnamed or generic is passed over for the lower-case
    title after the next comma, when that one writes its body."""
    m = g.lex.roles.match(g.words(toks), k)
    if m is None or toks[k].is_cap:
        return []
    comma = next((x for x in range(m[0], min(len(toks), m[0] + _GENERIC_BODY_REACH)) if toks[x].text == ","), None)
    if comma is None or not g._lower_title_of_a_body(toks, comma + 1):
        return []
    return g.title_chain_at(toks, comma + 1, allow_lower=True)


def _lower_deputy(g: TitleGrammar, toks: list[Tok], k: int) -> list:
    """'đại biểu Bùi Thị An cho rằng ...': an assembly's role in lower case, which names nobody in
    particular elsewhere ('các đại biểu'), is a title right before a full name (its assembly:
    ``NamesComponent._in_session``)."""
    words = g.words(toks)
    m = g.lex.roles.match(words, k)
    if m is None or m[1] not in g.lex.assembly_roles or m[0] >= len(toks) or not toks[m[0]].is_cap:
        return []
    if k and words[k - 1] in g.lex.function_stops or g.name_at(toks, m[0], False) is None:
        return []  # "các đại biểu Nhóm Công tác ...", "đại biểu Quảng Tây": a full name of ours, or no title
    return [Title(m[1], None, k, m[0])]
