"""Article metadata from the text itself: title, publication date, authors, source URL.

Returns the text with page chrome, stamp, byline and source lines blanked out (same length,
so offsets hold) for the annotators to read.
"""
from __future__ import annotations

import re
from itertools import islice
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from kg.dates import header_datetime, url_date
from kg.lexicon import data

_URL = re.compile(r"https?://[^\s\"'<>)]+|www\.[^\s\"'<>)]+")
_BYLINE = re.compile(r"^(?:(?:Tin|Bài|Ảnh|Tin và ảnh|Bài và ảnh|Tin, ảnh|Bài, ảnh|Video|Nhóm PV|Theo)\s*:\s*)(?P<who>.+)$", re.IGNORECASE)
_AGENCY = re.compile(r"^(?P<who>[^()\d:]{2,40}?)\s*\((?P<agency>[A-ZĐ][\w./ -]{1,20})\)\s*$")
_CAPTION_CREDIT = re.compile(r"(?:\.|^)\s*Ảnh\s*:\s*[^.]*$")
_DATE_LINE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")  # "PV | 16/05/2023 - 08:30": a short line with a full date
_NOT_A_NAME = re.compile(r"^Theo\b|\b(?:PV|CTV|BTV|TTXVN|VNA|TTO|Nhóm)\b")  # "PV" = phóng viên; "Theo TTXVN"
# a line that names someone with an honorific is a caption ("Ông Ngô Văn Tuấn."), never a byline
_HONOURED = re.compile(r"^(?:Ông|Bà|Đồng chí|Các đồng chí|Đ/c)\s")
_STAMP_HINT = re.compile(r"cập nhật|đăng lúc|ngày đăng|gmt|thứ\s+\w+|^\s*\d{1,2}:\d{2}|^\s*\d{1,2}/\d{1,2}/\d{4}"
                         r"|^\s*(?:19|20)\d{2}-[01]\d-[0-3]\d(?:[T ]|\s*$)", re.IGNORECASE)


@dataclass
class Metadata:
    title: str | None = None
    published: date | datetime | None = None
    url: str | None = None
    authors: list[tuple[str, int, int]] = field(default_factory=list)  # name, start, end (-1: not in the text)
    body: str = ""
    section: str | None = None


@dataclass(frozen=True)
class Given:
    """Metadata an input states outright (a record's fields, a page's meta tags and JSON-LD). It wins
    over what the text suggests: a crawler's date field is the publication date, a stamp-shaped
    line in the text is only a guess at it."""
    title: str | None = None
    published: date | datetime | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    section: str | None = None

    def __bool__(self) -> bool:
        return any((self.title, self.published, self.url, self.authors, self.section))

    def key(self) -> str:
        """A stable text of the values: part of the article's fingerprint, so that a corrected date
        rebuilds the article."""
        return "\x1f".join([self.title or "", self.published.isoformat() if self.published else "", self.url or "",
                            "\x1e".join(self.authors), self.section or ""])


def apply_given(meta: Metadata, given: Given | None, text: str = "") -> Metadata:
    """Given values replace the text's. A given author keeps the offsets of the byline that names
    them, whether the text's reading found that byline ("Tin, ảnh: MINH ANH") or not ("Thanh Hà -
    Quốc Việt" at the foot: then the line is found by the given names, and blanked like a byline)."""
    if not given:
        return meta
    meta.title = given.title or meta.title
    meta.published = given.published or meta.published
    meta.url = given.url or meta.url
    meta.section = given.section or meta.section
    if given.authors:
        found = {_person_case(n).casefold(): (a, b) for n, a, b in meta.authors}
        if not any(n.casefold() in found for n in given.authors):
            found = _given_byline(text, given.authors, meta)
        meta.authors = [(n, *found.get(n.casefold(), (-1, -1))) for n in given.authors]
    return meta


def _given_byline(text: str, names: tuple[str, ...], meta: Metadata) -> dict[str, tuple[int, int]]:
    """Spans of the given authors in one of the last two lines when that line holds little else."""
    end = len(text.rstrip())
    for _ in range(2):
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].lower()
        if line.strip() and len(line) <= 100:
            spans = {n.casefold(): (start + line.find(n.lower()), start + line.find(n.lower()) + len(n))
                     for n in names if n.lower() in line}
            rest = line
            for n in names:
                rest = rest.replace(n.lower(), "")
            if spans and len(re.sub(r"tin|bài|ảnh|và|theo|[\W_]", "", rest)) <= 3:
                meta.body = meta.body[:start] + " " * (end - start) + meta.body[end:]
                return spans
        end = len(text[:start].rstrip())
    return {}


