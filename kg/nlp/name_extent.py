"""Where a body's name ends after its head: the words a name runs over (capitals, acronyms, small
numbers, joiners and short lower-case runs) and the words that end it (stop words, what a body does,
a person's name). A mixin of ``OpenOrgNames``: it asks the grammar for places and bodies as it goes."""
from __future__ import annotations

from kg.naming import foreign_word
from kg.nlp.tokens import Tok


class NameExtent:
    def _name_part(self, toks, words, j: int, depth: int = 0, after_form: bool = False, limit: int = 14,
                   holder: bool = False, listed: bool = False, gathers: bool = False) -> int:
        """End of the name after a head: it starts with a capital or an acronym and runs over
        capitalised words, acronyms, numbers ('số 2'), joiners ('và', '-', '&', 'tại' + a country)
        and lower-case words, until a stop word, a level word, a place or another body. Lower-case
        words follow only a single capitalised word ('Cục Quản lý thị trường'); after a proper name
        of two or more capitals or an acronym ('Công ty Tùng Lâm', 'Tập đoàn FLC') the name is over.
        A personal name after a name already begun is the person the title belongs to
        ('Bộ Y tế Nguyễn Thị Kim Tiến'), not part of the body; right after the head or a school type
        it is the name ('Trường THPT Lê Quý Đôn'). An association's name may open with the head of the
        bodies it gathers ('Hiệp hội Doanh nghiệp Hàng không': ``gathers``)."""
        n = len(toks)
        pair = self._country_pair(toks, words, j) if 0 < j < len(toks) and words[j - 1] in self.lex.open_named_after else None
        if j >= n or not (toks[j].is_cap and toks[j].is_name_word or toks[j].is_acronym) or (
                self._ends_name(toks, words, j, depth) and not (gathers and self._gathered_head(toks, words, j))
                and tuple(words[j:j + 2]) not in self.lex.heads_in_full and not pair):
            return j
        if holder and self._foreign_name_at(toks, words, j):
            return j  # "Chủ tịch Thượng viện Sanasee Vigneswaran": the title's holder, not the body's name
        if words[j] in self.lex.function_stops:  # "Liên hiệp Các Hội ...": a capitalised function word names nothing
            return j
        if (not after_form and self._person_run(toks, words, j)
                and words[j - 1] not in self.lex.open_named_after):
            return j  # "Đảng Nguyễn Thành Phong": the body's name is not a person's
        named_after = self.capital_run(toks, j, limit=5) if (
            after_form or words[j - 1] in self.lex.open_named_after) and self._person_run(toks, words, j) else j
        k = j + 1  # ("Trường THPT Nguyễn Thái Học": the person a school is named after is one name)
        end = k
        lower_run = 0
        cap_run = 0 if toks[j].is_acronym else 1
        proper = toks[j].is_acronym or len(toks[j].text) == 1 or _brand(toks[j])
        if pair:  # "Bệnh viện Việt Nam - Cuba Đồng Hới": two countries the body is named after, one name
            k = end = pair
            proper, cap_run = True, 2
        joined = False  # after 'và', '-', '&': a second part, whose lower-case tail is short
        while k < n and k - j < limit:
            t, w = toks[k], words[k]
            nxt = toks[k + 1] if k + 1 < n else None
            if t.text in ("-", "–", "&") or w == "và":
                attached = t.text in ("-", "–") and nxt is not None and toks[k - 1].end == t.start and nxt.start == t.end
                if nxt is None or t.text != "&" and nxt.text in self.lex.editor_marks or not (
                        nxt.is_cap or nxt.is_acronym or self._joins_lower(toks, words, j, k, proper, lower_run, attached)):
                    break
                if (self._ends_name(toks, words, k + 1, depth) or self._person_run(toks, words, k + 1)
                        or self._document_after(words, k)
                        or depth < 3 and self.org_at(toks, k + 1, depth + 1) is not None
                        or t.text != "&" and self._two_fields(words, j, k)):
                    break  # "liên Bộ Tài chính - Công Thương": a second ministry, not part of the name
                k += 1
                joined, proper, cap_run, lower_run = True, False, 0, 0
                continue
            if w == "tại" and nxt is not None and nxt.is_cap and self.lex.countries.match(words, k + 1):
                end = self.lex.countries.match(words, k + 1)[0]
                break
            phrase = self.lex.name_phrases.match(words, k) if w in self.lex.name_phrases.longest else None
            if phrase is not None:  # "Cục Kiểm tra sau thông quan": a stop word inside the name's own phrase
                k = end = phrase[0]
                lower_run = cap_run = 0
                continue
            if w == "số" and nxt is not None and nxt.text.isdigit():
                k += 2
                end = k
                break
            if t.text == "," and listed and end == k and k - j <= 4:
                end = self._field_list(toks, words, k, depth) or end
                break  # "Cục Xuất bản, In và Phát hành": fields listed and closed by 'và'
            if self._ends_name(toks, words, k, depth):
                break
            if t.is_cap and t.is_name_word or t.is_acronym:
                if (k >= named_after and self._person_run(toks, words, k)
                        or w in self.lex.function_stops and not self._name_word(toks, words, k)) \
                        and not self._numbered_after(toks, k) or holder and self._foreign_name_at(toks, words, k):
                    break
                k += 1
                end = k
                cap_run = cap_run + 1 if not t.is_acronym else 0
                proper = t.is_acronym or cap_run >= 2 or len(t.text) == 1 or _brand(t)
                lower_run = 0
                continue
            if t.text.isdigit() and k == end and len(t.text) <= 3 and (
                    nxt is None or not nxt.is_lower_word or nxt.low in self.lex.after_unit_number):
                end = k + 1
                break  # 'Tổng công ty xây dựng công trình giao thông 4', 'Trường Tiểu học An Thới 1'
            if t.is_lower_word and not proper:
                if self._stops_name(words, k) or self._acts_on(toks, words, k):
                    break
                lower_run += 1
                cap_run = 0
                if lower_run > (5 if joined else 8):
                    break
                k += 1
                end = k
                continue
            break
        while end > j + 1 and words[end - 1] in self.lex.not_last_in_name:
            end -= 1  # "Tổ Tư vấn kinh tế của Thủ tướng": a name ends before what links it to the next
        return end

    def _country_pair(self, toks, words, j: int) -> int | None:
        """End of 'Việt Nam - Cuba', 'Việt Nam – Thụy Điển' at ``j``: two countries joined by a dash, the
        name of a hospital or a school of two countries' friendship ('Bệnh viện Việt Nam - Cuba')."""
        first = self.lex.countries.match(words, j) if j < len(toks) and toks[j].is_cap else None
        if first is None or first[0] + 1 >= len(toks) or toks[first[0]].text not in ("-", "–"):
            return None
        second = self.lex.countries.match(words, first[0] + 1)
        return second[0] if second is not None and toks[first[0] + 1].is_cap else None

    def _gathered_head(self, toks, words, j: int) -> bool:
        """The head of an open class of bodies ('Doanh nghiệp', 'Bệnh viện', 'Ngân hàng') at ``j``, not a
        level, a place, a title or a body the lexicon names: the bodies an association gathers."""
        return (self.lex.open_heads.match(words, j) is not None and not self.level_at(toks, j)
                and not self.lex.provinces.match(words, j) and not self.lex.roles.match(words, j)
                and not self.lex.national.match(words, j))

    def _joins_lower(self, toks, words, j: int, k: int, proper: bool, lower_run: int, attached: bool) -> bool:
        """The joiner at ``k`` goes on to a lower-case word of the same name: a hyphen with no spaces
        ('Phòng Kế hoạch-tài chính'), or 'và' after a capitalised field ('Vụ Chế độ và ...'), after a
        lower-case field when a second one ends where the clause goes on (``_second_field``), or
        between what a company does ('Công ty Đầu tư và thương mại Dầu khí Sông Đà'). Not after a
        proper name ('Công ty Tùng Lâm và ...') unless that is only what a company does ('Thương Mại')."""
        if not toks[k + 1].is_lower_word:
            return False
        trade = self._trade_fields_only(words, j, k)
        if proper and not trade:
            return False
        return attached or words[k] == "và" and (
            lower_run == 0 and toks[k + 1].text not in self.lex.name_stops
            or lower_run > 0 and self._second_field(toks, words, k + 1)
            or trade and self.lex.trade_fields.match(words, k + 1) is not None)  # what it does, then more of it

    def _trade_fields_only(self, words, a: int, b: int) -> bool:
        """words[a:b] are only what a business does ('Đầu tư', 'Xuất nhập khẩu'; orgs.json trade_fields)."""
        while a < b:
            m = self.lex.trade_fields.match(words, a)
            if m is None or m[0] > b:
                return False
            a = m[0]
        return True

    def _second_field(self, toks, words, k: int) -> bool:
        """After a name's lower-case field and 'và', a second field of one to four lower-case words
        that ends where the clause goes on: 'Vụ Chế độ kế toán và kiểm toán cho biết', 'Viện Khoa học
        địa chất và khoáng sản,'. Not who else the clause names ('... và người dân', '... và cơ quan
        liên quan': orgs.json not_field_words; a title), nor a phrase that a name, a number or a
        capitalised word goes on from ('... và đầu tư Nguyễn Văn A', '... và khoản 2')."""
        m, n = k, len(toks)
        while m < n and m - k < 4 and toks[m].is_lower_word and not self._stops_name(words, m) and self.level_at(toks, m) is None:
            m += 1
        if m == k or self._names_another(words, k):
            return False
        return self._clause_resumes(toks, words, m) or toks[m].is_acronym

    def _field_list(self, toks, words, k: int, depth: int) -> int | None:
        """The end of ', field, field và field' at ``k`` (a comma) when it closes where the clause goes
        on: 'Vụ Khoa học, Công nghệ và Hợp tác quốc tế đã ...'. Items of one to three words (the last
        up to four) that are no body, place, person or title, opening with a content word that
        ends names elsewhere ('hợp tác quốc tế'), then up to the next stop word."""
        m, n = k, len(toks)
        while m < n and toks[m].text == ",":
            m = self._list_item(toks, words, m + 1, depth, 3)
            if m is None:
                return None
        if m >= n or words[m] != "và":
            return None
        e = self._list_item(toks, words, m + 1, depth, 4)
        if e is None:
            return None
        goes_on = self._clause_resumes(toks, words, e) or toks[e].is_cap and depth < 3 and self.org_at(toks, e, depth + 1) is not None
        return e if goes_on else None

    def _list_item(self, toks, words, s: int, depth: int, most: int) -> int | None:
        e, n = s, len(toks)
        if s >= n or self._names_another(words, s) or self._ends_name(toks, words, s, depth) or self._person_run(toks, words, s) \
                or toks[s].is_cap and depth < 3 and self.org_at(toks, s, depth + 1) is not None:
            return None
        while (e < n and e - s < most and toks[e].is_word and not toks[e].is_acronym and words[e] != "và"
               and words[e] not in self.lex.function_stops and words[e] not in self.lex.lower_name_ends
               and (e == s or not self._stops_name(words, e))
               and self.level_at(toks, e) is None):
            e += 1
        return e if e > s else None

    def _names_another(self, words, k: int) -> bool:
        """Who else the clause names starts at ``k`` ('người dân', 'cơ quan liên quan': orgs.json
        not_field_words; a title), not a field of a name."""
        return self.lex.not_field_words.match(words, k) is not None or self.lex.roles.match(words, k) is not None

    def _clause_resumes(self, toks, words, k: int) -> bool:
        """The sentence ends at ``k``, or punctuation (not a number) or a word that ends names is there."""
        return k == len(toks) or not toks[k].is_word and not toks[k].text.isdigit() or self._stops_name(words, k)

    def _document_after(self, words, k: int) -> bool:
        """A document follows the joiner at ``k`` ('Bộ Chính trị và Chỉ thị số 06', '... - Quyết định
        270'): what the body issued, not a second part of its name. After a dash, only with its number."""
        doc = self.lex.document_words.match(words, k + 1)
        if doc is None:
            return False
        return words[k] == "và" or doc[0] < len(words) and (words[doc[0]] == "số" or words[doc[0]].isdigit())

    def _name_word(self, toks, words, k: int) -> bool:
        """A capitalised stop word at ``k`` that is a word of the name: in a compound with the word before
        ("Ngã Ba"), or a numeral before another capitalised word ("Ba Đình", "Hai Bà Trưng")."""
        if (words[k - 1], words[k]) in self.lex.name_compounds:
            return True
        return (words[k] in self.lex.numeral_name_words and k + 1 < len(toks) and toks[k + 1].is_cap
                and toks[k + 1].is_name_word)

    def _acts_on(self, toks, words, k: int) -> bool:
        """What a body does starts at ``k``: a verb before another body ("Tổng cục Hải quan tham mưu Bộ
        Tài chính") or before a document ("Ủy ban Quản lý vốn xây dựng Bảng tiêu chí", "... xây dựng kế hoạch")."""
        if k + 2 < len(toks) and toks[k + 2].is_cap and tuple(words[k:k + 2]) in self.lex.verbs_before_body:
            return True
        verb = self.lex.verbs_on_documents.match(words, k) if words[k] in self.lex.verbs_on_documents.longest else None
        return verb is not None and self.lex.document_words.match(words, verb[0]) is not None

    def _numbered_after(self, toks: list[Tok], k: int) -> bool:
        """A capitalised run followed by a small number is the name's own words, not a person's or a
        function word's ('Công ty Cổ phần Đầu tư xây dựng Ba Đình 1')."""
        e = self.capital_run(toks, k, limit=5)
        return e < len(toks) and toks[e].text.isdigit() and len(toks[e].text) <= 3

    def _two_fields(self, words, j: int, k: int) -> bool:
        """The name so far is a ministry's field and another field follows the joiner at ``k``."""
        first = self.lex.ministry_fields.match(words, j)
        return first is not None and first[0] == k and self.lex.ministry_fields.match(words, k + 1) is not None

    def _stops_name(self, words, k: int) -> bool:
        """A stop word at ``k`` ends a name, unless it is a content word inside a compound of the name."""
        w = words[k]
        nxt = words[k + 1] if k + 1 < len(words) else ""
        compounds = self.lex.name_compounds
        if (words[k - 1], w) in compounds:  # "hàng không": the stop word ends a word of the name
            return False
        if w in self.lex.function_stops:
            return True
        if (w, nxt) in compounds:
            return False
        return w in self.lex.name_stops or (w, nxt) in self.lex.name_stop_pairs

    def _person_run(self, toks, words, k: int) -> bool:
        """A family name and one to three more capitalised syllables, then no more capitals, or then a
        title or a sentence's first word glued on by a lost full stop ('Hồ Thị Kim Thoa Thủ tướng ...')."""
        if words[k] not in self.lex.surnames or not toks[k].is_cap:
            return False
        e = self.capital_run(toks, k, limit=5)
        if e - k == 5:  # (only where what follows the name is a title or a sentence's first word)
            end = self.name_at(toks, k, True)
            if end is not None and end < e and (self.lex.roles.match(words, end) or toks[end].text in self.lex.not_name_end
                                                and end + 1 < len(toks) and toks[end + 1].is_lower_word):
                e = end
        return 2 <= e - k <= 4 and all(toks[x].is_name_word and not toks[x].is_acronym for x in range(k, e))


def _brand(t: Tok) -> bool:
    """A capitalised word no Vietnamese syllable spells ('Vingroup', 'MobiFone', 'Viettel'): a proper
    name already, which lower-case words after it do not go on ('Tập đoàn Vingroup đầu tư ...')."""
    return len(t.text) > 3 and t.is_cap and foreign_word(t.text)

