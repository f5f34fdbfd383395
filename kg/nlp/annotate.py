"""spaCy components: names and titles, numbered documents, meetings.

Each component reads the doc (and what earlier components left in ``doc._``) and adds
its own findings, as spans in ``doc.spans`` for display and as ``kg.model`` records for
the resolver.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.dates import event_date
from kg.model import DecisionRef, MeetingRef, OrgRef, PersonRef, PlaceRef, PostRef, Span
from kg.nlp.decisions import find_numbers, number_scope, read_date, read_term_and_title
from kg.nlp.grammar import Grammar, Tok
from kg.nlp.lexicon_index import LexiconIndex

for _name, _default in (("ref_date", None), ("orgs", None), ("persons", None), ("posts", None),
                        ("places", None), ("decisions", None), ("meetings", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

# last word of an honorific: "đồng chí", "ông", "đ/c" (tokenized "đ / c"), "Hòa thượng", "già làng"
_HONORIFIC_BEFORE = {"chí", "ông", "bà", "Ông", "Bà", "anh", "chị", "Anh", "Chị", "c", "C", "thượng", "tọa", "làng"}


def _sentences(doc: Doc) -> list[tuple[str, int, list[Tok]]]:
    """Sentences as (text, start char, tokens without whitespace), built once per doc."""
    cached = doc.user_data.get("vnkg_sentences")
    if cached is None:
        cached = []
        for sent in doc.sents:
            toks = [Tok(t.text, t.idx, t.idx + len(t.text)) for t in sent if not t.is_space]
            if toks:
                cached.append((sent.text, sent.start_char, toks))
        doc.user_data["vnkg_sentences"] = cached
    return cached


def _span(doc: Doc, start: int, end: int, sentence: str) -> Span:
    text = doc.user_data.get("vnkg_text")
    if text is None:  # Doc.text joins every token: read it once per doc
        text = doc.user_data["vnkg_text"] = doc.text
    return Span(start, end, text[start:end], sentence.strip())


def _add_display_span(doc: Doc, start: int, end: int, label: str) -> None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None:
        doc.spans.setdefault("vnkg", []).append(span)


@Language.component("vnkg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: titles, captions and list lines carry no full stop."""
    for tok in doc[:-1]:
        if "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
        elif tok.text == "." and tok.i and doc[tok.i - 1].text in _ABBREVIATIONS_WITH_STOP and not doc[tok.i - 1].whitespace_:
            doc[tok.i + 1].is_sent_start = False
    return doc


_ABBREVIATIONS_WITH_STOP = {"TP", "Tp", "TX", "TT", "ThS", "TS", "PGS", "GS", "BS", "KS", "Th", "St", "P", "Q"}


@Language.factory("vnkg_names")
def make_names(nlp: Language, name: str):
    return NamesComponent(nlp)


@cache
def grammar_for(nlp: Language) -> Grammar:
    """One grammar (and its phrase tables) per pipeline, shared by the components."""
    return Grammar(LexiconIndex(lambda s: [t.text for t in nlp.make_doc(s) if not t.is_space]))


