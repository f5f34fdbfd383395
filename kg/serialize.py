"""Writing a dataset to disk in the format its file extension names, atomically: the file
is written beside its target and renamed, so a killed build never leaves half a file.
A target that is not a regular file (``/dev/stdout``, a pipe) is written in place.

Graphs are written by pyoxigraph in a sorted order (graph by graph, then by statement), so
the same graph gives the same bytes in every run and with any number of workers; rdflib's
own writers follow its hash order, which changes from one process to the next, and are
several times slower. JSON-LD keeps rdflib's compacted form.

A build's dataset (``held_dataset``) keeps its graphs as pyoxigraph triples and copies them
into rdflib only when something reads it as rdflib; writing it to a file never does.
"""
from __future__ import annotations

import glob
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node

from kg.store import to_oxigraph, to_rdflib
from kg.vocab import PREFIXES, bind_prefixes

FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
           ".trig": "trig", ".nq": "nquads", ".xml": "xml", ".rdf": "xml"}
QUAD_FORMATS = {"trig", "nquads"}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD,
              "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "xml": ox.RdfFormat.RDF_XML}


class OutputError(OSError):
    """The output file cannot be written; the message names it (never the temporary file)."""

    def __str__(self) -> str:
        return str(self.strerror)


def format_for(path: Path) -> str:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        what = f"'{path.suffix}'" if path.suffix else f"of {path.name or path} (no extension)"
        raise ValueError(f"unknown output format {what}: use one of {', '.join(sorted(FORMATS))}") from None


def describe_parse_error(exc: BaseException) -> str:
    """One line for an rdflib parse error (some span five lines and quote the input)."""
    why, lines = getattr(exc, "_why", None), getattr(exc, "lines", None)
    if why is not None and isinstance(lines, int):  # notation3's BadSyntax: turtle, trig, n3
        return f"line {lines + 1}: {why}"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def prefix_map(base: str) -> dict[str, str]:
    """The contract's prefixes, ``res`` bound to the build's base."""
    return {p: str(iri) for p, iri in PREFIXES.items()} | {"res": base}


Graphs = dict[str, list[ox.Triple]]  # graph IRI → its statements, as pyoxigraph terms


class HeldGraphs(Memory):
    """rdflib's memory store whose graphs wait as pyoxigraph triples until the first call that
    reads or changes them: filling rdflib's indexes costs ≈ 10 ms per article, more than making
    the article's graph, and a build written straight to a file needs none of it. (Not an
    Oxigraph store: it would rewrite literals in canonical form, "+00:00" as "Z".)"""

    def __init__(self) -> None:
        super().__init__()
        self.pending: Graphs | None = None

    def _fill(self) -> None:
        if self.pending is None:
            return
        graphs, self.pending = self.pending, None
        for name, triples in graphs.items():
            graph = Graph(store=self, identifier=URIRef(name))
            super().add_graph(graph)
            for t in triples:
                super().add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)), graph)

    def add(self, *args, **kwargs):
        self._fill()
        return super().add(*args, **kwargs)

    def remove(self, *args, **kwargs):
        self._fill()
        return super().remove(*args, **kwargs)

    def triples(self, *args, **kwargs):
        self._fill()
        return super().triples(*args, **kwargs)

    def contexts(self, *args, **kwargs):
        self._fill()
        return super().contexts(*args, **kwargs)

    def add_graph(self, *args, **kwargs):
        self._fill()
        return super().add_graph(*args, **kwargs)

    def remove_graph(self, *args, **kwargs):
        self._fill()
        return super().remove_graph(*args, **kwargs)

    def query(self, *args, **kwargs):
        self._fill()
        return super().query(*args, **kwargs)

    def update(self, *args, **kwargs):
        self._fill()
        return super().update(*args, **kwargs)

    def __len__(self, context=None) -> int:
        if self.pending is not None and context is None:
            return len(union_triples(self.pending))
        self._fill()
        return super().__len__(context=context)


def held_dataset(graphs: Graphs, base: str) -> Dataset:
    """``graphs`` as an rdflib dataset (default graph = union, the contract's prefixes bound),
    copied into rdflib on first use; ``write_dataset`` writes it as it is."""
    store = HeldGraphs()
    ds = Dataset(store=store, default_union=True)
    bind_prefixes(ds, base)
    store.pending = graphs
    return ds


