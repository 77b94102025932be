"""The facilitator's dashboard in-process: the Python a big session costs on open and per redraw (issue 28, point 5).

Run with ``python -m benchmarks.dashboard_profile``. It prints figures and asserts nothing. No browser and no
kernel: the store is built as ``benchmarks/dashboard.py`` builds it (an empty session and a big one, 300
participants and 3,000 palette values, all activities), then ``FacilitatorApp`` is made for each session in this
process, in an event loop as in a kernel, and timed in CPU seconds (``time.process_time``: a shared machine's
other work does not count):

- open: making the app, which draws the control bar and the first tab (the palette);
- later: what the open left for a later turn of the event loop (a big palette's merge suggestions);
- redraw: one new palette value stored, then the poll that draws it (median of ``--redraws``);
- each tab's first draw (choosing it), and the slowest;

with the big session's figures as ratios to the empty one's. The empty session is drawn once before the figures,
unmeasured, so that the first imports (Bokeh, rapidfuzz) count for neither. Each session is measured ``--repeat``
times and each figure is the smallest of the runs' (a busy machine only adds to what the code costs).
``--profile`` prints cProfile's top functions of the big session's open, redraw and slowest tabs (from the first
run, whose figures it inflates: take ``--repeat`` 2 or more). ``--store FILE`` keeps the SQLite store to reuse
(filling it takes a while); run the same command in another checkout (``git archive`` of main) for figures before.
"""

import argparse
import asyncio
import cProfile
import io
import pstats
import statistics
import sys
import time
from pathlib import Path


def timed(work, profile: cProfile.Profile | None = None) -> float:
    """CPU seconds ``work()`` takes (and its profile, when given one)."""
    started = time.process_time()
    if profile is not None:
        profile.enable()
    try:
        work()
    finally:
        if profile is not None:
            profile.disable()
    return time.process_time() - started


def sessions(path: Path, participants: int, values: int):
    """The store at ``path`` and ``{"empty": (session, key), "big": (session, key)}``, made once and kept."""
    from widgets.store import open_store

    from .dashboard import make_sessions

    fresh = not path.exists()
    store = open_store(f"sqlite:///{path}")
    if fresh:
        made = make_sessions(store, participants, values)
        keys = {name: key for name, (_, key) in made.items()}
        path.with_suffix(".keys").write_text(
            "\n".join(f"{name} {s.code} {keys[name]}" for name, (s, _) in made.items())
        )
    made = {}
    for line in path.with_suffix(".keys").read_text().splitlines():
        name, code, key = line.split()
        made[name] = (store.facilitator_session(code, key), key)
    return store, made


async def deferred(profile: cProfile.Profile | None = None, wait: float = 0.6) -> float:
    """CPU seconds of what the dashboard left for a later turn of the event loop (``views.live.later``)."""
    started = time.process_time()
    if profile is not None:
        profile.enable()
    await asyncio.sleep(wait)
    if profile is not None:
        profile.disable()
    return time.process_time() - started


async def measure(store, session, key: str, redraws: int, profiles: dict | None) -> dict:
    """CPU seconds of one session's dashboard: open (and what it defers), redraws, each tab's first draw; in an
    event loop, as in a kernel."""
    from tests.test_looking_browser import PALETTE
    from widgets.views.facilitator import FacilitatorApp

    from .dashboard import GROUPS
    from .run import value_texts

    def profile(name):
        return profiles.setdefault(name, cProfile.Profile()) if profiles is not None else None

    figures = {}
    app = []
    params = {"sessie": session.code, "sleutel": key}
    figures["open"] = timed(
        lambda: app.append(FacilitatorApp(params=params, cookies={}, store=store, env={})), profile("open")
    )
    app = app[0]
    figures["later"] = await deferred(profile("later"))
    tokens = [store.join(session.code, GROUPS[n % len(GROUPS)]).token for n in range(redraws)]
    cells = [cell for _, cell in PALETTE]
    texts = value_texts(redraws, seed=int(time.time()))  # new values each run: a kept store grows by these
    times = []
    for n, token in enumerate(tokens):
        store.submit(token, "palet", {f"p{time.time()}": {"text": texts[n], "cell": cells[n % len(cells)]}})
        times.append(timed(app.poller.check, profile("redraw")) + await deferred(profile("redraw")))
    figures["redraw"] = statistics.median(times)
    figures["redraws"] = times
    tabs = {}
    for index, name in enumerate(app.tab_keys):
        if index == app.tabs.selected_index:
            continue
        tabs[name] = timed(lambda i=index: setattr(app.tabs, "selected_index", i), profile(f"tab {name}"))
        tabs[name] += await deferred()
    figures["tabs"] = tabs
    figures["slowest"] = max(tabs, key=tabs.get)
    app.poller.stop()
    return figures


