"""Nothing lost, nothing twice through the real configurable-http-proxy: 10 sessions x 100 phones.

    python -m benchmarks.proxy [--sessions 10] [--phones 100] [--values 2] [--lose 0.05] [--proxy PATH]

One standalone kit (``python -m widgets.launch``, its SQLite store) behind configurable-http-proxy
(JupyterHub's proxy, the version deploy/jupyterhub/package-lock.json pins; tests/hub.py installs it),
started on its own with the kit as its default target, as a hub's proxy forwards to a server. Each
session's phones come from their own loopback address (127.0.0.<10 + session>: a room behind its
router), hold the live stream open and send their forms as the page's script (participant.js) does:
every hidden field of the form as the page wrote it (``_xsrf``, the idempotency key ``_once``, the
palette's ``item``), ``X-Kit-Fetch: 1``, and a post nobody answered (a network error, 502, 503 or
504) sent again with the same body after 1, 2, 4, 8 and 15 s (a ``Retry-After`` wins).

``--lose`` is the share of post answers the phone throws away after they arrived, with their
cookies, and closes its connection: what a proxy that drops a response does after the kit stored the
post. The phone then resends it, as the page would. Counted from the store afterwards, per session:

- lost: a post the phone saw acknowledged (or gave up on) whose participant or value is not stored;
- doubled: participants beyond the phones that joined, a value stored more than once, history rows
  (nobody edits, so every history row is a post stored twice).

Baselines in the same run: the same load without the proxy (direct to the kit), and through the
proxy with the idempotency key left out of every post (a page without the key: the control that
shows the count can see a double). Prints figures; asserts nothing.
"""

import argparse
import asyncio
import contextlib
import os
import platform
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

from benchmarks.run import _TLS, KIT_ARGS, Loop, load_average, percentile
from tests.kit_server import REPO, KitServer, free_port, stop_group

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
GROUP = re.compile(r'name="group" value="([^"]+)"')
RESEND = {502, 503, 504}
PAUSES = (1, 2, 4, 8, 15)  # participant.js: about half a minute in all
NETWORK = (httpx.TransportError,)  # no answer, or it broke off


def git_commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def form_fields(page: str, marker: str) -> dict:
    """The hidden fields of the form whose opening tag contains ``marker``, as the page wrote them."""
    start = page.index(marker)
    start = page.rindex("<form", 0, start)
    end = page.index("</form>", start)
    return dict(HIDDEN.findall(page[start:end]))


class Proxy:
    """configurable-http-proxy on a free loopback port, everything to ``target`` (its default route)."""

    def __init__(self, command: Path, target: str, folder: Path):
        self.command, self.target, self.folder = Path(command), target, Path(folder)
        self.port, self.api_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = None

    def start(self, timeout: float = 30) -> "Proxy":
        self.folder.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, CONFIGPROXY_AUTH_TOKEN=secrets.token_hex(32))
        with open(self.folder / "proxy.log", "ab") as log:
            self.process = subprocess.Popen(
                [
                    str(self.command),
                    "--ip=127.0.0.1",
                    f"--port={self.port}",
                    "--api-ip=127.0.0.1",
                    f"--api-port={self.api_port}",
                    f"--default-target={self.target}",
                    "--log-level=warn",
                ],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the proxy stopped at start: " + self.log())
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.2)
        raise RuntimeError("the proxy did not listen in time")

    def log(self) -> str:
        path = self.folder / "proxy.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        stop_group(self.process)


class Tally:
    """What the phones of one run saw: resends by cause, answers thrown away, posts given up."""

    def __init__(self):
        self.resent = Counter()
        self.thrown = 0
        self.gave_up = []
        self.errors = []
        self.joins, self.posts = [], []


class Phone:
    """One participant's phone sending its forms as participant.js does, from its own loopback address."""

    def __init__(self, base: str, code: str, number: int, address: str, tally: Tally, lose: float, keys: bool):
        self.base, self.address, self.agent = base, address, f"Mozilla/5.0 (benchmark phone {code}-{number})"
        self.client = self._connect(httpx.Cookies())
        self.code, self.number, self.tally, self.lose, self.keys = code, number, tally, lose, keys
        self.rng = random.Random(f"{code}-{number}")
        self.page = ""
        self.joined = False
        self.sent = []  # palette texts the phone saw acknowledged
        self.listener = None

    async def get(self, url: str) -> httpx.Response:
        """A page load; a proxy's 502/503/504 or a broken connection is tried again (a person would reload)."""
        for pause in (*PAUSES, None):
            try:
                reply = await self.client.get(url)
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
                reply = await self.client.post(url, data=data, headers={"X-Kit-Fetch": "1"})
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
        self.tally.posts.append(time.monotonic() - started)
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


async def room(base: str, sessions: list, phones: int, values: int, lose: float, keys: bool) -> tuple:
    """Every phone joins (50 at a time) and holds the live stream; then all answer within a few seconds."""
    tally = Tally()
    everyone = [
        Phone(base, s.code, n, f"127.0.0.{10 + i}", tally, lose, keys)
        for i, s in enumerate(sessions)
        for n in range(phones)
    ]
    gate = asyncio.Semaphore(50)
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
    return everyone, tally, streams


