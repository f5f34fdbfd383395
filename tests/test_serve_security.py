"""``kg serve`` under attack: each test runs a real ``kg serve`` process on loopback.

One test (or a few) per defect found by the audit: SSRF through SERVICE/FROM, foreign
Host and Origin headers, timed-out queries that kept their slot, unbounded memory and
response size, idle sockets, errors that left the client without an answer. Nothing
leaves loopback; every wait is bounded.
"""
from __future__ import annotations

import http.client
import json
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"
ARTICLE_GRAPH = "https://w3id.org/vnkg/resource/article/nb-2023"   # a named graph of FIXTURE
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
BANNER = re.compile(r"endpoint at (http://(\S+):(\d+)/sparql)")


class Served:
    """A ``kg serve`` subprocess; its stderr is collected so tests can look for tracebacks."""

    def __init__(self, *args: str, cache: Path) -> None:
        env = {**os.environ, "KG_CACHE_DIR": str(cache)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from kg.commands.query import serve; serve()",
             str(FIXTURE), "--port", "0", *args],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env)
        self.err: list[str] = []
        ready = threading.Event()

        def drain() -> None:
            for raw in self.proc.stderr:  # type: ignore[union-attr]
                line = raw.decode("utf-8", "replace")
                self.err.append(line)
                match = BANNER.search(line)
                if match:
                    self.url, host, port = match.group(1), match.group(2), int(match.group(3))
                    self.host, self.port = host.strip("[]"), port
                    ready.set()
            ready.set()

        threading.Thread(target=drain, daemon=True).start()
        if not ready.wait(60) or not hasattr(self, "url"):
            self.stop()
            raise RuntimeError("kg serve did not start: " + "".join(self.err))

    def request(self, method: str = "GET", query: str | None = None, *, body: bytes | None = None,
                headers: dict[str, str] | None = None, path: str = "/sparql",
                timeout: float = 15) -> tuple[int, dict[str, str], bytes]:
        """One exchange on a fresh connection: status, headers (lower-case names), body."""
        if query is not None:
            path += "?" + urllib.parse.urlencode({"query": query})
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            data = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, data
        finally:
            conn.close()

    def children(self) -> set[int]:
        """Process ids of the server's direct children (its query workers)."""
        found: set[int] = set()
        for task in Path(f"/proc/{self.proc.pid}/task").glob("*/children"):
            found.update(int(p) for p in task.read_text().split())
        return found

    def stop(self) -> str:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        return "".join(self.err)


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("kg-cache")


@pytest.fixture(scope="module")
def serving(cache):
    """Start servers with the given options; all are stopped (and checked) at module end."""
    started: list[Served] = []

    @contextmanager
    def start(*args: str) -> Iterator[Served]:
        server = Served(*args, cache=cache)
        started.append(server)
        try:
            yield server
        finally:
            err = server.stop()
            assert "Traceback" not in err, err

    yield start


@pytest.fixture(scope="module")
def oxigraph(serving):
    with serving() as server:
        yield server


@pytest.fixture(scope="module")
def rdflib(serving):
    with serving("--backend", "rdflib") as server:
        yield server


class Listener:
    """A loopback TCP server thread standing in for an internal service; records every hit."""

    def __init__(self, reply: bytes = b"") -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.reply = reply
        self.hits: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    self.hits.append(conn.recv(65536))
                    if self.reply:
                        conn.sendall(self.reply)
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


def count(body: bytes) -> int:
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


# ---- 1. SSRF: SERVICE and FROM ---------------------------------------------------------

