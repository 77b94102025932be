"""A participant's results page: the report's first-page summary, then their own answers next to the others'.

Both from the session export dict (``widgets.store.transfer.export_session``), so the page shows
what the report shows, in the participant's language. Of other participants only aggregates
appear (the summaries', and means that ``widgets.model.results`` lets through); texts are the
participant's own values, escaped by the templates. Each activity's own answers come
from its folder (``results.own``).
"""

from dataclasses import replace

from markupsafe import Markup

from ..activities import used
from ..activities.beoordelen.model import OVERALL
from ..model.results import group_mean_shown
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
    shown = replace(session, groups=tuple(g for g in session.groups if group_mean_shown(graded.get(g.key, 0))))
    parts = [participants_summary(data, session, lang)]
    parts += [a.part("report", "summary")(answers, state, shown, lang) for a in used(session, "report", "summary")]
    return Markup("\n").join(parts)


def comparison_rows(comparisons, labels: dict, own_text) -> list:
    """One row per comparison that has something to show (an own answer or a mean), for ``results_own.html``."""
    return [
        {"key": c.key, "label": labels[c.key], "own": own_text(c.own), "group": c.group, "room": c.room}
        for c in comparisons
        if (c.own, c.group, c.room) != (None, None, None)
    ]


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
