"""Connections: enough open files, no idle connection kept for an hour, no log flood when files run out.

A connection is an open file. A laptop starts a program with 1,024 of them (macOS: 256), and an
outsider who opens that many connections and sends nothing would leave no room for a phone.

- ``raise_open_files_limit`` lifts the soft limit to the hard one (capped at ``MAX_OPEN_FILES``), as
  far as the system allows; the standalone server and the server extension both call it at start.
- ``serve_guarded`` makes every ``HTTPServer`` the process creates a ``GuardedHTTPServer``, with the
  kit's timeouts where the kit owns the server (the standalone launcher). Tornado's ``HTTPServer`` is
  a ``Configurable``: ``Application.listen`` and jupyter_server both create it through that hook.
- ``GuardedHTTPServer`` stops accepting for ``PAUSE`` seconds when the process has no file left
  (EMFILE and its kin) and says so once per ``LOG_EVERY`` seconds. Tornado's own accept handler lets the
  error escape into the event loop, which logs a traceback and tries again at once while the socket
  stays readable: a tight loop that wrote 1.3 GB of log in 70 s.
"""

import errno
import logging
import socket
import time
from collections.abc import Callable, Iterable

from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop

try:
    import resource
except ImportError:  # Windows: no such limit to raise
    resource = None

MAX_OPEN_FILES = 65_536  # plenty for thousands of phones; more only slows programs that close every file
MACOS_OPEN_MAX = 10_240  # macOS refuses a soft limit above kern.maxfilesperproc (often this number)
PAUSE = 0.5  # seconds without accepting once files ran out: held connections time out meanwhile
LOG_EVERY = 60.0
BACKLOG = 128  # connections accepted in one go (Tornado's own default), so one listener cannot starve the rest
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


class GuardedHTTPServer(HTTPServer):
    """Tornado's HTTPServer whose listening sockets pause, instead of spinning, when files run out."""

    logger = None  # set by ``serve_guarded``: the application's log

    def add_sockets(self, sockets: Iterable[socket.socket]) -> None:
        files = FilesRanOut(self.logger)
        for sock in sockets:
            self._sockets[sock.fileno()] = sock
            self._handlers[sock.fileno()] = add_guarded_accept_handler(sock, self._handle_connection, files)


def serve_guarded(logger=None, **options) -> None:
    """Every HTTPServer created from now on is a ``GuardedHTTPServer`` with these defaults
    (``idle_connection_timeout``, ``body_timeout``, ...; the creator's own arguments win)."""
    GuardedHTTPServer.logger = logger
    HTTPServer.configure(GuardedHTTPServer, **options)
