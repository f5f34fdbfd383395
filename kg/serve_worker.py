"""Query workers for ``kg serve``: forked processes that can be killed.

pyoxigraph evaluates in native code that no Python thread can interrupt, so a timed-out
query used to keep running and keep its slot. Now each query runs in one of a few worker
processes forked from the server (the loaded store is inherited, not reloaded); a worker
past its deadline is SIGKILLed and replaced at once. A worker's address space is capped
(RLIMIT_AS), so a query that would eat the machine's memory dies alone and its client gets
a 5xx. The worker also checks, evaluates and serialises, so the server thread only relays
bytes, spooled to a temporary file rather than held in memory.
"""
from __future__ import annotations

import ctypes
import gc
import json
import os
import queue
import re
import resource
import signal
import socket
import stat
import struct
import sys
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass, field
from typing import IO

import pyoxigraph as ox
from rdflib import URIRef

from kg import serve_guard, serve_output
from kg.store import OxigraphStore, Store, StoreError

_LENGTH = struct.Struct("!I")
_MAX_MESSAGE = 8 << 20  # a job or reply header; queries are capped at 1 MiB by the server
_PATH = re.compile(r"(?<![\w:/.])(?:/[\w.@+-]+){2,}/?")
MEMORY = "the query needs more memory than this server allows (--max-memory)"


class QueryTimeout(Exception):
    """The query ran past its deadline; its worker was killed."""


class Busy(Exception):
    """Every worker stayed busy for as long as a client may wait."""


class WorkerDied(Exception):
    """The worker vanished mid-query (out of memory in native code, or a crash)."""


@dataclass(frozen=True)
class WorkerConfig:
    max_rows: int
    max_bytes: int
    max_memory: int  # bytes a query may add to the worker's address space; 0: no cap
    allow_service: serve_guard.Hosts = frozenset()


@dataclass
class Reply:
    """What to send: ``body`` holds ``length`` bytes."""

    status: int
    media: str
    body: IO[bytes]
    length: int
    headers: dict[str, str] = field(default_factory=dict)
    retire: bool = False  # the worker asked to be replaced (after a MemoryError)


