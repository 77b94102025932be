"""The dashboard views of the activities, from the one descriptor per activity (``widgets.activities``)."""

from ..activities import ACTIVITIES


def facilitator_views() -> dict:
    """``{activity key: dashboard view class}`` in the order a tafel runs them."""
    return {activity.key: activity.part("dashboard", "Dashboard") for activity in ACTIVITIES}


def available() -> tuple:
    return tuple(activity.key for activity in ACTIVITIES)
