"""Load a graph into a SPARQL server with the Graph Store Protocol, one named graph at a time.

Each named graph (one per article in ``kg build`` output) is sent with ``PUT ?graph=IRI``,
which *replaces* that graph on the server: pushing the same build twice leaves the server
as after one push, and re-pushing after a rebuild updates exactly the articles' graphs.
Because a PUT is idempotent, a failed request is retried (5xx, dropped connections) and a
push that fails midway can simply be run again. Works with Oxigraph server (``/store``),
Fuseki (``/DATASET/data``), GraphDB, Virtuoso.
"""
from __future__ import annotations

import base64
import http.client
import ipaddress
import netrc
import os
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import SplitResult, quote, unquote, urlsplit, urlunsplit

import pyoxigraph as ox

from kg.store import StoreError, oxigraph_format

MEDIA = "application/n-triples"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_WAIT = 30.0  # seconds: the longest pause between two tries, whatever Retry-After says


class PushError(Exception):
    """The server refused a graph or could not be reached; the message is for the user.

    ``done`` names the graphs already replaced on the server when the push stopped."""

    def __init__(self, message: str, done: list[str] | None = None) -> None:
        super().__init__(message)
        self.done = done or []


@dataclass
class PushStats:
    graphs: int = 0
    triples: int = 0
    retries: int = 0
    done: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a PUT is tried again: ``delay`` doubles after each try."""
    retries: int = 3
    delay: float = 0.5

    def wait(self, attempt: int, retry_after: str | None = None) -> float:
        if retry_after and retry_after.strip().isdigit():
            return min(float(retry_after), MAX_WAIT)
        return min(self.delay * 2 ** attempt, MAX_WAIT)


class _Retryable(Exception):
    """One try failed in a way another try may fix; ``stale``: a kept-alive connection the
    server had closed, worth one immediate retry."""

    def __init__(self, message: str, stale: bool = False, retry_after: str | None = None) -> None:
        super().__init__(message)
        self.stale = stale
        self.retry_after = retry_after


# ---- credentials ---------------------------------------------------------------------------

def redact_url(url: str) -> str:
    """``url`` with any password in its userinfo replaced by ``***`` (the user name is kept)."""
    if "@" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.split("://", 1)[0] + "://***@" + url.rsplit("@", 1)[1]
    if "@" not in parts.netloc:
        return url
    userinfo, host = parts.netloc.rsplit("@", 1)
    user, has_password, _ = userinfo.partition(":")
    return urlunsplit(parts._replace(netloc=f"{user}{':***' if has_password else ''}@{host}"))


@dataclass(frozen=True)
class Credentials:
    """What goes in the Authorization header; ``source`` says where it came from, for hints."""
    user: str | None = None
    password: str | None = None
    token: str | None = None
    source: str = ""

    def headers(self) -> dict[str, str]:
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user is not None:
            raw = f"{self.user}:{self.password or ''}".encode()
            return {"Authorization": "Basic " + base64.b64encode(raw).decode("ascii")}
        return {}

    def secrets(self) -> list[str]:
        """Every form of a secret that could show up in a message."""
        found = [s for s in (self.password, self.token) if s]
        found += [v.split(" ", 1)[1] for v in self.headers().values()]
        return sorted(set(found), key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets():
            text = text.replace(secret, "***")
        return text

    def hint(self, status: int) -> str:
        if not self.source:
            return ("no credentials were sent: use --user USER (password in $KG_PUSH_PASSWORD "
                    "or ~/.netrc) or --token-env VAR")
        return f"{'refused' if status == 401 else 'not allowed'} with the credentials from {self.source}"


def _from_netrc(host: str, user: str | None, path: str | None) -> Credentials | None:
    """The netrc entry for ``host`` (``$NETRC`` or ~/.netrc), if it has ``user``'s password."""
    path = path or os.environ.get("NETRC") or os.path.join(os.path.expanduser("~"), ".netrc")
    if not os.path.isfile(path):
        return None
    try:
        entry = netrc.netrc(path).authenticators(host)
    except (netrc.NetrcParseError, OSError) as exc:  # never echo the file's tokens
        where = f" line {exc.lineno}" if isinstance(exc, netrc.NetrcParseError) else ""
        raise PushError(f"{path}{where}: cannot read the netrc file") from None
    if entry is None or (user is not None and entry[0] != user):
        return None
    return Credentials(entry[0], entry[2], source=path)


