"""The year of an event in an article with no date of its own: from the event's name ('Hội nghị tổng
kết công tác năm 2020' on 14/1), or from another event the text dates with its year. Never guessed."""
from __future__ import annotations

import re
from datetime import timedelta

from kg.dates import resolve_day_month, safe_date

# a year an event's name says it is of: "năm 2020", "tháng 5-2016", "quý II/2016" (not a range's end)
_YEAR_IN_NAME = re.compile(r"(?:năm|tháng\s+\d{1,2}\s*[-/.]|quý\s+[IV\d]+\s*/)\s*((?:19|20)\d\d)(?![\d/]|\s*[-–]\s*\d)",
                           re.IGNORECASE)
_MONTH_OF_YEAR = re.compile(r"tháng\s+(\d{1,2})\s*[-/.]\s*((?:19|20)\d\d)")
_REVIEW = re.compile(r"(?<![\w])(?:tổng kết|sơ kết|đánh giá|kiểm điểm)(?![\w])", re.IGNORECASE)
# what makes a year in a name another thing's: a plan's horizon, a period's start, a document's year,
# an anniversary
_NOT_ITS_YEAR = re.compile(r"(?<![\w])(?:đến|tầm nhìn|giai đoạn|từ|luật|nghị quyết|nghị định|chỉ thị|thông tư)(?![\w])",
                           re.IGNORECASE)
_ANNIVERSARY = re.compile(r"(?<![\w])(?:kỷ niệm|năm thành lập|năm ngày)(?![\w])", re.IGNORECASE)
_NAME_TAIL = 30  # how far past its mention an event's name may go on ("... thường kỳ tháng 5-2016 của Chính phủ")
_FOUR_MONTHS = timedelta(days=122)


def years_from_the_names(events: list) -> None:
    """In an article with no date of its own, an event given a day and month whose name holds the
    year it is of ('Hội nghị triển khai nhiệm vụ năm 2021' on 14/1, 'họp báo thường kỳ tháng 5-2016'
    on 2/6) is of that year; a review of one year only, held in its first quarter, is early in the
    next ('Hội nghị tổng kết công tác năm 2020' on 14/1 is of 2021)."""
    for e in events:
        if e.date is not None or e.day_month is None:
            continue
        name = _named(e)
        if _ANNIVERSARY.search(name):
            continue
        years = sorted({int(m[1]) for m in _YEAR_IN_NAME.finditer(name) if not _NOT_ITS_YEAR.search(name[:m.start()])})
        if not years or years[-1] - years[0] > 1:
            continue
        day, month = e.day_month
        year = years[-1]
        period = _MONTH_OF_YEAR.search(name)
        if period is not None and int(period[2]) == year and month < int(period[1]):
            year += 1  # (a month's briefing held in the next month, across a new year)
        elif len(years) == 1 and month <= 3 and _REVIEW.search(name):
            year += 1  # the review of a year, early in the next
        elif len(years) == 2 and month >= 10:
            year -= 1  # "tổng kết năm 2020, triển khai nhiệm vụ năm 2021" at the end of 2020
        e.date = safe_date(year, month, day)

def years_from_the_text(events: list) -> None:
    """In an article with no date of its own, an event dated with its year ("ngày 15.5.2017")
    dates the others the text gives a day and month for ("Trước đó, chiều 14.5"), when that
    puts them within four months of it; the year is read from the text, never guessed."""
    anchors = [(e.lead, e.date) for e in events if e.year_given and e.date]
    if not anchors:
        return
    for e in events:
        if e.date is None and e.day_month:
            anchor = min(anchors, key=lambda a: abs(a[0] - e.lead))[1]
            day = resolve_day_month(e.day_month[0], e.day_month[1], None, anchor + _FOUR_MONTHS // 2)
            if day and abs(day - anchor) <= _FOUR_MONTHS:
                e.date = day


def _named(e) -> str:
    """An event's name and what its first mention's clause goes on to say of it up to the next comma
    ('cuộc họp báo thường kỳ tháng 5-2016 của Chính phủ')."""
    span = e.spans[0]
    at = span.sentence.find(span.text)
    if at < 0:
        return e.label
    rest = re.match(r"[^,;.]{0,%d}" % _NAME_TAIL, span.sentence[at + len(span.text):])
    return f"{e.label} {span.text}{rest[0] if rest else ''}"
