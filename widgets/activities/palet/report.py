"""The waardenpalet in the session report: the merged palette, and the values most groups named."""

from markupsafe import Markup

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...render.report import report_render, section_html
from .model import ACTIVITY, VALID_CELLS, merge_palette
from .render import merged_grid_html

SHARED_VALUES = 8  # shared values on the first page


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The palette as the facilitator merged it (or that nobody answered)."""
    grid = merge_palette(answers.get(ACTIVITY, []), state.get(ACTIVITY, {}).get("merges"))
    body = (
        merged_grid_html(grid, session, lang)
        if answers.get(ACTIVITY)
        else Markup("<p>%s</p>") % t("report.no_answers", lang)
    )
    return section_html(ACTIVITY, lang, body, legend=t("palet.dash.legend", lang))


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
