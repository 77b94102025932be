"""Sturingsscan on the participant pages without a browser: four element screens with progress, resuming,
changing from the list, refusals in Dutch with nothing stored, the room once revealed (phone and screen), escaping."""

import pytest

ACTIVITY = "sturingsscan"
FORM = "form.kit-form-sturingsscan"


@pytest.fixture
def scan(new_session):
    return lambda **spec: new_session(activities=(ACTIVITY,), **spec)


def start(phone, session, group="Bestuurlijk-politiek"):
    me = phone()
    me.join(session.code, group)
    return me, me.get(f"kit/{session.code}/{ACTIVITY}")


def answers(element, value="3"):
    return {f"{element}_{p}_{n}": value for p in ("pa", "npm", "npg", "sr") for n in (1, 2)}


def stored(form: dict) -> dict:
    """A form's answers as the store keeps them (scores as numbers)."""
    return {item: int(value) for item, value in form.items()}


def test_four_screens_one_per_element_with_eight_statements_on_a_five_point_scale(phone, scan):
    session = scan(municipality="Gouda")
    me, page = start(phone, session)
    assert page.url.endswith(f"/{ACTIVITY}/1") and page.text("h1") == "Sturingsscan"
    assert page.text(".kit-progress") == "Stap 1 van 4" and page.text("h2") == "Beleid: Wat wil de gemeente bereiken?"
    assert "Hoe stuurt Gouda bij wonen?" in page.text("main")
    legends = page.all(f"{FORM} fieldset .kit-statement")
    assert len(legends) == 8
    assert legends[0] == "Het beleid is vooral een nauwkeurige uitwerking van de relevante wet- en regelgeving."
    assert legends[1].startswith("Het beleid is concreet (SMART)")  # NPM next: the perspectives are mixed
    labels = [
        page.soup.select_one(f'label[for="{i["id"]}"]').get_text() for i in page.soup.select("input[name=beleid_pa_1]")
    ]
    assert labels == ["1", "2", "3", "4", "5", "Weet ik niet"]
    assert page.text("#scale-hint").startswith("1 = helemaal niet, 5 = in sterke mate.")
    page = me.submit(FORM, **answers("beleid"))
    assert page.url.endswith(f"/{ACTIVITY}/2") and page.text(".kit-progress") == "Stap 2 van 4"
    assert page.text("h2") == "Organisatie: Hoe gaat de gemeente dat doen?"
    assert page.soup.select_one("a.kit-sturing-previous")["href"].endswith(f"/{ACTIVITY}/1")


def test_answers_are_saved_resumed_and_changed_from_the_list_without_duplicates(phone, scan, kit_store):
    session = scan()
    me, page = start(phone, session)
    me.submit(FORM, **answers("beleid", "4"))
    page = me.submit(FORM, organisatie_pa_1="weet_niet", organisatie_sr_2="5")  # the rest left open
    assert page.url.endswith(f"/{ACTIVITY}/3")
    page = me.get(f"kit/{session.code}/{ACTIVITY}")  # a reload resumes at the first element still open
    assert page.url.endswith(f"/{ACTIVITY}/2")
    assert page.checked("organisatie_pa_1") == ["weet_niet"] and page.checked("organisatie_sr_2") == ["5"]
    assert page.checked("organisatie_npm_1") == []
    me.get(f"kit/{session.code}/{ACTIVITY}/4")
    page = me.submit(FORM, **answers("aansturing", "2"))
    assert page.url.endswith(f"/{ACTIVITY}/klaar")
    assert page.all(".kit-sturing-mine .kit-mine-text") == [
        "8 van 8 uitspraken beantwoord", "2 van 8 uitspraken beantwoord",
        "0 van 8 uitspraken beantwoord", "8 van 8 uitspraken beantwoord",
    ]  # fmt: skip
    # own distribution: pa (3+3+1+1)/4 = 2, npm 2, npg 2, sr (3+3+4+1+1)/5 = 2.4 -> of 8.4
    assert page.all('[data-kit-sturing="mine"] li')[3] == "Participerende overheid (SR): 28,6%"
    page = me.get(f"kit/{session.code}/{ACTIVITY}/1?van=klaar")
    assert page.checked("beleid_pa_1") == ["4"]
    page = me.submit(FORM, beleid_pa_1="1")
    assert page.url.endswith(f"/{ACTIVITY}/klaar")  # back to the list
    mine = kit_store.my_answers(me.token(session.code), ACTIVITY)
    assert (mine["beleid_pa_1"], mine["beleid_pa_2"], mine["organisatie_pa_1"]) == (1, 4, "weet_niet")
    assert len(kit_store.answers(session.id, ACTIVITY)) == 8 + 2 + 8


