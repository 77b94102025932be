"""A participant's results page: the report's first-page summary, then their own answers next to the others'.

Both from the session export dict (``widgets.store.transfer.export_session``), so the page shows
what the report shows, in the participant's language. Of other participants only aggregates
appear (the summary's, and means that ``widgets.model.results`` lets through); texts are the
participant's own values, escaped by the templates.
"""

from dataclasses import replace

from markupsafe import Markup

from ..activities import used
from ..activities.beoordelen.model import OVERALL
from ..activities.beoordelen.render import score_text
from ..activities.prioriteren.model import spreadable_values
from ..i18n import t
from ..model import results as model
from ..texts import statements
from .report import participants_summary, report_render


def by_activity(data: dict) -> dict:
    answers = {}
    for answer in data.get("answers", []):
        answers.setdefault(answer["activity"], []).append(answer)
    return answers


def summary_html(data: dict, session, lang: str) -> Markup:
    """Who took part, then each activity's summary from the report's first page.

    The summaries see only the groups whose grade mean may be shown (``group_mean_shown``):
    on a phone, the mean of a group of one or two would be a known person's grade.
    """
    answers, state = by_activity(data), data.get("state", {})
    graded = {}
    for a in answers.get("beoordelen", []):
        if a["item"] == OVERALL and a["value"].get("score") is not None:
            graded[a["group"]] = graded.get(a["group"], 0) + 1
    shown = replace(session, groups=tuple(g for g in session.groups if model.group_mean_shown(graded.get(g.key, 0))))
    parts = [participants_summary(data, session, lang)]
    parts += [a.part("report", "summary")(answers, state, shown, lang) for a in used(session, "report", "summary")]
    return Markup("\n").join(parts)


def _own_score(value, lang: str) -> str:
    if value is None:
        return t("beoordelen.not_answered", lang)
    if value == "?":
        return t("beoordelen.dont_know_choice", lang)
    return score_text(value, lang)


def _rows(comparisons, labels: dict, own_text) -> list:
    """One row per comparison that has something to show (an own answer or a mean)."""
    return [
        {"key": c.key, "label": labels[c.key], "own": own_text(c.own), "group": c.group, "room": c.room}
        for c in comparisons
        if (c.own, c.group, c.room) != (None, None, None)
    ]


def rating_section(answers, state, session, participant, lang) -> dict:
    texts = statements(session, lang)
    labels = {key: v["short"] for key, v in texts.items()} | {OVERALL: t("beoordelen.grade_short", lang)}
    given = answers.get("beoordelen", [])
    compared = model.rating_comparison(given, participant.ref, participant.group_key)
    return {"rows": _rows(compared, labels, lambda v: _own_score(v, lang)), "what": t("resultaten.statement", lang)}


def triangle_section(answers, state, session, participant, lang) -> dict:
    given = answers.get("driehoek", [])
    compared = model.triangle_comparison(given, participant.ref, participant.group_key)
    labels = {c.key: t(f"corner.short.{c.key}", lang).capitalize() for c in compared}
    return {"rows": _rows(compared, labels, lambda v: _own_score(v, lang)), "what": t("resultaten.corner", lang)}


def priorities_section(answers, state, session, participant, lang) -> dict:
    merges = state.get("palet", {}).get("merges")
    values = spreadable_values(answers.get("palet", []), merges, state.get("prioriteren", {}).get("selection") or [])
    labels = {key: label for key, label, _ in values}
    given = answers.get("prioriteren", [])
    compared = model.priorities_comparison(given, values, participant.ref, participant.group_key, merges)
    return {
        "rows": _rows(compared, labels, lambda v: "–" if v is None else str(v)),
        "what": t("resultaten.value", lang),
        "note": t("resultaten.points_note", lang),
    }


def palette_section(answers, state, session, participant, lang) -> dict:
    compared = model.palette_comparison(
        answers.get("palet", []),
        state.get("palet", {}).get("merges"),
        participant.ref,
        participant.group_key,
        [g.key for g in session.groups],
    )
    values = []
    for v in compared:
        if not v.others:
            said = t("resultaten.palette.alone", lang)
        else:
            said = t("resultaten.palette.others", lang, n=v.others)
            if v.other_groups:
                groups = ", ".join(session.group_label(g) for g in v.other_groups)
                said += " " + t("resultaten.palette.groups", lang, groups=groups)
            else:
                said += " " + t("resultaten.palette.own_group", lang)
        values.append({"item": v.item, "text": v.text, "cell": t(f"cell.{v.cell}", lang), "said": said})
    return {"named": values}


def own_html(data: dict, session, participant, lang: str) -> Markup:
    """Per activity of the session: the participant's answers next to their group's and the room's means."""
    answers, state = by_activity(data), data.get("state", {})
    sections = []
    for activity in used(session, "results", "own"):
        mine = [a for a in answers.get(activity.key, []) if a["participant"] == participant.ref]
        section = {"key": activity.key, "title": activity.label(lang), "taken_part": bool(mine)}
        if mine:
            section |= activity.part("results", "own")(answers, state, session, participant, lang)
        sections.append(section)
    return report_render("results_own.html", lang, sections=sections)