@cache
def _boilerplate() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    """The chrome lines (case-folded) and patterns of ``boilerplate.json``, compiled once."""
    conf = data("boilerplate.json")
    return frozenset(x.casefold() for x in conf["lines"]), tuple(re.compile(p) for p in conf["patterns"])


def _is_boilerplate(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 100:  # page chrome is short; a paragraph that opens with "Chia sẻ với PV ..." is prose
        return False
    lines, patterns = _boilerplate()
    return s.casefold() in lines or any(p.search(s) for p in patterns)


def _person_case(name: str) -> str:
    """'TUYẾT NGA' → 'Tuyết Nga'; mixed case is kept."""
    return " ".join(w.capitalize() for w in name.split()) if name.isupper() else name


def _byline_names(line: str) -> list[str]:
    s = line.strip().rstrip(".")
    if _HONOURED.match(s):
        return []
    m = _BYLINE.match(s)
    if m:
        who = m["who"]
    else:
        m = _AGENCY.match(s)
        if m:
            who = m["who"]
        elif 1 <= len(s.split()) <= 4 and all(w[:1].isupper() for w in s.split()) and not re.search(r"[\d:;,.!?]", s):
            who = s
        else:
            return []
    who = re.sub(r"\(.*?\)|/.*$", "", who)
    names = [n.strip(" .-–") for n in re.split(r"\s*(?:,|–| - | và )\s*", who)]
    return [_person_case(n) for n in names if 2 <= len(n.split()) <= 5 and all(w[:1].isupper() for w in n.split())
            and not _NOT_A_NAME.search(n)]


_CREDIT_START = re.compile(r"(?<![\w])(?:Ảnh|Ảnh minh họa|Nguồn ảnh|Video|Clip|Đồ họa)\s*:\s*")
_CREDIT_WORD = re.compile(r"\S+")
# a news agency credited in brackets or after "Theo"/"Nguồn": "(TTXVN)", "(Theo VnExpress)", "Nguồn: VOV"
_AGENCY_CREDIT = re.compile(r"\((?:Theo\s+)?(?:TTXVN|VNA|VOV|VTV|VTC|TTO|PV|CTV|ĐCSVN|Chinhphu\.vn|[A-Z][\w.]{1,20}\.(?:vn|net|com))"
                            r"(?:/[A-Z]{2,6})?\)(?!\s*[-–—])|(?<![\w])(?:Theo|Nguồn)\s*:?\s*(?:TTXVN|VNA|VOV|VTV)(?![\w])")


def _credit_end(line: str, at: int) -> int:
    """Where a credit that starts at ``at`` ends: capitalised words, initials and agency codes
    ("Phụ Nữ TP.HCM", "Thùy Dung/TTXVN", "NVCC"), up to a lower-case word, an honorific or a word
    that opens the next sentence ("... TP.HCM Liên quan vụ việc": "Liên" is followed by lower case)."""
    stops = _sentence_openers()
    words = list(islice(_CREDIT_WORD.finditer(line, at), 6))
    end = at
    for n, w in enumerate(words):
        token = w.group(0)
        bare = token.strip(".,;:()\"'")
        nxt = words[n + 1].group(0) if n + 1 < len(words) else ""
        if n and token in ("-", "–", "/") and nxt.strip(".,;:()").isupper():
            return words[n + 1].end()  # "Ảnh: Trọng Đức - TTXVN": the agency after the photographer ends it
        if not token[:1].isupper() or bare in stops:
            break
        if n and nxt[:1].islower() and not token.isupper():
            break
        end = w.end() - (1 if token.endswith(")") else 0)
        if token.endswith((".", ",", ";", ")")):
            break
    return end


@cache
def _sentence_openers() -> frozenset[str]:
    roles = data("roles.json")
    return (frozenset(roles["not_name_end"]) | {h for h in roles["honorifics"] if h[:1].isupper() and " " not in h}
            | {"Sáng", "Chiều", "Tối", "Trưa", "Đêm", "Ngày", "Hôm", "Cùng"})


_STAMP_WORDS = {"thứ", "ngày", "tháng", "năm", "cập", "nhật", "lúc", "đăng", "giờ", "sáng", "chiều", "tối",
                "trưa", "hai", "ba", "tư", "sáu", "bảy", "chủ", "nhật", "gmt", "am", "pm", "và", "bởi", "lượt", "xem"}


_WORD = re.compile(r"[^\W\d_]+")


def _is_prose(line: str) -> bool:
    """A sentence rather than a stamp: four or more lower-case words besides date and time words
    (read up to the fourth: a first line may be a whole paragraph)."""
    words = (m.group() for m in _WORD.finditer(line))
    plain = (w for w in words if w.islower() and w not in _STAMP_WORDS)
    return next(islice(plain, 3, None), None) is not None


def _is_title(line: str, following: str) -> bool:
    """A headline: a short line without a final full stop, followed by a blank line or by the
    stamp. (A photo caption or the lead itself may come first: it has a sentence's shape.)"""
    s = line.strip()
    after = following.strip()
    return (len(s.split()) <= 30 and not s.endswith((".", "…", ":"))
            and (not after or (len(after) <= 120 and header_datetime(after) is not None)))


def _signs_an_office(prose: list, line) -> bool:
    """A name under an office in capitals ('THỨ TRƯỞNG', 'KT. CHỦ TỊCH') signs a document: it is the
    signer (``kg/nlp/signatures``), not the article's byline."""
    k = prose.index(line) - 1
    while k >= 0 and SIGNED_MARK.match(prose[k][2].strip()):
        k -= 1  # "(đã ký)", "Da ky" between
    above = prose[k][2].strip() if k >= 0 else ""
    return bool(above) and above.isupper() and len(above) <= 60 and any(c.isalpha() for c in above)


# "(đã ký)", "Đã ký và đóng dấu", "Da ky": the mark of a signed document between its office and its signer
SIGNED_MARK = re.compile(r"\(?\s*(?:đã ký|da ky)[^)\n]{0,20}\)?", re.IGNORECASE)


def extract_metadata(text: str, given: Given | None = None) -> Metadata:
    """Read the header and footer lines; blank what is not article prose. ``given`` metadata
    (from the input itself) wins over what the lines suggest; the lines are blanked all the same."""
    meta = Metadata()
    body = list(text)
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1

    def blank(a: int, b: int) -> None:
        for k in range(a, b):
            if body[k] != "\n":
                body[k] = " "

    content = [(a, b, s) for a, b, s in lines if s.strip() and not _is_boilerplate(s)]
    for a, b, s in lines:
        if s.strip() and _is_boilerplate(s):
            blank(a, b)
    # title: the first prose line when it has a title's shape (short, no final full stop); it stays
    # in the text either way: a headline or a caption names people, bodies and documents too
    if content:
        a, b, s = content[0]
        following = text[b + 1:].split("\n", 1)[0]
        if _is_title(s, following):
            meta.title = re.sub(r"\s+", " ", s).strip()
            content = content[1:]
    # publication stamp: a short dated line among the first few
    for a, b, s in content[:4]:
        if _is_prose(s):
            continue  # "Ngày 5/6/2024, Bộ Tài chính tổ chức hội nghị.": the lead, not a stamp
        if len(s) <= 120 and _STAMP_HINT.search(s) or len(s) <= 60 and _DATE_LINE.search(s):
            stamp = header_datetime(s)
            if stamp:
                meta.published = stamp
                blank(a, b)
                break
    # source URL
    for a, b, s in lines:
        m = _URL.search(s)
        if m:
            meta.url = meta.url or m.group(0).rstrip(".,;")
            if len(s.strip()) - len(m.group(0)) < 60:
                blank(a, b)
    if meta.published is None and meta.url:
        meta.published = url_date(meta.url)
    # byline: the last short prose lines (skipping the source line)
    prose = [c for c in content if not _URL.search(c[2])]
    tail = prose[-2:]
    for a, b, s in reversed(tail):
        if _signs_an_office(prose, (a, b, s)):
            break  # the text ends with a document's signature: no byline (nor is the office above one)
        names = _byline_names(s)
        if names and len(s.strip()) <= 60:
            for n in names:
                k = text.find(n.split()[0], a, b)
                meta.authors.append((n, a if k < 0 else k, b))
            blank(a, b)
            break
    # photo credits inside captions ("... Ảnh: Thùy Dung/TTXVN"), also mid-line where paragraphs were merged
    for a, b, s in lines:
        m = _CAPTION_CREDIT.search(s)
        if m and m.start() > 0:
            blank(a + m.start() + 1, b)
            continue
        for c in _CREDIT_START.finditer(s):
            blank(a + c.start(), a + _credit_end(s, c.end()))
        for c in _AGENCY_CREDIT.finditer(s):
            blank(a + c.start(), a + c.end())
    meta.body = "".join(body)
    return apply_given(meta, given, text)
