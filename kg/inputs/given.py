"""Metadata values as inputs state them (a record's fields, a page's meta tags) → ``Given``.

Each value is checked on its own: a date that cannot be read or a "URL" with spaces in it is
dropped with a note, and the text's own suggestion is used instead; one bad field never loses
the article.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from kg.dates import header_datetime
from kg.metadata import Given
from kg.normalize import normalize_text

MAX_VALUE = 1000  # characters: a title or author field longer than this is not one
_URL = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;|/]|\s-\s|\s–\s|\svà\s)\s*")
_AGENCY = re.compile(r"[A-ZĐ0-9.]{2,8}")  # "TTXVN", "PV", "VNA" in "Thùy Dung/TTXVN": an agency, not a person


def given_text(value: object) -> str | None:
    """A one-line text value: normalised, spaces collapsed; None for empty or non-text values."""
    if isinstance(value, list):  # ["Thời sự", "Chính trị"]: the first is the section itself
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    text = " ".join(normalize_text(value).split())
    return text[:MAX_VALUE] or None


def given_date(value: object) -> date | datetime | None:
    """ISO 8601 ("2024-07-09T08:30:00+07:00", "2024-07-09") or a Vietnamese stamp ("09/07/2024 08:30");
    a time without a zone is Vietnam time, as elsewhere in the builder."""
    text = given_text(value)
    return header_datetime(text) if text else None


def given_url(value: object) -> str | None:
    text = given_text(value)
    if not text:
        return None
    m = _URL.fullmatch(text)
    return m.group(0) if m else None


def given_authors(value: object) -> tuple[str, ...]:
    """"Thu Trang - Đức Minh", "A, B", ["A", "B"], [{"name": "A"}] (JSON-LD) → ("Thu Trang", "Đức Minh")."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):  # JSON-LD: a Person, or the publisher as an Organization (not a person)
            item = None if "Organization" in str(item.get("@type", "")) else item.get("name")
        text = given_text(item)
        if not text:
            continue
        for name in _AUTHOR_SPLIT.split(text):
            name = name.strip(" .-–")
            if name and len(name) <= 80 and not _AGENCY.fullmatch(name) and name not in names:
                names.append(name)
    return tuple(names)


def make_given(title: object = None, published: object = None, url: object = None, author: object = None,
               section: object = None) -> tuple[Given, list[str]]:
    """``Given`` from raw values, and a note for each value that was there but could not be used."""
    notes: list[str] = []
    when = given_date(published)
    if published not in (None, "") and when is None:
        notes.append(f"date {str(published)[:40]!r} not understood, ignored")
    link = given_url(url)
    if url not in (None, "") and link is None:
        notes.append(f"URL {str(url)[:60]!r} is not an http(s) URL, ignored")
    return Given(given_text(title), when, link, given_authors(author), given_text(section)), notes
