"""Turn parameters into RDF terms and results into text.

Parameters are never spliced into query text: each value becomes an RDF term (validated
by its type) that the store binds to the variable of the same name. A value such as
``" } ; DROP ALL ; #`` is then just a literal that matches nothing.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.queries import SavedQuery
from kg.store import PREFIX_MAP, Result, StoreError, split_prefixed
from kg.vocab import XSD

_CURIE = re.compile(r"^(?P<prefix>[A-Za-z][\w.-]*):(?P<local>\S*)$")
_QUOTED = re.compile(r'^"(?P<text>.*)"(?:@(?P<lang>[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)'
                     r"|\^\^(?P<dt>\S+))?$", re.DOTALL)


class ParamError(ValueError):
    """A parameter is missing, unknown or not a valid value of its type."""


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def to_iri(value: str) -> URIRef:
    """``<iri>``, ``prefix:local`` with a contract prefix, or an absolute IRI."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        iri = value[1:-1]
    else:
        match = _CURIE.match(value)
        known = match is not None and match["prefix"] in PREFIX_MAP
        iri = PREFIX_MAP[match["prefix"]] + match["local"] if known else value
    try:
        ox.NamedNode(iri)  # the strict RFC 3987 check; rdflib accepts almost anything
    except ValueError as exc:
        raise ParamError(f"not an IRI: {value!r} ({exc})") from None
    if ":" not in iri:
        raise ParamError(f"not an absolute IRI: {value!r}")
    return URIRef(iri)


def _to_date(value: str) -> Literal:
    try:
        return Literal(date.fromisoformat(value.strip()).isoformat(), datatype=XSD.date)
    except ValueError:
        raise ParamError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _to_integer(value: str) -> Literal:
    try:
        return Literal(int(value.strip()))
    except ValueError:
        raise ParamError(f"not an integer: {value!r}") from None


PARAM_TYPES: dict[str, Callable[[str], Node]] = {
    "iri": to_iri,
    "label": lambda v: Literal(_nfc(v), lang="vi"),   # rdfs:label values are NFC, @vi
    "string": lambda v: Literal(_nfc(v)),
    "date": _to_date,
    "integer": _to_integer,
}


def guess_term(value: str) -> Node:
    """A term for an undeclared parameter, written as in Turtle: ``<iri>``, ``res:x``,
    ``"text"@vi``, ``"2024-01-01"^^xsd:date``; anything else is a plain string."""
    match = _QUOTED.match(value)
    if match:
        text = _nfc(match["text"])
        if match["lang"]:
            return Literal(text, lang=match["lang"])
        return Literal(text, datatype=to_iri(match["dt"]) if match["dt"] else None)
    if value.startswith("<") and value.endswith(">"):
        return to_iri(value)
    curie = _CURIE.match(value)
    if curie and curie["prefix"] in PREFIX_MAP:
        return to_iri(value)
    return Literal(_nfc(value))


def parse_assignments(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["key=value", ...]`` from the command line."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"\w+", key.strip()):
            raise ParamError(f"--param expects NAME=VALUE, got {pair!r}")
        out[key.strip()] = value
    return out


def bind(query: SavedQuery, given: dict[str, str]) -> dict[str, Node]:
    """Terms for a query's parameters: declared ones by type and default, others guessed."""
    declared = {p.name: p for p in query.params}
    if declared:
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise ParamError(f"unknown parameter(s) {', '.join(unknown)}; "
                             f"this query takes: {', '.join(declared)}")
    bindings: dict[str, Node] = {}
    for name, param in declared.items():
        value = given.get(name, param.default)
        if value is None:
            raise ParamError(f"missing parameter {name} ({param.type}): {param.doc}")
        convert = PARAM_TYPES.get(param.type)
        if convert is None:
            raise ParamError(f"parameter {name}: unknown type {param.type!r} "
                             f"(one of {', '.join(PARAM_TYPES)})")
        bindings[name] = convert(value)
    for name, value in given.items():
        if name not in declared:
            bindings[name] = guess_term(value)
    return bindings


# ---- output -------------------------------------------------------------------------------

def compact(term: Node | None) -> str:
    """A short human form: prefixed IRIs, bare literal text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        split = split_prefixed(str(term))
        return f"{split[0]}:{split[1]}" if split is not None else f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _plain(term: Node | None) -> object:
    """JSON value: numbers and booleans native, everything else its lexical form."""
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype is not None:
        value = term.toPython()
        if isinstance(value, (bool, int, float)):
            return value
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _sparql_json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


def to_sparql_json(result: Result) -> str:
    """W3C SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = [{v: _sparql_json_term(t) for v, t in zip(result.variables, row) if t is not None}
                for row in result.rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False)


def to_sparql_xml(result: Result) -> str:
    """W3C SPARQL Query Results XML (what SPARQLWrapper asks for by default)."""
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "ask":
        out.append(f"<head/><boolean>{'true' if result.boolean else 'false'}</boolean></sparql>")
        return "\n".join(out)
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables)
               + "</head><results>")
    for row in result.rows:
        out.append("<result>")
        for var, term in zip(result.variables, row):
            if term is None:
                continue
            if isinstance(term, URIRef):
                value = f"<uri>{escape(term)}</uri>"
            elif isinstance(term, BNode):
                value = f"<bnode>{escape(term)}</bnode>"
            elif term.language:
                value = f"<literal xml:lang={quoteattr(term.language)}>{escape(term)}</literal>"
            elif term.datatype is not None:
                value = f"<literal datatype={quoteattr(term.datatype)}>{escape(term)}</literal>"
            else:
                value = f"<literal>{escape(term)}</literal>"
            out.append(f"<binding name={quoteattr(var)}>{value}</binding>")
        out.append("</result>")
    out.append("</results></sparql>")
    return "\n".join(out)


def to_csv(result: Result, delimiter: str = ",") -> str:
    """SPARQL 1.1 CSV: IRIs in full, literals as their text, one header line."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t))
                         for t in row])
    return buf.getvalue()


def to_tsv(result: Result) -> str:
    """SPARQL 1.1 TSV: terms in Turtle syntax, header of ``?vars``."""
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join("" if t is None else t.n3() for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def to_json(result: Result) -> str:
    """Plain JSON for scripts: a list of objects (or a boolean for ASK)."""
    if result.kind == "ask":
        return json.dumps(result.boolean)
    rows = [{v: _plain(t) for v, t in zip(result.variables, row)} for row in result.rows]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def to_graph(result: Result) -> Graph:
    """A CONSTRUCT/DESCRIBE result back as a graph, for RDF serialisations."""
    if result.kind != "graph":
        raise StoreError("only CONSTRUCT and DESCRIBE results are graphs")
    graph = Graph()
    for prefix, iri in PREFIX_MAP.items():
        graph.bind(prefix, iri)
    for triple in result.rows:
        graph.add(triple)
    return graph
