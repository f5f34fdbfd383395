"""Load a built graph file into one rdflib ``Dataset`` whatever its serialisation.

``kg build`` writes .ttl, .nt, .jsonld, .trig or .nq; the explore commands (viz, stats, export,
the notebook) accept any of them. Quads formats keep one named graph per article, which is
where per-article provenance comes from; ``default_union`` lets triple patterns see them all.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".n3": "n3",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
    ".rdf": "xml",
    ".owl": "xml",
}


def rdf_format(path: str | Path) -> str:
    """The rdflib parser name for a file, from its extension (``.gz`` is not supported)."""
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(f"{path}: unknown RDF file extension {suffix!r} (known: {known})") from None


def load(path: str | Path) -> Dataset:
    """Parse ``path`` into a Dataset whose default graph is the union of all named graphs."""
    ds = Dataset(default_union=True)
    ds.parse(str(path), format=rdf_format(path))
    return ds
