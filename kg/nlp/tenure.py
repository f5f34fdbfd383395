"""The ``vnkg_tenure`` component: the change of office a sentence reports for each post found.

Runs after ``vnkg_names`` and annotates its posts (``PostRef.tenure``), adding only the posts a
change phrase gives that it left unlinked: "A được bầu giữ chức Chủ tịch UBND tỉnh" dates the
beginning of A's post, "A, Phó Chủ tịch HĐND tỉnh, đã nghỉ hưu" its end, "nguyên Bí thư" says it
has ended. A phrase governs a title when nothing stands between them
but the person's name, titles, bracketed asides and a few small words (``kg/data/tenure.json``);
titles of an appointee before "giữ chức ..." are what they held before the change, not what they
were given. Planned, proposed, awaited and cancelled changes ("dự kiến bổ nhiệm", "thu hồi quyết
định nghỉ hưu") give none. The date is the day the sentence gives, resolved against the article's
date as meetings' dates are (``kg.dates``); a sentence that gives no day gives no date.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from kg.dates import dates_in, resolve_day_month
from kg.model import OrgRef, PersonRef, PostRef, Span, TenureRef
from kg.nlp.sentences import doc_text, grammar_for
from kg.nlp.sentences import sentences as _sentences
from kg.nlp.tenure_phrases import Trigger, first_words, lexicon, triggers_in
from kg.nlp.tokens import Tok

_WORD = re.compile(r"\w+")
_PARENS = re.compile(r"\([^()]*\)")
# "(kể) từ (ngày) 1/7/2019": the day a change takes effect
_EFFECTIVE = re.compile(r"(?<!\w)(?:kể\s+)?từ\s+(?:ngày\s+)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})"
                        r"(?:\s*[/.-]\s*(?P<y>\d{4}))?(?![\d/])", re.IGNORECASE)
_NUMBERING = re.compile(r"\d+|[IVXLC]+")  # "nhiệm kỳ 2016 - 2021", "khóa XIV"
_JOINING = frozenset({"và", "ông", "bà", "đồng", "chí"})  # between joined subjects, besides their titles
_FORMER = re.compile(r"(?<!\w)(nguyên|cựu)\s*$", re.IGNORECASE)


class TenureComponent:
    """Annotates each post of ``doc._.posts`` with the change its sentence reports, first adding the
    posts a change phrase gives that the names component left unlinked ("A, Phó Bí thư, vừa được
    bầu giữ chức Bí thư Tỉnh ủy": the title is not next to the name)."""

    def __init__(self, nlp: Language) -> None:
        self.grammar = grammar_for(nlp)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.posts is None:
            return doc
        sents = _sentences(doc)
        starts = [offset for _, offset, _ in sents]
        people = [p for p in doc._.persons or [] if p.span is not None]
        text = doc_text(doc)
        by_sentence: dict[int, list[PostRef]] = {}
        for p in doc._.posts:
            if p.span is not None:
                by_sentence.setdefault(bisect_right(starts, p.span.start) - 1, []).append(p)
        first = first_words()
        for k, (sentence, offset, toks) in enumerate(sents):
            if not any(t.text.lower() in first for t in toks) or not triggers_in(sentence):
                continue  # no change phrase: its posts' tenure is at most a former one (below)
            here = [p for p in people if offset <= p.span.start < offset + len(sentence)]
            chains = self._chains(toks)
            known = by_sentence.setdefault(k, [])
            orgs = [o for o in doc._.orgs or [] if o.span is not None and offset <= o.span.start < offset + len(sentence)]
            added = self._posts_of_changes(sentence, offset, toks, chains, here, orgs, known, text)
            doc._.posts.extend(added)
            known.extend(added)
            masks = [(p.span.start - offset, p.span.end - offset) for p in here]
            masks += [(p.span.start - offset, p.span.end - offset) for p in known]
            masks += [(toks[t.i].start - offset, toks[t.j - 1].end - offset) for c in chains for t in c]
            titles = [p.span.start - offset for p in known]
            reader = _SentenceReader(sentence, offset, masks, titles, doc._.ref_date, text,
                                     [(p.span.start - offset, p.span.end - offset) for p in here])
            for p in known:
                p.tenure = reader.tenure(p)
        for k, group in by_sentence.items():  # former posts in sentences with no change phrase
            for p in group:
                if p.former and p.tenure is None:
                    p.tenure = _former(p, *sents[k][:2], text)
        return doc

    def _chains(self, toks: list[Tok]) -> list[list]:
        """Every title chain of the sentence, left to right."""
        out, k = [], 0
        words, role_starts = self.grammar.words(toks), self.grammar.lex.roles.longest
        while k < len(toks):
            if words[k] not in role_starts:  # most words start no title: skip the call
                k += 1
                continue
            chain = self.grammar.title_chain_at(toks, k, allow_lower=True)
            if chain:
                out.append(chain)
                k = chain[-1].j
            else:
                k += 1
        return out

    def _posts_of_changes(self, sentence: str, offset: int, toks: list[Tok], chains: list[list],
                          here: list[PersonRef], orgs: list[OrgRef], known: list[PostRef],
                          text: str) -> list[PostRef]:
        """The posts change phrases give. After the phrase come names and titles with small words
        between: names then titles ("bổ nhiệm ông A, Phó Giám đốc Sở, giữ chức Giám đốc Sở": the last
        title is the new post, an end phrase's first), or titles each followed by its holder ("miễn
        nhiệm chức vụ Bộ trưởng X với ông A và chức vụ Y của ông B"), or titles alone, held by the
        subject named just before the phrase ("Ông A, Phó Bí thư, vừa được bầu giữ chức Bí thư")."""
        lex = lexicon()
        at_name = {p.span.start: p for p in here}
        at_chain = {toks[c[0].i].start: c for c in chains}
        bodies = [(o.span.start - offset, o.span.end - offset) for o in orgs]
        members = {o.span.start: o for o in orgs if o.label.lower().startswith(lex.member_bodies)}
        index = {t.start: x for x, t in enumerate(toks)}
        # between a subject and its phrase: names, titles, the body that decides, other phrases
        # ("A được Bộ Chính trị phân công thôi giữ chức X để giữ chức Y")
        reader = _SentenceReader(sentence, offset, [(p.span.start - offset, p.span.end - offset) for p in here]
                                 + [(toks[t.i].start - offset, toks[t.j - 1].end - offset) for c in chains for t in c]
                                 + bodies + [(t.start, t.end) for t in triggers_in(sentence) if not t.void],
                                 [], None, text)
        given: list[tuple[PersonRef, object]] = []
        joined: list[tuple[PersonRef, OrgRef]] = []
        for trig in triggers_in(sentence):
            if trig.void:
                continue
            items: list[tuple[str, object]] = []
            cut = len(toks)  # the items before a ';' are the phrase's own; after it only members follow
            k = next((x for x, t in enumerate(toks) if t.start >= offset + trig.end), len(toks))
            while k < len(toks):
                t = toks[k]
                if t.start in at_name:
                    items.append(("person", at_name[t.start]))
                    k = index.get(next((u.start for u in toks if u.start >= at_name[t.start].span.end), -1), len(toks))
                elif t.start in at_chain:
                    items.append(("chain", at_chain[t.start]))
                    k = at_chain[t.start][-1].j
                elif t.text == "(":
                    close = next((x for x in range(k, len(toks)) if toks[x].text == ")"), k)
                    k = close + 1
                elif t.text.lower() in lex.gap or t.text in (",", "-", "–") or _NUMBERING.fullmatch(t.text):
                    k += 1
                elif t.text == ";" and trig.side == "begin" and members:  # a list of members: "ông A - X; bà B - Y vào ..."
                    cut = min(cut, len(items))
                    k += 1
                else:
                    if trig.side == "begin" and k and toks[k - 1].text.lower() == "vào" and t.start in members:
                        joined += self._members(items, members[t.start], trig, reader, here)
                    break
            given += self._pair(items[:cut], trig, reader, here)
        out: list[PostRef] = []
        for person, org in joined:
            if not any(p.person == person.name and p.org is not None and p.org.label == org.label for p in known + out):
                span = org.span
                out.append(PostRef(person.name, "Ủy viên", org, Span(span.start, span.end, span.text, sentence.strip()),
                                   rule="appointment-phrase"))
        for person, chain in given:
            for title in chain:
                if title.org is None or any(p.person == person.name and p.role == title.role and _same_body(p.org, title.org)
                                            for p in known + out):
                    continue  # ("ủy viên Ban Thường vụ, ủy viên Ban Chấp hành Đảng bộ TP": two bodies, two posts)
                a, b = toks[title.i].start, toks[title.j - 1].end
                span = Span(a, b, text[a:b], sentence.strip())
                if title.org.span is None:
                    title.org.span = span
                out.append(PostRef(person.name, title.role, title.org, span, former=title.former, rule="appointment-phrase",
                                   parts=title.parts))
        return out

    @staticmethod
    def _members(items: list[tuple[str, object]], body: OrgRef, trig: Trigger, reader: _SentenceReader,
                 here: list[PersonRef]) -> list[tuple[PersonRef, OrgRef]]:
        """Who joins a body ("bầu bổ sung ông A - Phó Chủ tịch HĐND tỉnh, bà B vào Ban Thường vụ
        Tỉnh ủy"): the persons named after the phrase, else its subject(s) before it."""
        persons = [x for kind, x in items if kind == "person"] or reader.subjects(trig, here)
        return [(p, body) for p in persons]

    @staticmethod
    def _pair(items: list[tuple[str, object]], trig: Trigger, reader: _SentenceReader,
              here: list[PersonRef]) -> list[tuple[PersonRef, object]]:
        """Who holds which title after one phrase (see ``_posts_of_changes``)."""
        chains = [x for kind, x in items if kind == "chain"]
        if not chains:
            return []
        persons = [x for kind, x in items if kind == "person"]
        if trig.side == "begin" and persons and items[-1][0] == "chain":  # "bầu ông A (..) và ông B, X, giữ chức Y"
            return [(p, chains[-1]) for p in persons]
        if items[0][0] == "person":
            persons = [x for kind, x in items[:next(i for i, it in enumerate(items) if it[0] == "chain")] if kind == "person"]
            return [(p, chains[-1] if trig.side == "begin" else chains[0]) for p in persons]
        pairs = [(items[i + 1][1], x) for i, (kind, x) in enumerate(items[:-1])
                 if kind == "chain" and items[i + 1][0] == "person"]
        if pairs:
            return pairs
        chain = chains[-1] if trig.side == "begin" else chains[0]
        subjects = reader.subjects(trig, here)
        if len(chain) > 1:  # "A và B được phê chuẩn làm X và Y": each one of them, which the text leaves to order
            subjects = subjects[-1:]
        return [(subject, chain) for subject in subjects]


def _former(post: PostRef, sentence: str, offset: int, text: str) -> TenureRef:
    """"nguyên Giám đốc Sở": an end with no date, known only to be before the article."""
    a = post.span.start - offset
    m = _FORMER.search(sentence, max(0, a - 12), a)
    at = (offset + m.start(1), offset + m.end(1)) if m else (post.span.start, post.span.end)
    return TenureRef("former", "end", None, Span(*at, text[at[0]:at[1]], sentence.strip()))


class _SentenceReader:
    """One sentence's phrases, dates and masked words, shared by its posts."""

    def __init__(self, sentence: str, offset: int, masks: list[tuple[int, int]], titles: list[int],
                 ref: date | None, text: str, names: list[tuple[int, int]] = ()) -> None:
        self.s, self.offset, self.ref, self.text = sentence, offset, ref, text
        self.lex = lexicon()
        self.triggers = triggers_in(sentence)
        self.title_starts = titles
        self.names = sorted(names)
        masked = list(sentence)
        for a, b in masks + [m.span() for m in _PARENS.finditer(sentence)]:
            masked[a:b] = " " * (b - a)
        self.masked = "".join(masked)

    def tenure(self, post: PostRef) -> TenureRef | None:
        a, b = post.span.start - self.offset, post.span.end - self.offset
        trigger = self._before(a, b) or self._after(b)
        if trigger is not None:
            if trigger.void:
                return None
            span = Span(self.offset + trigger.start, self.offset + trigger.end,
                        self.s[trigger.start:trigger.end], self.s.strip())
            return TenureRef(trigger.kind, trigger.side, self._date(trigger), span)
        return _former(post, self.s, self.offset, self.text) if post.former else None

    def subjects(self, trig: Trigger, here: list[PersonRef]) -> list[PersonRef]:
        """The person named last before the phrase, with only titles, asides and small words between
        ("Ông A, Phó Bí thư Tỉnh ủy, vừa được bầu ..."), and those joined to them the same way
        ("ông A - Ủy viên Ban Thường vụ, và ông B - Bí thư Huyện ủy được bầu giữ chức ...")."""
        before = [p for p in here if p.span.end - self.offset <= trig.start]
        if not before or not self._gap_ok(before[-1].span.end - self.offset, trig.start):
            return []
        joined = [before[-1]]
        for p in reversed(before[:-1]):
            gap = self.masked[p.span.end - self.offset:joined[0].span.start - self.offset]
            if p.name == joined[0].name or not self._gap_ok(p.span.end - self.offset, joined[0].span.start - self.offset) \
                    or not {w.lower() for w in _WORD.findall(gap)} <= _JOINING \
                    or any(p.span.end - self.offset <= t.start < joined[0].span.start - self.offset for t in self.triggers):
                break
            joined.insert(0, p)
        while len(joined) > 1 and not self._heads_clause(joined[0].span.start - self.offset):
            joined.pop(0)  # "thay ông A, và ông B được bầu": A belongs to another clause
        return joined

    def _heads_clause(self, a: int) -> bool:
        """A name at a is where its clause starts: nothing before it but honorifics and titles back
        to the sentence's start, a comma or colon, or a list word ("gồm các ông A, B và C")."""
        words = [w.lower() for w in _WORD.findall(self.masked[:a])]
        rest = self.masked[:a].rstrip()
        while words and words[-1] in _JOINING - {"và"} | {"các"}:
            rest = rest[:rest.lower().rfind(words.pop())].rstrip()
        return not rest or rest[-1] in ",;:(-–" or (bool(words) and words[-1] in ("gồm", "là"))

    def _gap_ok(self, a: int, b: int) -> bool:
        """Between a and b only masked text and small words, within one clause."""
        gap = self.masked[a:b]
        return ";" not in gap and all(w.lower() in self.lex.gap for w in _WORD.findall(gap))

    def _before(self, a: int, b: int) -> Trigger | None:
        """The phrase just before the title that reaches it ("được bầu giữ chức", "miễn nhiệm chức"),
        unless the title is the appointee's title before the change ("bầu ông A, Phó Chủ tịch, giữ chức ...")."""
        before = [t for t in self.triggers if t.end <= a]
        if not before or not self._gap_ok(before[-1].end, a):
            return None
        t = before[-1]
        if t.side == "begin" and (self._prior(b) or self._appositive(t.end, a)):
            return None
        return t

    def _appositive(self, a: int, b: int) -> bool:
        """A title after its holder's name with no "giữ chức", "làm" between is what the holder is,
        not what they are given: "chỉ định ông A, Thứ trưởng Bộ X, về Cần Thơ"."""
        last = max((e for s, e in self.names if a <= s and e <= b), default=None)
        if last is None:
            return False
        words = [w.lower() for w in _WORD.findall(self.masked[last:b])]
        return not any(tuple(words[k:k + len(p)]) == p for p in self.lex.prior for k in range(len(words)))

    def _prior(self, b: int) -> bool:
        """The title ending at b is followed by the words that give the new one ("giữ chức", "làm"),
        or by its holder's name ("chỉ định Thứ trưởng Bộ Tư pháp A tham gia ...")."""
        after = re.match(r"[\s,]*(?:(?:ông|bà|đồng chí)\s+)?", self.s[b:], re.IGNORECASE)
        if any(s == b + after.end() for s, _ in self.names):
            return True
        words = [(m.group().lower(), m.start()) for m in _WORD.finditer(self.masked, b)]
        plain = [w for w, _ in words]
        clause = self.masked.find(";", b)
        for k, (w, at) in enumerate(words):
            if clause >= 0 and at > clause:
                return False
            if any(tuple(plain[k:k + len(p)]) == p for p in self.lex.prior):
                return True
            if w not in self.lex.gap:
                return False
        return False

    def _after(self, b: int) -> Trigger | None:
        """An end phrase after the title that has no title of its own: "A, Chủ tịch UBND tỉnh, đã nghỉ
        hưu" ends A's post; "A, Bí thư, thôi giữ chức Chủ tịch HĐND" does not end the Bí thư."""
        after = [t for t in self.triggers if t.start >= b]
        if not after or after[0].side != "end" or not self._gap_ok(b, after[0].start):
            return None
        t = after[0]
        if t.holder_after or any(a >= t.end and self._gap_ok(t.end, a) for a in self.title_starts):
            return None
        return t

    def _date(self, trigger: Trigger) -> date | None:
        """The day the sentence gives for this change: one written in its own stretch (up to the next
        phrase), else one written before the first phrase (a sentence's opening "Ngày 19/11, ...")."""
        nxt = next((t.start for t in self.triggers if t.start > trigger.start), len(self.s))
        first = self.triggers[0].start if self.triggers else 0
        found: list[tuple[int, date]] = []
        for m in _EFFECTIVE.finditer(self.s):
            d = resolve_day_month(int(m["d"]), int(m["m"]), int(m["y"]) if m["y"] else None, self.ref)
            if d is not None:
                found.append((m.start(), d))
        found += [(at, d) for d, at in dates_in(self.s, self.ref) if d is not None]
        own = [d for at, d in found if trigger.start <= at < nxt]
        opening = [d for at, d in sorted(found) if at < first]
        return own[0] if own else opening[0] if opening else None


@Language.factory("vnkg_tenure")
def make_tenure(nlp: Language, name: str) -> TenureComponent:
    return TenureComponent(nlp)


def _same_body(known: OrgRef | None, org: OrgRef) -> bool:
    """A post already found names this body, or one too short to tell ('Ban Thường vụ' left bare)."""
    return known is None or known.bare or known.label == org.label