def _plain_http_warning(parts: SplitResult, credentials: Credentials) -> list[str]:
    """A warning when credentials would cross the network unencrypted."""
    host = parts.hostname or ""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if parts.scheme == "http" and credentials.headers() and not loopback:
        return [f"credentials from {credentials.source} are sent unencrypted over http to {host}; "
                "use https"]
    return []


def resolve_credentials(endpoint: str, user: str | None = None, password_env: str = "KG_PUSH_PASSWORD",
                        token_env: str | None = None, netrc_path: str | None = None
                        ) -> tuple[str, Credentials, list[str]]:
    """The endpoint without userinfo, the credentials to send and warnings for the user
    (a password in the URL, credentials over plain http).

    In order: a bearer token from ``$token_env``; ``user`` with the password from
    ``$password_env`` or netrc; a ``user:password@`` URL; else netrc's entry for the host.
    Secrets come from the environment or files, so they stay out of shell history."""
    url, credentials, warnings = _resolve(endpoint, user, password_env, token_env, netrc_path)
    return url, credentials, warnings + _plain_http_warning(urlsplit(url), credentials)


def _resolve(endpoint: str, user: str | None, password_env: str, token_env: str | None,
             netrc_path: str | None) -> tuple[str, Credentials, list[str]]:
    """``resolve_credentials`` but for the plain-http warning."""
    try:
        parts = urlsplit(endpoint)
        _ = parts.port  # a bad port or IPv6 address raises here, not mid-push
    except ValueError as exc:
        raise PushError(f"not a valid URL: {redact_url(endpoint)!r} ({exc})") from None
    warnings: list[str] = []
    in_url = None
    if "@" in parts.netloc:
        userinfo, host = parts.netloc.rsplit("@", 1)
        name, _, password = userinfo.partition(":")
        in_url = Credentials(unquote(name), unquote(password), source="the URL")
        endpoint = urlunsplit(parts._replace(netloc=host))
        if password:
            warnings.append("a password in the URL can be read by other users (process list, shell "
                            "history); prefer --user USER with $KG_PUSH_PASSWORD or ~/.netrc")
    if sum(x is not None for x in (in_url, user, token_env)) > 1:
        raise PushError("give credentials one way: --user, --token-env or user:password@ in the URL")
    if token_env is not None:
        token = os.environ.get(token_env, "").strip()
        if not token:
            raise PushError(f"--token-env {token_env}: the environment variable {token_env} is not set")
        return endpoint, Credentials(token=token, source=f"${token_env}"), warnings
    if in_url is not None:
        return endpoint, in_url, warnings
    host = parts.hostname or ""
    if user is not None:
        password = os.environ.get(password_env)
        if password:
            return endpoint, Credentials(user, password, source=f"--user {user} and ${password_env}"), warnings
        found = _from_netrc(host, user, netrc_path)
        if found is None:
            raise PushError(f"--user {user}: no password: set ${password_env} or add "
                            f"'machine {host} login {user} password ...' to ~/.netrc")
        return endpoint, found, warnings
    return endpoint, _from_netrc(host, None, netrc_path) or Credentials(), warnings


