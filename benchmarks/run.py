"""Benchmarks of the participant pages (no kernel per phone), each next to the old design's floor.

Run with ``make benchmark`` (or ``python -m benchmarks.run [--quick]``). It prints figures and
asserts nothing; a figure that fails prints its error and the run goes on.

- The kit is started as users start it (``python -m widgets.launch``) and pinned to core 0,
  as on Binder (one core); its kernels (the facilitator's dashboard) inherit that core.
- The load generators (simulated phones: asyncio + httpx in this process, each phone its own
  cookie jar), Playwright and Chromium run on the other core.
- Every figure has a baseline measured in the same run (these machines are noisy): the old
  design's floor, a plain Voila page holding one ipywidgets button (``python -m voila nb.ipynb``
  on a throwaway notebook), pinned to core 0 too. The bare-socket join burst also runs against a bare
  Tornado app answering the same three requests (``benchmarks/floor.py``): the kit's CPU per phone as a
  multiple of the framework's own, a figure the machine's speed of the moment cancels out of.

Figures: join burst, memory with 0/100/300 participants on the live stream, submit to
dashboard at 300 participants, and the join page's weight and time to interactive in Chromium
(plain and over an emulated 1.6 Mbit/s, 150 ms network). ``pages``: how soon the facilitator's form,
a reopened dashboard, the tafel, the start page and two lessons can be used (median of a few first
loads on an idle server), as ratios to the one-button page and the participants' code page. See
benchmarks/RESULTS.md.
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
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from urllib.parse import urlsplit

from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.kit_server import KitServer, free_port, kernel_pids, stop_group

REPO = Path(__file__).resolve().parent.parent
SERVER_CORES = {0}  # the kit, the baseline Voila and their kernels
LOAD_CORES = {1}  # this process (phones), Playwright's driver, Chromium
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# Nothing leaves the machine: every host but 127.0.0.1 fails to resolve in Chromium.
BROWSER_ARGS = [*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
PHONE = {"width": 375, "height": 740}
SLOW_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
KIT_ARGS = ["--KitWeb.joins_per_address=1000000"]  # every simulated phone comes from 127.0.0.1
GROUP_LABELS = ("Ambtelijk", "Inwoner", "Bestuurlijk-politiek", "Maatschappelijke partner")

ONE_BUTTON = """import ipywidgets as widgets

button = widgets.Button(description="0")


def clicked(_):
    button.description = str(int(button.description) + 1)


button.on_click(clicked)
button"""


# ----------------------------------------------------------------------------- measuring


def memory(pid: int) -> dict:
    """RSS and PSS in MB from /proc (PSS counts shared pages once, split between sharers)."""
    values = {}
    with open(f"/proc/{pid}/smaps_rollup") as handle:
        for line in handle:
            parts = line.split()
            if parts[0] in ("Rss:", "Pss:", "Private_Clean:", "Private_Dirty:"):
                values[parts[0][:-1].lower()] = int(parts[1]) / 1024
    values["uss"] = values.pop("private_clean", 0) + values.pop("private_dirty", 0)
    return values


def settled_memory(server_pid: int, samples: int = 5) -> tuple:
    """The server's and its kernels' memory, the median of a few samples a second apart (skips a passing peak)."""
    taken = []
    for i in range(samples):
        if i:
            time.sleep(1)
        taken.append((memory(server_pid), {pid: memory(pid) for pid in kernel_pids(server_pid)}))
    taken.sort(key=lambda t: t[0]["pss"] + sum(k["pss"] for k in t[1].values()))
    return taken[len(taken) // 2]


def percentile(values, q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def spread(values, unit="s") -> str:
    if not values:
        return "no values"
    return (
        f"p50 {statistics.median(values):.2f} {unit}, p95 {percentile(values, 0.95):.2f} {unit}, "
        f"max {max(values):.2f} {unit} (n={len(values)})"
    )


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (all its threads)."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def core_times(core: int) -> tuple:
    """(busy, total) jiffies of one core since boot, from /proc/stat."""
    with open("/proc/stat") as handle:
        for line in handle:
            if line.startswith(f"cpu{core} "):
                numbers = [int(x) for x in line.split()[1:]]
                idle = numbers[3] + numbers[4]
                return sum(numbers) - idle, sum(numbers)
    return 0, 1


def schedstat(pids) -> tuple:
    """(seconds on a CPU, seconds runnable but waiting for a CPU) of every thread of ``pids``, since they started.

    The second is time a thread was ready to run but the core was taken: by other processes on the machine,
    or by the process's own other threads (the kit's event loop and store threads share one core).
    """
    run = wait = 0
    for pid in pids:
        try:
            threads = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in threads:
            try:
                with open(f"/proc/{pid}/task/{tid}/schedstat") as handle:
                    numbers = handle.read().split()
                run, wait = run + int(numbers[0]), wait + int(numbers[1])
            except OSError:
                pass
    return run / 1e9, wait / 1e9


class CpuWatch:
    """CPU used by, and CPU waited for by, the kit's processes (or Chromium), this process and core 0."""

    def __init__(self, pids: dict, core: int = None):
        self.pids = {n: p if isinstance(p, (list, tuple)) else [p] for n, p in pids.items()}  # name -> pids
        self.core = min(SERVER_CORES) if core is None else core
        self.start = self._read()

    def _read(self):
        return (
            time.monotonic(),
            {n: schedstat(p) for n, p in self.pids.items()},
            time.process_time(),
            core_times(self.core),
        )

    def stop(self) -> str:
        wall0, pids0, own0, core0 = self.start
        wall1, pids1, own1, core1 = self._read()
        wall = wall1 - wall0
        parts = [
            f"{n} {pids1[n][0] - pids0[n][0]:.2f} s on a CPU and {pids1[n][1] - pids0[n][1]:.2f} "
            f"thread-seconds runnable but waiting for the core"
            for n in self.pids
        ]
        busy = (core1[0] - core0[0]) / max(1, core1[1] - core0[1])
        return (
            f"over {wall:.1f} s: {'; '.join(parts)}; core {self.core} busy {busy:.0%} "
            f"(all processes on the machine); load generator {own1 - own0:.2f} s CPU"
        )


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# ----------------------------------------------------------------------------- cores


@contextlib.contextmanager
def on_cores(cores):
    """Run the block with this thread on ``cores`` (processes started in it inherit them)."""
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, cores)
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def descendants(pid: int) -> list:
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            found.append(child)
            todo.append(child)
    return found


def pin_tree(pid: int, cores) -> int:
    """Pin every thread of ``pid`` and of its descendants to ``cores``; returns how many threads."""
    count = 0
    for process in [pid, *descendants(pid)]:
        try:
            threads = os.listdir(f"/proc/{process}/task")
        except OSError:
            continue
        for tid in threads:
            try:
                os.sched_setaffinity(int(tid), cores)
                count += 1
            except OSError:
                pass
    return count


def cores_of(pid: int) -> str:
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("Cpus_allowed_list:"):
                return line.split(":", 1)[1].strip()
    return "?"


def start_kit(folder: Path, root: Path = None) -> KitServer:
    """The kit as users start it, pinned to the server's core; ``root``: another checkout (``--before``)."""
    with on_cores(SERVER_CORES):
        if root is None:
            kit = KitServer(folder, extra_args=KIT_ARGS).start()
        else:
            root = Path(root).resolve()
            kit = KitServer(folder, extra_args=KIT_ARGS, root=root, env={"PYTHONPATH": str(root)}).start()
    pin_tree(kit.process.pid, SERVER_CORES)
    return kit


