"""Keep ``kg serve`` queries inside the loaded dataset: no SERVICE calls, no FROM loads.

Both stores reach out on a query's behalf: ``SERVICE <url>`` makes Oxigraph and rdflib
send HTTP requests anywhere (SSRF), and rdflib's ``FROM <file:///...>`` / ``FROM <http://...>``
reads a local file or fetches a URL into the query. So every query that could hold those
keywords is parsed (rdflib's parser, with the store's prefixes) and its algebra is
searched: a SERVICE must name an ``--allow-service`` host, a FROM / FROM NAMED a graph
that is already loaded. Comments, case, whitespace, prefixed names, BASE and ``\\u``
escapes cannot hide a keyword from the algebra; a keyword the parser did not account for
(a parser disagreement) gets the query refused rather than trusted.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from rdflib import URIRef

from kg.store import PREFIX_MAP

# any text that could spell a keyword: no match means no SERVICE and no FROM at all
_MAYBE = re.compile(r"service|from", re.IGNORECASE)
# the words as tokens, once strings, IRIs and comments are blanked out
_WORD = re.compile(r"(?<![\w?$:])(service|from)(?![\w:-])", re.IGNORECASE)
_SKIP = re.compile("|".join([  # noqa: FLY002 (one alternative a line reads better)
    r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",
    r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'",
    r'<[^<>"{}|^`\\\x00-\x20]*>', r"#[^\n]*"]), re.DOTALL)
# how rdflib's SERVICE evaluation finds the URL it calls (it reads the raw clause text)
_RDFLIB_SERVICE = re.compile(r"^service <(.*)>[ \n]*{(.*)}[ \n]*$", re.DOTALL | re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")
_PLAIN_SERVICE = re.compile(r"^service\s+(?:silent\s+)?<([^<>\s]*)>\s*\{", re.IGNORECASE)

Hosts = frozenset[tuple[str, int | None]]  # (host, port or None for any port)


class Refused(Exception):
    """The query would read outside the dataset; the message says why, briefly."""


def canonical(text: str) -> str:
    """The text both the check and the store see: ``\\u`` escapes expanded (SPARQL does
    that before parsing) and CR line ends made LF, so no parser ends a comment elsewhere."""
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes

    try:
        out = expandUnicodeEscapes(text).replace("\r\n", "\n").replace("\r", "\n")
    except ValueError:
        raise Refused("the query has an invalid \\u escape") from None
    if _SURROGATE.search(out):
        raise Refused("the query has an invalid \\u escape (a lone surrogate)")
    # the stores expand escapes again: that must change nothing, or they would parse
    # another query than the one checked (\u005Cu0053ERVICE is \u0053ERVICE is SERVICE)
    if expandUnicodeEscapes(out) != out:
        raise Refused("\\u escapes that spell further \\u escapes are not supported")
    return out


def _tokens(text: str) -> dict[str, int]:
    """How often SERVICE and FROM occur as words outside strings, IRIs and comments."""
    bare = _SKIP.sub(" ", text)
    counts = {"service": 0, "from": 0}
    for match in _WORD.finditer(bare):
        counts[match.group(1).lower()] += 1
    return counts


def _walk(node: object, seen: set[int]) -> Iterator[object]:
    """Every node of an rdflib parse tree or algebra, each once."""
    if id(node) in seen:
        return
    seen.add(id(node))
    yield node
    if isinstance(node, dict):  # CompValue is an OrderedDict
        for value in node.values():
            yield from _walk(value, seen)
    elif isinstance(node, (list, tuple, set, frozenset)) or hasattr(node, "asList"):
        for value in node:  # hasattr: pyparsing's ParseResults
            yield from _walk(value, seen)


def _parse(text: str) -> tuple[list, list]:
    """SERVICE nodes and dataset clauses of the query, or Refused if it does not parse."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        algebra = translateQuery(parseQuery(text), initNs=PREFIX_MAP).algebra
    except Exception:  # pyparsing and translation errors have no common base
        raise Refused("the query mentions SERVICE or FROM and could not be checked, "
                      "so it is refused") from None
    services, datasets = [], []
    for node in _walk(algebra, set()):
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            services.append(node)
        elif name == "DatasetClause":
            datasets.append(node)
    return services, datasets


def parse_hosts(values: Iterable[str]) -> Hosts:
    """``--allow-service`` values (``host`` or ``host:port``, IPv6 in brackets) as pairs."""
    out = set()
    for value in values:
        parts = urlsplit("//" + value.strip())
        try:
            port = parts.port
        except ValueError:
            raise ValueError(f"not a host or host:port: {value!r}") from None
        if not parts.hostname or parts.path or parts.query:
            raise ValueError(f"not a host or host:port: {value!r}")
        out.add((parts.hostname, port))
    return frozenset(out)


def _host_allowed(iri: str, allowed: Hosts) -> bool:
    parts = urlsplit(iri)
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host or parts.username or parts.password:
        return False
    port = port or (443 if parts.scheme == "https" else 80)
    return (host, None) in allowed or (host, port) in allowed


def _check_service(node: dict, allowed: Hosts) -> None:
    term = node.get("term")
    if not allowed:
        raise Refused("SERVICE is not allowed: this endpoint answers from its own graph only "
                      "(start it with --allow-service HOST to permit one)")
    if not isinstance(term, URIRef):
        raise Refused("SERVICE needs a fixed IRI here, not a variable")
    iri = str(term)
    if not _host_allowed(iri, allowed):
        raise Refused("SERVICE to this host is not allowed (see --allow-service)")
    # rdflib calls the URL it reads from the raw clause text: it must be this very IRI
    raw = str(node.get("service_string", ""))
    plain, loose = _PLAIN_SERVICE.match(raw), _RDFLIB_SERVICE.match(raw)
    if plain is None or plain.group(1) != iri or (loose is not None and loose.group(1) != iri):
        raise Refused("write an allowed SERVICE as SERVICE <full-iri> { ... }")


def check(text: str, has_graph: Callable[[str], bool], allow_service: Hosts) -> None:
    """Raise Refused unless ``text`` (already ``canonical``) stays inside the dataset."""
    if not _MAYBE.search(text):
        return
    services, datasets = _parse(text)
    words = _tokens(text)
    if words["service"] > len(services) or words["from"] > len(datasets):
        raise Refused("the query uses SERVICE or FROM in a way that could not be checked, "
                      "so it is refused")
    for node in services:
        _check_service(node, allow_service)
    for node in datasets:
        iri = node.get("default") if node.get("default") is not None else node.get("named")
        if iri is None or not has_graph(str(iri)):
            raise Refused("FROM / FROM NAMED may only name a graph of this dataset: the "
                          "endpoint reads no file or URL on a query's behalf")
