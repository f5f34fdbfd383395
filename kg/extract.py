"""One article's text → an ``ArticleRecord``: metadata, then the spaCy pipeline."""
from __future__ import annotations

import hashlib
from collections import Counter

from kg.metadata import extract_metadata
from kg.model import ArticleRecord, PersonRef, Span
from kg.nlp.pipeline import make_nlp
from kg.normalize import normalize_text


def extract(identifier: str, raw_text: str, by_content: bool = False) -> ArticleRecord:
    text = normalize_text(raw_text)
    meta = extract_metadata(text)
    record = ArticleRecord(identifier=identifier, text=text, by_content=by_content,
                           content_hash=content_hash(text),
                           title=meta.title, published=meta.published, url=meta.url)
    record.authors = [PersonRef(name, Span(a, b, text[a:b], text[a:b]), author=True) for name, a, b in meta.authors]
    nlp = make_nlp()
    doc = nlp.make_doc(meta.body)
    doc.user_data["vnkg_text"] = meta.body  # the doc's text, so that no component has to join its tokens
    doc._.ref_date = record.published_date
    doc = nlp(doc)
    record.orgs = doc._.orgs
    record.persons = doc._.persons
    record.posts = doc._.posts
    record.places = doc._.places
    record.decisions = doc._.decisions
    record.meetings = doc._.meetings
    record.main_province = main_province(record)
    return record


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
