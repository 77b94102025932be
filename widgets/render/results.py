"""A participant's results page: the report's first-page summary, then their own answers next to the others'.

Both from the session export dict (``widgets.report.transfer.export_session``), so the page shows
what the report shows, in the participant's language. Of other participants only aggregates
appear, as the disclosure rule lets them through (``widgets.model.disclosure``: the summaries see
the groups of fewer than ``k`` folded into "overige groepen", the own answers' means go through
``widgets.model.results.compare``); texts are the participant's own values, escaped by the templates.
Each activity's part comes from its folder: ``results.own`` for its own answers (rows for a table, or
result blocks drawn as on a phone), and ``results.summary`` where the phone must show less of the
summary than the report does (else ``report.summary``).
"""

from markupsafe import Markup

from ..activities import used
from ..i18n import decimal, t
from ..model.answers import answers_by_activity
from ..model.moderation import seen_by_room
from .blocks import PHONE, blocks_html
from .report import participants_summary, report_render, seen


def summary_html(data: dict, session, lang: str) -> Markup:
    """Who took part, then each activity's summary: its ``results.summary``, or the report's first page's.

    Both see the answers as the report's do (``widgets.render.report.seen``), so no summary names a figure of
    a group under the disclosure rule, a difference to it or an extreme of it; an activity with fewer than
    ``k`` participants in all has no summary here.
    """
    data = seen_by_room(data)  # no hidden or unapproved text of anyone
    answers, state = answers_by_activity(data.get("answers", [])), data.get("state", {})
    parts = [participants_summary(data, session, lang)]
    for activity in used(session):
        summary = activity.part("results", "summary") or activity.part("report", "summary")
        if summary is None:
            continue
        view = seen(activity, answers, session, lang)
        if view.found.room:
            parts.append(summary(view.answers, state, view.session, lang))
    return Markup("\n").join(parts)


def comparison_rows(comparisons, labels: dict, own_text) -> list:
    """One row per comparison that has something to show (an own answer or a mean), for ``results_own.html``."""
    return [
        {"key": c.key, "label": labels[c.key], "own": own_text(c.own), "group": c.group, "room": c.room}
        for c in comparisons
        if (c.own, c.group, c.room) != (None, None, None)
    ]


def own_score(value, lang: str) -> str:
    """An own score in words: as a participant writes it (6,5 and 7), "weet ik niet" (``"?"``) or not answered
    (None). Box 5.2's statements, those built on them and the triangle's corners share it."""
    if value is None:
        return t("resultaten.not_answered", lang)
    if value == "?":
        return t("resultaten.dont_know", lang)
    return decimal(value, lang, digits=None)


def score_rows(comparisons, labels: dict, lang: str) -> list:
    """``comparison_rows`` of scores, each own score in words (``own_score``)."""
    return comparison_rows(comparisons, labels, lambda value: own_score(value, lang))


def own_html(data: dict, session, participant, lang: str) -> Markup:
    """Per activity of the session: the participant's answers next to their group's and the room's means.

    An activity's ``results.own`` gives ``rows`` (a table of own answer, group mean and room mean), ``named``
    (texts), or ``blocks`` (``widgets.model.blocks``, drawn as on a phone: cards, never a wide table).
    """
    data = seen_by_room(data)  # no hidden or unapproved text of anyone
    answers, state = answers_by_activity(data.get("answers", [])), data.get("state", {})
    sections = []
    for activity in used(session, "results", "own"):
        mine = [a for a in answers.get(activity.key, []) if a.participant == participant.ref]
        section = {"key": activity.key, "title": activity.label(lang), "taken_part": bool(mine)}
        if mine:
            section |= activity.part("results", "own")(answers, state, session, participant, lang)
            if "blocks" in section:
                section["drawn"] = blocks_html(section.pop("blocks"), PHONE, lang)
        sections.append(section)
    return report_render("results_own.html", lang, sections=sections)
