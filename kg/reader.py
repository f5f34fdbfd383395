"""Reading input files safely: every file either yields article text or a clear reason it
was skipped. Nothing here raises on bad input."""
from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_HTML_HINT = re.compile(r"<(?:!doctype|html|head|body|div|p|article|span|script)\b", re.IGNORECASE)


@dataclass
class Input:
    path: Path
    text: str | None
    warning: str | None = None  # set when skipped (text None) or read with a caveat


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
    then being known by its text."""
    path: Path
    identifier: str
    by_content: bool = False


def iter_sources(paths: list[Path | Source]) -> Iterator[Source]:
    """Files named, and the .txt/.html files under folders named, in a stable order."""
    for p in paths:
        if isinstance(p, Source):
            yield p
        elif p.is_dir():
            root = p.resolve().name or "root"
            for q in sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in (".txt", ".html", ".htm")):
                yield Source(q, f"{root}/{q.relative_to(p).as_posix()}")
        else:
            yield Source(p, os.path.normpath(p).replace(os.sep, "/"), by_content=True)


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
    if not raw.strip():
        return Input(path, None, "skipped: empty file")
    head = raw[:8192]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if b"\x00" in head or controls > len(head) * 0.05:
        return Input(path, None, "skipped: binary file, not text")
    warning = None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1258", errors="replace")
        warning = "not UTF-8: decoded as Windows-1258; check the result"
    if _HTML_HINT.search(text[:4096]) and text.count("<") > 3:
        text = html_to_text(text)
        warning = (warning + "; " if warning else "") + "HTML page: tags stripped"
    if not text.strip():
        return Input(path, None, "skipped: no text left")
    return Input(path, text, warning)
