"""Kernel hygiene for the Voila pages: idle kernels culled, a cap on how many run, a bound on messages.

Every Voila page (dashboard, tafel, start page, a lesson) costs one ipykernel of 55-90 MB. A page
fetched without JavaScript (a link preview, a crawler, ``curl``) or a browser that crashed leaves
its kernel behind; these settings keep a laptop or a Binder pod from filling up:

- ``KitKernelManager`` is jupyter_server's kernel manager with the kit's culling policy: a kernel
  no page is connected to goes after ``cull_idle_timeout`` seconds without activity (jupyter_server's
  own culler, ``cull_connected`` off); a kernel whose page is still open goes only after
  ``cull_connected_timeout`` (a dashboard left open overnight). Voila's preheated pool kernels are
  never culled (Voila's subclass skips them), so the pool is not refilled in a loop.
- ``CappedVoilaHandler`` answers a Voila page with "De werkplaats is vol" (HTTP 503) instead of
  starting kernel number ``max_kernels + 1``. The participant pages (``/kit/...``) start no kernel
  and never see the cap. The last ``reserved_kernels`` places are for the facilitator's dashboard and
  the start page (``reserved_pages``), as PostgreSQL keeps connections for its superuser, and one
  address may hold ``kernels_per_address`` pages' kernels (the machine itself is not counted).
- A page's kernel whose page has not connected within ``connect_timeout`` seconds of being sent is
  shut down: a fetch without JavaScript (a crawler, a link preview, ``curl``, an outsider filling the
  cap) holds a kernel for a minute, not for the quarter of an hour of the idle cull.
- ``MAX_MESSAGE_MB`` bounds one websocket message from a browser (a dashboard's file upload is one
  such message), so a page cannot push arbitrarily large widget state into its kernel.

The standalone server puts ``CappedVoilaHandler`` in Voila's rules (``capped_handlers``); under a Jupyter
server the kit's extension swaps it into the rules of Voila's server extension (``cap_voila_pages``), so
Binder's and JupyterHub's Voila pages have the same cap, connect timeout and limit per address, with the
server's kernel manager set to ``KitKernelManager`` (``configure.py``).

A culled dashboard loses nothing: its state is in the store, and reopening the page reopens it
from the facilitator cookie ``kit_f_<CODE>``.
"""

import datetime
import ipaddress
import time
from collections import Counter
from dataclasses import dataclass

import tornado.web
from jupyter_core.utils import ensure_async
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.ioloop import PeriodicCallback
from traitlets import Integer, List, Unicode, default
from voila.tornado.handler import TornadoVoilaHandler

from ..i18n import language_choices, normalize_language, t
from .base import CSP
from .limits import request_key
from .logs import shown_address
from .visit import Visit

CULL_IDLE_TIMEOUT = 15 * 60  # a page nobody is connected to: a quarter of an hour
CULL_CONNECTED_TIMEOUT = 4 * 60 * 60  # an open page: longer than a workshop afternoon
CULL_INTERVAL = 60
MAX_KERNELS = 10  # with voila.json's 3 pool kernels: 13 x 55-90 MB, about 1.2 GB at most
MAX_MESSAGE_MB = 6  # session imports up to 5 MB fit in one upload message
RETRY_AFTER = 60
CONNECT_TIMEOUT = 60  # a page's script connects within seconds of the page arriving
RESERVED_KERNELS = 2
RESERVED_PAGES = ["workshops/facilitator.ipynb", "start.ipynb"]
KERNELS_PER_ADDRESS = 5


@dataclass
class PageKernel:
    """A kernel the kit's handler gave a page: who asked, when the page was sent, whether it ever connected."""

    address: str
    sent: float | None = None  # time.monotonic(); None while the page is still being rendered
    connected: bool = False


