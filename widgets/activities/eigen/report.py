"""Eigen stellingen in the session report: the statements and their means, the summary, the notes."""

from markupsafe import Markup

from ...i18n import t
from ...model.answers import Answer, ByActivity, States
from ...model.sessions import Session
from ...render.blocks import REPORT, blocks_html
from ...render.report import section_html
from ..beoordelen.model import disclosed
from ..beoordelen.report import statements_summary
from .model import ACTIVITY, number_of, stored_statements, summarize
from .render import own_html
from .results import blocks

# The section and the summary apply the disclosure rule figure by figure (result blocks, and the rule where a
# figure is no block): the report gives them the answers as they are (widgets.render.report.seen).
DISCLOSES = True


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The statements, the means per group, broad agreement and the dissent agenda (or that nobody answered)."""
    statements = stored_statements(state.get(ACTIVITY, {}))
    mine = answers.get(ACTIVITY, [])
    means = blocks_html(blocks(answers, state, session, lang), REPORT, lang)
    parts = [own_html(disclosed(summarize(mine, statements)), statements, session, lang, means)]
    if statements and not mine:
        parts.append(Markup("<p>%s</p>") % t("report.no_answers", lang))
    return section_html(ACTIVITY, lang, *parts)


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The report's first page: the own statements with most dissent and with broadest agreement (three each)."""
    statements = stored_statements(state.get(ACTIVITY, {}))
    texts = {s["key"]: (t("eigen.label", lang, n=number_of(s["key"])), s["text"]) for s in statements}
    summaries = summarize(answers.get(ACTIVITY, []), statements)
    return statements_summary(ACTIVITY, t("eigen.title", lang), summaries, texts, lang)


def notes(answers: list[Answer], lang: str) -> list:
    """``[(what, group, note)]``: the toelichtingen, statement by statement in the facilitator's order."""
    noted = sorted((a for a in answers if a.value.get("note")), key=lambda a: number_of(a.item))
    return [(t("eigen.label", lang, n=number_of(a.item)), a.group, a.value["note"]) for a in noted]
