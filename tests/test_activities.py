"""One descriptor per activity: every part it names exists, and the apps take their list from it."""

import inspect

from widgets.activities import ACTIVITIES
from widgets.model.sessions import ACTIVITIES as SESSION_ACTIVITIES


def test_every_part_a_descriptor_names_can_be_loaded():
    for activity in ACTIVITIES:
        for part in ("page", "dashboard", "report", "notes", "derived", "check", "rows", "summary", "paper", "results"):
            if getattr(activity, part):
                assert callable(activity.load(part)), f"{activity.key}.{part}"
        assert activity.load("page").key == activity.key
        assert activity.label("nl") != f"activity.{activity.key}" and activity.label("en") != activity.label("nl")


def test_sessions_offer_exactly_the_described_activities_in_the_same_order():
    from widgets.activities import CORE
    from widgets.model.sessions import TAFEL, SessionSpec

    assert tuple(a.key for a in ACTIVITIES) == SESSION_ACTIVITIES
    assert CORE == TAFEL == SessionSpec("t", "wonen").activities  # a new session is a tafel unless picked otherwise


def test_report_sections_share_one_signature():
    for activity in ACTIVITIES:
        params = list(inspect.signature(activity.load("report")).parameters)
        assert params == ["answers", "state", "session", "lang", "plots"], activity.key


def test_the_dashboard_offers_the_described_activities(sqlite_store):
    from widgets.views.activities import available, facilitator_views

    assert available() == SESSION_ACTIVITIES
    assert list(facilitator_views()) == list(SESSION_ACTIVITIES)
