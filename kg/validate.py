"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (pyshacl)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kg.serialize import QUAD_FORMATS, describe_parse_error, format_for, union_graph
from kg.store import StoreError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def _parse(target: Graph | Dataset, path: Path, fmt: str) -> None:
    """Parse into ``target``; a broken file is a ``StoreError`` naming it, not a parser dump."""
    try:
        target.parse(path, format=fmt)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise StoreError(f"{path}: not valid {fmt}: {describe_parse_error(exc)}") from exc


def load_graph(path: Path) -> Graph:
    """Any output format, as one graph (named graphs merged). ``StoreError`` for an unknown
    extension or a file that does not parse."""
    try:
        fmt = format_for(path)
    except ValueError as exc:
        raise StoreError(f"{path}: {exc}") from None
    if fmt in QUAD_FORMATS:
        ds = Dataset()
        _parse(ds, path, fmt)
        return union_graph(ds)
    g = Graph()
    _parse(g, path, fmt)
    return g


def validate_file(path: Path, shapes: Path | None = None) -> tuple[bool, str]:
    from pyshacl import validate

    shapes_graph = Graph()
    _parse(shapes_graph, shapes or ONTOLOGY_DIR / "shapes.ttl", "turtle")
    ontology = Graph().parse(ONTOLOGY_DIR / "vnkg.ttl", format="turtle")
    conforms, _, text = validate(load_graph(path), shacl_graph=shapes_graph, ont_graph=ontology,
                                 inference="none", abort_on_first=False, allow_warnings=True)
    return bool(conforms), text
