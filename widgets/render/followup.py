"""A follow-up session's change as tables: the dashboard and the report show the same ones.

Each table is also the readable form of the chart beside it (grades, triangle), for screen
readers and paper. Numbers through Babel; a change carries its sign (+0,5 / −1,0).
"""

from ..activities.driehoek.model import CORNERS
from ..i18n import decimal
from ..model.followup import ROOM, Comparison
from . import render

MINUS = "\u2212"


def signed(value, lang: str, digits: int = 1) -> str:
    if value is None:
        return "–"
    if round(value, digits) == 0:
        return decimal(0, lang, digits)
    return ("+" if value > 0 else MINUS) + decimal(abs(value), lang, digits)


def followup_html(change: Comparison, previous: dict, session, lang: str, texts: dict, heading: int = 3, charts=None):
    """Every part of the change for the activities both sessions ran; ``charts``: {"grades"|"arrows": HTML}."""
    activities = set(session.activities) & set(previous["session"].get("activities", ()))
    labels = dict(change.groups)
    return render(
        "followup.html",
        lang,
        change=change,
        previous=previous["session"],
        activities=activities,
        groups=change.groups,
        labels=labels,
        room=ROOM,
        corners=CORNERS,
        texts=texts,
        heading=heading,
        charts=charts or {},
        names=lambda keys: ", ".join(labels.get(k, k) for k in keys),
        signed=lambda value, digits=1: signed(value, lang, digits),
    )
