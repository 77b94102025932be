"""Eigen stellingen in the session report: the statements and their means, the summary, the notes."""

from markupsafe import Markup

from ...i18n import t
from ...render.report import report_render, section_html
from ..beoordelen.model import AGREEMENT_FLOOR, agenda, common_ground
from ..beoordelen.report import SUMMARY_ITEMS
from .model import ACTIVITY, KEYS, keys_of, stored_statements, summarize
from .render import own_html


def _number(key: str) -> int:
    return KEYS.index(key) + 1 if key in KEYS else len(KEYS) + 1


def section(answers, state, session, lang, plots) -> str:
    """The statements, the means per group, broad agreement and the dissent agenda (or that nobody answered)."""
    statements = stored_statements(state.get(ACTIVITY, {}))
    mine = answers.get(ACTIVITY, [])
    parts = [own_html(summarize(mine, statements), statements, session, lang)]
    if statements and not mine:
        parts.append(Markup("<p>%s</p>") % t("report.no_answers", lang))
    return section_html(ACTIVITY, lang, *parts)


def summary(answers, state, session, lang) -> str:
    """The report's first page: the own statements with most dissent and with broadest agreement (three each)."""
    statements = stored_statements(state.get(ACTIVITY, {}))
    summaries = summarize(answers.get(ACTIVITY, []), statements)
    keys = keys_of(statements)
    texts = {s["key"]: s["text"] for s in statements}

    def item(key):
        s = summaries[key]
        return {
            "key": key,
            "label": t("eigen.label", lang, n=_number(key)),
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


def own_results(answers, state, session, participant, lang) -> dict:
    """The participant's results page: their own score per statement next to their group's and the room's means."""
    from ...model.results import rating_comparison
    from ..beoordelen.render import score_text

    statements = stored_statements(state.get(ACTIVITY, {}))
    texts = {s["key"]: s["text"] for s in statements}
    compared = rating_comparison(answers.get(ACTIVITY, []), participant.ref, participant.group_key, keys_of(statements))

    def own(value):
        if value is None:
            return t("beoordelen.not_answered", lang)
        return t("beoordelen.dont_know_choice", lang) if value == "?" else score_text(value, lang)

    rows = [
        {
            "key": c.key,
            "label": f"{t('eigen.label', lang, n=_number(c.key))}: {texts[c.key]}",
            "own": own(c.own),
            "group": c.group,
            "room": c.room,
        }
        for c in compared
        if c.own is not None or c.group is not None or c.room is not None
    ]
    return {"rows": rows, "what": t("resultaten.statement", lang)}


def notes(answers, lang) -> list:
    """``[(what, group, note)]``: the toelichtingen, statement by statement in the facilitator's order."""
    noted = sorted((a for a in answers if a["value"].get("note")), key=lambda a: _number(a["item"]))
    return [(t("eigen.label", lang, n=_number(a["item"])), a["group"], a["value"]["note"]) for a in noted]
