"""Charts of a follow-up session's change: the grade then and now, and the triangle's centroids moving."""

from bokeh.models import Arrow, ColumnDataSource, FixedTicker, VeeHead
from bokeh.plotting import figure

from ..activities.driehoek.charts import ternary_figure
from ..colors import group_color
from ..model.followup import ROOM

EVERYONE = "#000000"


def _colors(groups) -> dict:
    colors = {key: group_color(i) for i, (key, _) in enumerate(groups)}
    colors[ROOM] = EVERYONE
    return colors


def grades_figure(rows: list, title: str = "") -> tuple:
    """A dumbbell per row: the grade then (open circle) and now (filled), joined by a line; rows top down."""
    plot = figure(
        width=560,
        height=80 + 44 * max(1, len(rows)),
        y_range=list(reversed(rows)) or [""],
        x_range=(1, 10),
        title=title,
        toolbar_location=None,
    )
    plot.xaxis.ticker = FixedTicker(ticks=list(range(1, 11)))
    plot.ygrid.visible = False
    source = ColumnDataSource({"row": [], "then": [], "now": [], "color": []}, name="followup-grades")
    plot.segment("then", "row", "now", "row", source=source, color="color", line_width=3)
    plot.scatter("then", "row", source=source, size=14, line_color="color", fill_color="white", line_width=2)
    plot.scatter("now", "row", source=source, size=14, color="color")
    return plot, source


def grades_data(change, labels: dict, room_label: str) -> dict:
    """The rows of ``grades_figure``: every group with a grade then and now, then the room."""
    colors = _colors(change.groups)
    keys = [key for key, _ in change.groups] + [ROOM]
    shown = [k for k in keys if change.grade[k].then is not None and change.grade[k].now is not None]
    return {
        "row": [labels.get(k, room_label) if k != ROOM else room_label for k in shown],
        "then": [change.grade[k].then for k in shown],
        "now": [change.grade[k].now for k in shown],
        "color": [colors[k] for k in shown],
    }


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


def arrows_data(change) -> tuple:
    """(then points, now points, arrows) for ``arrows_figure``: groups placed in both sessions, and the room."""
    colors = _colors(change.groups)
    moved = [(k, *change.centroids[k]) for k in [key for key, _ in change.groups] + [ROOM]]
    moved = [(k, a, b) for k, a, b in moved if a is not None and b is not None]

    def points(index):
        return {
            "x": [m[index][0] for m in moved],
            "y": [m[index][1] for m in moved],
            "group": [m[0] or "*" for m in moved],
            "color": [colors[m[0]] for m in moved],
        }

    arrows = {
        "x_start": [a[0] for _, a, _ in moved],
        "y_start": [a[1] for _, a, _ in moved],
        "x_end": [b[0] for _, _, b in moved],
        "y_end": [b[1] for _, _, b in moved],
        "color": [colors[k] for k, _, _ in moved],
    }
    return points(1), points(2), arrows
