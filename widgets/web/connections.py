"""Connections: enough open files, no idle connection kept for an hour, no log flood when files run out.

A connection is an open file. A laptop starts a program with 1,024 of them (macOS: 256), and an
outsider who opens that many connections and sends nothing would leave no room for a phone.

- ``raise_open_files_limit`` lifts the soft limit to the hard one (capped at ``MAX_OPEN_FILES``), as
  far as the system allows; the standalone server and the server extension both call it at start.
- ``serve_guarded`` makes every ``HTTPServer`` the process creates a ``GuardedHTTPServer``, with the
  kit's timeouts where the kit owns the server (the standalone launcher). Tornado's ``HTTPServer`` is
  a ``Configurable``: ``Application.listen`` and jupyter_server both create it through that hook.
- ``GuardedHTTPServer`` listens with a queue for a whole room (``LISTEN_QUEUE``): phones that arrive at once
  wait for the server, not for their connection to be tried again a second later. It stops accepting for
  ``PAUSE`` seconds when the process has no file left (EMFILE and its kin) and says so once per
  ``LOG_EVERY`` seconds. Tornado's own accept handler lets the error escape into the event loop, which
  logs a traceback and tries again at once while the socket stays readable: a tight loop that wrote
  1.3 GB of log in 70 s.
- Where the kit owns the server, one address (``limits.address_key``: an IPv6 client by its /64) holds
  at most ``per_address`` connections (``ConnectionsPerAddress``). One more from it first closes the
  longest-held of its connections that is between requests (an idle socket, a keep-alive, headers not
  finished); only if every one is busy (a page on its way, a live stream) is the new one closed. So an
  outsider's idle sockets cannot pile up below the open-files limit, and a room behind one router keeps
  its live streams. A trusted proxy's connections carry everyone and are not capped.
"""

import errno
import logging
import socket
import time
from collections.abc import Callable, Iterable

from tornado import httputil
from tornado.http1connection import HTTP1ServerConnection
from tornado.httpserver import HTTPServer, _HTTPRequestContext
from tornado.ioloop import IOLoop

from .limits import address_key, is_trusted_proxy

try:
    import resource
except ImportError:  # Windows: no such limit to raise
    resource = None

MAX_OPEN_FILES = 65_536  # plenty for thousands of phones; more only slows programs that close every file
MACOS_OPEN_MAX = 10_240  # macOS refuses a soft limit above kern.maxfilesperproc (often this number)
PAUSE = 0.5  # seconds without accepting once files ran out: held connections time out meanwhile
LOG_EVERY = 60.0
BACKLOG = 128  # connections accepted in one go (Tornado's own default), so one listener cannot starve the rest
# Connections the kernel holds for the server until it accepts them. Tornado listens with 128: a room whose phones
# all tap the link at once overflowed it while the server was busy with the first ones, and each phone over it
# waited a second or three for its connection to be tried again. The kernel caps it (net.core.somaxconn).
LISTEN_QUEUE = 4096
OUT_OF_FILES = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}

log = logging.getLogger(__name__)


def open_files_limit() -> int:
    """The soft limit on open files now (a large number where there is none to read)."""
    if resource is None:
        return MAX_OPEN_FILES
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return MAX_OPEN_FILES if soft == resource.RLIM_INFINITY else soft


def raise_open_files_limit(logger=None) -> tuple[int, int]:
    """Lift the soft open-files limit towards the hard one; ``(before, after)``. Never lowers it."""
    if resource is None:
        return MAX_OPEN_FILES, MAX_OPEN_FILES
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = MAX_OPEN_FILES if hard == resource.RLIM_INFINITY else min(hard, MAX_OPEN_FILES)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        for target in (wanted, min(wanted, MACOS_OPEN_MAX)):
            try:
                resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
                break
            except (ValueError, OSError):
                continue
    after = open_files_limit()
    if after != soft:
        (logger or log).info("Open files: limit raised from %d to %d.", soft, after)
    return soft, after


class FilesRanOut:
    """What the server says when it has no file left: once per ``every`` seconds, with how often it paused."""

    def __init__(self, logger=None, every: float = LOG_EVERY, clock=time.monotonic):
        self.logger, self.every, self.clock = logger or log, every, clock
        self.paused = 0
        self._said = None

    def report(self, error: OSError, pause: float) -> None:
        self.paused += 1
        now = self.clock()
        if self._said is None or now - self._said >= self.every:
            self.logger.warning(
                "No file left for a new connection (%s): not accepting for %.1f s at a time; "
                "%d pause(s) since the last message. Raise the open-files limit (ulimit -n) if this is a real crowd.",
                error.strerror or error,
                pause,
                self.paused,
            )
            self._said, self.paused = now, 0


