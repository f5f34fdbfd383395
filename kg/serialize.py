"""Writing a dataset to disk in the format its file extension names, atomically: the file
is written beside its target and renamed, so a killed build never leaves half a file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
           ".trig": "trig", ".nq": "nquads", ".xml": "xml", ".rdf": "xml"}
QUAD_FORMATS = {"trig", "nquads"}


def format_for(path: Path) -> str:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"unknown output format '{path.suffix}': use one of {', '.join(sorted(FORMATS))}") from None


def union_graph(ds: Dataset) -> Graph:
    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def write_dataset(ds: Dataset, path: Path) -> None:
    fmt = format_for(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        target = ds if fmt in QUAD_FORMATS else union_graph(ds)
        kwargs = {"auto_compact": True} if fmt == "json-ld" else {}
        target.serialize(destination=tmp, format=fmt, encoding="utf-8", **kwargs)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
