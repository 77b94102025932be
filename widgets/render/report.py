"""The report's own fragments: the first page's summary per activity, and each chart's figures as a table.

Every function here takes plain answers (by activity key) and returns HTML from a template,
so a participant's words are escaped by Jinja. No Bokeh: the charts are added by ``widgets.report``.
A summary is named in its activity's descriptor (``summary``) with one signature:
``(answers by activity, settings by activity, session, lang) -> HTML``.
"""

from functools import cache

from markupsafe import Markup

from ..activities.beoordelen.model import (
    AGREEMENT_FLOOR,
    AGREEMENT_THRESHOLD,
    OVERALL,
    agenda,
    common_ground,
    summarize,
)
from ..activities.driehoek.model import AXES, CORNERS, placements, weakest_corner
from ..activities.palet.model import VALID_CELLS, merge_palette
from ..i18n import t
from ..texts import national_reference, statements, topic_label
from . import environment, render
from .chart_tables import SCORES, rating_blocks_rows, rating_means_rows

SUMMARY_ITEMS = 3  # statements with most dissent, and with broadest agreement
SHARED_VALUES = 8  # shared values on the first page
TOP_PRIORITIES = 3


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string: every character but letters, digits and spaces hex-escaped.

    The session title goes into the page header's ``content``; escaped like this it can
    neither end the string nor the ``<style>`` element it stands in. Six digits and a space
    (which CSS takes as the escape's end) keep a following digit or space as it is.
    """
    return Markup('"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x} " for c in str(text)) + '"')


def page_counter_css(lang: str) -> Markup:
    """CSS ``content`` for 'Pagina 2 van 5' / 'Page 2 of 5', worded by the catalog."""
    parts = t("report.page", lang, page="\0page\0", pages="\0pages\0").split("\0")
    return Markup(" ").join(
        Markup(f"counter({part})") if index % 2 else css_string(part)
        for index, part in enumerate(parts)
        if part or index % 2
    )


@cache
def report_environment():
    """The shared templates plus the filter for CSS strings (only the report needs it)."""
    env = environment().overlay()
    env.filters["css_string"] = css_string
    return env


def report_render(template: str, lang: str, **context):
    return render(template, lang, env=report_environment(), **context)


def participants_summary(data: dict, session, lang: str) -> str:
    """Who took part: how many joined per group, and in total."""
    counts = {}
    for participant in data.get("participants", []):
        counts[participant["group"]] = counts.get(participant["group"], 0) + 1
    rows = [(g.key, g.label, counts.pop(g.key, 0)) for g in session.groups]
    rows += [(key, session.group_label(key), n) for key, n in sorted(counts.items())]  # groups since removed
    return report_render(
        "report_summary_participants.html", lang, rows=rows, total=sum(n for *_, n in rows), code=session.code
    )


# One summary per activity, named in its descriptor.


def palette_summary(answers, state, session, lang) -> str:
    """The values named by the most groups (the merged palette's shared values)."""
    given = answers.get("palet", [])
    grid = merge_palette(given, state.get("palet", {}).get("merges"))
    shared = sorted(
        (m for cell in VALID_CELLS for m in grid[cell] if m.shared),
        key=lambda m: (-len(m.groups), -m.count, m.label.lower()),
    )
    values = [{"key": m.key, "label": m.label, "groups": len(m.groups), "n": m.count} for m in shared[:SHARED_VALUES]]
    return report_render("report_summary_palette.html", lang, answered=bool(given), values=values)


def priorities_summary(answers, state, session, lang) -> str:
    """The values that got the most points."""
    from ..activities.prioriteren.model import ITEM, rank, spreadable_values

    values = spreadable_values(
        answers.get("palet", []),
        state.get("palet", {}).get("merges"),
        state.get("prioriteren", {}).get("selection") or [],
    )
    spread = [{"group": a["group"], "value": a["value"]} for a in answers.get("prioriteren", []) if a["item"] == ITEM]
    labels = {key: label for key, label, _ in values}
    top = [
        {"key": r.key, "label": labels[r.key], "points": r.points, "n": r.participants}
        for r in rank(spread, list(labels))
        if r.points
    ][:TOP_PRIORITIES]
    return report_render("report_summary_priorities.html", lang, values=top)


def rating_summary(answers, state, session, lang) -> str:
    """The grade against the book's national reference; the statements with most dissent and broadest agreement.

    Broadest agreement is the model's measure across groups (``common_ground``), as in the agenda,
    so a statement every group merely scores 6 on is not read as common ground.
    """
    summaries = summarize(answers.get("beoordelen", []))
    grade = summaries[OVERALL]
    reference = national_reference(session.topic)
    room = grade.overall_mean
    comparison = None
    if room is not None and reference is not None:
        difference = round(room, 1) - reference
        comparison = {
            "key": "report.summary.reference_"
            + ("above" if difference > 0.04 else "below" if difference < -0.04 else "equal"),
            "difference": abs(difference),
            "reference": reference,
        }
    groups = [
        {"key": g.key, "label": g.label, "mean": grade.group_means.get(g.key), "n": len(grade.scores.get(g.key, []))}
        for g in session.groups
    ]
    texts = statements(session, lang)
    answered = [key for key in agenda(summaries) if summaries[key].count]
    dissent = answered[:SUMMARY_ITEMS]
    agreement = common_ground(summaries, SUMMARY_ITEMS)

    def item(key):
        s = summaries[key]
        return {
            "key": key,
            "label": texts[key]["label"],
            "dissent": s.dissent,
            "agreement": s.agreement,
            "mean": s.overall_mean,
            "n": s.count,
        }

    return report_render(
        "report_summary_rating.html",
        lang,
        grade=grade,
        room=room,
        groups=groups,
        comparison=comparison,
        opgave=topic_label(session.topic, lang),
        dissent=[item(k) for k in dissent],
        agreement=[item(k) for k in agreement],
        answered=bool(answered),
        across_groups=any(summaries[k].agreement is not None for k in answered),
        threshold=AGREEMENT_THRESHOLD,
        floor=AGREEMENT_FLOOR,
    )


def triangle_summary(answers, state, session, lang) -> str:
    """The weakest corner (lowest room mean) and the tensions by mean severity, highest first."""
    given = answers.get("driehoek", [])
    scores = [s for _, _, s in placements(given)]
    means = {c: sum(s[c] for s in scores) / len(scores) for c in CORNERS} if scores else {}
    tensions = []
    for axis in AXES:
        severities = [a["value"]["severity"] for a in given if a["item"] == f"spanning.{axis}"]
        if severities:
            tensions.append({"key": axis, "mean": sum(severities) / len(severities), "n": len(severities)})
    tensions.sort(key=lambda x: (-round(x["mean"], 9), AXES.index(x["key"])))
    return report_render(
        "report_summary_triangle.html",
        lang,
        corners=CORNERS,
        means=means,
        n=len(scores),
        weakest=weakest_corner(scores) if scores else None,
        tensions=tensions,
    )


# Each chart's figures as a table, kept with the chart in one figure.


def figure_html(name: str, title: str, table: str, note: str, lang: str) -> str:
    """Heading, chart placeholder (filled with the Bokeh div), table and a note: never split over pages."""
    return report_render("report_figure.html", lang, chart=name, title=title, table=table, note=note)


def rating_means_table(summaries, texts, session, lang) -> str:
    """The radar's figures: the mean score of each group per statement, and everyone's."""
    rows = rating_means_rows(summaries, texts, session)
    return report_render("report_rating_means.html", lang, groups=[g.label for g in session.groups], rows=rows)


def rating_blocks_table(summaries, texts, lang) -> str:
    """The block diagram's figures: how many gave each score, per statement."""
    rows = rating_blocks_rows(summaries, texts)
    return report_render("report_rating_blocks.html", lang, scores=list(SCORES), rows=rows)


def notes_html(items_by_activity, session, lang) -> str:
    """The participants' own words per activity, with their group and topic only (no names)."""
    activities = [
        {"key": key, "label": label, "notes": [(what, session.group_label(g), note) for what, g, note in items]}
        for key, label, items in items_by_activity
    ]
    return report_render("report_notes.html", lang, activities=activities)
