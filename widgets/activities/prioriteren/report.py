"""Prioriteren in the session report: the ranking of the palette's values, and the values with most points."""

from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...render.report import report_render, section_html
from ..palet.model import ACTIVITY as PALET
from .model import ACTIVITY, ITEM, rank, spreadable_values
from .render import ranking_html

TOP_PRIORITIES = 3


def _values(answers: ByActivity, state: States) -> list:
    """The values points could go to: the merged palette, or the facilitator's selection of it."""
    return spreadable_values(
        answers.get(PALET, []),
        state.get(PALET, {}).get("merges"),
        state.get(ACTIVITY, {}).get("selection") or [],
    )


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The values ranked by their points, as on the dashboard."""
    spread = [a for a in answers.get(ACTIVITY, []) if a.item == ITEM]
    return section_html(ACTIVITY, lang, ranking_html(_values(answers, state), spread, session, lang))


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The values that got the most points."""
    values = _values(answers, state)
    spread = [a for a in answers.get(ACTIVITY, []) if a.item == ITEM]
    labels = {key: label for key, label, _ in values}
    top = [
        {"key": r.key, "label": labels[r.key], "points": r.points, "n": r.participants}
        for r in rank(spread, list(labels))
        if r.points
    ][:TOP_PRIORITIES]
    return report_render("prioriteren_summary.html", lang, values=top)
