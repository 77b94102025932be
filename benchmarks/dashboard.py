"""The facilitator's dashboard with a big session: 300 participants, 3,000 palette values (issue 28, point 5).

Run with ``python -m benchmarks.dashboard`` (or ``python -m benchmarks.run --only dashboard``). It prints
figures and ratios and asserts nothing. The kit is started as ``benchmarks/run.py`` starts it (pinned to
core 0, Chromium and this process on core 1). One store holds two sessions with every activity: an empty
one (the baseline in the same run) and a big one, answered through the store as phones would (each answer
checked by its activity's model first; the other activities' answers are those of
tests/test_looking_browser.py). For each session, in Chromium at 1280 x 900:

- time until the dashboard is usable: the control bar's buttons and the first tab's analysis drawn;
- DOM elements of the page once it settled;
- time per redraw after one new answer: from the store's submit to the open tab's last change (a
  MutationObserver on the visible tab, the browser's clock aligned to this process's);
- time to switch to each activity's tab (click to its analysis drawn);
- the dashboard kernel's CPU seconds over ``--idle`` s with nothing happening and over ``--stream`` s
  of answers arriving (``--rate`` a second).

The one-button Voila page (``run.OneButtonVoila``) is the floor for the time to usable.
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.conftest import CHROMIUM

from .run import (
    BROWSER_ARGS,
    LOAD_CORES,
    SERVER_CORES,
    OneButtonVoila,
    clock_offset,
    cores_of,
    cpu_seconds,
    git_commit,
    load_average,
    pin_tree,
    ratio,
    say,
    settle_kernels,
    start_kit,
    time_to_element,
    value_texts,
)
from .run import descendants as descendants_of

VIEWPORT = {"width": 1280, "height": 900}
GROUPS = ("ambtelijk", "inwoner", "bestuurlijk-politiek", "maatschappelijke-partner")
PER_PERSON = 10  # palette values each participant names (the phone allows 30)

# Usable: the bar's buttons and the first activity's analysis drawn and visible.
USABLE = """(selectors) => {
  const shown = (s) => { const el = document.querySelector(s); return el && el.getClientRects().length > 0; };
  const check = () => {
    if (selectors.every(shown)) { window.__kitReady = performance.now(); } else { requestAnimationFrame(check); }
  };
  requestAnimationFrame(check);
}"""

# Every change inside the visible tab, timed (first and last) from now on.
WATCH_PANE = """() => {
  const panes = Array.from(document.querySelectorAll('.kit-activity-pane'));
  const pane = panes.find((p) => p.getClientRects().length > 0);
  if (window.__kitWatch) { window.__kitWatch.disconnect(); }
  window.__kitChanges = [];
  window.__kitWatch = new MutationObserver(() => window.__kitChanges.push(performance.now()));
  window.__kitWatch.observe(pane, {childList: true, subtree: true, characterData: true, attributes: true});
  return !!pane;
}"""

COUNT = "() => document.getElementsByTagName('*').length"


def fill(store, session, room, participants: int, values: int) -> None:
    """``participants`` phones join and answer every activity; the palette gets ``values`` distinct values."""
    from tests.test_looking_browser import ANSWERS, PALETTE
    from widgets.activities import BY_KEY

    texts = value_texts(values, seed=11)
    cells = [cell for _, cell in PALETTE]
    tokens = [store.join(session.code, GROUPS[n % len(GROUPS)]).token for n in range(participants)]
    store.set_open_activities(session.id, list(session.activities))
    for activity in session.activities:
        check = BY_KEY[activity].part("model", "check_stored")
        for n, token in enumerate(tokens):
            if activity == "palet":  # the benchmark is about the palette's size
                mine = texts[n * PER_PERSON : (n + 1) * PER_PERSON] or [texts[n % len(texts)]]
                answers = {f"b{n}-{j}": {"text": v, "cell": cells[(n + j) % len(cells)]} for j, v in enumerate(mine)}
            else:
                answers = ANSWERS[activity](n, room)
            for item, value in answers.items():
                check(item, value)
            store.submit(token, activity, answers)


def make_sessions(store, participants: int, values: int) -> dict:
    """``{"empty": (session, key), "big": (session, key)}``, both with every activity, the first one open."""
    from tests.test_looking_browser import OWN_STATEMENTS, Room
    from widgets.activities import KEYS
    from widgets.activities.eigen.model import check_statements
    from widgets.activities.palet.model import normalize_value
    from widgets.model.sessions import SessionSpec

    made = {}
    for name in ("empty", "big"):
        spec = SessionSpec(title=f"Benchmark {name}", topic="wonen", municipality="Utrecht", activities=tuple(KEYS))
        session, key = store.create_session(spec)
        store.set_state(session.id, "eigen", "statements", check_statements(list(OWN_STATEMENTS)))
        if name == "big":
            started = time.monotonic()
            room = Room("", session.code, key, statements=store.state(session.id, "eigen")["statements"])
            room.palette_keys = [normalize_value(t) for t in value_texts(values, seed=11)[:12]]
            fill(store, session, room, participants, values)
            say(f"filled the big session in {time.monotonic() - started:.0f} s")
        store.set_open_activities(session.id, ["palet"])  # values keep coming in while the dashboard is open
        made[name] = (store.session(session.id), key)
    return made


def first_tab(session) -> str:
    """The analysis the dashboard opens at: the first open activity in the run order (the first without one)."""
    return next((a for a in session.activities if a in session.open_activities), session.activities[0])


def kernel_of(server_pid: int, kernel_id: str):
    """The pid of the ipykernel whose connection file names ``kernel_id``."""
    for pid in descendants_of(server_pid):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                if kernel_id.encode() in handle.read():
                    return pid
        except OSError:
            continue
    return None


class Dashboard:
    """One session's dashboard in its own Chromium context, with its kernel's pid."""

    def __init__(self, browser, kit, session, key: str):
        self.session, self.kit = session, kit
        self.context = browser.new_context(viewport=VIEWPORT)
        self.page = self.context.new_page()
        kernels = []
        self.page.on("websocket", lambda s: kernels.extend(re.findall(r"/api/kernels/([0-9a-f-]{36})", s.url)))
        first = first_tab(session)
        self.page.add_init_script(
            script=f"({USABLE})({['.kit-control-bar .kit-bar-open', f'.kit-dashboard-{first}']!r})"
        )
        url = kit.render_url("workshops/facilitator.ipynb", f"sessie={session.code}&sleutel={key}")
        self.page.goto(url, wait_until="commit", timeout=120_000)
        self.page.wait_for_function("window.__kitReady > 0", timeout=300_000, polling=100)
        self.usable = self.page.evaluate("window.__kitReady") / 1000
        self.kernel = kernel_of(kit.process.pid, kernels[0]) if kernels else None
        pin_tree(kit.process.pid, SERVER_CORES)

    def settle(self, quiet: float = 1.5, limit: float = 60) -> None:
        """Wait until the page has not changed for ``quiet`` seconds."""
        self.page.evaluate(
            "() => { window.__kitLast = performance.now(); new MutationObserver(() => "
            "{ window.__kitLast = performance.now(); }).observe(document.body, "
            "{childList: true, subtree: true, characterData: true, attributes: true}); }"
        )
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.page.evaluate("performance.now() - window.__kitLast") > quiet * 1000:
                return
            self.page.wait_for_timeout(200)

    def elements(self) -> int:
        return self.page.evaluate(COUNT)

    def redraw(self, store, token: str, text: str, cell: str, quiet: float = 1.5) -> tuple:
        """(submit to the tab's first change, submit to its last change) for one new palette value."""
        self.page.evaluate(WATCH_PANE)
        offset, _ = clock_offset(self.page, rounds=10)
        posted = time.monotonic()
        store.submit(token, "palet", {f"r{posted}": {"text": text, "cell": cell}})
        deadline = posted + 20
        while time.monotonic() < deadline:
            changes = self.page.evaluate("window.__kitChanges")
            if changes and self.page.evaluate("performance.now()") - changes[-1] > quiet * 1000:
                break
            self.page.wait_for_timeout(100)
        changes = self.page.evaluate("window.__kitChanges")
        if not changes:
            return None, None
        return changes[0] / 1000 - offset - posted, changes[-1] / 1000 - offset - posted

    def switch(self, label: str, selector: str) -> float:
        """Click the tab ``label``; seconds until ``selector`` is drawn and visible."""
        self.page.evaluate(
            "(s) => { window.__kitShown = 0; const check = () => { const el = document.querySelector(s); "
            "if (el && el.getClientRects().length) { window.__kitShown = performance.now(); } "
            "else { requestAnimationFrame(check); } }; window.__kitCheck = check; }",
            selector,
        )
        tab = self.page.get_by_role("tab", name=label, exact=True)
        started = self.page.evaluate("performance.now()")
        tab.click()
        self.page.evaluate("window.__kitCheck()")
        self.page.wait_for_function("window.__kitShown > 0", timeout=120_000, polling=50)
        return (self.page.evaluate("window.__kitShown") - started) / 1000

    def close(self) -> None:
        self.context.close()


def stream(store, tokens: list, texts: list, cells: list, rate: float, seconds: float) -> int:
    """Palette values from ``tokens`` at ``rate`` a second for ``seconds``; how many were stored."""
    sent, started = 0, time.monotonic()
    while time.monotonic() - started < seconds:
        store.submit(tokens[sent % len(tokens)], "palet", {f"s{sent}": {"text": texts[sent], "cell": cells[sent % 6]}})
        sent += 1
        time.sleep(max(0.0, started + sent / rate - time.monotonic()))
    return sent


def measure(name: str, browser, kit, store, session, key: str, args, figures: dict) -> None:
    from tests.test_looking_browser import PALETTE
    from widgets.activities import BY_KEY

    cells = [cell for _, cell in PALETTE]
    say(f"\n### {name} session ({load_average()})")
    url = kit.render_url("workshops/facilitator.ipynb", f"sessie={session.code}&sleutel={key}")
    loads = []  # first loads in a fresh context, each page's kernel shut afterwards; the last one stays open
    for _ in range(args.usable_loads - 1):
        loads.append(time_to_element(browser, url, f".kit-dashboard-{first_tab(session)}")[0])
        time.sleep(2)
    board = Dashboard(browser, kit, session, key)
    loads.append(board.usable)
    board.usable = statistics.median(loads)
    try:
        say(
            f"usable (bar and first tab drawn): median {board.usable:.2f} s of {len(loads)} "
            f"({' '.join(f'{x:.2f}' for x in loads)}); kernel pid {board.kernel}"
        )
        board.settle()
        elements = board.elements()
        say(f"DOM elements once settled: {elements}")
        switches = {}
        palette = BY_KEY["palet"].label("nl")
        for activity in [*session.activities[1:], session.activities[0]]:
            switches[activity] = board.switch(BY_KEY[activity].label("nl"), f".kit-dashboard-{activity}")
        times = list(switches.values())
        say(
            f"tab switch: median {statistics.median(times):.2f} s, max {max(times):.2f} s "
            f"({', '.join(f'{a} {s:.2f}' for a, s in switches.items())})"
        )
        board.switch(palette, ".kit-dashboard-palet")  # the facilitator watches the values come in
        extra = [store.join(session.code, GROUPS[n % len(GROUPS)]).token for n in range(4)]
        board.settle()
        texts = value_texts(args.redraws + int(args.rate * args.stream) + 20, seed=99)
        redraws = []
        for i in range(args.redraws):
            first, last = board.redraw(store, extra[i % len(extra)], texts[i], cells[i % len(cells)])
            if last is not None:
                redraws.append((first, last))
        done = [last for _, last in redraws]
        say(
            "redraw after one new palette value, on the palette's tab (submit -> last change on the tab): "
            + (f"median {statistics.median(done):.2f} s, max {max(done):.2f} s" if done else "no change seen")
            + (f"; first change median {statistics.median(f for f, _ in redraws):.2f} s" if redraws else "")
        )
        board.settle()
        idle = None
        if board.kernel and args.idle:
            before = cpu_seconds(board.kernel)
            time.sleep(args.idle)
            idle = cpu_seconds(board.kernel) - before
            say(f"dashboard kernel CPU over {args.idle} s idle: {idle:.2f} s")
        streamed = None
        if board.kernel and args.stream:
            before = cpu_seconds(board.kernel)
            offset = args.redraws
            sent = stream(store, extra, texts[offset:], cells, args.rate, args.stream)
            board.settle(limit=30)
            streamed = cpu_seconds(board.kernel) - before
            say(f"dashboard kernel CPU over {args.stream} s with {sent} answers ({args.rate:g}/s): {streamed:.2f} s")
        figures[name] = {
            "usable": board.usable,
            "elements": elements,
            "redraw": statistics.median(done) if done else None,
            "switch": statistics.median(times),
            "switch_max": max(times),
            "idle": idle,
            "stream": streamed,
        }
    finally:
        board.close()


def run(browser, folder: Path, args) -> dict:
    """Every figure of both sessions and the one-button page; returns them by name."""
    figures = {}
    voila = OneButtonVoila(folder / "voila-page").start()
    try:
        base = []
        for _ in range(args.loads):
            settle_kernels(voila.process.pid, 0)
            base.append(time_to_element(browser, voila.url, "button.jupyter-button, .widget-button")[0])
    finally:
        voila.stop()
    figures["one_button"] = statistics.median(base)
    say(f"baseline, one-button page on plain Voila: median {figures['one_button']:.2f} s")
    from widgets.store import open_store

    kits, stores, sessions = {}, {}, {}
    try:  # the kit from --before first, then this one: the same machine minutes apart, in turns
        for label, root in ((BEFORE, args.before), (NOW, None)):
            if label == BEFORE and root is None:
                continue
            kits[label] = start_kit(folder / f"kit-{label}", root=root)
            stores[label] = open_store(f"sqlite:///{kits[label].data_dir / 'kit.sqlite3'}")
            sessions[label] = make_sessions(stores[label], args.participants, args.values)
            say(f"kit {label} from {root or 'this checkout'} on cores {cores_of(kits[label].process.pid)}")
        for name in ("empty", "big"):
            for label, kit in kits.items():
                time.sleep(3)
                figures.setdefault(label, {})
                measure(f"{name} ({label})", browser, kit, stores[label], *sessions[label][name], args, figures[label])
                figures[label][name] = figures[label].pop(f"{name} ({label})")
    finally:
        for label, kit in kits.items():
            if label in stores:
                stores[label].backend.close()
            kit.stop()
    figures["now"]["one_button"] = figures["one_button"]
    summary(figures["now"], args)
    if BEFORE in figures:
        compare(figures[BEFORE], figures[NOW], args)
    return figures["now"]


def compare(before: dict, now: dict, args) -> None:
    """The big session before and after, each also as a ratio to its own kit's empty session."""
    say(f"\n## the big session, the kit from {args.before} against this one\n")
    say("| figure | before | now | now / before | before: big / empty | now: big / empty |")
    say("| --- | --- | --- | --- | --- | --- |")
    for what, key in ROWS:
        b, n = before.get("big", {}).get(key), now.get("big", {}).get(key)
        be, ne = before.get("empty", {}).get(key), now.get("empty", {}).get(key)
        shown = [f"{x:.2f}" if isinstance(x, float) else str(x) for x in (b, n)]
        say(f"| {what} | {shown[0]} | {shown[1]} | {ratio(n, b) if b else 'n/a'} | {ratio(b, be)} | {ratio(n, ne)} |")


BEFORE, NOW = "before", "now"
ROWS = (
    ("usable (bar and first tab), s", "usable"),
    ("DOM elements", "elements"),
    ("redraw after one answer (median), s", "redraw"),
    ("tab switch (median), s", "switch"),
    ("tab switch (slowest), s", "switch_max"),
    ("kernel CPU idle, s", "idle"),
    ("kernel CPU under the stream, s", "stream"),
)


def summary(figures: dict, args) -> None:
    empty, big, floor = figures.get("empty", {}), figures.get("big", {}), figures["one_button"]

    def line(what, key, unit="s", target=""):
        a, b = empty.get(key), big.get(key)
        if b is None:
            return f"| {what} | {target} | n/a | | |"
        shown = f"{b:.2f} {unit}" if unit else f"{b}"
        base = f"{a:.2f} {unit}" if unit and a is not None else f"{a}"
        extra = f" | {ratio(b, floor)} of the one-button page ({floor:.2f} s)" if key == "usable" else " |"
        return f"| {what} | {target} | {shown} | {ratio(b, a)} of the empty session ({base}){extra} |"

    say(f"\n## dashboard summary ({args.participants} participants, {args.values} palette values)\n")
    say("| figure | target | big session | ratio to the empty session | ratio to the one-button page |")
    say("| --- | --- | --- | --- | --- |")
    say(line("usable (bar and first tab)", "usable", target="<= 3 s"))
    say(line("DOM elements", "elements", unit=""))
    say(line("redraw after one answer (median)", "redraw", target="<= 0.5 s"))
    say(line("tab switch (median)", "switch"))
    say(line("tab switch (slowest)", "switch_max"))
    say(line(f"kernel CPU, {args.idle} s idle", "idle"))
    say(line(f"kernel CPU, {args.stream} s at {args.rate:g} answers/s", "stream"))


def in_run(results, browser, folder: Path) -> None:
    """``python -m benchmarks.run --only dashboard``: the default figures, and two rows in that run's table."""
    from .run import verdict

    figures = run(browser, Path(folder), parser().parse_args([]))
    empty, big = figures.get("empty", {}), figures.get("big", {})
    for what, key, limit in (("usable", "usable", 3.0), ("redraw after one answer, median", "redraw", 0.5)):
        if big.get(key) is not None:
            results.row(
                f"dashboard, 300 participants and 3,000 values: {what}",
                f"<= {limit:g} s",
                f"{big[key]:.2f} s",
                f"{ratio(big[key], empty.get(key))} of the empty session ({empty.get(key) or 0:.2f} s)",
                verdict(big[key], limit),
            )


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--values", type=int, default=3000, help="palette values in the big session")
    parser.add_argument("--redraws", type=int, default=5, help="single answers timed one by one")
    parser.add_argument("--idle", type=float, default=60, help="seconds of idle CPU measured")
    parser.add_argument("--stream", type=float, default=60, help="seconds of answers arriving")
    parser.add_argument("--rate", type=float, default=2.0, help="answers a second during the stream")
    parser.add_argument("--loads", type=int, default=3, help="loads of the one-button page")
    parser.add_argument("--usable-loads", type=int, default=3, help="first loads of each dashboard (the median)")
    parser.add_argument(
        "--before", type=Path, default=None, help="also measure the kit from this checkout (e.g. `git archive` of main)"
    )
    return parser


def main(argv=None) -> None:
    args = parser().parse_args(argv)
    cores = os.sched_getaffinity(0)
    if (SERVER_CORES | LOAD_CORES) <= cores:
        os.sched_setaffinity(0, LOAD_CORES)
    say(
        f"# dashboard benchmark {time.strftime('%Y-%m-%d %H:%M')} ({os.cpu_count()} cores), commit {git_commit()}, "
        f"load average {load_average()}"
    )
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="kit-bench-dash-") as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS, headless=True)
        try:
            run(browser, Path(folder), args)
        finally:
            browser.close()
    say(f"load average at the end {load_average()}")


if __name__ == "__main__":
    sys.exit(main())
