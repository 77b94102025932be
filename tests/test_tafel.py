"""The publieke waarde tafel: run sheet timings add up; a step opens its activity and closes the rest."""

import pytest

from widgets.model.runsheet import DURATIONS, minutes, steps
from widgets.model.sessions import SessionSpec


@pytest.mark.parametrize("duration", DURATIONS)
def test_run_sheet_fills_the_session_exactly(duration):
    assert sum(minutes(step, duration) for step in steps()) == duration


def test_every_step_speaks_both_languages_and_names_a_known_activity():
    from widgets.model.sessions import ACTIVITIES

    for step in steps():
        for part in ("title", "say", "show", "ask"):
            assert step[part]["nl"] and step[part]["en"]
        assert step["activity"] in (None, *ACTIVITIES)
    assert {s["activity"] for s in steps()} >= set(ACTIVITIES)


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
