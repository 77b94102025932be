"""Two ways to reach a database, one interface: ``transaction()`` and ``query()``.

Both take SQL with ``:name`` parameters. SQLite goes through the standard
library (participant kernels stay free of SQLAlchemy, ~12 MB each); other
databases through SQLAlchemy, imported only then.
"""

import logging
import sqlite3
import threading
import time
from contextlib import contextmanager, suppress


class StoreUnavailable(RuntimeError):
    """The database could not be read or written (disk full, read-only folder, server gone).

    The transaction was rolled back, so nothing half is stored; pages say so in plain words.
    """


@contextmanager
def _unavailable_on(*errors):
    try:
        yield
    except errors as error:
        raise StoreUnavailable(str(error)) from error


BATCH_MOST = 64  # writes one commit holds at most


class SQLiteBackend:
    """One reading connection per thread: in WAL mode readers never wait for a writer, so a slow write
    (a full disk, a long lock) stalls only the requests that write, never the pages others read.
    Writes go through one writing connection and share its commits (``transaction``); another
    process's writer is waited for on SQLite's own lock (``BEGIN IMMEDIATE`` with a busy timeout)."""

    dialect = "sqlite"

    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._all: list = []
        self._all_lock = threading.Lock()
        self._shared = None
        self._write_conn: sqlite3.Connection | None = None
        self._write_lock = threading.Lock()  # one write at a time (SQLite has one writer), on one connection
        self._commit_lock = threading.Lock()  # one commit at a time; the writes that queue meanwhile share the next
        self._batch: _Batch | None = None  # the open transaction's writers, until it is committed
        self._queue = threading.Lock()
        self._queued = 0  # writers waiting for the connection: the next commit waits for them
        if path == ":memory:":  # one database only exists on one connection
            self._shared = self._open()
            self._shared_lock = threading.RLock()
        else:
            self._connection()  # open now: a broken data folder fails at start, with a clear error

    def _open(self):
        with _unavailable_on(sqlite3.Error):
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 30000")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and self.path != ":memory:":
                raise StoreUnavailable(f"SQLite refused WAL mode for {self.path}")
            # FULL: a transaction reported as committed survives a crash of this process or the machine.
            conn.execute("PRAGMA synchronous = FULL")
            # Deleted rows are overwritten, not only unlinked (not every SQLite build does this by default).
            conn.execute("PRAGMA secure_delete = ON")
        with self._all_lock:
            self._all.append(conn)
        return conn

    def _connection(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open()
        return conn

    @contextmanager
    def _using(self):
        if self._shared is not None:
            with self._shared_lock:
                yield self._shared
        else:
            yield self._connection()

    @contextmanager
    def transaction(self):
        """One write, stored (and on disk: ``synchronous = FULL``) when the block ends without an error.

        Writers share commits (group commit): every write runs in a savepoint of the transaction
        that is open on the one writing connection, and whoever's write is done first commits it
        for everyone whose write is in it. A burst of joins or answers costs one disk flush per few
        writes instead of one each (on a disk that flushes in 10 ms, about 90 writes a second
        otherwise). A write returns only once the commit that holds it is on disk; a write that
        fails is rolled back to its savepoint, and a commit that fails fails every write in it.
        """
        if self._shared is not None:
            with self._shared_lock, _unavailable_on(sqlite3.Error, OSError):
                conn = self._shared
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield _SQLiteTx(conn)
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            return
        with self._queue:
            self._queued += 1
        batch: _Batch | None = None
        try:
            with self._write_lock, _unavailable_on(sqlite3.Error, OSError):
                with self._queue:
                    self._queued -= 1
                conn = self._writer()
                if self._batch is None:
                    # IMMEDIATE takes SQLite's write lock up front: another process's writer waits (busy_timeout).
                    conn.execute("BEGIN IMMEDIATE")
                    self._batch = _Batch()
                batch = self._batch
                batch.size += 1
                conn.execute("SAVEPOINT kit_write")
                try:
                    yield _SQLiteTx(conn)
                except BaseException:
                    self._undo(conn)
                    raise
                try:
                    conn.execute("RELEASE kit_write")
                except sqlite3.Error as error:  # never commit a write its writer was told failed
                    self._abandon(conn, StoreUnavailable(str(error)))
                    raise
        except BaseException:
            if batch is not None:  # this write is undone; the others in its transaction are still committed
                with suppress(StoreUnavailable):
                    self._commit(batch)
            raise
        self._commit(batch)

    def _writer(self):
        """The one connection that writes (under ``_write_lock``); readers keep their own per thread."""
        if self._write_conn is None:
            self._write_conn = self._open()
        return self._write_conn

    def _undo(self, conn) -> None:
        """Roll back this write alone; if even that fails, the whole open transaction (its writers are told)."""
        try:
            conn.execute("ROLLBACK TO kit_write")
            conn.execute("RELEASE kit_write")
        except sqlite3.Error:
            self._abandon(conn, StoreUnavailable("rolled back"))

    def _abandon(self, conn, error) -> None:
        """Roll the open transaction back: every write in it fails (none of them was answered yet)."""
        batch, self._batch = self._batch, None
        if batch is not None:
            batch.error, batch.done = error, True
        with suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.execute("ROLLBACK")

    def _commit(self, batch) -> None:
        """Commit ``batch`` unless a writer in it already did (or it failed); raise if it failed.

        The writers queued for the connection meanwhile join it first (a few milliseconds at most).
        """
        with self._commit_lock:
            waited = time.monotonic()
            while not batch.done and self._queued and batch.size < BATCH_MOST and time.monotonic() - waited < 0.05:
                time.sleep(0.0002)
            with self._write_lock:
                if not batch.done:  # the open batch (a batch is done once it left ``_batch``)
                    conn = self._writer()
                    try:
                        conn.execute("COMMIT")
                        self._batch, batch.done = None, True
                    except (sqlite3.Error, OSError) as error:
                        self._abandon(conn, StoreUnavailable(str(error)))
        if batch.error is not None:
            raise StoreUnavailable(str(batch.error)) from batch.error

    def query(self, sql: str, params=None) -> list:
        if self._shared is not None:
            with self._shared_lock, _unavailable_on(sqlite3.Error, OSError):
                return _dicts(self._shared.execute(sql, params or {}))
        try:  # the per-thread connection without context managers: every page runs a few of these
            return _dicts(self._connection().execute(sql, params or {}))
        except (sqlite3.Error, OSError) as error:
            raise StoreUnavailable(str(error)) from error

    def forget(self, tables=()) -> None:
        """After a delete: copy the log into the database file and empty it, so no old page stays on disk.

        In WAL mode the earlier versions of every page (with a participant's words and token) sit
        in the ``-wal`` file until a checkpoint; TRUNCATE writes them back, already overwritten by
        ``secure_delete``, and cuts the log to nothing.
        """
        with self._using() as conn, _unavailable_on(sqlite3.Error, OSError):
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if busy:  # another connection is reading this moment: once more, after it
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self._all_lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()
        self._write_conn, self._batch = None, None


def _dicts(cursor) -> list:
    """A query's rows as ``{column: value}``; built from plain tuples (a fifth cheaper than ``sqlite3.Row``,
    and every participant page runs a few queries)."""
    rows = cursor.fetchall()
    if not rows:
        return []
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in rows]


