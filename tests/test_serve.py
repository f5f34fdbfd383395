"""``kg serve``: a SPARQL 1.1 Protocol endpoint, exercised with a real client (SPARQLWrapper)."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.serve import Limits, make_server, negotiate
from kg.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"
PEOPLE = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
SELECT ?name WHERE { ?p a vnkg:Person ; rdfs:label ?name } ORDER BY ?name"""


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "kg-cache"))


def start(backend: str = "oxigraph", **limits):
    server = make_server(open_store(FIXTURE, backend), "127.0.0.1", 0, Limits(**limits))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}/sparql"


@pytest.fixture(scope="module")
def endpoint():
    server, url = start()
    yield url
    server.shutdown()
    server.server_close()


def client(url: str, query: str, fmt=JSON, method=None) -> SPARQLWrapper:
    sw = SPARQLWrapper(url)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    if method:
        sw.setMethod(method)
    return sw


def http(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode()


def names(doc: dict) -> list[str]:
    return [b["name"]["value"] for b in doc["results"]["bindings"]]


def test_select_json_get_and_post(endpoint):
    expected = ["Hoàng Mai", "Lê Văn Cường", "Nguyễn Văn An", "Phạm Quang Dũng", "Trần Thị Bình"]
    assert names(client(endpoint, PEOPLE).query().convert()) == expected
    assert names(client(endpoint, PEOPLE, method=POST).query().convert()) == expected


def test_xml_ask_and_construct(endpoint):
    xml = client(endpoint, PEOPLE, fmt=XML).query().convert()
    assert "Nguyễn Văn An" in [n.firstChild.data for n in xml.getElementsByTagName("literal")]
    ask = client(endpoint, "ASK { ?m a <https://w3id.org/vnkg/ontology#Meeting> }").query().convert()
    assert ask["boolean"] is True
    graph = client(endpoint, "CONSTRUCT { ?p ?q ?o } WHERE { ?p a <https://w3id.org/vnkg/ontology#Decision> ; ?q ?o }",
                   fmt=TURTLE).query().convert()
    assert b"290-Q" in graph


def test_updates_are_refused(endpoint):
    insert = "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        client(endpoint, insert, method=POST).query()
    status, _, body = http(endpoint, urllib.parse.urlencode({"update": insert}).encode(),
                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "read-only" in body
    status, _, _ = http(endpoint, insert.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 403
    # an update smuggled in as a query is not a query
    status, _, _ = http(endpoint + "?" + urllib.parse.urlencode({"query": "DROP ALL"}))
    assert status == 400
    status, _, _ = http(endpoint, b"x", {"Content-Type": "text/plain"})
    assert status == 415
    ask = client(endpoint, "ASK { <http://x/a> ?p ?o }").query().convert()
    assert ask["boolean"] is False
    assert len(names(client(endpoint, PEOPLE).query().convert())) == 5


def test_bad_queries_and_paths(endpoint):
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT WHERE {"}))
    assert status == 400 and "query rejected" in body
    assert http(endpoint)[0] == 400
    assert http(endpoint.replace("/sparql", "/nope"))[0] == 404
    status, _, _ = http(endpoint + "?" + urllib.parse.urlencode(
        {"query": PEOPLE, "default-graph-uri": "http://x/g"}))
    assert status == 400


def test_csv_and_tsv_by_accept_header(endpoint):
    url = endpoint + "?" + urllib.parse.urlencode({"query": PEOPLE})
    status, headers, body = http(url, headers={"Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.splitlines()[:2] == ["name", "Hoàng Mai"]
    status, _, body = http(url, headers={"Accept": "text/tab-separated-values"})
    assert body.splitlines()[1] == '"Hoàng Mai"@vi'
    assert http(url, headers={"Accept": "image/png"})[0] == 406


def test_result_size_limit():
    server, url = start(max_rows=3)
    try:
        status, headers, body = http(url + "?" + urllib.parse.urlencode(
            {"query": "SELECT * WHERE { ?s ?p ?o }"}))
        assert status == 200 and headers.get("X-Kg-Truncated") == "true"
        assert len(json.loads(body)["results"]["bindings"]) == 3
    finally:
        server.shutdown()
        server.server_close()


def test_query_timeout_answers_503_and_frees_the_slot():
    server, url = start("rdflib", timeout=0.3, max_concurrent=1)
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    try:
        started = time.monotonic()
        status, _, body = http(url + "?" + urllib.parse.urlencode({"query": heavy}))
        assert status == 503 and "longer than" in body
        assert time.monotonic() - started < 5
        # the query's worker process is killed and replaced: the single slot comes back
        deadline = time.monotonic() + 10
        while True:
            status, _, body = http(url + "?" + urllib.parse.urlencode({"query": PEOPLE}))
            if status == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 5
    finally:
        server.shutdown()
        server.server_close()


def test_negotiation_prefers_the_clients_order_and_q():
    offered = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]
    assert negotiate("", offered) == offered[0]
    assert negotiate("text/csv;q=0.9, application/sparql-results+xml", offered) == offered[1]
    assert negotiate("text/*", offered) == "text/csv"
    assert negotiate("*/*;q=0.1", offered) == offered[0]
    assert negotiate("image/png", offered) is None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_kg_serve_command_in_a_subprocess(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from kg.commands.query import serve; serve()", str(FIXTURE),
         "--port", str(port)], stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert len(names(client(url, PEOPLE).query().convert())) == 5
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert "read-only SPARQL endpoint at http://127.0.0.1" in err