def phone_address(number: int) -> str:
    """A loopback address per 900 phones: the kit allows 1,000 live streams per address (a room's router)."""
    return f"127.0.0.{2 + number // 900}"


# ----------------------------------------------------------------------------- baseline Voila


class OneButtonVoila:
    """The old design's floor: plain ``python -m voila`` serving a notebook that shows one button."""

    def __init__(self, folder: Path):
        import nbformat

        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(ONE_BUTTON)]
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(notebook, self.folder / "one_button.ipynb")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = None

    def start(self, timeout: float = 60) -> "OneButtonVoila":
        log = open(self.folder / "voila.log", "ab")
        with on_cores(SERVER_CORES):
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "voila",
                    "one_button.ipynb",
                    "--no-browser",
                    f"--port={self.port}",
                    "--Voila.ip=127.0.0.1",
                ],
                cwd=self.folder,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:  # a TCP connect only: a GET would start a kernel
            if self.process.poll() is not None:
                raise RuntimeError("Voila stopped at start: " + (self.folder / "voila.log").read_text()[-2000:])
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    pin_tree(self.process.pid, SERVER_CORES)
                    return self
            time.sleep(0.2)
        raise RuntimeError("Voila did not listen in time")

    def stop(self) -> None:
        stop_group(self.process)


# ----------------------------------------------------------------------------- phones (HTTP)

XSRF = re.compile(r'name="_xsrf" value="([^"]+)"')
GROUP = re.compile(r'name="group" value="([^"]+)"')
_TLS = ssl.create_default_context()  # shared: 300 clients must not each load the CA bundle


def http_client(base_url: str, address: str = None, **options):
    """An HTTP client with its own cookies; ``address``: the loopback address it connects from."""
    import httpx

    if address:
        options["transport"] = httpx.AsyncHTTPTransport(local_address=address, verify=_TLS)
    return httpx.AsyncClient(
        base_url=base_url, verify=_TLS, trust_env=False, follow_redirects=False, timeout=httpx.Timeout(60.0), **options
    )


class Phone:
    """One participant's phone: its own cookie jar, the kit's forms filled in over HTTP."""

    def __init__(self, base_url: str, code: str, number: int, address: str = None):
        self.code, self.number = code, number
        self.client = http_client(base_url, address)
        self.page = ""
        self.steps = {}
        self.listener = None
        self.connected = None
        self.messages = 0
        self.error = None

    async def join(self) -> None:
        """The real flow: the join page, the join form with a group, the first activity."""
        started = time.monotonic()
        reply = await self.client.get(f"kit/{self.code}")
        reply.raise_for_status()
        self.steps["get join page"] = time.monotonic() - started
        groups = GROUP.findall(reply.text)
        token = XSRF.search(reply.text).group(1)
        mark = time.monotonic()
        reply = await self.client.post(
            f"kit/{self.code}/join", data={"group": groups[self.number % len(groups)], "name": "", "_xsrf": token}
        )
        if reply.status_code != 303:
            raise RuntimeError(f"join answered {reply.status_code}")
        self.steps["post join"] = time.monotonic() - mark
        mark = time.monotonic()
        reply = await self.client.get(reply.headers["location"])
        reply.raise_for_status()
        if "kit-form-palet" not in reply.text:
            raise RuntimeError("the first activity is not the waardenpalet form")
        self.steps["get activity"] = time.monotonic() - mark
        self.page = reply.text

    async def listen(self) -> None:
        """Hold the live stream open as the page's EventSource does, reading every message."""
        import httpx

        timeout = httpx.Timeout(30.0, read=None)
        try:
            async with self.client.stream("GET", f"kit/{self.code}/events", timeout=timeout) as reply:
                if reply.status_code != 200:
                    raise RuntimeError(f"events answered {reply.status_code}")
                async for line in reply.aiter_lines():
                    if not self.connected.done():
                        self.connected.set_result(True)
                    if line.startswith("data:"):
                        self.messages += 1
        except Exception as error:  # a stream that fails is counted (not connected), not raised
            self.error = repr(error)
            if not self.connected.done():
                self.connected.set_exception(error)

    def start_listening(self) -> None:
        self.connected = asyncio.get_running_loop().create_future()
        self.listener = asyncio.ensure_future(self.listen())

    async def submit(self, text: str) -> tuple:
        """Add one palette value: (POST sent, 303 received, the page it leads to received), monotonic."""
        token = XSRF.search(self.page).group(1)
        sent = time.monotonic()
        reply = await self.client.post(
            f"kit/{self.code}/palet",
            data={"item": secrets.token_hex(6), "text": text, "cell": "individueel.materieel", "_xsrf": token},
        )
        answered = time.monotonic()
        if reply.status_code != 303:
            raise RuntimeError(f"palet answered {reply.status_code}")
        reply = await self.client.get(reply.headers["location"])  # a browser follows the redirect
        self.page = reply.text
        return sent, answered, time.monotonic()

    async def close(self) -> None:
        if self.listener is not None:
            self.listener.cancel()
            with contextlib.suppress(BaseException):
                await self.listener
        await self.client.aclose()


