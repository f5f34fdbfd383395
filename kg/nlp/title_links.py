"""Which title belongs to which name: a chain of titles before a name or after its comma or dash,
a title given by 'là' to a list of names, and a list that pairs each name with the title after it."""
from __future__ import annotations

from kg.nlp.tokens import Tok

# words after which a title, a comma and a name are one person ("do Chủ tịch UBND tỉnh, Lê Văn A ký")
_CLAUSE_BEFORE_TITLE = frozenset({"do", "của", "theo", "Theo", "bởi", "gửi"})


class TitleLinks:
    """The titles of each name a sentence gives, from the title chains found in it."""

    def __init__(self, grammar) -> None:
        self.g = grammar

    def titles_for(self, toks, i, j, chains, names):
        """Titles of the name at [i, j): the chain just before it, the chain just after a
        dash, comma or bracket (unless another name follows it: "A, Thủ tướng B"), and a chain
        closing with ':' before a list of names."""
        out = []
        ends = {a: b for a, b, _ in names}
        for ci, cj, chain in chains:
            if self.just_before(toks, cj, i) or cj + 1 == i and toks[cj].text == "," and (
                    ci == 0 or toks[ci - 1].text in _CLAUSE_BEFORE_TITLE):
                if toks[cj].text == "," and self.paired(toks, ci, chain, j, names, chains):
                    continue  # "ông A - Phó Chủ tịch UBND, ông B - Giám đốc Sở": the first title is A's
                out.extend(chain)  # ("do Phó Chánh Văn phòng Thành ủy, Tăng Phước Lộc ký": opening a clause)
            elif self.just_after(toks, j, ci, chain):
                if toks[j].text == "," and self.opens_clause(toks, i, cj, chain):
                    continue  # "câu nói của Lãnh tụ A, Tổng Bí thư khẳng định": the next clause's subject
                if any(self.just_before(toks, cj, a) and not (toks[cj].text == "," and self.titled_after(toks, b, chains))
                       for a, b in ends.items()):
                    continue  # "A, Thủ tướng B": the title is B's; not "A - Thủ tướng, ông B - Bộ trưởng"
                out.extend(chain)
        out.extend(t for t in self.copula_title(toks, i, chains, names) if t not in out)  # (with a title of its own too)
        out.extend(t for t in self.shared_title(toks, i, chains, names) if t not in out)
        return out

    def shared_title(self, toks, i: int, chains, names) -> list:
        """'các đồng chí Ủy viên Bộ Chính trị: Thủ tướng A, Chủ tịch Quốc hội B; C - Trưởng Ban ...': the
        title closed by a colon is every listed name's, while only list material (``_list_stretch``)
        stands between the colon and the name, and the list names two at least. A list that opens
        with a bare name ('nguyên Chủ tịch nước: A, B; nguyên Thủ tướng C') ends at a name with a
        title before it; a colon after a body's name ('Bộ Tư lệnh Quân khu 7: ...') closes no title."""
        opened = [(ci, cj, chain) for ci, cj, chain in chains if cj < i and toks[cj].text == ":"]
        if not opened:
            return []
        ci, colon, chain = max(opened, key=lambda x: x[1])
        if ci > 1 and toks[ci - 1].is_cap:  # (not a sentence's first word: "Các Phó Thủ tướng: A, B")
            return []
        words = self.g.words(toks)
        listed = set()
        for a, b, *_ in [*names, *chains]:
            listed.update(range(a, b))
        if not self._list_stretch(toks, words, listed, colon + 1, i):
            return []
        if i > colon + 1 and not any(colon < a < i for a, _, _ in names):  # first, not right after it: another must follow
            later = [a for a, _, _ in names if a > i]  # (one name after a colon is a headline's quote:
            if not later or not self._list_stretch(toks, words, listed, i, min(later)):  # "Tổng Bí thư: Kỷ luật ông A")
                return []
        first = colon + 1
        while first < i and words[first] in self.g.lex.honorific_words:
            first += 1
        names_first = first == i or any(a == first for a, _, _ in names)
        if names_first and any(self.just_before(toks, cj, a) for a, _, _ in names if colon < a <= i
                               for ci2, cj, _ in chains if colon < ci2):
            return []
        return chain

    def _list_stretch(self, toks, words, listed: set[int], start: int, end: int) -> bool:
        """Nothing but list material in [start, end): names, titles, bodies' names, commas and
        semicolons, 'và', honorifics, short asides in brackets."""
        k = start
        while k < end:
            if words[k] == "(" and ")" in words[k + 1:min(k + 8, end)]:  # "Tổng Giám đốc (TGĐ) Thông tấn xã ..."
                k = words.index(")", k + 1)
            elif not (k in listed or _in_proper_name(toks, k) or words[k] in _LIST_FILLERS
                      or words[k] in self.g.lex.honorific_words):
                return False
            k += 1
        return True

    def just_after(self, toks: list[Tok], end: int, ci: int, chain: list) -> bool:
        """A title chain starting at ``ci`` follows a name ending at ``end``: after a dash, comma or
        bracket (maybe with 'nguyên' between), or right after it, its comma lost, when it writes its
        body ("Thiếu tướng Đàm Thanh Thế Chánh Văn phòng ..."; "Hồ Thị Kim Thoa Thủ tướng vừa ký ..."
        is a lost line break)."""
        if ci == end:
            return end > 0 and toks[end - 1].is_cap and self.names_its_body(toks, chain)
        return end < len(toks) and toks[end].text in ("-", "–", ",", "—", "(") and ci in (end + 1, self.title_start(toks, end))

    def title_start(self, toks: list[Tok], end: int) -> int:
        """Where a title after the name ending at ``end`` (at its comma, dash or bracket) starts: past
        'nguyên' or 'cựu', and in a bracket past the age or the year of birth ('ông A (54 tuổi, Bí thư
        Quận ủy X)', 'bà B (sinh năm 1970, nguyên Giám đốc Sở Y)')."""
        words = self.g.words(toks)
        k = end + 1
        if words[end:end + 1] in (["("], [","]):
            aside = words[k:k + 4]
            if aside[:1] and aside[0].isdigit() and aside[1:3] == ["tuổi", ","]:
                k += 3
            elif aside[:1] == ["sn"] and aside[1:2] and aside[1].isdigit() and aside[2:3] == [","]:
                k += 3
            elif aside[:2] == ["sinh", "năm"] and aside[2:3] and aside[2].isdigit() and aside[3:4] == [","]:
                k += 4
            elif aside[:2] == ["sinh", "ngày"]:  # "ông A, sinh ngày 24/4/1975, Thành ủy viên, ...": the day of birth
                e = k + 2
                while e < len(words) and e - k < 9 and words[e] and all(c.isdigit() or c in "/-." for c in words[e]):
                    e += 1
                if e > k + 2 and words[e:e + 1] == [","]:
                    k = e + 1
        return k + 1 if k < len(words) and words[k] in self.g.lex.former_words else k

    def opens_clause(self, toks: list[Tok], i: int, cj: int, chain: list) -> bool:
        """A bare title after the comma of a name that is no clause's subject (a word of its clause
        stands before it: "gặp ông A", "của A") and with a verb of saying or directing right after it
        (roles.json clause_verbs): it is the subject of the clause it opens ("Sau khi gặp ông A, Thủ
        tướng yêu cầu ...")."""
        if len(chain) > 1 or self.names_its_body(toks, chain) or self.g.lex.clause_verbs.match(self.g.words(toks), cj) is None:
            return False
        k = i - 1
        while k >= 0 and (toks[k].is_cap or toks[k].low in self.g.lex.honorific_words):
            k -= 1
        return k >= 0 and toks[k].is_lower_word

    def titled_after(self, toks: list[Tok], end: int, chains) -> bool:
        """A title chain follows the name that ends at ``end`` ("B - Giám đốc Sở ...")."""
        return any(self.just_after(toks, end, ci, chain) for ci, _, chain in chains)

    def paired(self, toks: list[Tok], ci: int, chain: list, end: int, names, chains) -> bool:
        """A chain at ``ci`` comes right after an earlier name, and the name ending at ``end`` after
        it has a title of its own: the list pairs each name with the title after it."""
        return (any(b <= ci and self.just_after(toks, b, ci, chain) for _, b, _ in names)
                and self.titled_after(toks, end, chains))

    def names_its_body(self, toks: list[Tok], chain: list) -> bool:
        """The last title of a chain writes its body after the role ('Chánh Văn phòng X'), not only implies it."""
        r = self.g.role_at(toks, chain[-1].i, allow_lower=True)
        return chain[-1].org is not None and r is not None and chain[-1].j > r[1]

    def just_before(self, toks: list[Tok], end: int, start: int) -> bool:
        """A title ending at ``end`` is right before a name at ``start``, maybe with an honorific between."""
        words = self.g.words(toks)
        gap = tuple(words[end:start])
        opened = _list_opened(gap)
        if opened is not None:  # "Chủ tịch UBND tỉnh là ông A", "Các Phó Giám đốc gồm: ông A, ...": the title is the name's
            return not gap[opened:] or gap[opened:] in self.g.lex.honorifics
        if gap[:1] == (",",):  # "Giám đốc Sở Y tế, ông Nguyễn Văn A": an appositive with its honorific
            return len(gap) > 1 and gap[1:] in self.g.lex.honorifics
        return end == start or 0 < start - end <= 3 and gap in self.g.lex.honorifics

    def counted_list_title(self, toks: list[Tok], k: int, end: int) -> bool:
        """'Hai phó bí thư Tỉnh ủy khác là bà A và ông B': a title in lower case after a count ('hai',
        'ba', 'các', '3') that gives itself to the list of names after it."""
        words = self.g.words(toks)
        counted = k > 0 and (words[k - 1] in self.g.lex.numeral_name_words or words[k - 1] == "các" or toks[k - 1].text.isdigit())
        return counted and _list_opened(tuple(words[end:end + 6])) is not None

    def copula_title(self, toks, i: int, chains, names) -> list:
        """'Hai Phó Chủ tịch HĐND là bà A và ông B', 'Các Phó Giám đốc Sở gồm: ông A, ông B': a title
        given by 'là' or 'gồm' to a list of names is each one's."""
        words = self.g.words(toks)
        for a, b, _ in reversed([x for x in names if x[1] <= i]):
            gap = _without_aside(tuple(words[b:i]))  # ("bà A (tái cử) và ông B")
            if not (gap[:1] in (("và",), (",",)) and (len(gap) == 1 or gap[1:] in self.g.lex.honorifics)):
                return []
            for ci, cj, chain in chains:
                if cj < a and _list_opened(tuple(words[cj:a])) is not None and self.just_before(toks, cj, a):
                    return chain
            i = a
        return []


