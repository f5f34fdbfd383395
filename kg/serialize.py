"""Writing a dataset to disk in the format its file extension names, atomically: the file
is written beside its target and renamed, so a killed build never leaves half a file.
A target that is not a regular file (``/dev/stdout``, a pipe) is written in place.

Graphs are written by pyoxigraph in a sorted order (graph by graph, then by statement), so
the same graph gives the same bytes in every run and with any number of workers; rdflib's
own writers follow its hash order, which changes from one process to the next, and are
several times slower. JSON-LD keeps rdflib's compacted form.
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
from rdflib import Dataset, Graph
from rdflib.term import Node

from kg.store import to_oxigraph
from kg.vocab import PREFIXES

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
    """Every quad, graph by graph in IRI order, each graph's statements sorted. One pass over
    ``ds.quads``: iterating graph by graph costs rdflib a scan of every graph a shared triple
    is in, quadratic over a corpus where thousands of articles name the same bodies. Only one
    graph at a time is converted, so the copy stays small beside the dataset."""
    graphs: dict[str, list[tuple[Node, Node, Node]]] = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        graphs.setdefault("" if g is None else str(g), []).append((s, p, o))
    for name in sorted(graphs):
        graph = ox.NamedNode(name) if name else ox.DefaultGraph()
        triples = sorted((ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in graphs.pop(name)),
                         key=str)
        yield from (ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)


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
    with atomic_output(path) as tmp:
        if fmt in QUAD_FORMATS:
            ox.serialize(sorted_quads(ds), tmp, OX_FORMATS[fmt], prefixes=prefixes)
        elif fmt == "json-ld":
            union_graph(ds).serialize(destination=tmp, format=fmt, encoding="utf-8", auto_compact=True)
        else:
            ox.serialize(_sorted_triples(union_graph(ds)), tmp, OX_FORMATS[fmt], prefixes=prefixes)
