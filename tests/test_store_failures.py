"""A store that cannot write (read-only, full disk, database server gone): a clear message, nothing half stored.

Read-only and full are made by SQLite itself on the kit's own writing connection (``PRAGMA query_only``,
``PRAGMA max_page_count``): that works as root too, where chmod stops nothing, and runs the real
transaction, rollback and StoreUnavailable path. The browser test does the same with a real
read-only and a real full file system.
"""

import os
import shutil
import subprocess
import sys

import pytest

from widgets.model.sessions import SessionSpec
from widgets.store import StoreUnavailable, open_store
from widgets.views.failures import StoreGuard, failure_reason, failure_text, install

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def new_session(store, activities=("palet",)):
    session, key = store.create_session(
        SessionSpec(title="Woonvisie 2030", topic="wonen", municipality="Utrecht", activities=activities)
    )
    return session, key


def read_only(store):
    store.backend._writer().execute("PRAGMA query_only = ON")


def disk_full(store):
    conn = store.backend._writer()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


@pytest.fixture
def palette_view(sqlite_store):
    from widgets.activities.palet.dashboard import Dashboard as PaletteDashboard

    session, _ = new_session(sqlite_store)
    view = PaletteDashboard(sqlite_store, session, "nl")
    view.refresh(session)
    return view


def test_a_failed_write_is_said_in_the_view_logged_and_stores_nothing(palette_view, sqlite_store, capfd):
    """(A full disk on the same path: the browser test, on a real full file system.)"""
    view = palette_view
    view.message.show("Opgeslagen.", "ok")  # a stale success line must not stay on screen
    before = sqlite_store.state(view.session.id, "palet"), sqlite_store.revision(view.session.id)
    read_only(sqlite_store)
    view.reveal.value = True  # the facilitator presses "show to participants"
    assert "alleen-lezen" in view.message.value and "Opgeslagen." not in view.message.value
    assert "wat u invulde staat nog in het formulier" in view.message.value
    assert view.reveal.value is False, "the switch must show what the participants really see"
    err = capfd.readouterr().err
    assert "store write failed: attempt to write a readonly database" in err and "Traceback" in err
    assert (sqlite_store.state(view.session.id, "palet"), sqlite_store.revision(view.session.id)) == before


def test_the_message_goes_once_the_store_works_again(palette_view, sqlite_store):
    view = palette_view
    read_only(sqlite_store)
    view.undo.click()
    assert "alleen-lezen" in view.message.value
    sqlite_store.backend._writer().execute("PRAGMA query_only = OFF")
    view.reveal.value = True
    assert view.message.value == ""
    assert sqlite_store.state(view.session.id, "palet")["reveal"] is True


def test_a_failed_submit_keeps_nothing_half(sqlite_store):
    session, _ = new_session(sqlite_store)
    sqlite_store.set_activity_open(session.id, "palet", True)
    token = sqlite_store.join(session.code, session.groups[0].key).token
    disk_full(sqlite_store)
    big = {f"v{i}": "x" * 2000 for i in range(40)}  # more than the file may grow: fails part way
    with pytest.raises(StoreUnavailable) as failed:
        sqlite_store.submit(token, "palet", big)
    assert failure_reason(failed.value) == "disk_full"
    assert sqlite_store.my_answers(token, "palet") == {}


def test_the_live_dashboard_says_a_read_failed_once_and_recovers(sqlite_store, capfd):
    from widgets.views.common import Message
    from widgets.views.live import Poller

    session, _ = new_session(sqlite_store)
    message, seen = Message(), []
    guard = StoreGuard(message, "en", sqlite_store)
    broken = {"now": True}

    def revision():
        if broken["now"]:
            raise StoreUnavailable("database or disk is full")
        return sqlite_store.revision(session.id)

    poller = Poller(revision, seen.append, guard=guard)
    for _ in range(5):
        poller.poll()
    assert "could not be read" in message.value and seen == []
    assert capfd.readouterr().err.count("store read failed") == 1  # one log entry per outage, not per poll
    broken["now"] = False
    poller.poll()
    assert message.value == "" and seen == [sqlite_store.revision(session.id)]


def test_a_refresh_that_fails_half_way_is_done_again():
    from widgets.views.live import Poller

    calls = []

    def on_change(revision):
        calls.append(revision)
        if len(calls) == 1:
            raise StoreUnavailable("server closed the connection")

    poller = Poller(lambda: 7, on_change)
    poller.poll()
    poller.poll()
    assert calls == [7, 7]
    poller.poll()
    assert calls == [7, 7]


def test_a_page_whose_store_fails_shows_the_kits_message_not_a_traceback():
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    shell = InteractiveShell.instance()
    install(shell)
    with capture_output() as shown:
        shell.run_cell(
            "from widgets.store import StoreUnavailable\nraise StoreUnavailable('attempt to write a readonly database')"
        )
    html = "".join(output.data.get("text/html", "") for output in shown.outputs)
    assert "Deze pagina kan niet starten" in html and "alleen-lezen" in html
    assert "Traceback" not in shown.stdout


