"""SPARQL syntax errors told briefly: what is wrong, where, and a caret under the spot.

The parsers say "expected CONSTRUCT" for a misspelt SELECT and list a page of Unicode ranges
for an unknown prefix. After a parser has refused a query, two common mistakes are looked for
first (a misspelt query form, an undeclared prefix), each pointing at the exact word; any
other error keeps the parser's position with its list of expectations cut short.
"""
from __future__ import annotations

import re

FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
_OX_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_RDFLIB_TAIL = re.compile(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)\s*$")
# what a lexer must step over so that words inside strings, IRIs and comments are not read
_SKIP = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_PNAME = re.compile(r"(?<![\w.:?$-])([A-Za-z][\w.-]*)?:(?=[\w%\\:]|\s|[;,.)\]}])")
_PROLOGUE = re.compile(r"(?:\s*(?:BASE\b|PREFIX\s+[^\s:]*:))*\s*", re.IGNORECASE)  # IRIs blanked
_DECLARING = re.compile(r"PREFIX\s+\Z", re.IGNORECASE)


def _blank(text: str) -> str:
    """``text`` with strings, IRIs and comments replaced by spaces (positions kept)."""
    return _SKIP.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _misspelt_form(text: str) -> tuple[int, str] | None:
    """The first word after the prologue, when it starts no query (``text`` blanked)."""
    start = _PROLOGUE.match(text).end()
    word = _WORD.match(text, start)
    if word is None or word.group(0).upper() in FORMS:
        return None
    return start, f"expected {', '.join(FORMS[:-1])} or {FORMS[-1]}, found {word.group(0)!r}"


def _unknown_prefix(text: str, known: set[str]) -> tuple[int, str] | None:
    """The first prefixed name whose prefix the query may not use."""
    blank = _blank(text)
    for m in _PNAME.finditer(blank):
        prefix = m.group(1) or ""
        if prefix in known or _DECLARING.search(blank, 0, m.start()):
            continue
        shown = ", ".join(sorted(p for p in known if p and not p.startswith("res.")))
        return m.start(), f"unknown prefix {prefix + ':'!r} (declared: {shown})"
    return None


def _condense(reason: str) -> str:
    """The parser's expectations without the character classes and Unicode ranges."""
    reason = " ".join(reason.split())
    if not reason.startswith("expected"):
        return reason
    body = reason[len("expected"):].strip()
    body = body[len("one of"):] if body.startswith("one of") else body
    items = (i.strip() for i in re.findall(r"\[[^\]]*\]|\"(?:[^\"\\]|\\.)*\"|[^,\[\]\"]+", body))
    words = [i for i in items if i and not i.startswith("[")]
    if not words:
        return "unexpected character"
    return "expected " + (words[0] if len(words) == 1 else "one of " + ", ".join(words[:8]))


def _parser_position(text: str, exc: BaseException) -> tuple[int, int, str] | None:
    """(line, column, reason) from pyoxigraph's or pyparsing's error, 1-based."""
    message = str(exc)
    m = _OX_POSITION.match(message)
    if m:  # pyoxigraph reports the column after the one it stopped at
        return int(m[1]), max(1, int(m[2]) - 1), _condense(m[3])
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    if isinstance(line, int) and isinstance(col, int):
        return line, col, _RDFLIB_TAIL.sub("", message)
    return None


def describe(text: str, exc: BaseException, known: set[str], offset: int = 0) -> str | None:
    """A short message for a syntax error in ``text``, or None when ``exc`` is none.
    ``offset``: lines put before ``text`` when it was run (prefix declarations)."""
    is_syntax = isinstance(exc, SyntaxError) or type(exc).__name__ == "ParseException" or (
        "Unknown namespace prefix" in str(exc))
    if not is_syntax:
        return None
    found = _unknown_prefix(text, known) or _misspelt_form(_blank(text))
    if found is not None:
        (line, col), reason = _line_col(text, found[0]), found[1]
    else:
        where = _parser_position(text, exc)
        if where is None:
            return f"SPARQL syntax error: {' '.join(str(exc).split())}"
        line, col, reason = where
        line -= offset
    lines = text.splitlines() or [""]
    line = min(max(line, 1), len(lines))
    source = lines[line - 1]
    col = min(col, len(source) + 1)
    return (f"SPARQL syntax error at line {line}, column {col}: {reason}\n"
            f"  {source}\n  {' ' * (col - 1)}^")
