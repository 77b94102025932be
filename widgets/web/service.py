"""What the participant pages share in one server process: the store, a thread pool, limits, live updates.

Settings are traitlets, so ``jupyter_server_config`` (Binder, JupyterHub) or the standalone
launcher can change them (``c.KitWeb.joins_per_address = 600``).
"""

import asyncio
import datetime
import gc
import hashlib
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path

import jinja2
from tornado.ioloop import IOLoop, PeriodicCallback
from traitlets import Bool, Int, List, Unicode
from traitlets.config import LoggingConfigurable

from .. import render
from ..activities import ACTIVITIES, template_folders
from ..i18n import languages, t
from ..settings import retention_days
from ..store import StoreUnavailable, open_store
from . import logs
from .connections import open_files_limit
from .forms import radio_choices
from .limits import BrowserIds, RateLimit
from .live import LiveHub, StreamSlots
from .shared_pages import SharedPages

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

log = logging.getLogger(__name__)

# The standalone server's youngest generation (Python's default: 700). A room joining at once keeps thousands
# of objects alive per request in flight, so at 700 the collector ran some 350 times in a 1,000-phone burst,
# each time going through all of them; at 10,000 about 20 times (0.2-0.34 s of CPU -> 0.11-0.14 s, and
# 2.4-2.6 -> 2.0-2.2 ms of server CPU per phone, benchmarks/RESULTS.md 2026-12-07, third pass).
YOUNG_OBJECTS = 10_000


def static_folders() -> dict:
    """The phones' files by address in ``<base>kit/static/``: the kit's at '', each activity's at ``<key>/``."""
    return {"": STATIC} | {f"{a.key}/": a.static for a in ACTIVITIES if a.static.is_dir()}


