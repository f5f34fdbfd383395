"""Where a sentence names or reports an event, and what it says of it: the event nouns and
verbs of ``kg/data/events.json``, the event's own name, and whether it is held, planned or
called off. Works on the sentence text; the component (``events``) groups mentions into events."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.lexicon import data
from kg.nlp.phrase_patterns import alternation
from kg.nlp.tokens import ROMAN


@dataclass
class EventMention:
    kind: str
    start: int              # character offsets in the sentence
    end: int
    label: str              # the event's own name as written ("Hội nghị tổng kết công tác năm 2023")
    generic: bool           # a bare noun that refers back ("tại hội nghị", "buổi lễ")
    key: str                # what tells two events of one kind apart: an ordinal, a number, a name
    by_verb: bool = False   # reported by a verb ("X làm việc với Y"), not named
    anchored: bool = False  # words around it report it as taking place ("tổ chức Hội nghị", "Hội nghị diễn ra")
    by_lead_verb: bool = False  # a dated lead's verb reports it ("Chiều 10/2, Ban Thường vụ nghe ..."): its kind is a guess


@cache
def _tables():
    ev = data("events.json")
    kind_of = {n.lower(): k for k, nouns in ev["nouns"].items() for n in nouns}
    nouns = re.compile(r"(?<![\w])(" + alternation(kind_of, ignore_case=True) + r")(?![\w])", re.IGNORECASE)
    verb_kind = {v.lower(): k for k, verbs in ev["verbs"].items() for v in verbs}
    verbs = re.compile(r"(?<![\w])(" + alternation(verb_kind) + r")(?![\w])")
    words = {name: re.compile(r"(?<![\w])(?:" + alternation(ev[name], ignore_case=True) + r")(?![\w])", re.IGNORECASE)
             for name in ("planned", "cancelled", "held", "organise", "attend", "take_part")}
    not_after = re.compile(r"(?:" + alternation(ev["not_event_after"], ignore_case=True) + r")\s*(?:của\s+)?$", re.IGNORECASE)
    not_event = [n.lower() for n in ev["not_event"]]
    generic = {g.lower() for g in ev["generic"]}
    review_kind = {v: k for k, verbs in ev["reviews"].items() for v in verbs}
    reviews = re.compile(r"(?<![\w])(" + alternation(review_kind) + r")(?![\w])")
    before = re.compile(r"(?<![\w])(?:" + alternation(ev["anchored"]["before"], ignore_case=True) + r")\s+(?:(?:các|một|buổi|cuộc)\s+)?$", re.IGNORECASE)
    after = re.compile(r"^[^,.;:]{0,60}?(?<![\w])(?:" + alternation(ev["anchored"]["after"], ignore_case=True) + r")(?![\w])", re.IGNORECASE)
    opening = re.compile(r"\s+(?:khai mạc|bế mạc)\s+(?:" + alternation(kind_of, ignore_case=True) + r")(?![\w])", re.IGNORECASE)
    return kind_of, nouns, verb_kind, verbs, words, not_after, not_event, generic, reviews, before, after, opening


# what ends an event's name: punctuation, a date, the place, who holds it, what happens at it
_LABEL_END = re.compile(r"[.;:!?“”\"()]|(?<![Pp]hòng),|\s(?:do|vào|tại|với sự|dưới sự|diễn ra|đã|được|sẽ|nhằm|có sự|cho|từ ngày|trong hai ngày"
                        r"|sáng|chiều|tối|ngày|hôm|trong|là|và\s+(?:các|những)|theo|khi|bằng|qua|đến"
                        r"|làm việc|kéo dài|đề ra|bế mạc|kết thúc|thông qua|nhất trí|đang|vừa)(?![\w])", re.IGNORECASE)
# "2 quận", "5 năm": a number that counts something, not one that names the event ("Kỳ họp 31 của ...")
_COUNTS = re.compile(r"\s+(?!(?:lần|của|và|tại|do|với|được|đã|sẽ|năm\s+\d)(?![\w]))[a-zà-ỹđ]")
_ORDINAL_WORDS = {"lần", "thứ", "khóa", "khoá", "số", "năm", "kỳ",  # "Hội nghị lần thứ 21" keeps its number
                  "nhất", "hai", "ba", "tư", "sáu", "bảy", "tám", "chín", "mười"}
_KEY = re.compile(r"(?:lần\s+thứ|thứ|khóa|khoá|số)\s+[\w.]+|(?<![\w])(?:[IVXLC]{1,6}|\d{1,4})(?![\w/])"
                  r"|(?<![\w])(?:bất thường|chuyên đề|thường kỳ)(?![\w])", re.IGNORECASE)


def mentions_in(sentence: str) -> list[EventMention]:
    """Event nouns and event verbs of one sentence, in order."""
    kind_of, nouns, verb_kind, verbs, words_, not_after, not_event, generic, _, before, after, opening = _tables()
    needs_organiser = set(data("events.json")["needs_organiser"])
    out: list[EventMention] = []
    for m in nouns.finditer(sentence):
        noun = m.group(1).lower()
        rest = sentence[m.start():m.start() + 40].lower()
        if any(rest.startswith(n) for n in not_event) or not_after.search(sentence[max(0, m.start() - 30):m.start()]):
            continue
        if noun == "lễ" and not sentence[m.end():m.end() + 1].isspace():
            continue
        last = m.group(1).split()[-1]
        if noun in _verb_before_body() and last[:1].isupper() and not last.isupper():  # (not "HỘI NGHỊ GIAO BAN")
            continue  # "giao Ban Quản lý dự án ...": assigned to a body, no briefing
        if noun in ("lễ", "buổi lễ") and opening.match(sentence, m.end()):
            continue  # "Lễ khai mạc Đại hội ...": the congress's own opening, named by the congress's noun
        label = _label(sentence, m.start(), m.end())
        if _any_of_a_kind().match(sentence, m.start() + len(label)):
            continue  # "kỳ họp Quốc hội nào cũng ...", "Đại hội Công đoàn các cấp": no one event
        qualifier = label[len(m.group(1)):].strip()
        # "tiếp xúc cử tri báo cáo kết quả kỳ họp thứ nhất": the number is the session's, not the meeting's
        nested = next((x for x in nouns.finditer(qualifier) if kind_of[x.group(1).lower()] != kind_of[noun]), None)
        own = qualifier[:nested.start()] if nested else qualifier
        key = " ".join(k.group(0).lower() for k in _KEY.finditer(own)
                       if not (k.group(0).isdigit() and _COUNTS.match(own, k.end())))
        if kind_of[noun] == "ceremony" and qualifier:  # "Lễ khởi công" and "Lễ khánh thành" are two ceremonies
            key = " ".join(qualifier.lower().split()[:2]) + (" " + key if key else "")
        anchored = bool(before.search(sentence[max(0, m.start() - 40):m.start()]) or after.search(sentence[m.end():]))
        if noun in needs_organiser and not words_["organise"].search(sentence[max(0, m.start() - 25):m.start()]):
            continue  # "sự kiện" is an event only where somebody holds it
        out.append(EventMention(kind_of[noun], m.start(), m.end(), label, noun in generic and not qualifier, key,
                                anchored=anchored))
    for m in verbs.finditer(sentence):
        named = [e for e in out if e.start < m.end() and m.start() < e.end + 25]
        if named:  # "buổi làm việc với ...", "đã hội đàm với ...": the noun already names it, and the verb reports it
            named[0].anchored = True
            continue
        out.append(EventMention(verb_kind[m.group(1).lower()], m.start(), m.end(), "", True, "", by_verb=True, anchored=True))
    return sorted(out, key=lambda e: e.start)


def _label(sentence: str, start: int, noun_end: int) -> str:
    end = _LABEL_END.search(sentence, noun_end)
    text = " ".join(sentence[start:end.start() if end else len(sentence)].split()).strip(" -–")
    words = text.split()
    stops = _function_words()
    noun_words = len(sentence[start:noun_end].split())
    # "Kỳ họp này", "Hội nghị có đại diện ...": the name ends at a function word; "với" the party met goes on
    for n in range(noun_words, len(words)):
        if words[n] == "với" and _meets_partner(words[n + 1:]):
            continue
        w = words[n].lower()
        in_name = words[n] != w and words[n - 1][:1].isupper() and not ROMAN.fullmatch(words[n - 1])  # "Ngọc Hồi", "Lãn Ông"
        if w in stops and w not in _ORDINAL_WORDS and not in_name and not (
                words[n - 1] == "với" and _meets_partner(words[n:])):
            text = " ".join(words[:n])
            break
    if len(text) > 140:
        text = text[:140].rsplit(" ", 1)[0] + "…"
    return text[:1].upper() + text[1:]


def _meets_partner(words: list[str]) -> bool:
    """Whether the words after 'với' name the party met: a capitalised name or a word of ``with_partner``."""
    if not words:
        return False
    if words[0][:1].isupper():
        return True
    partners = _partner_words()
    return any(" ".join(words[:len(p.split())]).lower() == p for p in partners)


@cache
def _partner_words() -> tuple[str, ...]:
    return tuple(data("events.json")["with_partner"])


def plural_before(text: str) -> bool:
    """Whether ``text`` ends with a word that makes what follows many ('các', 'những')."""
    return bool(_plural().search(text))


@cache
def _plural():
    return re.compile(r"(?<![\w])(?:" + alternation(data("events.json")["plural_before"], ignore_case=True) + r")\s+$",
                      re.IGNORECASE)


@cache
def _verb_before_body() -> frozenset[str]:
    return frozenset(data("events.json")["verb_before_body"])


def refers_to_any(label: str) -> bool:
    """Whether a mention is one of the plain words for a meeting ('tại buổi họp'), which refer back to
    the event in hand whatever its kind."""
    return label.lower() in _refers_to_any()


@cache
def _refers_to_any() -> frozenset[str]:
    return frozenset(data("events.json")["refers_to_any"])


@cache
def _any_of_a_kind():
    return re.compile(r"\s+(?:" + alternation(data("events.json")["any_of_a_kind"], ignore_case=True) + r")(?![\w])", re.IGNORECASE)


@cache
def _function_words() -> frozenset[str]:
    from kg.lexicon import word_sections
    words = word_sections("name_stops.txt")["function words"]
    return frozenset(w for w in words if " " not in w) | {"này", "đó", "có", "về", "là", "hồi"}


def status_of(sentence: str, at: int) -> str:
    """'held', 'planned' or 'cancelled': what the sentence says of the event mentioned at ``at``
    (the words of the clause before it, and right after it)."""
    words = _tables()[4]
    clause_start = max(sentence.rfind(".", 0, at), sentence.rfind(";", 0, at), 0)
    before = sentence[clause_start:at]
    around = before + sentence[at:at + 60]
    if words["cancelled"].search(around):
        return "cancelled"
    done = re.compile(r"(?<![\w])(?:đã|vừa)(?![\w])")
    planned = words["planned"].search(before)
    setting = _SETTING.search(before)
    if planned is not None and setting is not None and planned.end() <= setting.start() and len(before[:planned.start()].split()) > 3:
        planned = None  # "Đề cập đến phương án điều chỉnh giá điện sắp tới, tại cuộc họp báo ...": another phrase's time
    if planned is not None and not done.search(before, planned.end()):
        return "planned"
    if setting is not None:
        # "Tại lễ khởi công, ông A cho biết dự án sẽ ...": the setting of what is reported, unless its
        # name says it is to come ("tại kỳ họp tới") or its clause does before any word of saying
        # ("Tại buổi gặp này, Đoàn sẽ đề nghị ...")
        after = sentence[at:at + 80]
        if _NEXT.search(after[:30]):
            return "planned"
        future, said = _TO_COME.search(after), _SAYING.search(after) or done.search(after)
        return "planned" if future and (said is None or future.start() < said.start()) else "held"
    if re.search(r"(?<![\w])(?:sẽ|dự kiến)(?![\w])", sentence[at:at + 70]) and not done.search(before):
        return "planned"
    return "held"


_TO_COME = re.compile(r"(?<![\w])(?:sắp tới|tới đây|sắp diễn ra|dự kiến|sẽ)(?![\w])")
_NEXT = re.compile(r"(?<!có)\s(?:tới|sắp tới)(?![\w])")  # "tại kỳ họp tới" (not "có tới 63%")
_SAYING = re.compile(r"(?<![\w])(?:cho biết|nói|khẳng định|nhấn mạnh|phát biểu|chia sẻ|thông tin|báo cáo|"
                     r"nêu rõ|cho rằng|đề nghị|yêu cầu|chỉ đạo|trả lời|cho hay|xác nhận|cam kết|kiến nghị|"
                     r"đề xuất|đánh giá|thừa nhận|lưu ý|tuyên bố|công bố|kết luận|thống nhất|đề cập)(?![\w])")
_SETTING = re.compile(r"(?:^|[.;,\"“”]|\s-)\s*(?:Tại|tại)\s+$")


def is_generic(label: str) -> bool:
    """Whether an event's label is only a noun that refers back ('Hội nghị', 'buổi lễ')."""
    return label.lower() in _tables()[7]


