"""A persistent project store: an Oxigraph directory holding one named graph per article
and a manifest graph saying where each came from.

Why the manifest lives in the store: one SPARQL update replaces an article's graph *and*
its manifest entry in a single transaction, so a build killed at any moment leaves every
article either fully replaced or untouched, and the manifest always agrees with the graphs.
The manifest graph (``urn:vnkg:build:manifest``) is never exported.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.serialize import OX_FORMATS, QUAD_FORMATS, atomic_output, format_for, prefix_map
from kg.vocab import RES

MANIFEST = ox.NamedNode("urn:vnkg:build:manifest")
_STORE = ox.NamedNode("urn:vnkg:build:store")
_BASE = ox.NamedNode("urn:vnkg:build:base")
_ENTRY = ox.NamedNode("urn:vnkg:build:entry")  # article → its entry as one JSON literal (one read per article)
# RocksDB keeps writes in memtables, one per index, until they fill up: about 1 kB per
# statement, 1.5 GB over 10,000 articles. Flushing every so often keeps a build's memory flat.
FLUSH_EVERY = 50_000


class ProjectStoreError(Exception):
    """The store cannot be used as asked; the message is for the user."""


@dataclass(frozen=True)
class Entry:
    """What the store knows of one article graph."""
    iri: str            # the article IRI = its graph name
    path: str           # the source file, absolute
    identifier: str     # dcterms:identifier (the file name)
    content_hash: str   # vnkg:contentHash (sha256 of the normalised text)
    builder: str        # kg.fingerprint.builder_version() of the code that built it
    stat: tuple[int, int] | None = None  # (size, mtime_ns) when the file was read, if safe to trust

    def ntriples(self) -> str:
        fields = {k: v for k, v in asdict(self).items() if k != "iri"}
        return f"{ox.NamedNode(self.iri)} {_ENTRY} {ox.Literal(json.dumps(fields, ensure_ascii=False))} ."

    @classmethod
    def parse(cls, iri: str, text: str) -> "Entry":
        fields = json.loads(text)
        stat = fields.pop("stat")
        return cls(iri, **fields, stat=tuple(stat) if stat else None)


class ProjectStore:
    """An on-disk Oxigraph store of article graphs; one writer at a time (Oxigraph locks it)."""

    def __init__(self, directory: Path, base: str | None = None, create: bool = True) -> None:
        """Open (or create) the store; ``base`` must match the one it was built with."""
        is_store = (directory / "CURRENT").is_file()   # RocksDB's own marker
        if not is_store and (not create or (directory.is_dir() and any(directory.iterdir()))):
            raise ProjectStoreError(f"{directory}: not a store directory (made by kg build --store)")
        try:
            self.store = ox.Store(str(directory))
        except OSError as e:
            raise ProjectStoreError(f"{directory}: cannot open the store ({e}); is another kg process using it?") from e
        self.directory = directory
        self._unflushed = 0
        stored = next(self.store.quads_for_pattern(_STORE, _BASE, None, MANIFEST), None)
        self.base = stored.object.value if stored is not None else None
        if base is None:
            return
        base = base if base.endswith(("/", "#")) else base + "/"  # as the RDF mapping reads it
        if stored is None:
            self.store.add(ox.Quad(_STORE, _BASE, ox.Literal(base), MANIFEST))
            self.base = base
        elif self.base != base:
            raise ProjectStoreError(f"{directory} was built with --base {self.base}, not {base}")

    def __enter__(self) -> "ProjectStore":
        return self

    def __exit__(self, *exc: object) -> None:
        """Flush and let go of the store (Oxigraph closes it, and unlocks it, when it is freed)."""
        self.store.flush()
        del self.store

    # ------------------------------------------------------------------ reading
    def manifest(self) -> dict[str, Entry]:
        """Article IRI → entry."""
        return {q.subject.value: Entry.parse(q.subject.value, q.object.value)
                for q in self.store.quads_for_pattern(None, _ENTRY, None, MANIFEST)}

    def __len__(self) -> int:
        """Number of article graphs (the manifest's entries: the identity graph is no article)."""
        return sum(1 for _ in self.store.quads_for_pattern(None, _ENTRY, None, MANIFEST))

    def resolve_people(self) -> int:
        """Re-run the corpus-level person identity over every article graph (kg/identity); the
        number of article graphs whose person IRIs it changed."""
        from kg.identity.people import resolve_store

        return len(resolve_store(self.store, self.base or str(RES)).renames)

    # ------------------------------------------------------------------ writing (one transaction each)
    def replace(self, entry: Entry, ntriples: str, new: bool = False) -> None:
        """Put ``ntriples`` as the whole graph of ``entry.iri`` and record ``entry``. ``new``:
        the manifest has no such article, so there is nothing to drop (15% faster)."""
        g = ox.NamedNode(entry.iri)
        drop = "" if new else f"DROP SILENT GRAPH {g} ; DELETE WHERE {{ GRAPH {MANIFEST} {{ {g} ?p ?o }} }} ; "
        self.store.update(f"{drop}INSERT DATA {{ GRAPH {g} {{ {ntriples} }} GRAPH {MANIFEST} {{ {entry.ntriples()} }} }}")
        self._unflushed += ntriples.count("\n")
        if self._unflushed > FLUSH_EVERY:
            self.store.flush()
            self._unflushed = 0

    def record(self, entry: Entry) -> None:
        """Update the manifest entry alone (the file moved or was touched; its text did not change)."""
        g = ox.NamedNode(entry.iri)
        self.store.update(f"DELETE WHERE {{ GRAPH {MANIFEST} {{ {g} ?p ?o }} }} ; "
                          f"INSERT DATA {{ GRAPH {MANIFEST} {{ {entry.ntriples()} }} }}")

    def remove(self, iri: str) -> None:
        g = ox.NamedNode(iri)
        self.store.update(f"DROP SILENT GRAPH {g} ; DELETE WHERE {{ GRAPH {MANIFEST} {{ {g} ?p ?o }} }}")

    # ------------------------------------------------------------------ export
    def quads(self) -> Iterator[ox.Quad]:
        """Every quad but the manifest's, graph by graph in IRI order and sorted within each
        graph: the order ``serialize.write_dataset`` uses, so both give the same bytes."""
        graphs = sorted((g for g in self.store.named_graphs() if g != MANIFEST), key=str)
        for g in [ox.DefaultGraph(), *graphs]:
            yield from sorted(self.store.quads_for_pattern(None, None, None, g), key=lambda q: str(q.triple))

    def triples(self) -> list[ox.Triple]:
        """The union of the graphs (each triple once), sorted as ``serialize.write_dataset`` does."""
        return sorted({q.triple for q in self.quads()}, key=str)

    def export(self, path: Path) -> int:
        """Write the article graphs to ``path`` (format from its extension) atomically; the
        number of statements written."""
        fmt = OX_FORMATS[format_for(path)]
        counted = 0

        def count(items: Iterable) -> Iterator:
            nonlocal counted
            for item in items:
                counted += 1
                yield item

        with atomic_output(path) as tmp:
            statements = self.quads() if format_for(path) in QUAD_FORMATS else self.triples()
            ox.serialize(count(statements), tmp, fmt, prefixes=prefix_map(self.base or str(RES)))
        return counted
