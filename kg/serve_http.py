"""A bounded HTTP/1.1 front end: idle or slow clients cost a buffer, never a thread.

``ThreadingHTTPServer`` spends a thread per connection and waits forever for its request,
so a thousand idle sockets made the endpoint unreachable. Here one selector thread holds
every open connection until a whole request (head and body) has arrived, then hands it to
a fixed pool of handler threads. A connection that has not sent a whole request within
``read_timeout`` is closed; past ``max_connections`` the longest-idle one is dropped; the
listen backlog is 1024. Handlers are ``BaseHTTPRequestHandler`` subclasses that read the
buffered request from memory (see ``BufferedHandler``).
"""
from __future__ import annotations

import io
import queue
import re
import selectors
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

BACKLOG = 1024
MAX_HEAD = 64 << 10          # request line and headers
MAX_BUFFERED = 64 << 20      # all partial requests together
_HEAD_END = re.compile(rb"\r?\n\r?\n")
_LENGTH = re.compile(rb"^content-length[ \t]*:[ \t]*(\S*)[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_CHUNKED = re.compile(rb"^transfer-encoding[ \t]*:", re.IGNORECASE | re.MULTILINE)


@dataclass(eq=False)
class _Conn:
    sock: socket.socket
    address: tuple
    deadline: float
    buf: bytearray = field(default_factory=bytearray)
    last: bool = False  # its framing is in doubt: close after this answer


class _Writer(io.BufferedIOBase):
    """``wfile`` for a handler: every write is a ``sendall`` (the socket has a timeout)."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        self._sock.sendall(data)
        return len(data)


class BufferedHandler(BaseHTTPRequestHandler):
    """Answers exactly one request that the server has already read into memory."""

    def setup(self) -> None:
        self.connection, data = self.request
        self.rfile = io.BytesIO(data)
        self.wfile = _Writer(self.connection)

    def handle(self) -> None:
        self.close_connection = True
        self.handle_one_request()

    def finish(self) -> None:
        pass


def _split(buf: bytearray, max_body: int) -> tuple[int, bool] | None:
    """How many bytes of ``buf`` make the first request and whether its end is certain;
    None if it is incomplete, (-1, False) if its head is too long. A head whose body is
    chunked, unreadable or too long is handed over alone, and its connection is closed
    after the answer (the handler answers such a POST with an error)."""
    end = _HEAD_END.search(buf, 0, MAX_HEAD + 4)
    if end is None:
        return (-1, False) if len(buf) > MAX_HEAD else None
    head = bytes(buf[: end.end()])
    lengths = _LENGTH.findall(head)
    if _CHUNKED.search(head) or len(lengths) > 1:
        return end.end(), False
    if not lengths:
        return end.end(), True
    try:
        length = int(lengths[0])
    except ValueError:
        return end.end(), False
    if not 0 <= length <= max_body:
        return end.end(), False
    total = end.end() + length
    return (total, True) if len(buf) >= total else None


class BoundedHTTPServer:
    """``serve_forever``/``shutdown``/``server_close`` like ``socketserver``, but bounded."""

    def __init__(self, address: tuple[str, int], handler: type[BufferedHandler], *,
                 threads: int = 32, read_timeout: float = 10.0, max_connections: int = 256,
                 max_body: int = 1 << 20) -> None:
        host, port = address
        family, _, _, _, sockaddr = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                                       flags=socket.AI_PASSIVE)[0]
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        try:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind(sockaddr)
            self.socket.listen(BACKLOG)
        except OSError:
            self.socket.close()
            raise
        self.socket.setblocking(False)
        self.server_address = self.socket.getsockname()
        self.handler, self.threads = handler, threads
        self.read_timeout, self.max_connections, self.max_body = read_timeout, max_connections, max_body
        self.on_close: list[Callable[[], None]] = []
        self._open: dict[socket.socket, _Conn] = {}   # waiting for a request (selector)
        self._busy = 0                                 # held by handler threads
        self._jobs: queue.Queue[tuple[_Conn, bytes] | None] = queue.Queue()
        self._back: queue.SimpleQueue[_Conn | None] = queue.SimpleQueue()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._stop = threading.Event()
        self._done = threading.Event()
        self._done.set()

    # -- the selector thread --------------------------------------------------------------

    def serve_forever(self, poll_interval: float = 0.25) -> None:
        self._done.clear()
        workers = [threading.Thread(target=self._handle_loop, name=f"kg-http-{i}", daemon=True)
                   for i in range(self.threads)]
        for worker in workers:
            worker.start()
        selector = selectors.DefaultSelector()
        selector.register(self.socket, selectors.EVENT_READ)
        selector.register(self._wake_r, selectors.EVENT_READ)
        self._selector = selector
        try:
            next_sweep = 0.0
            while not self._stop.is_set():
                for key, _ in selector.select(poll_interval):
                    if key.fileobj is self.socket:
                        self._accept()
                    elif key.fileobj is self._wake_r:
                        self._drain_wake()
                    else:
                        self._read(self._open.get(key.fileobj))  # type: ignore[arg-type]
                self._take_back()
                now = time.monotonic()
                if now >= next_sweep:
                    self._expire(now)
                    next_sweep = now + 0.2
        finally:
            for _ in workers:
                self._jobs.put(None)
            for conn in list(self._open.values()):
                self._close(conn)
            selector.close()
            self._stop.clear()
            self._done.set()

    def _accept(self) -> None:
        for _ in range(64):
            try:
                sock, address = self.socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:  # e.g. EMFILE: leave the rest in the backlog for now
                return
            sock.setblocking(False)
            if len(self._open) + self._busy >= self.max_connections:
                if not self._open:
                    sock.close()
                    continue
                self._close(min(self._open.values(), key=lambda c: c.deadline))
            conn = _Conn(sock, address, time.monotonic() + self.read_timeout)
            self._open[sock] = conn
            self._selector.register(sock, selectors.EVENT_READ)

    def _read(self, conn: _Conn | None) -> None:
        if conn is None:
            return
        try:
            data = conn.sock.recv(1 << 16)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data or self._buffered() + len(data) > MAX_BUFFERED:
            self._close(conn)
            return
        conn.buf += data
        self._dispatch(conn)

    def _dispatch(self, conn: _Conn) -> None:
        split = _split(conn.buf, self.max_body)
        if split is None:
            return
        size, certain = split
        if size < 0:
            try:
                conn.sock.send(b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
                               b"Content-Length: 0\r\nConnection: close\r\n\r\n")
            except OSError:
                pass
            self._close(conn)
            return
        self._selector.unregister(conn.sock)
        del self._open[conn.sock]
        self._busy += 1
        request = bytes(conn.buf[:size])
        del conn.buf[:size]
        conn.last = not certain
        self._jobs.put((conn, request))

    def _take_back(self) -> None:
        while True:
            try:
                conn = self._back.get_nowait()
            except queue.Empty:
                return
            self._busy -= 1
            if conn is None:
                continue
            if self._stop.is_set():
                self._close(conn)
                continue
            conn.deadline = time.monotonic() + self.read_timeout
            self._open[conn.sock] = conn
            self._selector.register(conn.sock, selectors.EVENT_READ)
            self._dispatch(conn)  # a pipelined request may be buffered already

    def _expire(self, now: float) -> None:
        for conn in [c for c in self._open.values() if c.deadline <= now]:
            if conn.buf:
                try:
                    conn.sock.send(b"HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\n"
                                   b"Connection: close\r\n\r\n")
                except OSError:
                    pass
            self._close(conn)

    def _buffered(self) -> int:
        return sum(len(c.buf) for c in self._open.values()) if len(self._open) > 64 else 0

    def _close(self, conn: _Conn) -> None:
        if self._open.pop(conn.sock, None) is not None:
            try:
                self._selector.unregister(conn.sock)
            except (KeyError, ValueError):
                pass
        conn.sock.close()

    def _drain_wake(self) -> None:
        try:
            while self._wake_r.recv(4096):
                pass
        except (BlockingIOError, InterruptedError, OSError):
            pass

    def _wake(self) -> None:
        try:
            self._wake_w.send(b"x")
        except OSError:
            pass

    # -- handler threads ------------------------------------------------------------------

    def _handle_loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            conn, request = job
            keep = False
            try:
                conn.sock.settimeout(self.read_timeout)
                handler = self.handler((conn.sock, request), conn.address, self)
                keep = not handler.close_connection and not conn.last
            except Exception:  # the handler answers its own errors; this is a lost client
                keep = False
            if keep:
                try:
                    conn.sock.setblocking(False)
                except OSError:
                    keep = False
            if not keep:
                conn.sock.close()
            self._back.put(conn if keep else None)
            self._wake()

    # -- lifecycle ------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop ``serve_forever`` (from another thread) and wait until it has returned."""
        self._stop.set()
        self._wake()
        self._done.wait()

    def server_close(self) -> None:
        self.socket.close()
        for hook in self.on_close:
            hook()
        while True:  # keep-alive connections handed back after the loop stopped
            try:
                conn = self._back.get_nowait()
            except queue.Empty:
                break
            if conn is not None:
                conn.sock.close()
        self._wake_r.close()
        self._wake_w.close()
