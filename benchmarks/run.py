"""Benchmarks: memory per participant, N participants on one server, click-to-dashboard latency, page load.

Run with ``make benchmark`` (or ``python -m benchmarks.run [--quick]``). It starts the kit as a
user does (``python -m widgets.launch``), drives real pages in Debian's Chromium through
Playwright, and prints figures; it asserts nothing. Participants are real browser pages: each
joins by clicking and submits a palette value by clicking, so the path from widget event to
store to dashboard is the one people use.
"""

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.kit_server import KitServer, kernel_pids

REPO = Path(__file__).resolve().parent.parent


def memory(pid: int) -> dict:
    """RSS and PSS in MB from /proc (PSS counts shared pages once, split between sharers)."""
    values = {}
    with open(f"/proc/{pid}/smaps_rollup") as handle:
        for line in handle:
            parts = line.split()
            if parts[0] in ("Rss:", "Pss:"):
                values[parts[0][:-1].lower()] = int(parts[1]) / 1024
    return values


def bare_kernel_memory() -> dict:
    """An ipykernel that has run nothing, measured like the kit's kernels."""
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        client.execute_interactive("pass", timeout=30)
        time.sleep(1)
        return memory(manager.provisioner.process.pid)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def percentile(values, q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def create_session(browser, kit):
    from tests.browser import create_session as create, open_activity, open_facilitator

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = open_facilitator(context, kit)
    code = create(page, title="Benchmark", activities=["Waardenpalet"])
    open_activity(page, "Waardenpalet")
    return page, code


def join_participants(browser, kit, code, count: int, pages: list) -> None:
    from tests.browser import join

    groups = ("Ambtelijk", "Inwoner", "Bestuurlijk-politiek", "Maatschappelijke partner")
    while len(pages) < count:
        context = browser.new_context(viewport={"width": 375, "height": 740})
        page = join(context, kit, code, groups[len(pages) % len(groups)])
        page.wait_for_selector(".kit-palet-text input", timeout=90_000)
        pages.append(page)


def submit(page, text: str) -> None:
    page.fill(".kit-palet-text input", text)
    page.locator("button.kit-palet-add, .kit-palet-add button").first.click()


def dashboard_count(page) -> int:
    return page.evaluate("() => Array.from(document.querySelectorAll('.kit-palet-grid [data-kit-count]'))"
                         ".reduce((n, el) => n + Number(el.getAttribute('data-kit-count')), 0)")


def simulated_participants(kit, code: str, count: int) -> list:
    """Participants without a browser: the kit's own palette view objects, clicked from Python.

    A click runs the same code as in a participant's kernel (view -> model checks -> store);
    the facilitator's dashboard, in Chromium, sees the result through its own live poll.
    """
    import os

    os.environ["KIT_DATA_DIR"] = str(kit.data_dir)
    from widgets.store import open_store
    from widgets.views.palette import PaletteParticipant

    store = open_store()
    session = store.session_by_code(code)
    groups = [g.key for g in session.groups]
    people = [store.join(code, groups[i % len(groups)]) for i in range(count)]
    return [PaletteParticipant(store, session, person, "nl") for person in people]


def total_pss(server_pid: int) -> float:
    return sum(memory(pid)["pss"] for pid in [server_pid, *kernel_pids(server_pid)])


def page_loads(browser, kit, code: str, runs: int) -> list:
    times = []
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        start = time.monotonic()
        page.goto(kit.render_url("workshops/deelnemen.ipynb", f"sessie={code}"))
        page.wait_for_selector(".kit-group-choice input", timeout=60_000)
        times.append(time.monotonic() - start)
        context.close()
        time.sleep(4)  # let the pool refill, as between people arriving
    return times


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="N = 5, 10 and 40 submissions (a smoke run)")
    args = parser.parse_args(argv)
    sizes = (5,) if args.quick else (10, 20, 40)
    submissions = 40 if args.quick else 200
    loads = 3 if args.quick else 10

    from playwright.sync_api import sync_playwright

    print(f"# benchmark {time.strftime('%Y-%m-%d %H:%M')} on {platform.node()} "
          f"({platform.machine()}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores)")
    bare = bare_kernel_memory()
    print(f"bare ipykernel: RSS {bare['rss']:.0f} MB, PSS {bare['pss']:.0f} MB")

    with tempfile.TemporaryDirectory() as data, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        kit = KitServer(Path(data)).start()
        try:
            facilitator, code = create_session(browser, kit)
            before = set(kernel_pids(kit.process.pid))
            pages = []
            join_participants(browser, kit, code, 1, pages)
            time.sleep(2)
            new = [pid for pid in kernel_pids(kit.process.pid) if pid not in before]
            used = max(new, key=lambda pid: memory(pid)["rss"]) if new else None
            if used:
                one = memory(used)
                print(f"1. participant kernel after rendering and joining: RSS {one['rss']:.0f} MB, "
                      f"PSS {one['pss']:.0f} MB; ratio to bare ipykernel RSS {one['rss'] / bare['rss']:.2f}, "
                      f"PSS {one['pss'] / bare['pss']:.2f}")
            for n in sizes:
                join_participants(browser, kit, code, n, pages)
                for i, page in enumerate(pages):
                    if not page.locator(".kit-palet-mine .kit-mine-text").count():
                        submit(page, f"waarde {i}")
                        page.wait_for_selector(".kit-palet-mine .kit-mine-text", timeout=20_000)
                time.sleep(2)
                kernels = kernel_pids(kit.process.pid)
                print(f"2. N={n}: {len(kernels)} kernels (incl. facilitator and pool); total PSS of server and "
                      f"kernels {total_pss(kit.process.pid):.0f} MB; server PSS {memory(kit.process.pid)['pss']:.0f} MB")
            for page in pages:  # their kernels stop with them; the simulated participants below take over
                page.context.close()
            people = simulated_participants(kit, code, len(pages))
            latencies = []
            shown = dashboard_count(facilitator)
            for i in range(submissions):
                view = people[i % len(people)]
                start = time.monotonic()
                view.text.value = f"extra {i}"
                view.save.click()
                facilitator.wait_for_function(
                    "(n) => Array.from(document.querySelectorAll('.kit-palet-grid [data-kit-count]'))"
                    ".reduce((s, el) => s + Number(el.getAttribute('data-kit-count')), 0) > n",
                    arg=shown, timeout=30_000, polling=20)
                latencies.append(time.monotonic() - start)
                shown = dashboard_count(facilitator)
            print(f"3. submit to dashboard at N={len(people)}, {len(latencies)} submissions: "
                  f"p50 {statistics.median(latencies):.2f} s, p95 {percentile(latencies, 0.95):.2f} s")
            warm = page_loads(browser, kit, code, loads)
        finally:
            kit.stop()
        cold_kit = KitServer(Path(data) / "cold", extra_args=["--no-preheat"]).start()
        try:
            cold = page_loads(browser, cold_kit, code_for(cold_kit, browser), loads)
        finally:
            cold_kit.stop()
        print(f"4. participant page to interactive: preheated p50 {statistics.median(warm):.2f} s, "
              f"p95 {percentile(warm, 0.95):.2f} s; cold p50 {statistics.median(cold):.2f} s, "
              f"p95 {percentile(cold, 0.95):.2f} s ({loads} loads each)")
        browser.close()


def code_for(kit, browser) -> str:
    """A session on a second kit (for the cold page loads)."""
    _, code = create_session(browser, kit)
    return code


if __name__ == "__main__":
    sys.exit(main())
