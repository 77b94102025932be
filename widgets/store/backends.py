"""Two ways to reach a database, one interface: ``transaction()`` and ``query()``.

Both take SQL with ``:name`` parameters. SQLite goes through the standard
library (participant kernels stay free of SQLAlchemy, ~12 MB each); other
databases through SQLAlchemy, imported only then.
"""

import sqlite3
import threading
from contextlib import contextmanager


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


class SQLiteBackend:
    dialect = "sqlite"

    def __init__(self, path: str):
        self.path = path
        self._lock = threading.RLock()
        with _unavailable_on(sqlite3.Error):
            self._conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA busy_timeout = 30000")
            mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and path != ":memory:":
                raise StoreUnavailable(f"SQLite refused WAL mode for {path}")
            # FULL: a transaction reported as committed survives a crash of this process or the machine.
            self._conn.execute("PRAGMA synchronous = FULL")

    @contextmanager
    def transaction(self):
        with self._lock, _unavailable_on(sqlite3.Error, OSError):
            # IMMEDIATE takes the write lock up front, so concurrent writers queue
            # (busy_timeout) instead of failing when they upgrade a read lock.
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield _SQLiteTx(self._conn)
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    def query(self, sql: str, params=None) -> list:
        with self._lock, _unavailable_on(sqlite3.Error, OSError):
            return [dict(row) for row in self._conn.execute(sql, params or {})]

    def close(self) -> None:
        self._conn.close()


class _SQLiteTx:
    def __init__(self, conn):
        self._conn = conn

    def execute(self, sql: str, params=None) -> int:
        return self._conn.execute(sql, params or {}).rowcount

    def query(self, sql: str, params=None) -> list:
        return [dict(row) for row in self._conn.execute(sql, params or {})]


class SQLAlchemyBackend:
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
        return SQLiteBackend(url[len("sqlite:///"):] or ":memory:")
    if url == "sqlite://":
        return SQLiteBackend(":memory:")
    return SQLAlchemyBackend(url)