class RawPhone(Phone):
    """The same phone on bare asyncio sockets (HTTP/1.1, keep-alive, its own cookies): a few times cheaper
    per request than httpx, to tell how much of a burst's time is the load generator's own."""

    def __init__(self, base_url: str, code: str, number: int):
        host, port = base_url.split("//", 1)[1].rstrip("/").split(":")
        self.host, self.port = host, int(port)
        self.code, self.number = code, number
        self.cookies = {}
        self.reader = self.writer = None
        self.page = ""
        self.steps = {}
        self.listener = self.connected = None
        self.messages, self.error = 0, None

    async def request(self, method: str, path: str, form: dict = None) -> tuple:
        from urllib.parse import urlencode

        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        body = urlencode(form).encode() if form is not None else b""
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", "Accept-Encoding: identity"]
        if self.cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if form is not None:
            head += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        lines = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status, headers = int(lines[0].split()[1]), {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                name, value = name.lower(), value.strip()
                if name == "set-cookie":
                    pair = value.split(";", 1)[0]
                    key, _, val = pair.partition("=")
                    self.cookies[key] = val
                headers[name] = value
        if "content-length" in headers:
            data = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            chunks = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                chunks.append(await self.reader.readexactly(size + 2))
                if size == 0:
                    break
            data = b"".join(c[:-2] for c in chunks)
        else:
            data = b""
        return status, headers, data.decode("utf-8", "replace")

    async def join(self) -> None:
        started = time.monotonic()
        status, _, text = await self.request("GET", f"/kit/{self.code}")
        if status != 200:
            raise RuntimeError(f"join page answered {status}")
        self.steps["get join page"] = time.monotonic() - started
        groups, token = GROUP.findall(text), XSRF.search(text).group(1)
        mark = time.monotonic()
        status, headers, _ = await self.request(
            "POST", f"/kit/{self.code}/join", {"group": groups[self.number % len(groups)], "name": "", "_xsrf": token}
        )
        if status != 303:
            raise RuntimeError(f"join answered {status}")
        self.steps["post join"] = time.monotonic() - mark
        mark = time.monotonic()
        status, _, text = await self.request("GET", headers["location"])
        if status != 200 or "kit-form-palet" not in text:
            raise RuntimeError("the first activity is not the waardenpalet form")
        self.steps["get activity"] = time.monotonic() - mark
        self.page = text

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


class Loop:
    """An asyncio loop in a thread (Playwright's sync API owns the main thread)."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True, name="phones")
        self.thread.start()

    def run(self, coroutine, timeout: float, page=None):
        future = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        deadline = time.monotonic() + timeout
        while not future.done():
            if time.monotonic() > deadline:
                future.cancel()
                raise TimeoutError(f"gave up after {timeout:.0f} s")
            if page is not None:
                page.wait_for_timeout(100)  # keeps Playwright's connection served meanwhile
            else:
                time.sleep(0.05)
        return future.result()

    def close(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


async def join_many(phones, concurrency: int = 10, listen: bool = True) -> list:
    """Join (and connect to the live stream) a few at a time: not a burst, a room filling up."""
    gate = asyncio.Semaphore(concurrency)
    errors = []

    async def one(phone):
        async with gate:
            try:
                await phone.join()
                if listen:
                    phone.start_listening()
                    await asyncio.wait_for(asyncio.shield(phone.connected), 30)
            except Exception as error:
                errors.append(repr(error))

    await asyncio.gather(*(one(p) for p in phones))
    return errors


async def close_all(phones) -> None:
    await asyncio.gather(*(p.close() for p in phones), return_exceptions=True)


# ----------------------------------------------------------------------------- browser helpers


def new_context(browser, **options):
    return browser.new_context(**options)


def dashboard(browser, kit):
    """The facilitator's dashboard in Chromium with a session whose waardenpalet is open."""
    from tests.browser import create_session, open_activity, open_facilitator

    context = new_context(browser, viewport={"width": 1280, "height": 900})
    before = set(kernel_pids(kit.process.pid))
    page = open_facilitator(context, kit)
    code = create_session(page, title="Benchmark", activities=["Waardenpalet"])
    open_activity(page, "Waardenpalet")
    page.wait_for_selector(".kit-dashboard-palet", timeout=30_000)
    page.wait_for_timeout(1000)
    started = [pid for pid in kernel_pids(kit.process.pid) if pid not in before]
    pin_tree(kit.process.pid, SERVER_CORES)
    return page, code, (started[0] if started else None)


class Traffic:
    """Responses and bytes on the wire of one page, from Chromium's own network events (CDP)."""

    def __init__(self, context, page, throttle: bool):
        self.cdp = context.new_cdp_session(page)
        self.responses = {}  # request id -> url
        self.encoded = {}  # request id -> bytes on the wire (headers and body)
        self.outside = []
        self.socket_bytes = 0
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.on("Network.requestWillBeSent", self._request)
        self.cdp.on("Network.webSocketFrameReceived", self._frame)
        self.cdp.send("Network.enable")
        if throttle:
            self.cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)

    def _request(self, event):
        url = event["request"]["url"]
        if not url.startswith(("data:", "blob:", "http://127.0.0.1", "ws://127.0.0.1")):
            self.outside.append(url)

    def _response(self, event):
        if not event["response"]["url"].startswith("data:"):
            self.responses[event["requestId"]] = event["response"]["url"]

    def _finished(self, event):
        self.encoded[event["requestId"]] = event.get("encodedDataLength", 0)

    def _frame(self, event):
        self.socket_bytes += len(event["response"].get("payloadData", ""))

    def summary(self) -> dict:
        return {
            "requests": len(self.responses),
            "bytes": sum(self.encoded.get(r, 0) for r in self.responses),
            "by_url": sorted(((self.encoded.get(r, 0), u) for r, u in self.responses.items()), reverse=True),
            "socket_bytes": self.socket_bytes,
            "outside": list(self.outside),
        }


WIDGET_READY = """() => {
  const found = () => document.querySelector('button.jupyter-button, .widget-button');
  const mark = () => { if (!window.__kitReady && found()) { window.__kitReady = performance.now(); } };
  new MutationObserver(mark).observe(document, {childList: true, subtree: true});
  document.addEventListener('DOMContentLoaded', mark);
}"""


