"""Load a graph file into an embedded store that SPARQL can run on.

Two backends behind one small interface: pyoxigraph (the default, compiled and indexed,
fast enough for millions of triples) and rdflib (pure Python, always there, slow). Both
query the *union* of the named graphs, because ``kg build`` writes one named graph per
article and a question about the corpus should not care which article a fact came from.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef, Variable
from rdflib.term import Node

from kg.cache import cache_limit, evict, lock_entry, touch
from kg.vocab import PREFIXES, XSD

BACKENDS: tuple[str, ...] = ("oxigraph", "rdflib")

# extension -> (pyoxigraph format, rdflib parser name)
FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    ".ttl": (ox.RdfFormat.TURTLE, "turtle"),
    ".nt": (ox.RdfFormat.N_TRIPLES, "nt"),
    ".jsonld": (ox.RdfFormat.JSON_LD, "json-ld"),
    ".json": (ox.RdfFormat.JSON_LD, "json-ld"),
    ".trig": (ox.RdfFormat.TRIG, "trig"),
    ".nq": (ox.RdfFormat.N_QUADS, "nquads"),
}

_XSD_STRING = str(XSD.string)
PREFIX_MAP: dict[str, str] = {p: str(iri) for p, iri in PREFIXES.items()}


def split_prefixed(iri: str) -> tuple[str, str] | None:
    """(prefix, local part) of ``iri`` under the longest known namespace it starts with."""
    best = max((p for p, ns in PREFIX_MAP.items() if iri.startswith(ns)), key=lambda p: len(PREFIX_MAP[p]),
               default=None)
    return None if best is None else (best, iri[len(PREFIX_MAP[best]):])


class StoreError(Exception):
    """The graph cannot be loaded or the query cannot run; the message is for the user."""


@dataclass
class Result:
    """A query result in one shape for both backends (terms are rdflib terms).

    ``kind`` is "select", "ask" or "graph"; a graph result (CONSTRUCT/DESCRIBE) is given as
    rows of ``s, p, o`` so every output format can print it. ``truncated`` says that more
    rows existed than the caller's ``limit``.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False


def _take(rows: Iterator[tuple[Node | None, ...]], limit: int | None) -> tuple[list, bool]:
    out = []
    for row in rows:
        if limit is not None and len(out) >= limit:
            return out, True
        out.append(row)
    return out, False


@functools.lru_cache(maxsize=1 << 16)
def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    """Convert a pyoxigraph term; simple literals lose their explicit xsd:string like rdflib's.

    Cached: result rows repeat the same names, dates and IRIs, and building an rdflib
    Literal (which parses its value) costs more than the query itself on big results."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise StoreError(f"unsupported term in result: {term!r}")


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term; pyoxigraph validates IRIs, so a malformed one fails here."""
    try:
        if isinstance(term, URIRef):
            return ox.NamedNode(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype is not None:
                return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            return ox.Literal(str(term))
    except ValueError as exc:
        raise StoreError(f"invalid RDF term {term!r}: {exc}") from exc
    raise StoreError(f"unsupported term {term!r}")


class OxigraphStore:
    """pyoxigraph on disk (RocksDB), built once per graph file and reopened read-only.

    Two measured reasons for this shape (see benchmarks/RESULTS-sparql.md):
    pyoxigraph's "default graph as union" is a bag, so a triple restated in 200 article
    graphs comes back 200 times, inflating COUNTs and multiplying joins; and its in-memory
    store plans multi-hop joins far worse than the on-disk one (seconds, not milliseconds,
    at 1M triples). So the build copies the RDF merge of all graphs (a set) into the
    default graph, keeps each article's named graph for ``GRAPH`` queries, and caches the
    store so later runs on the same file open it in milliseconds.
    """

    backend = "oxigraph"

    def __init__(self, store: ox.Store, quads: int) -> None:
        self.store = store
        self.quads = quads

    @classmethod
    def from_path(cls, path: Path, cache_dir: Path | None = None) -> "OxigraphStore":
        """Open the cached store for ``path`` (building it if stale); a throwaway store in
        a temporary directory when ``cache_dir`` is None."""
        if cache_dir is not None:
            directory, quads, lock = _cached(path, cache_dir)
            opened = cls(ox.Store.read_only(str(directory)), quads)
            if lock is not None:  # held while the store is open, so no eviction removes it
                weakref.finalize(opened, os.close, lock)
            return opened
        directory = Path(tempfile.mkdtemp(prefix="kg-oxigraph-"))
        try:
            quads = _build(path, directory)
        except BaseException:
            shutil.rmtree(directory, ignore_errors=True)
            raise
        opened = cls(ox.Store.read_only(str(directory)), quads)
        weakref.finalize(opened, shutil.rmtree, directory, True)
        return opened

    def __len__(self) -> int:
        return self.quads

    def query(self, text: str, bindings: dict[str, Node] | None = None,
              limit: int | None = None) -> Result:
        subs = {ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
        try:
            res = self.store.query(text, prefixes=PREFIX_MAP, substitutions=subs or None)
        except RuntimeError as exc:
            hint = (" (Oxigraph binds only parameters the query returns: add them to SELECT)"
                    if "projection" in str(exc) else "")
            raise StoreError(f"{exc}{hint}") from exc
        except (SyntaxError, ValueError) as exc:
            raise StoreError(str(exc)) from exc
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", boolean=bool(res))
        if isinstance(res, ox.QueryTriples):
            rows = ((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)) for t in res)
            taken, truncated = _take(rows, limit)
            return Result("graph", ["s", "p", "o"], taken, truncated=truncated)
        variables = [v.value for v in res.variables]
        rows = (tuple(to_rdflib(sol[i]) for i in range(len(variables))) for sol in res)
        taken, truncated = _take(rows, limit)
        return Result("select", variables, taken, truncated=truncated)


def _build(path: Path, directory: Path) -> int:
    """Write ``path`` into a new store at ``directory``; return how many quads it holds."""
    fmt = _format(path)[0]
    count = 0

    def quads() -> Iterator[ox.Quad]:
        nonlocal count
        for quad in ox.parse(path=str(path), format=fmt):
            count += 1
            yield quad
            if not isinstance(quad.graph_name, ox.DefaultGraph):
                yield ox.Quad(quad.subject, quad.predicate, quad.object)

    store = ox.Store(str(directory))
    try:
        store.bulk_extend(quads())
        store.flush()
        store.optimize()
    except (SyntaxError, ValueError, OSError) as exc:
        raise StoreError(f"{path}: cannot load: {exc}") from exc
    finally:
        del store
    return count


def _cached(path: Path, cache_dir: Path) -> tuple[Path, int, int | None]:
    """The store for ``path`` under ``cache_dir``, rebuilt when the file changed, with a
    shared lock on it (a file descriptor) that keeps ``evict`` away while it is in use.

    One entry per graph path; a rebuild is written beside the old entry and swapped in,
    so a server still reading the old one is not disturbed.
    """
    source = path.resolve()
    stat = source.stat()
    stamp = {"source": str(source), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
             "pyoxigraph": ox.__version__}
    entry = cache_dir / hashlib.sha256(str(source).encode()).hexdigest()[:20]
    meta = entry / "kg-source.json"
    if meta.is_file():
        recorded = json.loads(meta.read_text(encoding="utf-8"))
        if {k: recorded.get(k) for k in stamp} == stamp:
            touch(meta)
            return entry, int(recorded["quads"]), lock_entry(meta)
    cache_dir.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=entry.name + ".new-", dir=cache_dir))
    try:
        quads = _build(source, fresh)
        (fresh / "kg-source.json").write_text(json.dumps({**stamp, "quads": quads}),
                                              encoding="utf-8")
        if entry.exists():
            old = Path(tempfile.mkdtemp(prefix=entry.name + ".old-", dir=cache_dir))
            entry.rename(old / "store")
            shutil.rmtree(old, ignore_errors=True)
        fresh.rename(entry)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    lock = lock_entry(meta)
    try:
        evict(cache_dir, cache_limit(), keep=entry)
    except ValueError as exc:  # a malformed $KG_CACHE_MAX_BYTES
        raise StoreError(str(exc)) from None
    return entry, quads, lock


