"""The publieke waarde tafel: run sheet timings add up; a step opens its activity and closes the rest."""

import pytest

from widgets.model.runsheet import DURATIONS, minutes, steps
from widgets.model.sessions import SessionSpec


@pytest.mark.parametrize("duration", DURATIONS)
def test_run_sheet_fills_the_session_exactly(duration):
    assert sum(minutes(step, duration) for step in steps()) == duration


def test_every_step_speaks_both_languages_and_names_a_known_activity():
    from widgets.activities import BY_KEY
    from widgets.model.sessions import TAFEL

    for step in steps():
        for part in ("title", "say", "show", "ask"):
            assert step[part]["nl"] and step[part]["en"]
        assert step["activity"] is None or step["activity"] in BY_KEY
    assert {s["activity"] for s in steps()} >= set(TAFEL)
    # it closes with "wat leren we nu?" (Werken aan publieke waarde, §5.5), then the wrap-up
    assert [s["key"] for s in steps()][-2:] == ["leren", "afronding"]


def test_the_tafel_ticks_its_closing_step_when_a_session_is_created(sqlite_store):
    from widgets.views.facilitator import FacilitatorApp
    from widgets.views.tafel import TafelApp

    def ticked(app):
        return [key for key, box in zip(app.f_activity_keys, app.f_activities, strict=True) if box.value]

    tafel = TafelApp(params={}, cookies={}, store=sqlite_store, env={})
    assert ticked(tafel) == ["palet", "prioriteren", "beoordelen", "driehoek", "leren"]
    assert "leren" not in ticked(FacilitatorApp(params={}, cookies={}, store=sqlite_store, env={}))


def test_starting_a_step_opens_only_its_activity_and_the_place_is_kept(sqlite_store):
    from widgets.views.tafel import TafelApp

    session, key = sqlite_store.create_session(SessionSpec(title="Tafel", topic="wonen"))
    app = TafelApp(params={"sessie": session.code, "sleutel": key}, cookies={}, store=sqlite_store, env={})
    assert 'data-kit-step="welkom"' in app.card.value and "(10 min)" in app.card.value
    app.move(+1)
    app.start_step()
    assert sqlite_store.session(session.id).open_activities == ("palet",)
    app.move(+2)
    app.start_step()
    assert sqlite_store.session(session.id).open_activities == ("beoordelen",)
    app.duration.value = 180
    assert "(40 min)" in app.card.value
    again = TafelApp(params={"sessie": session.code, "sleutel": key}, cookies={}, store=sqlite_store, env={})
    assert 'data-kit-step="beoordelen"' in again.card.value and again.duration.value == 180


def test_an_activity_beyond_the_tafel_gets_its_own_step_before_the_closing_one(sqlite_store):
    from widgets.views.tafel import TafelApp
    from widgets.web.presenter import tafel_step

    spec = SessionSpec(title="Tafel", topic="wonen", activities=("palet", "beoordelen", "trap"))
    session, key = sqlite_store.create_session(spec)
    app = TafelApp(params={"sessie": session.code, "sleutel": key}, cookies={}, store=sqlite_store, env={})
    keys = [step["key"] for step in app.steps]
    assert keys == [
        *("welkom", "palet", "prioriteren", "beoordelen", "driehoek", "spanningen"),
        *("trap", "leren", "afronding"),  # before the closing steps
    ]
    app.move(+6)
    assert 'data-kit-step="trap"' in app.card.value and "Participatietrap" in app.card.value
    assert "Stap 7 van 9" in app.card.value and "(15 min)" in app.card.value
    app.start_step()
    assert sqlite_store.session(session.id).open_activities == ("trap",)
    assert tafel_step(sqlite_store, sqlite_store.session(session.id), "nl").startswith("Stap 7 van 9: Participatietrap")
    english = steps_in("en", app.steps[6])
    assert english["title"] != app.steps[6]["title"]["nl"] and english["ask"]


def test_a_tafel_can_open_with_an_open_question_and_close_with_what_we_learn(sqlite_store):
    from widgets.model.runsheet import session_steps

    spec = SessionSpec(title="Tafel", topic="wonen", activities=("openvraag", "palet", "beoordelen", "trap", "leren"))
    session, _ = sqlite_store.create_session(spec)
    keys = [step["key"] for step in session_steps(session.activities)]
    assert keys == [
        *("welkom", "openvraag", "palet", "prioriteren", "beoordelen", "driehoek", "spanningen"),
        *("trap", "leren", "afronding"),
    ]


def steps_in(lang, step):
    from widgets.i18n import pick

    return {part: pick(step[part], lang) for part in ("title", "say", "show", "ask")}


def test_a_dashboard_opened_again_stands_where_the_room_is():
    from widgets.model.runsheet import resume_at

    order = ["openvraag", "palet", "prioriteren", "leren"]
    assert resume_at(order, (), {}) == 0  # a new session starts at the beginning
    assert resume_at(order, ("leren",), {"palet": {"a": 3}}) == 3  # the open one, not the first
    assert resume_at(order, ("prioriteren", "leren"), {}) == 2  # two open: the first of them
    assert resume_at(order, (), {"palet": {"a": 3}, "prioriteren": {"a": 1}}) == 2  # closed: the last answered
