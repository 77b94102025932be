"""Keeping a page up to date with the store, without reloading it.

Every session has a revision number that each write raises. A Poller reads it
a few times a second on the kernel's own event loop (a cheap one-row query)
and calls back only when it changed.
"""

import asyncio
import logging

log = logging.getLogger(__name__)


class Poller:
    def __init__(self, read_revision, on_change, interval: float = 0.4):
        self.read_revision = read_revision
        self.on_change = on_change
        self.interval = interval
        self.last = object()
        self._task = None

    def start(self) -> "Poller":
        """Poll on the kernel's event loop; outside a kernel (plain Python, tests) do nothing."""
        from IPython import get_ipython

        if get_ipython() is None:
            return self
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return self
        if self._task is None or self._task.done():
            self._task = loop.create_task(self._run())
        return self

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def check(self) -> bool:
        """Call back if the revision moved; True if it did."""
        revision = self.read_revision()
        if revision == self.last:
            return False
        self.last = revision
        self.on_change(revision)
        return True

    async def _run(self) -> None:
        while True:
            try:
                self.check()
            except Exception:  # a failed refresh must not end live updates
                log.exception("live update failed")
            await asyncio.sleep(self.interval)
