"""A small grammar of Vietnamese official names over syllable tokens.

Organisation names are compositional: a unit belongs to the body named after it
("Ban Dân vận" + "Tỉnh ủy" + "Ninh Bình"), a body takes a level and a place ("Ủy ban nhân
dân" + "tỉnh" + "Vĩnh Long"), a delegation names its sender ("Đoàn kiểm tra" + "của" + ...).
Titles chain roles and organisations ("Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh"), and come
before or after a person's name. Every phrase comes from ``kg/data``; this module only
says how phrases combine.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.model import OrgRef, PlaceRef
from kg.nlp.lexicon_index import LexiconIndex, LowerWords


@dataclass
class Tok:
    text: str
    start: int
    end: int

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper() and self.text[:1].isalpha()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_name_word(self) -> bool:
        """Letters, and the apostrophe of Central Highlands names ("H'Loan")."""
        return self.text.replace("'", "").replace("’", "").isalpha()

    @property
    def is_lower_word(self) -> bool:
        return self.text.isalpha() and self.text.islower()


@dataclass
class Found:
    """A parsed phrase: tokens [i, j) of the sentence."""
    i: int
    j: int
    value: object


@dataclass
class Title:
    role: str
    org: OrgRef | None
    i: int
    j: int


class Grammar:
    def __init__(self, lex: LexiconIndex) -> None:
        self.lex = lex
        self._toks: list[Tok] | None = None
        self._lower = LowerWords([])

    # ------------------------------------------------------------------ helpers
    def _text(self, toks: list[Tok], i: int, j: int) -> str:
        out = ""
        for k in range(i, j):
            if k > i and toks[k].start > toks[k - 1].end:
                out += " "
            out += toks[k].text
        return out

    def words(self, toks: list[Tok]) -> LowerWords:
        """The sentence's lower-cased words, computed once per token list."""
        if toks is not self._toks:
            self._toks, self._lower = toks, LowerWords(t.text for t in toks)
        return self._lower

    # ------------------------------------------------------------------ places
    def province_at(self, toks: list[Tok], i: int) -> Found | None:
        """A province name written in title case at ``i``."""
        m = self.lex.provinces.match(self.words(toks), i)
        if not m or not all(t.is_cap or not t.is_word for t in toks[i:m[0]]):
            return None
        if m[1] in self.lex.needs_prefix and m[0] - i <= 3 and not (
                i and (self.lex.level_kind.get(toks[i - 1].text.lower()) or self.lex.committees.match(self.words(toks), i - 1)
                       or toks[i - 1].text in ("ủy", "Ủy", "phố", "TP."))):
            return None  # "phong cách Hồ Chí Minh" is the man; "TP Hồ Chí Minh", "Thành ủy Hồ Chí Minh" the city
        return Found(i, m[0], m[1])

    def capital_run(self, toks: list[Tok], i: int, limit: int = 6) -> int:
        j = i
        while j < len(toks) and j - i < limit and toks[j].is_cap and toks[j].is_name_word:
            if j > i and toks[j].start > toks[j - 1].end + 1:
                break
            j += 1
        return j

    def place_after(self, toks: list[Tok], i: int, kind: str | None) -> Found | None:
        """The place named after a level word or a committee ("tỉnh Vĩnh Long", "Huyện ủy Nho Quan")."""
        if i >= len(toks):
            return None
        prov = self.province_at(toks, i)
        if prov:
            name = prov.value
            if kind in (None, "province") or (kind == "city" and self.lex.province_kind.get(name) == "city"):
                return Found(prov.i, prov.j, PlaceRef(name, "province"))
            if kind == "city":
                return Found(prov.i, prov.j, PlaceRef(name, "city", province=name))
            return Found(prov.i, prov.j, PlaceRef(name, kind, province=None))
        if kind in (None, "province"):
            return None
        if toks[i].text.isdigit() and kind in ("district", "commune"):
            return Found(i, i + 1, PlaceRef(toks[i].text, kind))
        j = self.capital_run(toks, i, limit=6)
        if j == i:
            return None
        words = [t.text for t in toks[i:j]]
        if words[0].lower() in self.lex.surnames and len(words) >= 3:
            return None  # "Bí thư Huyện ủy Nguyễn Văn A": a person, not a place
        # "Nho Quan Đinh Văn Điệp": the place ends where a full name (family name + 1-3) begins
        cuts = [k for k in range(1, len(words)) if words[k].lower() in self.lex.surnames and 2 <= len(words) - k <= 4]
        if cuts:
            j = i + min(cuts, key=lambda k: ({3: 0, 4: 1, 2: 2}[len(words) - k], -k))
        j = min(j, i + 3)
        return Found(i, j, PlaceRef(self._text(toks, i, j), kind))

    # ------------------------------------------------------------------ organisations
    def org_at(self, toks: list[Tok], i: int, depth: int = 0) -> Found | None:
        """The longest organisation name starting at token ``i``."""
        if i >= len(toks) or not toks[i].is_word or depth > 4:
            return None
        words = self.words(toks)
        candidates: list[Found] = []
        for rule in (self._national, self._composite, self._unit, self._committee, self._body,
                     self._department, self._steering, self._delegation, self._generic_board):
            f = rule(toks, words, i, depth)
            if f:
                candidates.append(f)
        if not candidates:
            return None
        best = max(candidates, key=lambda f: (f.j, not f.value.bare))
        org = best.value
        org.surface = self._text(toks, best.i, best.j)
        return best

    def _national(self, toks, words, i, depth):
        m = self.lex.national.match(words, i)
        if not m or not toks[i].is_cap:
            return None
        bare = tuple(words[i:m[0]]) in self.lex.short_aliases
        return Found(i, m[0], OrgRef(m[1], "", "national", kind="national", bare=bare))

    def level_at(self, toks: list[Tok], i: int) -> tuple[int, str, str] | None:
        """A level word written as one ("tỉnh", "huyện", "TP"): (end, kind, word as spelled out)."""
        lv = self.lex.levels.match(self.words(toks), i)
        if not lv or not (toks[i].text[:1].islower() or toks[i].text.startswith("TP")):
            return None
        return lv[0], self.lex.level_kind[lv[1].lower()], {"TP": "thành phố", "TP.": "thành phố"}.get(lv[1], lv[1])

    @staticmethod
    def _skip_bracketed_abbreviation(toks, j):
        """'Bộ Chỉ huy Quân sự (CHQS) tỉnh': the bracketed short form is part of the name."""
        if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")" and toks[j + 1].text.isupper():
            return j + 3
        return j

    def _scope_after(self, toks, words, j, depth):
        """What may follow a body or unit: 'Trung ương', a level (+ place), 'của tỉnh', or a place."""
        j = self._skip_bracketed_abbreviation(toks, j)
        c = self.lex.central.match(words, j)
        if c and toks[j].is_cap:
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
        if place:
            return place.j, "province", place.value, place.value.name
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
        parent = self.org_at(toks, j, depth + 1)
        if parent and parent.value.kind in ("committee", "body", "national", "department", "steering", "unit") and not parent.value.bare:
            p = parent.value
            return Found(i, parent.j, OrgRef(f"{unit} {p.label}", "", p.scope, place=p.place, parent=p, kind="unit"))
        scope = self._scope_after(toks, words, j, depth)
        if scope and scope[1] == "generic":  # "Ban Dân vận các huyện ủy": a class of boards, not one
            return Found(i, scope[0], OrgRef(f"{unit} {scope[3]}", "", "generic", kind="unit", bare=True))
        if scope and scope[1] != "possessive":
            end, sc, place, tail = scope
            return Found(i, end, OrgRef(f"{unit} {tail}", "", sc, place=place, kind="unit"))
        return Found(i, j, OrgRef(unit, "", "local", kind="unit", bare=True))

    def _committee(self, toks, words, i, depth):
        m = self.lex.committees.match(words, i)
        if not m or not toks[i].is_cap:
            return None
        name, j = m[1], m[0]
        kind = self.lex.committee_kind[name]
        place = self.place_after(toks, j, kind)
        if place:
            p = place.value
            scope = "province" if p.kind == "province" else p.kind
            return Found(i, place.j, OrgRef(f"{name} {p.name}", "", scope, place=p, kind="committee"))
        scope = {"province": "province", "city": "province"}.get(kind, kind)
        return Found(i, j, OrgRef(name, "", scope, kind="committee"))

    def _body(self, toks, words, i, depth):
        m = self.lex.bodies.match(words, i)
        if not m or not toks[i].is_cap:
            return None
        if m[1] in self.lex.numbered_bodies:  # "Quân khu 4": a national unit known by its number
            if m[0] < len(toks) and toks[m[0]].text.isdigit():
                return Found(i, m[0] + 1, OrgRef(f"{m[1]} {toks[m[0]].text}", "", "national", kind="national"))
            return Found(i, m[0], OrgRef(m[1], "", "local", kind="body", bare=True))
        return self._with_scope(toks, words, i, m[0], m[1], "body", depth)

    def _department(self, toks, words, i, depth):
        if toks[i].text != "Sở":
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
            if not ((toks[k].is_lower_word and toks[k].text not in self.lex.stop_words) or toks[k].text.isdigit()):
                break
            if self.lex.levels.match(words, k) and toks[k].text.islower():
                break
            k += 1
        topic = self._text(toks, j, k) if k > j else ""
        name = "Ban Chỉ đạo" + (f" {topic}" if topic else "")
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
                p = parent.value
                return Found(i, parent.j, OrgRef(name[:1].upper() + name[1:], "", "adhoc", parent=p, kind="delegation"))
        return Found(i, j, OrgRef(name[:1].upper() + name[1:], "", "adhoc", kind="delegation", bare=True))

    # ------------------------------------------------------------------ titles
    def role_at(self, toks: list[Tok], i: int, allow_lower: bool = False) -> tuple[str, int, int] | None:
        """(role, index where its organisation starts, end of the role words). Lower-case roles
        ("ông A, phó chủ tịch UBND tỉnh") only where the caller knows a title is expected."""
        words = self.words(toks)
        m = self.lex.roles.match(words, i)
        if not m or not (toks[i].is_cap or allow_lower and m[0] - i >= 2 and m[1] not in self.lex.generic_roles):
            return None
        role, j = m[1], m[0]
        if role.lower() in self.lex.head_roles:  # "Trưởng Ban" + "Ban Dân vận ...": the org starts at "Ban"
            return role, j - self.lex.head_words[role.lower()], j
        return role, j, j

    def title_at(self, toks: list[Tok], i: int, allow_lower: bool = False) -> Title | None:
        r = self.role_at(toks, i, allow_lower)
        if not r:
            return None
        role, org_i, role_j = r
        org = self.org_at(toks, org_i)
        unit = self.lex.role_units.get(role.lower())
        if unit and org and not org.value.bare:  # "Ủy viên Thường vụ Tỉnh ủy" → Ủy viên, Ban Thường vụ Tỉnh ủy
            p = org.value
            return Title(unit["role"], OrgRef(f"{unit['unit']} {p.label}", "", p.scope, place=p.place, parent=p,
                                              kind="unit"), i, org.j)
        if unit:  # "Ủy viên Ban Thường vụ, Trưởng Ban ...": completed from the chain's committee
            return Title(unit["role"], OrgRef(unit["unit"], unit["unit"], "local", kind="unit", bare=True),
                         i, role_j)
        if org and org.j > role_j - (1 if org_i < role_j else 0) and not (org.value.bare and org.value.kind == "unit" and org_i < role_j):
            return Title(role, org.value, i, self._skip_term(toks, org.j))
        if org_i < role_j:  # head role whose organisation did not parse: "Trưởng Ban" alone
            return Title(role, None, i, role_j)
        implied = self.lex.role_implies.get(self._text(toks, i, role_j).lower())
        if implied:
            return Title(implied["role"], OrgRef(implied["org"], "", "national", kind="national"), i, role_j)
        return Title(role, None, i, role_j)

    @staticmethod
    def _skip_term(toks: list[Tok], j: int) -> int:
        """'... khóa XII', '... nhiệm kỳ 2020 - 2025' close a title without ending the chain."""
        if j + 1 < len(toks) and toks[j].text == "khóa" and (toks[j + 1].text.isupper() or toks[j + 1].text.isdigit()):
            j += 2
        if j + 2 < len(toks) and toks[j].text == "nhiệm" and toks[j + 1].text == "kỳ" and toks[j + 2].text.isdigit():
            j += 3
            if j + 1 < len(toks) and toks[j].text in ("-", "–") and toks[j + 1].text.isdigit():
                j += 2
        return j

    def title_chain_at(self, toks: list[Tok], i: int, allow_lower: bool = False) -> list[Title]:
        """Roles joined by ',', ';', '/', 'kiêm' or 'và': 'Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh'."""
        chain: list[Title] = []
        k = i
        while k < len(toks):
            t = self.title_at(toks, k, allow_lower)
            if not t:
                break
            chain.append(t)
            k = t.j
            if k + 1 < len(toks) and toks[k].text in (",", "/", "kiêm", "và", "-", "–") and self.role_at(toks, k + 1, allow_lower):
                k += 1
                continue
            appointed = self.lex.appointments.match(self.words(toks), k + 1) if k + 1 < len(toks) and toks[k].text == "," else None
            if appointed and self.role_at(toks, appointed[0], True):  # ", tái đắc cử chức Bí thư Tỉnh ủy"
                k = appointed[0]
                allow_lower = True
                continue
            break
        for t, nxt in zip(chain, chain[1:]):
            if t.org is None and nxt.org is not None and "bí thư" not in t.role.lower():
                t.org = nxt.org
        return self._complete_units(chain)

    @staticmethod
    def _committee_of(org: OrgRef | None) -> OrgRef | None:
        while org is not None:
            if org.kind == "committee":
                return org
            org = org.parent
        return None

    def _complete_units(self, chain: list[Title]) -> list[Title]:
        """'Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy': a unit left bare inside a chain
        belongs to the committee another title of the same chain names."""
        committees = [c for c in (self._committee_of(t.org) for t in chain) if c is not None]
        if len({c.label for c in committees}) != 1:
            return chain
        parent = committees[0]
        for t in chain:
            if t.org is not None and t.org.bare and t.org.kind == "unit" and t.org.label in self.lex.committee_units:
                unit = t.org
                t.org = OrgRef(f"{unit.label} {parent.label}", unit.surface, parent.scope, place=parent.place,
                               parent=parent, kind="unit", span=unit.span)
        return chain

    # ------------------------------------------------------------------ people
    def name_at(self, toks: list[Tok], i: int, cued: bool) -> int | None:
        """End of a personal name starting at ``i``, or None. Uncued names need a family name and 3+ syllables."""
        j = self.capital_run(toks, i, limit=5)
        n = j - i
        if n < 2 or n > 4 or any(not t.is_name_word for t in toks[i:j]):
            return None
        if any(t.text.isupper() and len(t.text) > 1 for t in toks[i:j]):
            return None  # acronyms: "MTTQ", "UBND"
        before = {toks[i - 1].text, f"{toks[i - 2].text} {toks[i - 1].text}" if i > 1 else ""} if i else set()
        if before & self.lex.not_person_after or toks[i].text in self.lex.not_name_start:
            return None  # "đường Nguyễn Văn Cừ", "Trường THPT Lê Quý Đôn", "Vụ Địa phương"
        surname = toks[i].text.lower() in self.lex.surnames
        if surname and (cued or n >= 3):
            return j
        if cued and n >= 2:
            return j
        return None