def add_guarded_accept_handler(
    sock: socket.socket, callback: Callable, files: FilesRanOut, pause: float = PAUSE
) -> Callable[[], None]:
    """Tornado's ``netutil.add_accept_handler``, but out of files it stops listening for ``pause`` seconds."""
    io_loop = IOLoop.current()
    state = {"removed": False, "paused": False}

    def resume() -> None:
        state["paused"] = False
        if not state["removed"]:
            io_loop.add_handler(sock, accept, IOLoop.READ)

    def accept(fd, events) -> None:
        for _ in range(BACKLOG):
            if state["removed"]:
                return
            try:
                connection, address = sock.accept()
            except BlockingIOError:
                return
            except ConnectionAbortedError:
                continue
            except OSError as error:
                if error.errno not in OUT_OF_FILES:
                    raise
                files.report(error, pause)
                io_loop.remove_handler(sock)
                state["paused"] = True
                io_loop.call_later(pause, resume)
                return
            callback(connection, address)

    def remove() -> None:
        if not state["paused"]:
            io_loop.remove_handler(sock)
        state["removed"] = True

    io_loop.add_handler(sock, accept, IOLoop.READ)
    return remove


class ConnectionsPerAddress:
    """The open connections of each address, longest-held first, and whether each is between requests."""

    def __init__(self, cap: int):
        self.cap = cap
        self.by_key = {}  # address key -> {connection: idle}, in the order they were accepted
        self.key_of = {}  # connection -> address key

    def make_room(self, key: str) -> bool:
        """Room for one more connection of ``key``: True, after closing its longest-held idle one if at the cap;
        False when every one of its connections is busy."""
        held = self.by_key.get(key, {})
        if len(held) < self.cap:
            return True
        idle = next((connection for connection, waiting in held.items() if waiting), None)
        if idle is None:
            return False
        self.forget(idle)
        idle.stream.close()
        return True

    def add(self, connection, key: str) -> None:
        self.by_key.setdefault(key, {})[connection] = True
        self.key_of[connection] = key

    def mark(self, connection, idle: bool) -> None:
        key = self.key_of.get(connection)
        if key is not None:
            self.by_key[key][connection] = idle

    def forget(self, connection) -> None:
        key = self.key_of.pop(connection, None)
        if key is not None:
            del self.by_key[key][connection]
            if not self.by_key[key]:
                del self.by_key[key]


class _Busy(httputil.HTTPMessageDelegate):
    """A request's delegate that tells the connection cap when the request's headers are in (busy from then)."""

    def __init__(self, delegate, busy: Callable[[], None]):
        self.delegate, self.busy = delegate, busy

    def headers_received(self, start_line, headers):
        self.busy()
        return self.delegate.headers_received(start_line, headers)

    def data_received(self, chunk):
        return self.delegate.data_received(chunk)

    def finish(self):
        return self.delegate.finish()

    def on_connection_close(self):
        return self.delegate.on_connection_close()


class GuardedHTTPServer(HTTPServer):
    """Tornado's HTTPServer whose listening sockets pause, instead of spinning, when files run out,
    and which holds at most ``per_address`` connections of one address (0: no cap)."""

    logger = None  # set by ``serve_guarded``: the application's log
    per_address = 0
    trusted = ()  # networks whose connections are proxies carrying everyone: not capped

    def add_sockets(self, sockets: Iterable[socket.socket]) -> None:
        files = FilesRanOut(self.logger)
        for sock in sockets:
            sock.listen(LISTEN_QUEUE)  # listening already: this only makes its queue longer
            self._sockets[sock.fileno()] = sock
            self._handlers[sock.fileno()] = add_guarded_accept_handler(sock, self._handle_connection, files)

    def handle_stream(self, stream, address) -> None:
        """Tornado's, with the cap per address: room made (an idle connection closed) or the new one closed."""
        peer = address[0] if isinstance(address, tuple) and address else ""
        key = address_key(peer) if self.per_address > 0 and peer else ""
        if key and is_trusted_proxy(peer, list(self.trusted)):
            key = ""
        if key and not self._capped().make_room(key):
            stream.close()
            return
        context = _HTTPRequestContext(stream, address, self.protocol, self.trusted_downstream)
        connection = HTTP1ServerConnection(stream, self.conn_params, context)
        self._connections.add(connection)
        if key:
            self._capped().add(connection, key)
        connection.start_serving(self)

    def start_request(self, server_conn, request_conn):
        """Between requests until this one's headers are in (Tornado asks this for each request of a connection)."""
        delegate = super().start_request(server_conn, request_conn)
        if server_conn not in self._capped().key_of:
            return delegate
        self._capped().mark(server_conn, True)
        return _Busy(delegate, lambda: self._capped().mark(server_conn, False))

    def on_close(self, server_conn) -> None:
        self._capped().forget(server_conn)
        super().on_close(server_conn)

    def _capped(self) -> ConnectionsPerAddress:
        if getattr(self, "_per_address", None) is None:
            self._per_address = ConnectionsPerAddress(self.per_address)
        return self._per_address


def serve_guarded(logger=None, per_address: int = 0, trusted=(), **options) -> None:
    """Every HTTPServer created from now on is a ``GuardedHTTPServer`` with these defaults
    (``idle_connection_timeout``, ``body_timeout``, ...; the creator's own arguments win), at most
    ``per_address`` connections per address unless it is in ``trusted`` (0: no cap)."""
    GuardedHTTPServer.logger = logger
    GuardedHTTPServer.per_address, GuardedHTTPServer.trusted = per_address, tuple(trusted)
    HTTPServer.configure(GuardedHTTPServer, **options)
