"""Static charts of lesson datasets: bars, 100% stacked bars and (indexed) time series."""

from bokeh.models import ColumnDataSource, HoverTool, Legend, LegendItem
from bokeh.plotting import figure

from ..colors import group_color

ANSWER_COLORS = ("#2ca02c", "#bbbbbb", "#d62728", "#1f77b4", "#ff7f0e")
LONGEST_AXIS_LABEL = 45  # longer labels squeeze the bars off a phone screen: number them instead


def axis_labels(labels) -> list:
    """The labels themselves, or "1", "2", ... when one is too long for the axis (list them under the chart)."""
    labels = list(labels)
    if any(len(label) > LONGEST_AXIS_LABEL for label in labels):
        return [str(i + 1) for i in range(len(labels))]
    return labels


def _height(rows: int) -> int:
    return max(160, 60 + 34 * rows)


def _plain(plot) -> None:
    plot.toolbar_location = None
    plot.ygrid.grid_line_color = None
    plot.title.text_font_size = "13px"


def bar_figure(labels, values, title: str = "", name: str = "bars"):
    """Horizontal bars, first row on top; the value is printed at the end of each bar."""
    full = list(labels)
    labels = axis_labels(full)
    source = ColumnDataSource(
        {"label": labels, "full": full, "value": list(values), "text": [f"{v:g}" for v in values]}, name=name
    )
    plot = figure(
        y_range=list(reversed(labels)),
        height=_height(len(labels)),
        width=640,
        title=title,
        x_range=(0, max(list(values) + [1]) * 1.15),
    )
    plot.hbar(y="label", right="value", height=0.7, source=source, color=group_color(0))
    plot.text(
        x="value", y="label", text="text", source=source, x_offset=4, text_baseline="middle", text_font_size="11px"
    )
    plot.add_tools(HoverTool(tooltips=[("", "@full"), ("", "@text")]))
    _plain(plot)
    return plot


def stacked_figure(labels, parts, shares, title: str = "", name: str = "stacked"):
    """One 100% bar per label, split in ``parts``; ``shares`` is one list of percentages per label."""
    full = list(labels)
    labels = axis_labels(full)
    data = {"label": labels, "full": full}
    for index in range(len(parts)):
        data[f"p{index}"] = [row[index] for row in shares]
    source = ColumnDataSource(data, name=name)
    plot = figure(
        y_range=list(reversed(labels)), height=_height(len(labels)) + 40, width=640, title=title, x_range=(0, 100)
    )
    renderers = plot.hbar_stack(
        [f"p{i}" for i in range(len(parts))],
        y="label",
        height=0.7,
        source=source,
        color=[ANSWER_COLORS[i % len(ANSWER_COLORS)] for i in range(len(parts))],
    )
    plot.add_layout(
        Legend(
            items=[LegendItem(label=part, renderers=[r]) for part, r in zip(parts, renderers, strict=True)],
            orientation="horizontal",
            location="center",
        ),
        "below",
    )
    plot.xaxis.axis_label = "%"
    _plain(plot)
    return plot


def line_figure(series: dict, title: str = "", y_label: str = "", name: str = "lines"):
    """One line per series ``{label: (xs, ys)}`` with dots on the measured points."""
    plot = figure(height=380, width=640, title=title)
    items = []
    for index, (label, (xs, ys)) in enumerate(series.items()):
        source = ColumnDataSource({"x": xs, "y": ys}, name=f"{name}-{index}")
        line = plot.line("x", "y", source=source, color=group_color(index), line_width=2)
        dots = plot.scatter("x", "y", source=source, color=group_color(index), size=6)
        if label:
            items.append(LegendItem(label=label, renderers=[line, dots]))
    if items:
        plot.add_layout(Legend(items=items, location="top_left", label_text_font_size="10px"), "below")
    plot.yaxis.axis_label = y_label
    plot.add_tools(HoverTool(tooltips=[("", "@x{0}"), ("", "@y{0.0}")]))
    plot.toolbar_location = None
    plot.title.text_font_size = "13px"
    return plot
