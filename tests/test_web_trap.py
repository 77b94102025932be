"""Participatietrap nu en straks on the participant pages without a browser: answer, change, refusals, the room."""

import pytest
from bs4 import BeautifulSoup

FORM = "form.kit-form-trap"


@pytest.fixture
def trap_session(new_session):
    return lambda **spec: new_session(activities=("trap",), **spec)


def open_page(phone, session, group="Inwoner"):
    me = phone()
    me.join(session.code, group)
    return me, me.get(f"kit/{session.code}/trap")


def test_without_a_municipality_the_question_reads_as_a_sentence(kit, phone, trap_session):
    session = trap_session(municipality="")
    _, page = open_page(phone, session)
    assert "Waar staat uw gemeente bij wonen, nu en straks?" in page.text("main > p")
    assert "de gemeente uw gemeente" not in page.text("main")


def rungs(page, name) -> list:
    """``[(label, hint)]`` of the radio buttons ``name``, as a person reads them."""
    out = []
    for button in page.soup.select(f'{FORM} input[name="{name}"]'):
        label = page.soup.select_one(f'label[for="{button["id"]}"]').get_text(strip=True)
        out.append((label, page.text(f"#{button['id']}-hint")))
    return out


def test_both_questions_offer_the_five_rungs_top_first_with_their_role(kit, phone, trap_session):
    session = trap_session()
    me, page = open_page(phone, session)
    assert page.status == 200 and page.text("h1") == "Participatietrap nu en straks"
    assert "Waar staat Utrecht bij wonen, nu en straks?" in page.text("main > p")
    assert page.all(f"{FORM} legend") == ["Waar staat de gemeente nu?", "Waar zou de gemeente moeten staan?"]
    offered = rungs(page, "now")
    assert [label for label, _ in offered] == [
        "1. Reguleren",
        "2. Regisseren",
        "3. Stimuleren",
        "4. Faciliteren",
        "5. Loslaten",
    ]
    assert offered[0][1] == "De overheid regelt en beslist alles zelf."
    assert rungs(page, "should") == offered


def test_an_answer_is_stored_confirmed_shown_and_changed(kit, phone, trap_session, kit_store):
    session = trap_session()
    me, page = open_page(phone, session)
    page = me.submit(FORM, now="1", should="4", note="Inwoners kunnen veel zelf")
    assert page.status == 200 and page.url.endswith("/trap?ok=saved")
    assert page.text(".kit-notice") == "Uw antwoord is opgeslagen."
    assert page.checked("now") == ["1"] and page.checked("should") == ["4"]
    assert page.text("#note") == "Inwoners kunnen veel zelf"
    assert page.all("[data-kit-saved] li") == [
        "Nu: 1. Reguleren",
        "Straks: 4. Faciliteren",
        "Inwoners kunnen veel zelf",
    ]
    token = me.token(session.code)
    assert kit_store.my_answers(token, "trap") == {
        "trede": {"now": 1, "should": 4, "note": "Inwoners kunnen veel zelf"}
    }

    page = me.get(f"kit/{session.code}/trap")  # a reload: the answer, no stale acknowledgement
    assert page.soup.select_one(".kit-notice") is None and page.checked("should") == ["4"]
    page = me.submit(FORM, should="2", note="")
    assert page.text(".kit-notice") == "Uw antwoord is opgeslagen."
    assert kit_store.my_answers(token, "trap") == {"trede": {"now": 1, "should": 2, "note": ""}}
    assert len(kit_store.answers(session.id, "trap")) == 1  # replaced, not added


