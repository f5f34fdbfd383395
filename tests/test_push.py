"""``kg push``: Graph Store Protocol PUTs into a real Oxigraph server on loopback."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.commands.query import push

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"
ARTICLE = "https://w3id.org/vnkg/resource/article/"


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


pytestmark = pytest.mark.skipif(oxigraph_binary() is None,
                                reason="no `oxigraph` server binary (pip install oxigraph)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "db"),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            break
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("oxigraph server did not start")
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def counts(base: str) -> dict[str, int]:
    """Triples per graph on the server ("" is the default graph)."""
    sw = SPARQLWrapper(base + "/query")
    sw.setReturnFormat(JSON)
    sw.setQuery("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    out = {b["g"]["value"]: int(b["n"]["value"]) for b in sw.query().convert()["results"]["bindings"]}
    sw.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    out[""] = int(sw.query().convert()["results"]["bindings"][0]["n"]["value"])
    return out


def expected_counts(path: Path) -> dict[str, int]:
    ds = Dataset()
    ds.parse(path, format="trig")
    out = {str(g.identifier): len(g) for g in ds.graphs() if len(g) and str(g.identifier).startswith(ARTICLE)}
    out[""] = len(ds.default_graph)
    return out


def run_push(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(push, [str(a) for a in args])
    return result.exit_code, result.output


def test_push_one_graph_per_article_and_again_is_idempotent(server):
    code, out = run_push(FIXTURE, "--endpoint", server + "/store")
    assert code == 0, out
    expected = expected_counts(FIXTURE)
    assert len(expected) == 4  # three articles and the default graph
    assert counts(server) == expected
    code, out = run_push(FIXTURE, "--endpoint", server + "/store")
    assert code == 0 and counts(server) == expected


def test_push_replaces_a_changed_article(server, tmp_path):
    assert run_push(FIXTURE, "--endpoint", server + "/store")[0] == 0
    changed = tmp_path / "changed.trig"
    text = FIXTURE.read_text(encoding="utf-8")
    # the rebuilt article no longer reports Lê Văn Cường's post
    start = text.index("    membership:b5")
    end = text.index("prov:wasDerivedFrom article:nb-2024 .", start) + len("prov:wasDerivedFrom article:nb-2024 .")
    changed.write_text(text[:start] + text[end:], encoding="utf-8")
    assert run_push(changed, "--endpoint", server + "/store")[0] == 0
    after = counts(server)
    assert after[ARTICLE + "nb-2024"] == expected_counts(FIXTURE)[ARTICLE + "nb-2024"] - 5
    assert after == expected_counts(changed)


def test_triples_file_into_a_named_graph(server, tmp_path):
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    ttl = tmp_path / "graph.nt"
    ttl.write_text("".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o, _ in ds.quads()),
                   encoding="utf-8")
    code, out = run_push(ttl, "--endpoint", server + "/store", "--default-graph", "res:build/1")
    assert code == 0, out
    got = counts(server)
    assert got["https://w3id.org/vnkg/resource/build/1"] > 100
    assert list(got) == ["https://w3id.org/vnkg/resource/build/1", ""]


def test_unreachable_or_refusing_server_is_an_error(server):
    code, out = run_push(FIXTURE, "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert code == 1 and "Error" in out
    code, out = run_push(FIXTURE, "--endpoint", server + "/no-such-service")
    assert code == 1 and "HTTP 404" in out
    code, out = run_push(FIXTURE, "--endpoint", "ftp://example.org/store")
    assert code == 1 and "not an http(s) URL" in out