def test_an_unreadable_data_folder_is_a_store_failure(tmp_path, monkeypatch):
    """open_store with the default URL: a data folder that cannot be made is StoreUnavailable, not OSError."""
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("KIT_DATA_DIR", str(blocker / "data"))  # a folder under a file: cannot exist
    monkeypatch.delenv("KIT_STORE_URL", raising=False)
    with pytest.raises(StoreUnavailable):
        open_store()


def test_messages_say_what_happened_in_both_languages():
    error = StoreUnavailable("database or disk is full")
    assert failure_text(error, "nl").startswith("De gegevens konden niet worden opgeslagen: de schijf is vol.")
    assert failure_text(error, "en", "read").startswith("The data could not be read: the disk is full.")


# ------------------------------------------------------------------ PostgreSQL


def _admin(cluster, sql):
    from sqlalchemy import create_engine, text

    engine = create_engine(cluster.url("kit"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def cut_off(cluster, database):
    """No new connections to ``database`` and its open ones terminated: the server is gone for the kit."""
    _admin(cluster, f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
    _admin(cluster, f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'")


def postgres_session(cluster):
    """A store on a fresh database of the suite's cluster, with one session: (store, session, database name)."""
    url = cluster.new_database()
    store = open_store(url)
    session, _ = new_session(store)
    return store, session, url.split("/")[3].split("?")[0]


@pytest.mark.postgres
def test_a_lost_postgresql_connection_is_a_store_failure_and_stores_nothing(postgres):
    store, session, database = postgres_session(postgres)
    cut_off(postgres, database)
    try:
        with pytest.raises(StoreUnavailable) as failed:
            store.set_state(session.id, "palet", "reveal", True)
        assert failure_reason(failed.value) == "unreachable"
        assert "de database is niet bereikbaar" in failure_text(failed.value, "nl", store=store)
        with pytest.raises(StoreUnavailable):
            store.answers(session.id)
    finally:
        _admin(postgres, f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
    assert store.state(session.id, "palet") == {}
    store.backend.close()


@pytest.mark.postgres
def test_a_read_only_postgresql_database_is_said_so(postgres):
    store, session, database = postgres_session(postgres)
    _admin(postgres, f'ALTER DATABASE "{database}" SET default_transaction_read_only = on')
    store.backend.close()  # new connections get the setting
    with pytest.raises(StoreUnavailable) as failed:
        store.set_state(session.id, "palet", "reveal", True)
    assert failure_reason(failed.value) == "read_only_db"
    assert store.state(session.id, "palet") == {}
    store.backend.close()


def test_an_unreachable_server_is_a_store_failure(tmp_path):
    with pytest.raises(StoreUnavailable) as failed:
        open_store(f"postgresql+psycopg://kit@/kit?host={tmp_path}&port=5")
    assert failure_reason(failed.value) == "unreachable"


# ------------------------------------------------------------------- launcher


def _launch(data_dir, *extra, prefix=()):
    env = dict(os.environ, KIT_PORT="1")  # never reaches Voila when it is refused
    env.pop("KIT_STORE_URL", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "widgets.launch", f"--data-dir={data_dir}", *extra],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _read_only_prefix(folder):
    """Run a command with ``folder`` read-only: chmod for a normal user, a read-only mount for root."""
    if os.geteuid() != 0:
        os.chmod(folder, 0o555)
        return ()
    if not shutil.which("unshare"):
        pytest.skip("root without unshare: no way to make a folder read-only for it")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode:
        pytest.skip("root without mount namespaces: no way to make a folder read-only for it")
    return (
        "unshare",
        "-m",
        "--propagation",
        "private",
        "sh",
        "-c",
        f'mount --bind "{folder}" "{folder}" && mount -o remount,ro,bind "{folder}" && exec "$@"',
        "sh",
    )


def test_the_launcher_refuses_a_read_only_data_folder(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    try:
        done = _launch(folder, prefix=_read_only_prefix(folder))
    finally:
        os.chmod(folder, 0o755)
    assert done.returncode == 2, done.stderr
    assert f"De kit start niet: in de map {folder} kan niet worden geschreven" in done.stderr
    assert "The kit does not start" in done.stderr
    assert "start op" not in done.stdout  # stopped before Voila
    assert list(folder.iterdir()) == []


def test_the_launcher_refuses_a_broken_database_file(tmp_path):
    (tmp_path / "kit.sqlite3").write_bytes(b"this is not a database" * 100)
    done = _launch(tmp_path)
    assert done.returncode == 2
    assert "de database kit.sqlite3" in done.stderr


def test_an_unreachable_database_server_is_a_warning_a_refusing_one_stops(tmp_path, request):
    from widgets.preflight import problem

    away = problem({"KIT_STORE_URL": f"postgresql+psycopg://kit@/kit?host={tmp_path}&port=5"})
    assert not away.fatal and "Let op: de databaseserver is nu niet bereikbaar" in away.text()
    if shutil.which("pg_ctl") or any(os.path.isdir(p) for p in ("/usr/lib/postgresql",)):
        cluster = request.getfixturevalue("postgres")
        refused = problem({"KIT_STORE_URL": cluster.url("no_such_database")})
        assert refused.fatal and "weigert de verbinding" in refused.text()
        assert problem({"KIT_STORE_URL": cluster.url("kit")}) is None
