"""Prioriteren in the session report: the ranking of the palette's values, and the values with most points."""

from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...render.blocks import REPORT, blocks_html
from ...render.report import report_render, section_html
from .model import ACTIVITY, ITEM, rank
from .results import blocks, values

# The section and the summary apply the disclosure rule figure by figure (result blocks, and the rule where a
# figure is no block): the report gives them the answers as they are (widgets.render.report.seen).
DISCLOSES = True

TOP_PRIORITIES = 3


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The values ranked by their points, as on the dashboard."""
    return section_html(ACTIVITY, lang, blocks_html(blocks(answers, state, session, lang), REPORT, lang))


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The values that got the most points."""
    offered = values(answers, state)
    spread = [a for a in answers.get(ACTIVITY, []) if a.item == ITEM]
    labels = {key: label for key, label, _ in offered}
    top = [
        {"key": r.key, "label": labels[r.key], "points": r.points, "n": r.participants}
        for r in rank(spread, list(labels))
        if r.points
    ][:TOP_PRIORITIES]
    return report_render("prioriteren_summary.html", lang, values=top)
