"""Before Voila starts: refuse a store the kit cannot write; only warn about a database server that is away.

A data folder that is read-only or on a full disk would let the kit start and then fail at
every page and every answer, so the launcher stops at once and says why (in the language of
``KIT_LANG``/``LANG`` first, then in the kit's other languages, for whoever reads the server's
log). A database server that cannot be reached may simply not be up yet (a JupyterHub or
Kubernetes deployment starts both at once) and the pages recover by themselves once it is
there, so that is only a warning; a server that answers but refuses (wrong password, no such
database) will not get better by waiting, so that stops the launcher too.
"""

import errno
import os
import sqlite3
import sys
import tempfile

from .i18n import cli_language, languages, t
from .settings import default_data_dir

EXIT_CODE = 2
_PROBE_BYTES = 64 * 1024  # a zero-byte file can still be created on a full disk; this much cannot
_REFUSED_SQLSTATES = ("28000", "28P01", "3D000", "42501")  # bad user or password, no such database, no right
# psycopg has no SQLSTATE for a refused connection, only the server's FATAL line
_REFUSED_TEXTS = ("does not exist", "authentication failed", "no pg_hba.conf entry", "permission denied")


class Problem(Exception):
    def __init__(self, key: str, fatal: bool = True, **values):
        super().__init__(key)
        self.key, self.fatal, self.values = key, fatal, values

    def text(self) -> str:
        first = cli_language()  # an operator's language first, then every other the kit speaks
        return "\n".join(t(self.key, lang, **self.values) for lang in dict.fromkeys((first, *languages())))


def _folder_problem(folder: str, error: OSError) -> Problem:
    key = "preflight.disk_full" if error.errno in (errno.ENOSPC, errno.EDQUOT) else "preflight.data_read_only"
    return Problem(key, folder=folder, error=error.strerror or str(error))


def check_folder(folder: str) -> None:
    """The folder exists (or can be made) and takes a real write."""
    try:
        os.makedirs(folder, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".kit-write-test-") as probe:
            probe.write(b"\0" * _PROBE_BYTES)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as error:
        raise _folder_problem(folder, error) from error


def check_sqlite(path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    check_folder(folder)
    if not os.path.exists(path):
        return
    try:
        conn = sqlite3.connect(path, timeout=5, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")  # takes the write lock: fails on a read-only or broken file
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            conn.execute("ROLLBACK")
        finally:
            conn.close()
    except sqlite3.Error as error:
        code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
        if code in (8, 3):  # READONLY, PERM
            raise Problem("preflight.data_read_only", folder=folder, error=str(error)) from error
        if code == 13:  # FULL
            raise Problem("preflight.disk_full", folder=folder, error=str(error)) from error
        if code == 5:  # BUSY: another kit has it open; that is fine
            return
        raise Problem(
            "preflight.database_unusable", folder=folder, database=os.path.basename(path), error=str(error)
        ) from error


def check_server(url: str) -> None:
    """Connect once with a short timeout; refused is fatal, unreachable is a warning."""
    try:
        from sqlalchemy import create_engine, text  # only for a database server: SQLite needs the standard library

        args = {"connect_timeout": 3} if url.startswith("postgresql") else {}
        engine = create_engine(url, connect_args=args)
    except Exception as error:  # no driver, a malformed URL
        raise Problem("preflight.store_invalid", error=str(error)) from error
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as error:
        orig = getattr(error, "orig", None)
        sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or ""
        summary = str(orig or error).strip().splitlines()[0] if str(orig or error).strip() else type(error).__name__
        if sqlstate in _REFUSED_SQLSTATES or any(part in str(orig or error) for part in _REFUSED_TEXTS):
            raise Problem("preflight.server_refused", error=summary) from error
        raise Problem("preflight.server_unreachable", fatal=False, error=summary) from error
    finally:
        engine.dispose()


def problem(env):
    """The first reason the kit's store would not work under ``env``, or None."""
    url = env.get("KIT_STORE_URL") or ""
    try:
        if not url:
            check_sqlite(os.path.join(env.get("KIT_DATA_DIR") or str(default_data_dir()), "kit.sqlite3"))
        elif url.startswith("sqlite:///") and url != "sqlite:///":
            check_sqlite(url[len("sqlite:///") :])
        elif not url.startswith("sqlite:"):
            check_server(url)
    except Problem as found:
        return found
    return None


def check_store(env) -> None:
    """Stop the launcher (exit code 2) if the kit could store nothing; print a warning if it may later."""
    found = problem(env)
    if found is None:
        return
    print(f"\n{found.text()}\n", file=sys.stderr, flush=True)
    if found.fatal:
        sys.exit(EXIT_CODE)
