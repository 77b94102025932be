"""Load through a real JupyterHub's proxy: 10 sessions x 30 phones at once, each session on its facilitator's server.

    python -m benchmarks.hub [--sessions 10] [--phones 30] [--values 2]

The hub is the suite's (tests/hub.py: deploy/jupyterhub/, configurable-http-proxy from npm, one
throwaway PostgreSQL store). Each session belongs to one facilitator's single-user server; its
phones (``benchmarks/client.py``: each its own browser and cookies, the real join and palette forms
sent as the page's script sends them, the live stream held open) reach it at
``/user/<name>/kit/<CODE>`` through the proxy. Figures, each p50/p95 over every phone or answer:

- join: the join page, the join form, the first activity's page;
- submit: the palette form's POST until it is answered (the answer is stored), with its idempotency
  key; a post nobody answered is sent again with it after pauses, as ``benchmarks/proxy.py``'s phones
  do (the same client); timed from the first try, the resends counted;
- visible: the POST until a reader of the store (what the dashboard polls) sees the answer.

Baselines in the same run: the same servers addressed directly (no proxy), and one standalone kit
(``python -m widgets.launch`` with the same store) serving all sessions, as on one machine.
Nothing is pinned to a core (a hub, its proxy and ten servers share the two); read the ratios.
"""

import argparse
import os
import platform
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

from benchmarks import client
from benchmarks.client import Phone, Tally
from benchmarks.run import KIT_ARGS, Loop, load_average, percentile
from tests.hub import Hub
from tests.kit_server import REPO, KitServer
from tests.postgres import PostgresCluster


def git_commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def make_sessions(store, count: int, label: str) -> list:
    from widgets.model.sessions import SessionSpec

    made = []
    for number in range(count):
        spec = SessionSpec(
            title=f"{label} {number + 1}", topic="wonen", municipality="Utrecht", language="nl", activities=("palet",)
        )
        session, _ = store.create_session(spec)
        store.set_activity_open(session.id, "palet", True)
        made.append(session)
    return made


class Seen:
    """A reader of the store in its own thread: when each answer's text first shows up (monotonic)."""

    def __init__(self, store_url: str, sessions: list):
        from widgets.store import open_store

        self.store = open_store(store_url)
        self.sessions = sessions
        self.first = {}
        self.running = True
        self.thread = threading.Thread(target=self._poll, daemon=True, name="store-reader")
        self.thread.start()

    def _poll(self):
        while self.running:
            for session in self.sessions:
                now = time.monotonic()
                for answer in self.store.answers(session.id, "palet"):
                    self.first.setdefault(answer.value["text"], now)
            time.sleep(0.05)

    def stop(self):
        self.running = False
        self.thread.join(timeout=10)
        self.store.backend.close()


async def room(targets: list, phones_per_session: int, values: int) -> dict:
    """Every phone of every session joins and holds the live stream, then all answer (``client.room``)."""
    tally = Tally()
    phones = [Phone(base, session.code, n, tally) for base, session in targets for n in range(phones_per_session)]
    streams = await client.room(phones, tally, values)
    return {
        "joins": tally.joins,
        "sent": tally.sent,
        "errors": tally.errors,
        "resent": tally.resent,
        "gave up": len(tally.gave_up),
        "streams": dict(streams),
        "phones": len(phones),
    }


def warm_up(targets: list) -> None:
    """One join page per server first (not counted): the store and the templates open on first use."""
    for base, session in targets:
        requests.get(f"{base}kit/{session.code}", timeout=60).raise_for_status()


def measure(loop: Loop, store_url: str, targets: list, phones: int, values: int) -> dict:
    warm_up(targets)
    seen = Seen(store_url, [session for _, session in targets])
    try:
        outcome = loop.run(room(targets, phones, values), timeout=600)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not set(outcome["sent"]) <= set(seen.first):
            time.sleep(0.1)
    finally:
        seen.stop()
    outcome["submits"] = [answered - posted for posted, answered in outcome["sent"].values()]
    outcome["visible"] = [seen.first[t] - s[0] for t, s in outcome["sent"].items() if t in seen.first]
    outcome["missing"] = len(set(outcome["sent"]) - set(seen.first))
    return outcome


def figures(values: list) -> tuple:
    return (statistics.median(values), percentile(values, 0.95)) if values else (float("nan"), float("nan"))


def report(name: str, outcome: dict) -> None:
    print(f"\n## {name} (load average {load_average()})")
    for key in ("joins", "submits", "visible"):
        p50, p95 = figures(outcome[key])
        print(f"  {key:8} p50 {p50 * 1000:7.0f} ms  p95 {p95 * 1000:7.0f} ms  (n={len(outcome[key])})")
    resent = outcome["resent"]
    print(
        f"  phones {outcome['phones']}, live streams {outcome['streams']}, never visible {outcome['missing']}, "
        f"errors {len(outcome['errors'])}, given up {outcome['gave up']}, "
        f"sent again {sum(resent.values())} {dict(resent.most_common(3))}"
    )
    for error in outcome["errors"][:3]:
        print(f"    {error}")