class KitKernelManager(AsyncMappingKernelManager):
    """Kernels of the Voila pages, culled when idle: unconnected ones soon, open pages only after hours."""

    cull_connected_timeout = Integer(
        CULL_CONNECTED_TIMEOUT,
        config=True,
        help="Seconds without activity after which a kernel whose page is still open is culled; 0: never.",
    )
    max_kernels = Integer(
        MAX_KERNELS,
        config=True,
        help="Most kernels serving pages at once (pool kernels waiting for a page not counted); 0: no cap.",
    )

    connect_timeout = Integer(
        CONNECT_TIMEOUT,
        config=True,
        help="Seconds a page's kernel waits for its page to connect once the page was sent; then it is shut down. "
        "0: it waits for the idle cull.",
    )
    reserved_kernels = Integer(
        RESERVED_KERNELS,
        config=True,
        help="Of max_kernels, the places only reserved_pages (the facilitator's dashboard, the start page) may take.",
    )
    reserved_pages = List(Unicode(), RESERVED_PAGES, config=True, help="Notebooks that may take the reserved places.")
    kernels_per_address = Integer(
        KERNELS_PER_ADDRESS,
        config=True,
        help="Most pages' kernels one network address may hold (the machine itself is not limited); 0: no limit.",
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._pages = {}  # kernel id -> PageKernel, for the kernels the kit's page handler started or handed out
        self._connect_watch = None

    def page_started(self, kernel_id: str, address: str) -> None:
        self._pages[kernel_id] = PageKernel(address)

    def page_sent(self, kernel_id: str) -> None:
        """The page of ``kernel_id`` has been sent: from now on it has ``connect_timeout`` seconds to connect."""
        page = self._pages.get(kernel_id)
        if page is None:
            return
        page.sent = time.monotonic()
        if self._connect_watch is None and self.connect_timeout > 0:
            every = max(1.0, self.connect_timeout / 6)
            self._connect_watch = PeriodicCallback(self.shut_unconnected, every * 1000)
            self._connect_watch.start()

    def notify_connect(self, kernel_id):
        super().notify_connect(kernel_id)
        if kernel_id in self._pages:
            self._pages[kernel_id].connected = True

    def pages_of(self, address: str) -> int:
        """How many pages' kernels ``address`` holds now."""
        alive = set(self.list_kernel_ids())
        return sum(1 for kernel_id, page in self._pages.items() if page.address == address and kernel_id in alive)

    async def shut_unconnected(self) -> None:
        """Shut down the kernels whose page was sent ``connect_timeout`` seconds ago and never connected."""
        alive = set(self.list_kernel_ids())
        for kernel_id in [k for k in self._pages if k not in alive]:
            del self._pages[kernel_id]
        now = time.monotonic()
        late = [
            kernel_id
            for kernel_id, page in self._pages.items()
            if not page.connected and page.sent is not None and now - page.sent > self.connect_timeout
        ]
        for kernel_id in late:
            self.log.warning(
                "Shutting down kernel %s: its page did not connect within %d s.", kernel_id, self.connect_timeout
            )
            self._pages.pop(kernel_id, None)
            try:
                await ensure_async(self.shutdown_kernel(kernel_id))
            except Exception:  # already gone, or failing to stop: the idle cull tries again later
                self.log.exception("Could not shut down kernel %s", kernel_id)

    @default("cull_idle_timeout")
    def _default_cull_idle_timeout(self):
        return CULL_IDLE_TIMEOUT

    @default("cull_interval")
    def _default_cull_interval(self):
        return CULL_INTERVAL

    async def cull_kernel_if_idle(self, kernel_id):
        """Unconnected kernels by jupyter_server's rule; connected ones after ``cull_connected_timeout``."""
        if self.cull_connected or not self._kernel_connections.get(kernel_id, 0):
            return await ensure_async(super().cull_kernel_if_idle(kernel_id))
        kernel = self._kernels.get(kernel_id)
        if kernel is None or self.cull_connected_timeout <= 0 or not hasattr(kernel, "last_activity"):
            return None
        idle = datetime.datetime.now(datetime.UTC) - kernel.last_activity
        busy = kernel.execution_state == "busy" and not self.cull_busy
        if idle > datetime.timedelta(seconds=self.cull_connected_timeout) and not busy:
            self.log.warning(
                "Culling kernel %s of an open page after %d s without activity.", kernel_id, int(idle.total_seconds())
            )
            await ensure_async(self.shutdown_kernel(kernel_id))
        return None


def pooled_kernel_ids(manager) -> set:
    """Kernels Voila preheated that wait in a pool for a page (they are not serving anyone yet)."""
    ids = set()
    for pool in getattr(manager, "_pools", {}).values():
        for task in pool:
            if task.done() and not task.cancelled() and task.exception() is None:
                ids.add(task.result()["kernel_id"])
    return ids


def pool_kernels_starting(manager) -> int:
    """Kernels Voila is starting to refill a pool: listed by the manager already, serving nobody."""
    return sum(1 for pool in getattr(manager, "_pools", {}).values() for task in pool if not task.done())


def is_this_machine(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


class Capacity:
    """How many kernels serve pages, counting renders that have not got theirs yet, per address."""

    def __init__(self, manager):
        self.manager = manager
        self.starting = Counter()  # address -> renders still waiting for their kernel

    def serving(self) -> int:
        ids = set(self.manager.list_kernel_ids()) - pooled_kernel_ids(self.manager)
        # A pool refilling after a page took its kernel is no page: counting it refused the next page for
        # the seconds a kernel takes to start (longer on a busy machine). At worst, for those seconds, a
        # refill not listed yet lets one page more through.
        return max(0, len(ids) - pool_kernels_starting(self.manager)) + sum(self.starting.values())

    def refusal(self, notebook: str, address: str) -> str:
        """Why ``address`` may not have a kernel for ``notebook`` now: "full", "address", or '' (it may)."""
        manager = self.manager
        cap = getattr(manager, "max_kernels", 0)
        if cap > 0:
            reserved = getattr(manager, "reserved_kernels", 0)
            if notebook in getattr(manager, "reserved_pages", ()):
                reserved = 0
            if self.serving() >= cap - reserved:
                return "full"
        per_address = getattr(manager, "kernels_per_address", 0)
        if per_address > 0 and hasattr(manager, "pages_of") and not is_this_machine(address):
            if manager.pages_of(address) + self.starting[address] >= per_address:
                return "address"
        return ""

    def done_starting(self, address: str) -> None:
        self.starting[address] -= 1
        if self.starting[address] <= 0:
            del self.starting[address]


class PageKernels:
    """The kernel manager as one page request sees it: tells ``got(kernel_id)`` which kernel the page got,
    whether Voila starts one or hands out a preheated one."""

    def __init__(self, manager, got):
        self._manager, self._got = manager, got

    def __getattr__(self, name):
        return getattr(self._manager, name)

    async def start_kernel(self, *args, **kwargs):
        kernel_id = await ensure_async(self._manager.start_kernel(*args, **kwargs))
        self._got(kernel_id)
        return kernel_id

    async def get_rendered_notebook(self, *args, **kwargs):
        found = await self._manager.get_rendered_notebook(*args, **kwargs)
        self._got(found[2])  # (render task, rendered cells, kernel id)
        return found


class CappedVoilaHandler(TornadoVoilaHandler):
    """Voila's page handler, with "De werkplaats is vol" (503) instead of one kernel too many."""

    _page_kernels = None

    @property
    def kernel_manager(self):
        return self._page_kernels or self.settings["kernel_manager"]

    @property
    def kit(self):
        """The participant pages' ``KitWeb`` in this server (its limits' settings), or None."""
        return self.settings.get("kit_web")

    def capacity(self) -> Capacity:
        """One per server, kept in the application's settings (the standalone server's and the extension's alike)."""
        if self.settings.get("kit_capacity") is None:
            self.settings["kit_capacity"] = Capacity(self.settings["kernel_manager"])
        return self.settings["kit_capacity"]

    def address_key(self) -> str:
        """Who is asking, as the participant pages count it (``limits.request_key``)."""
        return request_key(self.request, self.kit.trusted_proxies if self.kit is not None else [])

    @tornado.web.authenticated
    async def get(self, path=None):
        notebook = self.notebook_path or path or ""
        if not notebook.lower().endswith(".ipynb"):
            return await super().get(path)
        capacity, address = self.capacity(), self.address_key()
        refusal = capacity.refusal(notebook, address)
        if refusal:
            shown = shown_address(address, self.kit is not None and self.kit.log_addresses)
            self.log.warning("Kernel cap reached (%s, %s): refused %s", refusal, shown, notebook)
            return self.full_page(refusal)
        manager = self.settings["kernel_manager"]
        capacity.starting[address] += 1  # no await between the check and this line: concurrent requests see it
        got = []

        def page_got(kernel_id: str) -> None:
            got.append(kernel_id)
            capacity.done_starting(address)
            if hasattr(manager, "page_started"):
                manager.page_started(kernel_id, address)

        self._page_kernels = PageKernels(manager, page_got)
        try:
            return await super().get(path)
        finally:
            self._page_kernels = None
            if not got:
                capacity.done_starting(address)
            elif hasattr(manager, "page_sent"):
                manager.page_sent(got[0])

    def full_page(self, reason: str = "full") -> None:
        kit = self.kit
        lang = normalize_language(self.get_argument("lang", "") or self.get_cookie("kit_lang", ""))
        base = self.base_url if self.base_url.endswith("/") else self.base_url + "/"
        visit = Visit(
            kit=kit,
            store=None,
            session=None,
            participant=None,
            lang=lang,
            kit_url=f"{base}kit/",
            path=self.request.path,
        )
        other = next((code for code, _ in language_choices(lang)), lang)
        manager = self.settings["kernel_manager"]
        if reason == "address":
            why = visit.t("kernels.address.why", n=manager.kernels_per_address)
            other_summary = t("kernels.address.summary", other)
        else:
            why = visit.t("kernels.full.why", max=manager.max_kernels)
            other_summary = t("kernels.full.summary", other)
        html = visit.render(
            "kernels_full.html",
            503,
            why=why,
            address=f"{self.request.protocol}://{self.request.host}{base}kit/",  # what a phone would type
            minutes=max(1, round(manager.cull_idle_timeout / 60)),
            retry=self.request.uri,
            other=other,
            other_title=t("kernels.full.title", other),
            other_summary=other_summary,
        )
        self.set_status(503)
        self.set_header("Retry-After", str(RETRY_AFTER))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Security-Policy", CSP)
        self.finish(html.body)


def cap_voila_pages(web_app) -> int:
    """Under a Jupyter server (Binder, JupyterHub): ``CappedVoilaHandler`` in place of the page handler of
    Voila's server extension, which added its rules before the kit's (extensions load in name order).
    How many rules it replaced (0: Voila's extension is not loaded, or after the kit's)."""
    replaced, routers = 0, [web_app.default_router, web_app.wildcard_router]
    while routers:
        for rule in getattr(routers.pop(), "rules", []):
            if rule.target is TornadoVoilaHandler:
                rule.target = CappedVoilaHandler
                replaced += 1
            elif hasattr(rule.target, "rules"):
                routers.append(rule.target)
    return replaced


def capped_handlers(rules: list) -> list:
    """Voila's URL rules with its page handler replaced by ``CappedVoilaHandler``."""
    return [(rule[0], CappedVoilaHandler, *rule[2:]) if rule[1] is TornadoVoilaHandler else rule for rule in rules]