class KitWeb(LoggingConfigurable):
    store_url = Unicode("", help="Database URL; empty: KIT_STORE_URL, else SQLite in the data folder.").tag(config=True)
    max_body_bytes = Int(32 * 1024, help="Largest request body a participant page accepts.").tag(config=True)
    joins_per_browser = Int(10, help="Joins per minute from one browser.").tag(config=True)
    joins_per_address = Int(
        600, help="Joins per minute from one network address (a room behind one router shares one)."
    ).tag(config=True)
    unknown_codes_per_address = Int(30, help="Unknown join codes per minute from one address.").tag(config=True)
    store_threads = Int(4, help="Threads that run store calls off the event loop.").tag(config=True)
    trusted_proxies = List(
        Unicode(),
        ["127.0.0.1/32", "::1/128"],
        help="Networks of the proxies in front of the kit whose X-Forwarded-For names the client "
        "(JupyterHub's proxy on this machine by default; add a cluster's proxy network). X-Real-Ip is never read.",
    ).tag(config=True)

    idle_timeout = Int(
        30,
        help="Seconds a connection may take to send a request's headers, and may stay idle between requests "
        "(the standalone server's; under JupyterHub or Binder the Jupyter server's own apply).",
    ).tag(config=True)
    body_timeout = Int(
        30, help="Seconds a request's body may take (participant pages; in the standalone server every page)."
    ).tag(config=True)
    connections_per_address = Int(
        2000,
        help="Open connections one network address may hold at the standalone server (an IPv6 client by its /64; "
        "a room behind one router shares one): one more closes its longest-held idle connection first. Never "
        "more than half the open-files limit; a trusted proxy is not capped (under JupyterHub or Binder every "
        "connection comes through the proxy, so there is no such cap). 0: that bound only.",
    ).tag(config=True)
    streams_per_participant = Int(
        3, help="Live-update streams one participant (one cookie) may hold open: a few tabs; 0: no cap."
    ).tag(config=True)
    streams_per_address = Int(
        1000, help="Live-update streams from one network address (a room behind one router shares one); 0: no cap."
    ).tag(config=True)
    streams_total = Int(
        5000,
        help="Live-update streams in all; never more than half the open-files limit, so pages still load "
        "(0: that bound only).",
    ).tag(config=True)
    streams_retry_after = Int(30, help="Seconds a refused live-update stream is told to wait (Retry-After).").tag(
        config=True
    )

    purge_interval = Int(
        3600,
        help="Seconds between two looks for sessions past their retention (KIT_RETENTION_DAYS after their last "
        "activity, or the facilitator's choice), which the server then deletes; also once at start. 0: never.",
    ).tag(config=True)
    log_addresses = Bool(
        False,
        help="Write network addresses, join codes and queries in the request log (kit --log-addresses); "
        "off: each request's status, method and path with its code masked.",
    ).tag(config=True)

    def __init__(self, web_settings=None, **kwargs):
        super().__init__(**kwargs)
        self.web_settings = web_settings if web_settings is not None else {}
        self.web_settings["kit_web"] = self  # the Voila pages' handler reads the limits' settings here
        logs.install(self.web_settings, self.log_addresses)
        self._purger = None
        self.executor = ThreadPoolExecutor(max_workers=self.store_threads, thread_name_prefix="kit-store")
        self.joins_browser = RateLimit(self.joins_per_browser)
        self.joins_address = RateLimit(self.joins_per_address)
        self.unknown_codes = RateLimit(self.unknown_codes_per_address)
        self.browser_ids = BrowserIds()
        self.hub = LiveHub(self.run)
        # Every stream is an open file: at most half of them, the other half for loading pages.
        files = open_files_limit() // 2
        total = min(self.streams_total, files) if self.streams_total else files
        self.streams = StreamSlots(self.streams_per_participant, self.streams_per_address, total)
        self._store = None
        self._store_lock = threading.Lock()
        self.env = render.environment(str(TEMPLATES), auto_reload=False)  # no disk look per page
        self.env.globals["radio_choices"] = radio_choices  # _forms.html's radios, in Python (forms.py)
        self.shared_pages = SharedPages()  # the join form, rendered once per session and language
        folders = static_folders()
        self.versions = {
            prefix + p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:12]
            for prefix, folder in folders.items()
            for p in folder.iterdir()
            if p.is_file()
        }
        # The activities' stylesheets, linked on every participant page after the kit's own.
        self.stylesheets = [
            prefix + p.name for prefix, folder in folders.items() if prefix for p in sorted(folder.glob("*.css"))
        ]

    def connection_cap(self) -> int:
        """``connections_per_address``, never more than half the open files (the other half for everyone else)."""
        files = open_files_limit() // 2
        return min(self.connections_per_address, files) if self.connections_per_address > 0 else files

    def warm_up(self, freeze: bool = False):
        """Compile the participant pages' templates (the kit's and the activities') and read the catalogs in the
        pool, before the first phone asks (else a room's first phones wait for it); ``freeze``: then move what the
        server holds since its start out of the garbage collector's sight (``gc.freeze``), so a full collection in a
        burst looks at the burst's objects only, and collect the youngest objects less often (``YOUNG_OBJECTS``). Only
        where the kit owns the process (the standalone server).
        Returns the pool's future."""
        return self.executor.submit(self._warm_up, freeze)

    def _warm_up(self, freeze: bool) -> None:
        for page in sorted(TEMPLATES.glob("*.html")):
            self.env.get_template(page.name)
        for folder in template_folders():  # the activities' pages (their other templates compile or are skipped)
            for page in sorted(Path(folder).glob("*.html")):
                with suppress(jinja2.TemplateError):
                    self.env.get_template(page.name)
        for lang in languages():
            t("kit.name", lang)
        if freeze:
            gc.collect()
            gc.freeze()
            gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])

    def store(self):
        """The store, opened on first use (in a worker thread): a broken data folder fails a request, not the server."""
        with self._store_lock:
            if self._store is None:
                self._store = open_store(self.store_url or None)
            return self._store

    def run(self, fn, *args):
        """``fn(*args)`` in the thread pool: one slow write never stalls the other phones."""
        return asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)

    def touch(self) -> None:
        """Tell Jupyter the server is in use (Binder's and JupyterHub's idle cullers read this)."""
        self.web_settings["kit_last_activity"] = datetime.datetime.now(datetime.UTC)

    # ---------------------------------------------------------------- retention
    def start_purging(self) -> None:
        """Delete sessions past their retention now and every ``purge_interval`` seconds (on the server's loop).

        Here, in the server that runs all the time, and not in a dashboard's kernel: a session nobody
        opens again is deleted all the same. A laptop that is off catches up when the kit starts.
        """
        if self.purge_interval <= 0 or self._purger is not None:
            return
        self._purger = PeriodicCallback(self.purge, self.purge_interval * 1000)
        self._purger.start()
        IOLoop.current().add_callback(self.purge)

    async def purge(self) -> int:
        """One look: the store deletes what has expired in a worker thread; a failing store waits for the next."""
        try:
            purged = await self.run(lambda: self.store().purge_expired(retention_days()))
        except StoreUnavailable as error:
            self.log.warning("Looking for sessions past their retention failed: %s", error)
            return 0
        if purged:  # how many, never which: a code in the log would name a session
            self.log.info("Deleted %d session(s) past their retention.", purged)
        return purged
