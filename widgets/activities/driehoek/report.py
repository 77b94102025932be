"""Driehoek in the session report: the ternary plot and its figures, tensions, routes, the summary, the notes."""

from ...i18n import t
from ...model.answers import Answer, ByActivity, States
from ...model.sessions import Session
from ...render.blocks import REPORT
from ...render.chart_tables import centroids_table_html
from ...render.report import CHART_WIDTH, figure_html, report_render, section_html
from .model import ACTIVITY, AXES, CORNERS, centroid, placements, position, weakest_corner
from .render import levels_html, routes_html, tensions_html


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The ternary plot with the levels and centroids as tables, then the tensions and the routes."""
    from .charts import centroid_data, points_data, ternary_figure  # Bokeh: only when a report is built

    mine = answers.get(ACTIVITY, [])
    placed = placements(mine)
    order = [g.key for g in session.groups]
    points = [(g, position(s)) for _, g, s in placed]
    plot, point_source, centroid_source = ternary_figure({c: t("corner.short." + c, lang) for c in CORNERS})
    point_source.data = points_data(points, order)
    centroid_source.data = centroid_data(
        {g: centroid([p for pg, p in points if pg == g]) for g in order}, order, centroid([p for _, p in points])
    )
    plot.width, plot.height = CHART_WIDTH, 560
    plots["ternary"] = plot
    return section_html(
        ACTIVITY,
        lang,
        figure_html(
            "ternary",
            t("driehoek.dash.plot", lang),
            levels_html(placed, session, lang, REPORT) + centroids_table_html(placed, session, lang, folded=False),
            t("report.figure.ternary_note", lang),
            lang,
        ),
        tensions_html(mine, session, lang, REPORT),
        routes_html(mine, lang),
    )


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The weakest corner (lowest room mean) and the tensions by mean severity, highest first."""
    given = answers.get(ACTIVITY, [])
    scores = [s for _, _, s in placements(given)]
    means = {c: sum(s[c] for s in scores) / len(scores) for c in CORNERS} if scores else {}
    tensions = []
    for axis in AXES:
        severities = [a.value["severity"] for a in given if a.item == f"spanning.{axis}"]
        if severities:
            tensions.append({"key": axis, "mean": sum(severities) / len(severities), "n": len(severities)})
    tensions.sort(key=lambda x: (-round(x["mean"], 9), AXES.index(x["key"])))
    return report_render(
        "driehoek_summary.html",
        lang,
        corners=CORNERS,
        means=means,
        n=len(scores),
        weakest=weakest_corner(scores) if scores else None,
        tensions=tensions,
    )


def notes(answers: list[Answer], lang: str) -> list:
    """``[(what, group, note)]``: the notes on the tensions, per axis in the book's order."""
    return [
        (t("axis." + axis, lang), a.group, a.value["note"])
        for axis in AXES
        for a in answers
        if a.item == f"spanning.{axis}" and a.value.get("note")
    ]
