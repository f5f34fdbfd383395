"""Load a built graph file as one rdflib ``Dataset``, whatever its serialisation.

The network projection walks triples and their named graphs (one per article: that is where
per-article provenance comes from), so it needs rdflib rather than the SPARQL store; the file
formats and error messages are ``kg.store``'s, so every command accepts the same files.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.store import RdflibStore


def load(path: str | Path) -> Dataset:
    """Parse ``path`` (.ttl .nt .jsonld .trig .nq) into a Dataset whose default graph is the
    union of its named graphs. Raises ``kg.store.StoreError`` with a message for the user."""
    return RdflibStore.from_path(Path(path)).dataset
