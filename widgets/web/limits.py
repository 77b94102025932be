"""How often one browser or one address may try something (joins, unknown codes), per minute; and who that is.

Every key is one the server owns: the address the connection came from (or the last address a
proxy the server trusts put in ``X-Forwarded-For``; never ``X-Real-Ip``, which a client can send
through a proxy), or a browser id the server issued and signed. An address counts by what one client
holds (``address_key``): an IPv6 address by its /64, since a home or a phone gets a whole /64 and can
pick any address in it; an IPv4-mapped IPv6 address as the IPv4 address it is.
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


@lru_cache(maxsize=4096)
def _ip(address: str):
    """``address`` parsed (an IPv4-mapped IPv6 address as its IPv4 address, a zone id dropped), or None."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return None
    return (ip.ipv4_mapped or ip) if ip.version == 6 else ip


@lru_cache(maxsize=4096)  # a room's few addresses, asked by every request: parsed once each
def address_key(address: str) -> str:
    """What a per-address limit counts ``address`` as: an IPv6 address by its /64 (the machine's own
    ``::1`` as itself), an IPv4-mapped one as IPv4, anything else (no IP address at all) as it is."""
    ip = _ip(address)
    if ip is None:
        return address
    if ip.version == 6 and not ip.is_loopback:
        return str(ipaddress.IPv6Network((int(ip) >> 64 << 64, 64)))
    return str(ip)


def is_trusted_proxy(address: str, trusted: list[str]) -> bool:
    """Whether ``address`` lies in one of the ``trusted`` networks (as "127.0.0.1/32")."""
    ip = _ip(address)
    return ip is not None and any(ip.version == n.version and ip in n for n in _networks(tuple(trusted)))


def client_address(peer: str, forwarded: list[str], trusted: list[str]) -> str:
    """The address a request came from: ``peer`` (the connection's), unless it is a proxy in ``trusted``
    (networks as "127.0.0.1/32"); then the last ``X-Forwarded-For`` entry that is not itself a trusted proxy."""
    if not is_trusted_proxy(peer, trusted):
        return peer
    hops = [hop.strip() for value in forwarded for hop in value.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted_proxy(hop, trusted):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer  # a hop a trusted proxy would not write: the proxy's own address
    return peer


def request_key(request, trusted: list[str]) -> str:
    """The key of every per-address limit for a Tornado ``request``: ``address_key`` of ``client_address``.

    The one place the participant pages, the Voila pages' kernel cap and the live streams ask.
    """
    context = request.connection.context if request.connection else None
    peer = getattr(context, "_orig_remote_ip", None) or request.remote_ip or ""
    return address_key(client_address(peer, request.headers.get_list("X-Forwarded-For"), trusted))


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
