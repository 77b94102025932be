"""Many writers at once, and a writer killed mid-burst: nothing lost, nothing half-written."""

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time

from widgets.model.sessions import SessionSpec
from widgets.store import open_store

WRITERS = 60


def _submit_at_once(url, token, barrier, results):
    store = open_store(url)
    barrier.wait()
    try:
        store.submit(token, "palet", {"v": {"text": f"waarde van {token[:6]}", "cell": "collectief.proces"}})
        results.put("ok")
    except Exception as error:  # reported to the parent
        results.put(repr(error))


def test_sixty_simultaneous_submissions_are_all_stored(store_url):
    store = open_store(store_url)
    session, _ = store.create_session(SessionSpec(title="Drukte", topic="wonen"))
    store.set_activity_open(session.id, "palet", True)
    tokens = [store.join(session.code, "inwoner").token for _ in range(WRITERS)]
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(WRITERS), context.Queue()
    workers = [context.Process(target=_submit_at_once, args=(store_url, t, barrier, results)) for t in tokens]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert outcomes == ["ok"] * WRITERS
    assert len(store.answers(session.id, "palet")) == WRITERS
    assert store.answer_counts(session.id) == {"palet": {"inwoner": WRITERS}}


WRITER = """
import sys
from widgets.store import open_store
store = open_store(sys.argv[1])
token = sys.argv[2]
for n in range(100000):
    store.submit(token, "palet", {f"s{n}-a": n, f"s{n}-b": n, f"s{n}-c": n})
    print(n, flush=True)
"""


def test_writer_killed_mid_burst_loses_no_acknowledged_answer(store_url):
    store = open_store(store_url)
    session, _ = store.create_session(SessionSpec(title="Stroomstoring", topic="wonen"))
    store.set_activity_open(session.id, "palet", True)
    token = store.join(session.code, "inwoner").token
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, store_url, token], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    acknowledged = -1
    deadline = time.monotonic() + 60
    while acknowledged < 40 and time.monotonic() < deadline:
        acknowledged = int(writer.stdout.readline())
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert acknowledged >= 40

    reopened = open_store(store_url)
    if reopened.backend.dialect == "sqlite":
        assert reopened.backend.query("PRAGMA integrity_check")[0]["integrity_check"] == "ok"
    items = reopened.my_answers(token, "palet")
    submissions = {}
    for item, value in items.items():
        submissions.setdefault(item.split("-")[0], []).append(value)
    for n in range(acknowledged + 1):
        assert sorted(submissions.get(f"s{n}", [])) == [n, n, n], f"acknowledged submission {n} is incomplete"
    # whatever was stored beyond the last acknowledgement is whole, never a part
    assert all(len(values) == 3 for values in submissions.values())
    assert json.dumps(items)  # every stored value decodes


def test_a_deleted_session_leaves_no_trace_in_the_database_files(tmp_path):
    """Not in the database file, not in its write-ahead log: a participant's words and token are gone."""
    store = open_store(f"sqlite:///{tmp_path / 'kit.sqlite3'}")
    session, _ = store.create_session(SessionSpec(title="Woonvisie 2030", topic="wonen", activities=("palet",)))
    store.set_activity_open(session.id, "palet", True)
    someone = store.join(session.code, "inwoner", "Marieke Tijdelijk")
    for version in range(5):  # edits leave older versions behind in the log and in the history table
        store.submit(
            someone.token, "palet", {"v": {"text": f"Zwembad Zuidpark {version}", "cell": "collectief.materieel"}}
        )
    store.delete_session(session.id)
    files = [path for path in tmp_path.iterdir() if path.name.startswith("kit.sqlite3")]
    assert files and any(path.name == "kit.sqlite3" for path in files)
    for path in files:
        data = path.read_bytes()
        for secret in ("Zwembad Zuidpark", "Marieke Tijdelijk", someone.token, session.code):
            assert secret.encode() not in data, f"{secret!r} is still in {path.name}"
    store.backend.close()


def test_a_deleted_session_leaves_no_row_behind_and_others_keep_theirs(store):
    """On both backends: no table holds a row, word or token of the deleted session; PostgreSQL vacuumed."""
    from widgets.store.repository import SESSION_TABLES

    kept, _ = store.create_session(SessionSpec(title="Blijft", topic="wonen", activities=("palet",)))
    gone, _ = store.create_session(SessionSpec(title="Woonvisie 2030", topic="wonen", activities=("palet",)))
    for session in (kept, gone):
        store.set_activity_open(session.id, "palet", True)
    stays = store.join(kept.code, "inwoner", "Blijvend")
    store.submit(stays.token, "palet", {"v": {"text": "Speeltuin", "cell": "collectief.materieel"}})
    someone = store.join(gone.code, "inwoner", "Marieke Tijdelijk")
    for version in range(3):
        store.submit(
            someone.token, "palet", {"v": {"text": f"Zwembad Zuidpark {version}", "cell": "collectief.materieel"}}
        )
    store.delete_session(gone.id)
    for table in SESSION_TABLES:
        rows = json.dumps(store.backend.query(f"SELECT * FROM {table}"), default=str)
        for secret in (gone.id, gone.code, "Zwembad Zuidpark", "Marieke Tijdelijk", someone.token):
            assert secret not in rows, f"{secret!r} is still in {table}"
    assert [a.value["text"] for a in store.answers(kept.id)] == ["Speeltuin"]
    if store.backend.dialect == "postgresql":
        vacuumed = store.backend.query("SELECT relname FROM pg_stat_user_tables WHERE vacuum_count > 0")
        assert {row["relname"] for row in vacuumed} >= set(SESSION_TABLES)
