"""The dashboard views of the activities, from the one descriptor per activity (``widgets.activities``)."""

from ..activities import ACTIVITIES


def facilitator_views() -> dict:
    """``{activity key: dashboard view class}`` in the order a tafel runs them (an activity without one has none)."""
    return {a.key: a.part("dashboard", "Dashboard") for a in ACTIVITIES if a.has("dashboard", "Dashboard")}


def available() -> tuple:
    return tuple(activity.key for activity in ACTIVITIES)