class NamesComponent:
    """Organisations, places, people and their titles, per sentence."""

    def __init__(self, nlp: Language) -> None:
        self.grammar = grammar_for(nlp)

    def __call__(self, doc: Doc) -> Doc:
        orgs: list[OrgRef] = []
        persons: list[PersonRef] = []
        posts: list[PostRef] = []
        places: list[PlaceRef] = []
        for sent_text, offset, toks in _sentences(doc):
            starts = [t.start for t in toks]
            in_number = {k for m in find_numbers(sent_text)
                         for k in range(bisect_left(starts, offset + m.start), bisect_left(starts, offset + m.end))}
            self._sentence(doc, sent_text, toks, orgs, persons, posts, places, in_number)
        doc._.orgs, doc._.persons, doc._.posts, doc._.places = orgs, persons, posts, places
        return doc

    def _sentence(self, doc, sent_text, toks, orgs, persons, posts, places, in_number: set[int]) -> None:
        g = self.grammar
        n = len(toks)
        role_tokens: set[int] = set()
        chains: list[tuple[int, int, list]] = []
        k = 0
        while k < n:
            chain = g.title_chain_at(toks, k)
            if chain:
                chains.append((chain[0].i, chain[-1].j, chain))
                for t in chain:
                    r = g.role_at(toks, t.i)
                    role_tokens.update(range(t.i, r[1]))
                k = chain[-1].j
            else:
                k += 1
        covered: set[int] = set(in_number)  # "45/KH-UBND" names no organisation
        org_ends: dict[int, OrgRef] = {}
        k = 0
        while k < n:
            f = None if k in role_tokens or k in covered else g.org_at(toks, k)
            if f is None:
                k += 1
                continue
            org = f.value
            org_ends[f.j] = org
            org.span = _span(doc, toks[f.i].start, toks[f.j - 1].end, sent_text)
            if org.scope != "generic":
                orgs.append(org)
                _add_display_span(doc, org.span.start, org.span.end, "ORG")
            self._collect_places(org, places)
            covered.update(range(f.i, f.j))
            k = f.j
        # people: names not inside organisation or role words
        names: list[tuple[int, int, bool]] = []
        street_end = -1  # "các tuyến đường Trần Phú, Lê Hồng Phong": the list goes on naming streets
        linked: list[tuple[int, list]] = []  # (name start, titles after "được bầu giữ chức" ...)
        k = 0
        while k < n:
            if k in covered or k in role_tokens or not toks[k].is_cap or toks[k].text in _HONORIFIC_BEFORE:
                k += 1
                continue
            if k and (toks[k - 1].text in g.lex.not_person_after or toks[k - 1].text == "," and street_end == k - 1):
                street_end = g.capital_run(toks, k)
                k = street_end
                continue
            if self._place_of_a_forward_title(toks, k, chains, names) or self._place_after_untitled_org(k, org_ends, chains):
                k += 1
                continue
            if k and toks[k - 1].text.lower() in ("tp", "tp.", "phố", "tỉnh") and g.province_at(toks, k):
                k += 1  # "TP Hồ Chí Minh" is the city, not the man
                continue
            cued = self._cued(toks, k, chains)
            j = g.name_at(toks, k, cued)
            if j is None or any(x in covered for x in range(k, j)):
                k += 1
                continue
            names.append((k, j, cued))
            appointed = g.lex.appointments.match(g.words(toks), j)
            chain = g.title_chain_at(toks, appointed[0], allow_lower=True) if appointed else []
            if chain:  # "Các đồng chí A và B được bầu giữ chức Phó Bí thư Tỉnh ủy": to every joined name
                linked.append((k, chain))
                start = k
                for a, b, _ in reversed(names[:-1]):
                    if b + 1 != start or toks[b].text not in ("và", ","):
                        break
                    linked.append((a, chain))
                    start = a
            if j + 1 < n and toks[j].text in (",", "-", "–") and not any(ci == j + 1 for ci, _, _ in chains):
                lower = g.title_chain_at(toks, j + 1, allow_lower=True)  # "ông A, phó chủ tịch UBND tỉnh"
                if lower:
                    chains.append((lower[0].i, lower[-1].j, lower))
            k = j
        for i, j, _ in names:
            name = " ".join(t.text for t in toks[i:j])
            span = _span(doc, toks[i].start, toks[j - 1].end, sent_text)
            persons.append(PersonRef(name, span))
            _add_display_span(doc, span.start, span.end, "PER")
            covered.update(range(i, j))
            for title in self._titles_for(toks, i, j, chains, names) + [t for a, ch in linked if a == i for t in ch]:
                if title.org is not None:
                    tspan = _span(doc, toks[title.i].start, toks[title.j - 1].end, sent_text)
                    if title.org.span is None:
                        title.org.span = tspan
                    posts.append(PostRef(name, title.role, title.org, tspan))
        self._places_on_their_own(doc, sent_text, toks, covered, places)

    def _places_on_their_own(self, doc, sent_text, toks, covered: set[int], places: list[PlaceRef]) -> None:
        """Places outside organisation names: "huyện Nho Quan", "tại tỉnh Vĩnh Long", "giúp Ninh Bình"."""
        g = self.grammar
        words = g.words(toks)
        k = 0
        while k < len(toks):
            if k in covered:
                k += 1
                continue
            found = None
            level = g.level_at(toks, k)
            if level and level[1] in ("district", "commune", "city"):
                f = g.place_after(toks, level[0], level[1])
                if f and not covered.intersection(range(f.i, f.j)):
                    found = f
            if found is None:
                f = g.province_at(toks, k)
                before = g.lex.level_kind.get(words[k - 1]) if k else None
                if f and before not in ("district", "commune"):
                    city = before == "city" and g.lex.province_kind.get(f.value) != "city"
                    f.value = PlaceRef(f.value, "city", province=f.value) if city else PlaceRef(f.value, "province")
                    found = f
            if found is None:
                k += 1
                continue
            while found is not None:
                place = found.value
                place.span = _span(doc, toks[found.i].start, toks[found.j - 1].end, sent_text)
                places.append(place)
                _add_display_span(doc, place.span.start, place.span.end, "LOC")
                covered.update(range(found.i, found.j))
                k = found.j
                found = None
                if place.kind in ("district", "commune") and k + 1 < len(toks) and toks[k].text in (",", "và"):
                    found = g.place_after(toks, k + 1, place.kind)  # "các huyện Lệ Thủy, Quảng Ninh": the list goes on
                    if found is not None and covered.intersection(range(found.i, found.j)):
                        found = None

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
                last = chain[-1].org
                return last is not None and last.place is None and last.kind in ("committee", "body", "unit")
        return False

    @staticmethod
    def _place_after_untitled_org(k: int, org_ends: dict[int, OrgRef], chains) -> bool:
        """'làm việc với Huyện ủy Trần Văn Thời': with no title before the body, a name-like run
        right after a placeless committee or body is its place, not a person."""
        org = org_ends.get(k)
        if org is None or org.place is not None or org.kind not in ("committee", "body", "unit"):
            return False
        return not any(cj == k for _, cj, _ in chains)

    @staticmethod
    def _cued(toks: list[Tok], k: int, chains) -> bool:
        """A name is expected here: after an honorific, a title, or a list's ':' / ';'."""
        return k > 0 and (toks[k - 1].text in _HONORIFIC_BEFORE or toks[k - 1].text in (":", ";")
                          or any(j == k for _, j, _ in chains))

    @staticmethod
    def _titles_for(toks, i, j, chains, names):
        """Titles of the name at [i, j): the chain just before it, the chain just after a
        dash or comma, and a chain closing with ':' before a list of names."""
        out = []
        for ci, cj, chain in chains:
            if cj == i or (cj == i - 1 and toks[i - 1].text in _HONORIFIC_BEFORE):
                out.extend(chain)
            elif j < len(toks) and ci == j + 1 and toks[j].text in ("-", "–", ",", "—"):
                out.extend(chain)
        for ci, cj, chain in chains:
            # "các đồng chí Ủy viên Ban TVTU: X, Trưởng Ban ...; Y, Chủ tịch ...": shared titles
            if cj < i and cj < len(toks) and toks[cj].text == ":" and toks[i - 1].text in (":", ";"):
                out.extend(chain)
        return out


