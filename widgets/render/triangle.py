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
from functools import lru_cache

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
YOU_GAP = 17  # from the marked point to its label beside it
LABEL_EM = 9.5  # about one letter of that label (15 units bold), to keep it inside the drawing
ASCENT, DESCENT = 14, 6  # of that label about its baseline, with its white halo (as a browser measures it)
LABEL_PAD = 5  # the halo and a wide first or last letter, left and right of the letters' estimate
CORNER_EM, CORNER_ASCENT, CORNER_DESCENT = 9.0, 11, 4  # a corner's label (14 units bold)
EDGE_GAP = 3  # a label keeps this far from the triangle's edge, inside or outside it
SWATCH = 9  # the middle of a legend's 18 x 18 swatch
RING_CLEAR = 16  # a label keeps this far from its place: the ring (radius 13) with its stroke and the halo
STEP = 4  # the label's positions tried, this far apart
CLEAR_TRIES = 40  # spots clear of the edges tried for one that covers no other mark, before the nearest is taken


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
    outline = corner_points()
    marked = None
    if you is not None:
        x, y = place(you)
        label_x, label_y = label_spot(x, y, you_label, corners, [mark_box(m) for m in marks])
        marked = {"x": x, "y": y, "color": you_color, "dot": you_dot, "label": you_label}
        marked |= {"label_x": label_x, "label_y": label_y}
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


def corner_points() -> list[tuple[float, float]]:
    """The triangle's three corners (viewBox units): on top, bottom left, bottom right."""
    return [place(tuple(1.0 if i == c else 0.0 for i in range(3))) for c in range(3)]


Box = tuple[float, float, float, float]  # left, top, right, bottom


def text_box(anchor: str, x: float, baseline: float, width: float, ascent: float, descent: float) -> Box:
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return left, baseline - ascent, left + width, baseline + descent


def corner_boxes(corners: Sequence[str]) -> list[Box]:
    """Where the corners' labels are drawn (as triangle.html places them)."""
    boxes = []
    for i, (label, (x, y)) in enumerate(zip(corners, corner_points(), strict=True)):
        anchor, baseline = ("middle", y - 10) if i == 0 else (("start", "end")[i - 1], y + 20)
        boxes.append(text_box(anchor, x, baseline, CORNER_EM * len(label), CORNER_ASCENT, CORNER_DESCENT))
    return boxes


def _inner_sides() -> tuple:
    """Each edge as ``(a, b, c)``: ``a*x + b*y + c`` is the distance of (x, y) on the inner side (negative: outside)."""
    points = corner_points()
    (ax, ay), (bx, by), (cx, cy) = points
    turn = 1 if (bx - ax) * (cy - ay) - (by - ay) * (cx - ax) > 0 else -1
    sides = []
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        length = math.hypot(x2 - x1, y2 - y1)
        a, b = -(y2 - y1) * turn / length, (x2 - x1) * turn / length
        sides.append((a, b, -(a * x1 + b * y1)))
    return tuple(sides)


def _side(point, side) -> float:
    a, b, c = side
    return a * point[0] + b * point[1] + c


SIDES = _inner_sides()
CORNERS_XY = corner_points()


def _corners_of(box: Box) -> list[tuple[float, float]]:
    left, top, right, bottom = box
    return [(left, top), (right, top), (right, bottom), (left, bottom)]


def box_inside(box: Box, gap: float = EDGE_GAP) -> bool:
    """Every point of ``box`` inside the triangle, at least ``gap`` from each edge."""
    return all(_side(p, side) >= gap for p in _corners_of(box) for side in SIDES)


def box_outside(box: Box, gap: float = EDGE_GAP) -> bool:
    """``box`` clear of the triangle by at least ``gap``: a line between them (a separating axis) exists."""
    if any(all(_side(p, side) <= -gap for p in _corners_of(box)) for side in SIDES):
        return True
    left, top, right, bottom = box
    points = CORNERS_XY
    return (
        all(x <= left - gap for x, _ in points)
        or all(x >= right + gap for x, _ in points)
        or all(y <= top - gap for _, y in points)
        or all(y >= bottom + gap for _, y in points)
    )


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@lru_cache(maxsize=64)
def _spots(width: float) -> tuple:
    """Every position of a label ``width`` wide around its place, as ``(dx, baseline dy, box)`` relative to the
    place (the text starting there), nearest first (beside it before above or below, right before left), clear of
    its ring."""
    spots = []
    for dx in range(-round(width) - 60, round(width) + 61, STEP):
        for dy in range(-160, 161, STEP):  # far enough below the top corner for a long label to fit inside
            left, top, right, bottom = text_box("start", dx, dy, width, ASCENT, DESCENT)
            box = (left - LABEL_PAD, top, right + LABEL_PAD, bottom)
            away = math.hypot(max(box[0], 0, -box[2]), max(box[1], 0, -box[3]))
            if away >= RING_CLEAR:
                middle = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
                spots.append((round(away / STEP), abs(middle[1]), -middle[0], dx, dy, box))
    spots.sort()
    return tuple((dx, dy, box) for *_, dx, dy, box in spots)


def mark_box(drawn: dict) -> Box:
    """The box a mark covers (a ``mark(...)``: a circle, or a polygon's points)."""
    if "circle" in drawn:
        x, y, r = drawn["circle"]
        return x - r, y - r, x + r, y + r
    points = [tuple(map(float, p.split(","))) for p in drawn["points"].split()]
    return min(p[0] for p in points), min(p[1] for p in points), max(p[0] for p in points), max(p[1] for p in points)


def label_spot(
    x: float, y: float, label: str, corners: Sequence[str], marks: Sequence[Box] = ()
) -> tuple[float, float]:
    """``(x, baseline)`` where the marked place's label starts: the nearest spot wholly inside the triangle or
    wholly outside it (within the drawing, clear of the corners' names), so it never crosses an edge; among the
    nearest ``CLEAR_TRIES`` spots the first that covers no other mark, if any. The box is estimated (``LABEL_EM``
    a letter): a narrower font draws a part of it, as clear of the edges."""
    taken = corner_boxes(corners)
    width = LABEL_EM * len(label)
    near = [m for m in marks if m[2] > x - width - 80 and m[0] < x + width + 80 and abs(m[1] - y) < 90]
    fits = []
    for dx, dy, (left, top, right, bottom) in _spots(width):
        box = (x + left, y + top, x + right, y + bottom)
        drawn = 0 <= box[0] and box[2] <= SIZE and 0 <= box[1] and box[3] <= HEIGHT
        if box_inside(box) or (drawn and box_outside(box) and not any(_overlap(box, c) for c in taken)):
            if not any(_overlap(box, m) for m in near):
                return x + dx, y + dy
            fits.append((x + dx, y + dy))
            if len(fits) >= CLEAR_TRIES:
                break
    return fits[0] if fits else (x + YOU_GAP, y + 5)


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
