"""Ternary plot of the strategic triangle: every participant, each group's centroid, everyone's."""

from bokeh.models import Arrow, ColumnDataSource, Label, VeeHead
from bokeh.plotting import figure

from ...charts.followup import colors
from ...colors import group_color
from ...i18n import t
from ...model.followup import ROOM
from .model import CORNER_XY, CORNERS

EMPTY: dict[str, list] = {"x": [], "y": [], "group": [], "color": []}


def ternary_figure(corner_labels: dict, title: str = "") -> tuple:
    """(figure, points source, centroids source); fill both with ``points_data``/``centroid_data``."""
    plot = figure(
        width=560,
        height=520,
        x_range=(-0.15, 1.15),
        y_range=(-0.12, 1.0),
        title=title,
        toolbar_location=None,
        match_aspect=True,
    )
    plot.axis.visible = False
    plot.grid.visible = False
    outline = [CORNER_XY[c] for c in (*CORNERS, CORNERS[0])]
    plot.line([p[0] for p in outline], [p[1] for p in outline], color="#555555", line_width=2)
    offsets = {"willen": (0, 0.04), "mogen": (-0.02, -0.07), "kunnen": (0.02, -0.07)}
    for corner in CORNERS:
        x, y = CORNER_XY[corner]
        dx, dy = offsets[corner]
        plot.add_layout(
            Label(
                x=x + dx,
                y=y + dy,
                text=corner_labels[corner],
                text_align="center",
                text_font_size="12px",
                text_font_style="bold",
            )
        )
    points = ColumnDataSource(dict(EMPTY), name="ternary-points")
    centroids = ColumnDataSource(dict(EMPTY), name="ternary-centroids")
    plot.scatter("x", "y", source=points, color="color", size=11, alpha=0.75)
    plot.scatter("x", "y", source=centroids, color="color", size=22, marker="diamond", line_color="black")
    return plot, points, centroids


def points_data(placed, group_order: list) -> dict:
    """``placed``: [(group, (x, y))]."""
    colors = {key: group_color(i) for i, key in enumerate(group_order)}
    return {
        "x": [p[1][0] for p in placed],
        "y": [p[1][1] for p in placed],
        "group": [p[0] for p in placed],
        "color": [colors.get(p[0], "#777777") for p in placed],
    }


def centroid_data(centroids: dict, group_order: list, everyone) -> dict:
    """``centroids``: {group: (x, y)}; ``everyone``: (x, y) or None, drawn in black as group '*'."""
    colors = {key: group_color(i) for i, key in enumerate(group_order)}
    rows = [(g, c, colors[g]) for g, c in centroids.items() if c is not None]
    if everyone is not None:
        rows.append(("*", everyone, "#000000"))
    return {
        "x": [r[1][0] for r in rows],
        "y": [r[1][1] for r in rows],
        "group": [r[0] for r in rows],
        "color": [r[2] for r in rows],
    }


REPORT_HEIGHT = 560  # the triangle in the report: as tall as the report section's


def arrows_figure(corner_labels: dict, title: str = "") -> tuple:
    """The triangle with, per group, the centroid then (a dot) and an arrow to now (a diamond)."""
    plot, then_source, now_source = ternary_figure(corner_labels, title)
    arrows = ColumnDataSource({"x_start": [], "y_start": [], "x_end": [], "y_end": [], "color": []})
    plot.add_layout(
        Arrow(
            source=arrows,
            line_color="color",
            line_width=3,
            end=VeeHead(size=14, fill_color="color", line_color="color"),
        )
    )
    return plot, then_source, now_source, arrows


def arrows_data(change, groups) -> tuple:
    """(then points, now points, arrows) for ``arrows_figure``: groups placed in both sessions, and the room."""
    found = colors(groups)
    moved = [(k, *change.centroids[k]) for k in [key for key, _ in groups] + [ROOM]]
    moved = [(k, a, b) for k, a, b in moved if a is not None and b is not None]

    def points(index):
        return {
            "x": [m[index][0] for m in moved],
            "y": [m[index][1] for m in moved],
            "group": [m[0] or "*" for m in moved],
            "color": [found[m[0]] for m in moved],
        }

    arrows = {
        "x_start": [a[0] for _, a, _ in moved],
        "y_start": [a[1] for _, a, _ in moved],
        "x_end": [b[0] for _, _, b in moved],
        "y_end": [b[1] for _, _, b in moved],
        "color": [found[k] for k, _, _ in moved],
    }
    return points(1), points(2), arrows


def followup_chart(groups, lang: str, width: int | None = None) -> tuple:
    """``(figure, fill)``: the centroids' arrows from then to now; ``fill(change, groups)``."""
    plot, then_source, now_source, arrow_source = arrows_figure(
        {c: t("corner.short." + c, lang) for c in CORNERS}, t("followup.triangle.chart", lang)
    )
    if width:
        plot.width, plot.height = width, REPORT_HEIGHT

    def fill(change, groups) -> None:
        then_source.data, now_source.data, arrow_source.data = arrows_data(change, groups)

    return plot, fill
