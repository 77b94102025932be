"""How often one browser or one address may try something (joins, unknown codes), per minute."""

import time
from collections import deque


class RateLimit:
    """At most ``count`` events per ``window`` seconds per key (a sliding window, kept in memory)."""

    def __init__(self, count: int, window: float = 60.0, clock=time.monotonic):
        self.count, self.window, self.clock = count, window, clock
        self._events = {}

    def allow(self, key: str) -> bool:
        """Record one event for ``key``; False (and nothing recorded) once its limit is reached."""
        now = self.clock()
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) >= self.count:
            return False
        events.append(now)
        if len(self._events) > 10_000:
            self._forget_idle(now)
        return True

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, e in self._events.items() if not e or e[-1] <= now - self.window]:
            del self._events[key]
