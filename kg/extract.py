"""One article's text → an ``ArticleRecord``: metadata, then the spaCy pipeline."""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import fields, is_dataclass, replace

from kg.metadata import Given, extract_metadata
from kg.model import ArticleRecord, PersonRef, Span
from kg.nlp.pipeline import make_nlp
from kg.normalize import normalize_text


def extract(identifier: str, raw_text: str, by_content: bool = False, given: Given | None = None) -> ArticleRecord:
    text = normalize_text(raw_text)
    meta = extract_metadata(text, given)
    record = ArticleRecord(identifier=identifier, text=text, by_content=by_content,
                           content_hash=content_hash(text),
                           title=meta.title, published=meta.published, url=meta.url, section=meta.section)
    record.authors = [PersonRef(name, Span(a, b, text[a:b], text[a:b]) if a >= 0 else None, author=True)
                      for name, a, b in meta.authors]
    for start, piece in pieces(meta.body, PIECE_CHARS):
        doc = _annotate(piece, record.published_date)
        seen: set[int] = set()  # objects shared between lists (a post's body is one of the orgs) move once
        for name in ("orgs", "persons", "posts", "places", "decisions", "meetings"):
            found = getattr(doc._, name)
            if start:
                found = [_shifted(x, start, seen) for x in found]
            getattr(record, name).extend(found)
    record.main_province = main_province(record)
    return record


# spaCy's own limit is 1,000,000 characters; a page far longer than any article (a dump, a
# gazette) is read in pieces that end at a line break, so that memory stays bounded
PIECE_CHARS = 250_000


def pieces(body: str, size: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of at most ``size`` characters, cut after a line break or a full stop
    when one lies in the piece's second half. The pieces keep the body's length: offsets add up."""
    start = 0
    while len(body) - start > size:
        end = start + size
        cut = max(body.rfind("\n", start + size // 2, end), body.rfind(". ", start + size // 2, end) + 1)
        if cut > start:
            end = cut + 1
        yield start, body[start:end]
        start = end
    yield start, body[start:]


def _annotate(text: str, ref_date):
    nlp = make_nlp()
    doc = nlp.make_doc(text)
    doc.user_data["vnkg_text"] = text  # the doc's text, so that no component has to join its tokens
    doc._.ref_date = ref_date
    return nlp(doc)


def _shifted(obj, delta: int, seen: set[int]):
    """``obj`` with every ``Span`` inside it moved by ``delta`` characters (a piece's offset)."""
    if isinstance(obj, Span):
        return replace(obj, start=obj.start + delta, end=obj.end + delta)
    if isinstance(obj, list):
        return [_shifted(x, delta, seen) for x in obj]
    if is_dataclass(obj) and not isinstance(obj, type) and id(obj) not in seen:
        seen.add(id(obj))
        for f in fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, (Span, list)) or is_dataclass(value):
                setattr(obj, f.name, _shifted(value, delta, seen))
    return obj


def content_hash(normalised_text: str) -> str:
    """The article's fingerprint (sha256 of its normalised text): what a file named on its own is known by."""
    return hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()


def main_province(record: ArticleRecord) -> str | None:
    """The province the article is about: the one named most often (first named on a tie)."""
    names = [p.name if p.kind == "province" else p.province for p in record.places]
    names = [n for n in names if n]
    if not names:
        return None
    counts = Counter(names)
    best = max(counts.values())
    return next(n for n in names if counts[n] == best)