def proxy_targets(hub: Hub) -> dict:
    """user -> the address of that user's server behind the proxy (from the proxy's own routing table)."""
    port = hub.env["KIT_HUB_API_PORT"]
    token = hub.env["CONFIGPROXY_AUTH_TOKEN"]
    routes = requests.get(f"http://127.0.0.1:{port}/api/routes", headers={"Authorization": f"token {token}"}).json()
    return {spec.split("/")[2]: route["target"] for spec, route in routes.items() if spec.startswith("/user/")}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--phones", type=int, default=30, help="phones per session")
    parser.add_argument("--values", type=int, default=2, help="palette values each phone submits")
    args = parser.parse_args(argv)
    print(
        f"# hub benchmark {time.strftime('%Y-%m-%d %H:%M')} on {platform.node()} ({platform.machine()}, "
        f"{os.cpu_count()} cores), commit {git_commit()}; {args.sessions} sessions x {args.phones} phones, "
        f"{args.values} values each; load average at start {load_average()}",
        flush=True,
    )
    from widgets.store import open_store

    results = {}
    loop = Loop()
    postgres = PostgresCluster().start()
    try:
        store_url = postgres.new_database()
        store = open_store(store_url)
        with tempfile.TemporaryDirectory(prefix="kit-hub-bench-") as folder:
            folder = Path(folder)
            # baseline: one standalone kit serves every session (one machine, no hub)
            kit = KitServer(folder / "standalone", KIT_ARGS, env={"KIT_STORE_URL": store_url}).start()
            try:
                sessions = make_sessions(store, args.sessions, "Eén server")
                results["one kit, direct"] = measure(
                    loop, store_url, [(kit.url, s) for s in sessions], args.phones, args.values
                )
                report("baseline: one standalone kit, direct", results["one kit, direct"])
            finally:
                kit.stop()

            users = [f"f{number + 1:02d}" for number in range(args.sessions)]
            hub = Hub(folder / "hub", store_url, users=users)
            hub.env["CONFIGPROXY_AUTH_TOKEN"] = secrets.token_hex(32)
            hub.start()
            try:
                started = time.monotonic()
                for user in users:  # all servers start side by side, as when every facilitator logs in
                    hub.api("POST", f"users/{user}/server")
                for user in users:
                    hub.start_server(user, timeout=300)
                print(f"\n{len(users)} servers started in {time.monotonic() - started:.0f} s", flush=True)
                sessions = make_sessions(store, args.sessions, "Via de hub")
                through = [(hub.server_url(u), s) for u, s in zip(users, sessions, strict=True)]
                results["through the proxy"] = measure(loop, store_url, through, args.phones, args.values)
                report("through the hub's proxy (/user/<name>/kit/<CODE>)", results["through the proxy"])

                direct = proxy_targets(hub)
                sessions = make_sessions(store, args.sessions, "Zonder proxy")
                servers = [(f"{direct[u]}/user/{u}/", s) for u, s in zip(users, sessions, strict=True)]
                results["same servers, direct"] = measure(loop, store_url, servers, args.phones, args.values)
                report("baseline: the same servers without the proxy", results["same servers, direct"])
            finally:
                hub.stop()
        store.backend.close()
    finally:
        postgres.stop()
        loop.close()

    print(f"\n## summary: p50 / p95 in ms, ratio to each baseline (load average at the end {load_average()})\n")
    print("| figure | through the proxy | same servers, direct | one kit, direct | ratio (direct) | ratio (one kit) |")
    print("| --- | --- | --- | --- | --- | --- |")
    labels = {"joins": "join", "submits": "submit (stored)", "visible": "submit to visible in the store"}
    for key, label in labels.items():
        hub_p = figures(results["through the proxy"][key])
        direct_p = figures(results["same servers, direct"][key])
        one_p = figures(results["one kit, direct"][key])
        cells = [f"{a * 1000:.0f} / {b * 1000:.0f}" for a, b in (hub_p, direct_p, one_p)]
        ratios = [f"{hub_p[0] / d[0]:.2f} / {hub_p[1] / d[1]:.2f}" for d in (direct_p, one_p)]
        print(f"| {label} | {' | '.join(cells)} | {' | '.join(ratios)} |")
    failed = sum(len(r["errors"]) + r["missing"] for r in results.values())
    print(f"\nerrors and answers never visible, all runs: {failed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
