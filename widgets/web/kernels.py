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
  and never see the cap.
- ``MAX_MESSAGE_MB`` bounds one websocket message from a browser (a dashboard's file upload is one
  such message), so a page cannot push arbitrarily large widget state into its kernel.

A culled dashboard loses nothing: its state is in the store, and reopening the page reopens it
from the facilitator cookie ``kit_f_<CODE>``.
"""

import datetime

import tornado.web
from jupyter_core.utils import ensure_async
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Integer, default
from voila.tornado.handler import TornadoVoilaHandler

from ..i18n import language_choices, normalize_language, t
from .base import CSP
from .visit import Visit

CULL_IDLE_TIMEOUT = 15 * 60  # a page nobody is connected to: a quarter of an hour
CULL_CONNECTED_TIMEOUT = 4 * 60 * 60  # an open page: longer than a workshop afternoon
CULL_INTERVAL = 60
MAX_KERNELS = 10  # with voila.json's 3 pool kernels: 13 x 55-90 MB, about 1.2 GB at most
MAX_MESSAGE_MB = 6  # session imports up to 5 MB fit in one upload message
RETRY_AFTER = 60


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


class Capacity:
    """How many kernels serve pages, counting renders still starting theirs (counted until they finish)."""

    def __init__(self, manager):
        self.manager = manager
        self.starting = 0

    def serving(self) -> int:
        ids = set(self.manager.list_kernel_ids()) - pooled_kernel_ids(self.manager)
        return len(ids) + self.starting

    def full(self) -> bool:
        cap = getattr(self.manager, "max_kernels", 0)
        return cap > 0 and self.serving() >= cap


class CappedVoilaHandler(TornadoVoilaHandler):
    """Voila's page handler, with "De werkplaats is vol" (503) instead of one kernel too many."""

    def capacity(self) -> Capacity:
        app = self.settings["voila"]
        if getattr(app, "kit_capacity", None) is None:
            app.kit_capacity = Capacity(self.kernel_manager)
        return app.kit_capacity

    @tornado.web.authenticated
    async def get(self, path=None):
        notebook = self.notebook_path or path or ""
        if not notebook.lower().endswith(".ipynb"):
            return await super().get(path)
        capacity = self.capacity()
        if capacity.full():
            self.log.warning("Kernel cap reached (%d): refused %s", capacity.manager.max_kernels, notebook)
            return self.full_page()
        capacity.starting += 1  # no await between the check and this line: concurrent requests see it
        try:
            return await super().get(path)
        finally:
            capacity.starting -= 1

    def full_page(self) -> None:
        kit = self.settings["voila"].kit
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
        manager = self.kernel_manager
        html = visit.render(
            "kernels_full.html",
            503,
            max=manager.max_kernels,
            address=f"{self.request.protocol}://{self.request.host}{base}kit/",  # what a phone would type
            minutes=max(1, round(manager.cull_idle_timeout / 60)),
            retry=self.request.uri,
            other=other,
            other_title=t("kernels.full.title", other),
            other_summary=t("kernels.full.summary", other),
        )
        self.set_status(503)
        self.set_header("Retry-After", str(RETRY_AFTER))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Security-Policy", CSP)
        self.finish(html.body)


def capped_handlers(rules: list) -> list:
    """Voila's URL rules with its page handler replaced by ``CappedVoilaHandler``."""
    return [(rule[0], CappedVoilaHandler, *rule[2:]) if rule[1] is TornadoVoilaHandler else rule for rule in rules]
