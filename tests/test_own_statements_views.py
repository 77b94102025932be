"""Eigen stellingen in the facilitator's views without a browser: the create form and the dashboard."""

from widgets.views.facilitator import FacilitatorApp


def facilitator(store):
    return FacilitatorApp(params={}, cookies={}, store=store, env={})


def statements(app):
    return app.setups["eigen"].field  # eigen's own field on the create form (its ``setup.Setup``)


def error_of(app) -> str:
    return app.field_errors["setup-eigen"].value


def tick_own_statements(app):
    box = dict(zip(app.f_activity_keys, app.f_activities, strict=True))["eigen"]
    assert box.value is False  # not part of the tafel: unticked
    assert app.setup_boxes["eigen"].layout.display == "none"
    box.value = True
    assert app.setup_boxes["eigen"].layout.display == ""


def test_the_create_form_refuses_thirteen_statements_and_creates_nothing(sqlite_store):
    app = facilitator(sqlite_store)
    app.f_title.value = "Sociaal domein"
    tick_own_statements(app)
    statements(app).value = "\n".join(f"Stelling nummer {n}" for n in range(1, 14))
    app.create_session()
    assert "U schreef 13 stellingen; er passen er hooguit 12." in error_of(app)  # under the field
    assert app.session is None
    assert sqlite_store.backend.query("SELECT * FROM sessions") == []
    statements(app).value = "Wij luisteren\n\nwij luisteren"
    app.create_session()
    assert "Stelling 2 staat er al (als stelling 1)." in error_of(app)
    assert sqlite_store.backend.query("SELECT * FROM sessions") == []


def test_a_pasted_list_is_stored_with_the_session_and_shown_on_its_dashboard(sqlite_store):
    app = facilitator(sqlite_store)
    app.f_title.value = "Sociaal domein"
    tick_own_statements(app)
    statements(app).value = "Onze wijkteams werken vanuit de bedoeling\r\n\r\nWe leren van <script>klachten</script>\n"
    app.create_session()
    assert app.session is not None and "eigen" in app.session.activities
    assert sqlite_store.state(app.session.id, "eigen")["statements"] == [
        {"key": "e1", "text": "Onze wijkteams werken vanuit de bedoeling"},
        {"key": "e2", "text": "We leren van <script>klachten</script>"},
    ]
    from widgets.activities.eigen.dashboard import Dashboard as OwnStatementsDashboard

    view = OwnStatementsDashboard(sqlite_store, app.session, "nl")
    view.refresh(app.session)
    assert "Onze wijkteams werken vanuit de bedoeling" in view.figures.value
    assert "&lt;script&gt;klachten" in view.figures.value and "<script>" not in view.figures.value
    assert "Waar alle groepen het over eens zijn" in view.figures.value


def test_without_the_activity_the_statements_are_neither_checked_nor_stored(sqlite_store):
    app = facilitator(sqlite_store)
    app.f_title.value = "Woonvisie"
    statements(app).value = "\n".join(f"Stelling nummer {n}" for n in range(1, 14))  # left from before unticking
    app.create_session()
    assert app.session is not None and sqlite_store.state(app.session.id, "eigen") == {}
