"""The ``vnkg_names`` component: organisations, places, people and their titles, per sentence.
The lists of ministries and departments, the short forms an article defines, the places named on their own,
foreign names and which title belongs to which name have modules of their own (``field_lists``,
``short_forms``, ``lone_places``, ``foreign_names``, ``title_links``)."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import OrgRef, PersonRef, PlaceRef, PostRef
from kg.nlp.decisions import find_numbers
from kg.nlp.evidence import post_rule
from kg.nlp.careers import after_brackets, copula_chain, short_name_careers
from kg.nlp.article_names import bodies_for_bare_titles, full_names_for_short_ones, place_names
from kg.nlp.lone_places import places_on_their_own
from kg.nlp.lower_titles import after_a_generic_title, lower_title_before_name
from kg.nlp.name_cues import house_number, names_an_office, on_behalf_of
from kg.nlp.orgs import is_bank_brand
from kg.nlp.field_lists import bodies_in_field_lists
from kg.nlp.foreign_names import foreign_name_expected, foreign_run_end, title_before
from kg.nlp.sentences import add_display_span as _add_display_span
from kg.nlp.sentences import doc_text
from kg.nlp.sentences import grammar_for
from kg.nlp.sentences import make_span as _span
from kg.nlp.sentences import sentences as _sentences
from kg.nlp.short_forms import defines_short_form
from kg.nlp.listed_places import bodies_of_listed_places
from kg.nlp.title_bodies import bodies_named_in_titles, body_of_a_bare_head
from kg.nlp.title_links import TitleLinks
from kg.nlp.titles import Title
from kg.nlp.tokens import Tok

# last word of an honorific: "đồng chí", "ông", "đ/c" (tokenized "đ / c"), "Hòa thượng", "già làng", "Ngài", "Haji"
_HONORIFIC_BEFORE = {"chí", "ông", "bà", "Ông", "Bà", "anh", "chị", "Anh", "Chị", "c", "C", "thượng", "tọa", "làng",
                     "Ngài", "Haji", "Datuk", "Dato", "Sheikh", "Samdech", "Techo"}


@Language.factory("vnkg_names")
def make_names(nlp: Language, name: str):
    return NamesComponent(nlp)


class NamesComponent:
    """Organisations, places, people and their titles, per sentence."""

    def __init__(self, nlp: Language) -> None:
        self.grammar = grammar_for(nlp)
        self.links = TitleLinks(self.grammar)

    def __call__(self, doc: Doc) -> Doc:
        orgs: list[OrgRef] = []
        persons: list[PersonRef] = []
        posts: list[PostRef] = []
        places: list[PlaceRef] = []
        self.grammar.defined = {}  # this article's own short forms: "Tổng công ty Điện lực miền Nam (EVNSPC)"
        self.streets, self.level_places = place_names(self.grammar, doc)
        # the person named last and the sentence that last spoke of them (by name or by 'Ông', 'Bà'):
        # a pronoun opening a sentence refers back over two sentences at most
        self.referent: tuple[str, int] | None = None
        self.named = 0  # how many names the sentences before gave
        for index, (sent_text, offset, toks) in enumerate(_sentences(doc)):
            self.index = index
            starts = [t.start for t in toks]
            in_number = {k for m in find_numbers(sent_text)
                         for k in range(bisect_left(starts, offset + m.start), bisect_left(starts, offset + m.end))}
            self._sentence(doc, sent_text, toks, orgs, persons, posts, places, in_number)
        full_names_for_short_ones(self.grammar, persons, posts)
        posts[:] = bodies_for_bare_titles(self.grammar, orgs, posts)
        doc._.orgs, doc._.persons, doc._.posts, doc._.places = orgs, persons, posts, places
        return doc

    def _sentence(self, doc, sent_text, toks, orgs, persons, posts, places, in_number: set[int]) -> None:
        g = self.grammar
        n = len(toks)
        before = self._referent(toks, persons)  # whom a pronoun opening the sentence refers to
        role_tokens: set[int] = set()
        chains: list[tuple[int, int, list]] = []
        words = g.words(toks)
        role_starts = g.lex.roles.longest
        # each pass visits only the words that may start what it reads (most words start nothing),
        # from where the last thing it read ended
        after = 0
        for k in [x for x, w in enumerate(words) if w in role_starts]:
            if k < after:
                continue
            chain = g.title_chain_at(toks, k) or lower_title_before_name(g, self.links, toks, k)
            if chain and (on_behalf_of(words, k) or names_an_office(words, k)):
                # "Thừa ủy quyền của Thủ tướng, Bộ trưởng X", "bàn giao nhiệm vụ Tư lệnh Y, Bí thư Z X": not X's title
                chain = chain[1:]
            if chain:
                chains.append((chain[0].i, chain[-1].j, chain))
                for t in chain:
                    r = g.role_at(toks, t.i, allow_lower=True)
                    role_tokens.update(range(t.i, r[1] if r else t.j))
                after = chain[-1].j
        covered: set[int] = set(in_number)  # "45/KH-UBND" names no organisation
        org_ends: dict[int, OrgRef] = {}
        starts = g.lex.org_starts
        defined = {d[0] for d in g.defined}
        after = 0
        for k in [x for x, w in enumerate(words) if w in starts or toks[x].text in defined
                  or w.endswith("bank") and is_bank_brand(toks[x].text)]:
            if k < after or k in role_tokens or k in covered:
                continue
            f = g.org_at(toks, k)
            if f is None:
                continue
            org = f.value
            listed = bodies_of_listed_places(g, toks, f)
            if listed is not None:  # "UBND các tỉnh: Quảng Trị, Bến Tre": each province's
                after, bodies = listed
                for body in bodies:
                    body.span = _span(doc, toks[f.i].start, toks[after - 1].end, sent_text)
                    orgs.append(body)
                    self._collect_places(body, places)
                _add_display_span(doc, bodies[0].span.start, bodies[0].span.end, "ORG")
                covered.update(range(f.i, after))
                continue
            org_ends[f.j] = org
            org.span = _span(doc, toks[f.i].start, toks[f.j - 1].end, sent_text)
            if org.scope != "generic":
                orgs.append(org)
                _add_display_span(doc, org.span.start, org.span.end, "ORG")
            self._collect_places(org, places)
            covered.update(range(f.i, f.j))
            after = defines_short_form(g, toks, f.j, org)
            covered.update(range(f.j, after))
        bodies_in_field_lists(g, doc, sent_text, toks, covered, orgs)
        bodies_named_in_titles(g, doc, sent_text, toks, chains, covered, orgs)
        # people: names not inside organisation or role words
        names: list[tuple[int, int, bool]] = []
        street_end = -1  # "các tuyến đường Trần Phú, Lê Hồng Phong": the list goes on naming streets
        linked: list[tuple[int, list]] = []  # (name start, titles after "được bầu giữ chức" ...)
        after = 0
        in_titles = {x for ci, cj, chain in chains for t in chain if t.org is not None and t.org.place is not None
                     for x in range(t.i, t.j) if toks[x].text in t.org.place.name.split()}  # "Bí thư huyện Nho Quan ...": the title's place
        for k in [x for x, t in enumerate(toks) if t.is_cap]:
            if k < after or k in covered or k in role_tokens or k in in_titles or toks[k].text in _HONORIFIC_BEFORE:
                continue
            after_body = k in org_ends or any(cj == k for _, cj, _ in chains)  # "... nông thôn": a body's last word, no street's
            if k and not after_body and (toks[k - 1].text in g.lex.not_person_after or house_number(toks, k)
                                            or toks[k - 1].text == "," and street_end == k - 1):
                street_end = after = self._place_end(toks, k)
                continue
            if (self._place_of_a_forward_title(toks, k, chains, names) or self._place_after_untitled_org(k, org_ends, chains)
                    or self._levelled_place_after_title(toks, k, chains)):
                continue
            if toks[k].text == "Đoàn" and (delegation := g.province_at(toks, k + 1)) is not None:
                after = delegation.j  # "đại biểu Quốc hội thuộc Đoàn Hà Nội": a province's delegation, no person
                continue
            if k and toks[k - 1].text.lower() in ("tp", "tp.", "phố", "tỉnh") and g.province_at(toks, k):
                continue  # "TP Hồ Chí Minh" is the city, not the man
            if k and toks[k - 1].text == "tỉnh" and (toks[k].low not in g.lex.surnames or g.lex.former_provinces.match(words, k)):
                after = max(g.capital_run(toks, k), k + 1)  # "chủ tịch tỉnh Phúc Kiến": a province abroad; a
                continue  # person there starts with a family name ("Chủ tịch UBND tỉnh Lê Văn A"), a former province may too ("Hà Tây")
            cued = self._cued(toks, k, chains)
            j = g.name_at(toks, k, cued)
            if j is None:  # "Chủ tịch Hội đồng châu Âu Donald Tusk": no family name of ours to go by
                e = foreign_run_end(g, toks, k)
                if e is not None and (cued or foreign_name_expected(g, toks, k, e)):
                    j, cued = e, True
                    title = None if any(cj == k for _, cj, _ in chains) else title_before(g, toks, k)
                    if title is not None:  # "Chánh án Tòa liên bang Raus bin Sharif"
                        linked.append((k, [title]))
            if j is None or any(x in covered for x in range(k, j)):
                continue
            if not cued and " ".join(t.text for t in toks[k:j]) in self.streets:
                after = j
                continue
            names.append((k, j, cued))
            appointed = (g.lex.appointments.match(words, j) or self._appointment_later(toks, words, j)
                         or self._relative_appointment(toks, words, j)
                         or g.lex.appointments.match(words, after_brackets(toks, j)))  # "ông A (Bí thư Tỉnh ủy) tiếp tục giữ chức ..."
            chain = g.title_chain_at(toks, appointed[0], allow_lower=True) if appointed else copula_chain(g, toks, j)
            if chain:  # "Các đồng chí A và B được bầu giữ chức Phó Bí thư Tỉnh ủy": to every joined name
                linked.append((k, chain))
                start = k
                for a, b, _ in reversed(names[:-1]):
                    gap = tuple(words[b:start])  # "ông A và ông B được bầu ...": a joiner, maybe an honorific
                    if not (gap[:1] in (("và",), (",",)) and (len(gap) == 1 or gap[1:] in g.lex.honorifics)):
                        break
                    linked.append((a, chain))
                    start = a
            at = self.links.title_start(toks, j)  # "ông A, nguyên Thứ trưởng ...", "ông A (54 tuổi, Bí thư ...)"
            if j + 1 < n and toks[j].text in (",", "-", "–", "(") and not any(ci in (j + 1, at) for ci, _, _ in chains):
                # "ông A, phó chủ tịch UBND tỉnh", "ông A (trưởng Ban ...)"
                lower = g.title_chain_at(toks, at, allow_lower=True)
                if not any(t.org for t in lower):
                    lower = after_a_generic_title(g, toks, at) or lower
                if lower:
                    chains.append((min(at, lower[0].i), lower[-1].j, lower))
                    for t in lower:
                        r = g.role_at(toks, t.i, allow_lower=True)
                        role_tokens.update(range(t.i, r[1] if r else t.j))
            after = j
        for i, j, cued in names:
            name = _name_text(doc, toks, i, j)
            span = _span(doc, toks[i].start, toks[j - 1].end, sent_text)
            persons.append(PersonRef(name, span, rule="cued-name" if cued else "bare-capitalised-name"))
            _add_display_span(doc, span.start, span.end, "PER")
            covered.update(range(i, j))
            for title in self.links.titles_for(toks, i, j, chains, names) + [t for a, ch in linked if a == i for t in ch]:
                title = body_of_a_bare_head(g, self._in_session(title, orgs, toks, j), orgs, toks)
                rule = post_rule(toks, title, j, [t for a, ch in linked if a == i for t in ch])
                self._post(doc, sent_text, toks, name, title, rule, posts)
        places_on_their_own(g, doc, sent_text, toks, covered, places)
        if before is not None and not names:
            self._pronoun_titles(doc, sent_text, toks, before, orgs, posts)
        for name, k, chain in short_name_careers(g, toks, covered | role_tokens, persons):  # "Ông Huynh từng làm ..."
            for title in chain:
                self._post(doc, sent_text, toks, name, self._in_session(title, orgs, toks, k), "pronoun-copula", posts)

    def _referent(self, toks: list[Tok], persons: list[PersonRef]) -> tuple[str, int] | None:
        """For a sentence opened by 'Ông' or 'Bà', or by a short adverbial and ', ông' ('Từ 1997 đến 2003,
        ông là ...'): the person named last, if the two sentences before spoke of them, unless the name
        says the other sex ('Bà' is never a 'Văn'); with where the pronoun stands."""
        pronouns = self.grammar.lex.pronouns
        at = 0 if toks[0].text in pronouns else next(
            (k for k in range(2, min(len(toks), _CLAUSE_PRONOUN_REACH)) if toks[k - 1].text == ","
             and toks[k].text.capitalize() in pronouns and toks[k].text.islower()), None)
        if len(persons) > self.named:
            self.referent, self.named = (persons[-1].name, self.index - 1), len(persons)  # named in the sentence before
        if at is None or self.referent is None or self.index - self.referent[1] > 2:
            return None
        name = self.referent[0]
        if pronouns[toks[at].text.capitalize()] in name.split():
            return None
        self.referent = (name, self.index)  # "Ông ...": this sentence speaks of them too
        return name, at

    def _pronoun_titles(self, doc: Doc, sent_text: str, toks: list[Tok], referent: tuple[str, int], orgs: list[OrgRef],
                        posts: list[PostRef]) -> None:
        """'Ông Phùng Xuân Nhạ năm nay 53 tuổi. Ông là Ủy viên Trung ương Đảng, Giám đốc Đại học Quốc gia
        Hà Nội': a pronoun and a copula give their titles to the person the sentences before named last."""
        name, at = referent
        for title in copula_chain(self.grammar, toks, at + 1):
            self._post(doc, sent_text, toks, name, self._in_session(title, orgs, toks, at + 1), "pronoun-copula", posts)

    def _post(self, doc: Doc, sent_text: str, toks: list[Tok], name: str, title: Title, rule: str,
              posts: list[PostRef]) -> None:
        """A post for a title that names its body (the title's words are its evidence); one whose body
        the article may name elsewhere ('Thứ trưởng Trần Văn A') waits for the end of the article."""
        lex = self.grammar.lex
        if title.org is None and title.role not in lex.ministry_bare_roles and not (
                title.role.startswith("Phó ") and not lex.roles.match(self.grammar.words(toks), title.j)):
            return  # (a deputy's body may be the one whose head the article named before, unless another title follows)
        tspan = _span(doc, toks[title.i].start, toks[title.j - 1].end, sent_text)
        if title.org is not None and title.org.span is None:
            title.org.span = tspan
        posts.append(PostRef(name, title.role, title.org, tspan, former=title.former, rule=rule, parts=title.parts))

    def _in_session(self, title: Title, orgs: list[OrgRef], toks: list[Tok], name_end: int) -> Title:
        """'Đại biểu Dương Trung Quốc' with no body: a deputy of the assembly the article last named
        before it ('Quốc hội', 'Hội đồng nhân dân tỉnh X'); with none named, no post. A deputy known by
        a province in brackets ('Đại biểu Lưu Bình Nhưỡng (Bến Tre)') sits in the National Assembly."""
        lex = self.grammar.lex
        if title.org is not None or title.role not in lex.assembly_roles:
            return title
        if name_end + 1 < len(toks) and toks[name_end].text == "(" and self.grammar.province_at(toks, name_end + 1):
            national = lex.national_assembly
            return replace(title, role=lex.assemblies[national], org=OrgRef(national, "", "national", kind="national"))
        at = toks[title.i].start
        for o in reversed(orgs):
            if o.span is None or o.span.start >= at or o.bare:
                continue
            role = next((r for a, r in lex.assemblies.items() if o.label.startswith(a)), None)
            if role is not None:  # ("Đại biểu Quốc hội", as the title chain names a deputy of the National Assembly)
                return replace(title, role=role, org=OrgRef(o.label, "", o.scope, place=o.place, kind=o.kind,
                                                            implicit_level=o.implicit_level))
        return title

    @staticmethod
    def _collect_places(org: OrgRef, places: list[PlaceRef]) -> None:
        o: OrgRef | None = org
        while o is not None:
            if o.place is not None:
                if o.place.span is None and org.span is not None:
                    o.place.span = org.span
                places.append(o.place)
            o = o.parent

    @staticmethod
    def _place_of_a_forward_title(toks: list[Tok], k: int, chains, names) -> bool:
        """'ông A, bí thư Huyện ủy Trần Văn Thời': after a title that already belongs to the name
        before it, a name-like run ending the title is the place (a district named after a person)."""
        for ci, cj, chain in chains:
            if cj == k and any(b + 1 == ci and toks[b].text in (",", "-", "–") for _, b, _ in names):
                return _takes_a_place(chain[-1].org)
        return False

    def _place_end(self, toks: list[Tok], k: int) -> int:
        """Where the name of a street, school or place after the word at ``k - 1`` ends: its capitalised
        run, but after a level word only up to a full name ('Bí thư phường Đống Đa Nguyễn Ngọc Việt')."""
        g = self.grammar
        end = max(g.capital_run(toks, k), k + 1)
        level = g.level_at(toks, k - 1)
        if level is not None and level[0] == k:
            place = g.place_after(toks, k, level[1])
            if place is not None and place.j < end:
                end = place.j
        return end

    def _levelled_place_after_title(self, toks: list[Tok], k: int, chains) -> bool:
        """'Ủy viên Thường vụ Tỉnh ủy Hồ Bắc' in an article that writes 'tỉnh Hồ Bắc': after a title
        whose committee or body has no place, a name the article gives a level word is that place."""
        for _, cj, chain in chains:
            if cj == k and _takes_a_place(chain[-1].org):
                e = self.grammar.capital_run(toks, k)
                return " ".join(t.text for t in toks[k:e]) in self.level_places
        return False

    @staticmethod
    def _place_after_untitled_org(k: int, org_ends: dict[int, OrgRef], chains) -> bool:
        """'làm việc với Huyện ủy Trần Văn Thời': with no title before the body, a name-like run
        right after a placeless committee or body is its place, not a person."""
        if not _takes_a_place(org_ends.get(k)):
            return False
        return not any(cj == k for _, cj, _ in chains)

    def _cued(self, toks: list[Tok], k: int, chains) -> bool:
        """A name is expected here: after an honorific, a rank or degree, a title, or a list's ':' / ';'
        (where it starts with a family name: "Ông thông tin: Hiện Sơn Trà có ..." is no list)."""
        if k == 0:
            return False
        if toks[k - 1].text in (":", ";") or any(tuple(t.low for t in toks[max(0, k - len(c)):k]) == c
                                                 for c in self.grammar.lex.family_name_cues):
            return toks[k].text.lower() in self.grammar.lex.surnames  # ("cử tri Hóc Môn" are the district's voters)
        return self.grammar.honorific_before(toks, k) or any(j == k for _, j, _ in chains)

    def _appointment_later(self, toks: list[Tok], words, j: int):
        """'chỉ định ông A tham gia Ban Chấp hành Đảng bộ tỉnh, giữ chức Phó Bí thư Tỉnh ủy': an
        appointment that names a post ('giữ chức', 'đảm nhiệm cương vị') later in the name's clause,
        with no other name, no ';' and no other appointment between, is the name's."""
        for k in range(j + 1, min(len(toks), j + _APPOINTMENT_REACH)):
            t = toks[k]
            if t.text in (";", ":", "(") or t.is_cap and words[k] in self.grammar.lex.surnames:
                return None
            m = self.grammar.lex.appointments.match(words, k)
            if m is not None:
                return m if any(w in m[1] for w in _NAMES_A_POST) and toks[k - 1].text == "," else None
        return None

    def _relative_appointment(self, toks: list[Tok], words, j: int):
        """'ông A, người vừa được bổ nhiệm làm Giám đốc Sở Y tế', 'ông B, người vừa được Bộ Chính trị
        điều động ra giữ chức Phó ban ...': a relative clause on the name that appoints it to a post
        (not 'người từng ...', a post held before, nor one that names another person first)."""
        if not (j + 2 < len(toks) and toks[j].text == "," and words[j + 1] == "người"):
            return None
        for k in range(j + 2, min(len(toks), j + _RELATIVE_REACH)):
            if toks[k].text in (",", ";", ":", "(") or words[k] == "từng" or toks[k].is_cap and words[k] in self.grammar.lex.surnames:
                return None
            m = self.grammar.lex.appointments.match(words, k)
            if m is not None:
                return m
        return None


# how far into a sentence a pronoun after an adverbial may open its clause ("Tháng 3/2006 đến tháng 8/2007, ông là ...")
_CLAUSE_PRONOUN_REACH = 16
# how far after a name an appointment may come, and the words by which it names a post
_APPOINTMENT_REACH = 16
_NAMES_A_POST = ("chức", "cương vị")
_RELATIVE_REACH = 10  # ", người vừa được Bộ Chính trị điều động ra giữ chức": where the clause's appointment may come


def _name_text(doc, toks: list[Tok], i: int, j: int) -> str:
    """A name's syllables, one space apart; as written where hyphens join them ("Xi-xu-lít")."""
    if any(t.text == "-" for t in toks[i:j]):
        return " ".join(doc_text(doc)[toks[i].start:toks[j - 1].end].split())
    return " ".join(t.text for t in toks[i:j])


def _takes_a_place(org: OrgRef | None) -> bool:
    """A committee or body named without its place, which a name-like run after it may be ('Huyện ủy
    Trần Văn Thời'); not a national body, nor a bare unit that belongs to a committee ('Ban Pháp chế')."""
    return (org is not None and org.place is None and org.kind in ("committee", "body", "unit")
            and org.scope != "national" and not org.bare and not org.label.endswith(_PROVINCE_LEVELS))


# a body that writes a province's or a city's level ('HĐND TP', 'UBND tỉnh') takes no person-named place
# after it: the provinces named after a person are in the gazetteer ('TP Hồ Chí Minh')
_PROVINCE_LEVELS = (" tỉnh", " thành phố")
