"""Privacy by design in the running kit: the server purges, its log names nobody, cookies end with the session.

One kit for the module, started as an administrator would, with a purge every second instead of every hour
and a controller named; the participant's side is plain HTTP (``tests/phone.py``).
"""

import json
import sqlite3
import time
from datetime import UTC, datetime

import pytest

from widgets.model.sessions import DAY, SessionSpec
from widgets.store import open_store

from .kit_server import KitServer
from .phone import Phone


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    server = KitServer(
        tmp_path_factory.mktemp("privacy"),
        extra_args=[
            "--KitWeb.purge_interval=1",
            "--controller=Gemeente Zuidstad",
            "--controller-contact=privacy@zuidstad.example",
        ],
    ).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def database(kit):
    return kit.data_dir / "kit.sqlite3"


def new_session(database, title: str, with_key: bool = False):
    store = open_store(f"sqlite:///{database}")
    try:
        session, key = store.create_session(SessionSpec(title=title, topic="wonen", activities=("palet",)))
        store.set_activity_open(session.id, "palet", True)
    finally:
        store.backend.close()
    return (session, key) if with_key else session


def test_the_running_server_purges_a_session_past_its_retention_with_its_traces(kit, database):
    gone = new_session(database, "Zwembad Zuidpark")
    kept = new_session(database, "Speeltuin Noord")
    phone = Phone(kit.url)
    phone.join(gone.code, "Inwoner", "Marieke Tijdelijk")
    phone.get(f"kit/{gone.code}/palet")
    phone.submit(".kit-form-palet", text="Zwembad Zuidpark open", cell="collectief.materieel")
    token = phone.token(gone.code)
    other = Phone(kit.url)
    other.join(kept.code, "Inwoner")
    with sqlite3.connect(database) as db:  # 91 days without activity, as if the workshop was in the autumn
        db.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (time.time() - 91 * DAY, gone.id))
    db.close()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with sqlite3.connect(database) as db:
            left = db.execute("SELECT COUNT(*) FROM sessions WHERE id = ?", (gone.id,)).fetchone()[0]
        db.close()
        if not left:
            break
        time.sleep(0.5)
    assert not left, f"the server did not purge the session:\n{kit.log()}"
    with sqlite3.connect(database) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            rows = json.dumps(db.execute(f"SELECT * FROM {table}").fetchall())
            for secret in (gone.id, gone.code, "Zwembad Zuidpark", "Marieke Tijdelijk", token):
                assert secret not in rows, f"{secret!r} is still in {table}"
        assert db.execute("SELECT COUNT(*) FROM participants WHERE session_id = ?", (kept.id,)).fetchone()[0] == 1
    db.close()
    wal = database.with_name(database.name + "-wal")
    for path in (database, wal):
        if path.exists():
            assert b"Zwembad Zuidpark" not in path.read_bytes(), f"the title's bytes are still in {path.name}"
    assert phone.get(f"kit/{gone.code}").status == 404  # the phone is told the session is gone
    assert "Deleted 1 session(s) past their retention." in kit.log()


def test_the_log_names_no_address_code_or_key(kit, database):
    """What the console shows by default (warnings: a refusal, an unknown code) has the code masked, no address."""
    from widgets.model.links import files_link

    session = new_session(database, "Logboek")
    start = kit.log_path.stat().st_size
    phone = Phone(kit.url)
    phone.join(session.code, "Inwoner")
    assert phone.get("kit/ZZZZZZ").status == 404  # an unknown code
    assert phone.get(files_link(kit.url, session.code, "sessie.json", "en")).status == 403  # no facilitator key
    phone.get(f"voila/render/workshops/facilitator.ipynb?sessie={session.code}&sleutel=geheim-sleutel")
    time.sleep(0.5)  # the server process writes its log
    written = kit.log_path.read_bytes()[start:].decode(errors="replace")
    assert "404 GET /kit/******" in written and "403 GET /kit/******/bestanden/sessie.json" in written, written
    for secret in (session.code, "ZZZZZZ", "geheim-sleutel", "127.0.0.1", "lang=en", phone.token(session.code)):
        assert secret not in written, f"{secret!r} is in the log:\n{written}"


def test_the_cookies_of_a_session_end_when_the_session_would_be_deleted(kit, database):
    """The participant's (not 30 days, as before) and the facilitator's on the presentation screen."""
    session, key = new_session(database, "Koekjes", with_key=True)
    phone = Phone(kit.url)
    phone.join(session.code, "Inwoner")
    cookie = next(c for c in phone.http.cookies if c.name == f"kit_p_{session.code}")
    expected = time.time() + 90 * DAY
    assert abs(cookie.expires - expected) < 120, datetime.fromtimestamp(cookie.expires, UTC)
    screen = Phone(kit.url)
    screen.get(f"kit/{session.code}/scherm")
    screen.submit(key=key)
    cookie = next(c for c in screen.http.cookies if c.name == f"kit_f_{session.code}")
    assert abs(cookie.expires - expected) < 120, datetime.fromtimestamp(cookie.expires, UTC)
    store = open_store(f"sqlite:///{database}")
    try:
        store.set_retention(session.id, 7)
    finally:
        store.backend.close()
    later = Phone(kit.url)
    later.join(session.code, "Ambtelijk")
    cookie = next(c for c in later.http.cookies if c.name == f"kit_p_{session.code}")
    assert abs(cookie.expires - (time.time() + 7 * DAY)) < 120


def test_the_join_page_says_what_is_stored_for_how_long_and_who_is_responsible(kit, database):
    session = new_session(database, "Waarden van Zuidstad")
    phone = Phone(kit.url)
    notice = phone.get(f"kit/{session.code}").text(".kit-privacy")
    assert "Wij bewaren uw groep, uw naam als u die invult, en uw antwoorden." in notice
    assert "minstens 5 deelnemers" in notice
    assert "verwijderd 90 dagen na de laatste activiteit" in notice
    assert "Verantwoordelijk voor deze gegevens: Gemeente Zuidstad. Contact: privacy@zuidstad.example." in notice
    english = phone.get(f"kit/{session.code}?lang=en").text(".kit-privacy")
    assert "We store your group, your name if you fill it in, and your answers." in english
    assert "Responsible for this data: Gemeente Zuidstad." in english


def test_every_participant_page_links_to_the_whole_notice(kit, database):
    session = new_session(database, "Voetnoot")
    phone = Phone(kit.url)
    pages = {"code": "kit/", "unknown code": "kit/ZZZZZZ", "join": f"kit/{session.code}"}
    for name, path in pages.items():
        page = phone.get(path)
        assert page.all("footer.kit-footer a") == ["Privacyverklaring"], name
    phone.join(session.code, "Inwoner")
    page = phone.get(f"kit/{session.code}/palet")
    link = page.soup.select_one("footer.kit-footer a")["href"]
    assert link == f"/kit/{session.code}/privacy"
    whole = phone.get(link)
    assert whole.status == 200
    assert whole.all("h2") == [
        "Wie is verantwoordelijk",
        "Wat wij bewaren",
        "Waarvoor",
        "Wie ziet wat",
        "Hoe lang",
        "Uw rechten",
    ]
    assert "Zonder nieuwe activiteit is dat op" in whole.text()
    assert "Gemeente Zuidstad" in whole.text()
    general = phone.get("kit/privacy?lang=en")
    assert general.status == 200 and "Who sees what" in general.all("h2")
    assert "Without new activity" not in general.text()  # no session, no date
