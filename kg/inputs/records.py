"""Article records: JSON Lines (``.jsonl``, ``.ndjson``, gzipped or not) and CSV, one article per record.

Read as a stream, one line (CSV: one record) at a time and never more than the record limit of
it, so a file of any size is read in constant memory. A record that cannot be used (not JSON,
not UTF-8, no body, over the limit) is reported with its line number and skipped; the rest of
the file is read on. A record is known by its id field ("corpus.jsonl#a-123") or, without one,
by the line it starts on ("corpus.jsonl#L12"): appending records to a file keeps the earlier
ones' identities, so an incremental build extracts only the new ones.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from kg.inputs.given import make_given
from kg.metadata import Given

RECORD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".csv", ".csv.gz")
RECORD_MAX_BYTES = 5 * 1024 * 1024
ROLES = ("body", "title", "url", "published", "author", "section", "id")
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "body": ("body", "content", "text"),
    "title": ("title",),
    "url": ("url", "link"),
    "published": ("published", "date", "publish_date"),
    "author": ("author", "authors"),
    "section": ("category", "section"),
    "id": ("id",),
}
MAX_ID = 200
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")
Fields = dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Record:
    """One record of a file: its text and given metadata, or (``text`` None) why it was skipped."""
    line: int
    identifier: str
    text: str | None
    given: Given = field(default_factory=Given)
    note: str | None = None  # the reason it was skipped, or what in it was ignored


def is_records(path: Path) -> bool:
    return path.name.lower().endswith(RECORD_SUFFIXES)


def field_map(options: Iterable[str] = ()) -> Fields:
    """``["body=content", "published=date_pub", "id="]`` over the defaults; an empty name turns a
    role off (``id=``: identify records by line). Raises ValueError on an unknown role."""
    fields = dict(DEFAULT_FIELDS)
    for option in options:
        role, sep, name = option.partition("=")
        role = role.strip().lower()
        if not sep or role not in ROLES:
            raise ValueError(f"--field {option!r}: expected ROLE=NAME with ROLE one of {', '.join(ROLES)}")
        fields[role] = (name.strip(),) if name.strip() else ()
    return fields


def iter_records(path: Path, prefix: str, fields: Fields | None = None,
                 limit: int = RECORD_MAX_BYTES) -> Iterator[Record]:
    """Every record of ``path`` in file order; ``prefix`` starts each identifier."""
    fields = fields or DEFAULT_FIELDS
    count = 0
    line = 0
    try:
        with _open(path) as fh:
            parse = _csv_records if ".csv" in path.name.lower() else _json_records
            for record in parse(fh, prefix, fields, limit):
                count += 1
                line = record.line
                yield record
    except (OSError, EOFError, zlib.error) as e:  # unreadable, or a gzip stream cut short
        yield Record(line + 1, f"{prefix}#L{line + 1}", None, note=f"skipped: cannot read on from line {line + 1} ({e})")
        return
    if not count:
        yield Record(0, prefix, None, note="skipped: no records in the file")


def _open(path: Path) -> BinaryIO:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")  # type: ignore[return-value]


def _lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line or None when over ``limit``, number of '"' in it), reading at most
    ``limit`` bytes of any line: the rest of an overlong line is skipped, not held."""
    n = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield n, line, line.count(b'"')
            continue
        quotes = line.count(b'"')
        while line and not line.endswith(b"\n"):
            line = fh.readline(1 << 20)
            quotes += line.count(b'"')
        yield n, None, quotes


def _skip(line: int, prefix: str, why: str) -> Record:
    return Record(line, f"{prefix}#L{line}", None, note=f"skipped: bad record at line {line}: {why}")


def _too_big(limit: int) -> str:
    return f"over the {limit / 1e6:.0f} MB record limit"


def _json_records(fh: BinaryIO, prefix: str, fields: Fields, limit: int) -> Iterator[Record]:
    for n, raw, _ in _lines(fh, limit):
        if raw is None:
            yield _skip(n, prefix, _too_big(limit))
            continue
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as e:
            yield _skip(n, prefix, f"not UTF-8 (byte {e.start + 1})")
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            yield _skip(n, prefix, f"not JSON ({e.msg}, column {e.colno})")
            continue
        except RecursionError:
            yield _skip(n, prefix, "not JSON (nested too deeply)")
            continue
        if not isinstance(obj, dict):
            yield _skip(n, prefix, f"a JSON {type(obj).__name__}, not an object")
            continue
        yield make_record(obj, n, prefix, fields)