class GraphStoreClient:
    """PUTs graphs to one Graph Store Protocol endpoint over a kept-alive connection."""

    def __init__(self, endpoint: str, timeout: float = 60.0, credentials: Credentials | None = None,
                 policy: RetryPolicy | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        url = urlsplit(endpoint)
        self.shown = redact_url(endpoint)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise PushError(f"not an http(s) URL: {self.shown!r}")
        self.url = url
        self.timeout = timeout
        self.credentials = credentials or Credentials()
        self.policy = policy or RetryPolicy()
        self.retries = 0
        self._sleep = sleep
        self._conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            cls = http.client.HTTPSConnection if self.url.scheme == "https" else http.client.HTTPConnection
            try:
                port = self.url.port
            except ValueError as exc:
                raise PushError(f"{self.shown}: {exc}") from None
            self._conn = cls(self.url.hostname, port, timeout=self.timeout)
        return self._conn

    def target(self, graph: str | None) -> str:
        """The request path for a named graph, or the default graph when ``graph`` is None."""
        sep = "&" if self.url.query else "?"
        base = self.url.path or "/"
        if self.url.query:
            base += "?" + self.url.query
        return f"{base}{sep}default" if graph is None else f"{base}{sep}graph={quote(graph, safe='')}"

    def _try(self, graph: str | None, body: bytes) -> None:
        """One PUT; ``_Retryable`` when a later try may succeed."""
        headers = {"Content-Type": MEDIA, "Content-Length": str(len(body)), **self.credentials.headers()}
        stale = self._conn is not None  # a kept-alive connection the server may have closed
        conn = self._connection()
        try:
            conn.request("PUT", self.target(graph), body=body, headers=headers)
            response = conn.getresponse()
            detail = response.read()
        except (OSError, http.client.HTTPException) as exc:  # refused, reset, timed out, DNS
            self.close()
            reason = "timed out" if isinstance(exc, (socket.timeout, TimeoutError)) else str(exc) or type(exc).__name__
            dropped = isinstance(exc, (ConnectionError, http.client.RemoteDisconnected))
            raise _Retryable(f"{self.shown}: {self.credentials.redact(reason)}", stale and dropped) from None
        if response.status in (200, 201, 204):
            return
        text = " ".join(detail.decode("utf-8", errors="replace").split())[:300]
        message = self.credentials.redact(f"PUT {graph or 'default graph'}: HTTP {response.status} "
                                          f"{response.reason}{': ' + text if text else ''}")
        if response.status in (401, 403):
            raise PushError(f"{message} ({self.credentials.hint(response.status)})")
        if response.status in RETRY_STATUS:
            raise _Retryable(message, retry_after=response.getheader("Retry-After"))
        raise PushError(message)

    def put(self, graph: str | None, body: bytes) -> None:
        """Replace ``graph`` with ``body``, trying again with backoff on 5xx and lost connections."""
        attempt = 0
        while True:
            try:
                return self._try(graph, body)
            except _Retryable as exc:
                if exc.stale:
                    continue  # the next try opens a fresh connection; not counted
                if attempt == self.policy.retries:
                    tries = f" (after {attempt + 1} tries)" if attempt else ""
                    raise PushError(f"{exc}{tries}") from None
                self.retries += 1
                self._sleep(self.policy.wait(attempt, exc.retry_after))
                attempt += 1

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
        raise StoreError(f"{path}: cannot load: {' '.join(str(exc).split())}") from exc
    return store


def count_graphs(store: ox.Store) -> int:
    """How many graphs ``push`` sends: the named ones, and the default graph unless empty."""
    named = sum(1 for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    return named + (next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is not None)


def push(store: ox.Store, endpoint: str, default_graph: str | None = None,
         progress: Callable[[int], None] | None = None, *, client: GraphStoreClient | None = None) -> PushStats:
    """PUT every named graph of ``store``; default-graph triples go to ``default_graph``
    (a named graph IRI) when given, else to the server's default graph. An empty default
    graph is left alone on the server. On failure the ``PushError`` lists the graphs done."""
    client = client or GraphStoreClient(endpoint)
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
            try:
                client.put(name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
            except PushError as exc:
                raise PushError(str(exc), stats.done) from None
            stats.graphs += 1
            stats.triples += len(triples)
            stats.done.append(name or "default graph")
            if progress is not None:
                progress(1)
    finally:
        client.close()
        stats.retries = client.retries
    return stats
