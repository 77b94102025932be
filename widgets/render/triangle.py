"""The triangle of three corners as an SVG (no Bokeh): a ``Placements`` block's drawing on every surface, and a
single place alone (a participant's own place, a lesson's case).

A block's first corner is on top, the second bottom left, the third bottom right, in a triangle with side 1. A
place is its scores as shares of their sum (barycentric): it shows balance, and scaling all three scores leaves it
where it is. Every group has its colour *and* its shape, both in the legend (never colour alone); a group's mean is
its shape larger with a black rim, the room's a black star. The drawing is decoration for a screen reader as far
as the figures go: they follow as tables (``templates/blocks/placements_*.html``).
"""

import math
from collections.abc import Sequence

from markupsafe import Markup

from ..i18n import t
from ..model.blocks import Placements
from . import render

SIZE = 300  # the viewBox's width; a surface's stylesheet (or ``width``) sets how wide it is drawn
PAD = 28
SIDE = SIZE - 2 * PAD
HEIGHT = SIDE * math.sqrt(3) / 2 + 2 * PAD
CORNER_XY = ((0.5, math.sqrt(3) / 2), (0.0, 0.0), (1.0, 0.0))  # on top, bottom left, bottom right
SHAPES = ("circle", "square", "triangle", "diamond")  # the groups' in the session's order, with their colours
INK = "#1b1b1b"  # the viewer's ring and the room's mean: no group's colour
OTHER = "#777777"  # a group the session no longer has
POINT, MEAN, ROOM = 6, 9, 10  # the marks' sizes (about their radius) in viewBox units
YOU_GAP = 17  # from the marked point to its label
LABEL_EM = 9.5  # about one letter of that label (15 units bold), to keep it inside the drawing
SWATCH = 9  # the middle of a legend's 18 x 18 swatch


def place(shares: Sequence[float]) -> tuple[float, float]:
    """Where a place is drawn (viewBox units): ``shares`` per corner, any non-negative numbers, not all zero."""
    total = sum(shares)
    x = sum(share * corner[0] for share, corner in zip(shares, CORNER_XY, strict=True)) / total
    y = sum(share * corner[1] for share, corner in zip(shares, CORNER_XY, strict=True)) / total
    return round(PAD + x * SIDE, 1), round(HEIGHT - PAD - y * SIDE, 1)


def _polygon(x: float, y: float, radius: float, angles: Sequence[float], radii: Sequence[float] = (1,)) -> str:
    return " ".join(
        f"{x + radius * radii[i % len(radii)] * math.cos(math.radians(a)):.1f},"
        f"{y + radius * radii[i % len(radii)] * math.sin(math.radians(a)):.1f}"
        for i, a in enumerate(angles)
    )


def mark(shape: str, x: float, y: float, size: float) -> dict:
    """A mark's element: ``{"circle": (cx, cy, r)}`` or ``{"points": "x,y ..."}`` of a polygon, of about equal area."""
    if shape == "circle":
        return {"circle": (x, y, size)}
    if shape == "square":
        return {"points": _polygon(x, y, size * 1.25, (45, 135, 225, 315))}
    if shape == "triangle":
        return {"points": _polygon(x, y, size * 1.45, (-90, 30, 150))}
    if shape == "diamond":
        return {"points": _polygon(x, y, size * 1.3, (-90, 0, 90, 180))}
    return {"points": _polygon(x, y, size * 1.3, [-90 + 36 * i for i in range(10)], (1, 0.45))}  # a star


def triangle_svg(
    corners: Sequence[str],
    marks: Sequence[dict] = (),
    legend: Sequence[dict] = (),
    you: tuple[float, float] | None = None,
    you_label: str = "",
    you_color: str = INK,
    you_dot: bool = True,
    title: str = "",
    described_by: str = "",
    width: int | None = None,
    lang: str = "nl",
) -> Markup:
    """The triangle with ``corners``' labels, ``marks`` (each ``mark(...)`` with ``fill``, ``stroke``, ``title``,
    ``css``, ``group``), the marked place ``you`` (shares) ringed with its label (and a dot in ``you_color`` where
    no mark is there already: ``you_dot``), and a legend under it (each a ``label`` and its ``swatch``, marks around
    9,9). ``width``: drawn this wide (px) where no stylesheet sizes it."""
    outline = [place(tuple(1.0 if i == c else 0.0 for i in range(3))) for c in range(3)]
    marked = None
    if you is not None:
        x, y = place(you)
        # the label stays inside: left of the point near the right corner or when it would run past the edge
        left = x > SIZE * 0.62 or x + YOU_GAP + LABEL_EM * len(you_label) > SIZE
        marked = {"x": x, "y": y, "color": you_color, "dot": you_dot, "left": left, "label": you_label}
        marked["label_x"] = x - YOU_GAP if left else x + YOU_GAP
    return render(
        "triangle.html",
        lang,
        size=SIZE,
        height=round(HEIGHT),
        width=width,
        title=title,
        outline=" ".join(f"{x},{y}" for x, y in outline),
        corners=[(label, x, y, i) for i, (label, (x, y)) in enumerate(zip(corners, outline, strict=True))],
        marks=marks,
        you=marked,
        legend=legend,
        described_by=described_by,
    )


