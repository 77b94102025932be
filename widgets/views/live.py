"""Keeping a page up to date with the store, without reloading it.

Every session has a revision number that each write raises. A Poller reads it
a few times a second on the kernel's own event loop (a cheap one-row query)
and calls back only when it changed.
"""

import asyncio

from IPython import get_ipython

from ..store import StoreUnavailable
from .failures import report, server_log


def later(callback, delay: float = 0.0):
    """``callback`` on a later turn of the kernel's event loop, so what the page needs first is sent first; at once
    where no loop runs (plain Python, tests). A handle to ``cancel``, or None when it already ran."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        callback()
        return None
    return loop.call_later(delay, callback)


class Poller:
    """``guard`` (a failures.StoreGuard) shows a failing store in the page's message line; the
    server log gets one entry per outage, not one per poll, and the page catches up once it is back."""

    def __init__(self, read_revision, on_change, interval: float = 0.4, guard=None):
        self.read_revision = read_revision
        self.on_change = on_change
        self.interval = interval
        self.guard = guard
        self.last = object()
        self.failing = False
        self._task = None

    def start(self) -> "Poller":
        """Poll on the kernel's event loop; outside a kernel (plain Python, tests) do nothing."""
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
        self.on_change(revision)
        self.last = revision  # only now: a refresh that failed half-way is done again
        return True

    def poll(self) -> None:
        """One check as the loop does it: a store failure is reported once, then retried quietly."""
        try:
            self.check()
        except StoreUnavailable as error:
            if not self.failing:
                if self.guard is not None:
                    self.guard.failed(error, "read")
                else:
                    report(error, "live update failed, the store is unavailable")
            self.failing = True
            return
        except Exception:  # a failed refresh must not end live updates
            if not self.failing:
                server_log().exception("live update failed")
            self.failing = True
            return
        if self.failing:
            server_log().info("live updates work again")
            if self.guard is not None:
                self.guard.recovered()
        self.failing = False

    async def _run(self) -> None:
        while True:
            self.poll()
            await asyncio.sleep(self.interval)