def count(store, sessions: list, everyone: list) -> dict:
    """Lost and doubled, from the store: participants, palette values and history rows per session."""
    lost = doubled_people = doubled_values = history = 0
    for session in sessions:
        mine = [p for p in everyone if p.code == session.code]
        people = sum(store.participant_counts(session.id).values())
        joined = sum(p.joined for p in mine)
        lost += max(0, joined - people)
        doubled_people += max(0, people - joined)
        stored = Counter(a.value["text"] for a in store.answers(session.id, "palet"))
        for phone in mine:
            lost += sum(1 for text in phone.sent if stored[text] == 0)
        doubled_values += sum(n - 1 for n in stored.values() if n > 1)
        history += store.history_count(session.id)
    return {
        "lost": lost,
        "doubled participants": doubled_people,
        "doubled values": doubled_values,
        "history rows": history,
    }


def measure(loop: Loop, store, base: str, label: str, args, keys: bool = True) -> dict:
    from widgets.model.sessions import SessionSpec

    sessions = []
    for number in range(args.sessions):
        spec = SessionSpec(
            title=f"{label} {number + 1}", topic="wonen", municipality="Utrecht", language="nl", activities=("palet",)
        )
        session, _ = store.create_session(spec)
        store.set_activity_open(session.id, "palet", True)
        sessions.append(session)
    started = time.monotonic()
    everyone, tally, streams = loop.run(room(base, sessions, args.phones, args.values, args.lose, keys), timeout=1200)
    wall = time.monotonic() - started
    counted = count(store, sessions, everyone)
    doubled = counted["doubled participants"] + counted["doubled values"] + counted["history rows"]
    print(f"\n## {label} (load average {load_average()}; {wall:.0f} s)")
    timed = (("join (page, form, first activity)", tally.joins), ("palette post until answered", tally.posts))
    for name, values in timed:
        if values:
            print(
                f"  {name}: p50 {statistics.median(values) * 1000:.0f} ms, p95 {percentile(values, 0.95) * 1000:.0f} ms"
                f" (n={len(values)})"
            )
    sent = sum(len(p.sent) for p in everyone)
    print(
        f"  phones {len(everyone)}, joined {sum(p.joined for p in everyone)}, live streams {dict(streams)}; "
        f"values acknowledged {sent}; answers thrown away by the phones {tally.thrown}; "
        f"given up after {len(PAUSES)} resends {len(tally.gave_up)}"
    )
    print(f"  resent: {sum(tally.resent.values())} {dict(tally.resent.most_common(6))}")
    print(f"  from the store: lost {counted['lost']}, doubled {doubled} {counted}")
    for error in tally.errors[:3]:
        print(f"    {error}")
    return {
        **counted,
        "doubled": doubled,
        "resent": sum(tally.resent.values()),
        "thrown": tally.thrown,
        "gave up": len(tally.gave_up),
        "errors": len(tally.errors),
        "phones": len(everyone),
        "values": sent,
        "join p95": percentile(tally.joins, 0.95) if tally.joins else float("nan"),
        "post p95": percentile(tally.posts, 0.95) if tally.posts else float("nan"),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--phones", type=int, default=100, help="phones per session")
    parser.add_argument("--values", type=int, default=2, help="palette values each phone adds")
    parser.add_argument("--lose", type=float, default=0.05, help="share of post answers the proxy 'loses'")
    parser.add_argument("--proxy", type=Path, default=None, help="configurable-http-proxy (default: tests/hub.py's)")
    args = parser.parse_args(argv)
    if args.proxy is None:
        from tests.hub import install_proxy

        args.proxy = install_proxy()
    version = subprocess.run([str(args.proxy), "--version"], capture_output=True, text=True).stdout.strip()
    print(
        f"# proxy benchmark {time.strftime('%Y-%m-%d %H:%M')} on {platform.node()} ({platform.machine()}, "
        f"{os.cpu_count()} cores), commit {git_commit()}; configurable-http-proxy {version}, node "
        f"{subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}; "
        f"{args.sessions} sessions x {args.phones} phones, {args.values} values each, {args.lose:.0%} of answers "
        f"thrown away; load average at start {load_average()}",
        flush=True,
    )
    from widgets.store import open_store

    loop = Loop()
    results = {}
    with tempfile.TemporaryDirectory(prefix="kit-proxy-bench-") as folder:
        folder = Path(folder)
        kit = KitServer(folder / "kit", KIT_ARGS).start()
        store = open_store(f"sqlite:///{kit.data_dir / 'kit.sqlite3'}")
        proxy = Proxy(args.proxy, kit.url.rstrip("/"), folder / "proxy").start()
        try:
            results["through the proxy"] = measure(loop, store, proxy.url, "through configurable-http-proxy", args)
            results["direct"] = measure(loop, store, kit.url, "baseline: the same kit, direct", args)
            results["no key"] = measure(
                loop, store, proxy.url, "control: through the proxy, posts without their key", args, keys=False
            )
        finally:
            proxy.stop()
            store.backend.close()
            kit.stop()
            loop.close()
    print(f"\n## summary (load average at the end {load_average()})\n")
    print("| run | phones | values | answers thrown away | resent | given up | lost | doubled | join p95 | post p95 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, r in results.items():
        print(
            f"| {name} | {r['phones']} | {r['values']} | {r['thrown']} | {r['resent']} | {r['gave up']} | "
            f"{r['lost']} | {r['doubled']} | {r['join p95']:.2f} s | {r['post p95']:.2f} s |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
