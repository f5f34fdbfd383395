"""The grammar of Vietnamese official names over syllable tokens, in layers: places
(``places``), organisations (``orgs``), titles (``titles``) and people's names (here)."""
from __future__ import annotations

from kg.naming import foreign_word
from kg.nlp.titles import Title, TitleGrammar
from kg.nlp.tokens import Found, Tok

__all__ = ["Found", "Grammar", "Title", "Tok"]


class Grammar(TitleGrammar):
    def name_at(self, toks: list[Tok], i: int, cued: bool) -> int | None:
        """End of a personal name starting at ``i``, or None. Uncued names need a family name and
        3+ syllables. A place, a country or a region is never a name, and a word that opens a
        sentence is not the end of one (a lost line break: "Nguyễn Văn An Những ngày qua")."""
        if cued:
            hyphenated = self._hyphenated_name(toks, i)
            if hyphenated is not None:
                return hyphenated
        j = self.capital_run(toks, i, limit=5)
        roles = self.lex.roles
        j = next((x for x in range(i + 2, j) if toks[x].low in roles.longest and roles.match(self.words(toks), x)), j)
        # ("Đàm Thanh Thế Chánh Văn phòng ...": a title right after the name, its comma lost, is not the name's)
        if cued:
            j = self._with_particles(toks, i, j)
        while j - i > 2 and (toks[j - 1].text in self.lex.not_name_end or j < len(toks)
                             and (toks[j - 1].text, toks[j].text) in self.lex.not_name_end_pairs):
            j -= 1  # ("Nguyễn Thiện Nhân Cụ thể, ...": a sentence opener glued on by a lost line break)
        n = j - i - sum(1 for t in toks[i:j] if t.text in self.lex.name_particles)
        if n < 2 or n > 4 or any(not t.is_name_word or t.is_lower_word and t.text not in self.lex.name_particles
                                 for t in toks[i:j]):
            return None
        if any(t.text.isupper() and len(t.text) > 1 for t in toks[i:j]):
            return None  # acronyms: "MTTQ", "UBND"
        if cued and " ".join(t.text for t in toks[i:j]) in self.lex.pen_names:
            return j  # "Tổng Bí thư Trường Chinh"
        if (j - i >= 3 and i and toks[i - 1].is_lower_word and not foreign_word(toks[i].text)
                and all(foreign_word(t.text) for t in toks[i + 1:j]) and self.lex.regions.match(self.words(toks), i - 1)):
            return None  # "châu Âu Donald Tusk": the end of a region before a foreign name, no name of ours
        if j - i >= 4 and foreign_word(toks[i].text) and toks[i + 1].low in self.lex.surnames \
                and not foreign_word(toks[i + 1].text) and toks[i].text not in self.lex.baptismal_names:
            return None  # "HĐTV Mobifone Lê Nam Trà": a brand before a name of ours; the name starts after it
        before = _written_before(toks, i)
        if cued and i > 1 and toks[i - 1].text.islower() and toks[i - 2].text.islower():
            before = set()  # the end of a title's body ("Bộ trưởng Bộ ... Phát triển nông thôn Nguyễn Xuân Cường")
        if before & self.lex.not_person_after or toks[i].text in self.lex.not_name_start and not (
                n >= 3 and toks[i + 1].text == "Thị"):  # ("Văn Thị Bạch Tuyết": 'Thị' names a woman)
            return None  # "đường Nguyễn Văn Cừ", "Trường THPT Lê Quý Đôn", "Vụ Địa phương"
        if self.is_place_name(toks, i, j) and not (cued and self._person_named_as_place(toks, i, j)):
            return None
        if toks[i].text in self.lex.not_name_end and toks[i].low not in self.lex.surnames and toks[i + 1].text not in (
                self.lex.middle_names):  # ("Vì Văn Tám": a family name before the middle name of most)
            return None  # "... Quốc Cường Gia Lai Theo Cáo trạng": a sentence's first word, no name's
        if toks[i].text in self.lex.not_person_after and toks[i + 1].low in self.lex.surnames:
            return None  # "Đường Lương Định Của": a street, though 'Đường' is a family name too
        surname = toks[i].text.lower() in self.lex.surnames
        if surname and (cued or n >= 3):
            return j
        if cued and n >= 2:
            return j
        return None

    def _person_named_as_place(self, toks: list[Tok], i: int, j: int) -> bool:
        """'Chủ tịch Hồ Chí Minh': a province named after a person (provinces.json needs_prefix) right
        after a word that names a person (roles.json person_place_cues) is the person."""
        m = self.lex.provinces.match(self.words(toks), i)
        if m is None or m[0] != j or m[1] not in self.lex.needs_prefix:
            return False
        return bool(_written_before(toks, i) & self.lex.person_place_cues)

    def _hyphenated_name(self, toks: list[Tok], i: int) -> int | None:
        """End of a name transcribed syllable by syllable, as Lao and Khmer names are: two to four
        capitalised words, a hyphen and lower-case syllables attached to some ("Thoong-lun
        Xi-xu-lít"). Only where a name is expected."""
        n, k, count, hyphens = len(toks), i, 0, 0
        while k < n and count < 4 and toks[k].is_cap and toks[k].is_name_word and (
                count == 0 or toks[k].start == toks[k - 1].end + 1):
            k += 1
            while (k + 1 < n and toks[k].text == "-" and toks[k].start == toks[k - 1].end
                   and toks[k + 1].start == toks[k].end and toks[k + 1].is_lower_word):
                k += 2
                hyphens += 1
            count += 1
        if not hyphens or count < 2 or self.is_place_name(toks, i, k):
            return None
        if toks[i].low in self.lex.surnames and not any(foreign_word(t.text) for t in toks[i + 1:k] if t.is_cap):
            return None  # "Trần Quốc Tỏ-thứ trưởng": a Vietnamese name glued to the next word, no transcription
            # (but "Kim Jong-un": a family name we share, then syllables no Vietnamese name spells)
        return k

    def is_place_name(self, toks: list[Tok], i: int, j: int) -> bool:
        """'Hà Tĩnh', 'Việt Nam', 'Thái Bình Dương', 'Campuchia Hun Manet' (a country first), 'Nông ...'
        of 'Đăk Nông' (inside a place that began before): places, not names."""
        words = self.words(toks)
        for table in (self.lex.provinces, self.lex.countries, self.lex.regions):
            m = table.match(words, i)
            if m and (m[0] == j or table is self.lex.countries or m[0] - i >= 2):
                return True
            for back in (1, 2):
                m = table.match(words, i - back) if i - back >= 0 and toks[i - back].is_cap else None
                if m and m[0] > i:
                    return True
        return False

    def honorific_before(self, toks: list[Tok], k: int) -> bool:
        """An honorific, rank, degree or calling ends just before ``k``: "ông", "Thượng tướng", "PGS.TS"."""
        words = self.words(toks)
        if k > 1 and toks[k - 1].text == "." and toks[k - 2].text[:1].isupper() and any(c.isupper() for c in toks[k - 2].text[1:]):
            k -= 1  # "TS. Lê Hùng", "PGS.TS. Trần Văn A": an abbreviated degree and its full stop
        return any(k - n >= 0 and tuple(words[k - n:k]) in self.lex.honorifics for n in (1, 2, 3))


def _written_before(toks: list[Tok], i: int) -> set[str]:
    """The word and the two words right before ``i``, as written ("đường", "Chủ tịch")."""
    if not i:
        return set()
    return {toks[i - 1].text, f"{toks[i - 2].text} {toks[i - 1].text}" if i > 1 else ""}