def test_a_value_no_form_offers_is_refused_in_dutch_and_nothing_of_the_screen_is_stored(phone, scan, kit_store):
    session = scan()
    me, page = start(phone, session)
    page = me.submit(FORM, beleid_pa_1="4", beleid_npg_2="7", beleid_sr_1="<b>5</b>")
    message = "Fout: Kies een score van 1 tot 5 of 'weet ik niet'."
    assert page.status == 200 and page.errors() == [message, message]
    assert [a["href"] for a in page.soup.select(".kit-error-summary a")] == [
        "#beleid_sr_1",
        "#beleid_npg_2",
    ]  # screen order
    assert page.soup.select_one("#beleid_npg_2")["aria-describedby"] == "scale-hint beleid_npg_2-error"
    assert page.soup.title.get_text().startswith("Fout:")
    assert page.checked("beleid_pa_1") == ["4"]  # what was chosen stays chosen
    assert page.soup.select("main b") == []  # the posted markup stays text
    assert kit_store.my_answers(me.token(session.code), ACTIVITY) == {}
    page = me.get(f"kit/{session.code}/{ACTIVITY}/9")
    assert page.url.endswith(f"/{ACTIVITY}/1")


def test_the_room_shows_on_phones_and_screen_only_once_revealed_and_stays_text(phone, kit_store, crowd):
    from widgets.model.sessions import SessionSpec

    spec = SessionSpec(
        title="Scan",
        topic="wonen",
        municipality="Gouda",
        language="nl",
        activities=(ACTIVITY,),
        groups=("<script>alert(1)</script>Raad", "Ambtelijk"),
    )
    session, key = kit_store.create_session(spec)
    kit_store.set_activity_open(session.id, ACTIVITY, True)
    me, _ = start(phone, session, group="<script>alert(1)</script>Raad")
    raad = answers("beleid", "5") | {"beleid_pa_1": "1", "beleid_pa_2": "1"}
    me.submit(FORM, **raad)
    other, _ = start(phone, session, group="Ambtelijk")
    ambtelijk = answers("beleid", "2") | {"beleid_pa_1": "5", "beleid_pa_2": "5"}
    other.submit(FORM, **ambtelijk)
    # five of each group answer alike, so the disclosure rule (k = 5) lets each group's shares through
    crowd(session, next(g.key for g in session.groups if g.key != "ambtelijk"), ACTIVITY, stored(raad))
    crowd(session, "ambtelijk", ACTIVITY, stored(ambtelijk))
    screen = phone()
    screen.http.cookies.set(f"kit_f_{session.code}", key)
    page = me.get(f"kit/{session.code}/{ACTIVITY}/1")
    assert page.soup.select("[data-kit-results]") == []
    assert screen.get(f"kit/{session.code}/scherm").soup.select('[data-kit-block^="sturingsscan-"]') == []
    assert "32 uitspraken uit Sturing in 3D" in screen.page.text(".kit-screen-question")

    kit_store.set_state(session.id, ACTIVITY, "reveal", True)
    # Raad: pa 0, others 4 -> 0 / 33.3 / 33.3 / 33.3; Ambtelijk: pa 4, others 1 -> 57.1 / 14.3 / 14.3 / 14.3
    page = me.get(f"kit/{session.code}/{ACTIVITY}/1")
    shares = '[data-kit-results] [data-kit-block="sturingsscan-shares"]'
    assert page.soup.select(f"{shares} table") == []  # a phone gets cards
    # Raad's 0 % is left out of its line (nobody chose it); Ambtelijk's and the room's shares are written out
    assert page.all(f'{shares} [data-kit-category="pa"]') == ["PA 57,1%", "PA 28,6%"]
    assert page.all(f'{shares} [data-kit-group="*"] .kit-score-group') == ["Deze zaal (vooral PA)"]
    assert page.all('[data-kit-results] [data-kit-block="sturingsscan-elements"] .kit-score-card .kit-score-label') == [
        "Beleid", "Organisatie", "Bekostiging", "Aansturing"
    ]  # fmt: skip
    assert len(page.soup.select("[data-kit-results] .kit-method")) == 3  # how each figure is computed
    shown = screen.get(f"kit/{session.code}/scherm")
    room = '.kit-screen-activity [data-kit-block="sturingsscan-shares"]'
    assert shown.all(f'{room} td[data-kit-category="pa"]') == ["0,0%", "57,1%", "28,6%"]
    assert shown.all(".kit-screen-activity tr.kit-block-strong th") == ["Deze zaal (vooral PA)", "Beleid"]
    assert shown.soup.select(".kit-screen-activity .kit-method") == []  # not read out to the room
    for seen, where in ((page, "[data-kit-results]"), (shown, ".kit-screen-activity")):
        assert "Dichtstbijzijnde gemeente:" in " ".join(seen.all(f"{where} .kit-block-intro, {where} .kit-block-scale"))
        assert "<script>alert(1)</script>Raad" in seen.text(where)  # a group's name stays text
        assert seen.soup.select("main script, body > section script") == []