def service_variants(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}/x"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ # a comment\n  SeRvIcE\n\t<{url}>  {{ ?s ?p ?o }} }}",
        f"PREFIX int: <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE int:x {{ ?s ?p ?o }} }}",
        f"BASE <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE <x> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ VALUES ?svc {{ <{url}> }} SERVICE ?svc {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        # an escape that spells an escape: a store expanding once more would see SERVICE
        f"SELECT * WHERE {{ \\u005Cu0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        # a comment ended by a lone CR: some parsers read on to the next LF
        f"SELECT * WHERE {{ # c\r SERVICE <{url}> {{ ?s ?p ?o }} }}\n}}",
        f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_service_is_refused_and_the_listener_hears_nothing(backend, request, listener):
    server = request.getfixturevalue(backend)
    for text in service_variants(listener.port):
        status, headers, body = server.request("GET", text)
        assert status == 400, (text, status, body)
        assert (b"SERVICE" in body or b"escape" in body) and len(body) < 300, body
        assert headers["content-type"].startswith("text/plain")
    status, _, _ = server.request("POST", body=service_variants(listener.port)[0].encode(),
                                  headers={"Content-Type": "application/sparql-query"})
    assert status == 400
    time.sleep(0.3)
    assert listener.hits == []
    assert server.request("GET", "ASK {}")[0] == 200


def test_from_reads_no_file_and_fetches_no_url(rdflib, listener, tmp_path):
    private = tmp_path / "private.nt"
    private.write_text('<http://x/secret> <http://x/p> "TOPSECRET" .\n', encoding="utf-8")
    file_iri = private.as_uri()
    url = f"http://127.0.0.1:{listener.port}/y"
    for text in [f"SELECT * FROM <{file_iri}> WHERE {{ ?s ?p ?o }}",
                 f"SELECT * FROM NAMED <{file_iri}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
                 f"select * from <{url}> where {{ ?s ?p ?o }}",
                 f"PREFIX f: <{private.parent.as_uri()}/> SELECT * FROM f:private.nt WHERE {{ ?s ?p ?o }}",
                 f"ASK FROM <{url}> {{ ?s ?p ?o }}",
                 f"CONSTRUCT {{ ?s ?p ?o }} FROM <{file_iri}> WHERE {{ ?s ?p ?o }}",
                 f"SELECT * FROM <{ARTICLE_GRAPH}> FROM <{file_iri}> WHERE {{ ?s ?p ?o }}"]:
        status, _, body = rdflib.request("GET", text)
        assert status == 400, (text, status, body)
        assert b"FROM" in body and b"TOPSECRET" not in body and str(tmp_path).encode() not in body
    time.sleep(0.3)
    assert listener.hits == []


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_from_a_graph_of_the_dataset_still_works(backend, request):
    server = request.getfixturevalue(backend)
    status, _, body = server.request(
        "GET", f"SELECT (COUNT(*) AS ?n) FROM <{ARTICLE_GRAPH}> WHERE {{ ?s ?p ?o }}")
    assert status == 200 and count(body) > 0
    # "from" in a comment or a string is not a FROM clause
    status, _, body = server.request(
        "GET", '# people from the graph\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o '
               'FILTER(?o != "service from") }')
    assert status == 200 and count(body) > 0


BROKEN_RESULTS = (b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":'
                  b'"http://a/"}},{"s":{"type":"bogus"')


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_allow_service_names_the_only_reachable_host_and_failures_get_an_answer(serving, backend):
    reply = (b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
             b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(BROKEN_RESULTS)) + BROKEN_RESULTS
    allowed, other = Listener(reply), Listener(reply)
    try:
        with serving("--backend", backend, "--allow-service", f"127.0.0.1:{allowed.port}") as server:
            status, _, body = server.request(
                "GET", f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{other.port}/x> {{ ?s ?p ?o }} }}")
            assert status == 400
            # the allowed service answers garbage half-way through the results: the client
            # still gets a short error, not a dropped connection or a traceback
            status, _, body = server.request(
                "GET", f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{allowed.port}/x> {{ ?s ?p ?o }} }}")
            assert 400 <= status < 600, body
            assert len(body) < 400 and b"Traceback" not in body and b".py" not in body
            assert server.request("GET", "ASK {}")[0] == 200
            time.sleep(0.3)
            assert len(allowed.hits) >= 1 and other.hits == []
    finally:
        allowed.close()
        other.close()