def _csv_records(fh: BinaryIO, prefix: str, fields: Fields, limit: int) -> Iterator[Record]:
    """Records of a CSV file with a header line. A record ends at the first line break outside
    quotes (an even count of '"' so far), so quoted fields may hold line breaks."""
    header: list[str] | None = None
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    parts: list[bytes] = []
    size = quotes = start = 0
    over = False
    for n, raw, q in _lines(fh, limit):
        if not parts and not over:
            start = n
        quotes += q
        if raw is None or size + len(raw) > limit:
            over, parts, size = True, [], 0
        elif not over:
            parts.append(raw)
            size += len(raw)
        if quotes % 2:
            continue  # inside a quoted field: the record goes on
        chunk, parts, size, quotes = b"".join(parts), [], 0, 0
        if over:
            over = False
            yield _skip(start, prefix, _too_big(limit))
            continue
        if not chunk.strip():
            continue
        try:
            text = chunk.decode("utf-8-sig" if start == 1 else "utf-8")
        except UnicodeDecodeError as e:
            yield _skip(start, prefix, f"not UTF-8 (byte {e.start + 1})")
            continue
        if header is None:
            dialect = _dialect(text)
            header = [h.strip().lower() for h in next(csv.reader(io.StringIO(text, newline=""), dialect), [])]
            missing = _missing_body(header, fields)
            if missing:
                yield Record(start, prefix, None, note=f"skipped: no body column (looked for {missing}; "
                                                        f"the header has {', '.join(header)[:200]})")
                return
            continue
        try:
            row = next(csv.reader(io.StringIO(text, newline=""), dialect), [])
        except csv.Error as e:
            yield _skip(start, prefix, f"not CSV ({e})")
            continue
        if len(row) != len(header):
            yield _skip(start, prefix, f"{len(row)} fields, the header has {len(header)}")
            continue
        yield make_record({k: v for k, v in zip(header, row) if v != ""}, start, prefix, fields)
    if over or parts:
        yield _skip(start, prefix, _too_big(limit) if over else "a quoted field is never closed")


def _dialect(header_line: str) -> type[csv.Dialect]:
    """Comma, semicolon or tab: whichever the header line uses most."""
    delimiter = max(",;\t", key=header_line.count)
    return type("Dialect", (csv.excel,), {"delimiter": delimiter})


def _missing_body(header: list[str], fields: Fields) -> str | None:
    names = fields.get("body", ())
    if any(n.lower() in header for n in names):
        return None
    return ", ".join(names) or "no name (--field body=)"


def _lookup(obj: dict, names: tuple[str, ...], lowered: dict[str, str]) -> tuple[str | None, object]:
    """(field name, value) of the first name present: exact, then any case (``lowered``: lower-case
    key → key), then a dotted path into nested objects ("meta.author")."""
    for name in names:
        key = name if name in obj else lowered.get(name.lower())
        if key is not None and obj[key] not in (None, ""):
            return key, obj[key]
        value: object = obj
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if "." in name and value not in (None, ""):
            return name, value
    return None, None


def make_record(obj: dict, line: int, prefix: str, fields: Fields) -> Record:
    """A record from one parsed JSON object or CSV row."""
    lowered = {k.lower(): k for k in obj if isinstance(k, str)}
    name, body = _lookup(obj, fields.get("body", ()), lowered)
    _, raw_id = _lookup(obj, fields.get("id", ()), lowered)
    notes: list[str] = []
    ident = _identity(raw_id)
    if raw_id is not None and ident is None:
        notes.append(f"id {str(raw_id)[:40]!r} cannot name an article, identified by line")
    identifier = f"{prefix}#{ident}" if ident else f"{prefix}#L{line}"
    if name is None:
        return Record(line, identifier, None, note=f"skipped: bad record at line {line}: no body "
                                                  f"(looked for {', '.join(fields.get('body', ())) or 'nothing'})")
    if not isinstance(body, str) or not body.strip():
        return Record(line, identifier, None, note=f"skipped: bad record at line {line}: field {name!r} is not text")
    head = body[:8192]
    if "\x00" in head or _CONTROLS.search(head) and len(_CONTROLS.findall(head)) > len(head) * 0.05:
        return Record(line, identifier, None, note=f"skipped: bad record at line {line}: field {name!r} is binary, not text")
    values = {role: _lookup(obj, fields.get(role, ()), lowered)[1] for role in ("title", "published", "url", "author", "section")}
    given, ignored = make_given(**values)
    notes += ignored
    return Record(line, identifier, body, given, f"record at line {line}: " + "; ".join(notes) if notes else None)


def _identity(value: object) -> str | None:
    """An id field as the end of an identifier: text or a whole number, one line, not too long."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value).strip()
    if not text or len(text) > MAX_ID or _CONTROLS.search(text) or "\n" in text or "\r" in text:
        return None
    return text
