"""Titles: roles chained with organisations ("Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh"),
written before or after a person's name."""
from __future__ import annotations

from dataclasses import dataclass

from kg.model import OrgRef
from kg.nlp.orgs import OrgGrammar
from kg.nlp.title_terms import after_term, skip_term
from kg.nlp.tokens import Found, Tok


@dataclass
class Title:
    role: str
    org: OrgRef | None
    i: int
    j: int
    former: bool = False  # "nguyên", "cựu" before it
    parts: tuple[str, ...] = ()  # the roles of a combined title ("Phó Chủ tịch kiêm Tổng Thư ký")


# how a combined title joins its roles, and how its role is written
# a district-level unit's party committee by the unit's own word ("Bí thư quận Ba Đình": Quận ủy Ba Đình)
_COMMITTEE_OF_WORD = {"quận": "Quận ủy", "thị xã": "Thị ủy"}
_COMBINING = {",": ", ", "-": " - ", "–": " - ", "kiêm": " kiêm "}


class TitleGrammar(OrgGrammar):
    def role_at(self, toks: list[Tok], i: int, allow_lower: bool = False) -> tuple[str, int, int] | None:
        """(role, index where its organisation starts, end of the role words). Lower-case roles
        ("ông A, phó chủ tịch UBND tỉnh") only where the caller knows a title is expected."""
        words = self.words(toks)
        if i and words[i - 1] == "phó":
            return None  # "Phó Tổng Tham mưu trưởng": a deputy the lexicon does not know is not the role itself
        m = self.lex.roles.match(words, i)
        if not m or not (toks[i].is_cap or allow_lower and m[0] - i >= 2 and (
                m[1] not in self.lex.generic_roles or self._generic_before_body(toks, words, i, m))):
            return None
        head = self.lex.open_heads.match(words, i)
        if head is not None and head[0] > m[0]:
            return None  # "Đại sứ quán": the head of a body that starts with a role's words
        role, j = m[1], m[0]
        if role.lower() in self.lex.head_roles:  # "Trưởng Ban" + "Ban Dân vận ...": the org starts at "Ban"
            return role, j - self.lex.head_words[role.lower()], j
        return role, j, j

    def _generic_before_body(self, toks: list[Tok], words, i: int, m) -> bool:
        """'ủy viên Bộ Chính trị', 'đại biểu HĐND tỉnh': a generic role in lower case (roles.json
        generic_roles_before_body) right before a capitalised body's name, not a bare head, and
        not of a class of people ('các ủy viên ...', '105 đại biểu ...')."""
        j = m[0]
        if m[1] not in self.lex.generic_roles_before_body or j >= len(toks) or not toks[j].is_cap:
            return False
        if i and (words[i - 1] in ("các", "những") or toks[i - 1].text.isdigit()):
            return False  # ("105 đại biểu HĐND TP", "200 ủy viên Ban Chấp hành": a count)
        org = self.org_at(toks, j)
        return org is not None and not org.value.bare

    def title_at(self, toks: list[Tok], i: int, allow_lower: bool = False) -> Title | None:
        r = self.role_at(toks, i, allow_lower)
        if not r:
            return None
        role, org_i, role_j = r
        org = self.org_at(toks, org_i)
        head = self.lex.role_heads.get(role.lower())
        if org is not None and head and org_i == role_j and not org.value.label.startswith(head):
            whole = self._implied_head(toks, role, org_i)  # "Bộ trưởng Công an Tô Lâm": the ministry, not "Công an"
            if whole is not None and whole.j >= org.j:
                org = whole
        if org is None and org_i < len(toks) and toks[org_i].text == "của" and role.lower() not in self.lex.level_bodies:
            org = self.org_at(toks, org_i + 1)  # "Tổng Thư ký, người phát ngôn của Quốc hội"
            if org is not None and org.value.bare:
                org = None
        if org is None:
            org = self._implied_head(toks, role, org_i) or self._level_body(toks, role, org_i)
        implied = self.lex.role_implies.get(role.lower())
        foreign = self._foreign_office(toks, i, role_j) if org is None or org.value.bare else None
        if foreign is not None:
            return foreign
        if implied and org_i == role_j and (org is None or org.value.bare):
            # "Ủy viên Trung ương (Đảng)", "ĐBQH": the role names its body itself
            end = role_j + (1 if role_j < len(toks) and toks[role_j].text == "Đảng" else 0)
            return Title(implied["role"], OrgRef(implied["org"], "", "national", kind="national"), i, skip_term(toks, end))
        head_of = self.lex.unit_heads.get(role.lower())  # "Chánh Thanh tra Bộ Nội vụ": of "Thanh tra Bộ Nội vụ"
        unit = self.lex.role_units.get(role.lower()) or head_of
        if unit and org is None and org_i < len(toks) and toks[org_i].is_lower_word:
            raised = self._raised(toks, org_i, 0)  # "Ủy viên Ban Thường vụ thành ủy Đà Nẵng": the committee, in lower case
            org = raised if raised is not None and raised.value.kind == "committee" and not raised.value.bare else None
        if unit and unit.get("whole"):  # "Tỉnh ủy viên": a member of the committee itself
            kind = self.lex.committee_kind.get(unit["unit"], "province")
            return Title(unit["role"], OrgRef(unit["unit"], "", "province" if kind == "city" else kind, kind="committee"),
                         i, role_j)
        if unit and org and not org.value.bare:  # "Ủy viên Thường vụ Tỉnh ủy" → Ủy viên, Ban Thường vụ Tỉnh ủy
            p = org.value
            return Title(unit["role"], OrgRef(f"{unit['unit']} {p.label}", "", p.scope, place=p.place, parent=p,
                                              kind="unit"), i, org.j)
        scope = self._scope_after(toks, self.words(toks), role_j, 0) if head_of else None
        if scope is not None and scope[2] is not None:  # "Chánh Thanh tra tỉnh Nam Định": the level's own body
            end, sc, place, tail = scope
            return Title(unit["role"], OrgRef(f"{unit['unit']} {tail}", "", sc, place=place, kind="unit"), i, end)
        if unit and not head_of and org and org.value.bare and org.value.label in self.lex.party_units:
            # "Ủy viên Ban Thường vụ Đảng ủy, Phó Giám đốc Công an tỉnh": the board of a party unit the chain completes
            p = org.value
            return Title(unit["role"], OrgRef(f"{unit['unit']} {p.label}", "", "local", parent=p, kind="unit", bare=True),
                         i, org.j)
        if unit and not head_of:  # "Ủy viên Ban Thường vụ, Trưởng Ban ...": completed from the chain's committee
            return Title(unit["role"], OrgRef(unit["unit"], unit["unit"], "local", kind="unit", bare=True),
                         i, role_j)
        if org and org.j > role_j - (1 if org_i < role_j else 0) and not (org.value.bare and org.value.kind == "unit" and org_i < role_j):
            return Title(role, org.value, i, skip_term(toks, org.j))
        if org and org_i < role_j and org.value.bare and org.value.kind == "unit":
            # "Trưởng Ban Pháp chế": a committee's unit, completed from the chain or the article
            return Title(role, org.value, i, skip_term(toks, org.j))
        if org_i < role_j:  # head role whose organisation did not parse: "Trưởng Ban" alone
            return Title(role, None, i, role_j)
        implied = self.lex.role_implies.get(self._text(toks, i, role_j).lower())
        if implied:
            return Title(implied["role"], OrgRef(implied["org"], "", "national", kind="national"), i, role_j)
        return Title(role, None, i, role_j)

    def _foreign_office(self, toks: list[Tok], i: int, role_j: int) -> Title | None:
        """'Thủ tướng Campuchia Hun Manet', 'Tổng thống Mỹ ...', 'Thủ tướng Cộng hòa Belarus ...': an
        office of another country (its government when the role implies one, else no body)."""
        words = self.words(toks)
        form = self.lex.state_forms.match(words, role_j) if role_j < len(toks) else None
        starts = [role_j, *range(role_j + 1, form[0] + 1)] if form else [role_j]  # "Cộng hòa Belarus", "nước ... Lào"
        at, country = next(((k, m) for k in starts if k < len(toks) and toks[k].is_cap
                            and (m := self.lex.countries.match(words, k))), (None, None))
        if at is None or self.lex.provinces.match(words, at):
            return None
        role = self.lex.roles.match(words, i)[1]
        name = self._text(toks, at, country[0])
        implied = self.lex.role_implies.get(self._text(toks, i, role_j).lower())
        if implied:
            return Title(implied["role"], OrgRef(f"{implied['org']} {name}", "", "national", kind="open"), i, country[0])
        return Title(role, None, i, country[0])

    def _implied_head(self, toks: list[Tok], role: str, k: int):
        """'Bộ trưởng Ngoại giao', 'Cục trưởng Hải quan': the role's own first word is the head of
        the body whose name follows ('Bộ' + 'Ngoại giao'). Read as if the head were written."""
        head = self.lex.role_heads.get(role.lower())
        if (head is None or k >= len(toks) or not toks[k].is_cap or self._person_run(toks, self.words(toks), k)
                or toks[k].low in self.lex.surnames and (self.name_at(toks, k, True) or k) - k >= 3  # "Bộ trưởng Nguyễn Thị Kim Tiến"
                or self._hyphenated_name(toks, k) is not None or self.words(toks)[k] == head.split()[0].lower()):
            return None
        at = toks[k].start
        virtual = toks[:k] + [Tok(w, at, at) for w in head.split()] + toks[k:]
        found = self.org_at(virtual, k)
        self.words(toks)
        if found is None or found.value.bare or found.j <= k + len(head.split()):
            return None
        return Found(k, found.j - len(head.split()), found.value)

    def _level_body(self, toks: list[Tok], role: str, k: int):
        """'Chủ tịch tỉnh', 'Phó Chủ tịch huyện Nho Quan', 'Bí thư tỉnh An Giang': a role followed by
        a level names the body that holds it at that level (people's committee, party committee)."""
        body = self.lex.level_bodies.get(role.lower())
        level = self.level_at(toks, k) if body else None
        if level is None:
            return self._province_body(toks, role, k) if body else None
        end, kind, word = level
        place = self.place_after(toks, end, kind)
        if body == "committee":
            name = _COMMITTEE_OF_WORD.get(word.lower()) or self.lex.committee_of_level.get(kind, "Đảng ủy")
            scope = "province" if kind in ("province", "city") else kind
            if place is None:
                return Found(k, end, OrgRef(name, "", scope, kind="committee", implicit_level=None))
            p = place.value
            if name == "Đảng ủy":  # "Bí thư phường Đống Đa": the ward's party committee is named with its level
                name = f"{name} {word}"
            return Found(k, place.j, OrgRef(f"{name} {p.name}", "", "province" if p.kind == "province" else p.kind,
                                            place=p, kind="committee"))
        at = toks[k].start
        words = body.split()
        virtual = toks[:k] + [Tok(w, at, at) for w in words] + toks[k:]
        found = self.org_at(virtual, k)
        self.words(toks)
        if found is None or found.value.bare:
            return None
        return Found(k, found.j - len(words), found.value)

    def _province_body(self, toks: list[Tok], role: str, k: int):
        """'Bí thư Đà Nẵng', 'Chủ tịch Hà Giang': a role followed by a province's name alone holds
        that province's body (its level is the province's: 'thành phố' for a centrally-run city)."""
        prov = self.province_at(toks, k)
        if prov is None or prov.value in self.lex.needs_prefix:  # ("Chủ tịch Hồ Chí Minh" is the man)
            return None
        level = "thành phố" if self.lex.province_kind.get(prov.value) == "city" else "tỉnh"
        at = toks[k].start
        virtual = toks[:k] + [Tok(w, at, at) for w in level.split()] + toks[k:]
        found = self._level_body(virtual, role, k)
        self.words(toks)
        if found is None:
            return None
        return Found(k, found.j - len(level.split()), found.value)

    def title_chain_at(self, toks: list[Tok], i: int, allow_lower: bool = False) -> list[Title]:
        """Roles joined by ',', '/', 'kiêm', 'và', 'rồi' (a career: 'Phó Tổng Biên tập rồi Tổng Biên tập báo
        Nhân dân') or a ';' after a term: 'Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh'.
        A role after 'nguyên' or 'cựu' is a former post ('nguyên Thứ trưởng Bộ Tài chính')."""
        chain: list[Title] = []
        if i >= len(toks) or self.words(toks)[i] not in self.lex.roles.longest:
            return chain  # no role starts here (most words): nothing to chain, complete or infer
        if not (allow_lower or toks[i].is_cap or i and self.words(toks)[i - 1] in self.lex.former_words):
            return chain  # "chủ động", "phó mặc": a role in lower case only where the caller expects one
        if i and toks[i - 1].text == "Phủ":
            return chain  # "tại Phủ Chủ tịch", "Phủ Thủ tướng": the palace, the office, no title
        k = i
        lower = False  # the next title is in lower case, with its body written
        while k < len(toks):
            former = k > 0 and self.words(toks)[k - 1] in self.lex.former_words
            t = self.title_at(toks, k, allow_lower or former or lower)
            if not t:
                break
            t.former = former
            if chain and toks[k - 1].text == "," and self._opens_clause(toks, t):
                break  # "ông A, Phó Thống đốc X, Thủ tướng giao ...": the bare title is the next clause's subject
            chain.append(t)
            k = t.j
            if k + 1 < len(toks) and (toks[k].text in (",", "/", "kiêm", "và", "rồi", "-", "–")
                                      or toks[k].text == ";" and after_term(toks, k) and not self._titles_a_name(toks, k + 1)):
                if t.org is None and t.role.lower() in self.lex.head_roles and self._titles_a_name(toks, k + 1):
                    break  # "do A làm Trưởng ban, Phó Thủ tướng B làm Phó Trưởng ban": B's title, not A's
                lower = not allow_lower and toks[k].text == "," and self._lower_title_of_a_body(toks, k + 1)
                if lower or self.role_at(toks, k + 1, allow_lower):
                    k += 1
                    continue
                if (k + 2 < len(toks) and self.words(toks)[k + 1] in self.lex.former_words
                        and self.role_at(toks, k + 2, True)):
                    k += 2  # ", cựu Bí thư Tỉnh ủy ..."
                    continue
            appointed = self.lex.appointments.match(self.words(toks), k + 1) if k + 1 < len(toks) and toks[k].text == "," else None
            if appointed and self.role_at(toks, appointed[0], True):  # ", tái đắc cử chức Bí thư Tỉnh ủy"
                k = appointed[0]
                allow_lower = True
                continue
            break
        shared: set[int] = set()  # titles that hold the next one's very body
        for n, (t, nxt) in enumerate(zip(chain, chain[1:])):
            if t.org is None and nxt.org is not None and "bí thư" not in t.role.lower() and (
                    t.role.lower() not in self.lex.head_roles or self.lex.opens_with_head(t.role, nxt.org.label)):
                unit = nxt.org.kind == "unit" and nxt.org.parent is not None
                t.org = nxt.org.parent if unit else nxt.org  # "Phó Tổng Thư ký, Chánh Văn phòng Hội X": of Hội X
                if not unit:
                    shared.add(n)
        self._party_roles_of_level(chain)
        self._party_units_of_body(chain)
        return self._combined(toks, self._complete_units(chain), {id(chain[n]) for n in shared})

    def _opens_clause(self, toks: list[Tok], t: Title) -> bool:
        """A title that writes no body and is followed by a verb of saying or directing (roles.json
        clause_verbs): after a chain's comma, the subject of a new clause, not the chain's."""
        r = self.role_at(toks, t.i, True)
        return r is not None and t.j <= r[2] and self.lex.clause_verbs.match(self.words(toks), t.j) is not None

    def _titles_a_name(self, toks: list[Tok], k: int) -> bool:
        """'A, đại biểu Quốc hội khóa VIII và IX; Ủy viên Bộ Chính trị, Chủ tịch nước B': the titles after
        the ';' are the next name's, written right before it, not the career going on."""
        nxt = self.title_chain_at(toks, k, True)
        return bool(nxt) and nxt[-1].j < len(toks) and toks[nxt[-1].j].is_cap

    def _lower_title_of_a_body(self, toks: list[Tok], k: int) -> bool:
        """'Bí thư Thành ủy, ủy viên Ban Chấp hành Đảng bộ thành phố': a title in lower case goes on a
        chain begun in capitals only with the body it is held in written after it."""
        role = self.role_at(toks, k, True)
        if role is None or toks[k].is_cap:
            return False
        t = self.title_at(toks, k, True)
        return (t is not None and t.org is not None and not t.org.bare and role[1] < t.j
                and self.org_at(toks, role[1]) is not None)  # (not a body the role's words imply: 'đại biểu Quốc hội')

    def _combined(self, toks: list[Tok], chain: list[Title], shared: set[int]) -> list[Title]:
        """'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ', 'Phó Chủ tịch kiêm Tổng Thư ký Hội X': a role with
        no body of its own, joined by a comma, a dash or 'kiêm' to the next one's, is one office held
        under a combined title (ANNOTATION.md: one post, role as written). Not where the body is only
        implied ('Phủ Chủ tịch, Chủ tịch nước'), is the party's ('Chủ tịch kiêm Bí thư Tỉnh ủy'), or the
        two roles rank one under the other ('Chủ tịch - Phó Chủ tịch'). A comma joins two offices
        ('Chủ tịch HĐQT, Tổng Giám đốc'), but after a minister's rank it is the office's own ('Bộ
        trưởng, Chủ nhiệm Văn phòng Chính phủ', 'Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc')."""
        out: list[Title] = []
        for t in chain:
            prev = out[-1] if out else None
            if prev is not None and id(prev) in shared and self._combines(toks, prev, t):
                joined = Title(f"{prev.role}{_COMBINING[toks[prev.j].text]}{t.role}", t.org, prev.i, t.j, t.former,
                               (prev.parts or (prev.role,)) + (t.parts or (t.role,)))
                shared.add(id(joined))
                out[-1] = joined
                continue
            out.append(t)
        return out

    def _combines(self, toks: list[Tok], prev: Title, t: Title) -> bool:
        if prev.org is not t.org or prev.former != t.former or t.i != prev.j + 1 or toks[prev.j].text not in _COMBINING:
            return False
        role = self.role_at(toks, t.i, True)
        if role is None or role[2] >= t.j or self._party_body(t.org):
            return False  # the body is not written after the role, or is a party body
        ranks = {prev.role.removeprefix("Phó "), t.role.removeprefix("Phó ")}
        ministers = self.lex.ministry_bare_roles | {"Bộ trưởng"}
        if toks[prev.j].text == ",":  # "Chủ tịch HĐQT, Tổng Giám đốc": two offices, unless the first is the
            return prev.role in ministers and t.role not in ministers  # rank of the second ("Bộ trưởng, Chủ nhiệm")
        return len(ranks) == 2 and not {prev.role, t.role} <= ministers

    def _party_roles_of_level(self, chain: list[Title]) -> None:
        """'Phó Bí thư, Chủ tịch UBND tỉnh': a party role with no body, beside a title held at a
        level, is held in that level's party committee (Tỉnh ủy, Huyện ủy ...) of the same place."""
        for t in chain:
            if t.org is not None or "bí thư" not in t.role.lower():
                continue
            for other in chain:
                o = other.org
                if o is None or o.kind not in ("body", "department", "unit") or o.scope not in self.lex.committee_of_level:
                    continue
                name = self.lex.committee_of_level[o.scope]
                if o.place is not None and o.place.kind in ("province", "city"):
                    city = self.lex.province_kind.get(o.place.name) == "city"
                    name = self.lex.committee_of_level["city" if city else "province"]
                label = f"{name} {self._level_tail(o)}" if o.place is not None else name
                t.org = OrgRef(label, "", o.scope, place=o.place, kind="committee")
                break

    def _level_tail(self, body: OrgRef) -> str:
        """The level and place of a body held at a level: 'xã Thanh Xuân' of 'Ủy ban nhân dân xã Thanh
        Xuân', so that its commune's party committee is 'Đảng ủy xã Thanh Xuân'; a province's own
        committee is named by the place alone ('Tỉnh ủy Nam Định')."""
        if body.scope != "commune":
            return body.place.name
        words = body.label.split()
        head = self.lex.bodies.match(tuple(w.lower() for w in words), 0)
        return " ".join(words[head[0]:]) if head is not None and head[0] < len(words) else body.place.name

    def _party_units_of_body(self, chain: list[Title]) -> None:
        """'Bí thư Đảng ủy, Giám đốc Sở Xây dựng', 'Phó Bí thư Đảng ủy, Tư lệnh Quân khu 9', 'Bí thư
        Đảng đoàn, Chủ tịch Hội Luật gia Việt Nam': a party unit written bare, right before a title
        held in a body that is no party body, is that body's own ('Đảng ủy Sở Xây dựng'); before a
        people's committee or council of a commune or district, its level's ('Đảng ủy xã X')."""
        for n, t in enumerate(chain):
            party = t.org
            if party is None or not party.bare:
                continue
            base = party.parent if party.parent is not None and party.parent.bare else party  # "Ban Thường vụ Đảng ủy"
            if base.label not in self.lex.party_units:
                continue
            nxt = next((u for u in chain[n + 1:] if not self._bare_party_unit(u.org)), None)
            body = nxt.org if nxt is not None and nxt.former == t.former else None
            if body is None or body.bare or self._party_body(body):
                continue  # "Phó Bí thư Đảng đoàn, Bí thư Đảng ủy, Phó Chủ tịch Hội X": each of Hội X
            governs = body.kind == "body" and body.label.startswith(self.lex.level_governments)
            if governs and base.label == "Đảng ủy":
                if body.place is None or body.scope != "commune":
                    continue  # "Bí thư Đảng ủy, Chủ tịch UBND tỉnh": a province's is its Tỉnh ủy, named so
                owner = OrgRef(f"{base.label} {self._level_tail(body)}", "", body.scope, place=body.place, kind="body")
            else:  # "Đảng đoàn HĐND tỉnh", "Ban Cán sự đảng UBND tỉnh", "Đảng ủy Công an tỉnh"
                owner = OrgRef(f"{base.label} {body.label}", "", body.scope, place=body.place, parent=body, kind="unit",
                               implicit_level=body.implicit_level)
            if base is party:
                t.org = owner
            else:
                t.org = OrgRef(f"{party.label.removesuffix(base.label).strip()} {owner.label}", "", owner.scope,
                               place=owner.place, parent=owner, kind="unit", implicit_level=owner.implicit_level)

    def _bare_party_unit(self, org: OrgRef | None) -> bool:
        """'Đảng ủy', 'Ban Thường vụ Đảng ủy' written with no body: a unit the chain's body completes."""
        if org is None or not org.bare:
            return False
        base = org.parent if org.parent is not None and org.parent.bare else org
        return base.label in self.lex.party_units

    def _party_body(self, org: OrgRef) -> bool:
        """A body of the party itself (a committee, its boards, the Politburo ...), which holds no party unit."""
        if org.kind in ("committee", "delegation", "steering") or self._committee_of(org) is not None:
            return True
        first = tuple(org.label.lower().split()[:3])
        return any(first[:len(u.split())] == tuple(u.lower().split()) for u in self.lex.party_bodies)

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