def load_join_page(browser, url: str, throttle: bool) -> tuple:
    """A first load of the kit's join page at 375 px: (seconds to interactive, traffic)."""
    context = new_context(browser, viewport=PHONE)
    try:
        page = context.new_page()
        traffic = Traffic(context, page, throttle)
        page.goto(url, wait_until="domcontentloaded", timeout=60_000)
        page.wait_for_function("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd > 0")
        phases = page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
            return {answered: n.responseStart, received: n.responseEnd, parsed: n.domInteractive,
                    ready: n.domContentLoadedEventEnd}; }""")
        if not page.locator("form input[name=group]").count():
            raise RuntimeError("the join page has no groups to choose")
        page.wait_for_load_state("load")
        summary = traffic.summary()
        summary["phases"] = phases
        return phases["ready"] / 1000, summary
    finally:
        context.close()


def load_voila_page(browser, url: str, throttle: bool, keep: bool = False) -> tuple:
    """A first load of the one-button Voila page at 375 px: (seconds until the button is drawn, traffic)."""
    context = new_context(browser, viewport=PHONE)
    page = context.new_page()
    page.add_init_script(f"({WIDGET_READY})()")
    traffic = Traffic(context, page, throttle)
    try:
        page.goto(url, wait_until="commit", timeout=120_000)
        page.wait_for_function("window.__kitReady > 0", timeout=180_000, polling=100)
        ready = page.evaluate("window.__kitReady")
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)
        result = (ready / 1000, traffic.summary())
    except Exception:
        context.close()
        raise
    if keep:
        return (*result, page)
    context.close()
    return result


CLICK_ROUND_TRIP = """() => new Promise((resolve) => {
  const button = document.querySelector('button.jupyter-button, .widget-button');
  const before = button.textContent;
  const started = performance.now();
  const watch = new MutationObserver(() => {
    if (button.textContent !== before) { watch.disconnect(); resolve(performance.now() - started); }
  });
  watch.observe(button, {childList: true, subtree: true, characterData: true});
  button.click();
  setTimeout(() => resolve(-1), 10000);
})"""


def clock_offset(page, rounds: int = 20) -> tuple:
    """(offset, uncertainty) so that browser performance.now()/1000 = time.monotonic() + offset.

    The sample with the shortest round trip wins; its half round trip bounds the error.
    """
    best = None
    for _ in range(rounds):
        before = time.monotonic()
        now = page.evaluate("performance.now()")
        after = time.monotonic()
        if best is None or after - before < best[1] * 2:
            best = (now / 1000 - (before + after) / 2, (after - before) / 2)
    return best


SEEN = """() => {
  window.__kitSeen = {};
  window.__kitUpdates = 0;
  const scan = () => {
    const now = performance.now();
    let fresh = 0;
    document.querySelectorAll('.kit-dashboard-palet [data-kit-item]').forEach((el) => {
      const key = el.getAttribute('data-kit-item');  // the value's key (a Texts block's entry)
      if (!(key in window.__kitSeen)) { window.__kitSeen[key] = now; fresh += 1; }
    });
    if (fresh) { window.__kitUpdates += 1; }
  };
  new MutationObserver(scan).observe(document.body, {childList: true, subtree: true, characterData: true});
  scan();
}"""


def value_texts(count: int, seed: int = 7) -> list:
    """Distinct, word-like palette values that the dashboard will not suggest merging."""
    from widgets.activities.palet.model import normalize_value

    rng = random.Random(seed)
    syllables = ["ba", "de", "ki", "lo", "mu", "ne", "pa", "ri", "so", "tu", "va", "we", "zo", "gra", "ste", "vri"]
    texts, keys = [], set()
    while len(texts) < count:
        first = "".join(rng.choice(syllables) for _ in range(2)).capitalize()
        second = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        text = f"{first} {second}"
        if normalize_value(text) not in keys:
            keys.add(normalize_value(text))
            texts.append(text)
    return texts


# ----------------------------------------------------------------------------- results


class Results:
    def __init__(self):
        self.rows = []
        self.base = {}

    def row(self, figure, target, result, ratio, status):
        self.rows.append((figure, target, result, ratio, status))

    def run(self, title: str, fn, *args) -> None:
        print(f"\n## {title} (load average {load_average()})", flush=True)
        started = time.monotonic()
        try:
            fn(self, *args)
        except Exception:
            print(f"FAILED: {title}")
            traceback.print_exc(file=sys.stdout)
            self.row(title, "", "failed (see above)", "", "failed")
        print(f"({title}: {time.monotonic() - started:.0f} s)", flush=True)

    def table(self) -> str:
        lines = ["| figure | target | result | ratio to baseline | |", "| --- | --- | --- | --- | --- |"]
        lines += [f"| {' | '.join(str(c) for c in row)} |" for row in self.rows]
        return "\n".join(lines)


def ratio(value, baseline) -> str:
    if not baseline:
        return "n/a"
    value = value / baseline
    return f"{value:.2f}" if value >= 0.1 else f"{value:.2g}"


def verdict(value, limit, applies=True) -> str:
    if not applies:
        return "(other N)"
    return "met" if value <= limit else "**missed**"


def say(text: str) -> None:
    print(text, flush=True)


# ----------------------------------------------------------------------------- figures


def baseline_page(results, browser, folder: Path, loads: int, slow_loads: int, clicks: int):
    """The one-button Voila page: server + one kernel, a widget round trip, weight, time to the button."""
    voila = OneButtonVoila(folder).start()
    try:
        ready, traffic, page = load_voila_page(browser, voila.url, throttle=False, keep=True)
        page.wait_for_timeout(2000)
        kernels = kernel_pids(voila.process.pid)
        server = memory(voila.process.pid)["pss"]
        kernel = memory(kernels[0])["pss"] if kernels else 0
        results.base.update(
            server_pss=server, kernel_pss=kernel, page_bytes=traffic["bytes"], page_requests=traffic["requests"]
        )
        say(
            f"Voila server {voila.process.pid} on cores {cores_of(voila.process.pid)}, "
            f"kernel on cores {cores_of(kernels[0]) if kernels else '?'}"
        )
        say(
            f"memory: Voila server PSS {server:.0f} MB + one kernel PSS {kernel:.0f} MB "
            f"= {server + kernel:.0f} MB ({len(kernels)} kernel running)"
        )
        say(
            f"first load: {traffic['requests']} responses, {traffic['bytes'] / 1024:.0f} KB on the wire "
            f"(+ {traffic['socket_bytes'] / 1024:.0f} KB of kernel messages on the websocket); largest: "
            + ", ".join(f"{b / 1024:.0f} KB {u.rsplit('/', 1)[-1][:40]}" for b, u in traffic["by_url"][:3])
        )
        if traffic["outside"]:
            say(f"  refused requests to other hosts: {traffic['outside'][:5]}")
        trips = []
        for _ in range(clicks):
            trips.append(page.evaluate(CLICK_ROUND_TRIP) / 1000)
            page.wait_for_timeout(100)
        trips = [t for t in trips if t >= 0]
        results.base["click_p95"] = percentile(trips, 0.95) if trips else None
        say(f"widget round trip (click -> kernel -> button redrawn): {spread(trips)}")
        page.context.close()
        times = [ready] + [load_voila_page(browser, voila.url, throttle=False)[0] for _ in range(loads - 1)]
        results.base["tti_p95"] = percentile(times, 0.95)
        say(f"time to the button drawn, 375 px: {spread(times)}")
        slow = [load_voila_page(browser, voila.url, throttle=True)[0] for _ in range(slow_loads)]
        results.base["slow_p95"] = percentile(slow, 0.95)
        say(f"time to the button drawn over 1.6 Mbit/s, 150 ms: {spread(slow)}")
    finally:
        voila.stop()


def baseline_burst(results, folder: Path, count: int, loop: Loop):
    """N simultaneous GETs of the one-button page; a GET ends when the kernel has run the notebook."""
    voila = OneButtonVoila(folder).start()
    try:
        deadline = 180  # Voila gives up on a kernel after 60 s (nbclient's startup timeout); its page may never end

        async def burst():
            clients = [http_client(voila.url) for _ in range(count)]
            go = asyncio.Event()
            first, done, errors = [], [], []

            async def fetch(client):
                body = []
                async with client.stream("GET", "") as reply:
                    async for chunk in reply.aiter_bytes():
                        if not body:
                            first.append(time.monotonic() - start)
                        body.append(chunk)
                    if reply.status_code != 200:
                        raise RuntimeError(f"answered {reply.status_code}")
                if b"application/vnd.jupyter.widget-view+json" not in b"".join(body):
                    raise RuntimeError("page without the button (the kernel did not run the notebook)")
                done.append(time.monotonic() - start)

            async def one(client):
                await go.wait()
                try:
                    await asyncio.wait_for(fetch(client), timeout=deadline)
                except TimeoutError:
                    errors.append(f"not ready within {deadline} s")
                except Exception as error:
                    errors.append(repr(error))

            tasks = [asyncio.ensure_future(one(c)) for c in clients]
            await asyncio.sleep(0.2)
            start = time.monotonic()
            go.set()
            await asyncio.gather(*tasks)
            await asyncio.gather(*(c.aclose() for c in clients))
            return first, done, errors

        watch = CpuWatch({"Voila server": voila.process.pid})
        first, done, errors = loop.run(burst(), timeout=600)
        say(
            f"{count} GETs at once: first byte {spread(first)}; whole page (kernel started, notebook run) "
            f"{spread(done)}; {len(errors)} failed {sorted(set(errors))[:3]}"
        )
        if errors:
            log = (folder / "voila.log").read_text(errors="replace")
            gave_up = log.count("Kernel didn't respond")
            say(
                f"  Voila's log says \"Kernel didn't respond in 60 seconds\" {gave_up} times; the baseline's p95 is "
                f"of the pages that came, so it flatters the old design"
            )
        kernels = kernel_pids(voila.process.pid)
        run, wait = schedstat(kernels)
        say(f"  {watch.stop()}; its {len(kernels)} kernels {run:.2f} s on a CPU, {wait:.2f} thread-seconds waiting")
        results.base["burst_n"] = count
        results.base["burst_p95"] = percentile(done, 0.95) if done else None
        results.base["burst_failed"] = len(errors)
    finally:
        voila.stop()


def floor_burst(results, count: int, loop: Loop):
    """The same burst against a bare Tornado app on the kit's core (``benchmarks/floor.py``): the CPU per phone any
    Tornado server needs for the three requests here, so the kit's reads as a multiple of it."""
    port = free_port()
    with on_cores(SERVER_CORES):
        server = subprocess.Popen([sys.executable, "-m", "benchmarks.floor", str(port)], cwd=REPO)
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            if time.monotonic() > deadline:
                raise RuntimeError("the bare Tornado app did not start")
            time.sleep(0.2)
        phones = [RawPhone(f"http://127.0.0.1:{port}/", "FLOOR", i) for i in range(count)]

        async def burst():
            go, times = asyncio.Event(), []

            async def one(phone):
                await go.wait()
                await phone.request("GET", "/kit/FLOOR")
                status, headers, _ = await phone.request("POST", "/kit/FLOOR/join", {"group": "inwoner"})
                await phone.request("GET", headers["location"] if status == 303 else "/kit/FLOOR")
                times.append(time.monotonic() - start)

            tasks = [asyncio.ensure_future(one(p)) for p in phones]
            await asyncio.sleep(0.2)
            start = time.monotonic()
            go.set()
            await asyncio.gather(*tasks)
            for phone in phones:
                await phone.close()
            return times

        used = cpu_seconds(server.pid)
        times = loop.run(burst(), timeout=300)
        used = cpu_seconds(server.pid) - used
        results.base["floor"] = used / count
        say(
            f"N={count} (bare-socket phones) on a bare Tornado app: {spread(times)}; its CPU {used:.2f} s, "
            f"{used / count * 1000:.2f} ms per phone"
        )
    finally:
        server.kill()
        server.wait()


