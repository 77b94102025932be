"""The facilitator's views without a browser: messages and what gets stored (phones: tests/test_web_*.py)."""

from widgets.model.sessions import SessionSpec
from widgets.views.facilitator import FacilitatorApp


def participants(store):
    return store.backend.query("SELECT * FROM participants")


def facilitator(store, **params):
    return FacilitatorApp(params=params, cookies={}, store=store, env={})


def test_facilitator_form_refuses_an_empty_title_and_stores_nothing(sqlite_store):
    app = facilitator(sqlite_store)
    assert app.f_title.placeholder.startswith("bijv. ")  # an example, never taken for a filled-in title
    app.create_session()
    # under the field it is about, brought into view; beside the button, so the click visibly did something
    assert (
        "Titel is verplicht." in app.field_errors["title"].value
        and "data-kit-scroll" in app.field_errors["title"].value
    )
    assert "Niet aangemaakt: Titel is verplicht." in app.create_error.value
    assert sqlite_store.backend.query("SELECT * FROM sessions") == []
    app.f_title.value = "Woonvisie"
    app.f_groups.value = "Raad\nRaad"
    app.create_session()
    assert app.field_errors["title"].value == "" and app.field_errors["groups"].value != ""
    app.f_title.value = "Woonvisie"
    app.f_groups.value = "Raad\nCollege\n"
    app.create_session()
    assert app.session is not None
    assert [g.label for g in app.session.groups] == ["Raad", "College"]


def test_the_control_bar_opens_one_activity_at_a_time_unless_asked_for_two(sqlite_store):
    spec = SessionSpec(
        title="Sessie", topic="wonen", municipality="", activities=("palet", "prioriteren", "beoordelen")
    )
    session, key = sqlite_store.create_session(spec)
    app = facilitator(sqlite_store, sessie=session.code, sleutel=key)
    assert "Onderdeel 1 van 3:" in app.bar.current.value and "Nog geen onderdeel open" in app.bar.summary.value
    assert "<p>Wonen</p>" in app.body.children[1].value  # no municipality: no dangling "· Wonen"
    app.bar.buttons["open"].click()
    assert sqlite_store.session(session.id).open_activities == ("palet",)
    app.bar.buttons["next"].click()  # the next one opens, the first closes
    assert sqlite_store.session(session.id).open_activities == ("prioriteren",)
    assert app.tabs.selected_index == 1 and "Alleen Prioriteren staat nu open" in app.bar.message.value
    app.tabs.selected_index = 2  # looking at another analysis opens nothing
    assert sqlite_store.session(session.id).open_activities == ("prioriteren",)
    assert app.bar.buttons["also"].description == "Ook openen (naast Prioriteren)"
    app.bar.buttons["also"].click()
    assert sqlite_store.session(session.id).open_activities == ("prioriteren", "beoordelen")
    app.bar.buttons["reveal"].click()
    assert sqlite_store.state(session.id, "beoordelen").get("reveal") is True
    app.poller.check()
    assert "Resultaten getoond: <b>ja, op telefoons en scherm</b>" in app.bar.current.value
    app.bar.buttons["previous"].click()
    assert sqlite_store.session(session.id).open_activities == ("prioriteren",)
    titles = [app.tabs.get_title(i) for i in range(len(app.tabs.children))]
    assert titles == ["Waardenpalet", "Prioriteren", "Beoordelen", "Teksten modereren", "Sessie"]


def test_facilitator_with_a_wrong_key_sees_no_dashboard(sqlite_store):
    session, key = sqlite_store.create_session(SessionSpec(title="Sessie", topic="wonen"))
    app = facilitator(sqlite_store, sessie=session.code, sleutel=session.code)
    assert app.session is None and "klopt niet" in app.message.value
    app = facilitator(sqlite_store, sessie=session.code, sleutel=key)
    assert app.session.id == session.id
    assert key not in app.join_panel.value  # the projected panel never shows the key


def test_facilitator_delete_needs_confirmation_and_then_removes_everything(sqlite_store):
    session, key = sqlite_store.create_session(SessionSpec(title="Sessie", topic="wonen"))
    sqlite_store.join(session.code, "inwoner")
    app = facilitator(sqlite_store, sessie=session.code, sleutel=key)
    app.delete()
    assert "Vink eerst aan" in app.message.value and sqlite_store.session(session.id) is not None
    app.confirm_delete.value = True
    app.delete()
    assert sqlite_store.session(session.id) is None and participants(sqlite_store) == []
    assert "verwijderd" in app.message.value


