"""A session's files over HTTP: only its facilitator gets them, each with its name and type, built when asked."""

import csv
import io
import json
from urllib.parse import unquote

import pytest

from widgets.model.sessions import SessionSpec
from widgets.report.files import downloads


@pytest.fixture
def session_with_answers(kit_store):
    spec = SessionSpec(
        title="Woonvisie 2030",
        topic="wonen",
        municipality="Utrecht",
        language="nl",
        activities=("palet", "prioriteren", "beoordelen", "driehoek"),
        groups=("Bestuurders", "Inwoners"),
    )
    session, key = kit_store.create_session(spec)
    kit_store.set_activity_open(session.id, "beoordelen", True)
    someone = kit_store.join(session.code, "inwoners")
    kit_store.submit(someone.token, "beoordelen", {"cijfer": {"score": 6.5, "note": '=HYPERLINK("http://x")'}})
    return session, key


def fetch(phone, session, name, key=None, lang=""):
    device = phone()
    if key is not None:
        device.http.cookies.set(f"kit_f_{session.code}", key)
    return device.http.get(
        f"{device.base_url}kit/{session.code}/bestanden/{name}" + (f"?lang={lang}" if lang else ""),
        allow_redirects=False,
    )


def test_without_the_facilitator_key_no_file_is_given(phone, session_with_answers, kit_store):
    session, key = session_with_answers
    other, other_key = kit_store.create_session(SessionSpec(title="Andere sessie", topic="wonen"))
    for item in downloads(session):
        for wrong in (None, "niet-de-sleutel", other_key):
            reply = fetch(phone, session, item.name, wrong)
            assert reply.status_code == 403, (item.name, wrong)
            assert "alleen voor de facilitator van deze sessie" in reply.text
            assert "Woonvisie" not in reply.text and "attachment" not in reply.headers.get("Content-Disposition", "")


def test_the_facilitator_downloads_every_file_the_dashboard_offers(phone, session_with_answers):
    from openpyxl import load_workbook

    session, key = session_with_answers
    offered = downloads(session)
    assert {d.kind for d in offered} == {"export", "report", "paper"}
    for item in offered:
        reply = fetch(phone, session, item.name, key)
        assert reply.status_code == 200, item.name
        assert reply.headers["Content-Type"].split(";")[0] == item.mime.split(";")[0]
        disposition = unquote(reply.headers["Content-Disposition"])
        assert disposition.startswith("attachment;") and session.code in disposition
        assert reply.headers["Cache-Control"] == "no-store"
        body = reply.content
        if item.name.endswith(".pdf"):
            assert body.startswith(b"%PDF")
        elif item.name.endswith(".xlsx"):
            load_workbook(io.BytesIO(body))  # opens
        elif item.name.endswith(".json"):
            assert json.loads(body)["session"]["code"] == session.code
        elif item.name.endswith(".html"):
            assert b"Woonvisie 2030" in body and b"<script>alert" not in body
    answers = fetch(phone, session, "antwoorden.csv", key).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(answers), delimiter=";"))
    assert "6,5" in sum(rows, []) and all(not cell.startswith("=") for cell in sum(rows, []))


def test_an_english_file_of_a_dutch_session_and_an_unknown_name(phone, session_with_answers):
    session, key = session_with_answers
    dutch = fetch(phone, session, "antwoorden.csv", key).content.decode("utf-8-sig").splitlines()[0]
    english = fetch(phone, session, "antwoorden.csv", key, lang="en").content.decode("utf-8-sig").splitlines()[0]
    assert dutch != english and "Groep" in dutch and "Group" in english
    assert fetch(phone, session, "geheim.txt", key).status_code == 404
    assert fetch(phone, session, "..%2F..%2Fkit.sqlite3", key).status_code == 404