PY_SPY = None  # ``--py-spy``: the py-spy program that profiles the kit server during each burst


@contextlib.contextmanager
def profiled(pid: int, out: Path):
    """py-spy on the kit server for the block (``--py-spy``): collapsed stacks in ``out``, the GIL holder only."""
    if PY_SPY is None:
        yield
        return
    spy = subprocess.Popen(
        [PY_SPY, "record", "--pid", str(pid), "--rate", "200", "--gil", "--format", "raw", "--output", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1)  # attached before the phones start
    try:
        yield
    finally:
        spy.send_signal(2)
        spy.wait(timeout=60)
        say(f"  profile: {out}")


def join_burst(
    results, browser, folder: Path, count: int, loop: Loop, target_n: int, raw: bool = False, root: Path = None
):
    """N phones start together on a fresh kit with the dashboard open: join page, join, first activity.

    ``root``: the kit from another checkout (``--before``), for a ratio to it measured in the same run.
    """
    kit = start_kit(folder, root)
    try:
        page, code, facilitator = dashboard(browser, kit)
        phones = [(RawPhone if raw else Phone)(kit.url, code, i) for i in range(count)]
        client = "bare-socket phones" if raw else "httpx phones"

        async def burst():
            go = asyncio.Event()
            times, errors = [], []

            async def one(phone):
                await go.wait()
                try:
                    await phone.join()
                    times.append(time.monotonic() - start)
                except Exception as error:
                    errors.append(repr(error))

            tasks = [asyncio.ensure_future(one(p)) for p in phones]
            await asyncio.sleep(0.2)
            start = time.monotonic()
            go.set()
            await asyncio.gather(*tasks)
            return times, errors

        pids = {"kit server": kit.process.pid}
        if facilitator:
            pids["dashboard kernel"] = facilitator
        watch = CpuWatch(pids)
        server_cpu = cpu_seconds(kit.process.pid)
        with profiled(kit.process.pid, Path(tempfile.gettempdir()) / f"kit-burst-{count}-{os.getpid()}.txt"):
            times, errors = loop.run(burst(), timeout=300, page=page)
            cpu = watch.stop()
        steps = {
            name: [p.steps[name] for p in phones if name in p.steps]
            for name in ("get join page", "post join", "get activity")
        }
        say(f"N={count} ({client}): {spread(times)}; {len(errors)} failed {errors[:2]}")
        say(
            "  per request: "
            + "; ".join(
                f"{name} p50 {statistics.median(v):.2f} s p95 {percentile(v, 0.95):.2f} s"
                for name, v in steps.items()
                if v
            )
        )
        say(f"  {cpu}")
        used = cpu_seconds(kit.process.pid) - server_cpu
        say(
            f"  kit server CPU for the burst {used:.2f} s, {used / count * 1000:.1f} ms per phone (three requests): "
            f"on a core of its own the last phone could not be done sooner"
        )
        loop.run(close_all(phones), timeout=60)
        base = results.base.get("burst_p95")
        p95 = percentile(times, 0.95) if times else float("inf")
        mark = f"burst {count}{' raw' if raw else ''}{' before' if root else ''}"
        results.base[mark] = (p95, used / count)
        before = results.base.get(f"burst {count}{' raw' if raw else ''} before") if not root else None
        than_before = (
            f"; vs the kit before: p95 {ratio(p95, before[0])}, CPU per phone {ratio(used / count, before[1])}"
            if before
            else ""
        )
        if raw and results.base.get("floor"):
            than_before += f"; CPU per phone {ratio(used / count, results.base['floor'])} of a bare Tornado app's"
            say(f"  CPU per phone: {used / count / results.base['floor']:.2f} x the bare Tornado app's")
        results.row(
            f"join burst N={count}, p95 ({client}){f' - the kit before ({root})' if root else ''}",
            "<= 2 s at 1000",
            f"{p95:.2f} s (p50 {statistics.median(times):.2f}, max {max(times):.2f}; server CPU {used:.2f} s, "
            f"{used / count * 1000:.1f} ms per phone){f', {len(errors)} failed' if errors else ''}{than_before}",
            f"{ratio(p95, base)} (vs {results.base.get('burst_n')} Voila pages at once, "
            f"p95 {base:.1f} s, {results.base.get('burst_failed')} never ready)"
            if base
            else "n/a",
            verdict(p95, 2.0, count == target_n and not errors),
        )
    finally:
        kit.stop()


def memory_and_submit(
    results,
    browser,
    folder: Path,
    sizes,
    submissions: int,
    rate: float,
    loop: Loop,
    targets: dict,
    loads: int,
    slow_loads: int,
):
    """One kit: PSS with 0..N phones on the live stream, then submit -> dashboard, then the join page."""
    kit = start_kit(folder)
    phones = []
    try:
        page, code, facilitator = dashboard(browser, kit)
        say(
            f"kit server {kit.process.pid} on cores {cores_of(kit.process.pid)}; dashboard kernel {facilitator} on "
            f"cores {cores_of(facilitator) if facilitator else '?'}; this process on {sorted(os.sched_getaffinity(0))}"
        )
        base_server, base_kernel = results.base.get("server_pss"), results.base.get("kernel_pss")
        totals = {}
        for n in sizes:
            new = [Phone(kit.url, code, i, phone_address(i)) for i in range(len(phones), n)]
            errors = loop.run(join_many(new, concurrency=20), timeout=1800, page=page)
            phones += new
            page.wait_for_timeout(2000)
            own, kernels = settled_memory(kit.process.pid)
            server = own["pss"]
            dash = kernels[facilitator]["pss"] if facilitator in kernels else 0
            others = sum(v["pss"] for pid, v in kernels.items() if pid != facilitator)
            connected = sum(
                1
                for p in phones
                if p.connected is not None
                and p.connected.done()
                and not p.connected.exception()
                and not p.listener.done()
            )
            total = server + dash
            whole = total + others
            totals[n] = (total, own["uss"])
            floor = (base_server + base_kernel * (1 + n)) if base_server else None
            say(
                f"N={n}: {connected} phones on the live stream; kit server PSS {server:.0f} MB (RSS {own['rss']:.0f}, "
                f"private {own['uss']:.0f}) + dashboard kernel PSS {dash:.0f} MB = {total:.0f} MB; other kernels: "
                f"{len(kernels) - (1 if dash else 0)} ({others:.0f} MB PSS, the start page's preheated one); "
                f"{len(errors)} failed {errors[:2]}"
            )
            if floor:
                say(
                    f"  old design's floor at N={n}: Voila server {base_server:.0f} MB + {1 + n} one-button kernels "
                    f"x {base_kernel:.0f} MB = {floor:.0f} MB"
                )
            results.row(
                f"memory, {n} participants on the live stream",
                "<= 600 MB at 300, <= 1 GB at 5000 (the whole server)",
                f"{total:.0f} MB (server {server:.0f} + dashboard {dash:.0f}; with the idle preheated kernels "
                f"{whole:.0f})",
                f"{ratio(total, floor)} (vs {floor:.0f} MB: Voila + {1 + n} kernels)" if floor else "n/a",
                verdict(whole, 1024, n == 5000) if n >= 5000 else verdict(total, 600, n == targets["memory"]),
            )
        if len(totals) > 1 and sizes[-1] > sizes[0]:
            (first, first_own), (last, last_own) = totals[sizes[0]], totals[sizes[-1]]
            each = 1024 / (sizes[-1] - sizes[0])
            say(
                f"per participant, N={sizes[0]} to N={sizes[-1]}: {(last - first) * each:.0f} KB PSS, "
                f"{(last_own - first_own) * each:.0f} KB of the server's private memory; the old design: one kernel, "
                f"{base_kernel or 0:.0f} MB PSS"
            )
        submit_to_dashboard(
            results, page, phones, min(submissions, 300), rate, loop, facilitator, kit, targets["submit"]
        )
        loop.run(close_all(phones), timeout=120, page=page)
        phones = []
        page.context.close()
        join_page(results, browser, f"{kit.url}kit/{code}", loads, slow_loads)
    finally:
        if phones:
            with contextlib.suppress(Exception):
                loop.run(close_all(phones), timeout=60)
        kit.stop()


def submit_to_dashboard(
    results, page, phones, submissions: int, rate: float, loop: Loop, facilitator, kit, target_n: int
):
    """Phones on the live stream submit palette values at a steady rate; the time until the dashboard shows each."""
    texts = value_texts(submissions)
    from widgets.activities.palet.model import normalize_value

    page.evaluate(SEEN)
    offset, error = clock_offset(page)

    async def steady():
        sent = {}
        errors = []

        async def one(i):
            try:
                sent[i] = await phones[i % len(phones)].submit(texts[i])
            except Exception as failure:
                errors.append(repr(failure))

        start = time.monotonic()
        tasks = []
        for i in range(submissions):
            await asyncio.sleep(max(0.0, start + i / rate - time.monotonic()))
            tasks.append(asyncio.ensure_future(one(i)))
        await asyncio.gather(*tasks)
        return sent, errors

    pids = {"kit server": kit.process.pid}
    if facilitator:
        pids["dashboard kernel"] = facilitator
    watch = CpuWatch(pids)
    sent, errors = loop.run(steady(), timeout=submissions / rate + 120, page=page)
    deadline = time.monotonic() + 20
    keys = {i: normalize_value(texts[i]) for i in sent}
    while time.monotonic() < deadline:
        seen = page.evaluate("() => Object.keys(window.__kitSeen).length")
        if seen >= len(keys):
            break
        page.wait_for_timeout(200)
    cpu = watch.stop()
    seen = page.evaluate("() => window.__kitSeen")
    # The palette's grid draws the first values of each cell ("Meer tonen" adds more): its count says how many arrived.
    counted = page.evaluate(
        "() => [...document.querySelectorAll('.kit-more-count')].map(e => e.textContent).join(' | ')"
    )
    updates = page.evaluate("() => window.__kitUpdates")
    offset_after, error_after = clock_offset(page)
    latencies, posts, missing = [], [], 0
    for i, (posted, answered, _) in sent.items():
        posts.append(answered - posted)
        if keys[i] in seen:
            latencies.append(seen[keys[i]] / 1000 - offset - posted)
        else:
            missing += 1
    say(
        f"{len(sent)} submissions by {len(phones)} phones at {rate:g}/s: POST to value in the dashboard's grid "
        f"{spread(latencies)}; {missing} not drawn within 20 s; {len(errors)} failed {errors[:2]}"
    )
    say(f"  the grid's count at the end: {counted or '(all drawn, no count)'}")
    shown_after = [seen[keys[i]] / 1000 - offset - answered for i, (_, answered, _) in sent.items() if keys[i] in seen]
    say(f"  POST answered (stored): {spread(posts)}; stored to shown: {spread(shown_after)}")
    say(f"  the grid changed {updates} times (one redraw per {len(sent) / rate / max(1, updates):.2f} s)")
    say(
        f"  clocks: browser - this process {offset:.4f} s +- {error * 1000:.1f} ms before, "
        f"{offset_after:.4f} s +- {error_after * 1000:.1f} ms after (drift {abs(offset_after - offset) * 1000:.1f} ms)"
    )
    say(f"  {cpu}")
    messages = sum(p.messages for p in phones)
    say(f"  live stream messages received by the phones: {messages} ({messages / max(1, len(phones)):.1f} each)")
    base = results.base.get("click_p95")
    p95 = percentile(latencies, 0.95) if latencies else float("inf")
    results.row(
        f"submit to dashboard, p95, {len(phones)} on the live stream, {rate:g}/s",
        "<= 1 s at 300",
        (f"{p95:.2f} s (p50 {statistics.median(latencies):.2f})" if latencies else "none shown")
        + (f", {missing} not shown" if missing else ""),
        f"{ratio(p95, base)} (vs one widget round trip, p95 {base * 1000:.0f} ms)" if base else "n/a",
        verdict(p95, 1.0, len(phones) == target_n and not missing),
    )


def join_page(results, browser, url: str, loads: int, slow_loads: int):
    base = results.base
    ready, traffic = load_join_page(browser, url, throttle=False)
    say(
        f"\njoin page, first load: {traffic['requests']} responses, {traffic['bytes'] / 1024:.1f} KB on the wire: "
        + ", ".join(f"{b / 1024:.1f} KB {u.rsplit('/', 1)[-1].split('?')[0]}" for b, u in traffic["by_url"])
    )
    if traffic["outside"]:
        say(f"  refused requests to other hosts: {traffic['outside'][:5]}")
    chromium = [pid for pid in descendants(os.getpid()) if b"chrom" in Path(f"/proc/{pid}/cmdline").read_bytes()[:200]]
    watch = CpuWatch({"Chromium": chromium}, core=min(LOAD_CORES))
    runs = [(ready, traffic)] + [load_join_page(browser, url, throttle=False) for _ in range(loads - 1)]
    times = [r[0] for r in runs]
    say(f"time to interactive (navigation start to DOMContentLoaded handled), 375 px: {spread(times)}")
    say(
        "  navigation start to: "
        + ", ".join(
            f"{label} p50 {statistics.median(r[1]['phases'][key] for r in runs):.0f} ms "
            f"p95 {percentile([r[1]['phases'][key] for r in runs], 0.95):.0f} ms"
            for key, label in (
                ("answered", "first byte"),
                ("received", "HTML received"),
                ("parsed", "HTML parsed (CSS, JS in)"),
                ("ready", "script run"),
            )
        )
    )
    say(f"  {watch.stop()}")
    slow_runs = [load_join_page(browser, url, throttle=True) for _ in range(slow_loads)]
    slow = [r[0] for r in slow_runs]
    say(f"same over 1.6 Mbit/s, 150 ms latency: {spread(slow)}")
    say(
        "  navigation start to: "
        + ", ".join(
            f"{label} p50 {statistics.median(r[1]['phases'][key] for r in slow_runs):.0f} ms"
            for key, label in (
                ("answered", "first byte"),
                ("received", "HTML received"),
                ("parsed", "HTML parsed (CSS, JS in)"),
                ("ready", "script run"),
            )
        )
    )
    kb = traffic["bytes"] / 1024
    results.row(
        "join page, first load, bytes",
        "<= 60 KB",
        f"{kb:.1f} KB",
        f"{ratio(traffic['bytes'], base.get('page_bytes'))} (vs {base.get('page_bytes', 0) / 1024:.0f} KB)",
        verdict(kb, 60),
    )
    results.row(
        "join page, first load, requests",
        "<= 6",
        str(traffic["requests"]),
        f"{ratio(traffic['requests'], base.get('page_requests'))} (vs {base.get('page_requests')})",
        verdict(traffic["requests"], 6),
    )
    p95 = percentile(times, 0.95)
    results.row(
        f"join page interactive, p95 of {len(times)}, 375 px",
        "<= 0.5 s",
        f"{p95:.3f} s",
        f"{ratio(p95, base.get('tti_p95'))} (vs {base.get('tti_p95') or 0:.2f} s)",
        verdict(p95, 0.5),
    )
    p95 = percentile(slow, 0.95)
    results.row(
        f"join page interactive, p95 of {len(slow)}, 1.6 Mbit/s 150 ms",
        "<= 2 s",
        f"{p95:.3f} s",
        f"{ratio(p95, base.get('slow_p95'))} (vs {base.get('slow_p95') or 0:.2f} s)",
        verdict(p95, 2.0),
    )


# ------------------------------------------------------------------------ Voila pages (facilitator, tafel, lessons)

# (figure, path under the kit's URL with {session} for a session's query, the element that makes the page usable)
KIT_PAGES = (
    ("start page", "voila/render/start.ipynb", ".kit-card a"),
    ("facilitator form", "voila/render/workshops/facilitator.ipynb", ".kit-f-title input"),
    ("dashboard reopened", "voila/render/workshops/facilitator.ipynb?{session}", ".kit-dashboard-palet"),
    ("tafel with its session", "voila/render/workshops/publieke-waarde-tafel.ipynb?{session}", ".kit-tafel-start"),
    ("lesson 01", "voila/render/lessons/01-wat-is-publieke-waarde.ipynb", "button.jupyter-button, .widget-button"),
    ("lesson 03 (a chart)", "voila/render/lessons/03-beleid-beoordelen.ipynb", "button.jupyter-button, .widget-button"),
)
# First moment (ms since navigation start) the element is drawn, shown and enabled: the page can be used.
ELEMENT_READY = """(selector) => {
  const check = () => {
    const el = document.querySelector(selector);
    if (el && !el.disabled && el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden') {
      window.__kitReady = performance.now();
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
}"""


SHUT_KERNEL = """async (url) => {
  const xsrf = (document.cookie.match(/(?:^|; )_xsrf=([^;]*)/) || [])[1] || '';
  return (await fetch(url, {method: 'DELETE', headers: {'X-XSRFToken': decodeURIComponent(xsrf)}})).status;
}"""


def time_to_element(browser, url: str, selector: str) -> tuple:
    """A first load at 1280 x 900 in a fresh context (cold cache): (seconds to usable, HTML bytes).

    The page's kernel is shut down afterwards, as the page cannot (Voila keeps a closed page's kernel
    until it is culled): every load meets the same idle server, and no cap on kernels is reached.
    """
    context = new_context(browser, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        kernels = []
        page.on("websocket", lambda socket: kernels.extend(re.findall(r"/api/kernels/([0-9a-f-]{36})", socket.url)))
        page.add_init_script(script=f"({ELEMENT_READY})({selector!r})")
        page.goto(url, wait_until="commit", timeout=120_000)
        page.wait_for_function("window.__kitReady > 0", timeout=180_000, polling=100)
        html = page.evaluate("performance.getEntriesByType('navigation')[0].decodedBodySize")
        ready = page.evaluate("window.__kitReady") / 1000
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))  # both servers run at the root path
        for kernel in set(kernels):
            page.evaluate(SHUT_KERNEL, f"{origin}/api/kernels/{kernel}")
        return ready, html
    finally:
        context.close()


