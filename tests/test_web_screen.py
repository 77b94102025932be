"""The presentation screen without a browser: who may open it, what the room sees, what it never sees."""

import pytest

from widgets.activities.beoordelen.model import OVERALL, STATEMENTS
from widgets.model.sessions import SessionSpec


@pytest.fixture
def tafel(kit_store):
    """A Dutch session with three groups and all four activities; returns (session, key)."""
    spec = SessionSpec(
        title="Woonvisie 2030",
        topic="wonen",
        municipality="Utrecht",
        language="nl",
        activities=("palet", "prioriteren", "beoordelen", "driehoek"),
        groups=("Bestuurders", "Ambtenaren", "Inwoners"),
    )
    return kit_store.create_session(spec)


def screen(phone, session, key=None):
    device = phone()
    if key is not None:
        device.http.cookies.set(f"kit_f_{session.code}", key)
    return device, device.get(f"kit/{session.code}/scherm")


def test_without_the_key_the_screen_asks_for_it_and_shows_nothing_of_the_session(phone, tafel):
    session, key = tafel
    device, page = screen(phone, session)
    assert page.status == 200
    assert page.soup.select("[data-kit-join-code]") == [] and page.soup.select(".kit-screen-counts") == []
    assert page.soup.select_one("input[name=key]")["type"] == "password"
    page = device.submit(key="niet-de-sleutel")
    assert page.errors() == ["Fout: De sessiecode of de facilitatorsleutel klopt niet."]
    assert f"kit_f_{session.code}" not in device.http.cookies
    assert device.get(f"kit/{session.code}/scherm/events").status == 404  # no live stream without the key


def test_the_key_typed_once_opens_the_screen_on_that_computer(phone, tafel):
    session, key = tafel
    device, _ = screen(phone, session)
    page = device.submit(key=key)
    assert page.url.endswith(f"/kit/{session.code}/scherm")
    assert page.text("[data-kit-join-code]") == session.code
    assert key not in page.reply.text  # the key is never on the projected page
    assert device.get(f"kit/{session.code}/scherm").text("[data-kit-join-code]") == session.code


def test_the_screen_shows_how_to_join_and_counts_per_group_live(phone, tafel, kit, kit_store):
    session, key = tafel
    for group in ("Bestuurders", "Inwoners", "Inwoners"):
        phone().join(session.code, group)
    _, page = screen(phone, session, key)
    link = f"{kit.url}kit/{session.code}"
    assert page.soup.select_one(".kit-screen-link").get_text() == link.split("://", 1)[1]  # <wbr> after each /
    assert page.soup.select_one(".kit-screen-qr")["src"].startswith("data:image/svg+xml")
    assert page.all(".kit-screen-counts tr") == ["Bestuurders 1", "Ambtenaren 0", "Inwoners 2", "Totaal 3"]
    assert "Pak uw telefoon" in page.text(".kit-screen-question")
    assert page.soup.body["data-kit-events"] == f"/kit/{session.code}/scherm/events"
    assert key not in page.reply.text


def test_an_open_activity_shows_its_question_and_results_only_once_revealed(phone, tafel, kit_store):
    session, key = tafel
    kit_store.set_activity_open(session.id, "beoordelen", True)
    me = phone()
    me.join(session.code, "Inwoners")
    answers = {OVERALL: {"score": 6.5, "note": ""}}
    answers.update({item: {"score": 8, "note": "Mijn geheime toelichting"} for item in STATEMENTS})
    kit_store.submit(me.token(session.code), "beoordelen", answers)
    for _ in range(4):  # five Inwoners answer alike: enough for the disclosure rule (k = 5) to show their means
        kit_store.submit(kit_store.join(session.code, "inwoners").token, "beoordelen", answers)
    _, page = screen(phone, session, key)
    assert page.text(".kit-screen-activity h2") == "Beoordelen"
    assert page.text(".kit-screen-question") == (
        "Hoe staat het met wonen in Utrecht? Geef een rapportcijfer en beoordeel de stellingen."
    )
    assert page.text(".kit-screen-answered") == "5 van de 5 deelnemers hebben geantwoord"
    assert page.soup.select(".kit-results-table") == []  # not revealed yet

    kit_store.set_state(session.id, "beoordelen", "reveal", True)
    _, page = screen(phone, session, key)
    rows = page.all(".kit-results-table tr")
    # short labels, group means (the groups nobody of answered named once above), and everyone's
    assert rows[1] == "Rapportcijfer 6,5 6,5" and rows[2] == "Eerlijk 8,0 8,0"
    assert page.soup.select(".kit-screen-question") == []  # the results take the stage
    assert "Mijn geheime toelichting" not in page.reply.text  # notes are for the facilitator and the report


def test_a_closed_session_says_so_on_the_screen(phone, tafel, kit_store):
    session, key = tafel
    kit_store.set_status(session.id, "closed")
    _, page = screen(phone, session, key)
    assert "Deze sessie is gesloten" in page.text()
    assert page.soup.select("[data-kit-join-code]") == []
