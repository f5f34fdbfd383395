"""A read-only SPARQL 1.1 Protocol endpoint over an embedded store.

Read-only by construction: the store is only ever asked ``query``; update requests are
answered 403. The endpoint is meant for a trusted machine or network and is hardened
against the ways a query or a browser page could misuse it:

* queries run in killable worker processes (``kg.serve_worker``) with a deadline, a row
  cap, a response-size cap and a memory cap, so one query cannot hold a slot, the
  server's memory or the machine;
* SERVICE and FROM cannot make the endpoint call URLs or read files (``kg.serve_guard``);
* the Host header must name this server (DNS rebinding) and cross-origin requests are
  refused unless ``--cors`` allows their origin;
* idle and slow connections cost no thread and are closed (``kg.serve_http``);
* every failure is answered with a short text message: no traceback, no file path.
"""
from __future__ import annotations

import io
import ipaddress
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

from kg.serve_guard import Hosts, parse_hosts
from kg.serve_http import BoundedHTTPServer, BufferedHandler
from kg.serve_output import GRAPH_TYPES, RESULT_TYPES, SHORT_NAMES, negotiate
from kg.serve_worker import (
    Busy,
    QueryTimeout,
    Reply,
    WorkerConfig,
    WorkerDied,
    WorkerPool,
    scrub,
)
from kg.store import Store

__all__ = ["GRAPH_TYPES", "MAX_BODY", "PATH", "RESULT_TYPES", "SHORT_NAMES", "Access", "Busy",
           "Endpoint", "Handler", "Limits", "QueryTimeout", "make_server", "negotiate",
           "parse_size"]

