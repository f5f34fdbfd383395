"""``kg push`` against a local Graph Store stand-in: credentials, secrets kept out of messages,
retries with backoff, timeouts, and what a push that fails midway tells the user."""
from __future__ import annotations

import base64
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from kg.commands.query import push
from kg.push import Credentials, redact_url

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"
SECRET = "s3cr3t-p@ss"
TOKEN = "tok-9f8e7d"


class FakeStore(ThreadingHTTPServer):
    """Accepts PUTs with the expected Authorization header; fails on request when told to."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.expected: str | None = None   # the Authorization header to insist on
        self.fail_first = 0                 # answer 503 to this many requests first
        self.fail_after: int | None = None  # answer 500 to every request after this many PUTs
        self.hang = 0.0                     # seconds to sit on each request before answering
        self.requests: list[tuple[str, str | None]] = []  # (graph, Authorization) of each PUT
        self.stored: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/store"


class Handler(BaseHTTPRequestHandler):
    server: FakeStore

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _answer(self, status: int, text: str = "") -> None:
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        query = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        graph = query.get("graph", ["default"])[0]
        srv = self.server
        srv.requests.append((graph, self.headers.get("Authorization")))
        if srv.hang:
            time.sleep(srv.hang)
        if srv.expected is not None and self.headers.get("Authorization") != srv.expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if srv.fail_first > 0:
            srv.fail_first -= 1
            return self._answer(503, "busy, try later")
        if srv.fail_after is not None and len(srv.stored) >= srv.fail_after:
            return self._answer(500, "disk trouble")
        srv.stored.append(graph)
        self._answer(204)


@pytest.fixture
def server() -> Iterator[FakeStore]:
    srv = FakeStore()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(push, [str(FIXTURE), *args, "--retry-delay", "0"], env=env)


def assert_no_secret(output: str) -> None:
    assert SECRET not in output and TOKEN not in output
    assert base64.b64encode(f"admin:{SECRET}".encode()).decode() not in output


def test_user_with_password_from_the_environment(server):
    server.expected = basic("admin", SECRET)
    result = run("--endpoint", server.url, "--user", "admin", env={"KG_PUSH_PASSWORD": SECRET})
    assert result.exit_code == 0, result.output
    assert len(server.stored) == 4 and all(auth == server.expected for _, auth in server.requests)
    assert_no_secret(result.output)


def test_password_from_netrc(server, tmp_path):
    server.expected = basic("admin", SECRET)
    rc = tmp_path / "netrc"
    rc.write_text(f"machine 127.0.0.1 login admin password {SECRET}\n")
    rc.chmod(0o600)
    env = {"NETRC": str(rc), "KG_PUSH_PASSWORD": ""}
    assert run("--endpoint", server.url, "--user", "admin", env=env).exit_code == 0
    server.stored.clear()
    result = run("--endpoint", server.url, env=env)  # no --user: the host's netrc entry
    assert result.exit_code == 0, result.output
    assert len(server.stored) == 4


def test_user_without_a_password_is_a_usage_error(server, tmp_path):
    result = run("--endpoint", server.url, "--user", "admin",
                 env={"KG_PUSH_PASSWORD": "", "NETRC": str(tmp_path / "none")})
    assert result.exit_code == 2 and "KG_PUSH_PASSWORD" in result.output
    assert not server.requests


def test_bearer_token_from_an_environment_variable(server):
    server.expected = f"Bearer {TOKEN}"
    result = run("--endpoint", server.url, "--token-env", "MY_TOKEN", env={"MY_TOKEN": TOKEN})
    assert result.exit_code == 0, result.output
    assert_no_secret(result.output)
    result = run("--endpoint", server.url, "--token-env", "UNSET_TOKEN_VAR")
    assert result.exit_code == 2 and "UNSET_TOKEN_VAR" in result.output


def test_userinfo_in_the_url_is_sent_and_never_printed(server):
    server.expected = basic("admin", SECRET)
    url = server.url.replace("http://", f"http://admin:{SECRET.replace('@', '%40')}@")
    result = run("--endpoint", url)
    assert result.exit_code == 0, result.output
    assert "SECRET" not in result.output and SECRET.replace("@", "%40") not in result.output
    assert_no_secret(result.output)
    assert "warning: a password in the URL" in result.output
    server.expected = basic("admin", "other")  # refused: the error names neither secret
    result = run("--endpoint", url)
    assert result.exit_code == 1 and "HTTP 401" in result.output
    assert SECRET.replace("@", "%40") not in result.output
    assert_no_secret(result.output)


def test_refused_without_credentials_says_how_to_give_them(server, tmp_path):
    server.expected = basic("admin", SECRET)
    result = run("--endpoint", server.url, env={"NETRC": str(tmp_path / "none")})
    assert result.exit_code == 1
    assert "HTTP 401" in result.output and "--user" in result.output
    assert len(server.requests) == 1  # a 401 is not retried


def test_5xx_is_retried_with_backoff(server, monkeypatch):
    server.fail_first = 2
    result = run("--endpoint", server.url, "--retries", "3")
    assert result.exit_code == 0, result.output
    assert len(server.stored) == 4 and len(server.requests) == 6
    assert "2 retried request(s)" in result.output
    server.fail_first, server.stored[:] = 5, []
    result = run("--endpoint", server.url, "--retries", "2")
    assert result.exit_code == 1 and "HTTP 503" in result.output and "after 3 tries" in result.output
    assert "no graph was changed" in result.output


def test_backoff_doubles():
    from kg.push import GraphStoreClient, PushError, RetryPolicy

    waits: list[float] = []
    client = GraphStoreClient("http://127.0.0.1:9/store", 1.0, policy=RetryPolicy(3, 0.25), sleep=waits.append)
    with pytest.raises(PushError, match="after 4 tries"):
        client.put(None, b"")  # nothing listens on port 9 (discard): connection refused
    assert waits == [0.25, 0.5, 1.0]


def test_connection_refused_is_retried_then_reported():
    result = run("--endpoint", "http://127.0.0.1:9/store", "--retries", "1")
    assert result.exit_code == 1
    assert "after 2 tries" in result.output and "Traceback" not in result.output


def test_timeout(server):
    server.hang = 1.0
    started = time.monotonic()
    result = run("--endpoint", server.url, "--timeout", "0.2", "--retries", "0")
    assert result.exit_code == 1 and "timed out" in result.output
    assert time.monotonic() - started < 5


def test_failure_midway_names_the_graphs_replaced_and_that_rerunning_is_safe(server):
    server.fail_after = 2
    result = run("--endpoint", server.url, "--retries", "1")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, result.output
    message = lines[0]
    assert "HTTP 500" in message and "2 of 4 graph(s) were already replaced" in message
    assert all(g in message for g in server.stored)
    assert "again is safe" in message
    server.fail_after = None
    assert run("--endpoint", server.url).exit_code == 0  # re-running completes the push


def test_conflicting_credentials(server):
    url = server.url.replace("http://", "http://a:b@")
    result = run("--endpoint", url, "--user", "admin", env={"KG_PUSH_PASSWORD": "x"})
    assert result.exit_code == 2 and "one way" in result.output and ":b@" not in result.output


def test_redaction_helpers():
    assert redact_url("http://u:p%40ss@h:1/x") == "http://u:***@h:1/x"
    assert redact_url("http://u@h/x") == "http://u@h/x"
    assert redact_url("http://h/x") == "http://h/x"
    creds = Credentials("u", "pw")
    assert creds.redact(f"got pw and {creds.headers()['Authorization']}") == "got *** and Basic ***"


def test_credentials_over_plain_http_to_another_host_draw_a_warning(monkeypatch):
    from kg.push import resolve_credentials

    monkeypatch.setenv("MY_TOKEN", TOKEN)
    url, creds, warnings = resolve_credentials("http://db.example.org/ds/data", token_env="MY_TOKEN")
    assert creds.token == TOKEN and any("unencrypted" in w for w in warnings)
    assert not any(TOKEN in w for w in warnings)
    for quiet in ("https://db.example.org/ds/data", "http://127.0.0.1:7878/store", "http://localhost/x"):
        assert resolve_credentials(quiet, token_env="MY_TOKEN")[2] == []
