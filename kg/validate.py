"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (pyshacl)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kg.serialize import QUAD_FORMATS, format_for, union_graph

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def load_graph(path: Path) -> Graph:
    """Any output format, as one graph (named graphs merged)."""
    fmt = format_for(path)
    if fmt in QUAD_FORMATS:
        ds = Dataset()
        ds.parse(path, format=fmt)
        return union_graph(ds)
    g = Graph()
    g.parse(path, format=fmt)
    return g


def validate_file(path: Path, shapes: Path | None = None) -> tuple[bool, str]:
    from pyshacl import validate

    shapes_graph = Graph().parse(shapes or ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    ontology = Graph().parse(ONTOLOGY_DIR / "vnkg.ttl", format="turtle")
    conforms, _, text = validate(load_graph(path), shacl_graph=shapes_graph, ont_graph=ontology,
                                 inference="none", abort_on_first=False, allow_warnings=True)
    return bool(conforms), text
