"""Ternary plot of the strategic triangle: every participant, each group's centroid, everyone's."""

from bokeh.models import ColumnDataSource, Label
from bokeh.plotting import figure

from ...colors import group_color
from .model import CORNER_XY, CORNERS

EMPTY = {"x": [], "y": [], "group": [], "color": []}


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
