"""Numbered documents: "Quyết định số 290-QĐ/TW, ngày 25/2/2010 của Bộ Chính trị (khóa X) về ...".

The number is normalised ("290- QĐ/TW" → "290-QĐ/TW"); the type comes from the word before
it or from the number's own code ("NQ" → Nghị quyết); date, issuer, term and title are read
from what immediately follows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.dates import parse_dmy
from kg.lexicon import data

_TYPES = ["Quyết định", "Nghị quyết", "Chỉ thị", "Kết luận", "Quy định", "Nghị định", "Thông tư", "Kế hoạch",
          "Hướng dẫn", "Thông báo", "Công văn", "Quy chế", "Chương trình", "Đề án", "Luật", "Pháp lệnh",
          "Thông tri", "Báo cáo"]
_CODE = r"[A-ZĐ][A-ZĐa-z&0-9]*"
_NUMBER = (r"(?P<num>\d{1,5}[a-z]?(?:\s*/\s*\d{4})?)\s*(?P<sep>[-–/])\s*(?P<code>" + _CODE +
           r"(?:\s*[-/–]\s*" + r"[A-ZĐ0-9][A-ZĐa-z0-9&]*" + r")*)")
_TYPE_CODES = {"NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "KL": "Kết luận", "NĐ": "Nghị định", "TT": "Thông tư",
               "KH": "Kế hoạch"}
TYPED = re.compile(r"(?P<type>" + "|".join(_TYPES) + r"|(?-i:NQ|QĐ|CT|KL|NĐ|KH)(?=\s+số))\s+(?:số\s*)?" + _NUMBER, re.IGNORECASE)
LAW = re.compile(r"(?P<type>Luật|Pháp lệnh)\s+(?P<name>[A-ZĐ][^\d.;:,()“”\"]{2,80}?)\s+số\s+" + _NUMBER)
BARE = re.compile(r"(?<![\w/-])(?P<num>\d{1,5}[a-z]?)\s*-\s*(?P<code>(?:QĐ|NQ|CT|KL|QĐi|HD|KH|TB|CTr|ĐA|BC)\s*/\s*[A-ZĐ][A-ZĐa-z]*)(?![\w])")
_AFTER_DATE = re.compile(r"^\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})")
_TERM = re.compile(r"^\s*\(\s*(khóa\s+[IVXLC\d]+)\s*\)", re.IGNORECASE)
_TITLE = re.compile(r"^\s*,?\s*(?:về\s+)?(?:việc\s+)?[“\"'‘«](?P<t>[^”\"'’»]{3,300})[”\"'’»]", re.IGNORECASE)
_TITLE_PLAIN = re.compile(r"^\s*,?\s*(?P<t>(?:về|Về)\s+(?:việc\s+)?[^.;:,“\"()]{5,160}?)(?=[.;,:(]|$|\s(?:của|được|đã|đang|sẽ|là|nhằm|và các|cho|tại|trong)\s)")


@dataclass
class NumberMatch:
    start: int
    end: int
    number: str
    doc_type: str
    issuer_code: str
    title: str | None = None


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
    """The issuing body's code: 'QĐ/TW' → 'TW', 'QĐ-UBND' → 'UBND', '2019/NĐ-CP' → 'CP'."""
    parts = [p for p in re.split(r"[-/]", code) if p and not p.isdigit()]
    types = data("abbreviations.json")["document_types"]
    rest = [p for p in parts if p not in types]
    return rest[-1] if rest else ""


def number_scope(code: str) -> str:
    """'national' or 'province' from the issuer's code: 'TW', 'CP', 'QH15' national, 'TU', 'UBND'
    local; unknown codes are national for ministries ('BYT', 'BNV') and local otherwise."""
    codes = data("abbreviations.json")["issuer_codes"]
    default = "national" if re.fullmatch(r"B[A-ZĐ]{1,5}", code) else "province"
    return codes.get(code, codes.get(code.rstrip("0123456789"), {})).get("scope", default)


def find_numbers(text: str) -> list[NumberMatch]:
    out: list[NumberMatch] = []
    taken: list[tuple[int, int]] = []
    for m in TYPED.finditer(text):
        dtype = _TYPE_CODES.get(m["type"]) or next(t for t in _TYPES if t.lower() == m["type"].lower())
        number = normalise_number(m["num"], m["sep"], m["code"])
        out.append(NumberMatch(m.start(), m.end(), number, dtype, issuer_code(m["code"])))
        taken.append((m.start(), m.end()))
    for m in LAW.finditer(text):  # "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"
        number = normalise_number(m["num"], m["sep"], m["code"])
        out.append(NumberMatch(m.start(), m.end(), number, m["type"], issuer_code(m["code"]), f"{m['type']} {m['name']}"))
        taken.append((m.start(), m.end()))
    for m in BARE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        number = normalise_number(m["num"], "-", m["code"])
        out.append(NumberMatch(m.start(), m.end(), number, type_from_code(m["code"]) or "Văn bản", issuer_code(m["code"])))
    return sorted(out, key=lambda n: n.start)


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
