"""The registry: every activity is a folder whose parts are found by name, and the apps take their list from it."""

import inspect

from widgets.activities import ACTIVITIES
from widgets.model.sessions import ACTIVITIES as SESSION_ACTIVITIES

PARTS = (
    ("page", "Page"),
    ("dashboard", "Dashboard"),
    ("model", "check_stored"),
    ("report", "section"),
    ("report", "summary"),
    ("report", "notes"),
    ("exports", "rows"),
    ("exports", "derived"),
    ("paper", "form"),
    ("results", "own"),
)


def test_every_activity_is_a_folder_with_a_page_a_dashboard_a_check_and_a_report_section():
    for activity in ACTIVITIES:
        assert activity.folder.name == activity.key and (activity.folder / "__init__.py").is_file()
        for module, name in PARTS[:4]:
            assert callable(activity.part(module, name)), f"{activity.key}: {module}.{name}"
        assert activity.part("page", "Page").key == activity.key
        assert activity.label("nl") != f"activity.{activity.key}" and activity.label("en") != activity.label("nl")


def test_a_part_the_folder_lacks_is_none_and_the_rest_are_callable():
    for activity in ACTIVITIES:
        for module, name in PARTS:
            part = activity.part(module, name)
            assert part is None or callable(part), f"{activity.key}: {module}.{name}"
    assert ACTIVITIES[0].part("no_such_module", "x") is None and ACTIVITIES[0].part("model", "no_such_name") is None


def test_sessions_offer_exactly_the_registered_activities_in_the_same_order():
    from widgets.activities import CORE
    from widgets.model.sessions import TAFEL, SessionSpec

    assert tuple(a.key for a in ACTIVITIES) == SESSION_ACTIVITIES
    assert CORE == TAFEL == SessionSpec("t", "wonen").activities  # a new session is a tafel unless picked otherwise
    assert CORE == ("palet", "prioriteren", "beoordelen", "driehoek")  # Box 5.5's order


def test_report_sections_share_one_signature():
    for activity in ACTIVITIES:
        params = list(inspect.signature(activity.part("report", "section")).parameters)
        assert params == ["answers", "state", "session", "lang", "plots"], activity.key


def test_the_dashboard_offers_the_registered_activities(sqlite_store):
    from widgets.views.activities import available, facilitator_views

    assert available() == SESSION_ACTIVITIES
    assert list(facilitator_views()) == list(SESSION_ACTIVITIES)
