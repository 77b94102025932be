"""When the store fails under a Voila page: the kit's own message on the page, the traceback in the server log.

Voila replaces a failing cell's output with an English "There was an error when executing
cell", and an ipywidgets callback has nowhere to print in a Voila page. So:

- ``install()`` (run when ``widgets.views`` is imported in a kernel) makes a cell that fails
  with ``StoreUnavailable`` show a Dutch or English message instead of Voila's;
- ``StoreGuard`` runs a view's callbacks: a failure shows in the view's message line
  (replacing a stale "Opgeslagen"), the form keeps what was typed, the store is unchanged
  (every store write is one transaction);
- both log the error with its traceback on the kernel's own stderr, which the kernel shares
  with the Voila server (``sys.stderr`` in a kernel goes to the browser instead).
"""

import errno
import functools
import logging
import os
import sqlite3
import sys
from html import escape

from IPython import get_ipython
from IPython.display import HTML, display

from ..i18n import t
from ..settings import default_data_dir
from ..store import StoreUnavailable
from .common import page_language

log = logging.getLogger("widgets.failures")

_SQLITE_REASONS = {8: "read_only", 13: "disk_full", 3: "read_only", 23: "read_only"}  # READONLY FULL PERM AUTH
_OS_REASONS = {
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
}


def server_log() -> logging.Logger:
    if not log.handlers:
        handler = logging.StreamHandler(sys.__stderr__ or sys.stderr)
        handler.setFormatter(logging.Formatter("[%(levelname)1.1s %(asctime)s kit kernel %(process)d] %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    return log


def store_folder(store=None):
    """The SQLite store's folder (shown in the message), or None for a database server."""
    path = getattr(getattr(store, "backend", None), "path", None)
    if path is None and store is None:
        url = os.environ.get("KIT_STORE_URL", "")
        if not url:
            return str(default_data_dir())
        path = url[len("sqlite:///") :] if url.startswith("sqlite:///") else None
    if not path or path == ":memory:":
        return None
    return os.path.dirname(os.path.abspath(path))


def _chain(error):
    seen = []
    while error is not None and error not in seen:
        seen.append(error)
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return seen


def failure_reason(error, folder=None) -> str:
    """read_only, read_only_db, disk_full, unreachable or other: what the message says happened."""
    causes = _chain(error)
    for cause in causes:  # precise codes first: SQLite's result code, PostgreSQL's SQLSTATE, errno
        if isinstance(cause, sqlite3.Error):
            code = (getattr(cause, "sqlite_errorcode", 0) or 0) & 0xFF
            if code in _SQLITE_REASONS:
                return _SQLITE_REASONS[code]
        sqlstate = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None) or ""
        if sqlstate == "53100":
            return "disk_full"
        if sqlstate == "25006":
            return "read_only_db"
        if sqlstate.startswith("08") or sqlstate in ("57P01", "57P02", "57P03"):
            return "unreachable"
        if isinstance(cause, OSError) and cause.errno in _OS_REASONS:
            return _OS_REASONS[cause.errno]
    for cause in causes:  # a database server that cannot be reached or dropped the connection
        if getattr(cause, "connection_invalidated", False) or (
            type(cause).__name__ == "OperationalError" and not isinstance(cause, sqlite3.Error)
        ):
            return "unreachable"
    text = str(error).lower()
    if "readonly" in text or "read-only" in text:
        return "read_only"
    if "disk is full" in text or "no space" in text:
        return "disk_full"
    if folder and os.path.isdir(folder):  # "unable to open", "disk I/O error": look at the folder itself
        if not os.access(folder, os.W_OK):
            return "read_only"
        try:
            if os.statvfs(folder).f_bavail == 0:
                return "disk_full"
        except OSError:
            pass
    return "other"


def failure_text(error, lang: str, context: str = "write", store=None, folder=None) -> str:
    """What happened and what to do; ``context`` is write (an action), read (a refresh) or page."""
    folder = folder or store_folder(store)
    reason = failure_reason(error, folder)
    if reason == "read_only" and not folder:
        reason = "read_only_db"
    return t(
        f"store.failure.{context}",
        lang,
        reason=t(f"store.reason.{reason}", lang, folder=folder or ""),
        advice=t(f"store.advice.{reason}", lang),
    )


def report(error, what: str) -> None:
    """The error with its traceback in the server log."""
    server_log().error("%s: %s", what, error, exc_info=(type(error), error, error.__traceback__))


class StoreGuard:
    """Runs one view's store actions so a failing store is said in its message line, not lost.

    ``guard(callback)`` wraps an ``on_click`` / ``observe`` callback; ``guard.run(fn, ...)``
    calls one action and returns False if the store failed. ``stale`` widgets (other
    "done" lines of the view) are emptied when a failure is shown.
    """

    def __init__(self, message, lang: str, store=None, stale=()):
        self.message, self.lang, self.store, self.stale = message, lang, store, tuple(stale)
        self.shown = None

    def __call__(self, callback, context: str = "write"):
        @functools.wraps(callback)
        def guarded(*args, **kwargs):
            self.run(callback, *args, context=context, **kwargs)

        return guarded

    def run(self, action, *args, context: str = "write", **kwargs) -> bool:
        try:
            action(*args, **kwargs)
        except StoreUnavailable as error:
            self.failed(error, context)
            return False
        except Exception:
            server_log().exception("a widget callback failed")
            raise
        self.recovered()
        return True

    def failed(self, error, context: str = "write", log_it: bool = True) -> None:
        if log_it:
            report(error, f"store {context} failed")
        for widget in self.stale:
            widget.value = ""
        text = failure_text(error, self.lang, context, self.store)
        self.message.show(text, "error")
        self.shown = self.message.value

    def recovered(self) -> None:
        """Take the failure message away once the store works again (only if it is still showing)."""
        if self.shown is not None and self.message.value == self.shown:
            self.message.clear()
        self.shown = None


def store_action(method):
    """Decorator for a view method that uses the store: runs it through ``self.guard``."""

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        return self.guard.run(method, self, *args, **kwargs)

    return guarded


def page_failure_html(error, lang: str) -> str:
    return (
        f'<div class="kit-message kit-message-error kit-store-failure" role="alert">'
        f"<p><b>{escape(t('store.failure.title', lang))}</b></p>"
        f"<p>{escape(failure_text(error, lang, 'page'))}</p></div>"
    )


def _show_on_page(shell, etype, value, tb, tb_offset=None):
    report(value, "page could not be built, the store failed")
    display(HTML(page_failure_html(value, page_language())))
    return []  # no traceback for Voila to replace with its own English error


def install(shell=None) -> None:
    """In a kernel: a cell failing with StoreUnavailable shows the kit's message (no-op elsewhere)."""
    if shell is None:
        shell = get_ipython()  # None outside a kernel: nothing to do
    if shell is not None and StoreUnavailable not in shell.custom_exceptions:
        shell.set_custom_exc((StoreUnavailable,), _show_on_page)
