"""Organisation names. They are compositional: a unit belongs to the body named after it
("Ban Dân vận" + "Tỉnh ủy" + "Ninh Bình"), a body takes a level and a place ("Ủy ban nhân
dân" + "tỉnh" + "Vĩnh Long"), a delegation names its sender ("Đoàn kiểm tra" + "của" + ...).
Every phrase comes from ``kg/data``; this module only says how phrases combine."""
from __future__ import annotations

import re

from kg.model import OrgRef, PlaceRef
from kg.nlp.open_orgs import OpenOrgNames
from kg.nlp.places import PlaceGrammar
from kg.nlp.tokens import ROMAN, Found, Tok


class OrgGrammar(OpenOrgNames, PlaceGrammar):
    def org_at(self, toks: list[Tok], i: int, depth: int = 0) -> Found | None:
        """The longest organisation name starting at token ``i``."""
        if i >= len(toks) or not toks[i].is_word or depth > 4:
            return None
        words = self.words(toks)
        if words[i] not in self.lex.org_starts and not any(d[0] == toks[i].text for d in self.defined) \
                and not is_bank_brand(toks[i].text):
            return None  # no organisation name starts with this word
        if (i and len(toks[i].text) > 1 and toks[i].text.isupper() and toks[i - 1].is_word and toks[i - 1].text.isupper()
                and not toks[i - 1].is_acronym and not ROMAN.fullmatch(toks[i - 1].text) and self.lex.lower_heads.match(words, i) is None
                and not any((m := self.lex.roles.match(words, s)) and m[0] == i for s in range(max(0, i - 4), i))):
            return None  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA": a word inside a phrase in capitals, not a head ("VỤ TRƯỞNG VỤ ...",
            # "khóa IX HĐND tỉnh" are)
        if not toks[i].is_cap:  # "đoàn kiểm tra", "đoàn ĐBQH tỉnh": delegations and heads in lower case
            if self._after_head_role(words, i):  # "Trưởng đoàn đại biểu Quốc hội tỉnh", "Trưởng phòng Tài nguyên"
                unit = self._unit(toks, words, i, depth) or self._raised(toks, i, depth)
                if unit is not None and not unit.value.bare:
                    unit.value.surface = self._text(toks, unit.i, unit.j)
                    return unit
            return self._delegation(toks, words, i, depth) or self._lower_head(toks, words, i, depth)
        defined = self._defined(toks, words, i, depth)
        candidates: list[Found] = [defined] if defined else []
        for rule in (self._national, self._composite, self._unit, self._committee, self._body,
                     self._department, self._steering, self._delegation, self._generic_board, self._open, self._bank):
            f = rule(toks, words, i, depth)
            if f:
                candidates.append(f)
        if not candidates:
            return None
        best = max(candidates, key=lambda f: (f.j, not f.value.bare))
        if defined is not None and defined.j == best.j:
            best = defined  # the article's own short form: 'Ngân hàng TMCP Đại Dương (OceanBank)', then 'OceanBank'
        elif best.value.kind == "open" and len(candidates) > 1:  # the lexicon's name, unless the open one names more
            known = max((f for f in candidates if f is not best), key=lambda f: f.j)
            central = self._central_at(toks, words, known.j) if known.value.kind == "national" else None
            if not any(t.is_cap or t.is_acronym or t.text.isdigit() for t in toks[known.j:best.j]) or (
                    central is not None and central[0] == best.j):  # "Bộ Chính trị Trung ương": the national body
                best = known
        org = best.value
        org.surface = self._text(toks, best.i, best.j)
        committee = self._party_committee(org)
        if committee is not None:
            best = Found(best.i, best.j, committee)
        return best

    def _bank(self, toks: list[Tok], words, i: int, depth: int) -> Found | None:
        """'Eximbank', 'OceanBank', 'HDBank': a bank by its brand, one word that ends in 'bank' (unless
        the article defined it as a short form of the bank's full name)."""
        if not is_bank_brand(toks[i].text) or (toks[i].text,) in self.defined:
            return None
        return Found(i, i + 1, OrgRef(toks[i].text, toks[i].text, "national", kind="open"))

    def _party_committee(self, org: OrgRef) -> OrgRef | None:
        """'Ban Chấp hành Đảng bộ tỉnh Sơn La' is 'Tỉnh ủy Sơn La': a party committee by its full title."""
        m = re.match(r"Ban Chấp hành Đảng bộ (tỉnh|thành phố|huyện|quận|thị xã)(?: (.+))?$", org.label)
        if m is None:
            return None
        name = self.lex.party_committee_of[m.group(1)]
        label = f"{name} {m.group(2)}" if m.group(2) else name
        return OrgRef(label, org.surface, org.scope, place=org.place, kind="committee", span=org.span)

    def _after_head_role(self, words, i: int) -> bool:
        """A role that ends with the head of its body ends here ('Trưởng phòng', 'Phó ban'): the
        head at ``i`` is the body's first word, whatever its case."""
        for parts, n_head in self.lex.head_roles_by_word.get(words[i].lower(), ()):
            start = i - (len(parts) - n_head)
            if start >= 0 and [w.lower() for w in words[start:i + n_head]] == parts:
                return True
        return False

    def _raised(self, toks, i, depth):
        """The body at ``i`` read as if its first word were capitalised ('phòng Tài nguyên')."""
        raised = list(toks)
        raised[i] = Tok(toks[i].text[:1].upper() + toks[i].text[1:], toks[i].start, toks[i].end)
        found = self.org_at(raised, i, depth + 1)
        self.words(toks)  # the caller's sentence again
        return found

    def _lower_head(self, toks, words, i, depth):
        """'đoàn ĐBQH tỉnh Nghệ An', 'ban Tuyên giáo trung ương': a head written in lower case
        before a capital or an acronym names a body as well (not after 'cán', 'toàn': 'cán bộ')."""
        head = self.lex.lower_heads.match(words, i)
        if not head or head[0] >= len(toks):
            return None
        typed = self.lex.open_forms.match(words, head[0]) is not None  # "tại trường THPT X", "trường tiểu học X"
        if (not (toks[head[0]].is_cap or toks[head[0]].is_acronym or typed)
                or i and words[i - 1] in self.lex.lower_head_not_after and not typed):
            return None
        return self._raised(toks, i, depth)

    def _defined(self, toks, words, i, depth):
        """A short form the article defined in brackets after a body's name: that body again."""
        for n in (3, 2, 1):
            org = self.defined.get(tuple(t.text for t in toks[i:i + n]))
            if org is None and n == 1 and is_bank_brand(toks[i].text):  # 'OceanBank' defined, 'Oceanbank' written
                org = next((o for k, o in self.defined.items() if len(k) == 1 and k[0].lower() == words[i]), None)
            if org is not None and len(toks) >= i + n:
                return Found(i, i + n, OrgRef(org.label, "", org.scope, place=org.place, parent=org.parent, kind=org.kind,
                                              implicit_level=org.implicit_level))
        return None

    def _national(self, toks, words, i, depth):
        m = self.lex.national.match(words, i)
        if not m or not toks[i].is_cap:
            return None
        bare = tuple(words[i:m[0]]) in self.lex.short_aliases
        j = m[0]
        if j < len(toks) and toks[j].is_cap and not self.lex.provinces.match(words, j):
            # "Chính phủ Lào", "Quốc hội Campuchia", "Ban Tuyên giáo Trung ương Đảng Cộng sản Trung Quốc": a foreign body
            country = self.lex.countries.match(words, j)
            if country is None and not self._person_run(toks, words, j):  # (not "Chính phủ Vũ Đức Đam": its holder)
                country = next((c for k in range(j + 1, min(j + 4, len(toks))) if toks[k].is_word and not self._stops_name(words, k)
                                and toks[k].is_cap and all(t.is_word for t in toks[j:k])
                                and (c := self.lex.countries.match(words, k)) is not None), None)  # ("đồng ý": no Italy)
            if country and words[country[0] - 2:country[0]] != ["việt", "nam"]:
                return Found(i, country[0], OrgRef(self._text(toks, i, country[0]), "", "national", kind="open"))
        return Found(i, j, OrgRef(m[1], "", "national", kind="national", bare=bare))

    @staticmethod
    def _skip_bracketed_abbreviation(toks, j):
        """'Bộ Chỉ huy Quân sự (CHQS) tỉnh': the bracketed short form is part of the name."""
        if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")" and toks[j + 1].text.isupper():
            return j + 3
        return j

    def _scope_after(self, toks, words, j, depth):
        """What may follow a body or unit: 'Trung ương', a level (+ place), 'của tỉnh', or a place."""
        j = self._skip_bracketed_abbreviation(toks, j)
        c = self._central_at(toks, words, j)
        if c:
            end = c[0]
            if end < len(toks) and toks[end].text == "Đảng":
                end += 1
            return end, "national", None, "Trung ương"
        k = j
        possessive = self.level_at(toks, k + 1) if k + 1 < len(toks) and toks[k].text == "của" else None
        if possessive and not self.place_after(toks, possessive[0], None):
            return possessive[0], "possessive", None, possessive[1]
        g = self.lex.generic_levels.match(words, k)
        if g:
            return g[0], "generic", None, g[1]
        level = self.level_at(toks, k)
        if level:
            end, kind, word = level
            place = self.place_after(toks, end, kind)
            if place:
                p = place.value
                if p.kind == "province" and kind == "city" and self.lex.province_kind.get(p.name) != "city":
                    p = PlaceRef(p.name, "city", province=p.name)
                scope = "province" if p.kind == "province" else p.kind
                return place.j, scope, p, f"{word} {p.name}"
            return end, kind if kind != "city" else "province", None, word
        place = self.place_after(toks, j, None)
        if place:  # "UBND Hà Tĩnh" is "Ủy ban nhân dân tỉnh Hà Tĩnh": the level is written out
            name = place.value.name
            level = "thành phố" if self.lex.province_kind.get(name) == "city" else "tỉnh"
            return place.j, "province", place.value, f"{level} {name}"
        return None

    def _composite(self, toks, words, i, depth):
        for n in (3, 2, 1):
            key = tuple(w.lower() for w in words[i:i + n])
            if key in self.lex.composites and len(key) == n:
                unit, parent = self.lex.composites[key]
                kind = self.lex.committee_kind.get(parent, "province")
                place = self.place_after(toks, i + n, kind)
                porg = OrgRef(parent, parent, kind if kind != "city" else "province", place=place.value if place else None, kind="committee")
                if place:
                    porg.label = f"{parent} {place.value.name}"
                j = place.j if place else i + n
                return Found(i, j, OrgRef(f"{unit} {porg.label}", "", porg.scope, place=porg.place, parent=porg, kind="unit"))
        return None

    def _unit(self, toks, words, i, depth):
        m = self.lex.units.match(words, i)
        after_head_role = i > 0 and toks[i - 1].text.lower() == "trưởng"  # "Trưởng ban Dân vận"
        if not m or not (toks[i].is_cap or after_head_role):
            return None
        unit, j = m[1], m[0]
        agency = unit in self.lex.party_units and tuple(words[j:j + 2]) == ("cơ", "quan")
        if agency:  # "Đảng ủy cơ quan Tổng cục Hải quan", "Đảng bộ Cơ quan LĐLĐ": of the body's own staff
            unit, j = f"{unit} cơ quan", j + 2
        parent = self.org_at(toks, j, depth + 1)
        if parent is None and j < len(toks) and toks[j].is_lower_word:  # "Ban Tổ chức tỉnh uỷ": the committee in lower case
            parent = self._committee(toks, words, j, depth + 1, lower=True)
        kinds = _ANY_PARENT if unit in self.lex.party_units or unit in self.lex.units_of_any_body or agency else _LISTED_PARENT
        if parent and parent.value.kind in kinds and not parent.value.bare:
            p = parent.value
            return Found(i, parent.j, OrgRef(f"{unit} {p.label}", "", p.scope, place=p.place, parent=p, kind="unit",
                                             implicit_level=p.implicit_level))
        scope = self._scope_after(toks, words, j, depth)
        if scope and scope[1] == "generic":  # "Ban Dân vận các huyện ủy": a class of boards, not one
            return Found(i, scope[0], OrgRef(f"{unit} {scope[3]}", "", "generic", kind="unit", bare=True))
        if scope and scope[1] != "possessive":
            end, sc, place, tail = scope
            return Found(i, end, OrgRef(f"{unit} {tail}", "", sc, place=place, kind="unit"))
        return Found(i, j, OrgRef(unit, "", "local", kind="unit", bare=not agency))

    def _committee(self, toks, words, i, depth, lower: bool = False):
        m = self.lex.committees.match(words, i)
        if not m or not (toks[i].is_cap or lower):
            return None
        name, j = m[1], m[0]
        kind = self.lex.committee_kind[name]
        level = self.level_at(toks, j) if j < len(toks) and toks[j].text[:1].islower() else None
        again = level is not None and level[1] == kind and kind != "province"
        place = self.place_after(toks, level[0] if again else j, kind)
        if place and again and place.value.name.isdigit():  # "Quận ủy quận 2": a number names a place only with its level
            place = None
        elif again and place is None:
            place = self.place_after(toks, j, kind)
        if place:  # ("Huyện ủy huyện Yên Định", "Thị ủy thị xã Hương Thủy": the committee's own level, again)
            p = place.value
            scope = "province" if p.kind == "province" else p.kind
            return Found(i, place.j, OrgRef(f"{name} {p.name}", "", scope, place=p, kind="committee"))
        scope = {"province": "province", "city": "province"}.get(kind, kind)
        own = self.level_at(toks, j) if j < len(toks) else None
        if own is not None and own[1] == kind and own[0] < len(toks) and toks[own[0]].low in self.lex.surnames \
                and 3 <= self.capital_run(toks, own[0], limit=5) - own[0] <= 4:
            j = own[0]  # "Bí thư Thành ủy TP Đinh La Thăng": its own level again, then the holder's full name
        return Found(i, j, OrgRef(name, "", scope, kind="committee"))

    def _body(self, toks, words, i, depth):
        m = self.lex.bodies.match(words, i)
        if not m or not toks[i].is_cap:
            return None
        if m[1] in self.lex.numbered_bodies:  # "Quân khu 4": a national unit known by its number
            if m[0] < len(toks) and toks[m[0]].text.isdigit():
                return Found(i, m[0] + 1, OrgRef(f"{m[1]} {toks[m[0]].text}", "", "national", kind="national"))
            return Found(i, m[0], OrgRef(m[1], "", "local", kind="body", bare=True))
        if m[1] in self.lex.commands_of_units and depth < 3:  # "Bộ Tư lệnh Quân khu 7": the unit, by its command
            unit = self._body(toks, words, m[0], depth + 1)
            if unit is not None and not unit.value.bare and unit.value.label.split()[-1].isdigit():
                return Found(i, unit.j, unit.value)
        return self._with_scope(toks, words, i, m[0], m[1], "body", depth)

    def _department(self, toks, words, i, depth):
        if words[i] != "sở":
            return None
        m = self.lex.departments.match(words, i + 1)
        if not m:
            return None
        found = self._with_scope(toks, words, i, m[0], f"Sở {m[1]}", "department", depth)
        if found.value.bare and found.value.scope == "local":  # a department is always a province's
            found.value.bare, found.value.scope, found.value.implicit_level = False, "province", "tỉnh"
        return found

    def _with_scope(self, toks, words, i, j, name, kind, depth):
        scope = self._scope_after(toks, words, j, depth)
        if scope is None:
            return Found(i, j, OrgRef(name, "", "local", kind=kind, bare=True))
        end, sc, place, tail = scope
        if sc == "generic":
            return Found(i, end, OrgRef(f"{name} {tail}", "", "generic", kind=kind, bare=True))
        if sc == "possessive":  # "... của tỉnh": the name stays, the body is the province's
            return Found(i, end, OrgRef(name, "", tail, kind=kind, implicit_level="tỉnh" if tail == "province" else None))
        return Found(i, end, OrgRef(f"{name} {tail}", "", sc, place=place, kind=kind))

    def _steering(self, toks, words, i, depth):
        m = self.lex.steering.match(words, i)
        if not m or not toks[i].is_cap:
            return None
        j = m[0]
        k = j
        while k < len(toks) and k - j < 12:
            doc_word = self.lex.topic_words.match(words, k)
            if doc_word and toks[k].is_cap:
                k = doc_word[0]
                continue
            phrase = self.lex.topic_phrases.match(words, k) if toks[k].is_lower_word else None
            if phrase:  # "Ban Chỉ đạo thực hiện dân chủ ở cơ sở": 'ở' inside the topic's own phrase
                k = phrase[0]
                continue
            if (toks[k].text in (",", "và") and k > j and k + 1 < len(toks) and toks[k + 1].is_lower_word
                    and not self._stops_name(words, k + 1) and toks[k + 1].text not in self.lex.stop_words):
                k += 1  # "Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực", "... đổi mới và phát triển doanh nghiệp"
                continue
            if not ((toks[k].is_lower_word and toks[k].text not in self.lex.stop_words) or toks[k].text.isdigit()):
                break
            if self.lex.levels.match(words, k) and toks[k].text.islower():
                break
            # "Ban Chỉ đạo điều hành giá chủ trì ...": the topic is over where the clause goes on
            if toks[k].is_lower_word and self._stops_name(words, k):
                opener = self.lex.steering_openers.match(words, k) if k == j else None
                if opener is None:
                    break
                k = opener[0]
                continue
            k += 1
        topic = self._text(toks, j, k) if k > j else ""
        name = "Ban Chỉ đạo" + (f" {topic}" if topic else "")
        parent = self.org_at(toks, k, depth + 1) if k < len(toks) and toks[k].is_cap and not topic else None
        if parent and not parent.value.bare and parent.value.kind in ("national", "body", "department", "open", "committee"):
            p = parent.value  # "Ban chỉ đạo Bộ Công Thương", "Ban Chỉ đạo của Chính phủ"
            return Found(i, parent.j, OrgRef(f"{name} {p.label}", "", p.scope, place=p.place, parent=p, kind="steering"))
        scope = self._scope_after(toks, words, k, depth)
        if scope and scope[1] not in ("generic", "possessive"):
            end, sc, place, tail = scope
            return Found(i, end, OrgRef(f"{name} {tail}", "", sc, place=place, kind="steering"))
        if topic:
            return Found(i, k, OrgRef(name, "", "local", kind="steering"))
        return Found(i, j, OrgRef(name, "", "local", kind="steering", bare=True))

    def _generic_board(self, toks, words, i, depth):
        """A head + a capitalised name + lower-case words + a level, for bodies outside the
        lexicon: 'Ban An toàn giao thông tỉnh', 'Ngân hàng Chính sách xã hội tỉnh'."""
        head = self.lex.generic_heads.match(words, i)
        if not head or not toks[i].is_cap or head[0] >= len(toks) or not toks[head[0]].is_cap or not toks[head[0]].text.isalpha():
            return None
        if self.lex.units.match(words, i) or self.lex.steering.match(words, i):
            return None
        k = head[0] + 1
        while k < len(toks) and k - i < 9 and toks[k].is_lower_word and toks[k].text not in self.lex.stop_words:
            if self.lex.levels.match(words, k) and tuple(words[k:k + 2]) not in self.lex.level_compounds:
                break  # "Ngân hàng Chính sách xã hội tỉnh": "xã hội" is a word, "tỉnh" the level
            k += 1
        scope = self._scope_after(toks, words, k, depth) if self.lex.levels.match(words, k) else None
        if not scope or scope[1] in ("generic", "possessive"):
            return None
        end, sc, place, tail = scope
        return Found(i, end, OrgRef(f"{self._text(toks, i, k)} {tail}", "", sc, place=place, kind="body"))

    def _delegation(self, toks, words, i, depth):
        m = self.lex.delegations.match(words, i)
        if not m:
            return None
        name, j = m[1], m[0]
        if j + 1 < len(toks) and toks[j].text == "số" and toks[j + 1].text.isdigit():
            name, j = f"{name} số {toks[j + 1].text}", j + 2
        if j < len(toks) and toks[j].text in ("của", "thuộc"):
            parent = self.org_at(toks, j + 1, depth + 1)
            if parent and not parent.value.bare:
                p = parent.value  # "Đoàn công tác của Bộ Y tế", "Đoàn kiểm tra của BCĐ Trung ương": named by its sender, as written
                label = f"{name[:1].upper()}{name[1:]} {toks[j].text} {self._text(toks, j + 1, parent.j)}"
                return Found(i, parent.j, OrgRef(label, "", "adhoc", parent=p, kind="delegation"))
        return Found(i, j, OrgRef(name[:1].upper() + name[1:], "", "adhoc", kind="delegation", bare=True))


_BANK_BRAND = re.compile(r"[A-Z][A-Za-z]{2,}[bB]ank")


def is_bank_brand(text: str) -> bool:
    """A bank's brand, written as one word ending in 'bank' ('Eximbank', 'LienVietPostBank')."""
    return text.endswith(("bank", "Bank")) and _BANK_BRAND.fullmatch(text) is not None


_LISTED_PARENT = frozenset({"committee", "body", "national", "department", "steering", "unit"})
_ANY_PARENT = _LISTED_PARENT | {"open"}