# ---- 2. Host and Origin checks, CORS ----------------------------------------------------

def test_foreign_host_header_is_refused(oxigraph):
    port = oxigraph.port
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.evil.example"):
        status, _, body = oxigraph.request("GET", "ASK {}", headers={"Host": host})
        assert status in (403, 421), (host, status)
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost"):
        assert oxigraph.request("GET", "ASK {}", headers={"Host": host})[0] == 200, host


def test_allow_host_option(serving):
    with serving("--allow-host", "kg.example") as server:
        assert server.request("GET", "ASK {}", headers={"Host": "kg.example"})[0] == 200
        assert server.request("GET", "ASK {}", headers={"Host": "other.example"})[0] in (403, 421)


def test_no_cors_by_default_and_cross_origin_posts_are_refused(oxigraph):
    status, headers, _ = oxigraph.request("GET", "ASK {}")
    assert status == 200 and not any(k.startswith("access-control-") for k in headers)
    form = urllib.parse.urlencode({"query": "ASK {}"}).encode()
    ctype = {"Content-Type": "application/x-www-form-urlencoded"}
    status, headers, _ = oxigraph.request("POST", body=form,
                                          headers={**ctype, "Origin": "http://evil.example"})
    assert status == 403 and not any(k.startswith("access-control-") for k in headers)
    assert oxigraph.request("POST", body=form, headers={**ctype, "Origin": "null"})[0] == 403
    assert oxigraph.request("GET", "ASK {}", headers={"Origin": "http://evil.example"})[0] == 403
    # an <img> or <script> on another site sends no Origin; Sec-Fetch-Site gives it away
    assert oxigraph.request("GET", "ASK {}", headers={
        "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"})[0] == 403
    assert oxigraph.request("GET", "ASK {}", headers={
        "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"})[0] == 200
    status, headers, _ = oxigraph.request("OPTIONS", headers={
        "Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
    assert status == 403 and "access-control-allow-origin" not in headers
    assert oxigraph.request("POST", body=form, headers=ctype)[0] == 200


def test_cors_option_allows_that_origin_only(serving):
    with serving("--cors", "http://app.example") as server:
        status, headers, _ = server.request("OPTIONS", headers={
            "Origin": "http://app.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type"})
        assert status in (200, 204)
        assert headers["access-control-allow-origin"] == "http://app.example"
        assert "POST" in headers["access-control-allow-methods"]
        status, headers, _ = server.request("GET", "ASK {}", headers={"Origin": "http://app.example"})
        assert status == 200 and headers["access-control-allow-origin"] == "http://app.example"
        status, headers, _ = server.request("GET", "ASK {}", headers={"Origin": "http://evil.example"})
        assert status == 403 and "access-control-allow-origin" not in headers


# ---- 3. a timed-out query is stopped and frees its slot ---------------------------------

def test_timed_out_queries_are_killed_and_free_their_slots(serving):
    with serving("--timeout", "1") as server:
        workers = server.children()
        statuses: list[int] = []

        def heavy() -> None:
            statuses.append(server.request("GET", HEAVY, timeout=30)[0])

        started = time.monotonic()
        threads = [threading.Thread(target=heavy) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert statuses == [503, 503] and time.monotonic() - started < 6
        started = time.monotonic()
        status, _, body = server.request("GET", "ASK {}", timeout=5)
        assert status == 200 and json.loads(body)["boolean"] is True
        assert time.monotonic() - started < 2
        # the stuck workers are gone (killed), replaced by fresh ones: no process leaks
        assert workers and not workers & server.children()
        assert len(server.children()) == len(workers)


# ---- 4. memory and response size ------------------------------------------------------

def doubling(steps: int, start: str = "xxxxxxxx") -> str:
    """BINDs that double a string ``steps`` times: 8 bytes << steps."""
    binds = [f'BIND("{start}" AS ?x0)'] + [f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})"
                                          for i in range(steps)]
    return " ".join(binds), f"?x{steps}"


def test_response_size_is_capped(serving):
    binds, var = doubling(7)  # 1 KiB per row, ~200 rows: ~200 KiB uncapped
    text = f"SELECT ?s (CONCAT(STR(?o), {var}) AS ?big) WHERE {{ ?s ?p ?o {binds} }}"
    with serving("--max-bytes", "20000") as server:
        status, headers, body = server.request("GET", text)
        assert status == 200 and len(body) <= 20000
        assert headers["x-kg-truncated"] == "true"
        rows = json.loads(body)["results"]["bindings"]
        assert 0 < len(rows) < 20
        for accept in ("text/csv", "application/sparql-results+xml", "text/tab-separated-values"):
            status, headers, body = server.request("GET", text, headers={"Accept": accept})
            assert status == 200 and len(body) <= 20000 and headers["x-kg-truncated"] == "true"
        status, headers, body = server.request(
            "GET", f"CONSTRUCT {{ ?s <http://x/big> ?big }} WHERE {{ ?s ?p ?o {binds} "
                   f"BIND(CONCAT(STR(?o), {var}) AS ?big) }}", headers={"Accept": "text/turtle"})
        assert status == 200 and len(body) <= 20000 and headers["x-kg-truncated"] == "true"
        status, headers, _ = server.request("GET", "SELECT * WHERE { ?s ?p ?o } LIMIT 3")
        assert status == 200 and "x-kg-truncated" not in headers


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_a_query_over_the_memory_cap_gets_a_5xx_and_the_server_keeps_serving(serving, backend):
    binds, var = doubling(27)  # a 1 GiB string, far past the 200 MiB cap
    with serving("--backend", backend, "--max-memory", "200M", "--timeout", "20") as server:
        started = time.monotonic()
        status, _, body = server.request("GET", f"SELECT (STRLEN({var}) AS ?n) WHERE {{ {binds} }}",
                                         timeout=30)
        assert 500 <= status < 600 and b"memory" in body and len(body) < 300, (status, body)
        assert time.monotonic() - started < 15
        assert server.request("GET", "ASK {}", timeout=5)[0] == 200


# ---- 5. idle and slow connections -----------------------------------------------------

def test_idle_sockets_neither_block_queries_nor_stay_open(serving):
    with serving("--read-timeout", "2") as server:
        idle = [socket.create_connection((server.host, server.port), timeout=5) for _ in range(200)]
        for sock in idle[:20]:  # slowloris: a request head that never ends
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost\r\nX-a: ")
        try:
            started = time.monotonic()
            status, _, _ = server.request("GET", "ASK {}", timeout=5)
            assert status == 200 and time.monotonic() - started < 2
            deadline, still_open = time.monotonic() + 6, set(idle)
            while still_open and time.monotonic() < deadline:
                readable, _, _ = select.select(list(still_open), [], [], 0.5)
                for sock in readable:
                    try:
                        sock.recv(4096)
                    except OSError:
                        pass
                    still_open.discard(sock)  # readable: EOF (or a 408) from the server
            assert not still_open, f"{len(still_open)} idle sockets still open"
        finally:
            for sock in idle:
                sock.close()


def test_more_idle_sockets_than_the_connection_cap(serving):
    with serving("--max-connections", "64") as server:
        idle = [socket.create_connection((server.host, server.port), timeout=5) for _ in range(150)]
        try:
            started = time.monotonic()
            assert server.request("GET", "ASK {}", timeout=5)[0] == 200
            assert time.monotonic() - started < 2
        finally:
            for sock in idle:
                sock.close()


def test_listen_backlog_is_at_least_128(oxigraph):
    if shutil.which("ss") is None:
        pytest.skip("needs ss (iproute2) to read the listen backlog")
    out = subprocess.run(["ss", "-ltnH", f"sport = :{oxigraph.port}"], capture_output=True,
                         text=True, timeout=10).stdout.split()
    assert out and int(out[2]) >= 128, out  # State Recv-Q Send-Q(=backlog) ...


# ---- 6. always an answer; HEAD, IPv6, Server header ------------------------------------

def test_head_server_header_and_malformed_requests(oxigraph):
    status, headers, body = oxigraph.request("HEAD", "ASK {}")
    assert status in (200, 501) and body == b""
    status, headers, _ = oxigraph.request("GET", "ASK {}")
    assert "python" not in headers.get("server", "").lower()
    with socket.create_connection((oxigraph.host, oxigraph.port), timeout=5) as sock:
        sock.sendall(b"BREW /coffee HTCPCP/1.0\r\n\r\n")
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.") and b"Python" not in answer and b"<html" not in answer.lower()


def test_many_concurrent_simple_queries(oxigraph):
    statuses: list[int] = []
    lock = threading.Lock()

    def one() -> None:
        status = oxigraph.request("GET", "ASK { ?s ?p ?o }", timeout=30)[0]
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=one) for _ in range(200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert statuses.count(200) == 200, sorted(set(statuses))


def test_ipv6_loopback(serving):
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback here")
    with serving("--host", "::1") as server:
        assert "[::1]" in server.url
        status, _, body = server.request("GET", "ASK {}")
        assert status == 200 and json.loads(body)["boolean"] is True
        assert server.request("GET", "ASK {}", headers={"Host": f"[::1]:{server.port}"})[0] == 200


def exchange(server: Served, data: bytes) -> bytes:
    """Send raw bytes, read until the server closes (at most 10 s)."""
    out = b""
    with socket.create_connection((server.host, server.port), timeout=10) as sock:
        sock.sendall(data)
        while chunk := sock.recv(65536):
            out += chunk
    return out


def test_keep_alive_pipelining_and_doubtful_framing(oxigraph):
    ask = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost\r\n"
    out = exchange(oxigraph, ask + b"\r\n" + ask + b"Connection: close\r\n\r\n")
    assert out.count(b"HTTP/1.1 200 OK") == 2
    # a body of uncertain length is not read as the next request (no smuggling)
    out = exchange(oxigraph, ask + b"Transfer-Encoding: chunked\r\n\r\n" + ask + b"\r\n")
    assert out.count(b"HTTP/1.1 ") == 1
    out = exchange(oxigraph, ask + b"Content-Length: 1\r\nContent-Length: 2\r\n\r\n" + ask + b"\r\n")
    assert out.count(b"HTTP/1.1 ") == 1
    status, _, body = oxigraph.request("GET", 'ASK { FILTER("\\uD800" = "x") }')
    assert status == 400 and b"escape" in body


def test_size_and_host_rules():
    from kg.serve import Access, parse_size

    assert parse_size("50M") == 50 << 20 and parse_size("1.5G") == 3 << 29 and parse_size("4096") == 4096
    with pytest.raises(ValueError):
        parse_size("lots")
    access = Access.build(["kg.example:8080"], ["http://app.example/"], ["127.0.0.1:9", "[::1]"])
    assert access.host_ok("kg.example", "127.0.0.1") and access.host_ok("[::1]:1", "127.0.0.1")
    assert not access.host_ok("10.0.0.1", "127.0.0.1") and access.host_ok("10.0.0.1", "0.0.0.0")
    assert not access.host_ok("evil.example", "0.0.0.0") and not access.host_ok("", "127.0.0.1")
    assert access.cors_origin("http://app.example") == "http://app.example"
    assert access.cors_origin("http://evil.example") is None
    assert access.allow_service == {("127.0.0.1", 9), ("::1", None)}