def least(runs: list) -> dict:
    """Each figure's smallest of ``runs`` (what the code costs; a busy machine only ever adds)."""
    best = dict(runs[0])
    for what in ("open", "later", "redraw"):
        best[what] = min(run[what] for run in runs)
    best["redraws"] = [x for run in runs for x in run["redraws"]]
    best["tabs"] = {tab: min(run["tabs"][tab] for run in runs) for tab in runs[0]["tabs"]}
    best["slowest"] = max(best["tabs"], key=best["tabs"].get)
    return best


def ratio(a, b) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--values", type=int, default=3000)
    parser.add_argument("--redraws", type=int, default=5)
    parser.add_argument("--store", type=Path, default=None, help="an SQLite file to keep (made if missing)")
    parser.add_argument("--profile", action="store_true", help="cProfile's top functions of the big session")
    parser.add_argument("--repeat", type=int, default=3, help="runs per session; each figure the smallest")
    parser.add_argument("--tabs", type=int, default=3, help="profiles of the slowest tabs' first draws")
    parser.add_argument("--top", type=int, default=25, help="functions per profile")
    args = parser.parse_args(argv)
    import tempfile

    from .run import git_commit, load_average

    folder = tempfile.TemporaryDirectory(prefix="kit-dash-profile-")
    path = args.store or Path(folder.name) / "kit.sqlite3"
    print(f"# dashboard in-process, commit {git_commit()}, load average {load_average()}", flush=True)
    started = time.monotonic()
    store, made = sessions(path, args.participants, args.values)
    print(f"store ready in {time.monotonic() - started:.0f} s ({path})", flush=True)
    figures, profiles = {}, {}
    asyncio.run(measure(store, *made["empty"], 1, None))  # once unmeasured: imports are not the session's cost
    for name in ("empty", "big"):
        session, key = made[name]
        chosen = profiles if args.profile and name == "big" else None
        runs = [
            asyncio.run(measure(store, session, key, args.redraws, chosen if n == 0 else None))
            for n in range(args.repeat)
        ]
        figures[name] = least(runs)
    empty, big = figures["empty"], figures["big"]
    print("\n| CPU seconds | empty | big | big / empty |\n| --- | --- | --- | --- |")
    for what in ("open", "later", "redraw"):
        print(f"| {what} | {empty[what]:.3f} | {big[what]:.3f} | {ratio(big[what], empty[what])} |")
    for tab in big["tabs"]:
        a, b = empty["tabs"].get(tab, 0), big["tabs"][tab]
        print(f"| tab {tab} first draw | {a:.3f} | {b:.3f} | {ratio(b, a)} |")
    print(f"| slowest tab ({big['slowest']}) | {max(empty['tabs'].values()):.3f} | {max(big['tabs'].values()):.3f} | |")
    print(f"redraws, big: {' '.join(f'{x:.3f}' for x in big['redraws'])}")
    slowest = sorted(big["tabs"], key=big["tabs"].get, reverse=True)[: args.tabs]
    for name in ["open", "later", "redraw", *(f"tab {tab}" for tab in slowest)]:
        if name not in profiles:
            continue
        out = io.StringIO()
        pstats.Stats(profiles[name], stream=out).sort_stats("cumulative").print_stats(args.top)
        print(f"\n## profile: big session, {name}\n{out.getvalue()}")
    print(f"load average at the end {load_average()}")
    store.backend.close()


if __name__ == "__main__":
    sys.exit(main())
