"""Spider (radar) chart of group means and block diagram of every score.

As *Werken aan publieke waarde* (Van der Torre, Douglas & 't Hart, 2018), Box 5.2, proposes them.
"""

import math

from bokeh.models import ColumnDataSource, FactorRange, FixedTicker, Label, Legend, LegendItem
from bokeh.plotting import figure

from ...charts.followup import colors
from ...colors import group_color
from ...i18n import t
from ...model.followup import ROOM

RINGS = (2, 4, 6, 8, 10)


def _angle(i: int, n: int) -> float:
    return math.pi / 2 - 2 * math.pi * i / n


def radar_points(means: list) -> dict:
    """x/y of a closed polygon for means on 0-10 (None leaves a gap)."""
    n = len(means)
    xs, ys = [], []
    for i, value in enumerate(list(means) + [means[0]]):
        r = math.nan if value is None else value / 10
        xs.append(r * math.cos(_angle(i % n, n)))
        ys.append(r * math.sin(_angle(i % n, n)))
    return {"x": xs, "y": ys, "mean": [math.nan if v is None else v for v in list(means) + [means[0]]]}


def radar_figure(labels: list, groups: list, title: str = "", colors: list | None = None, dashed: str = "") -> tuple:
    """A radar with one line per group; returns (figure, {group key: ColumnDataSource}). ``colors``: per group
    (default: the session's group colours in the list's order); ``dashed``: the key of a line drawn dashed (the
    room's, which can lie on a group's)."""
    n = len(labels)
    plot = figure(
        width=560,
        height=520,
        x_range=(-1.5, 1.5),
        y_range=(-1.3, 1.3),
        title=title,
        toolbar_location=None,
        match_aspect=True,
    )
    plot.axis.visible = False
    plot.grid.visible = False
    for ring in RINGS:
        ring_points = radar_points([ring] * n)
        plot.line(ring_points["x"], ring_points["y"], color="#cccccc")
        plot.add_layout(Label(x=0.02, y=ring / 10, text=str(ring), text_font_size="9px", text_color="#888888"))
    for i, label in enumerate(labels):
        angle = _angle(i, n)
        plot.line([0, math.cos(angle)], [0, math.sin(angle)], color="#dddddd")
        plot.add_layout(
            Label(
                x=1.08 * math.cos(angle),
                y=1.08 * math.sin(angle),
                text=label,
                text_font_size="10px",
                text_align="center",
                text_baseline="middle",
            )
        )
    sources, items = {}, []
    for index, (key, name) in enumerate(groups):
        source = ColumnDataSource(radar_points([None] * n), name=f"radar-{key}")
        color = colors[index] if colors else group_color(index)
        dash = "dashed" if key == dashed else "solid"
        line = plot.line("x", "y", source=source, color=color, line_width=2.5, line_dash=dash)
        dots = plot.scatter("x", "y", source=source, color=color, size=7)
        items.append(LegendItem(label=name, renderers=[line, dots]))
        sources[key] = source
    plot.add_layout(Legend(items=items, location="bottom_left", label_text_font_size="10px"), "below")
    return plot, sources


def block_data(summaries: dict, keys: list, labels: dict, group_order: list) -> dict:
    """One square per score: x is the score, nudged sideways when several share it."""
    data: dict[str, list] = {"statement": [], "score": [], "group": [], "x": [], "color": []}
    colors = {key: group_color(i) for i, key in enumerate(group_order)}  # "overige groepen" last: the next colour
    for key in keys:
        taken: dict[float, int] = {}
        for group in group_order:
            for score in sorted(summaries[key].scores.get(group, [])):
                k = taken.get(score, 0)
                taken[score] = k + 1
                data["statement"].append(labels[key])
                data["score"].append(score)
                data["group"].append(group)
                data["x"].append(score - 0.4 + 0.11 * k + 0.055)
                data["color"].append(colors[group])
    return data


def block_figure(keys: list, labels: dict, title: str = "") -> tuple:
    rows = [labels[k] for k in reversed(keys)]
    plot = figure(
        width=560,
        height=60 + 34 * len(rows),
        y_range=FactorRange(*rows),
        x_range=(0.5, 10.5),
        title=title,
        toolbar_location=None,
    )
    plot.xaxis.ticker = list(range(1, 11))
    source = ColumnDataSource({"statement": [], "score": [], "group": [], "x": [], "color": []}, name="blocks")
    plot.rect("x", "statement", width=0.1, height=0.6, source=source, color="color", alpha=0.85)
    return plot, source


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


def grades_data(change, groups, room_label: str) -> dict:
    """The rows of ``grades_figure``: every group with a grade then and now, then the room."""
    found, labels = colors(groups), dict(groups)
    keys = [key for key, _ in groups] + [ROOM]
    shown = [k for k in keys if change.grade[k].then is not None and change.grade[k].now is not None]
    return {
        "row": [labels.get(k, room_label) if k != ROOM else room_label for k in shown],
        "then": [change.grade[k].then for k in shown],
        "now": [change.grade[k].now for k in shown],
        "color": [found[k] for k in shown],
    }


def followup_chart(groups, lang: str, width: int | None = None) -> tuple:
    """``(figure, fill)``: the grades then and now per group of ``groups`` and the room; ``fill(change, groups)``."""
    room = t("followup.room", lang)
    plot, source = grades_figure([label for _, label in groups] + [room], t("followup.grade.chart", lang))
    if width:
        plot.width = width

    def fill(change, groups) -> None:
        source.data = grades_data(change, groups, room)

    return plot, fill