def default_cache_dir() -> Path:
    """``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg/oxigraph`` (``~/.cache/kg/oxigraph``);
    kept under ``cache_limit()`` bytes by ``evict``."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg" / "oxigraph"


class RdflibStore:
    """rdflib ``Dataset`` whose default graph is the union of all graphs."""

    backend = "rdflib"

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    @classmethod
    def from_path(cls, path: Path) -> "RdflibStore":
        ds = Dataset(default_union=True)
        try:
            ds.parse(str(path), format=_format(path)[1])
        except Exception as exc:  # rdflib's parsers raise many unrelated types
            raise StoreError(f"{path}: cannot load: {exc}") from exc
        return cls(ds)

    def __len__(self) -> int:
        return len(self.dataset)

    def query(self, text: str, bindings: dict[str, Node] | None = None,
              limit: int | None = None) -> Result:
        init = {Variable(k): v for k, v in (bindings or {}).items()}
        try:
            res = self.dataset.query(text, initNs=PREFIX_MAP, initBindings=init)
            if res.type == "ASK":
                return Result("ask", boolean=bool(res.askAnswer))
            if res.type in ("CONSTRUCT", "DESCRIBE"):
                taken, truncated = _take(iter(res.graph), limit)
                return Result("graph", ["s", "p", "o"], taken, truncated=truncated)
            variables = [str(v) for v in res.vars]
            taken, truncated = _take((tuple(r) for r in res), limit)
        except StoreError:
            raise
        except Exception as exc:  # pyparsing and evaluation errors have no common base
            raise StoreError(str(exc)) from exc
        return Result("select", variables, taken, truncated=truncated)


Store = OxigraphStore | RdflibStore


def _format(path: Path) -> tuple[ox.RdfFormat, str]:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise StoreError(f"{path}: unknown graph format (expected one of {known})") from None


def oxigraph_format(path: Path) -> ox.RdfFormat:
    """pyoxigraph's format for a graph file, by extension."""
    return _format(path)[0]


def open_store(path: str | Path, backend: str = "oxigraph", cache: bool = True) -> Store:
    """Load the graph file ``path`` into ``backend``, ready to query; ``cache`` keeps the
    Oxigraph store built for it (see ``default_cache_dir``) for the next run."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    _format(path)
    if backend == "oxigraph":
        return OxigraphStore.from_path(path, default_cache_dir() if cache else None)
    if backend == "rdflib":
        return RdflibStore.from_path(path)
    raise StoreError(f"unknown backend {backend!r} (expected one of {', '.join(BACKENDS)})")