@Language.factory("vnkg_decisions")
def make_decisions(nlp: Language, name: str):
    return DecisionsComponent(nlp)


class DecisionsComponent:
    """Numbered documents with their date, issuer, term and title."""

    def __init__(self, nlp: Language) -> None:
        self.grammar = grammar_for(nlp)

    def __call__(self, doc: Doc) -> Doc:
        found: list[DecisionRef] = []
        for sent_text, offset, toks in _sentences(doc):
            for m in find_numbers(sent_text):
                when, pos = read_date(sent_text, m.end)
                issuer, pos = self._issuer(sent_text, offset, toks, pos)
                term, title, _ = read_term_and_title(sent_text, pos)
                title = title or m.title
                span = Span(offset + m.start, offset + m.end, sent_text[m.start:m.end], sent_text.strip())
                scope = number_scope(m.issuer_code)
                if issuer is not None:
                    scope = "national" if issuer.scope == "national" else "province"
                found.append(DecisionRef(m.number, m.doc_type, span.text, when, issuer, title, term, scope, span))
                _add_display_span(doc, span.start, span.end, "DEC")
        doc._.decisions = found
        return doc

    def _issuer(self, sent: str, offset: int, toks: list[Tok], pos: int) -> tuple[OrgRef | None, int]:
        m = re.match(r"\s*,?\s*của\s+", sent[pos:])
        if not m:
            return None, pos
        start = offset + pos + m.end()
        k = next((x for x, t in enumerate(toks) if t.start >= start), None)
        if k is None:
            return None, pos
        f = self.grammar.org_at(toks, k)
        if f is None or f.value.bare and f.value.kind != "national":
            return None, pos
        org = f.value
        org.span = Span(toks[f.i].start, toks[f.j - 1].end, sent[toks[f.i].start - offset:toks[f.j - 1].end - offset], sent.strip())
        return org, toks[f.j - 1].end - offset