def test_facilitator_counts_and_exports(sqlite_store):
    session, key = sqlite_store.create_session(SessionSpec(title="Sessie", topic="wonen"))
    app = facilitator(sqlite_store, sessie=session.code, sleutel=key)
    sqlite_store.join(session.code, "inwoner")
    sqlite_store.join(session.code, "ambtelijk")
    app.poller.check()
    assert 'data-kit-group="inwoner"><td>Inwoner</td><td class="kit-count">1<' in app.counts.value
    assert '<th class="kit-count-total">2<' in app.counts.value
    links = app.downloads.value
    for name, saved in (
        ("antwoorden.xlsx", f"sessie-{session.code}.xlsx"),
        ("sessie.json", f"sessie-{session.code}.json"),
        ("rapport.pdf", f"rapport-{session.code}.pdf"),
        ("papier-beoordelen.pdf", f"papier-{session.code}-beoordelen.pdf"),
    ):
        assert f'href="http://localhost:8866/kit/{session.code}/bestanden/{name}" download="{saved}"' in links
    assert "data:" not in links  # built when clicked, not pushed through the kernel


def test_a_dashboard_reopened_by_link_shows_its_activities_in_a_fresh_kernel(sqlite_store):
    """Reopening by link must not depend on the creation form having loaded the activities first."""
    import subprocess
    import sys

    session, key = sqlite_store.create_session(SessionSpec(title="Sessie", topic="wonen"))
    code = (
        "from widgets.store import open_store\n"
        "from widgets.views.facilitator import FacilitatorApp\n"
        f"store = open_store('sqlite:///{sqlite_store.backend.path}')\n"
        f"app = FacilitatorApp(params={{'sessie': '{session.code}', 'sleutel': '{key}'}}, cookies={{}}, env={{}},\n"
        f"                     store=store)\n"
        "print(sorted(app.views))\n"
        "for index in range(4):\n"
        "    app.tabs.selected_index = index\n"
        "print(sorted(app.views))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    # the first tab's analysis at once, each other one when its tab is chosen
    assert out.strip().splitlines()[-2:] == ["['palet']", "['beoordelen', 'driehoek', 'palet', 'prioriteren']"]


def test_only_the_chosen_tab_is_drawn_and_the_others_catch_up_when_chosen(sqlite_store):
    """A big session stays quick: a new answer redraws the analysis in view, not every activity's."""
    spec = SessionSpec(title="Sessie", topic="wonen", municipality="", activities=("palet", "beoordelen"))
    session, key = sqlite_store.create_session(spec)
    sqlite_store.set_open_activities(session.id, ["palet", "beoordelen"])
    app = facilitator(sqlite_store, sessie=session.code, sleutel=key)
    app.tabs.selected_index = 1
    rating = app.views["beoordelen"]
    app.tabs.selected_index = 0
    person = sqlite_store.join(session.code, "inwoner")
    sqlite_store.submit(person.token, "beoordelen", {"cijfer": {"score": 7, "note": ""}})
    sqlite_store.submit(person.token, "palet", {"v": {"text": "Groen in de wijk", "cell": "collectief.materieel"}})
    app.poller.check()
    assert "Groen in de wijk" in app.views["palet"].grid.value  # the tab in view, live
    assert "7,0" not in rating.grades.value  # the hidden tab waits
    app.tabs.selected_index = 1
    assert "7,0" in rating.grades.value  # and catches up once chosen
    assert "1 deelnemer heeft geantwoord" in app.rows["beoordelen"].value
    assert "Open voor deelnemers · resultaten niet getoond" in app.rows["beoordelen"].value


def test_live_refreshes_do_not_pile_up_widgets_in_the_kernel(sqlite_store):
    """A session runs for hours: each refresh must reuse or close widgets, not add new ones."""
    from ipywidgets.widgets.widget import _instances

    session, key = sqlite_store.create_session(SessionSpec(title="Sessie", topic="wonen", activities=("palet",)))
    sqlite_store.set_activity_open(session.id, "palet", True)
    app = facilitator(sqlite_store, sessie=session.code, sleutel=key)
    people = [sqlite_store.join(session.code, "inwoner") for _ in range(3)]

    def round_of_answers(i):
        for n, p in enumerate(people):
            sqlite_store.submit(
                p.token, "palet", {f"r{i}": {"text": f"waarde {i}-{n}", "cell": "collectief.proces"}}, replace_all=True
            )
        app.poller.check()

    round_of_answers(0)
    before = len(_instances)
    for i in range(1, 15):
        round_of_answers(i)
    assert len(_instances) == before
