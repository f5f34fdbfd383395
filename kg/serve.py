"""A read-only SPARQL 1.1 Protocol endpoint over an embedded store (stdlib ``http.server``).

Read-only by construction: the store is only ever asked ``query``; update requests are
answered 403. Each query runs in a worker thread with a deadline and a row cap so one bad
question cannot hang the endpoint or flood a client. pyoxigraph evaluates in native code
that Python cannot interrupt, so a timed-out query is abandoned (and, for rdflib, stopped
by an exception raised in its thread); its slot stays taken until it really ends, which is
why concurrent queries are capped too and the surplus gets 503 instead of piling up.
"""
from __future__ import annotations

import ctypes
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from kg import sparql
from kg.store import Result, Store, StoreError

PATH = "/sparql"
MAX_BODY = 1 << 20  # bytes of query text a client may send

# media type -> serialiser, in order of preference when the client accepts anything
RESULT_TYPES = {
    "application/sparql-results+json": sparql.to_sparql_json,
    "application/json": sparql.to_sparql_json,
    "application/sparql-results+xml": sparql.to_sparql_xml,
    "application/xml": sparql.to_sparql_xml,
    "text/csv": sparql.to_csv,
    "text/tab-separated-values": sparql.to_tsv,
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
# the ``format``/``output`` parameter some clients send instead of an Accept header
SHORT_NAMES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
    "nt": "application/n-triples", "json-ld": "application/ld+json",
}


class QueryTimeout(Exception):
    """Raised inside a worker thread whose query ran past its deadline."""


class Busy(Exception):
    """Every query slot is taken (possibly by timed-out queries still running)."""


@dataclass
class Limits:
    timeout: float = 30.0       # seconds a client waits for an answer
    max_rows: int = 10_000      # rows (or triples) returned at most; the rest is cut
    max_concurrent: int = 2     # queries evaluating at once, abandoned ones included


class Endpoint:
    """Runs queries on ``store`` within ``limits``; independent of HTTP for testing."""

    def __init__(self, store: Store, limits: Limits | None = None) -> None:
        self.store = store
        self.limits = limits or Limits()
        self._slots = threading.BoundedSemaphore(self.limits.max_concurrent)

    def run(self, text: str) -> Result:
        if not self._slots.acquire(timeout=1.0):
            raise Busy("too many queries running; try again later")
        outcome: dict[str, object] = {}

        def work() -> None:
            try:
                outcome["result"] = self.store.query(text, limit=self.limits.max_rows)
            except BaseException as exc:  # handed to the waiting request thread
                outcome["error"] = exc
            finally:
                self._slots.release()

        worker = threading.Thread(target=work, name="sparql-query", daemon=True)
        worker.start()
        worker.join(self.limits.timeout)
        if worker.is_alive():
            _raise_in(worker, QueryTimeout)
            raise QueryTimeout(f"query took longer than {self.limits.timeout:g} s")
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["result"]  # type: ignore[return-value]


def _raise_in(thread: threading.Thread, exc_type: type[BaseException]) -> None:
    """Stop pure-Python work (rdflib) in ``thread`` at its next bytecode."""
    if thread.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident),
                                                   ctypes.py_object(exc_type))


def negotiate(accept: str, offered: list[str]) -> str | None:
    """The offered media type the Accept header rates highest; ties go to ``offered`` order."""
    if not accept.strip():
        return offered[0]
    rated: dict[str, float] = {}
    for part in accept.split(","):
        media, *fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        rated[media.lower()] = q

    def quality(media: str) -> float:
        for pattern in (media, media.split("/")[0] + "/*", "*/*"):
            if pattern in rated:
                return rated[pattern]
        return 0.0

    best = max(offered, key=quality)
    return best if quality(best) > 0 else None


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol: query via GET, POST form or POST ``application/sparql-query``."""

    endpoint: Endpoint  # set on the subclass made by ``make_server``
    server_version = "kg-sparql/1"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def do_GET(self) -> None:  # noqa: N802 (stdlib name)
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(HTTPStatus.OK, "text/plain",
                       f"SPARQL 1.1 endpoint (read-only) at {PATH}\n".encode())
            return
        if url.path != PATH:
            self._error(HTTPStatus.NOT_FOUND, f"not found; the endpoint is {PATH}")
            return
        self._answer(parse_qs(url.query, keep_blank_values=True))

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if url.path != PATH or not 0 <= length <= MAX_BODY:
            self.close_connection = True  # the unread body must not be taken for a request
            if url.path != PATH:
                self._error(HTTPStatus.NOT_FOUND, f"not found; the endpoint is {PATH}")
            else:
                self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE if length > MAX_BODY
                            else HTTPStatus.BAD_REQUEST, f"bad Content-Length (at most {MAX_BODY})")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
        elif ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            return
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported Content-Type {ctype!r}")
            return
        self._answer(params)

    def do_PUT(self) -> None:  # noqa: N802
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only")

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    def _answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            return
        if "default-graph-uri" in params or "named-graph-uri" in params:
            self._error(HTTPStatus.BAD_REQUEST, "dataset parameters are not supported: the "
                        "default graph is the union of all graphs")
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "expected exactly one 'query' parameter")
            return
        try:
            result = self.endpoint.run(queries[0])
        except StoreError as exc:
            self._error(HTTPStatus.BAD_REQUEST, f"query rejected: {exc}")
            return
        except QueryTimeout as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
            return
        except Busy as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
            return
        accept = self.headers.get("Accept") or ""
        short = (params.get("format") or params.get("output") or [""])[0]
        if short in SHORT_NAMES:
            accept = SHORT_NAMES[short]
        if result.kind == "graph":
            media = negotiate(accept, list(GRAPH_TYPES))
            payload = sparql.to_graph(result).serialize(format=GRAPH_TYPES[media]) if media else None
        else:
            media = negotiate(accept, list(RESULT_TYPES))
            payload = RESULT_TYPES[media](result) if media else None
        if media is None or payload is None:
            self._error(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer in {accept!r}")
            return
        headers = {"X-Kg-Truncated": "true"} if result.truncated else {}
        self._send(HTTPStatus.OK, media, payload.encode("utf-8"), headers)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, "text/plain", (message + "\n").encode("utf-8"))

    def _send(self, status: HTTPStatus, media: str, body: bytes,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{media}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def make_server(store: Store, host: str = "127.0.0.1", port: int = 7878,
                limits: Limits | None = None, verbose: bool = False) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (port 0 picks a free one) serving ``store``."""
    handler = type("BoundHandler", (Handler,), {"endpoint": Endpoint(store, limits)})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.verbose = verbose  # type: ignore[attr-defined]
    return server
