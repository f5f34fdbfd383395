"""The ``vnkg_meetings`` component: the events an article reports (conferences, sessions, working
sessions, visits, ceremonies ...), one per event however often it is mentioned.

A mention ("Hội nghị tổng kết ...", "buổi làm việc", "X làm việc với Y") either introduces an
event or refers back to one already introduced: a bare noun ("tại hội nghị") to the last event of
its kind (past a "Trước đó" flashback, to the article's own), a named one to the event of its kind
with the same number or name, unless its date differs. An event is kept when the text reports it as
held and says something of it (a date, even a day without its year; a place; who held or attended
it); planned and cancelled ones are kept with their status. A year is read from the text, never
guessed: the article's date, or in an undated article another event of it written with its year.
Its people are those of the sentences that mention it and, until the next event, of the sentences
that say who took part ("Dự hội nghị có ...", "X phát biểu ...").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.dates import dates_in, day_months_in, event_date, safe_date
from kg.lexicon import data, standalone_short_forms
from kg.model import MeetingRef, PlaceRef, Span
from kg.nlp.bilateral import PeopleBySentence, another_meeting
from kg.nlp.event_mentions import (EventMention, cites_as_basis, delegation_verbs, has, is_generic, is_source,
                                   mentions_in, plural_before, refers_to_any, review_verb, status_of)
from kg.nlp.event_holders import organises
from kg.nlp.event_years import years_from_the_names, years_from_the_text
from kg.nlp.sentences import sentences as _sentences

# kinds one event may be called by: a delegation's inspection is "buổi làm việc" later on
# events a verb reports that are the article's one of their kinds on a day ("Đoàn đã làm việc với ...",
# "đã đặt vòng hoa, vào Lăng viếng ...", then "Sau khi vào Lăng viếng, đoàn đã dâng hương ...")
_ONE_A_DAY = {"inspection": ("inspection", "working-session", "visit"), "ceremony": ("ceremony",)}
_GROUP = {"inspection": "visit", "working-session": "visit", "visit": "visit"}
_MEETING_LIKE = ("conference", "session", "meeting", "working-session", "inspection", "congress")
_SAME_DAY = re.compile(r"(?<![\w])[Cc]ùng (?:ngày|buổi|thời gian)(?![\w])")
_AT = re.compile(r"(?<![\w])tại\s+(?:\w+\s+){0,2}$")
_TWO_MONTHS = timedelta(days=61)
_FLASHBACK = re.compile(r"^\s*(?:Trước đó|Trước đấy|Hôm trước|Trước khi)(?![\w])")
_TYPE_WORDS = re.compile(r"(?<![\w])(?:bất thường|chuyên đề|thường kỳ)(?![\w])")


def _contradict(key: str, other: str) -> bool:
    """Two keys name two events: different numbers or names ("lần thứ 20" and "lần thứ 21"). A
    qualifier of type ("bất thường", "chuyên đề") says what sort of sitting it is, not which one:
    "kỳ họp thứ 14 (kỳ họp bất thường)" is one session."""
    key, other = _TYPE_WORDS.sub("", key).strip(), _TYPE_WORDS.sub("", other).strip()
    return bool(key and other and key != other and not (set(key.split()) & set(other.split())))


@dataclass
class _Event:
    kind: str
    label: str
    key: str
    date: date | None
    status: str
    lead: int                                   # sentence index of the first mention
    day_month: tuple[int, int] | None = None     # known even where the year is not
    spans: list[Span] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    told: bool = False                          # the text says something of it: date, place, people
    by_verb: bool = False                       # introduced by a verb, not named
    kind_from_verb: bool = False                # its kind guessed from a lead's verb ("Chiều 10/2, Ban X nghe ...")
    year_given: bool = False                    # its date was written with the year
    flashback: bool = False                     # introduced by "Trước đó, ...": an earlier event than the article's
    headline_people: bool = False               # the only people it has are a headline's, which say nothing of it



@cache
def _died() -> dict[str, int]:
    return data("roles.json")["died"]


def _could_attend(name: str, day: date | None) -> bool:
    """A leader the text names in memory ('Chủ tịch Hồ Chí Minh') attends only events of their lifetime."""
    died = _died().get(name)
    return died is None or day is not None and day.year <= died


@Language.factory("vnkg_meetings")
def make_meetings(nlp: Language, name: str):
    return EventsComponent()


class EventsComponent:
    def __call__(self, doc: Doc) -> Doc:
        ref = doc._.ref_date
        sents = _sentences(doc)
        events: list[_Event] = []
        by_sentence = self._orgs_by_sentence(doc, sents)
        people = PeopleBySentence(doc._.persons or [], [offset for _, offset, _ in sents])
        for idx, (text, offset, _) in enumerate(sents):
            found = mentions_in(text) + self._by_bodies(by_sentence.get(idx, []), text, offset)
            found.sort(key=lambda m: m.start)
            lead = event_date(text, ref)
            kind = self._lead_verb(doc, text, offset, lead[1]) if lead and not found else None
            if kind:
                # "Sáng 20/12, Ban Dân vận Tỉnh ủy tổng kết công tác ...": a dated lead names its event by the verb
                rest = " ".join(text[lead[1]:].split())
                found.insert(0, EventMention(kind, lead[1], len(text), rest[:1].upper() + rest[1:120], False, "",
                                             anchored=True, by_lead_verb=True))
            day = self._date(text, ref, lead, events)
            dm = day_months_in(text)
            day_month = (day.day, day.month) if day else (dm[0] if dm else None)
            # the date was written with its year when it reads the same without the article's date
            year_given = day is not None and (ref is None or found and self._date(text, None, event_date(text, None), []) == day)
            for m in found:
                self._mention(events, m, text, offset, idx, day, day_month, people, year_given=year_given)
        if ref is None:
            years_from_the_names(events)
            years_from_the_text(events)
        else:
            self._not_yet(events, ref)
        kept = [e for e in events if self._kept(doc, e, sents)]
        meetings = [(e, self._meeting(doc, e, kept, sents)) for e in kept]
        doc._.meetings = [m for e, m in meetings if self._said_of(e, m)]
        return doc

    @staticmethod
    def _not_yet(events: list[_Event], ref: date) -> None:
        """An event dated after the article was published has not been held: it is planned. A day and
        month a year back that would fall within two months ahead is that coming day ("30/4" in an
        article of 4/4 is this year's 30 April, not last year's)."""
        for e in events:
            if e.date is None or e.year_given:
                continue
            ahead = safe_date(e.date.year + 1, e.date.month, e.date.day)
            if e.date < ref and ahead is not None and timedelta(0) < ahead - ref <= _TWO_MONTHS:
                e.date = ahead
            if e.date > ref + timedelta(days=1) and e.status == "held":
                e.status = "planned"

    @staticmethod
    def _lead_verb(doc: Doc, text: str, offset: int, rest_at: int) -> str | None:
        """The event kind of a dated lead whose subject (the first body or person after the date)
        is followed at once by a verb of holding or reviewing: "Sáng 20/12, Ban Dân vận Tỉnh ủy tổng
        kết ...", not "Ngày 2/6, UBND TP Hải Phòng cho biết, đã yêu cầu ... xem xét"."""
        ends = [x.span.end for x in [*(doc._.orgs or []), *(doc._.persons or [])]
                if x.span and offset + rest_at <= x.span.start <= offset + rest_at + 40]
        if not ends:
            return None
        after = text[min(ends) - offset:]
        verb = re.match(r"\s*(?:\([^)]{1,30}\)\s*)?(?:đã\s+|vừa\s+|cũng\s+|chính thức\s+)?", after)
        return review_verb(after[verb.end():verb.end() + 30]) if verb else None

    @staticmethod
    def _orgs_by_sentence(doc: Doc, sents) -> dict[int, list]:
        starts = [off for _, off, _ in sents]
        out: dict[int, list] = {}
        for o in doc._.orgs or []:
            if o.span is not None:
                out.setdefault(bisect_right(starts, o.span.start) - 1, []).append(o)
        return out

    @staticmethod
    def _by_bodies(orgs: list, text: str, offset: int) -> list[EventMention]:
        """Events a body's own verb reports: "Ban Bí thư họp", "Chính phủ họp phiên thường kỳ",
        "Đoàn thanh tra ... đã lên Yên Bái công bố ..."."""
        out = []
        for o in orgs:
            if not (offset <= o.span.start < offset + len(text)):
                continue
            start, end = o.span.start - offset, o.span.end - offset
            after = text[end:]
            if not o.bare and re.match(r"\s+(?:đã\s+|vừa\s+)?họp(?![\w])(?!\s+(?:báo|mặt)(?![\w]))", after):  # not "họp báo"
                out.append(EventMention("session", start, end + len(after) - len(after.lstrip()) + 4, "", True, "",
                                        by_verb=True, anchored=True))
            elif o.kind == "delegation" and delegation_verbs().match(after) and not plural_before(text[:start]):
                out.append(EventMention("inspection", start, end, "", True, "", by_verb=True, anchored=True))
        return out

    # ------------------------------------------------------------------ grouping mentions into events
    @staticmethod
    def _date(text: str, ref: date | None, lead, events: list[_Event]) -> date | None:
        if lead and lead[0]:
            return lead[0]
        if _SAME_DAY.search(text) and events and events[-1].date:
            return events[-1].date
        found = [d for d, _ in dates_in(text, ref) if d is not None]
        return found[0] if found else None

    def _mention(self, events: list[_Event], m: EventMention, text: str, offset: int, idx: int, day: date | None,
                 day_month: tuple[int, int] | None, people: PeopleBySentence, year_given: bool = False) -> None:
        span = Span(offset + m.start, offset + (m.end if m.by_verb else m.start + max(len(m.label), m.end - m.start)),
                    text[m.start:m.end if m.by_verb else m.start + max(len(m.label), m.end - m.start)], text.strip())
        event = self._refers_to(events, m, day_month, idx)
        if event is not None and another_meeting(people, text[m.start:m.end], idx, offset + m.start, text, offset,
                                                 event.sentences):
            event = None  # "Bộ trưởng B hội đàm với X" after "Tổng Bí thư A tiếp X": a meeting of its own
        status = status_of(text, m.start)
        if event is None:
            if m.generic and not m.by_verb and not day and not m.anchored:
                return  # "hội nghị" with nothing before it to refer to, and nothing said of it
            label = m.label or self._verb_label(m, text)
            event = _Event(m.kind, label, m.key, day, status, idx, day_month=day_month, by_verb=m.by_verb,
                           kind_from_verb=m.by_lead_verb, year_given=year_given and day is not None,
                           flashback=bool(_FLASHBACK.match(text)))
            events.append(event)
        else:
            if event.status != "held" and status == "held" and not m.generic and m.anchored:
                event.status = "held"  # "Hội nghị diễn ra ...": reported as held after it was announced
            if event.kind_from_verb and not m.by_verb and m.kind != event.kind:
                event.kind, event.kind_from_verb = m.kind, False  # "chủ trì cuộc làm việc": the noun says what it was
            if not m.generic and not m.by_verb and is_generic(event.label):
                event.label, event.key = m.label, event.key or m.key  # "Hội nghị", then "Hội nghị trực tuyến Chính phủ ..."
            elif event.by_verb and event.kind == "ceremony" and m.kind == "ceremony" and not m.by_verb:
                event.label = m.label  # "đã đặt vòng hoa, vào Lăng viếng ...", then "Lễ viếng ...": its name
        event.told = event.told or m.anchored
        dates_it = idx == event.lead or not m.generic or m.anchored or bool(_SAME_DAY.search(text))
        if event.date is None and day is not None and dates_it:
            event.date, event.year_given = day, year_given
        if event.day_month is None and dates_it:
            event.day_month = day_month
        event.spans.append(span)
        if idx not in event.sentences:
            event.sentences.append(idx)

    @staticmethod
    def _refers_to(events: list[_Event], m: EventMention, day: tuple[int, int] | None, idx: int) -> "_Event | None":
        """The event a mention refers back to, if any."""
        here = [e for e in reversed(events) if idx in e.sentences]
        if m.by_verb and here:  # "Đoàn giám sát đã làm việc với ...": the sentence's event, reported twice
            return here[0]
        same = [e for e in reversed(events) if _GROUP.get(e.kind, e.kind) == _GROUP.get(m.kind, m.kind)]
        if m.by_verb and m.kind in _ONE_A_DAY:  # a delegation's visit, a wreath laid: the article's, unless dated apart
            ones = [e for e in reversed(events) if e.kind in _ONE_A_DAY[m.kind]
                    and not (day and e.day_month and day != e.day_month)]
            return ones[0] if ones else None
        if m.kind == "ceremony" and m.key.startswith(("khai mạc", "bế mạc")):
            # "Lễ khai mạc", "buổi lễ bế mạc": the opening of the congress or conference in hand
            held = [e for e in reversed(events) if e.kind in ("congress", "conference", "session", "meeting")]
            if held:
                return held[0]
        if m.by_verb:
            return next((e for e in same if idx - e.sentences[-1] <= 3), None)
        if m.generic:
            if same and same[0].flashback and idx not in same[0].sentences:
                # "Trước đó, ... buổi làm việc đầu tiên ngày 8/5 ...", then "Tham dự buổi làm việc ...": the article's own
                return next((e for e in same if not e.flashback), same[0])
            if same:
                return same[0]
            if refers_to_any(m.label):  # "Tại buổi họp, ..." after "hội nghị ...": the event in hand
                # (however far back: a plain "buổi họp" that would start an event of its own is one in passing)
                return next((e for e in reversed(events) if e.kind in _MEETING_LIKE), None)
            # "Chiều 10/2, Ban Thường vụ nghe và cho ý kiến ...", then "X chủ trì cuộc làm việc": the lead's event
            return next((e for e in reversed(events) if e.kind_from_verb and idx - e.sentences[-1] <= 2), None)
        for e in same:  # a named mention is the event of its kind it does not contradict: date, number, ceremony
            if day and e.day_month and day != e.day_month:
                continue
            if _contradict(m.key, e.key):
                continue
            return e
        return None

    @staticmethod
    def _verb_label(m: EventMention, text: str) -> str:
        """'Bộ trưởng Lê Hoài Trung điện đàm với ...': the clause that reports it, from its subject on."""
        start = max(text.rfind(",", 0, m.start) + 1, text.rfind(";", 0, m.start) + 1, 0) if m.start - 80 > 0 else 0
        clause = " ".join(re.split(r"[.;]", text[start:])[0].split())
        if len(clause) > 120:
            clause = clause[:120].rsplit(" ", 1)[0] + "…"
        return clause[:1].upper() + clause[1:]

    # ------------------------------------------------------------------ what the text says of an event
    def _kept(self, doc: Doc, e: _Event, sents) -> bool:
        """Held events the text says something of (a day, even without its year; a place; who held or
        attended it), and planned or cancelled ones named outright."""
        if e.status != "held":
            return not e.by_verb
        return bool(e.date or e.day_month or e.told)

    @staticmethod
    def _said_of(e: _Event, m: MeetingRef) -> bool:
        """A held event with no day, place, participant or holder is only mentioned in passing
        ('phường đã họp và giao lực lượng ...')."""
        return m.status != "held" or bool(m.date or e.day_month or m.place or m.attendee_people and not e.headline_people
                                          or m.attendee_orgs or m.organizers)

    def _meeting(self, doc: Doc, e: _Event, events: list[_Event], sents) -> MeetingRef:
        lead_text, lead_offset, _ = sents[e.lead]
        m = MeetingRef(e.label, e.kind, e.date, e.spans[0], status=e.status,
                       mentions=e.spans[1:], rule="verb-report" if e.by_verb else "named-event")
        inside = [(p.span.start, p.span.end) for p in doc._.posts or [] if p.span]
        mention_sents = {sents[i][1]: sents[i] for i in e.sentences}
        for o in doc._.orgs or []:
            if o.span is None or any(a <= o.span.start < b for a, b in inside):
                continue
            short = o.bare
            if short and not (o.label in standalone_short_forms() and any(a <= o.span.start < b for a, b in
                                                                ((sp.start, sp.end) for sp in e.spans))):
                continue  # a short form counts only as the holder named inside the event's name ("Kỳ họp HĐND")
            sent = next(((t, off) for off, (t, _, _) in mention_sents.items() if off <= o.span.start < off + len(t)), None)
            if sent is None:
                continue
            text, off = sent
            if is_source(text[max(0, o.span.start - off - 20):o.span.start - off], text[o.span.end - off:o.span.end - off + 20]):
                continue  # "Báo TTXVN đưa tin, ngày 19/6, Ban Bí thư họp": the report's source
            if organises(text, o.span.start - off, o.span.end - off, [(sp.start - off, sp.end - off, sp.text) for sp in e.spans], e.label):
                if all(x.label != o.label and not (short and x.label.startswith(o.label)) for x in m.organizers):
                    m.organizers.append(o)
            elif short:
                continue
            elif all(x.label != o.label for x in m.attendee_orgs):
                m.attendee_orgs.append(o)
            holder = o.parent if o.kind == "delegation" and _GROUP.get(e.kind) == "visit" else None
            if holder is not None and not holder.bare and all(x.label != holder.label for x in m.organizers):
                m.organizers.append(holder)  # "Đoàn kiểm tra của Bộ Y tế làm việc tại ...": the ministry holds the visit
        text = doc.user_data.get("vnkg_text") or doc.text
        scope = [(off, off + len(t)) for off, (t, _, _) in mention_sents.items()]
        followed = [(sents[i][1], sents[i][1] + len(sents[i][0])) for i in range(e.lead, self._next_lead(e, events, sents))]
        for d in doc._.decisions or []:
            if d.span is None or any(x.number == d.number for x in m.about):
                continue
            if any(a <= d.span.start < b for a, b in scope) or (  # "Căn cứ Quy định số 102-QĐ/TW, ...", after the lead
                    any(a <= d.span.start < b for a, b in followed) and cites_as_basis(self._clause_before(text, d.span.start))):
                m.about.append(d)
        m.place = self._place(doc, e, sents)
        m.attendee_people = self._people(doc, e, events, sents)
        e.headline_people = bool(m.attendee_people) and not self._people(doc, e, events, sents, headline=False)
        return m

    @staticmethod
    def _place(doc: Doc, e: _Event, sents) -> PlaceRef | None:
        """The place after 'tại' in a sentence that mentions the event, else the place its lead names."""
        places = doc._.places or []
        text = doc.user_data.get("vnkg_text") or doc.text
        firsts: list[PlaceRef] = []
        for i in e.sentences:
            t, off, _ = sents[i]
            here = [p for p in places if p.span and off <= p.span.start < off + len(t)]
            at = [p for p in here if _AT.search(text[max(0, p.span.start - 25):p.span.start])]
            if at:
                return _with_province_after(at[0], here, text)
            if i == e.lead:
                firsts = here
        return firsts[0] if firsts else None

    @staticmethod
    def _clause_before(text: str, at: int) -> str:
        """The sentence's words before a document, from the sentence's start (at most 120 characters)."""
        start = max(text.rfind("\n", 0, at) + 1, text.rfind(". ", 0, at) + 2, at - 120)
        return text[start:at]

    @staticmethod
    def _next_lead(e: _Event, events: list[_Event], sents) -> int:
        """Where the sentences that go on about an event end: the next held event's lead (one only
        planned, "Hội nghị Trung ương 7 diễn ra tuần tới", is said in passing). A planned event's own
        sentences are all that speak of it."""
        if e.status != "held":
            return e.lead + 1
        later = [x.lead for x in events if x.lead > e.lead and x.status == "held"]
        return min(later) if later else len(sents)

    @staticmethod
    def _people(doc: Doc, e: _Event, events: list[_Event], sents, headline: bool = True) -> list[str]:
        """People of the sentences that mention the event, and of the sentences after its lead (up to
        the next event) that say who took part."""
        stop = EventsComponent._next_lead(e, events, sents)
        others = {i for x in events if x is not e and x.status == "held" for i in x.sentences}  # another event's
        first = headline and e.status == "held" and min(x.lead for x in events if x.status == "held") == e.lead
        scope = set(e.sentences) | {i for i in range(e.lead, stop) if i not in others and has("attend", sents[i][0])}
        # the headline and caption before the article's first event, where they say who took part, speak of it
        # ("A và B ký và trao Quy chế phối hợp", then "Chiều 17/6, ... đã ký kết Quy chế"); not what they said
        scope |= {i for i in range(e.lead if first else 0) if i not in others and has("take_part", sents[i][0])}
        bounds = [(sents[i][1], sents[i][1] + len(sents[i][0])) for i in scope]
        seen: list[str] = []
        for p in doc._.persons or []:
            if p.span is None or p.author or p.name in seen or not _could_attend(p.name, e.date):
                continue
            if any(a <= p.span.start < b for a, b in bounds):
                seen.append(p.name)
        return seen


def _with_province_after(place: PlaceRef, here: list[PlaceRef], text: str) -> PlaceRef:
    """'tại quận Ba Đình, Hà Nội', 'tại huyện Xuân Lộc (Đồng Nai)': a district or commune whose
    province the text writes right after it is in that province."""
    if place.kind == "province" or place.province or place.span is None:
        return place
    after = next((p for p in here if p.kind == "province" and p.span and p.span.start > place.span.end), None)
    if after is not None and text[place.span.end:after.span.start].strip() in (",", "(", "-", "–"):
        return replace(place, province=after.name)
    return place