def one_place(scores: dict, corners: dict, title: str, lang: str, you_label: str, legend: str = "") -> Markup:
    """A single place marked as the viewer's (``you_label``: 'jij', or a lesson's 'uw plaatsing'), perhaps a legend."""
    entries = [{"label": legend, "swatch": you_swatch(INK)}] if legend else []
    return triangle_svg(
        list(corners.values()),
        you=tuple(scores[c] for c in corners),
        you_label=you_label,
        legend=entries,
        title=title,
        lang=lang,
    )


def you_swatch(color: str) -> list[dict]:
    """The legend's mark of the viewer's place: a dot in their colour inside a dark ring."""
    ring = {"circle": (SWATCH, SWATCH, 7.5), "fill": "none", "stroke": INK, "width": 2}
    return [ring, {"circle": (SWATCH, SWATCH, 4.5), "fill": color}]


def placements_svg(block: Placements, lang: str, described_by: str = "", width: int | None = None) -> Markup:
    """A ``Placements`` block's drawing: every place in its group's colour and shape, the groups' means larger
    with a black rim, the room's mean a black star, the viewer's own place ringed and labelled; the legend names
    each group with a place with its mark, then the means and the viewer's place. A group's shape is that of its
    place among the block's groups, so it keeps it while others place themselves."""
    shapes = {g.key: SHAPES[i % len(SHAPES)] for i, g in enumerate(block.groups)}
    colors = {g.key: g.color or OTHER for g in block.groups}
    marks, you, you_color = [], None, INK
    for point in block.points:
        shape, color = shapes.get(point.group, "circle"), colors.get(point.group, OTHER)
        label = block.group(point.group).label
        marks.append(
            mark(shape, *place(point.scores), POINT)
            | {"fill": color, "css": "kit-tri-point", "group": point.group, "title": label}
        )
        if point.you:
            you, you_color = point.scores, color
    for mean in block.means:
        title = t("blocks.placements.mean_title", lang, label=mean.label, n=mean.n)
        if mean.key in shapes:
            drawn = mark(shapes[mean.key], *place(mean.shares), MEAN)
            drawn |= {"fill": colors[mean.key], "stroke": "#000", "width": 2.5}
        else:
            drawn = mark("star", *place(mean.shares), ROOM) | {"fill": INK, "stroke": "#fff", "width": 1.5}
        marks.append(drawn | {"css": "kit-tri-mean", "group": mean.key, "title": title})
    placed = {point.group for point in block.points}
    legend = [
        {"label": g.label, "swatch": [mark(shapes[g.key], SWATCH, SWATCH, POINT) | {"fill": colors[g.key]}]}
        for g in block.groups
        if g.key in placed
    ]
    if any(mean.key in shapes for mean in block.means):
        swatch = mark("circle", SWATCH, SWATCH, 7) | {"fill": "#ffffff", "stroke": "#000", "width": 2.5}
        legend.append({"label": t("blocks.placements.mean", lang), "swatch": [swatch]})
    for mean in block.means:
        if mean.key not in shapes:
            star = mark("star", SWATCH, SWATCH, 6.5) | {"fill": INK}
            legend.append({"label": t("blocks.placements.room", lang, label=mean.label), "swatch": [star]})
    if you is not None:
        legend.append({"label": t("blocks.placements.you_legend", lang), "swatch": you_swatch(you_color)})
    return triangle_svg(
        [c.label for c in block.corners],
        marks,
        legend,
        you=you,
        you_label=t("blocks.placements.you", lang),
        you_color=you_color,
        you_dot=False,
        title=t("blocks.placements.alt", lang, title=block.title, n=len(block.points)),
        described_by=described_by,
        width=width,
        lang=lang,
    )
