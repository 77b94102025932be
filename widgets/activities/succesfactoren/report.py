"""Succesfactoren in the session report: the factors and the suggestions, and the first-page summary."""

from markupsafe import Markup

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.disclosure import shown
from ...model.sessions import Session
from ...render import percent
from ...render.blocks import REPORT
from ...render.report import report_render, section_html
from .model import ACTIVITY, holds_share, tally
from .render import results_html
from .results import blocks, domain_of

# The section and the summary apply the disclosure rule figure by figure (result blocks, and the rule where a
# figure is no block): the report gives them the answers as they are (widgets.render.report.seen).
DISCLOSES = True


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The factors next to the book's counts and the chapter's suggestions, as on the dashboard."""
    if not answers.get(ACTIVITY):
        found = blocks(answers, state, session, lang)[1:]  # the suggestions hold without answers
        nobody = Markup("<p>%s</p>") % t("report.no_answers", lang)
        return section_html(ACTIVITY, lang, nobody + results_html(found, REPORT, lang))
    return section_html(ACTIVITY, lang, results_html(blocks(answers, state, session, lang), REPORT, lang))


def strongest(answers: ByActivity, state: States, session: Session) -> list:
    """The factors whose room figure the disclosure rule lets through, the most said to hold first."""
    results = tally(answers.get(ACTIVITY, []), domain_of(state, session), [])
    seen = [r for r in results if r.room.answered and shown(r.room.answered)]
    return sorted(seen, key=lambda r: (-(holds_share(r.room) or 0), r.factor.number))


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The first page: the factor the room says holds most, and the one it says holds least."""
    ranked = strongest(answers, state, session)

    def line(result) -> dict:
        return {
            "key": result.factor.key,
            "text": result.factor.text(lang),
            "share": percent((holds_share(result.room) or 0) / 100, lang),
            "n": result.room.answered,
        }

    most = line(ranked[0]) if ranked else None
    least = line(ranked[-1]) if len(ranked) > 1 else None
    domain = t(f"succesfactoren.domain.{domain_of(state, session)}", lang)
    return report_render("succesfactoren_summary.html", lang, most=most, least=least, domain=domain)