_MEETING_CUES = [
    ("conference", r"\b(?:hội nghị|hội thảo|tọa đàm|diễn đàn|giao ban|hội thi)\b"),
    ("congress", r"\bđại hội\b"),
    ("ceremony", r"\b(?:lễ|gặp mặt|họp mặt)\b"),
    ("inspection", r"\b(?:đoàn kiểm tra|đoàn giám sát|đoàn khảo sát|kiểm tra|giám sát)\b.*\blàm việc\b|\blàm việc\b.*\b(?:kiểm tra|giám sát)\b"
                   r"|\bđoàn (?:kiểm tra|giám sát|khảo sát)\b.*\b(?:đã|đến)\s+(?:kiểm tra|giám sát|khảo sát)\b"),
    ("working-session", r"\blàm việc\b|\bbuổi làm việc\b|\btiếp\s+(?:đoàn|Đoàn)\b|\bthăm và làm việc\b"),
    ("meeting", r"\b(?:họp|phiên họp|kỳ họp|cuộc họp|tiếp xúc cử tri)\b"),
    ("conference", r"\b(?:sơ kết|tổng kết|quán triệt)\b"),
    ("meeting", r"\btổ chức\s+(?!thực hiện)"),
]
_ORGANISE = re.compile(r"\b(?:phối hợp tổ chức|tổ chức|chủ trì|khai mạc|triệu tập)\b")
_ATTEND_CUE = re.compile(r"\b(?:hội nghị|hội thảo|buổi làm việc|dự|chủ trì|phát biểu|chỉ đạo|kết luận|tặng|trao|ký kết|làm việc"
                         r"|tham dự|tiếp đoàn|báo cáo|đại hội|tọa đàm|tham luận|cho biết|đề nghị|nhấn mạnh|trình bày"
                         r"|kiến nghị|đề xuất|chia sẻ|giải trình|tham gia|có mặt|nêu|thông tin|quán triệt)\b", re.IGNORECASE)
_LABEL_HEAD = re.compile(r"\b(?:Hội nghị|hội nghị|Hội thảo|hội thảo|Tọa đàm|tọa đàm|Đại hội|đại hội|Lễ|lễ|Kỳ họp|kỳ họp|phiên họp|Phiên họp)\b")


@Language.factory("vnkg_meetings")
def make_meetings(nlp: Language, name: str):
    return MeetingsComponent()