PATH = "/sparql"
MAX_BODY = 1 << 20  # bytes of query text a client may send
_WILDCARDS = {"", "0.0.0.0", "::"}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``"50M"``, ``"1.5G"``, ``"4096"`` as bytes (K, M, G, T are powers of 1024)."""
    match = _SIZE.match(str(text))
    if not match:
        raise ValueError(f"not a size: {text!r} (e.g. 512M, 2G)")
    return int(float(match[1]) * 1024 ** " kmgt".index((match[2] or " ").lower()))


@dataclass
class Limits:
    timeout: float = 30.0           # seconds a query may run; then its worker is killed
    max_rows: int = 10_000          # rows (or triples) returned at most; the rest is cut
    max_concurrent: int = 2         # worker processes, i.e. queries evaluated at once
    max_bytes: int = 50 << 20       # response body at most; whole rows are cut to fit
    max_memory: int = 1 << 30       # address space a query may add to a worker; 0: no cap
    read_timeout: float = 10.0      # seconds to send a whole request, or to sit idle
    max_connections: int = 256      # open client connections; the longest idle is dropped
    threads: int = 32               # handler threads (they relay answers, never evaluate)
    queue_wait: float = 5.0         # seconds a query may wait for a free worker (then 503)


@dataclass(frozen=True)
class Access:
    """Who may talk to the endpoint, and where its queries may reach."""

    allow_hosts: frozenset[str] = frozenset()  # extra names for the Host header ("*": any)
    cors: frozenset[str] = frozenset()         # origins allowed cross-origin ("*": any)
    allow_service: Hosts = frozenset()         # (host, port or None) SERVICE may call

    @classmethod
    def build(cls, allow_hosts: Iterable[str] = (), cors: Iterable[str] = (),
              allow_service: Iterable[str] = ()) -> Access:
        """From command-line values; raises ValueError on a malformed one."""
        allow_hosts = [h.strip() for h in allow_hosts]
        hosts = {"*"} if "*" in allow_hosts else set()
        hosts |= {name for name, _ in parse_hosts(h for h in allow_hosts if h != "*")}
        origins = frozenset(o.strip().rstrip("/") for o in cors)
        return cls(frozenset(hosts), origins, parse_hosts(allow_service))

    def host_ok(self, value: str, bind_host: str) -> bool:
        """A Host header naming this server; any other name may be a rebinding attack."""
        parts = urlsplit("//" + value.strip())
        try:
            _ = parts.port  # raises on a malformed port
        except ValueError:
            return False
        name = parts.hostname or ""
        bound = bind_host.strip("[]").lower()
        if "*" in self.allow_hosts or name in self.allow_hosts or \
                name in {"localhost", "127.0.0.1", "::1", bound}:
            return bool(name)
        if bound in _WILDCARDS:  # bound everywhere: any address literal names this server
            try:
                ipaddress.ip_address(name)
                return True
            except ValueError:
                return False
        return False

    def cors_origin(self, origin: str) -> str | None:
        """The Access-Control-Allow-Origin value for ``origin``, or None."""
        if "*" in self.cors:
            return "*"
        return origin if origin in self.cors else None


class Endpoint:
    """Runs queries in a pool of worker processes within ``limits``."""

    def __init__(self, store: Store, limits: Limits, allow_service: Hosts = frozenset()) -> None:
        self.limits = limits
        self.pool = WorkerPool(store, limits.max_concurrent, WorkerConfig(
            limits.max_rows, limits.max_bytes, limits.max_memory, allow_service))

    def run(self, text: str, accept: str) -> Reply:
        wait = max(1.0, min(self.limits.queue_wait, self.limits.timeout))
        try:
            return self.pool.run(text, accept, self.limits.timeout, wait)
        except (QueryTimeout, Busy) as exc:
            return _text_reply(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        except WorkerDied as exc:
            return _text_reply(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))

    def close(self) -> None:
        self.pool.close()


def _text_reply(status: int, message: str) -> Reply:
    body = (message + "\n").encode("utf-8")
    return Reply(int(status), "text/plain", io.BytesIO(body), len(body))


class Handler(BufferedHandler):
    """SPARQL 1.1 Protocol: query via GET, POST form or POST ``application/sparql-query``."""

    endpoint: Endpoint  # these four are set on the subclass made by ``make_server``
    access: Access
    bind_host: str
    verbose: bool = False
    server_version = "kg-sparql"
    protocol_version = "HTTP/1.1"
    default_request_version = "HTTP/1.0"  # so even a garbled request line gets a status line

    def version_string(self) -> str:
        return self.server_version  # no Python version: it only helps an attacker

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        if self.verbose:
            super().log_message(format, *args)

    def handle(self) -> None:
        self._responded = False
        self._cors: str | None = None
        try:
            super().handle()
        except Exception as exc:  # a bug or a lost client: answer if we still can, briefly
            self.close_connection = True
            self.log_message("internal error: %s", scrub(f"{type(exc).__name__}: {exc}"))
            if not self._responded:
                try:
                    self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error")
                except OSError:
                    pass

    def send_response_only(self, code: int, message: str | None = None) -> None:
        self._responded = True
        super().send_response_only(code, message)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The stdlib's own errors (bad request line, unknown method) as short text too."""
        self.close_connection = True
        status = HTTPStatus(code)
        self._error(status, scrub(message or status.phrase, 120))

    # -- checks every request passes --------------------------------------------------------

    def _guard(self) -> bool:
        host = self.headers.get("Host")
        if host is not None and not self.access.host_ok(host, self.bind_host):
            self._error(HTTPStatus.FORBIDDEN, "Host not allowed: use this endpoint's address, "
                        "or start it with --allow-host NAME")
            return False
        origin = self.headers.get("Origin")
        if origin is not None:
            self._cors = self.access.cors_origin(origin)
            same = host is not None and origin.lower() in (f"http://{host}".lower(),
                                                           f"https://{host}".lower())
            if self._cors is None and not same:
                return self._refuse_cross_origin()
        # an <img> or <script> on another site sends no Origin, but browsers say where from
        elif self.headers.get("Sec-Fetch-Site") in ("cross-site", "same-site") and \
                self.headers.get("Sec-Fetch-Mode") != "navigate":
            return self._refuse_cross_origin()
        return True

    def _refuse_cross_origin(self) -> bool:
        self._error(HTTPStatus.FORBIDDEN, "cross-origin request refused "
                    "(start the endpoint with --cors ORIGIN to allow one)")
        return False

    # -- methods ----------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 (stdlib name)
        if not self._guard():
            return
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
        if not self._guard():
            return
        url = urlsplit(self.path)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if "Transfer-Encoding" in self.headers:
            self.close_connection = True
            self._error(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length")
            return
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
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        f"unsupported Content-Type {scrub(ctype, 60)!r}")
            return
        self._answer(params)

    def do_OPTIONS(self) -> None:  # noqa: N802
        if not self._guard():
            return
        headers = {"Allow": "GET, POST, OPTIONS"}
        if self._cors is not None:
            headers.update({"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                            "Access-Control-Allow-Headers": "Accept, Content-Type",
                            "Access-Control-Max-Age": "600"})
        self._send(HTTPStatus.NO_CONTENT, "text/plain", b"", headers)

    def do_HEAD(self) -> None:  # noqa: N802
        self._error(HTTPStatus.NOT_IMPLEMENTED, "HEAD is not supported; use GET")

    def do_PUT(self) -> None:  # noqa: N802
        self.close_connection = True
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only",
                    {"Allow": "GET, POST, OPTIONS"})

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
        accept = self.headers.get("Accept") or ""
        short = (params.get("format") or params.get("output") or [""])[0]
        if short in SHORT_NAMES:
            accept = SHORT_NAMES[short]
        reply = self.endpoint.run(queries[0], accept)
        try:
            self._start(HTTPStatus(reply.status), reply.media, reply.length, reply.headers)
            shutil.copyfileobj(reply.body, self.wfile, 1 << 16)
        finally:
            reply.body.close()

    # -- output -----------------------------------------------------------------------------

    def _error(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, "text/plain", (message + "\n").encode("utf-8"), headers)

    def _send(self, status: HTTPStatus, media: str, body: bytes,
              headers: dict[str, str] | None = None) -> None:
        self._start(status, media, len(body), headers)
        if body:
            self.wfile.write(body)

    def _start(self, status: HTTPStatus, media: str, length: int,
               headers: dict[str, str] | None = None) -> None:
        """Status line and headers; the caller writes ``length`` bytes unless HEAD/204."""
        self.send_response(status)
        if status != HTTPStatus.NO_CONTENT:
            self.send_header("Content-Type", f"{media}; charset=utf-8")
            self.send_header("Content-Length", str(length))
        self.send_header("X-Content-Type-Options", "nosniff")
        if self._cors is not None:
            self.send_header("Access-Control-Allow-Origin", self._cors)
            self.send_header("Access-Control-Expose-Headers", "X-Kg-Truncated, X-Kg-Truncated-By")
            self.send_header("Vary", "Origin")
        if self.close_connection:
            self.send_header("Connection", "close")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command == "HEAD":
            self.wfile = _Discard()  # type: ignore[assignment]


class _Discard:
    """Swallows a body that a HEAD response must not carry."""

    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def make_server(store: Store, host: str = "127.0.0.1", port: int = 7878,
                limits: Limits | None = None, verbose: bool = False,
                access: Access | None = None) -> BoundedHTTPServer:
    """A server bound to ``host:port`` (port 0 picks a free one) serving ``store``."""
    limits, access = limits or Limits(), access or Access()
    server = BoundedHTTPServer((host, port), Handler, threads=limits.threads,
                               read_timeout=limits.read_timeout,
                               max_connections=limits.max_connections, max_body=MAX_BODY)
    try:
        endpoint = Endpoint(store, limits, access.allow_service)
    except BaseException:
        server.server_close()
        raise
    server.handler = type("BoundHandler", (Handler,), {
        "endpoint": endpoint, "access": access, "bind_host": host, "verbose": verbose})
    server.on_close.append(endpoint.close)
    return server
