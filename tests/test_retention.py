"""Privacy by design without a server: retention in the store, its settings, the log's masks.

The running server's purge, its log and its cookies are in ``test_privacy_server.py``.
"""

import json
import logging
import time
from types import SimpleNamespace

import pytest

from widgets.i18n import error_message
from widgets.model.sessions import DAY, SessionSpec
from widgets.model.validation import InputError

OLD = 91 * DAY


def schema_tables(store) -> list:
    """Every table the database holds (not a list kept by hand): a new table cannot be forgotten."""
    if store.backend.dialect == "sqlite":
        rows = store.backend.query("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        rows = store.backend.query(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
    return sorted(r["name"] for r in rows if r["name"] != "kit_schema")


def age(store, session, seconds: float) -> None:
    """Make the session's last activity ``seconds`` ago."""
    with store.backend.transaction() as tx:
        tx.execute("UPDATE sessions SET updated_at = :t WHERE id = :id", {"t": time.time() - seconds, "id": session.id})


def full_session(store, title: str, name: str):
    """A session with a row in every table: groups, a participant, answers with history, state, a post key."""
    session, _ = store.create_session(SessionSpec(title=title, topic="wonen", activities=("palet",)))
    store.set_activity_open(session.id, "palet", True)
    someone = store.join(session.code, "inwoner", name)
    for version in range(2):
        with store.once(f"post-{title}-{version}-0123456789", someone.token):
            store.submit(
                someone.token, "palet", {"v": {"text": f"{title} waarde {version}", "cell": "collectief.proces"}}
            )
    store.set_state(session.id, "palet", "reveal", True)
    return session, someone


def test_joins_answers_and_the_facilitators_changes_are_activity(store):
    """sessions.updated_at is the last activity: a join, an answer and a facilitator's change each move it."""
    session, _ = store.create_session(SessionSpec(title="S", topic="wonen", activities=("palet",)))
    store.set_activity_open(session.id, "palet", True)
    age(store, session, OLD)
    someone = store.join(session.code, "inwoner")
    assert store.session(session.id).updated_at > time.time() - 60
    age(store, session, OLD)
    store.submit(someone.token, "palet", {"v": {"text": "Rust", "cell": "collectief.proces"}})
    assert store.session(session.id).updated_at > time.time() - 60
    age(store, session, OLD)
    store.set_state(session.id, "palet", "reveal", True)
    assert store.session(session.id).updated_at > time.time() - 60
    assert store.purge_expired(90) == 0  # the answer and the change kept it


def test_a_session_past_its_retention_leaves_no_row_in_any_table_and_others_keep_theirs(store):
    gone, someone = full_session(store, "Zwembad Zuidpark", "Marieke Tijdelijk")
    short, _ = full_session(store, "Kort bewaard", "Kees Kort")
    kept, stays = full_session(store, "Speeltuin", "Blijvend")
    longer, _ = full_session(store, "Lang bewaard", "Langer")
    store.set_retention(short.id, 7)
    store.set_retention(longer.id, 120)
    age(store, gone, OLD)  # 91 days: past the kit's 90
    age(store, short, 8 * DAY)  # past its own 7
    age(store, kept, 89 * DAY)
    age(store, longer, 100 * DAY)  # within its own 120
    tables = schema_tables(store)
    assert {"sessions", "participants", "answers", "answer_history", "activity_state", "posted_keys"} <= set(tables)
    assert store.purge_expired(90) == 2
    assert store.session(gone.id) is None and store.session(short.id) is None
    for table in tables:
        rows = json.dumps(store.backend.query(f"SELECT * FROM {table}"), default=str)
        for secret in (gone.id, gone.code, "Zwembad Zuidpark", "Marieke Tijdelijk", someone.token, short.id):
            assert secret not in rows, f"{secret!r} is still in {table}"
    assert [a.value["text"] for a in store.answers(kept.id)] == ["Speeltuin waarde 1"]
    assert store.session(longer.id) is not None
    assert store.history_count(kept.id) == 1 and store.participant(stays.token) is not None


def test_a_retention_outside_one_day_to_a_year_is_refused_and_changes_nothing(store):
    session, _ = store.create_session(SessionSpec(title="S", topic="wonen"))
    for typed in ("0", "366", "veel", "", "1.5"):
        with pytest.raises(InputError) as refused:
            store.set_retention(session.id, typed)
        assert error_message(refused.value, "nl") == "Vul een aantal dagen in van 1 tot en met 365."
    assert store.session(session.id).retention_days is None
    changed = store.set_retention(session.id, " 30 ")
    assert changed.retention_days == 30
    assert changed.purge_at(90) == pytest.approx(changed.updated_at + 30 * DAY)


def test_the_kits_retention_setting(monkeypatch):
    from widgets.settings import retention_days

    for value, days in (("", 90), ("30", 30), ("0", 1), ("1000", 365), ("negentig", 90)):
        monkeypatch.setenv("KIT_RETENTION_DAYS", value)
        assert retention_days() == days


def test_the_launcher_passes_retention_controller_and_log_addresses_on(monkeypatch, capsys):
    from widgets.launch import kit_environment, parse_args, voila_command

    args = parse_args(
        ["--retention-days", "30", "--controller", "Gemeente Zuidstad", "--controller-contact", "privacy@zuidstad.nl"]
    )
    env = kit_environment(args, base={})
    assert (env["KIT_RETENTION_DAYS"], env["KIT_CONTROLLER_NAME"], env["KIT_CONTROLLER_CONTACT"]) == (
        "30",
        "Gemeente Zuidstad",
        "privacy@zuidstad.nl",
    )
    assert "--KitWeb.log_addresses=True" not in voila_command(args)
    assert "--KitWeb.log_addresses=True" in voila_command(parse_args(["--log-addresses"]))
    monkeypatch.setenv("KIT_LANG", "nl")
    with pytest.raises(SystemExit):
        parse_args(["--retention-days", "0"])
    assert "--retention-days moet tussen 1 en 365 liggen" in capsys.readouterr().err


def test_a_log_line_names_no_code_address_or_query(caplog):
    from widgets.web.logs import log_request, masked_path

    assert masked_path("/kit/ABC123/palet?lang=en") == "/kit/******/palet"
    assert masked_path("/base/kit/ABC123") == "/base/kit/******"
    assert masked_path("/kit/static/participant.css?v=1") == "/kit/static/participant.css"
    assert masked_path("/voila/render/workshops/facilitator.ipynb?sessie=ABC123&sleutel=geheim") == (
        "/voila/render/workshops/facilitator.ipynb"
    )
    request = SimpleNamespace(
        method="POST",
        path="/kit/ABC123/join",
        uri="/kit/ABC123/join?x=1",
        remote_ip="192.0.2.7",
        request_time=lambda: 0.01,
    )
    handler = SimpleNamespace(get_status=lambda: 303, request=request)
    with caplog.at_level(logging.DEBUG, logger="tornado.access"):
        log_request(handler)
    assert caplog.messages == ["303 POST /kit/******/join 10.00ms"]


def test_the_dashboard_says_when_the_session_goes_and_takes_the_facilitators_retention(sqlite_store, monkeypatch):
    from widgets.views.facilitator import FacilitatorApp

    monkeypatch.setenv("KIT_TIMEZONE", "Europe/Amsterdam")
    session, key = sqlite_store.create_session(SessionSpec(title="S", topic="wonen", activities=("palet",)))
    with sqlite_store.backend.transaction() as tx:  # last activity: 1 December 2026, 12:00 in Amsterdam
        tx.execute("UPDATE sessions SET updated_at = 1796122800 WHERE id = :id", {"id": session.id})
    app = FacilitatorApp(params={"sessie": session.code, "sleutel": key}, cookies={}, store=sqlite_store, env={})
    panel = app.retention
    assert "Deze sessie wordt verwijderd op 1 maart 2027: 90 dagen na de laatste activiteit" in panel.line.value
    assert "Download dan vóór die datum de export" in panel.line.value
    children = app.session_controls.children
    assert children.index(panel) + 1 == children.index(app.downloads)  # the files to keep right below the date
    panel.days.value = 30
    panel.save()
    assert sqlite_store.session(session.id).retention_days == 30
    assert "Bewaartermijn gewijzigd: 30 dagen" in panel.message.value
    assert "wordt verwijderd op" in panel.line.value and "30 dagen na de laatste activiteit" in panel.line.value
    app.poller.stop()
