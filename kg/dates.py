"""Dates as Vietnamese news writes them, resolved against the article's own date."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7))

_DMY = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
_TIME = r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
_HEADER_DATE = re.compile(_DMY)
# crawler stamps: "2024-05-17 09:30", "2026-01-12 08:05 (UTC)", "2019-11-02", "2021-06-30T14:00:00+07:00"
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
                  r"(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|\(UTC\)|UTC)?)?(?!\d)")
_HEADER_TIME = re.compile(_TIME)
_URL_STAMP = re.compile(r"(?<!\d)(?P<y>20\d{2}|19\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:\d{2,9})?(?!\d)")
_URL_PATH = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?:/|\b)")
_LONG = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.IGNORECASE)

# "Ngày 29/7", "Chiều 30-6", "Sáng 12/5/2021", "Chiều 5.6", "Ngày 3 tháng 9 năm 2024", "Sáng nay (12/3)",
# "Trong hai ngày 14 và 15/4", after an optional dateline ("(ĐCSVN) - ") and connective ("Trước đó, ").
_DATELINE = r"(?:\([^()\n]{1,30}\)\s*[-–—]?\s*|[A-ZĐ][\w.]{1,24}(?:\s[A-ZĐ][\w.]{1,12}){0,2}\s*[-–—]\s*)?"
_CONNECTIVE = r"(?:(?:Trước đó|Sau đó|Tiếp đó|Trước đây|Cũng trong ngày|Tiếp theo)\s*,\s*)?"
_PART = r"(?:Vào\s+|Trong\s+(?:hai|ba|2|3)\s+)?(?:Sáng|Chiều|Trưa|Tối|Đêm|Ngày|ngày|sáng|chiều|trưa|tối)"
_WEEKDAY = r"(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*(?:ngày\s+)?)?"
_NUMERIC = (r"(?P<d>\d{1,2})(?:\s*(?:-|–|và)\s*\d{1,2}(?=\s*[/.]))?\s*[/.-]\s*(?P<m>\d{1,2})"
            r"(?:\s*[/.-]\s*(?P<y>\d{4}))?")
_WORDS = r"(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?:\s+năm\s+(?P<wy>\d{4}))?"
_RELATIVE = (r"(?P<rel>(?:Sáng|Chiều|Trưa|Tối|Đêm)\s+(?:nay|qua)|Hôm\s+nay|Hôm\s+qua)"
             r"(?:\s*\(\s*(?P<pd>\d{1,2})\s*[/.-]\s*(?P<pm>\d{1,2})(?:\s*[/.-]\s*(?P<py>\d{4}))?\s*\))?")
EVENT_ANCHOR = re.compile(
    r"^\s*" + _DATELINE + _CONNECTIVE +
    r"(?:" + _PART + r"\s+(?:nay\s+|qua\s+|hôm\s+nay\s+)?" + _WEEKDAY + r"(?:" + _NUMERIC + r"|" + _WORDS + r")"
    r"|" + _RELATIVE + r")\s*[,:]?")


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_dmy(text: str) -> date | None:
    m = _HEADER_DATE.search(text) or _LONG.search(text)
    return safe_date(int(m["y"]), int(m["m"]), int(m["d"])) if m else None


def iso_stamp(line: str) -> date | datetime | None:
    """An ISO stamp as crawlers write it: the date as written, the time with its zone (Vietnam time
    when none is given)."""
    m = _ISO.search(line)
    if not m:
        return None
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None or m["H"] is None:
        return d
    tz = m["tz"]
    if tz is None:
        zone = VN_TZ
    elif tz in ("Z", "UTC", "(UTC)"):
        zone = timezone.utc
    else:
        sign = -1 if tz[0] == "-" else 1
        hours, minutes = int(tz[1:3]), int(tz[-2:])
        zone = timezone(sign * timedelta(hours=hours, minutes=minutes))
    if int(m["H"]) > 23:
        return d
    return datetime(d.year, d.month, d.day, int(m["H"]), int(m["M"]), int(m["S"] or 0), tzinfo=zone)


def header_datetime(line: str) -> date | datetime | None:
    """The publication stamp of a header line ("Cập nhật, 19:17, Thứ Năm, 25/06/2020", "2024-05-17 09:30")."""
    iso = iso_stamp(line)
    if iso is not None:
        return iso if 1945 <= iso.year <= 2100 else None
    m = _HEADER_DATE.search(line)
    if not m:
        return None
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None or not 1945 <= d.year <= 2100:
        return None
    t = _HEADER_TIME.search(line)
    if t and int(t["H"]) < 24 and int(t["M"]) < 60:
        return datetime(d.year, d.month, d.day, int(t["H"]), int(t["M"]), int(t["S"] or 0), tzinfo=VN_TZ)
    return d


def url_date(url: str) -> date | None:
    """A date embedded in a source URL ("...-20200729141113660.htm", "/2020/07/29/")."""
    for rx in (_URL_PATH, _URL_STAMP):
        for m in rx.finditer(url):
            d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
            if d and 1990 <= d.year <= 2100:
                return d
    return None


def resolve_day_month(day: int, month: int, year: int | None, ref: date | None) -> date | None:
    """A "30/3" resolved against the article date: same year, or the year before when that
    would put the event more than a week after publication."""
    if year:
        return safe_date(year, month, day)
    if ref is None:
        return None
    d = safe_date(ref.year, month, day)
    if d and d > ref + timedelta(days=7):
        d = safe_date(ref.year - 1, month, day)
    return d


def event_date(sentence: str, ref: date | None) -> tuple[date | None, int] | None:
    """The date a sentence opens with, and where the rest of the sentence starts."""
    m = EVENT_ANCHOR.match(sentence)
    if not m:
        return None
    for d, mo, y in (("d", "m", "y"), ("wd", "wm", "wy"), ("pd", "pm", "py")):
        if m[d]:
            return resolve_day_month(int(m[d]), int(m[mo]), int(m[y]) if m[y] else None, ref), m.end()
    word = m["rel"].lower()
    return ((ref - timedelta(days=1)) if ref and "qua" in word else ref), m.end()


# a date anywhere in a sentence, as an event's: "sáng 2/2", "ngày 6/4/2016", "hôm 11/11", "chiều nay", "ngày 3 tháng 9"
_ANY_DAY = re.compile(
    r"(?<![\w/])(?:(?P<part>[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Nn]gày|[Hh]ôm)\s+(?:nay\s+|qua\s+)?\(?\s*)"
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?![\d/])"
    r"|(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?:\s+năm\s+(?P<wy>\d{4}))?)"
    r"|(?P<rel>(?<![\w])(?:[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Đđ]êm|[Hh]ôm)\s+(?:nay|qua)(?![\w]))")
_NOT_EVENT_DAY = re.compile(r"(?:sinh|ban hành|ký|có hiệu lực|hiệu lực từ|từ|đến|trước|sau|kể từ|hạn|đến hết)\s*$"
                            r"|[-/]\s*[A-ZĐ][\w&-]*\s*,?\s*$|(?<![\w])số\s+\d[\w/.-]*\s*,?\s*$")  # "Thông báo số 19, ngày 19-1"


def day_months_in(sentence: str) -> list[tuple[int, int]]:
    """The (day, month) of the event dates a sentence gives, known even when the year is not."""
    out = []
    for m in _ANY_DAY.finditer(sentence):
        if m["rel"] or _NOT_EVENT_DAY.search(sentence[max(0, m.start() - 20):m.start()]):
            continue
        out.append((int(m["d"] or m["wd"]), int(m["m"] or m["wm"])))
    return out


def dates_in(sentence: str, ref: date | None) -> list[tuple[date | None, int]]:
    """The event dates a sentence gives, with where each starts: explicit day/month (resolved
    against the article date), or "sáng nay" / "hôm qua". Birth dates, a document's own date
    ("Quyết định 12/QĐ-UBND ngày 3/4") and deadlines ("từ ngày ...") are not events' dates."""
    out = []
    for m in _ANY_DAY.finditer(sentence):
        if _NOT_EVENT_DAY.search(sentence[max(0, m.start() - 20):m.start()]):
            continue
        if m["rel"]:
            word = m["rel"].lower()
            out.append(((ref - timedelta(days=1)) if ref and "qua" in word else ref, m.start()))
            continue
        d, mo, y = (m["d"], m["m"], m["y"]) if m["d"] else (m["wd"], m["wm"], m["wy"])
        out.append((resolve_day_month(int(d), int(mo), int(y) if y else None, ref), m.start()))
    return out
