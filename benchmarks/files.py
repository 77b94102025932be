"""What a facilitator waits for a download: each file of a 40-participant session, against the JSON export.

    python -m benchmarks.files [--participants 40] [--repeat 3]

Every file is built from the session's export when its link is clicked (widgets/report/files.py). The
baseline is that export itself (read the session from the store, write it as JSON), measured in
the same run; the figures are ratios to it, and the seconds only for orientation. "One click
before" is what the dashboard's old Exporteren button built at once (exports and report, base64 into the
widget connection); now each link costs only its own file.
"""

import argparse
import json
import platform
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from widgets.activities.beoordelen.model import OVERALL, STATEMENTS
from widgets.model.sessions import SessionSpec
from widgets.report.files import downloads
from widgets.report.transfer import export_session
from widgets.store import open_store

GROUPS = ("Bestuurders", "Ambtenaren", "Partners", "Inwoners")
VALUES = ("Betaalbaarheid", "Groen", "Inspraak", "Veiligheid", "Rechtvaardigheid", "Snelheid", "Zorg", "Ruimte")


def filled_session(store, participants: int):
    spec = SessionSpec(
        title="Woonvisie 2030",
        topic="wonen",
        municipality="Gouda",
        groups=GROUPS,
        activities=("palet", "prioriteren", "beoordelen", "driehoek"),
    )
    session, _ = store.create_session(spec)
    store.set_open_activities(session.id, session.activities)
    for i in range(participants):
        token = store.join(session.code, GROUPS[i % 4].lower()).token
        store.submit(
            token, "palet", {f"v{j}": {"text": VALUES[(i + j) % 8], "cell": "collectief.materieel"} for j in range(3)}
        )
        store.submit(token, "prioriteren", {"verdeling": {VALUES[i % 8].lower(): 60, VALUES[(i + 1) % 8].lower(): 40}})
        rating = {OVERALL: {"score": 5 + i % 5, "note": f"Toelichting {i}" if i % 3 == 0 else ""}}
        rating.update({key: {"score": 1 + (i + k) % 10, "note": ""} for k, key in enumerate(STATEMENTS)})
        store.submit(token, "beoordelen", rating)
        store.submit(
            token,
            "driehoek",
            {
                "plaats": {"willen": 8, "mogen": i % 10, "kunnen": 3},
                "spanning.willen-mogen": {"severity": 1 + i % 5, "note": ""},
            },
        )
    return session


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(
        f"# files benchmark {time.strftime('%Y-%m-%d %H:%M')} on {platform.node()} ({platform.machine()}), "
        f"commit {commit}; {args.participants} participants, median of {args.repeat}"
    )
    with tempfile.TemporaryDirectory(prefix="kit-bench-files-") as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'kit.sqlite3'}")
        session = filled_session(store, args.participants)
        store.session(session.id)
        export_session(store, session.id)  # warm: imports, first queries
        baseline = timed(lambda: json.dumps(export_session(store, session.id)).encode(), args.repeat)
        print(f"\nbaseline: the JSON export, {baseline * 1000:.1f} ms\n")
        print("| file | size | seconds | ratio to baseline |\n| --- | --- | --- | --- |")
        total = 0.0  # the files the old button made: exports and report, not the paper forms (new)
        for item in downloads(session):
            item.make(export_session(store, session.id), "nl")  # warm this builder's imports (Bokeh, openpyxl)
            size = len(item.make(export_session(store, session.id), "nl"))
            seconds = timed(lambda item=item: item.make(export_session(store, session.id), "nl"), args.repeat)
            total += seconds if item.kind != "paper" else 0
            shown = f"{size / 1024:.0f} KiB" if size >= 1024 else f"{size} B"
            times = seconds / baseline
            print(
                f"| {item.name} | {shown} | {seconds:.2f} | {times:.1f} |"
                if times < 10
                else f"| {item.name} | {shown} | {seconds:.2f} | {times:.0f} |"
            )
        report = next(d for d in downloads(session) if d.name == "rapport.pdf")
        report_seconds = timed(lambda: report.make(export_session(store, session.id), "nl"), 1)
        print(
            f"\nexports and report at once (what one click of the old Exporteren cost, at least): {total:.1f} s, "
            f"{total / baseline:.0f}x the baseline; the report's PDF alone {report_seconds:.1f} s, "
            f"{report_seconds / total:.2f} of that"
        )
        store.backend.close()


if __name__ == "__main__":
    main()
