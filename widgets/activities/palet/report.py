"""The waardenpalet in the session report: the merged palette, and the values most groups named."""

from markupsafe import Markup

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...render.blocks import REPORT, blocks_html
from ...render.report import report_render, section_html
from .model import ACTIVITY, VALID_CELLS, merge_palette
from .results import blocks

SHARED_VALUES = 8  # shared values on the first page


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The palette as the facilitator merged it, in the book's 2 x 3 grid (or that nobody answered)."""
    body = (
        blocks_html(blocks(answers, state, session, lang), REPORT, lang)
        if answers.get(ACTIVITY)
        else Markup("<p>%s</p>") % t("report.no_answers", lang)
    )
    return section_html(ACTIVITY, lang, body)


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The values named by the most groups (the merged palette's shared values)."""
    given = answers.get(ACTIVITY, [])
    grid = merge_palette(given, state.get(ACTIVITY, {}).get("merges"))
    shared = sorted(
        (m for cell in VALID_CELLS for m in grid[cell] if m.shared),
        key=lambda m: (-len(m.groups), -m.count, m.label.lower()),
    )
    values = [{"key": m.key, "label": m.label, "groups": len(m.groups), "n": m.count} for m in shared[:SHARED_VALUES]]
    return report_render("palet_summary.html", lang, answered=bool(given), values=values)
