"""The ``vnkg_meetings`` component: meetings announced by a dated lead."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.dates import event_date
from kg.model import MeetingRef, Span
from kg.nlp.sentences import sentences as _sentences


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
