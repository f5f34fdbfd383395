"""Content negotiation and size-capped serialisation for ``kg serve``.

Runs inside the query worker, so a huge result costs the worker's (capped) memory, not the
server's. The cap cuts whole rows and keeps the document valid, like ``--max-rows`` does,
instead of sending hundreds of megabytes or a half document.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kg import sparql
from kg.store import Result

# media type -> serialiser, in order of preference when the client accepts anything
RESULT_TYPES: dict[str, Callable[[Result], str]] = {
    "application/sparql-results+json": sparql.to_sparql_json,
    "application/json": sparql.to_sparql_json,
    "application/sparql-results+xml": sparql.to_sparql_xml,
    "application/xml": sparql.to_sparql_xml,
    "text/csv": sparql.to_csv,
    "text/tab-separated-values": sparql.to_tsv,
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
# the ``format``/``output`` parameter some clients send instead of an Accept header
SHORT_NAMES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
    "nt": "application/n-triples", "json-ld": "application/ld+json",
}


class TooLarge(Exception):
    """Even an empty result does not fit the byte cap."""


def negotiate(accept: str, offered: list[str]) -> str | None:
    """The offered media type the Accept header rates highest; ties go to ``offered`` order."""
    if not accept.strip():
        return offered[0]
    rated: dict[str, float] = {}
    for part in accept.split(","):
        media, *fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        rated[media.lower()] = q

    def quality(media: str) -> float:
        for pattern in (media, media.split("/")[0] + "/*", "*/*"):
            if pattern in rated:
                return rated[pattern]
        return 0.0

    best = max(offered, key=quality)
    return best if quality(best) > 0 else None


def choose(result: Result, accept: str) -> str | None:
    """The media type to answer ``result`` in, or None (406)."""
    offered = GRAPH_TYPES if result.kind == "graph" else RESULT_TYPES
    return negotiate(accept, list(offered))


def _serialise(result: Result, media: str) -> bytes:
    if result.kind == "graph":
        return sparql.to_graph(result).serialize(format=GRAPH_TYPES[media]).encode("utf-8")
    return RESULT_TYPES[media](result).encode("utf-8")


def _estimate(row: tuple) -> int:
    """A cheap lower bound of a row's serialised size, to skip most re-serialising."""
    return 16 + sum(32 + len(t) for t in row if t is not None)


def render(result: Result, media: str, max_bytes: int) -> tuple[bytes, bool]:
    """``result`` in ``media`` within ``max_bytes``; True when rows were cut to fit."""
    rows, keep, total = result.rows, 0, 0
    for row in rows:
        total += _estimate(row)
        if total > max_bytes:
            break
        keep += 1
    while True:
        part = result if keep == len(rows) else replace(result, rows=rows[:keep], truncated=True)
        body = _serialise(part, media)
        if len(body) <= max_bytes:
            return body, keep < len(rows)
        if keep == 0:
            raise TooLarge(f"the answer is larger than --max-bytes ({max_bytes} bytes)")
        keep = min(keep - 1, int(keep * max_bytes / len(body) * 0.9))
