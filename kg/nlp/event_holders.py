"""Which body holds an event: the words around a body in a sentence that mentions the event say it
organises, convenes or hosts it ('X tổ chức hội nghị', 'do X và Y tổ chức', 'Kỳ họp thứ 5 HĐND tỉnh',
'Hội nghị ... của Cục Hải quan'), rather than attends it."""
from __future__ import annotations

import re

from kg.nlp.event_mentions import hosts, organise_verb

_OF_OWNER = re.compile(r"^(?:(?!đại diện|lãnh đạo|thay mặt|ý kiến|[.;:!?])[^\n])*(?<![\w])của\s+$", re.IGNORECASE)
_BY = re.compile(r"(?<![\w])do\s+$")
# "do IPU và Quốc hội Việt Nam tổ chức": the second of two bodies the event is held by
_BY_BOTH = re.compile(r"(?<![\w])do\s+[^.;,\n]{1,60}?\s+(?:và|cùng)\s+$")
# "kỳ họp thứ 5 khóa IX HĐND TP", "Hội nghị lần thứ 30 Ban Chấp hành Đảng bộ tỉnh": a session of the body after it
_SESSION_OF = re.compile(r"(?<![\w])(?:kỳ họp|phiên họp|phiên toàn thể|hội nghị)(?:\s+(?:lần\s+)?thứ\s+[\w]+)?"
                         r"(?:\s*,?\s*(?:khóa|khoá|nhiệm kỳ)\s+[\w\-–]+)*\s+$", re.IGNORECASE)

# what may open an event's name before the session it belongs to: "Phiên khai mạc kỳ họp thứ 4 HĐND ..."
_OPENS_SESSION = re.compile(r"(?:phiên(?:\s+[\w]+){1,2}\s+)?", re.IGNORECASE)

# "Hội nghị lần thứ 16", "kỳ họp thứ 10": a numbered session that names no body of its own, and the
# bodies that hold numbered sessions (party committees, councils, the assembly)
_NUMBERED_SESSION = re.compile(r"(?:hội nghị|kỳ họp|phiên họp)\s+(?:lần\s+)?thứ\s+\w+", re.IGNORECASE)
_SESSION_HOLDER = re.compile(r"(?:(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng|Khu)\s+[uủ][ỷy]\b|Ban Chấp hành|BCH|Hội đồng nhân dân|HĐND|Quốc hội)",
                             re.IGNORECASE)
_WITHIN = re.compile(r"(?<![\w])(?:trong khuôn khổ|tại)\s+$", re.IGNORECASE)

Spans = list[tuple[int, int, str]]  # the event's mentions in the sentence's offsets, with their text


def organises(text: str, start: int, end: int, spans: Spans, label: str) -> bool:
    """A body at [start, end) of a sentence holds the event mentioned at ``spans``: it is the
    subject of 'tổ chức'/'chủ trì' before the event, 'do X (và Y) tổ chức', a session's body ('Kỳ
    họp thứ 10 HĐND tỉnh'), inside the event's name, or its owner ('Hội nghị ... của Cục Hải quan'); a
    party committee or council acting 'trong khuôn khổ' or 'tại' a numbered session that names no body
    holds that session ('Thành ủy X đã xem xét ... trong khuôn khổ Hội nghị lần thứ 16')."""
    verb = organise_verb(text, end)
    if verb and verb.start() - end <= 60 and not re.search(r"[.;]", text[end:verb.start()]):
        return True
    before = text[max(0, start - 80):start]
    if _BY.search(before[-10:]):
        return True
    if _BY_BOTH.search(before) and verb and verb.start() - end <= 20:
        return True
    session = _SESSION_OF.search(before[-60:])
    if session is not None:  # (the session named is this event's mention, not another event the sentence names)
        at = start - len(before[-60:]) + session.start()
        if any(a <= at < b and _OPENS_SESSION.fullmatch(text[a:at]) for a, b, _ in spans):
            return True  # (the event's own name opens with the session, not a longer one naming it: "Hội nghị ... nghe kết quả Hội nghị lần thứ 7 ...")
        if re.search(r"(?<![\w])(?:tại|trong|của)\s+$", text[max(0, at - 8):at]) and any(0 <= at - b <= 80 for _, b, _ in spans):
            return True  # "phiên chất vấn ... tại kỳ họp thứ 5 HĐND TP": an event inside the body's session
    if _NUMBERED_SESSION.fullmatch(label) and _SESSION_HOLDER.match(text[start:end]) and any(
            0 < a - end <= 100 and _WITHIN.search(text[end:a]) and not re.search(r"[.;]", text[end:a]) for a, _, _ in spans):
        return True  # "Thành ủy Đà Nẵng đã xem xét kỷ luật trong khuôn khổ Hội nghị lần thứ 16": its own session
    opened = hosts(text, end)  # "X có buổi làm việc với ...": the event's own name right after "có"
    if opened is not None and any(a == opened for a, _, _ in spans):
        return True
    if any(a <= start < b for a, b, t in spans if t == label):
        return True  # ("Kỳ họp HĐND TP. Đà Nẵng": the body begins inside the event's name)
    return any(0 <= start - b <= 100 and _OF_OWNER.search(text[b:start]) for _, b, _ in spans)
