"""Load a graph into a SPARQL server with the Graph Store Protocol, one named graph at a time.

Each named graph (one per article in ``kg build`` output) is sent with ``PUT ?graph=IRI``,
which *replaces* that graph on the server: pushing the same build twice leaves the server
as after one push, and re-pushing after a rebuild updates exactly the articles' graphs.
Works with Oxigraph server (``/store``), Fuseki (``/DATASET/data``), GraphDB, Virtuoso.
"""
from __future__ import annotations

import http.client
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.store import StoreError, oxigraph_format

MEDIA = "application/n-triples"


class PushError(Exception):
    """The server refused a graph or could not be reached; the message is for the user."""


@dataclass
class PushStats:
    graphs: int = 0
    triples: int = 0


class GraphStoreClient:
    """PUTs graphs to one Graph Store Protocol endpoint over a kept-alive connection."""

    def __init__(self, endpoint: str, timeout: float = 60.0) -> None:
        url = urlsplit(endpoint)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise PushError(f"not an http(s) URL: {endpoint!r}")
        self.url = url
        self.timeout = timeout
        self._conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            cls = http.client.HTTPSConnection if self.url.scheme == "https" else http.client.HTTPConnection
            self._conn = cls(self.url.hostname, self.url.port, timeout=self.timeout)
        return self._conn

    def target(self, graph: str | None) -> str:
        """The request path for a named graph, or the default graph when ``graph`` is None."""
        sep = "&" if self.url.query else "?"
        base = self.url.path or "/"
        if self.url.query:
            base += "?" + self.url.query
        return f"{base}{sep}default" if graph is None else f"{base}{sep}graph={quote(graph, safe='')}"

    def put(self, graph: str | None, body: bytes) -> None:
        """Replace ``graph`` with ``body``; one reconnect if the server dropped the connection."""
        headers = {"Content-Type": MEDIA, "Content-Length": str(len(body))}
        for attempt in (1, 2):
            conn = self._connection()
            try:
                conn.request("PUT", self.target(graph), body=body, headers=headers)
                response = conn.getresponse()
                detail = response.read()
                break
            except (ConnectionError, http.client.HTTPException) as exc:
                self.close()
                if attempt == 2:
                    raise PushError(f"{self.url.geturl()}: {exc}") from exc
            except OSError as exc:
                self.close()
                raise PushError(f"{self.url.geturl()}: {exc}") from exc
        if response.status not in (200, 201, 204):
            text = detail.decode("utf-8", errors="replace").strip()[:500]
            raise PushError(f"PUT {graph or 'default graph'}: HTTP {response.status} {text}")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _graphs(store: ox.Store) -> Iterator[ox.NamedNode | ox.DefaultGraph]:
    yield ox.DefaultGraph()
    yield from sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)),
                      key=lambda g: g.value)


def load_dataset(path: Path) -> ox.Store:
    """The file's quads as written (no merged default graph, unlike ``kg.store``)."""
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=oxigraph_format(path))
    except (SyntaxError, ValueError, OSError) as exc:
        raise StoreError(f"{path}: cannot load: {exc}") from exc
    return store


def count_graphs(store: ox.Store) -> int:
    return sum(1 for _ in _graphs(store))


def push(store: ox.Store, endpoint: str, default_graph: str | None = None,
         progress: Callable[[int], None] | None = None) -> PushStats:
    """PUT every named graph of ``store``; default-graph triples go to ``default_graph``
    (a named graph IRI) when given, else to the server's default graph. An empty default
    graph is left alone on the server."""
    client = GraphStoreClient(endpoint)
    stats = PushStats()
    try:
        for graph in _graphs(store):
            triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
            if isinstance(graph, ox.DefaultGraph):
                if not triples:
                    continue
                name = default_graph
            else:
                name = graph.value
            client.put(name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
            stats.graphs += 1
            stats.triples += len(triples)
            if progress is not None:
                progress(1)
    finally:
        client.close()
    return stats
