"""Raadsenquête Village Deals on the participant pages without a browser: the form, saving, changing,
refusals in Dutch with nothing stored, the room's results once revealed (phone and screen), escaping."""

import pytest

ACTIVITY = "raadsenquete"
STATEMENTS = ("nieuwe_rol", "toegerust", "kennis", "instrumenten", "dilemma")


@pytest.fixture
def survey(new_session):
    return lambda **spec: new_session(activities=(ACTIVITY,), **spec)


def open_page(phone, session, group="Bestuurlijk-politiek"):
    me = phone()
    me.join(session.code, group)
    return me, me.get(f"kit/{session.code}/{ACTIVITY}")


def test_five_statements_with_four_choices_and_four_styles_with_their_traits(phone, survey):
    session = survey()
    me, page = open_page(phone, session)
    assert page.status == 200 and page.text("h1") == "Raadsenquête Village Deals"
    legends = page.all("form.kit-form-raadsenquete fieldset legend .kit-statement")
    assert len(legends) == 5 and legends[0].startswith("De transformatie van het sociaal domein vraagt een nieuwe rol")
    for key in STATEMENTS:
        labels = [
            page.soup.select_one(f'label[for="{i["id"]}"]').get_text() for i in page.soup.select(f"input[name={key}]")
        ]
        assert labels == ["Eens", "Neutraal", "Oneens", "Weet niet"]
    styles = page.soup.select("input[name=stijl]")
    assert [i["value"] for i in styles] == ["bewaker", "strateeg", "idealist", "manager"]
    hint = page.soup.select_one(f"#{styles[3]['aria-describedby']}").get_text()
    assert "Wil greep houden op zowel het proces als de inhoud" in hint  # the manager's traits as the hint
    assert page.text("#stijl legend") == "Welke bestuursstijl past het best bij u?"


def test_answers_are_saved_shown_and_changed_without_duplicates(phone, survey, kit_store):
    session = survey()
    me, page = open_page(phone, session)
    page = me.submit("form.kit-form-raadsenquete", toegerust="oneens", dilemma="weet_niet", stijl="strateeg")
    assert page.url.endswith(f"/{ACTIVITY}?ok=saved")
    assert page.text("[role=status]") == "Uw antwoorden zijn opgeslagen. U kunt ze hier nog veranderen."
    assert page.checked("toegerust") == ["oneens"] and page.checked("stijl") == ["strateeg"]
    assert page.checked("kennis") == []
    page = me.submit("form.kit-form-raadsenquete", toegerust="eens", kennis="neutraal")
    token = me.token(session.code)
    assert kit_store.my_answers(token, ACTIVITY) == {
        "toegerust": "eens",
        "dilemma": "weet_niet",
        "stijl": "strateeg",
        "kennis": "neutraal",
    }
    assert len(kit_store.answers(session.id, ACTIVITY)) == 4


def test_nothing_chosen_or_a_value_no_form_offers_is_refused_in_dutch_and_nothing_stored(phone, survey, kit_store):
    session = survey()
    me, page = open_page(phone, session)
    page = me.submit("form.kit-form-raadsenquete")
    message = "Kies bij minstens één stelling of bij de bestuursstijl een antwoord."
    assert page.status == 200 and page.errors() == [f"Fout: {message}"]
    assert page.soup.select_one(".kit-error-summary a")["href"] == "#nieuwe_rol"
    assert page.soup.title.get_text().startswith("Fout:")
    page = me.submit("form.kit-form-raadsenquete", toegerust="eens", stijl="koning")
    assert page.errors() == ["Fout: Kies een van de vier bestuursstijlen."]
    assert page.soup.select_one("#stijl")["aria-describedby"] == "stijl-hint stijl-error"
    assert page.checked("toegerust") == ["eens"]  # what was chosen stays chosen
    page = me.submit("form.kit-form-raadsenquete", kennis="misschien")
    assert page.errors() == ["Fout: Kies eens, neutraal, oneens of weet niet."]
    assert kit_store.my_answers(me.token(session.code), ACTIVITY) == {}


