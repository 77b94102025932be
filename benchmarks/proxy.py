"""Nothing lost, nothing twice through the real configurable-http-proxy: 10 sessions x 100 phones.

    python -m benchmarks.proxy [--sessions 10] [--phones 100] [--values 2] [--lose 0.05] [--proxy PATH]

One standalone kit (``python -m widgets.launch``, its SQLite store) behind configurable-http-proxy
(JupyterHub's proxy, the version deploy/jupyterhub/package-lock.json pins; tests/hub.py installs it),
started on its own with the kit as its default target, as a hub's proxy forwards to a server. Each
session's phones come from their own loopback address (127.0.0.<10 + session>: a room behind its
router), hold the live stream open and send their forms as the page's script (participant.js) does
(``benchmarks/client.py``, the phone ``benchmarks/hub.py`` uses too).

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
import os
import platform
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks import client
from benchmarks.client import PAUSES, Phone, Tally
from benchmarks.run import KIT_ARGS, Loop, load_average, percentile
from tests.kit_server import REPO, KitServer, free_port, stop_group


def git_commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


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


async def room(base: str, sessions: list, phones: int, values: int, lose: float, keys: bool) -> tuple:
    """Each session's phones from their own loopback address, through ``client.room``."""
    tally = Tally()
    everyone = [
        Phone(base, s.code, n, tally, address=f"127.0.0.{10 + i}", lose=lose, keys=keys)
        for i, s in enumerate(sessions)
        for n in range(phones)
    ]
    streams = await client.room(everyone, tally, values)
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
