"""One participant's phone as the page's script (participant.js) drives it, for every benchmark through a proxy.

``benchmarks/proxy.py`` (configurable-http-proxy in front of one kit) and ``benchmarks/hub.py`` (a real
JupyterHub, ``/user/<name>/kit/<CODE>``) both load the kit with this phone, so both send what a real
page sends: every hidden field of the form as the page wrote it (``_xsrf``, the idempotency key
``_once``, the palette's ``item``), ``X-Kit-Fetch: 1``, and a post nobody answered (a network error,
502, 503 or 504) sent again with the same body after 1, 2, 4, 8 and 15 s (a ``Retry-After`` wins).
A page load that fails is tried again as a person would reload. The phone may come from its own
loopback address (a room behind its router) and may throw a share of the post answers away to act
out a proxy that drops them (``lose``).
"""

import asyncio
import contextlib
import random
import re
import secrets
import time
from collections import Counter
from urllib.parse import urlsplit

import httpx

from benchmarks.run import _TLS

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
GROUP = re.compile(r'name="group" value="([^"]+)"')
RESEND = {502, 503, 504}
PAUSES = (1, 2, 4, 8, 15)  # participant.js: about half a minute in all
NETWORK = (httpx.TransportError,)  # no answer, or it broke off


def form_fields(page: str, marker: str) -> dict:
    """The hidden fields of the form whose opening tag contains ``marker``, as the page wrote them."""
    start = page.index(marker)
    start = page.rindex("<form", 0, start)
    end = page.index("</form>", start)
    return dict(HIDDEN.findall(page[start:end]))


class Tally:
    """What the phones of one run saw: resends by cause, answers thrown away, posts given up."""

    def __init__(self):
        self.resent = Counter()
        self.thrown = 0
        self.gave_up = []
        self.errors = []
        self.joins, self.posts = [], []
        self.sent = {}  # palette text -> (posted, answered), monotonic: from the first try until acknowledged


