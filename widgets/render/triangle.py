"""The strategic triangle as a small SVG (no Bokeh): for phones, lessons and anywhere without a kernel."""

import math

from ..model.triangle import CORNER_XY, CORNERS
from . import render

COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
SIZE = 300
PAD = 28


def _xy(x: float, y: float) -> tuple:
    scale = SIZE - 2 * PAD
    height = scale * math.sqrt(3) / 2 + 2 * PAD
    return round(PAD + x * scale, 1), round(height - PAD - y * scale, 1)


def triangle_svg(points=(), centroids=(), you=None, legend=(), lang: str = "nl", title: str = "") -> str:
    """Points and centroids ``[(x, y, color, title)]``, ``you`` an (x, y) drawn as the marked 'jij' point.

    ``legend`` is ``[(color, label)]``; the SVG has a text alternative, and the legend is plain HTML.
    """
    scale = SIZE - 2 * PAD
    height = round(scale * math.sqrt(3) / 2 + 2 * PAD)
    corners = [(c, *_xy(*CORNER_XY[c])) for c in CORNERS]
    return render(
        "triangle.html", lang, size=SIZE, height=height, title=title,
        outline=" ".join(f"{x},{y}" for _, x, y in corners), corners=corners,
        points=[(*_xy(x, y), color, label) for x, y, color, label in points],
        centroids=[(*_xy(x, y), color, label) for x, y, color, label in centroids],
        you=_xy(*you) if you else None, legend=list(legend),
    )


def group_color(index: int) -> str:
    return COLORS[index % len(COLORS)]
