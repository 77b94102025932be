"""How often one browser or one address may try something (joins, unknown codes), per minute; and who that is.

Every key is one the server owns: the address the connection came from (or the last address a
proxy the server trusts put in ``X-Forwarded-For``; never ``X-Real-Ip``, which a client can send
through a proxy), or a browser id the server issued and signed.
"""

import hashlib
import hmac
import ipaddress
import secrets
import threading
import time
from collections import deque
from functools import lru_cache


class RateLimit:
    """At most ``count`` events per ``window`` seconds per key (a sliding window, kept in memory)."""

    def __init__(self, count: int, window: float = 60.0, clock=time.monotonic):
        self.count, self.window, self.clock = count, window, clock
        self._events = {}
        self._lock = threading.Lock()  # pages run in worker threads

    def allow(self, key: str) -> bool:
        """Record one event for ``key``; False (and nothing recorded) once its limit is reached."""
        with self._lock:
            now = self.clock()
            events = self._recent(key, now)
            if len(events) >= self.count:
                return False
            events.append(now)
            if len(self._events) > 10_000:
                self._forget_idle(now)
            return True

    def spent(self, key: str) -> bool:
        """Whether ``key`` has used up its events for now (nothing recorded)."""
        with self._lock:
            return len(self._recent(key, self.clock())) >= self.count

    def _recent(self, key: str, now: float) -> deque:
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        return events

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, e in self._events.items() if not e or e[-1] <= now - self.window]:
            del self._events[key]


@lru_cache(maxsize=8)
def _networks(trusted: tuple) -> tuple:
    """The trusted proxies' networks, parsed once (every request asks)."""
    return tuple(ipaddress.ip_network(n, strict=False) for n in trusted)


def client_address(peer: str, forwarded: list[str], trusted: list[str]) -> str:
    """The address a request came from: ``peer`` (the connection's), unless it is a proxy in ``trusted``
    (networks as "127.0.0.1/32"); then the last ``X-Forwarded-For`` entry that is not itself a trusted proxy."""
    networks = _networks(tuple(trusted))

    def is_trusted(address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in networks)

    if not is_trusted(peer):
        return peer
    hops = [hop.strip() for value in forwarded for hop in value.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer  # a hop a trusted proxy would not write: the proxy's own address
    return peer


class BrowserIds:
    """Random ids the server issues and signs (HMAC): a client can keep one, but never choose one."""

    def __init__(self, secret: bytes | None = None):
        self._secret = secret or secrets.token_bytes(32)

    def issue(self) -> str:
        value = secrets.token_urlsafe(12)
        return f"{value}.{self._sign(value)}"

    def verified(self, cookie: str) -> str:
        """The id in ``cookie`` if the server signed it, else ''."""
        value, _, signature = (cookie or "").partition(".")
        return value if value and hmac.compare_digest(signature, self._sign(value)) else ""

    def _sign(self, value: str) -> str:
        return hmac.new(self._secret, value.encode(), hashlib.sha256).hexdigest()[:32]