# words by which a title gives itself to the names after it: "... là ông A", "..., gồm: ông A, ông B"
_LIST_QUALIFIERS = (("khác",), ("mới",), ("còn", "lại"))
_LIST_OPENERS = (("là",), ("gồm",), ("bao", "gồm"), ("gồm", "có"), ("gồm", "các"), ("là", "các"))


# what may stand between the items of a list of names with their titles
_LIST_FILLERS = frozenset({",", ";", "và", "-", "–"})


def _list_opened(gap: tuple[str, ...]) -> int | None:
    """How many words of ``gap`` (the words between a title and a name) open a list, maybe after a
    comma and up to a colon two words on at most; None when they do not start so."""
    k = 1 if gap[:1] == (",",) else 0
    k += next((len(q) for q in _LIST_QUALIFIERS if gap[k:k + len(q)] == q), 0)  # "Hai Phó Bí thư khác là ..."
    for opener in _LIST_OPENERS:
        if gap[k:k + len(opener)] == opener:
            e = k + len(opener)
            colon = next((c for c in range(e, min(e + 3, len(gap))) if gap[c] == ":"), None)
            return colon + 1 if colon is not None else e  # ("gồm các ông: A, B": whom the list names, then its colon)
    return None


def _in_proper_name(toks: list[Tok], k: int) -> bool:
    """The token at ``k`` is a capitalised word or a lower-case one between two ('Thông tấn xã Việt Nam')."""
    return toks[k].is_cap or 0 < k < len(toks) - 1 and toks[k - 1].is_cap and toks[k + 1].is_cap


def _without_aside(gap: tuple[str, ...]) -> tuple[str, ...]:
    """The words between two names without a short aside in brackets right after the first."""
    if gap[:1] == ("(",) and ")" in gap[1:8]:
        return gap[gap.index(")") + 1:]
    return gap

