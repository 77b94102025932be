"""Eigen stellingen in the report, its notes and the readable export rows (beside ``widgets.report``)."""

from markupsafe import Markup

from ...i18n import t
from .model import ACTIVITY, KEYS, keys_of, stored_statements, summarize
from .render import own_html


def _number(key: str) -> int:
    return KEYS.index(key) + 1 if key in KEYS else len(KEYS) + 1


def own_section(answers, state, session, lang, plots) -> str:
    """The statements, the means per group, broad agreement and the dissent agenda (or that nobody answered)."""
    from ...report import report_render

    statements = stored_statements(state.get(ACTIVITY, {}))
    mine = answers.get(ACTIVITY, [])
    parts = [own_html(summarize(mine, statements), statements, session, lang)]
    if statements and not mine:
        parts.append(Markup("<p>%s</p>") % t("report.no_answers", lang))
    return report_render("report_section.html", lang, key=ACTIVITY, title=t("eigen.title", lang), parts=parts)


def own_summary(answers, state, session, lang) -> str:
    """The report's first page: the own statements with most dissent and with broadest agreement (three each)."""
    from ...render.report import SUMMARY_ITEMS
    from ...report import report_render
    from ..beoordelen.model import AGREEMENT_FLOOR, agenda, common_ground

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


def own_notes(answers, lang) -> list:
    """``[(what, group, note)]``: the toelichtingen, statement by statement in the facilitator's order."""
    noted = sorted((a for a in answers if a["value"].get("note")), key=lambda a: _number(a["item"]))
    return [(t("eigen.label", lang, n=_number(a["item"])), a["group"], a["value"]["note"]) for a in noted]


def own_export_rows(answers, state, session, lang) -> list:
    """One row per score in the facilitator's order: "Stelling 2: <text>", the score or "weet ik niet", the note."""
    from ...exports import export_row

    texts = {s["key"]: s["text"] for s in stored_statements(state.get(ACTIVITY, {}))}
    rows = []
    for a in sorted(answers.get(ACTIVITY, []), key=lambda a: _number(a["item"])):
        label = t("eigen.label", lang, n=_number(a["item"]))
        score = a["value"].get("score")
        rows.append(
            export_row(
                a,
                session,
                lang,
                item=f"{label}: {texts[a['item']]}" if a["item"] in texts else label,
                score=score,
                value="" if score is not None else t("beoordelen.dont_know", lang),
                note=a["value"].get("note", ""),
            )
        )
    return rows


# The registry's names for this activity's parts.
section = own_section
notes = own_notes
summary = own_summary