def test_a_missing_or_unknown_rung_is_refused_in_dutch_with_the_rest_kept(kit, phone, trap_session, kit_store):
    session = trap_session()
    me, page = open_page(phone, session)
    page = me.submit(FORM, should="3", note="Mijn reden")
    assert page.errors() == ["Fout: Kies waar de gemeente nu staat."]
    assert page.soup.select_one(".kit-error-summary a")["href"] == "#now"
    assert page.soup.select_one("#now")["aria-describedby"] == "now-hint now-error"
    assert page.checked("should") == ["3"] and page.text("#note") == "Mijn reden"
    page = me.submit(FORM, now="9", should="0")
    assert page.errors() == ["Fout: Kies waar de gemeente nu staat.", "Fout: Kies waar de gemeente zou moeten staan."]
    assert page.all(".kit-error-summary li") == [
        "Kies waar de gemeente nu staat.",
        "Kies waar de gemeente zou moeten staan.",
    ]
    page = me.submit(FORM, now="2", should="3", note="x" * 1001)
    assert [error.startswith("Fout: ") for error in page.errors()] == [True]
    assert page.soup.select_one("#note")["aria-invalid"] == "true"
    assert kit_store.my_answers(me.token(session.code), "trap") == {}


def test_the_room_is_shown_on_the_phone_only_once_revealed_and_notes_are_escaped(
    kit, phone, trap_session, kit_store, crowd
):
    session = trap_session(groups=("Ambtelijk", "Inwoner"))
    official, page = open_page(phone, session, "Ambtelijk")
    official.submit(FORM, now="2", should="4", note="<script>alert(1)</script>")
    me, page = open_page(phone, session)
    me.submit(FORM, now="3", should="3")
    # five of each group answer alike: the disclosure rule (k = 5) lets each group's figures through
    crowd(session, "ambtelijk", "trap", {"trede": {"now": 2, "should": 4, "note": ""}})
    crowd(session, "inwoner", "trap", {"trede": {"now": 3, "should": 3, "note": ""}})
    page = me.get(f"kit/{session.code}/trap")
    assert page.soup.select("[data-kit-results]") == []

    kit_store.set_state(session.id, "trap", "reveal", True)
    page = me.get(f"kit/{session.code}/trap")
    results = page.soup.select_one("[data-kit-results]")
    assert results is not None
    assert results.select("table") == []  # cards on a phone
    assert page.all('[data-kit-block="trap-distribution"] [data-kit-item="now"] .kit-score-line') == [
        "Ambtelijk N 5 2. Regisseren 100%",
        "Inwoner N 5 3. Stimuleren 100%",
        "Alle deelnemers N 10 2. Regisseren 50% 3. Stimuleren 50%",
    ]
    assert page.all('[data-kit-block="trap-distribution"] [data-kit-item="should"] .kit-score-line')[2] == (
        "Alle deelnemers N 10 3. Stimuleren 50% 4. Faciliteren 50%"
    )
    gap = '[data-kit-block="trap-gap"] [data-kit-row]'
    assert [" ".join(card.get_text(" ").split()) for card in page.soup.select(gap)] == [
        "Ambtelijk Aantal 5 Gem. trede nu 2,0 Gem. trede straks 4,0 Verschil +2,0 Richting loslaten 5 Blijft staan 0 "
        "Richting reguleren 0",
        "Inwoner Aantal 5 Gem. trede nu 3,0 Gem. trede straks 3,0 Verschil 0,0 Richting loslaten 0 Blijft staan 5 "
        "Richting reguleren 0",
        "Alle deelnemers Aantal 10 Gem. trede nu 2,5 Gem. trede straks 3,5 Verschil +1,0 Richting loslaten 5 "
        "Blijft staan 5 Richting reguleren 0",
    ]
    assert "<script>alert(1)</script>" not in official.get(f"kit/{session.code}/trap").reply.text
    assert "&lt;script&gt;" in official.page.reply.text  # the own note, escaped


