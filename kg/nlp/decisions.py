"""Numbered documents: "Quyết định số 290-QĐ/TW, ngày 25/2/2010 của Bộ Chính trị (khóa X) về ...".

The number is normalised ("290- QĐ/TW" → "290-QĐ/TW"); the type comes from the word before
it or from the number's own code ("NQ" → Nghị quyết); date, issuer, term and title are read
from what immediately follows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.dates import parse_dmy
from kg.lexicon import data

_TYPES = ["Quyết định", "Nghị quyết", "Chỉ thị", "Kết luận", "Quy định", "Nghị định", "Thông tư liên tịch", "Thông tư",
          "Kế hoạch", "Hướng dẫn", "Thông báo kết luận", "Thông báo", "Công văn", "Công điện", "Quy chế", "Chương trình",
          "Đề án", "Luật", "Pháp lệnh", "Thông tri", "Báo cáo", "Tờ trình", "Văn bản", "văn bản", "Điều lệ"]
# a code segment: capitals and digits, lower case only before a capital or as one final letter
# ("TTg", "CTr", "QĐi"), so a glued next word ("NĐ-CPngày") is not part of it
_SEG = r"[A-ZĐƯ](?:[A-ZĐƯ0-9&]|[a-z](?=[A-ZĐƯ0-9]))*(?:[a-z](?![a-zà-ỹđ]))?"
_CODE = _SEG + r"(?:\s*[-/–]\s*" + r"[A-ZĐƯ0-9](?:[A-ZĐƯ0-9&]|[a-z](?=[A-ZĐƯ0-9]))*(?:[a-z](?![a-zà-ỹđ]))?" + r")*"
_NUMBER = r"(?P<num>\d{1,5}(?:\.\d{1,3}(?=\s*/))?[a-z]?(?:\s*/\s*\d{4})?)\s*(?P<sep>[-–/])\s*(?P<code>(?-i:" + _CODE + "))"
_TYPE_CODES = {"NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "KL": "Kết luận", "NĐ": "Nghị định", "TT": "Thông tư",
               "KH": "Kế hoạch"}
_TYPE_WORD = r"(?P<type>" + "|".join(_TYPES) + r"|(?-i:NQ|QĐ|CT|KL|NĐ|KH)(?=\s+số))"
TYPED = re.compile(_TYPE_WORD + r"\s+(?:số\s*)?" + _NUMBER, re.IGNORECASE)
LAW = re.compile(r"(?P<type>Luật|Pháp lệnh)\s+(?P<name>[A-ZĐ][^\d.;:,()“”\"]{2,80}?)\s+số\s+" + _NUMBER)
# a coded number on its own: after "số", in a list of numbers, or with a code the tables know
CODED = re.compile(r"(?<![\w/.-])" + _NUMBER + r"(?![\w])")
# a number with no code after a document word: "Nghị định 73", "Nghị quyết số 09/2026", "Thông báo số 317"
BARE_TYPED = re.compile(r"(?<![\w])(?P<type>(?i:Nghị định|Nghị quyết|Thông tư liên tịch|Thông tư|Quyết định|Chỉ thị|Công văn|"
                        r"Công điện)|Kết luận|Thông báo|Quy định|Pháp lệnh|Luật)\s+(?:số\s*)?"
                        r"(?P<num>\d{1,5}(?:\.\d{1,3})?(?:\s*/\s*\d{4})?)"
                        r"(?![\d\w/-]|[.,]\d|\s*[-–/]\s*[A-ZĐ])(?!\s+(?:năm(?!\s+\d{4})|tháng|ngày|tuần|giờ|phút|người|%|lần|điều|khoản|đồng|triệu|tỷ))")
_AFTER_DATE = re.compile(r"^\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})")
_TERM = re.compile(r"^\s*\(\s*(khóa\s+[IVXLC\d]+)\s*\)", re.IGNORECASE)
_TITLE = re.compile(r"^\s*,?\s*(?:về\s+)?(?:việc\s+)?[“\"'‘«](?P<t>[^”\"'’»]{3,300})[”\"'’»]", re.IGNORECASE)
_TITLE_PLAIN = re.compile(r"^\s*,?\s*(?P<t>(?:về|Về)\s+(?:việc\s+)?[^.;:,“\"()]{5,160}?)(?=[.;,:(]|$|\s(?:của|được|đã|đang|sẽ|là|nhằm|và các|cho|tại|trong)\s)")
_DIGIT = re.compile(r"\d")
_SO_BEFORE = re.compile(r"(?:\bsố|[,;]|\bvà)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    number: str
    doc_type: str
    issuer_code: str
    title: str | None = None
    bare: bool = False          # no code: "Nghị định 73" names a document only within its article


def normalise_number(num: str, sep: str, code: str) -> str:
    num = re.sub(r"\s+", "", num)
    code = re.sub(r"\s*([-/–])\s*", r"\1", code).replace("–", "-")
    return f"{num}{'-' if sep in '-–' else '/'}{code}"


def type_from_code(code: str) -> str | None:
    types = data("abbreviations.json")["document_types"]
    for part in re.split(r"[-/]", code):
        if part in types:
            return types[part]
    return None


def issuer_code(code: str) -> str:
    """The issuing body's code: the one after the document's type ('QĐ/TW' → 'TW', 'QĐ-UBND' → 'UBND',
    '2019/NĐ-CP' → 'CP', '17/QĐ-C03-P2' → 'C03'), or, in a letter's number, which writes no type, the
    first the tables know ('7924/BTC-TCHQ' → 'BTC': the ministry's letter, drafted by its customs
    department)."""
    parts = [p for p in re.split(r"[-/]", code) if p and not p.isdigit()]
    types = data("abbreviations.json")["document_types"]
    typed = next((k for k, p in enumerate(parts) if p in types), None)
    rest = [p for p in parts[typed + 1:] if p not in types] if typed is not None else []
    if rest:
        return rest[0]
    codes = data("abbreviations.json")["issuer_codes"]  # ('74/2018/ND-CP': a type misspelt; '485/BCT-KH': the unit's)
    return next((p for p in parts if p in codes or p.rstrip("0123456789") in codes),
                next((p for p in parts if p not in types), ""))


def number_scope(code: str) -> str:
    """'national' or 'province' from the issuer's code: 'TW', 'CP', 'QH15' national, 'TU', 'UBND'
    local; unknown codes are national for ministries ('BYT', 'BNV') and local otherwise."""
    codes = data("abbreviations.json")["issuer_codes"]
    default = "national" if re.fullmatch(r"B[A-ZĐ]{1,5}", code) else "province"
    return codes.get(code, codes.get(code.rstrip("0123456789"), {})).get("scope", default)


@lru_cache(maxsize=1024)
def find_numbers(text: str) -> tuple[NumberMatch, ...]:
    """The numbered documents a sentence cites, in order. Cached: two components ask of every sentence."""
    if not _DIGIT.search(text):  # most sentences cite no number: skip the patterns
        return ()
    out: list[NumberMatch] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in taken)

    for m in TYPED.finditer(text):
        word = m["type"]
        dtype = _TYPE_CODES.get(word) or next(t for t in _TYPES if t.lower() == word.lower())
        if dtype.lower() == "văn bản":
            dtype = type_from_code(_tight(m["code"])) or "Văn bản"
        number = normalise_number(m["num"], m["sep"], m["code"])
        out.append(NumberMatch(m.start(), m.end(), number, dtype, issuer_code(_tight(m["code"]))))
        taken.append((m.start(), m.end()))
    for m in LAW.finditer(text):  # "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"
        if not free(m.start("num"), m.end()):
            continue
        number = normalise_number(m["num"], m["sep"], m["code"])
        out.append(NumberMatch(m.start(), m.end(), number, m["type"], issuer_code(_tight(m["code"])), f"{m['type']} {m['name']}"))
        taken.append((m.start(), m.end()))
    for m in CODED.finditer(text):
        if not free(m.start(), m.end()):
            continue
        code = _tight(m["code"])
        listed = bool(_SO_BEFORE.search(text[max(0, m.start() - 12):m.start()]))
        if not (_known_code(code) or listed and len(re.split(r"\s*[-/–]\s*", code)) >= 2):
            continue
        number = normalise_number(m["num"], m["sep"], code)
        out.append(NumberMatch(m.start(), m.end(), number, type_from_code(code) or "Văn bản", issuer_code(code)))
        taken.append((m.start(), m.end()))
    for m in BARE_TYPED.finditer(text):
        if not free(m.start(), m.end()):
            continue
        word = m["type"]
        dtype = next(t for t in _TYPES if t.lower() == word.lower())
        number = re.sub(r"\s+", "", m["num"])
        out.append(NumberMatch(m.start(), m.end(), number, dtype, "", bare=True))
        taken.append((m.start(), m.end()))
    return tuple(sorted(out, key=lambda n: n.start))


def full_number_of(short: str, numbers: list[str]) -> str | None:
    """'64/2017' or 'Nghị định 46' for '64/2017/TT-BCA', '46/2026': a number cited short is the
    article's one fuller number that begins with it (the fullest, when the article cites it short
    in two ways: 'Nghị định 342', '342/2025', '342/2025/NĐ-CP')."""
    longer = {n for n in numbers if n != short and n.startswith((short + "/", short + "-", short + "."))}
    fullest = {n for n in longer if not any(m != n and m.startswith(n) for m in longer)}
    return fullest.pop() if len(fullest) == 1 else None


def _tight(code: str) -> str:
    """'QĐ - TTg' → 'QĐ-TTg' (tokenised text spaces its separators)."""
    return re.sub(r"\s*([-/–])\s*", r"\1", code).replace("–", "-")


def _known_code(code: str) -> bool:
    """A code with a document type ('QĐ', 'NQ') or an issuer the tables know ('TTg', 'UBND', 'BTC')."""
    parts = [p for p in re.split(r"\s*[-/–]\s*", code) if p]
    abbr = data("abbreviations.json")
    return any(p in abbr["document_types"] or p in abbr["issuer_codes"] or p.rstrip("0123456789") in abbr["issuer_codes"]
               for p in parts)


def read_date(text: str, pos: int) -> tuple[object, int]:
    """The document's date right after its number (", ngày 25/2/2010"), and where it ends."""
    m = _AFTER_DATE.match(text[pos:pos + 400])
    if not m:
        return None, pos
    return parse_dmy("ngày " + m.group(1)), pos + m.end()


def read_term_and_title(text: str, pos: int) -> tuple[str | None, str | None, int]:
    rest = text[pos:pos + 400]
    term = None
    m = _TERM.match(rest)
    if m:
        term = m.group(1)
        rest, pos = rest[m.end():], pos + m.end()
    m = _TITLE.match(rest) or _TITLE_PLAIN.match(rest)
    title = re.sub(r"\s+", " ", m["t"]).strip() if m else None
    return term, title, pos + (m.end() if m else 0)


def certain_issuer(code: str):
    """The body a national issuer code names for certain ('CP' → Chính phủ, 'QH15' → Quốc hội), else None."""
    from kg.model import OrgRef

    codes = data("abbreviations.json")["issuer_codes"]
    e = codes.get(code) or codes.get(code.rstrip("0123456789"))
    if e is None or not e.get("certain"):
        return None
    return OrgRef(e["name"], "", "national", kind="national")