def settle_kernels(server_pid: int, idle: int, timeout: float = 60) -> None:
    """Wait until the server runs ``idle`` kernels again: the page's kernel shut, preheated pools refilled."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(kernel_pids(server_pid)) != idle:
        time.sleep(0.5)
    time.sleep(1)  # a refilled kernel may still be running its notebook up to the request


def kit_pages(results, browser, folder: Path, loads: int, kit_root: Path = None):
    """Time until each Voila page is usable, median of ``loads`` first loads, each on an idle server.

    Baselines in the same run: the one-button page on plain Voila (its own kernel, no kit) and the
    participants' code page (no kernel).
    """
    voila = OneButtonVoila(folder / "voila-page").start()
    try:
        base = []
        for _ in range(loads):
            settle_kernels(voila.process.pid, 0)
            base.append(time_to_element(browser, voila.url, "button.jupyter-button, .widget-button")[0])
    finally:
        voila.stop()
    baseline = statistics.median(base)
    say(f"baseline, one-button page on plain Voila: median {baseline:.2f} s ({' '.join(f'{x:.2f}' for x in base)})")
    root = Path(kit_root or REPO).resolve()
    with on_cores(SERVER_CORES):
        kit = KitServer(
            folder / "kit", extra_args=KIT_ARGS, root=root, env={"PYTHONPATH": str(root)} if kit_root else None
        ).start()
    pin_tree(kit.process.pid, SERVER_CORES)
    try:
        from widgets.model.sessions import SessionSpec
        from widgets.store import open_store

        store = open_store(f"sqlite:///{kit.data_dir / 'kit.sqlite3'}")
        session, key = store.create_session(
            SessionSpec(
                title="Benchmark", topic="wonen", municipality="Utrecht", activities=("palet", "beoordelen", "driehoek")
            )
        )
        store.set_activity_open(session.id, "palet", True)
        store.backend.close()
        time.sleep(5)
        idle = len(kernel_pids(kit.process.pid))  # the preheated pools, filled
        say(f"kit from {root} on cores {cores_of(kit.process.pid)}, {idle} preheated kernel(s) idle")
        code = [time_to_element(browser, f"{kit.url}kit/", "input[name=code]")[0] for _ in range(loads)]
        code_page = statistics.median(code)
        say(f"participants' code page (no kernel): median {code_page:.2f} s")
        for figure, path, selector in KIT_PAGES:
            url = kit.url + path.format(session=f"sessie={session.code}&sleutel={key}")
            times, weight = [], 0
            for _ in range(loads):
                settle_kernels(kit.process.pid, idle)
                pin_tree(kit.process.pid, SERVER_CORES)
                seconds, weight = time_to_element(browser, url, selector)
                times.append(seconds)
            median = statistics.median(times)
            say(f"{figure}: median {median:.2f} s ({' '.join(f'{x:.2f}' for x in times)}), HTML {weight / 1024:.0f} KB")
            results.row(
                f"{figure}: usable, median of {len(times)}",
                "<= 3 s" if figure != "start page" else "",
                f"{median:.2f} s",
                f"{ratio(median, baseline)} of the one-button page "
                f"({baseline:.2f} s); {ratio(median, code_page)} of the code page ({code_page:.2f} s)",
                verdict(median, 3.0) if figure != "start page" else "",
            )
    finally:
        kit.stop()


# ----------------------------------------------------------------------------- main


def git_commit() -> str:
    run = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    return run.stdout.strip() + (" (with uncommitted changes)" if dirty else "")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small N, few loads (a smoke run)")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated: baseline (or baseline_page, baseline_burst), burst, memory, pages (default: all); "
        "dashboard (a big session's dashboard, benchmarks/dashboard.py: only when named, it takes ~10 minutes)",
    )
    parser.add_argument("--page-loads", type=int, default=None, help="pages: loads per page (default 5, --quick 2)")
    parser.add_argument(
        "--kit-root",
        type=Path,
        default=None,
        help="pages: serve the kit from this checkout instead (e.g. `git archive` of an older commit)",
    )
    parser.add_argument("--rate", type=float, default=5.0, help="palette values submitted per second")
    parser.add_argument(
        "--phones", default="", help="burst: phones joining at once, comma-separated (default 40,100,300; quick: 10,30)"
    )
    parser.add_argument(
        "--streams",
        default="",
        help="memory: phones on the live stream, comma-separated, from 0 up (default 0,100,300; --quick 0,20); "
        "900 phones per loopback address 127.0.0.2, .3, ...",
    )
    parser.add_argument(
        "--before",
        type=Path,
        default=None,
        help="burst: also run each burst on the kit from this checkout (e.g. `git archive` of main), for ratios",
    )
    parser.add_argument(
        "--py-spy",
        default=None,
        help="burst: profile the kit server with this py-spy program (collapsed stacks in the temp folder)",
    )
    args = parser.parse_args(argv)
    global PY_SPY
    PY_SPY = args.py_spy
    only = set(filter(None, args.only.split(",")))
    if args.quick:
        bursts, base_burst, sizes, loads, slow_loads, clicks = (10, 30), 5, (0, 20), 3, 2, 5
        page_loads = 2
    else:
        bursts, base_burst, sizes, loads, slow_loads, clicks = (40, 100, 300), 40, (0, 100, 300), 20, 20, 20
        page_loads = 5
    page_loads = args.page_loads or page_loads
    if args.phones:
        bursts = tuple(int(n) for n in args.phones.split(","))
    if args.streams:
        sizes = tuple(int(n) for n in args.streams.split(","))
    voila_slow = max(2, slow_loads // 4)
    targets = {"burst": 1000, "memory": 300, "submit": 300}

    cores = os.sched_getaffinity(0)
    global SERVER_CORES, LOAD_CORES
    if not (SERVER_CORES | LOAD_CORES) <= cores:
        say(f"only cores {sorted(cores)} available: nothing is pinned")
        SERVER_CORES = LOAD_CORES = cores
    os.sched_setaffinity(0, LOAD_CORES)

    say(
        f"# benchmark {time.strftime('%Y-%m-%d %H:%M')} on {platform.node()} ({platform.machine()}, "
        f"{os.cpu_count()} cores), commit {git_commit()}"
    )
    with open("/proc/meminfo") as handle:
        ram = int(handle.readline().split()[1]) / 1024**2
    say(
        f"memory {ram:.0f} GiB; kit and baseline Voila on core(s) {sorted(SERVER_CORES)}; phones, Playwright, "
        f"Chromium on {sorted(LOAD_CORES)}; load average at start {load_average()}"
    )
    from playwright.sync_api import sync_playwright

    results = Results()
    loop = Loop()
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as folder, sync_playwright() as playwright:
        folder = Path(folder)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS, headless=True)
        try:
            if not only or only & {"baseline", "baseline_page"}:
                results.run(
                    "baseline: one-button Voila page",
                    baseline_page,
                    browser,
                    folder / "voila-page",
                    loads,
                    voila_slow,
                    clicks,
                )
            if not only or only & {"baseline", "baseline_burst"}:
                results.run(
                    f"baseline: {base_burst} one-button Voila pages at once",
                    baseline_burst,
                    folder / "voila-burst",
                    base_burst,
                    loop,
                )
            if not only or "burst" in only:
                for n in bursts:
                    if args.before:  # the kit before first, then as it is: the same machine minutes apart
                        results.run(
                            f"join burst, N={n}, the kit from {args.before}",
                            join_burst,
                            browser,
                            folder / f"burst-{n}-before",
                            n,
                            loop,
                            targets["burst"],
                            False,
                            args.before,
                        )
                    results.run(
                        f"join burst, N={n}", join_burst, browser, folder / f"burst-{n}", n, loop, targets["burst"]
                    )
                results.run(
                    f"join burst, N={bursts[-1]}, bare-socket phones, a bare Tornado app (the floor)",
                    floor_burst,
                    bursts[-1],
                    loop,
                )
                if args.before:
                    results.run(
                        f"join burst, N={bursts[-1]}, bare-socket phones, the kit from {args.before}",
                        join_burst,
                        browser,
                        folder / f"burst-{bursts[-1]}-raw-before",
                        bursts[-1],
                        loop,
                        targets["burst"],
                        True,
                        args.before,
                    )
                results.run(
                    f"join burst, N={bursts[-1]}, bare-socket phones (how much is the load generator)",
                    join_burst,
                    browser,
                    folder / f"burst-{bursts[-1]}-raw",
                    bursts[-1],
                    loop,
                    targets["burst"],
                    True,
                )
            if not only or "memory" in only:
                results.run(
                    "memory, submit to dashboard, join page",
                    memory_and_submit,
                    browser,
                    folder / "memory",
                    sizes,
                    sizes[-1],
                    args.rate,
                    loop,
                    targets,
                    loads,
                    slow_loads,
                )
            if not only or "pages" in only:
                results.run(
                    "Voila pages usable (facilitator, tafel, lessons)",
                    kit_pages,
                    browser,
                    folder / "pages",
                    page_loads,
                    args.kit_root,
                )
            if "dashboard" in only:
                from .dashboard import in_run

                results.run("dashboard with a big session", in_run, browser, folder / "dashboard")
        finally:
            browser.close()
            loop.close()
    say(f"\n## summary (load average at the end {load_average()})\n")
    say(results.table())


if __name__ == "__main__":
    sys.exit(main())
