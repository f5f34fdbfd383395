"""The titles a copula gives a person ('ông A là Phó Chủ tịch UBND tỉnh', 'A từng làm Tổng Biên tập
báo Nhân dân'), and the people a career sentence speaks of without their full name: 'Ông là ...'
after a sentence that named them, 'Ông Huynh từng làm ...' after 'Đinh Thế Huynh'."""
from __future__ import annotations

from kg.model import PersonRef
from kg.nlp.grammar import Grammar
from kg.nlp.titles import Title
from kg.nlp.tokens import Tok

# words that open an aside of birth, age or home between a name and its copula
_BIO_WORDS = frozenset({"sinh", "quê", "SN", "năm", "tuổi", "người", "dân", "tộc"})
_BIO_REACH = 30
_BRACKET_REACH = 12

# the honorifics before a given name that refers back to a full one
_SHORT_NAME_HONORIFICS = frozenset({"ông", "bà", "Ông", "Bà"})


def copula_chain(g: Grammar, toks: list[Tok], j: int) -> list[Title]:
    """'là Phó Chủ tịch UBND tỉnh', 'đều là ủy viên Trung ương', 'từng giữ chức Bí thư': the titles the
    copula at ``j`` gives (former ones after 'từng là', 'nguyên là'); a ';' goes on to the next title
    ('Ủy viên Trung ương các khóa VII, VIII; Ủy viên Bộ Chính trị ...')."""
    cop = g.lex.copulas.match(g.words(toks), j) or g.lex.copulas.match(g.words(toks), after_bio_aside(toks, j))
    if cop is None:
        return []
    chain = g.title_chain_at(toks, cop[0], allow_lower=True)
    while chain and chain[-1].j + 1 < len(toks) and toks[chain[-1].j].text == ";":
        more = g.title_chain_at(toks, chain[-1].j + 1, allow_lower=True)
        if not more:
            break
        chain += more
    if cop[1] == "former":
        for title in chain:
            title.former = True
    return chain


def after_bio_aside(toks: list[Tok], j: int) -> int:
    """'Ông A sinh năm 1957, quê xã Nghi Xuân (Nghi Lộc, Nghệ An), là Ủy viên ...', 'ông B (45 tuổi),
    quê Hải Dương, là ...': where the copula after an aside of birth, age and home right after the
    name starts; ``j`` itself where there is none. The aside opens with such a word or an age ('58
    tuổi') and ends at the first comma before a lower-case word that is none of them."""
    k = after_brackets(toks, j)  # "(45 tuổi)", "(sinh năm 1970)"
    if k > j and k + 1 < len(toks) and toks[k].text == "," and _ends_aside(toks, k):
        return k + 1
    if k < len(toks) and toks[k].text == ",":
        k += 1
    if k + 1 >= len(toks) or not (toks[k].text in _BIO_WORDS or toks[k].text.isdigit() and toks[k + 1].text == "tuổi"):
        return j
    depth = 0
    for x in range(k + 1, min(len(toks) - 1, k + _BIO_REACH)):
        text = toks[x].text
        depth += (text == "(") - (text == ")")
        if text in (".", ";", ":") or depth < 0:
            return j
        if text == "," and depth == 0 and _ends_aside(toks, x):
            return x + 1  # (", là", ", hiện là": the copula, if any, is the caller's to read)
    return j


def after_brackets(toks: list[Tok], j: int) -> int:
    """Where a short aside in brackets right after a name ends ('Lê Văn A (Bí thư Tỉnh ủy) tiếp tục giữ
    chức ...'); ``j`` itself where none is."""
    if j < len(toks) and toks[j].text == "(":
        close = next((x for x in range(j + 1, min(len(toks), j + _BRACKET_REACH)) if toks[x].text == ")"), None)
        if close is not None:
            return close + 1
    return j


def _ends_aside(toks: list[Tok], comma: int) -> bool:
    return toks[comma + 1].is_lower_word and toks[comma + 1].text not in _BIO_WORDS


def short_name_careers(g: Grammar, toks: list[Tok], taken: set[int],
                       persons: list[PersonRef]) -> list[tuple[str, int, list[Title]]]:
    """'Ông Huynh từng làm Phó Tổng Biên tập rồi Tổng Biên tập báo Nhân dân': an honorific and one or
    two capitalised syllables that end exactly one full name the article gave before (a family name
    and at least two syllables more), followed by a copula or an appointment ('trúng cử', 'được bầu
    giữ chức'), give that person the titles after it.
    Returns (full name, where the short name starts, titles). Tokens in ``taken`` (names, bodies,
    titles already read) are no short name."""
    starts = [k for k in range(1, len(toks))
              if toks[k - 1].text in _SHORT_NAME_HONORIFICS and toks[k].is_cap and k not in taken]
    if not starts:
        return []  # (most sentences)
    full = {p.name for p in persons if len(p.name.split()) >= 3 and p.name.split()[0].lower() in g.lex.surnames}
    out: list[tuple[str, int, list[Title]]] = []
    for k in starts:
        e = k
        while e < len(toks) and e - k < 2 and toks[e].is_cap and e not in taken:
            e += 1
        if e < len(toks) and toks[e].is_cap:
            continue  # a longer name: not a short reference
        short = " ".join(t.text for t in toks[k:e])
        owners = {f for f in full if f.endswith(" " + short)}
        if len(owners) != 1:
            continue
        appointed = g.lex.appointments.match(g.words(toks), e)  # "ông Khánh trúng cử Ủy viên dự khuyết ..."
        chain = g.title_chain_at(toks, appointed[0], allow_lower=True) if appointed else copula_chain(g, toks, e)
        if chain:
            out.append((owners.pop(), k, chain))
    return out
