"""Wat leren we nu? in the session report: the groups' lessons as a section, and on the first page."""

from markupsafe import Markup

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...render.blocks import REPORT, blocks_html
from ...render.report import report_render, section_html
from .model import ACTIVITY, by_group
from .results import blocks


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """Per group its successes and what it will try differently (or that nobody answered)."""
    if not answers.get(ACTIVITY):
        return section_html(ACTIVITY, lang, Markup("<p>%s</p>") % t("report.no_answers", lang))
    return section_html(ACTIVITY, lang, blocks_html(blocks(answers, state, session, lang), REPORT, lang))


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The first page: per group (folded as the report gives them) the success it builds on and what it tries.

    Each group's most sent line of each, with how many more lines there are in the section.
    """
    groups = [
        {
            "key": g.group,
            "label": session.group_label(g.group),
            "succes": g.succes[0].text.rstrip("."),  # the sentence's own full stop follows
            "anders": g.anders[0].text.rstrip("."),
            "more": len(g.succes) + len(g.anders) - 2,
        }
        for g in by_group(answers.get(ACTIVITY, []), [g.key for g in session.groups])
    ]
    return report_render("leren_summary.html", lang, groups=groups)
