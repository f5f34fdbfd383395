"""Reading input files safely: every file either yields article text or a clear reason it
was skipped. Nothing here raises on bad input.

A text file is one article; a saved page is one article whose text and metadata come from
``kg.inputs.html``; a JSON Lines or CSV file holds one article per record (``kg.inputs.records``),
each with its own identity ("corpus.jsonl#L12"), read as a stream when the build reaches it.
"""
from __future__ import annotations

import codecs

import html
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from kg.inputs.records import RECORD_MAX_BYTES, Fields, is_records, iter_records
from kg.metadata import Given
from kg.normalize import normalize_text

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
_HTML_HINT = re.compile(r"<(?:!doctype|html|head|body|div|p|article|span|script)\b", re.IGNORECASE)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)


@dataclass
class Input:
    path: Path
    text: str | None
    warning: str | None = None  # set when skipped (text None) or read with a caveat
    given: Given | None = None  # metadata the input states (a record's fields, a page's meta tags)


def fingerprint(item: Input, text_hash: str | None = None) -> str:
    """What an article is built from, for telling a changed one. A plain text: the hash of its
    normalised text (``text_hash``, when known), as ever. An input that states metadata (every
    record, a page with meta tags): the hash of its text as given and of that metadata, so that
    a record whose date is corrected is rebuilt, and an unchanged record of a long file is
    recognised without normalising its text (a fiftieth of the time)."""
    # here, not above: kg.extract loads the NLP pipeline, which listing files does not need
    from kg.extract import content_hash

    assert item.text is not None
    if item.given is not None:
        return content_hash(item.text + "\x00" + item.given.key())
    return text_hash or content_hash(normalize_text(item.text))


class _TextOfHTML(HTMLParser):
    """Visible text of an HTML page: block elements become line breaks, scripts vanish."""

    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section", "header", "footer", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template", "title", "head"):
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template", "title", "head") and self._skip:
            self._skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextOfHTML()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # malformed beyond what HTMLParser tolerates: fall back to stripping tags
        return html.unescape(re.sub(r"<[^>]*>", " ", markup))
    text = "".join(parser.parts)
    return re.sub(r"\n\s*\n+", "\n\n", text)


@dataclass(frozen=True)
class Source:
    """One input file and the identity of its article: its path under the folder it was found in,
    starting with that folder's name ("dev/vietnews/00010.txt"), so that two files of one name in
    two folders stay two articles; or, for a file named on its own, the path as given, the article
    then being known by its text. A records file named on its own is known by its name, each
    record by its id or line after it ("corpus.jsonl#L12"); a record's ``item`` is already read."""
    path: Path
    identifier: str
    by_content: bool = False
    item: Input | None = field(default=None, compare=False, repr=False)


def _wanted(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES or is_records(path)


def iter_sources(paths: list[Path | Source]) -> Iterator[Source]:
    """Files named, and the article and records files under folders named, in a stable order."""
    for p in paths:
        if isinstance(p, Source):
            yield p
        elif p.is_dir():
            root = p.resolve().name or "root"
            for q in sorted(q for q in p.rglob("*") if q.is_file() and _wanted(q)):
                yield Source(q, f"{root}/{q.relative_to(p).as_posix()}")
        elif is_records(p):
            yield Source(p, p.name)
        else:
            yield Source(p, os.path.normpath(p).replace(os.sep, "/"), by_content=True)


def iter_articles(sources: Iterable[Path | Source], fields: Fields | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source]:
    """``iter_sources``, with each records file opened into its records, lazily: a record is read
    when the build asks for it, so a file of any size streams through."""
    limit = min(max_bytes, RECORD_MAX_BYTES)
    for src in iter_sources(list(sources)):
        if src.item is not None or not is_records(src.path):
            yield src
            continue
        for r in iter_records(src.path, src.identifier, fields, limit):
            item = Input(src.path, r.text, r.note, r.given if r.text is not None else None)
            yield Source(src.path, r.identifier, False, item)


def iter_paths(paths: list[Path | Source]) -> Iterator[Path]:
    """The files of ``iter_sources``."""
    return (s.path for s in iter_sources(paths))


def read_input(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Input:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Input(path, None, f"skipped: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit (--max-bytes)")
        raw = path.read_bytes()
    except OSError as e:
        return Input(path, None, f"skipped: cannot read ({e.strerror or e})")
    raw, bom_note = _from_bom(raw)
    if bom_note and bom_note.startswith("skipped"):
        return Input(path, None, bom_note)
    if not raw.strip():
        return Input(path, None, "skipped: empty file")
    head = raw[:8192]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if b"\x00" in head or controls > len(head) * 0.05:
        return Input(path, None, "skipped: binary file, not text")
    is_page = path.suffix.lower() in (".html", ".htm")
    text, warning = _decode(raw, is_page)
    given = None
    if is_page or _HTML_HINT.search(text[:4096]) and text.count("<") > 3:
        text, given, note = read_html(text)
        warning = (warning + "; " if warning else "") + note if note else warning
    if not text.strip():
        return Input(path, None, "skipped: no text left")
    return Input(path, text, warning, given)


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _from_bom(raw: bytes) -> tuple[bytes, str | None]:
    """A UTF-16 or UTF-32 file (Windows tools write them with a byte-order mark) as UTF-8 bytes:
    its NULs would otherwise make it look binary."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec).encode("utf-8"), codec
            except UnicodeDecodeError:
                return raw, f"skipped: starts with a {codec.upper()} byte-order mark but is not {codec.upper()}"
    return raw, None


def _decode(raw: bytes, is_page: bool) -> tuple[str, str | None]:
    """UTF-8; else the charset a page declares; else Windows-1258, with a warning."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(raw[:4096]) if is_page or b"<" in raw[:4096] else None
    if declared:
        charset = declared.group(1).decode("ascii")
        try:
            return raw.decode(charset), f"not UTF-8: decoded as {charset}, as the page declares"
        except (LookupError, UnicodeDecodeError):
            pass
    return raw.decode("cp1258", errors="replace"), "not UTF-8: decoded as Windows-1258; check the result"


def read_html(markup: str) -> tuple[str, Given | None, str | None]:
    """(text, the page's metadata, a caveat) of a saved page: the article as the extractor finds
    it; a page it finds none in is read whole, a page lxml cannot read has its tags stripped."""
    from kg.inputs.html import read_page

    page = read_page(markup)
    if page is None or not page.text:
        text = html_to_text(markup)
        return text, None, "HTML page: no article found, tags stripped" if text.strip() else None
    notes = [*page.notes, *([] if page.found else ["no article found, the whole page's text is used"])]
    return page.text, page.given or None, "HTML page: " + "; ".join(notes) if notes else None
