"""Bodies the lexicon does not list: a head word ("Cục", "Trường", "Công ty") and a name the
grammar can bound. The name runs over capitalised words, acronyms, numbers and a few lower-case
words, and ends at a stop word, a level or place, another body or a personal name; every word list
comes from ``kg/data``. A mixin of ``OrgGrammar``: it asks the grammar for places, levels and
bodies (``org_at``) as it goes."""
from __future__ import annotations

from kg.model import OrgRef, PlaceRef
from kg.naming import foreign_word
from kg.nlp.name_extent import NameExtent
from kg.nlp.tokens import ROMAN, Found, Tok


class OpenOrgNames(NameExtent):
    def _open(self, toks, words, i, depth):
        """A head and a name the grammar can bound: 'Cục Quản lý thị trường', 'Trường THPT Ứng Hòa A',
        'Công ty cổ phần Bình Minh Xanh', 'Tập đoàn FLC', 'Đội 6', 'Hiệp hội Doanh nghiệp Nhật Bản tại
        Việt Nam'. The name ends at a stop word (name_stops.txt), a level or place (the scope), or
        another body (its parent: 'Văn phòng UBND tỉnh')."""
        head = self.lex.open_heads.match(words, i)
        if not head or not toks[i].is_cap:
            return None
        j = head[0]
        if all(t.text.isupper() for t in toks[i:j]) and (j - i > 1 or _capitals_run(toks, i) >= 5) \
                and not self._titled(words, i):
            return None  # "TỔ CHỨC THỰC HIỆN", "BÁO CÁO TÀI CHÍNH MỘT SỐ ...": a heading in capitals, no name to bound
        written = self._text(toks, i, j)
        head_text = head[1] if written.lower() != head[1].lower() else written  # "Trường ĐH" is "Trường Đại học"
        # after a title, a foreign personal name right after a state body's head is the title's holder
        # (orgs.json holder_heads: a school, a company or 'Tổ chức' may be named so itself)
        holder = (head[1] in self.lex.holder_heads and any(t.is_cap and _foreign(t) for t in toks[j:j + 8])
                  and self._titled(words, i))
        forms: list[str] = []
        while True:  # legal forms and school types: 'Công ty TNHH MTV', 'Trường THPT'
            form = self.lex.open_forms.match(words, j)
            if not form:
                break
            j = form[0]
            forms.append(form[1])
        if j < len(toks) and head[1].lower() in self.lex.term_numbered and ROMAN.fullmatch(toks[j].text):
            return None  # "Đại hội Đảng XII": the congress's number
        roman = j < len(toks) and head[1].lower() in self.lex.roman_numbered and ROMAN.fullmatch(toks[j].text)
        if j < len(toks) and toks[j].text.isdigit() or roman:  # 'Đội 6', 'Vụ III': a number names only some units
            if not roman and (head[1].lower() not in self.lex.open_numbered or len(toks[j].text) > 3):
                return None
            end = j + 1
        else:
            end = self._field_then_name(toks, words, j, depth, head[1]) if head[1] in self.lex.open_fielded else j
            if end == j:
                named_after = j > head[0] or head[1].lower() in self.lex.named_after_heads
                end = self._name_part(toks, words, j, depth, after_form=named_after, holder=holder,
                                      listed=head[1].lower() in self.lex.field_list_heads,
                                      gathers=head[1].lower() in self.lex.association_heads)
        if head[1].lower() in self.lex.issue_heads and end - j >= 3 and words[end - 2] == "số":
            end -= 2  # "Báo CAND số 4531": the paper's issue
        named = end - j
        if named == 0 and j == head[0] and holder and self._foreign_name_at(toks, words, j):
            return Found(i, j, OrgRef(self._text(toks, i, j), "", self.lex.open_scope[head[1].lower()], kind="open"))
        if any(tuple(words[i:i + len(x)]) == x for x in self.lex.not_org_names):
            return None
        if named == 0 and j == head[0] and head[1] in self.lex.open_needs_name and j < len(toks) and (
                self.level_at(toks, j) or self.province_at(toks, j)):
            return None  # "Trung tâm thành phố Hà Nội": the city centre, no body
        if named == 0 and j < len(toks) and (j > head[0] or depth == 0):
            prov = self.province_at(toks, j)  # "Trường Tiểu học Hòa Bình", "Bộ Tư lệnh Thủ đô": named like a province
            if prov is not None:  # (a bare head before a place inside another name is that name's word)
                return Found(i, prov.j, OrgRef(f"{head_text} {self._text(toks, head[0], prov.j)}", "", "local", kind="open",
                                               place=PlaceRef(prov.value, "province") if j == head[0] else None))
        if (named == 0 and j == head[0] and j < len(toks) and toks[j].is_lower_word and head[1] in self.lex.lower_name_heads
                and self._titled(words, i)):
            end = self._lower_name(toks, words, j)  # "Cục trưởng Cục chống tham nhũng": a name in lower case after its title
            if end > j:
                return Found(i, end, OrgRef(self._text(toks, i, end), "", self.lex.open_scope[head[1].lower()], kind="open"))
        if named == 0 and j == head[0] and not (head[1] in self.lex.foreign_heads and self._country_after(toks, words, j)):
            lone = self._lone_head(toks, words, i, j, depth)  # "Giám đốc Sở", "Chủ nhiệm Ủy ban": a short form
            if lone is not None:
                lone.value.label = head_text  # ("Cty": the article's 'Công ty ...')
            if lone is not None or not (j < len(toks) and toks[j].text in self.lex.short_heads and depth < 3):
                return lone  # (but "Hội đồng ĐH Quốc gia Hà Nội": a unit of the body whose head is written short)
        if named == 1 and head[1].lower() in self.lex.open_needs_two and not (toks[j].is_acronym or toks[j].text.isdigit() or roman):
            return None
        seat = self._seat_after(toks, words, j, end)
        if seat is not None:  # "Chi hội doanh nghiệp Nhật Bản tại Bình Dương": a foreign body and where it sits
            return Found(i, seat, OrgRef(self._text(toks, i, seat), "", "national", kind="open"))
        name = " ".join([head_text, *forms] + ([self._text(toks, j, end)] if end > j else []))
        scope_default = self.lex.open_scope[head[1].lower()]
        country = self._country_after(toks, words, end)
        if country:  # 'Hải quan Úc', 'Đảng Nhân dân Campuchia', 'Hiệp hội DN Nhật Bản tại Việt Nam': a foreign body
            e = country[0]
            if e + 1 < len(toks) and words[e] == "tại" and toks[e + 1].is_cap:
                # "Hiệp hội DN Nhật Bản tại Việt Nam", "... tại TP.HCM", "Đại sứ quán Ấn Độ tại Hà Nội": where it sits
                e = self._seat_end(toks, words, e + 1, abroad=country[1] != "Việt Nam") or e
            return Found(i, e, OrgRef(f"{name} {self._text(toks, end, e)}", "", "national", kind="open"))
        parent = self.org_at(toks, end, depth + 1) if end < len(toks) and toks[end].is_cap else None
        if parent and forms and self._business_at(words, end):
            parent = None  # "Công ty CP Bình Vinh Công ty CP Sông Thu ...": a list of companies, not one in another
        if parent and not parent.value.bare and parent.value.kind != "delegation":
            p = parent.value
            return Found(i, parent.j, OrgRef(f"{name} {p.label}", "", p.scope, place=p.place, parent=p, kind="unit"))
        scope = self._scope_after(toks, words, end, depth)
        if scope and scope[1] not in ("generic", "possessive"):
            e, sc, place, tail = scope
            at = self._skip_bracketed_abbreviation(toks, end)
            if place is not None and (head[1].lower() in self.lex.open_field_first or head[1].split()[-1].lower() in self.lex.open_named_after) \
                    and not self.level_at(toks, at):
                # "Công ty TNHH Gang thép Hưng Nghiệp Formosa Hà Tĩnh", "Đại học Quốc gia Hà Nội": a business's or
                # a school's own name, as written (a department's is made canonical: "Sở Y tế thành phố Hà Nội")
                proper = at < e and all(t.is_cap and t.is_name_word and not t.is_acronym for t in toks[at:e])
                tail = self._text(toks, at, e) if proper else place.name
                # ("Tổng công ty Cấp nước Sài Gòn" keeps the city's old name; "... TP.HCM" is the province's)
            return Found(i, e, OrgRef(f"{name} {tail}", "", sc, place=place, kind="open"))
        if named == 0:
            return None
        return Found(i, end, OrgRef(name, "", scope_default, kind="open",
                                    implicit_level="tỉnh" if scope_default == "province" else None))

    def _titled(self, words, i: int) -> bool:
        """A title ends right before the head at ``i`` ('Cục trưởng Cục ...', 'phó trưởng phòng ...')."""
        return self._after_head_role(words, i) or any(
            (m := self.lex.roles.match(words, s)) is not None and m[0] == i for s in range(max(0, i - 4), i))

    def _lower_name(self, toks, words, j: int) -> int:
        """The end of a name written in lower case: two to six words that end where the clause
        goes on, at punctuation, a function word ('của', 'thuộc'), a level or an acronym
        ('chống tham nhũng,', 'quản lý hoạt động xây dựng của', 'chấm thi THPT'); else none."""
        if words[j] in self.lex.function_stops or words[j] == "và" or any(
                words[j:j + len(q)] == q for q in self.lex.not_lower_names):
            return j  # "Phó Trưởng ban thường trực": the title's qualifier
        k, n = j, len(toks)
        ends = self.lex.lower_name_ends
        while k < n and k - j < 7 and toks[k].is_lower_word and not self.level_at(toks, k) and words[k] not in ends and (
                not self._stops_name(words, k) or k == j and tuple(words[j:j + 2]) in self.lex.name_stop_pairs):
            k += 1  # (it may open with a phrase that ends names elsewhere: "phòng quản lý ...")
        ends_clause = k == n or not toks[k].is_word or toks[k].is_acronym or words[k] in ends \
            or self.level_at(toks, k) is not None
        return k if 2 <= k - j <= 6 and ends_clause and words[k - 1] not in self.lex.function_stops else j

    def _country_after(self, toks, words, k: int):
        """A country's name at ``k`` ('Hải quan Úc', 'Thượng viện Campuchia'), not a province's."""
        if k < len(toks) and toks[k].is_cap and not self.lex.provinces.match(words, k):
            return self.lex.countries.match(words, k)
        return None

    def _field_then_name(self, toks, words, j: int, depth: int, head: str) -> int:
        """A business's lower-case field of work, then its proper name and number: 'Công ty CP xây
        dựng Hiệp Hòa', 'Tổng công ty xây dựng công trình giao thông 4', 'Công ty điện lực Vĩnh Tân 1'.
        The proper name ends the name. Without one ('Công ty đã ...', 'Công ty xây dựng trên địa
        bàn', 'Công ty mẹ của ...') there is no name: ``j`` comes back."""
        k, n = j, len(toks)
        while (k < n and k - j < 7 and toks[k].is_lower_word and not self._stops_name(words, k) and words[k] not in _NOT_FIELD
               and not self.level_at(toks, k)):
            k += 1
        if k == j or k >= n or words[j] == "và":
            return j
        if head in self.lex.open_field_then_place:  # "Trạm y tế xã Khánh Bình", "Trung tâm y tế huyện Hải Hậu": the place it serves
            field = " ".join(words[j:k])
            served = self.level_at(toks, k) and self._scope_after(toks, words, k, depth)
            if served and not any(field.startswith(f) for f in self.lex.not_service_fields):
                return k
            if head.lower() not in self.lex.open_field_first:  # ("Chi hội doanh nghiệp Nhật Bản": a field, then a name)
                return j
        if toks[k].text.isdigit() and len(toks[k].text) <= 3:
            return k + 1
        e = k
        while e < n and e - k < 5 and (toks[e].is_cap and toks[e].is_name_word or toks[e].is_acronym):
            e += 1
        if e - k == 1 and toks[k].is_acronym and self.province_at(toks, k) is not None:
            return k  # "Hiệp hội doanh nghiệp bất động sản TPHCM": the field is the name, then where it is
        if e == k or e - k == 1 and toks[k].is_acronym and k - j > 3:
            return j  # "Công ty kê khai nộp thuế TNDN": a long lower-case run before a lone acronym is a clause
        if e < n and toks[e].is_lower_word and words[e] != "tại" and e + 1 < n and toks[e + 1].is_cap:
            return j  # "Tập đoàn dầu khí Quốc gia Việt Nam": the proper name goes on in lower case; not this rule's
        if e < n and toks[e].text.isdigit() and len(toks[e].text) <= 3:
            e += 1
        return e

    def _lone_head(self, toks, words, i, j, depth):
        """A head with no name ('Sở', 'Bộ', 'Ủy ban', 'Tập đoàn'): a short form, resolved to the one
        body of the article whose name begins with it, else to nothing. Not before a body or a place."""
        if j < len(toks) and (toks[j].is_cap or toks[j].is_acronym or toks[j].text.isdigit()):
            return None
        if i and words[i - 1] in ("các", "những", "mỗi", "từng", "nhiều", "một"):
            return None  # "các Bộ", "mỗi Sở": a class of bodies, no one body
        if self.lex.lone_head_words.match(words, i) is not None:
            return None  # "Hội nghị", "Trường hợp", "Báo cáo": a word of its own, no body
        return Found(i, j, OrgRef(self._text(toks, i, j), "", "local", kind="open", bare=True))

    def _with_particles(self, toks: list[Tok], i: int, j: int) -> int:
        """The end of a foreign name that goes on past a lower-case particle ('Raus bin Sharif'): only
        after a word no Vietnamese syllable spells, and not before a title ('... do Thứ trưởng X')."""
        words = self.words(toks)
        while (j + 1 < len(toks) and j > i and toks[j].text in self.lex.name_particles and foreign_word(toks[j - 1].text)
               and toks[j + 1].is_cap and toks[j + 1].is_name_word and toks[j].start == toks[j - 1].end + 1
               and self.lex.roles.match(words, j + 1) is None):
            j = self.capital_run(toks, j + 1, limit=3)
        return j

    def _foreign_name_at(self, toks: list[Tok], words: list[str], k: int) -> bool:
        """Two capitalised words or more, the first and the last spelt as no Vietnamese syllable is, and
        no country: a foreign personal name ('Sanasee Vigneswaran', not 'Fulbright Nguyễn Xuân Thành')."""
        e = self._with_particles(toks, k, self.capital_run(toks, k, limit=4))
        run = [t for t in toks[k:e] if t.text not in self.lex.name_particles]
        return (len(run) >= 2 and not any(t.is_acronym for t in run) and _foreign(run[0]) and _foreign(run[-1])
                and self.lex.countries.match(words, k) is None)

    def _seat_after(self, toks: list[Tok], words: list[str], j: int, end: int) -> int | None:
        """The end of 'tại' + a province or country after a name that ends with a country's."""
        if not (j < end < len(toks) - 1 and words[end] == "tại" and toks[end + 1].is_cap):
            return None
        if not any((c := self.lex.countries.match(words, k)) is not None and c[0] == end and c[1] != "Việt Nam"
                   for k in range(j, end)):
            return None  # ("Công ty Samsung Việt Nam tại Bắc Ninh" is only where the company works)
        return self._seat_end(toks, words, end + 1)

    def _seat_end(self, toks: list[Tok], words: list[str], k: int, abroad: bool = True) -> int | None:
        """The end of the country or, for a foreign body, the province that a body sits in at ``k``."""
        country = self.lex.countries.match(words, k)
        if country is not None:
            return country[0]
        province = self.province_at(toks, k) if abroad else None
        return province.j if province is not None else None

    def _business_at(self, words: list[str], k: int) -> bool:
        """A business's head ('Công ty', 'Tập đoàn') starts at ``k``."""
        head = self.lex.open_heads.match(words, k)
        return head is not None and head[1].lower() in self.lex.open_field_first

    def _central_at(self, toks, words, k: int):
        """'Trung ương' (any case) or its abbreviations 'TW', 'TƯ' in capitals ('Tư pháp' is not 'TƯ')."""
        c = self.lex.central.match(words, k)
        if c is None or not toks[k].is_cap:
            return None
        if c[0] - k == 1 and not toks[k].text.isupper():
            return None
        return c

    def _province_starts(self, toks, words, k: int) -> bool:
        """A province's name at ``k`` ('Hà Nội', 'Hà nội' as some write it), not a word of the name that is
        spelt like one in lower case ('Quỹ Hòa bình và Phát triển': peace, not Hòa Bình)."""
        m = self.lex.provinces.match(words, k)
        return m is not None and not (m[0] == k + 2 and not toks[k + 1].is_cap and (words[k], words[k + 1]) in self.lex.name_compounds)

    def _ends_name(self, toks, words, k: int, depth: int = 0) -> bool:
        """A level word, a place, a country or another (non-bare) body starts here: the name is over."""
        if self.level_at(toks, k) or self._central_at(toks, words, k):
            return True
        if not toks[k].is_cap:
            return False
        if self._province_starts(toks, words, k) or self.lex.roles.match(words, k):
            return True
        country = self.lex.countries.match(words, k)
        if country and (country[0] - k > 1 or not (toks[k - 1].is_cap and toks[k - 1].is_name_word)
                        and tuple(words[k:k + 2]) not in self.lex.name_compounds):
            return True  # "Hải quan Úc"; but "Trường THPT Hoài Đức": a one-syllable country after a capital is a name's
            # word, and so is one that opens a compound ("Trung tâm Pháp y")
        if depth >= 3:  # too deep to parse another body: a business's head still starts one
            return self._business_at(words, k)
        key = (id(toks), k)
        if key not in self._body_starts:
            f = self.org_at(toks, k, depth + 1)
            self._body_starts[key] = f is not None and not f.value.bare
        return self._body_starts[key]


def _capitals_run(toks: list[Tok], i: int) -> int:
    """How many words from ``i`` on are written in capitals."""
    k = i
    while k < len(toks) and toks[k].is_word and toks[k].text.isupper():
        k += 1
    return k - i


def _foreign(t: Tok) -> bool:
    """A word of three letters or more that no Vietnamese syllable spells (not a lone 'B')."""
    return len(t.text) > 2 and foreign_word(t.text)


# words that are not a field of business: a relation ("Công ty mẹ", "Công ty con") or a possessive
_NOT_FIELD = frozenset({"mẹ", "con", "của", "này", "đó", "trên", "tại", "thuộc"})