class Phone:
    """One participant's phone sending its forms as participant.js does, from ``address`` (None: any).

    Each phone is its own browser (its User-Agent too: under JupyterHub an anonymous visitor's _xsrf
    cookie is derived from address and User-Agent). ``keys=False`` leaves the idempotency key out of
    every post: a page without it, the control that shows a count can see a double.
    """

    def __init__(
        self,
        base: str,
        code: str,
        number: int,
        tally: Tally,
        address: str | None = None,
        lose: float = 0.0,
        keys: bool = True,
    ):
        self.base, self.address, self.agent = base, address, f"Mozilla/5.0 (benchmark phone {code}-{number})"
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        self.client = self._connect(httpx.Cookies())
        self.code, self.number, self.tally, self.lose, self.keys = code, number, tally, lose, keys
        self.rng = random.Random(f"{code}-{number}")
        self.page = ""
        self.joined = False
        self.sent = []  # palette texts the phone saw acknowledged
        self.listener = None

    def _url(self, url: str) -> str:
        """``url`` as a browser resolves it: an absolute path (``/user/<name>/kit/...``, the kit's redirects
        under a hub) against the host, not the base's path (httpx would join it onto the base once more)."""
        return self.origin + url if url.startswith("/") else url

    async def get(self, url: str) -> httpx.Response:
        """A page load; a proxy's 502/503/504 or a broken connection is tried again (a person would reload)."""
        for pause in (*PAUSES, None):
            try:
                reply = await self.client.get(self._url(url))
                if reply.status_code not in RESEND:
                    return reply
                self.tally.resent[f"GET {reply.status_code}"] += 1
            except NETWORK as error:
                self.tally.resent[f"GET {type(error).__name__}"] += 1
            if pause is None:
                raise RuntimeError(f"GET {url}: no page after {len(PAUSES)} tries")
            await asyncio.sleep(pause)

    async def post(self, url: str, data: dict) -> str | None:
        """The page script's post: the same body until answered; the address to go to, or None (given up)."""
        if not self.keys:
            data = {k: v for k, v in data.items() if k != "_once"}
        for pause in (*PAUSES, None):
            cookies = httpx.Cookies(self.client.cookies)
            try:
                reply = await self.client.post(self._url(url), data=data, headers={"X-Kit-Fetch": "1"})
                if reply.status_code == 204 and self.rng.random() < self.lose:
                    # the proxy lost the answer (and the cookie in it) after the kit stored the post
                    await self.client.aclose()
                    self.client = self._connect(cookies)
                    self.tally.thrown += 1
                    raise httpx.RemoteProtocolError("answer thrown away")
                if reply.status_code == 204:
                    return reply.headers["X-Kit-Location"]
                if reply.status_code not in RESEND:
                    raise RuntimeError(f"POST {url} answered {reply.status_code}")
                self.tally.resent[f"POST {reply.status_code}"] += 1
                asked = reply.headers.get("Retry-After", "")
                pause = min(30, max(1, int(asked))) if asked.isdigit() and pause is not None else pause
            except NETWORK as error:
                self.tally.resent[f"POST {type(error).__name__}: {error}"[:60]] += 1
            if pause is None:
                self.tally.gave_up.append(url)
                return None
            await asyncio.sleep(pause)

    def _connect(self, cookies: httpx.Cookies) -> httpx.AsyncClient:
        """A client (new connections) from the phone's address with these cookies: after a broken answer too."""
        return httpx.AsyncClient(
            base_url=self.base,
            transport=httpx.AsyncHTTPTransport(local_address=self.address, verify=_TLS),
            trust_env=False,
            follow_redirects=False,
            timeout=httpx.Timeout(60.0),
            cookies=cookies,
            headers={"User-Agent": self.agent},
        )

    async def join(self) -> None:
        started = time.monotonic()
        page = (await self.get(f"kit/{self.code}")).text
        groups = GROUP.findall(page)
        data = {**form_fields(page, 'join"'), "group": groups[self.number % len(groups)], "name": ""}
        location = await self.post(f"kit/{self.code}/join", data)
        if location is None:
            return
        self.joined = True
        reply = await self.get(location)
        if "kit-form-palet" not in reply.text:
            raise RuntimeError("the first activity is not the waardenpalet form")
        self.page = reply.text
        self.tally.joins.append(time.monotonic() - started)

    async def add(self, text: str) -> None:
        data = {**form_fields(self.page, 'class="kit-form-palet"'), "text": text, "cell": "individueel.materieel"}
        started = time.monotonic()
        location = await self.post(f"kit/{self.code}/palet", data)
        if location is None:
            return
        answered = time.monotonic()
        self.tally.posts.append(answered - started)
        self.tally.sent[text] = (started, answered)
        self.sent.append(text)
        self.page = (await self.get(location)).text

    async def listen(self, connected: asyncio.Future) -> None:
        """The live stream held open, as the page's EventSource does (reconnects are the page's business)."""
        try:
            timeout = httpx.Timeout(30.0, read=None)
            async with self.client.stream("GET", f"kit/{self.code}/events", timeout=timeout) as reply:
                connected.set_result(reply.status_code)
                async for _ in reply.aiter_lines():
                    pass
        except Exception as error:
            if not connected.done():
                connected.set_exception(error)

    async def close(self) -> None:
        if self.listener is not None:
            self.listener.cancel()
            with contextlib.suppress(BaseException):
                await self.listener
        await self.client.aclose()


async def room(everyone: list, tally: Tally, values: int, concurrency: int = 50) -> Counter:
    """Every phone joins (``concurrency`` at a time) and holds the live stream; then all add ``values``
    palette values within a few seconds, a room answering together. The live streams' statuses, counted."""
    gate = asyncio.Semaphore(concurrency)
    streams = Counter()

    async def join(phone):
        async with gate:
            try:
                await phone.join()
                if phone.joined:
                    connected = asyncio.get_running_loop().create_future()
                    phone.listener = asyncio.ensure_future(phone.listen(connected))
                    streams[await asyncio.wait_for(connected, 30)] += 1
            except Exception as error:
                tally.errors.append(f"join: {error!r}"[:160])

    await asyncio.gather(*(join(p) for p in everyone))

    async def answer(phone, index):
        await asyncio.sleep(random.uniform(0, 3))  # a room answering together, not in lockstep
        for value in range(values):
            try:
                await phone.add(f"waarde {index} {value} {secrets.token_hex(3)}")
            except Exception as error:
                tally.errors.append(f"value: {error!r}"[:160])

    await asyncio.gather(*(answer(p, i) for i, p in enumerate(everyone) if p.page))
    await asyncio.gather(*(p.close() for p in everyone), return_exceptions=True)
    return streams