def test_the_room_shows_on_phones_and_screen_only_once_revealed_and_stays_text(phone, kit_store, crowd):
    from widgets.model.sessions import SessionSpec

    spec = SessionSpec(
        title="Raad",
        topic="lokale democratie",
        municipality="Gouda",
        language="nl",
        activities=(ACTIVITY,),
        groups=("<script>alert(1)</script>Raad", "Ambtelijk"),
    )
    session, key = kit_store.create_session(spec)
    kit_store.set_activity_open(session.id, ACTIVITY, True)
    me, _ = open_page(phone, session, group="<script>alert(1)</script>Raad")
    me.submit("form.kit-form-raadsenquete", nieuwe_rol="eens", stijl="manager")
    other, _ = open_page(phone, session, group="Ambtelijk")
    other.submit("form.kit-form-raadsenquete", nieuwe_rol="weet_niet", stijl="manager")
    raad = next(g.key for g in session.groups if g.key != "ambtelijk")
    crowd(session, raad, ACTIVITY, {"nieuwe_rol": "eens", "stijl": "manager"})  # five of each group: k = 5
    crowd(session, "ambtelijk", ACTIVITY, {"nieuwe_rol": "weet_niet", "stijl": "manager"})
    screen = phone()
    screen.http.cookies.set(f"kit_f_{session.code}", key)
    page = me.get(f"kit/{session.code}/{ACTIVITY}")
    assert page.soup.select("[data-kit-results]") == []
    assert screen.get(f"kit/{session.code}/scherm").soup.select("[data-kit-block]") == []
    assert "vijf stellingen" in screen.page.text(".kit-screen-question")

    kit_store.set_state(session.id, ACTIVITY, "reveal", True)
    phone_page = me.get(f"kit/{session.code}/{ACTIVITY}")
    where = "[data-kit-results]"  # the phone: a card per statement, a line per who
    card = f'{where} [data-kit-block="raadsenquete"] [data-kit-item="nieuwe_rol"]'
    assert phone_page.soup.select(f"{where} table") == []
    assert phone_page.all(f'{card} [data-kit-group="boek"]') == [
        "Village Deal-raden (Afbeelding 4) N 43 Eens 86% Neutraal – Oneens –"
    ]
    assert phone_page.all(f'{card} [data-kit-group="*"]') == ["Deze zaal N 5 Eens 100% Weet niet 5"]  # dk apart
    styles = f'{where} [data-kit-block="raadsenquete-stijl"] [data-kit-group]'
    assert phone_page.all(styles) == [
        "Deze zaal N 10 Manager 100%",
        "<script>alert(1)</script>Raad N 5 Manager 100%",
        "Ambtelijk N 5 Manager 100%",
    ]
    assert phone_page.soup.select(f"{where} .kit-method")  # how the percentages are made

    screen_page = screen.get(f"kit/{session.code}/scherm")
    where = ".kit-screen-activity"  # the screen: a table per statement, a row per who
    table = f'{where} [data-kit-block="raadsenquete"] table[data-kit-item="nieuwe_rol"]'
    assert screen_page.all(f'{table} tr[data-kit-group="boek"]') == ["Village Deal-raden (Afbeelding 4) 86% – – 43 –"]
    assert screen_page.all(f'{table} tr[data-kit-group="*"]') == ["Deze zaal 100% 0% 0% 5 5"]
    assert screen_page.all(f'{where} [data-kit-block="raadsenquete-stijl"] tr[data-kit-group="*"]') == [
        "Deze zaal 0% 0% 0% 100% 10"
    ]
    assert screen_page.soup.select(f"{where} .kit-method") == []  # not on the projector
    for page, where in ((phone_page, "[data-kit-results]"), (screen_page, ".kit-screen-activity")):
        assert "<script>alert(1)</script>Raad" in page.text(where)  # a group's name stays text
        assert page.soup.select("main script, body > section script") == []