def test_the_presentation_screen_asks_the_question_then_shows_the_gap_once_revealed(kit, phone, kit_store, crowd):
    from widgets.model.sessions import SessionSpec

    spec = SessionSpec(title="Omgevingsvisie", topic="wonen", municipality="Ede", activities=("trap",))
    session, key = kit_store.create_session(spec)
    kit_store.set_activity_open(session.id, "trap", True)
    me, _ = open_page(phone, session)
    me.submit(FORM, now="1", should="5", note="Geheime reden")
    crowd(session, "inwoner", "trap", {"trede": {"now": 1, "should": 5, "note": ""}})  # five alike: k = 5
    screen = phone()
    screen.http.cookies.set(f"kit_f_{session.code}", key)
    page = screen.get(f"kit/{session.code}/scherm")
    assert page.text(".kit-screen-activity h2") == "Participatietrap"
    assert page.text(".kit-screen-question").startswith("Waar staat Ede bij wonen op de participatietrap")
    assert page.soup.select("[data-kit-block]") == []
    kit_store.set_state(session.id, "trap", "reveal", True)
    page = screen.get(f"kit/{session.code}/scherm")
    # both blocks as tables, each its own part of the screen
    assert len(page.soup.select(".kit-screen-part [data-kit-block]")) == 2
    assert page.all('[data-kit-block="trap-gap"] tr[data-kit-row="*"]') == ["Alle deelnemers 5 1,0 5,0 +4,0 5 0 0"]
    assert page.all('[data-kit-block="trap-distribution"] table[data-kit-item="should"] tr[data-kit-group="*"]') == [
        "Alle deelnemers 0% 0% 0% 0% 100% 5"
    ]
    assert "Geheime reden" not in page.reply.text  # notes are for the facilitator and the report


LEFT_OUT = "Te weinig deelnemers om per groep te tonen: Ambtelijk, Inwoner."


def test_groups_too_small_to_show_are_named_once_on_the_screen_the_phone_and_in_the_report(
    kit, phone, kit_store, crowd
):
    """Both blocks left the same small groups out and each named them: the projector read the sentence twice."""
    from widgets.activities.trap.report import section
    from widgets.model.answers import answers_by_activity
    from widgets.model.sessions import SessionSpec
    from widgets.report.transfer import export_session

    session, key = kit_store.create_session(SessionSpec(title="Woonvisie 2030", topic="wonen", activities=("trap",)))
    kit_store.set_activity_open(session.id, "trap", True)
    me, _ = open_page(phone, session)
    me.submit(FORM, now="2", should="4")
    crowd(session, "inwoner", "trap", {"trede": {"now": 1, "should": 5, "note": ""}}, n=2)
    crowd(session, "ambtelijk", "trap", {"trede": {"now": 3, "should": 3, "note": ""}}, n=3)  # six in all: k = 5
    kit_store.set_state(session.id, "trap", "reveal", True)
    screen = phone()
    screen.http.cookies.set(f"kit_f_{session.code}", key)
    data = export_session(kit_store, session.id)
    report = section(answers_by_activity(data["answers"]), {}, session, "nl", {})
    for where, page in (
        ("screen", screen.get(f"kit/{session.code}/scherm").soup),
        ("phone", me.get(f"kit/{session.code}/trap").soup),
        ("report", BeautifulSoup(report, "html.parser")),
    ):
        read = " ".join(page.get_text(" ").split())
        assert read.count(LEFT_OUT) == 1, where
        assert read.count("Te weinig deelnemers") == 1, where
        # the room's figures stay in both blocks
        assert len(page.select('[data-kit-block="trap-distribution"] [data-kit-group="*"]')) == 2, where
        assert len(page.select('[data-kit-block="trap-gap"] [data-kit-row="*"]')) == 1, where


def test_an_english_session_asks_and_refuses_in_english(kit, phone, trap_session, kit_store):
    session = trap_session(language="en", groups=("Residents",))
    me, page = open_page(phone, session, "Residents")
    assert page.text("h1") == "Participation ladder: now and next"
    assert [label for label, _ in rungs(page, "should")][-1] == "5. Letting go"
    page = me.submit(FORM, now="4")
    assert page.errors() == [
        f"{page.text('.kit-error .kit-visually-hidden')} Choose where the municipality should stand."
    ]
    assert kit_store.my_answers(me.token(session.code), "trap") == {}
