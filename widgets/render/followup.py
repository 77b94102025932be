"""A follow-up session's change as tables: the dashboard and the report show the same ones.

Each activity draws its own part (its ``render.followup_html``, from a template in its folder)
with what they share here; this module puts the parts in one section. Each table is also the
readable form of the chart beside it, for screen readers and paper. Numbers through Babel; a
change carries its sign (+0,5 / −1,0).
"""

from dataclasses import dataclass

from ..activities import BY_KEY
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


@dataclass(frozen=True)
class Frame:
    """What every activity's part is drawn with: both sessions' groups, who answered, the session, the language."""

    groups: tuple  # (key, label), as in the Comparison
    counts: dict  # group key (ROOM for the room) -> Shift of the number of participants who answered
    session: object
    lang: str
    heading: int = 3


def fragment(template: str, change, frame: Frame, chart="", **context):
    """An activity's ``template`` of its ``change``, with the groups, the counts, signs and where its chart goes."""
    labels = dict(frame.groups)
    return render(
        template,
        frame.lang,
        change=change,
        groups=frame.groups,
        labels=labels,
        counts=frame.counts,
        room=ROOM,
        h=f"h{frame.heading}",
        chart=chart,
        names=lambda keys: ", ".join(labels.get(k, k) for k in keys),
        signed=lambda value, digits=1: signed(value, frame.lang, digits),
        **context,
    )


def followup_html(change: Comparison, previous: dict, session, lang: str, heading: int = 3, charts=None):
    """Every activity's part of the change, in the comparison's order; ``charts``: {activity key: HTML}."""
    frame = Frame(change.groups, change.counts, session, lang, heading)
    parts = []
    for key, part in change.changes.items():
        draw = BY_KEY[key].part("render", "followup_html")
        if draw is not None:
            parts.append(draw(part, frame, (charts or {}).get(key, "")))
    return render("followup.html", lang, previous=previous["session"], parts=parts)