def scrub(message: str, limit: int = 240) -> str:
    """One short line without file system paths, fit for a client."""
    line = " ".join(_PATH.sub("<path>", message).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


# ---- framing: 4-byte length + JSON ------------------------------------------------------

def _recv_exact(sock: socket.socket, size: int, deadline: float | None) -> bytes:
    buf = bytearray()
    while len(buf) < size:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            sock.settimeout(left)
        chunk = sock.recv(min(size - len(buf), 1 << 16))
        if not chunk:
            raise EOFError
        buf += chunk
    return bytes(buf)


def _send_message(sock: socket.socket, message: dict) -> None:
    data = json.dumps(message).encode("utf-8")
    sock.sendall(_LENGTH.pack(len(data)) + data)


def _recv_message(sock: socket.socket, deadline: float | None = None) -> dict:
    (size,) = _LENGTH.unpack(_recv_exact(sock, _LENGTH.size, deadline))
    if size > _MAX_MESSAGE:
        raise EOFError
    return json.loads(_recv_exact(sock, size, deadline))


# ---- the worker process -----------------------------------------------------------------

def _has_graph(store: Store, iri: str) -> bool:
    try:
        if isinstance(store, OxigraphStore):
            return store.store.contains_named_graph(ox.NamedNode(iri))
        return next(iter(store.dataset.quads((None, None, None, URIRef(iri)))), None) is not None
    except ValueError:
        return False


def _error(status: int, message: str, retire: bool = False) -> tuple[dict, bytes]:
    return {"status": status, "media": "text/plain", "retire": retire}, (message + "\n").encode()


def answer(store: Store, job: dict, config: WorkerConfig) -> tuple[dict, bytes]:
    """Check, run and serialise one query: a reply header and its body. Never raises."""
    try:
        text = serve_guard.canonical(job["query"])
        serve_guard.check(text, lambda iri: _has_graph(store, iri), config.allow_service)
        result = store.query(text, limit=config.max_rows)
        media = serve_output.choose(result, job.get("accept", ""))
        if media is None:
            return _error(406, f"cannot answer in {scrub(job.get('accept', ''), 80)!r}")
        body, cut = serve_output.render(result, media, config.max_bytes)
    except serve_guard.Refused as exc:
        return _error(400, str(exc))
    except MemoryError:
        return _error(500, MEMORY, retire=True)
    except StoreError as exc:
        if isinstance(exc.__cause__, MemoryError):
            return _error(500, MEMORY, retire=True)
        return _error(400, "query rejected: " + scrub(str(exc)))
    except serve_output.TooLarge as exc:
        return _error(500, str(exc))
    except Exception as exc:  # e.g. a SERVICE answering garbage while results are read
        return _error(500, "query failed: " + scrub(str(exc) or type(exc).__name__))
    headers = {}
    if result.truncated or cut:
        headers = {"X-Kg-Truncated": "true", "X-Kg-Truncated-By": "max-bytes" if cut else "max-rows"}
    return {"status": 200, "media": media, "headers": headers}, body


def _isolate(keep: int) -> None:
    """Right after fork: drop the server's sockets and stdio, ignore Ctrl-C, die with the
    parent. Sockets are replaced by /dev/null, not closed, so stale objects stay harmless."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        # PR_SET_PDEATHSIG (Linux): killed when the forking thread ends, i.e. at the latest
        # when the server stops, even if it is killed before it can kill its workers
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    null = os.open(os.devnull, os.O_RDWR)
    try:
        fds = [int(fd) for fd in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(3, 1024))
    for fd in fds:
        try:
            if fd not in (keep, null) and (fd <= 2 or stat.S_ISSOCK(os.fstat(fd).st_mode)):
                os.dup2(null, fd)
        except OSError:
            pass
    sys.stdout = sys.stderr = open(os.devnull, "w")  # a parent thread may hold the old locks
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # FROM never loads a file or URL
    gc.freeze()  # keep the inherited heap out of the collector: fewer copied pages


def _limit_memory(extra: int) -> None:
    """Cap the address space at what the worker has now (the store) plus ``extra``."""
    if extra <= 0:
        return
    try:
        with open("/proc/self/statm") as statm:
            base = int(statm.read().split()[0]) * resource.getpagesize()
    except OSError:
        base = 0
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = base + extra if hard == resource.RLIM_INFINITY else min(base + extra, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker_main(sock: socket.socket, store: Store, config: WorkerConfig) -> None:
    try:
        _isolate(sock.fileno())
        _limit_memory(config.max_memory)
        sock.settimeout(None)
        while True:
            head, body = answer(store, _recv_message(sock), config)
            head["length"] = len(body)
            _send_message(sock, head)
            sock.sendall(body)
            if head.get("retire"):
                break
    except BaseException:  # EOF: the server is gone or closed us; anything else: give up
        pass
    finally:
        os._exit(0)


# ---- the pool, in the server ------------------------------------------------------------

class _Worker:
    def __init__(self, pid: int, sock: socket.socket) -> None:
        self.pid, self.sock = pid, sock
        self._lock = threading.Lock()
        self._dead = False

    def kill(self) -> None:
        with self._lock:
            if self._dead:
                return
            self._dead = True
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.sock.close()
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _warm_up(store: Store) -> None:
    """Build, once in the server, what every worker needs (rdflib's SPARQL grammar takes
    ~0.3 s), so that forked workers, replacements included, answer their first query fast."""
    answer(store, {"query": "ASK { ?s ?p ?o }"}, WorkerConfig(1, 1 << 20, 0))
    answer(store, {"query": "ASK FROM <urn:kg:warm-up> { SERVICE <http://localhost/> { } }"},
           WorkerConfig(1, 1 << 20, 0))


class WorkerPool:
    """``size`` workers; a query waits at most ``wait`` seconds for a free one."""

    def __init__(self, store: Store, size: int, config: WorkerConfig) -> None:
        self._store, self._config = store, config
        self._spawn_lock = threading.Lock()
        self._all: set[_Worker] = set()
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        self._closed = False
        _warm_up(store)
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        with self._spawn_lock:
            if self._closed:
                raise OSError("the worker pool is closed")
            parent, child = socket.socketpair()
            with warnings.catch_warnings():  # 3.12+ warns about fork in a threaded process
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
            if pid == 0:
                _worker_main(child, self._store, self._config)
            child.close()
            worker = _Worker(pid, parent)
            self._all.add(worker)
            return worker

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self._all.discard(worker)
        try:
            self._idle.put(self._spawn())
        except OSError:
            self._idle.put(None)  # try again on the next query

    def run(self, text: str, accept: str, timeout: float, wait: float) -> Reply:
        """Answer one query; raises QueryTimeout, Busy or WorkerDied."""
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            raise Busy("too many queries running; try again later") from None
        if worker is None:
            try:
                worker = self._spawn()
            except OSError:
                self._idle.put(None)
                raise Busy("cannot start a query worker; try again later") from None
        healthy = False
        try:
            reply = self._exchange(worker, text, accept, time.monotonic() + timeout)
            healthy = not reply.retire
            return reply
        except TimeoutError:
            raise QueryTimeout(f"query took longer than {timeout:g} s") from None
        except (EOFError, OSError, ValueError):
            raise WorkerDied("the query stopped its worker; most likely it needed more "
                             "memory than this server allows (--max-memory)") from None
        finally:
            if healthy:
                self._idle.put(worker)
            else:
                self._replace(worker)

    @staticmethod
    def _exchange(worker: _Worker, text: str, accept: str, deadline: float) -> Reply:
        worker.sock.settimeout(max(deadline - time.monotonic(), 0.001))
        _send_message(worker.sock, {"query": text, "accept": accept})
        head = _recv_message(worker.sock, deadline)
        spool = tempfile.SpooledTemporaryFile(max_size=1 << 20)
        left, relay_deadline = int(head["length"]), max(deadline, time.monotonic() + 10)
        while left:
            chunk = _recv_exact(worker.sock, min(left, 1 << 16), relay_deadline)
            spool.write(chunk)
            left -= len(chunk)
        spool.seek(0)
        return Reply(int(head["status"]), str(head["media"]), spool, int(head["length"]),
                     dict(head.get("headers") or {}), bool(head.get("retire")))

    def pids(self) -> list[int]:
        return [w.pid for w in self._all]

    def close(self) -> None:
        """Kill every worker, busy ones included."""
        with self._spawn_lock:
            self._closed = True
        for worker in list(self._all):
            worker.kill()
        self._all.clear()
