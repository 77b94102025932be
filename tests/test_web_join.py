"""Joining on the participant pages without a browser: code, group, name, resume, 'not me', closed, gone."""

from widgets.model.sessions import normalize_code


def test_typed_code_leads_to_the_join_form_and_an_unknown_code_is_refused(kit, phone, new_session):
    session = new_session()
    me = phone()
    me.get("kit/")
    page = me.submit(code="ZZZZZZ")
    assert "Deze sessiecode kennen we niet" in page.text(".kit-error")
    assert page.form().select_one("#code")["value"] == "ZZZZZZ"
    page = me.submit(code=session.code.lower()[:3] + " " + session.code.lower()[3:])
    assert page.status == 200 and page.url.endswith(f"/kit/{session.code}")
    assert page.text("h1") == "Woonvisie 2030"
    assert [label for label in page.all(".kit-choice label")] == [
        "Bestuurlijk-politiek",
        "Ambtelijk",
        "Maatschappelijke partner",
        "Inwoner",
    ]


def test_join_without_group_or_with_a_long_name_changes_nothing(kit, phone, new_session, kit_store):
    session = new_session()
    me = phone()
    me.get(f"kit/{session.code}")
    page = me.submit(name="Ans")
    assert page.status == 200 and page.errors() == ["Fout: Kies eerst uw stakeholdergroep."]
    assert page.form().select_one("input[name=name]")["value"] == "Ans"  # what was typed stays
    page = me.submit(group="inwoner", name="x" * 41)
    assert "Naam of rol is te lang: maximaal 40 tekens." in page.text(".kit-error")
    assert kit_store.participant_counts(session.id) == {}


def test_a_reload_or_a_second_click_continues_as_the_same_participant(kit, phone, new_session, kit_store):
    session = new_session()
    me = phone()
    page = me.join(session.code, "Inwoner", name="Ans")
    assert "U doet mee als Inwoner (Ans)." in page.text(".kit-joined")
    assert me.get(f"kit/{session.code}").text(".kit-joined") == "U doet mee als Inwoner (Ans)."
    me.get(f"kit/{session.code}")
    token = me.http.cookies[f"kit_p_{session.code}"]
    # the same join form sent again (a double click): still one participant
    me.http.post(f"{kit.url}kit/{session.code}/join", data={"group": "inwoner", "_xsrf": me.http.cookies["_xsrf"]})
    assert kit_store.participant_counts(session.id) == {"inwoner": 1}
    assert me.http.cookies[f"kit_p_{session.code}"] == token


def test_not_me_asks_first_and_a_rejoin_counts_one_person(kit, phone, new_session, kit_store):
    session = new_session()
    me = phone()
    me.join(session.code, "Inwoner")
    asked = me.get(f"kit/{session.code}/not-me")
    assert "Bent u iemand anders?" in asked.text() and "Inwoner" in asked.text()
    assert kit_store.participant_counts(session.id) == {"inwoner": 1}  # asking forgets nothing
    page = me.submit("form[action$='not-me']")
    assert page.form().get("action").endswith("/join")
    me.join(session.code, "Ambtelijk")
    assert kit_store.participant_counts(session.id) == {"ambtelijk": 1}  # one phone, one person on the projector


def test_someone_who_answered_stays_counted_after_not_me(kit, phone, new_session, kit_store):
    session = new_session()
    me = phone()
    me.join(session.code, "Inwoner")
    me.get(f"kit/{session.code}/palet")
    me.submit(".kit-form-palet", text="Betaalbaarheid", cell="individueel.materieel")
    me.get(f"kit/{session.code}/not-me")
    me.submit("form[action$='not-me']")
    me.join(session.code, "Ambtelijk")
    assert kit_store.participant_counts(session.id) == {"inwoner": 1, "ambtelijk": 1}  # a shared phone: two people
    assert [a.value for a in kit_store.answers(session.id, "palet")][0]["text"] == "Betaalbaarheid"


def test_a_foreign_or_made_up_token_gets_the_join_form(kit, phone, new_session):
    first, second = new_session(), new_session()
    me = phone()
    me.join(first.code, "Inwoner")
    me.http.cookies.set(f"kit_p_{second.code}", me.http.cookies[f"kit_p_{first.code}"], path="/kit/")
    assert me.get(f"kit/{second.code}").form().get("action").endswith(f"{second.code}/join")
    me.http.cookies.set(f"kit_p_{second.code}", "made-up", path="/kit/")
    assert me.get(f"kit/{second.code}").form().get("action").endswith(f"{second.code}/join")


def test_closed_and_deleted_sessions_say_so(kit, phone, new_session, kit_store):
    session = new_session()
    me = phone()
    me.join(session.code, "Inwoner")
    kit_store.set_status(session.id, "closed")
    assert "De sessie is gesloten" in me.get(f"kit/{session.code}").text()
    stranger = phone()
    assert "De sessie is gesloten" in stranger.get(f"kit/{session.code}").text()
    kit_store.delete_session(session.id)
    page = me.get(f"kit/{session.code}")
    assert page.status == 404 and "Deze sessie bestaat niet meer" in page.text()
    page = stranger.get(f"kit/{session.code}")
    assert page.status == 404 and "Deze sessiecode kennen we niet" in page.text(".kit-error")


def test_the_waiting_screen_and_a_choice_when_several_activities_are_open(kit, phone, new_session, kit_store):
    session = new_session(activities=("palet", "beoordelen"), open=())
    me = phone()
    page = me.join(session.code, "Ambtelijk")
    assert "de facilitator opent zo het eerste onderdeel" in page.text(".kit-waiting")
    kit_store.set_activity_open(session.id, "palet", True)
    assert me.get(f"kit/{session.code}").text("h1") == "Waardenpalet"
    kit_store.set_activity_open(session.id, "beoordelen", True)
    assert me.get(f"kit/{session.code}").all(".kit-card-link") == ["Waardenpalet", "Beoordelen"]


def test_english_by_choice_or_by_the_sessions_language(kit, phone, new_session):
    english = new_session(language="en", groups=("Civil service", "Resident"))
    me = phone()
    page = me.get(f"kit/{english.code}")
    assert page.soup.html["lang"] == "en" and "I am here as" in page.text("legend")
    dutch = new_session()
    page = me.get(f"kit/{dutch.code}?lang=en")
    assert "I am here as" in page.text("legend")
    assert "I am here as" in me.get(f"kit/{dutch.code}").text("legend")  # the choice is remembered


def test_codes_are_normalised_in_the_address(kit, phone, new_session):
    session = new_session()
    page = phone().get(f"kit/{session.code.lower()}")
    assert page.url.endswith(f"/kit/{normalize_code(session.code)}")