def union_triples(graphs: Graphs) -> set[ox.Triple]:
    """Every statement of the graphs, once (the default graph as their union)."""
    return {t for triples in graphs.values() for t in triples}


def union_graph(ds: Dataset) -> Graph:
    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _sorted_triples(graph: Graph) -> list[ox.Triple]:
    return sorted((ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in graph), key=str)


def sorted_quads(ds: Dataset) -> Iterator[ox.Quad]:
    """Every quad of an rdflib dataset, graph by graph in IRI order, each graph's statements sorted
    (the order ``_held_quads`` writes, so both give the same bytes). One pass over ``ds.quads``:
    iterating graph by graph costs rdflib a scan of every graph a shared triple is in."""
    graphs: dict[str, list[tuple[Node, Node, Node]]] = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        graphs.setdefault("" if g is None else str(g), []).append((s, p, o))
    for name in sorted(graphs):
        graph = ox.NamedNode(name) if name else ox.DefaultGraph()
        triples = sorted((ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in graphs.pop(name)),
                         key=str)
        yield from (ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)


def _held_quads(graphs: Graphs) -> Iterator[ox.Quad]:
    """``sorted_quads`` of held graphs: the same order, the same bytes."""
    for name in sorted(graphs):
        graph = ox.NamedNode(name)
        yield from (ox.Quad(t.subject, t.predicate, t.object, graph) for t in sorted(graphs[name], key=str))


def _umask() -> int:
    """The process umask (mkstemp makes files 0600; an output file should be as any other)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_PARTIAL = ".partial"


def _remove_orphans(real: Path) -> None:
    """Partial files a killed writer left beside ``real`` (SIGKILL runs no clean-up): those
    whose writing process is gone. One that is still being written is left alone."""
    for p in real.parent.glob(f".{glob.escape(real.name)}.*{_PARTIAL}"):
        pid = p.name[len(real.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                p.unlink()
            except OSError:
                pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


@contextmanager
def atomic_output(path: Path) -> Iterator[str]:
    """A temporary file name beside ``path``; renamed onto ``path`` only if the block succeeds.
    A symlink is followed (the link stays); a device or pipe is written directly. Any
    ``OSError`` becomes an ``OutputError`` that names ``path``."""
    real = Path(os.path.realpath(path))
    try:
        mode = os.stat(real).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        try:
            yield str(real)
        except OSError as exc:
            raise OutputError(exc.errno, f"cannot write {path}: {exc.strerror or exc}") from None
        return
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        _remove_orphans(real)
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.{os.getpid()}.", suffix=_PARTIAL, dir=real.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(exc.errno, f"cannot write {path}: {exc.strerror or exc}"
                                     f" (cannot create a file in {real.parent})") from None
    try:
        os.chmod(tmp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        yield tmp
        os.replace(tmp, real)
    except OSError as exc:
        raise OutputError(exc.errno, f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_dataset(ds: Dataset, path: Path) -> None:
    fmt = format_for(path)
    prefixes = {p: str(ns) for p, ns in ds.namespaces() if p in PREFIXES}
    held = ds.store.pending if isinstance(ds.store, HeldGraphs) else None
    with atomic_output(path) as tmp:
        if held is not None and fmt in QUAD_FORMATS:
            ox.serialize(_held_quads(held), tmp, OX_FORMATS[fmt], prefixes=prefixes)
        elif held is not None and fmt != "json-ld":
            ox.serialize(sorted(union_triples(held), key=str), tmp, OX_FORMATS[fmt], prefixes=prefixes)
        elif fmt in QUAD_FORMATS:
            ox.serialize(sorted_quads(ds), tmp, OX_FORMATS[fmt], prefixes=prefixes)
        elif fmt == "json-ld":
            union_graph(ds).serialize(destination=tmp, format=fmt, encoding="utf-8", auto_compact=True)
        else:
            ox.serialize(_sorted_triples(union_graph(ds)), tmp, OX_FORMATS[fmt], prefixes=prefixes)
