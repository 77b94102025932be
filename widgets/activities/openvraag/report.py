"""Open vraag in the session report: what was asked, the word cloud with its table, the answers; on the first page
the words used most."""

from markupsafe import Markup

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...render.blocks import REPORT, blocks_html, count
from ...render.report import section_html
from .model import ACTIVITY, cloud
from .render import asked_html
from .results import blocks

# The word cloud is a block the render layer puts under the disclosure rule (a group's cloud from k participants on),
# so the report gives the section and the summary the answers as they are (widgets.render.report.seen).
DISCLOSES = True
SUMMARY_WORDS = 5


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The question, then the word cloud and every answer (or that nobody answered)."""
    mine = state.get(ACTIVITY, {})
    if not answers.get(ACTIVITY):
        return section_html(ACTIVITY, lang, asked_html(mine, lang), Markup("<p>%s</p>") % t("report.no_answers", lang))
    return section_html(
        ACTIVITY, lang, asked_html(mine, lang), blocks_html(blocks(answers, state, session, lang), REPORT, lang)
    )


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The room's most used words with how many used each: "wonen (4), groen (3)"; '' when nobody answered."""
    words = cloud(answers.get(ACTIVITY, []))[:SUMMARY_WORDS]
    if not words:
        return ""
    listed = ", ".join(f"{w.label} ({count(w.count, lang)})" for w in words)
    return Markup("<p>%s</p>") % t("openvraag.summary", lang, words=listed)
