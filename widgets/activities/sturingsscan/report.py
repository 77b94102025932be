"""Sturingsscan in the session report: the result blocks as tables, and the first-page summary."""

from markupsafe import Markup

from ...i18n import decimal, label, t
from ...model.answers import ByActivity, States
from ...model.disclosure import shown
from ...model.sessions import Session
from ...render.blocks import REPORT
from ...render.report import report_render, section_html
from .model import ACTIVITY, benchmark, summarize
from .render import results_html
from .results import blocks, widest_text

# The section and the summary apply the disclosure rule figure by figure (result blocks, and the rule where a
# figure is no block): the report gives them the answers as they are (widgets.render.report.seen).
DISCLOSES = True


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The three tables, as on the dashboard (or that nobody answered)."""
    if not answers.get(ACTIVITY):
        return section_html(ACTIVITY, lang, Markup("<p>%s</p>") % t("report.no_answers", lang))
    return section_html(ACTIVITY, lang, results_html(blocks(answers, state, session, lang), REPORT, lang))


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The first page: the room's largest share, the element where groups differ most, the nearest municipality."""
    result = summarize(answers.get(ACTIVITY, []), [g.key for g in session.groups])
    lines = []
    if result.room.shares and shown(result.room.n):  # the disclosure rule, as the shares block's room line
        top = result.room.dominant
        lines.append(
            t(
                "sturingsscan.summary.room",
                lang,
                perspective=", ".join(label(p, lang) for p in top),
                share=decimal(result.room.shares[top[0]], lang),
                n=result.room.n,
            )
        )
        if result.widest:
            lines.append(widest_text(result, session, lang))
        mark = benchmark(result.room.shares)
        lines.append(
            t(
                "sturingsscan.summary.nearest",
                lang,
                gemeente=mark.nearest,
                distance=decimal(mark.nearest_distance, lang),
            )
        )
    return report_render("sturingsscan_summary.html", lang, lines=lines)
