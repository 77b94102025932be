"""Eigen stellingen on the participant pages without a browser: one statement per screen, resume, change, refuse."""

import pytest

from widgets.activities.eigen.model import check_statements

FORM = "form.kit-form-eigen"
TEXTS = ["Onze wijkteams werken vanuit de bedoeling", "Inwoners weten ons te <b>vinden</b>", "We leren van klachten"]


@pytest.fixture
def own(kit, phone, new_session, kit_store):
    """A session with three own statements, open, and a joined phone."""

    def make(groups=None, language="nl", texts=TEXTS):
        session = new_session(activities=("eigen",), groups=groups, language=language)
        kit_store.set_state(session.id, "eigen", "statements", check_statements(texts))
        return session

    return make


def open_page(phone, session, group="Inwoner"):
    me = phone()
    me.join(session.code, group)
    return me, me.get(f"kit/{session.code}/eigen")


def mine(kit_store, me, session):
    return kit_store.my_answers(me.token(session.code), "eigen")


def test_one_statement_per_screen_scored_then_the_list_to_change_answers(own, phone, kit_store):
    session = own()
    me, page = open_page(phone, session)
    assert page.url.endswith(f"/kit/{session.code}/eigen/1")
    assert page.text("h1") == "Eigen stellingen" and page.text(".kit-progress") == "Stap 1 van 3"
    assert page.text("[data-kit-statement=e1]") == TEXTS[0]
    assert page.all(f"{FORM} .kit-scale label") == [*map(str, range(1, 11)), "Weet ik niet"]
    page = me.submit(FORM, score="8", note="Meestal wel")
    assert page.url.endswith("/eigen/2") and page.text(".kit-progress") == "Stap 2 van 3"
    assert page.text("[data-kit-statement=e2]") == "Inwoners weten ons te <b>vinden</b>"  # escaped, shown as typed
    assert "<b>vinden</b>" not in page.reply.text
    page = me.submit(FORM, score="?")
    assert page.url.endswith("/eigen/3")
    page = me.get(f"kit/{session.code}/eigen")  # resumes at the first statement without an answer
    assert page.url.endswith("/eigen/3")
    page = me.submit(FORM)  # nothing chosen: skipped, nothing stored
    assert page.url.endswith("/eigen/klaar")
    assert mine(kit_store, me, session) == {
        "e1": {"score": 8, "note": "Meestal wel"},
        "e2": {"score": None, "note": ""},
    }
    assert page.all("[data-kit-statement] p") == [
        f"Stelling 1: {TEXTS[0]} 8 Meestal wel",
        "Stelling 2: Inwoners weten ons te <b>vinden</b> Weet ik niet",
        f"Stelling 3: {TEXTS[2]} niet beantwoord",
    ]

    change = page.soup.select_one("[data-kit-statement=e1] .kit-mine-actions a")["href"]
    page = me.get(change)
    assert page.checked("score") == ["8"] and page.text("#note") == "Meestal wel"
    page = me.submit(FORM, score="3", note="")
    assert page.url.endswith("/eigen/klaar")  # back to the list
    assert mine(kit_store, me, session)["e1"] == {"score": 3, "note": ""}
    assert len(kit_store.answers(session.id, "eigen")) == 2  # replaced, not added


def test_a_score_outside_the_scale_or_a_long_note_is_refused_in_dutch_and_nothing_stored(own, phone, kit_store):
    session = own()
    me, page = open_page(phone, session)
    page = me.submit(FORM, score="11", note="Mijn reden")
    assert page.errors() == ["Fout: Kies een score van 1 tot en met 10, of 'weet ik niet'."]
    assert page.soup.select_one(".kit-error-summary a")["href"] == "#score"
    assert page.text("#note") == "Mijn reden"  # what was typed stays
    page = me.submit(FORM, score="7", note="x" * 1001)
    assert page.errors() == ["Fout: Toelichting is te lang: maximaal 1.000 tekens."]
    assert page.soup.select_one("#note")["aria-invalid"] == "true"
    assert mine(kit_store, me, session) == {}
    page = me.get(f"kit/{session.code}/eigen/13")  # no such statement: back to where to resume
    assert page.url.endswith("/eigen/1")


def test_without_statements_the_phone_says_so(kit, phone, new_session):
    session = new_session(activities=("eigen",))
    me, page = open_page(phone, session)
    assert page.status == 200 and "nog geen stellingen" in page.text()


def test_the_means_are_shown_on_phones_and_the_screen_only_once_revealed(own, phone, kit_store, crowd):
    session = own(groups=("Ambtelijk", "Inwoner"))
    official, page = open_page(phone, session, "Ambtelijk")
    official.submit(FORM, score="4", note="Geheime reden")
    crowd(session, "ambtelijk", "eigen", {"e1": {"score": 4, "note": ""}})  # five of each group: k = 5
    crowd(session, "inwoner", "eigen", {"e1": {"score": 9, "note": ""}})
    me, page = open_page(phone, session)
    page = me.submit(FORM, score="9")
    assert page.soup.select("[data-kit-results]") == []
    kit_store.set_state(session.id, "eigen", "reveal", True)
    page = me.get(f"kit/{session.code}/eigen/klaar")
    card = '[data-kit-results] [data-kit-item="e1"]'
    assert page.text(f"{card} .kit-score-label") == "Stelling 1"
    assert page.all(f"{card} .kit-score-value") == ["4,0", "9,0"]
    assert "Geheime reden" not in page.reply.text  # notes are for the facilitator and the report


def test_the_presentation_screen_asks_then_shows_the_means_once_revealed(kit, phone, kit_store, crowd):
    from widgets.model.sessions import SessionSpec

    spec = SessionSpec(title="Sociaal domein", topic="wonen", municipality="Ede", activities=("eigen",))
    session, key = kit_store.create_session(spec)
    kit_store.set_state(session.id, "eigen", "statements", check_statements(TEXTS))
    kit_store.set_activity_open(session.id, "eigen", True)
    me, _ = open_page(phone, session)
    me.submit(FORM, score="6", note="Geheime reden")
    crowd(session, "inwoner", "eigen", {"e1": {"score": 6, "note": ""}})  # five Inwoners: k = 5
    screen = phone()
    screen.http.cookies.set(f"kit_f_{session.code}", key)
    page = screen.get(f"kit/{session.code}/scherm")
    assert page.text(".kit-screen-activity h2") == "Eigen stellingen"
    assert page.text(".kit-screen-question").startswith("Hoe eens bent u het met de stellingen van vandaag")
    assert page.soup.select("tr[data-kit-item]") == []
    kit_store.set_state(session.id, "eigen", "reveal", True)
    page = screen.get(f"kit/{session.code}/scherm")
    # only the fourth group answered: the three others are named once as too small (no column of dashes that
    # would set them apart), everyone's figure beside the fourth's
    assert page.text('tr[data-kit-item="e1"]') == "Stelling 1 Onze wijkteams werken vanuit de bedoeling 6,0 6,0"
    rows = [page.text(f'tr[data-kit-item="e{n}"] .kit-row-text') for n in (1, 2, 3)]
    assert rows == TEXTS and page.all("[data-kit-own]") == []  # each statement with its row, not in a list above
    assert "Geheime reden" not in page.reply.text


def test_an_english_session_reads_in_english(own, phone):
    session = own(language="en", groups=("Residents",))
    me, page = open_page(phone, session, "Residents")
    assert page.text("h1") == "Own statements"
    assert page.text(".kit-rate-category") == "Statement 1"
    page = me.submit(FORM, score="0")
    assert page.errors()[0].endswith("Choose a score from 1 to 10, or 'don't know'.")
