"""A database and an export made by the kit before activities became folders still open, whole.

``fixtures/sessie-oud.sql`` is the SQLite database of a session with all eight activities answered
by six participants, dumped as SQL (a database file is never committed), and
``fixtures/sessie-oud.json`` its sessie.json download; both made at commit 258b0b3.
"""

import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from widgets.activities import ACTIVITIES
from widgets.report.transfer import export_session, import_json
from widgets.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = json.loads((FIXTURES / "sessie-oud.json").read_text(encoding="utf-8"))
OLD = [a for a in ACTIVITIES if a.key in EXPORT["session"]["activities"]]  # the eight there were then


@pytest.fixture
def old_store(tmp_path):
    path = tmp_path / "oud.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.executescript((FIXTURES / "sessie-oud.sql").read_text(encoding="utf-8"))
    connection.close()
    return open_store(f"sqlite:///{path}")


def per_activity(answers) -> Counter:
    return Counter(a["activity"] for a in answers)


def test_the_fixture_has_every_activity_answered():
    assert len(OLD) == len(EXPORT["session"]["activities"]) == 8  # each still has its folder
    assert set(per_activity(EXPORT["answers"])) == {a.key for a in OLD}
    assert len(EXPORT["participants"]) == 6


def test_an_old_database_opens_with_every_answer_and_setting(old_store):
    session = old_store.session_by_code(EXPORT["session"]["code"])
    assert session is not None and session.title == "Woonvisie 2030"
    data = export_session(old_store, session.id)
    assert per_activity(data["answers"]) == per_activity(EXPORT["answers"])
    for old, new in zip(sorted(EXPORT["answers"], key=_key), sorted(data["answers"], key=_key), strict=True):
        assert (old["activity"], old["item"], old["value"]) == (new["activity"], new["item"], new["value"])
    assert data["state"] == EXPORT["state"]  # merges, the own statements
    for activity in OLD:
        mine = old_store.answers(session.id, activity.key)
        assert mine, activity.key


def test_an_old_export_imports_and_reports_every_activity(sqlite_store):
    from widgets.report.document import build_report
    from widgets.report.exports import answer_rows

    session, _, counts = import_json(sqlite_store, json.dumps(EXPORT))
    data = export_session(sqlite_store, session.id)
    assert per_activity(data["answers"]) == per_activity(EXPORT["answers"])
    html = build_report(data)
    for activity in OLD:
        assert f'id="{activity.key}"' in html, activity.key
    labels = {row["activity"] for row in answer_rows(data)}
    assert labels == {a.label("nl") for a in OLD}


def _key(answer):
    return (answer["participant"], answer["activity"], answer["item"])