def has(name: str, text: str) -> bool:
    """Whether ``text`` has one of the words of the ``events.json`` list ``name`` ('held', 'attend' ...)."""
    return bool(_tables()[4][name].search(text))


def cites_as_basis(before: str) -> bool:
    """Whether the words before a document cite it as what an event acts on: a clause opened by
    'Căn cứ' / 'Thực hiện' ("Theo đó, thực hiện Kế hoạch số ..."), not "theo quy định tại ..."."""
    return bool(_basis().search(before))


@cache
def _basis():
    words = alternation(data("events.json")["basis"], ignore_case=True)
    return re.compile(r"(?:^|[.,;:]\s*|(?<![\w])Theo đó,?\s*)(?:" + words + r")\s+(?:\S+\s+){0,4}$", re.IGNORECASE)


def is_source(before: str, after: str) -> bool:
    """A body named as the report's source ('Theo TTXVN, ...', 'TTXVN đưa tin, ...')."""
    return bool(_source()[0].search(before) or _source()[1].match(after))


@cache
def _source():
    src = data("events.json")["source"]
    return (re.compile(r"(?<![\w])(?:" + alternation(src["before"], ignore_case=True) + r")\s*$", re.IGNORECASE),
            re.compile(r"\s*(?:" + alternation(src["after"], ignore_case=True) + r")(?![\w])", re.IGNORECASE))


def organise_verb(text: str, start: int = 0, end: int | None = None):
    return _tables()[4]["organise"].search(text, start, len(text) if end is None else end)


def review_verb(text: str) -> str | None:
    """The kind of event a dated lead reports by its verb ('tổng kết' → conference), if any."""
    m = _tables()[8].match(text)
    return _review_kinds()[m.group(1)] if m else None


@cache
def _review_kinds() -> dict[str, str]:
    return {v: k for k, verbs in data("events.json")["reviews"].items() for v in verbs}


@cache
def _hosts():
    return re.compile(r"\s+(?:đã\s+|vừa\s+)?(?:" + alternation(data("events.json")["hosts"]) + r")\s+")


def hosts(text: str, end: int) -> int | None:
    """Right after a body ending at ``end``, words by which it holds the event they open ("Đoàn ĐBQH
    thành phố có cuộc tiếp xúc cử tri"): where they end, or None. Only there, not later in the clause."""
    m = _hosts().match(text, end)
    return m.end() if m else None


@cache
def delegation_verbs():
    return re.compile(r"^[^.;]{0,220}?(?<![\w])(?:" + alternation(data("events.json")["delegation_verbs"]) + r")(?![\w])")
