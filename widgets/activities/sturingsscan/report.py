"""Sturingsscan in the session report: the three tables, and the first-page summary."""

from markupsafe import Markup

from ...i18n import decimal, label, t
from ...model.signal_words import PERSPECTIVES
from ...render.report import report_render, section_html
from .model import (
    ACTIVITY,
    benchmark,
    by_participant,
    participant_shares,
    summarize,
)
from .render import element_label, results_html


def section(answers, state, session, lang, plots) -> str:
    """The three tables, as on the dashboard (or that nobody answered)."""
    mine = answers.get(ACTIVITY, [])
    body = results_html(mine, session, lang, heading=3) if mine else Markup("<p>%s</p>") % t("report.no_answers", lang)
    return section_html(ACTIVITY, lang, body)


def summary(answers, state, session, lang) -> str:
    """The first page: the room's largest share, the element where groups differ most, the nearest municipality."""
    result = summarize(answers.get(ACTIVITY, []), [g.key for g in session.groups])
    lines = []
    if result.room.shares:
        top = result.room.dominant
        lines.append(
            t(
                "sturingsscan.summary.room",
                lang,
                perspective=", ".join(label(p, lang) for p in top),
                share=decimal(result.room.shares[top[0]], lang),
                n=result.room.n,
            )
        )
        if result.widest:
            gap = result.widest
            lines.append(
                t(
                    "sturingsscan.dash.widest",
                    lang,
                    element=element_label(gap.element, lang).lower(),
                    distance=decimal(gap.distance, lang),
                    a=session.group_label(gap.pair[0]),
                    b=session.group_label(gap.pair[1]),
                )
            )
        mark = benchmark(result.room.shares)
        lines.append(
            t(
                "sturingsscan.summary.nearest",
                lang,
                gemeente=mark.nearest,
                distance=decimal(mark.nearest_distance, lang),
            )
        )
    return report_render("report_summary_sturingsscan.html", lang, lines=lines)


def sturingsscan_results(answers, state, session, participant, lang) -> dict:
    """The participant's results page: the own share per perspective next to the group's and the room's mean.

    A mean appears only when enough others make it up (``widgets.model.results.shown_means``).
    """
    from ...model.results import shown_means

    found = {
        ref: (group, shares)
        for ref, (group, values) in by_participant(answers.get(ACTIVITY, [])).items()
        if (shares := participant_shares(values)) is not None
    }
    me, mine = participant.ref, found.get(participant.ref, (None, None))[1]
    rows = []
    for p in PERSPECTIVES:
        inside = [s[p] for ref, (g, s) in found.items() if ref != me and g == participant.group_key]
        outside = [s[p] for ref, (g, s) in found.items() if ref != me and g != participant.group_key]
        own = mine[p] if mine else None
        group, room = shown_means(own, inside, outside)
        if (own, group, room) != (None, None, None):
            shown = f"{decimal(own, lang)}%" if own is not None else t("sturingsscan.results_no_share", lang)
            rows.append({"key": p, "label": label(p, lang), "own": shown, "group": group, "room": room})
    return {
        "rows": rows,
        "what": t("sturingsscan.dash.perspective", lang),
        "note": t("sturingsscan.results_note", lang),
    }