class MeetingsComponent:
    """Meetings announced by a dated lead ("Chiều 30/3, ... tổ chức Hội nghị ...")."""

    def __call__(self, doc: Doc) -> Doc:
        ref = doc._.ref_date
        meetings: list[MeetingRef] = []
        sents = list(_sentences(doc))
        for idx, (sent_text, offset, _) in enumerate(sents):
            anchored = event_date(sent_text, ref)
            if not anchored:
                continue
            when, rest_at = anchored
            rest = sent_text[rest_at:]
            kind = next((k for k, rx in _MEETING_CUES if re.search(rx, rest, re.IGNORECASE)), None)
            if kind is None:
                continue
            if meetings and meetings[-1].date == when:
                continue  # another sentence about the same day's event
            lead = rest_at + len(rest) - len(rest.lstrip())
            span = Span(offset + lead, offset + len(sent_text.rstrip()), rest.strip(), sent_text.strip())
            meetings.append(self._meeting(doc, kind, when, span, rest))
        self._attach(doc, meetings, sents)
        doc._.meetings = meetings
        return doc

    @staticmethod
    def _label(kind: str, rest: str) -> str:
        m = _LABEL_HEAD.search(rest)
        text = rest[m.start():] if m and kind in ("conference", "congress", "ceremony", "meeting") else rest
        text = re.split(r"(?<=[^\d])[.;](?=\s|$)|\s+(?:Dự|Tham dự|Đến dự)\b", text)[0].strip(" ,.")
        if len(text) > 160:
            text = text[:160].rsplit(" ", 1)[0] + "…"
        return text[:1].upper() + text[1:]

    def _meeting(self, doc: Doc, kind: str, when, span: Span, rest: str) -> MeetingRef:
        return MeetingRef(self._label(kind, rest), kind, when, span)

    def _attach(self, doc: Doc, meetings: list[MeetingRef], sents) -> None:
        """Give each meeting the organisations, people, places and documents of its lead and
        of the sentences up to the next meeting."""
        if not meetings:
            return
        orgs, posts, persons = doc._.orgs or [], doc._.posts or [], doc._.persons or []
        decisions = doc._.decisions or []
        places = doc._.places or []
        bounds = [m.span.start for m in meetings] + [len(doc.text) + 1]
        for n, m in enumerate(meetings):
            lead_start = m.span.start
            lead_end = m.span.end
            verb = _ORGANISE.search(doc.text, lead_start, lead_end)
            inside = [(p.span.start, p.span.end) for p in posts if p.span] + \
                     [(d.span.start, d.issuer.span.end) for d in decisions if d.span and d.issuer and d.issuer.span]
            for o in orgs:
                if o.span and any(a <= o.span.start < b for a, b in inside):
                    continue
                if o.span and lead_start <= o.span.start < lead_end and not o.bare:
                    if verb and o.span.end <= verb.start() and m.kind in ("conference", "congress", "ceremony", "meeting"):
                        m.organizers.append(o)
                    else:
                        m.attendee_orgs.append(o)
            for d in decisions:
                if d.span and lead_start <= d.span.start < lead_end:
                    m.about.append(d)
            in_lead = [p for p in places if p.span and lead_start <= p.span.start < lead_end]
            at = [p for p in in_lead if re.search(r"\btại\s+(?:\w+\s+){0,2}$", doc.text[max(0, p.span.start - 25):p.span.start])]
            m.place = (at or in_lead or [None])[0]  # "tại huyện Châu Thành" beats a body's province
            lo, hi = (0 if n == 0 else bounds[n]), bounds[n + 1]
            if n == 0:
                lo = 0
            seen: list[str] = []
            for p in persons:
                if p.span is None or p.author or not (lo <= p.span.start < hi):
                    continue
                in_lead = lead_start <= p.span.start < lead_end
                sentence_cue = bool(_ATTEND_CUE.search(p.span.sentence))
                if (in_lead or sentence_cue) and p.name not in seen:
                    seen.append(p.name)
            m.attendee_people = seen
