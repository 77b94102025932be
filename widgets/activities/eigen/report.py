"""Eigen stellingen in the session report: the statements and their means, the summary, the notes."""

from markupsafe import Markup

from ...i18n import t
from ...model.answers import Answer, ByActivity, States
from ...model.sessions import Session
from ...render.report import report_render, section_html
from ..beoordelen.model import AGREEMENT_FLOOR, agenda, common_ground
from ..beoordelen.report import SUMMARY_ITEMS
from .model import ACTIVITY, keys_of, number_of, stored_statements, summarize
from .render import own_html


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The statements, the means per group, broad agreement and the dissent agenda (or that nobody answered)."""
    statements = stored_statements(state.get(ACTIVITY, {}))
    mine = answers.get(ACTIVITY, [])
    parts = [own_html(summarize(mine, statements), statements, session, lang)]
    if statements and not mine:
        parts.append(Markup("<p>%s</p>") % t("report.no_answers", lang))
    return section_html(ACTIVITY, lang, *parts)


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The report's first page: the own statements with most dissent and with broadest agreement (three each)."""
    statements = stored_statements(state.get(ACTIVITY, {}))
    summaries = summarize(answers.get(ACTIVITY, []), statements)
    keys = keys_of(statements)
    texts = {s["key"]: s["text"] for s in statements}

    def item(key):
        s = summaries[key]
        return {
            "key": key,
            "label": t("eigen.label", lang, n=number_of(key)),
            "text": texts[key],
            "dissent": s.dissent,
            "agreement": s.agreement,
            "mean": s.overall_mean,
            "n": s.count,
        }

    answered = [key for key in agenda(summaries, keys) if summaries[key].count]
    return report_render(
        "report_summary_eigen.html",
        lang,
        dissent=[item(k) for k in answered[:SUMMARY_ITEMS]],
        agreement=[item(k) for k in common_ground(summaries, SUMMARY_ITEMS, keys)],
        across_groups=any(summaries[k].agreement is not None for k in answered),
        floor=AGREEMENT_FLOOR,
    )


def notes(answers: list[Answer], lang: str) -> list:
    """``[(what, group, note)]``: the toelichtingen, statement by statement in the facilitator's order."""
    noted = sorted((a for a in answers if a.value.get("note")), key=lambda a: number_of(a.item))
    return [(t("eigen.label", lang, n=number_of(a.item)), a.group, a.value["note"]) for a in noted]
