"""An ``ArticleRecord`` → N-Triples text of its named graph, without an rdflib ``Graph``.

The store path does not need rdflib's in-memory store: ``ArticleGraphBuilder`` only calls
``add`` and ``in`` on its graph, so a plain ordered dict collects the triples, and pyoxigraph
writes each term in canonical N-Triples (text pickles cheaply between processes and drops
straight into a SPARQL ``INSERT DATA``). The triples are exactly those of ``rdf.article_graph``.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib.term import Node, URIRef

from kg.model import ArticleRecord
from kg.rdf import ArticleGraphBuilder
from kg.store import to_oxigraph

Triple = tuple[Node, Node, Node]


class TripleSink(dict):
    """The part of ``rdflib.Graph`` the builder uses; keeps insertion order, drops duplicates."""

    def add(self, triple: Triple) -> None:
        self[triple] = None


def article_iri(identifier: str, base: str, by_content: bool = False, content_hash: str = "") -> str:
    """The article's IRI (= its graph name) before any extraction: from its path, or for a file
    named on its own from its text's hash."""
    record = ArticleRecord(identifier=identifier, text="", content_hash=content_hash, by_content=by_content)
    return str(ArticleGraphBuilder(record, TripleSink(), base).article)  # type: ignore[arg-type]


def article_ntriples(record: ArticleRecord, base: str) -> str:
    """N-Triples of the article's graph (whose name is ``article_iri(record.identifier, base)``)."""
    sink = TripleSink()
    builder = ArticleGraphBuilder(record, sink, base)  # type: ignore[arg-type]  # duck-typed graph
    builder.build()
    return "".join([f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in sink])


# A term's N-Triples form, as pyoxigraph writes it, worked out once per process: an article's ~700
# triples repeat their predicates, types and nodes, and the corpus shares most labels, so this is
# 3-4× cheaper than making pyoxigraph terms and serialising them per article. Cleared when full.
_NT: dict[Node, str] = {}
_NT_MAX = 200_000


def _nt(t: Node) -> str:
    text = _NT.get(t)
    if text is None:
        text = str(_term(t))
        if len(text) <= 200:  # (an evidence sentence is seldom needed twice: not worth the memory)
            if len(_NT) >= _NT_MAX:
                _NT.clear()
            _NT[t] = text
    return text


def _term(t: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """``to_oxigraph``, with an IRI (most terms) converted at once: rdflib's terms are abstract base
    classes, so each of its isinstance tests costs a Python call."""
    if type(t) is URIRef:
        try:
            return ox.NamedNode(t)
        except ValueError:
            pass  # to_oxigraph says why
    return to_oxigraph(t)