class _Batch:
    """The writes in one open transaction: committed together, or failed together."""

    def __init__(self):
        self.done = False
        self.error = None
        self.size = 0


class _SQLiteTx:
    def __init__(self, conn):
        self._conn = conn

    def execute(self, sql: str, params=None) -> int:
        return self._conn.execute(sql, params or {}).rowcount

    def query(self, sql: str, params=None) -> list:
        return _dicts(self._conn.execute(sql, params or {}))


class SQLAlchemyBackend:
    """Any database but SQLite; its methods import SQLAlchemy, so a kit on SQLite never loads it."""

    def __init__(self, url: str):
        from sqlalchemy import create_engine, text

        self._text = text
        self.engine = create_engine(url, pool_pre_ping=True, future=True)
        self.dialect = self.engine.dialect.name

    @contextmanager
    def transaction(self):
        from sqlalchemy.exc import SQLAlchemyError

        with _unavailable_on(SQLAlchemyError, OSError), self.engine.begin() as conn:
            yield _SQLAlchemyTx(conn, self._text)

    def query(self, sql: str, params=None) -> list:
        from sqlalchemy.exc import SQLAlchemyError

        with _unavailable_on(SQLAlchemyError, OSError), self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(self._text(sql), params or {})]

    def forget(self, tables=()) -> None:
        """After a delete: VACUUM the session's tables, so the deleted rows are pruned from their pages now.

        Plain VACUUM takes no lock that stops other sessions. What it cannot reach (freed space
        not yet reused, index pages, the write-ahead log until it is recycled, backups) is
        listed in SECURITY.md for the database's administrator. A refused VACUUM (the kit's
        user does not own the tables) leaves the delete done and is only logged.
        """
        from sqlalchemy.exc import SQLAlchemyError

        if self.dialect != "postgresql":
            return
        try:
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for table in tables:
                    conn.execute(self._text(f"VACUUM {table}"))
        except SQLAlchemyError as error:
            logging.getLogger(__name__).warning("VACUUM after a delete failed: %s", error)

    def close(self) -> None:
        self.engine.dispose()


class _SQLAlchemyTx:
    def __init__(self, conn, text):
        self._conn = conn
        self._text = text

    def execute(self, sql: str, params=None) -> int:
        return self._conn.execute(self._text(sql), params or {}).rowcount

    def query(self, sql: str, params=None) -> list:
        return [dict(row._mapping) for row in self._conn.execute(self._text(sql), params or {})]


def connect(url: str):
    if url.startswith("sqlite:///"):
        return SQLiteBackend(url[len("sqlite:///") :] or ":memory:")
    if url == "sqlite://":
        return SQLiteBackend(":memory:")
    return SQLAlchemyBackend(url)
