"""The label beside one's own place in the triangle ('u', 'uw plaatsing') never crosses the triangle's edge.

Every place the sliders can make (0-10 per corner) is drawn, in Dutch and English; the label's box (its letters
estimated as the drawing does, the halo included) lies wholly inside the triangle or wholly outside it, in the
drawing and clear of the corners' names. The geometry here is the test's own: the outline read from the SVG,
segments crossed or not.
"""

import itertools
import re

import pytest
from bs4 import BeautifulSoup

from widgets.activities.driehoek.render import case_svg, position_svg
from widgets.render.triangle import ASCENT, DESCENT, LABEL_EM, LABEL_PAD, place

PLACES = list({place(p): p for p in itertools.product(range(11), repeat=3) if any(p)}.values())  # each spot once
OUTLINE = re.compile(r'<polygon points="([^"]+)" fill="#f7f9fb"')
LABEL = re.compile(r'<text class="kit-tri-you-label" x="([^"]+)" y="([^"]+)" text-anchor="start"[^>]*>([^<]+)</text>')
VIEWBOX = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')


def crosses(a, b, c, d) -> bool:
    """Whether segment ab and segment cd meet."""

    def turn(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return turn(a, b, c) * turn(a, b, d) <= 0 and turn(c, d, a) * turn(c, d, b) <= 0


def inside(point, outline) -> bool:
    signs = [
        (b[0] - a[0]) * (point[1] - a[1]) - (b[1] - a[1]) * (point[0] - a[0])
        for a, b in zip(outline, outline[1:] + outline[:1], strict=True)
    ]
    return all(s > 0 for s in signs) or all(s < 0 for s in signs)


def drawn(svg: str):
    """The outline, the label's box and the viewBox's size, read from the SVG."""
    outline = [tuple(map(float, p.split(","))) for p in OUTLINE.search(svg).group(1).split()]
    x, y, text = LABEL.search(svg).groups()
    left, right = float(x) - LABEL_PAD, float(x) + LABEL_EM * len(text) + LABEL_PAD
    top, bottom = float(y) - ASCENT, float(y) + DESCENT
    box = [(left, top), (right, top), (right, bottom), (left, bottom)]
    return outline, box, tuple(map(float, VIEWBOX.search(svg).groups()))


@pytest.mark.parametrize(
    "draw, label",
    [
        (lambda scores, lang: case_svg("woongemeente 1", scores, lang), {"nl": "uw plaatsing", "en": "your place"}),
        (lambda scores, lang: position_svg(scores, lang), {"nl": "u", "en": "you"}),
    ],
    ids=["lesson", "phone"],
)
def test_the_own_places_label_is_inside_or_outside_the_triangle_never_across_its_edge(draw, label):
    for lang in ("nl", "en"):
        for willen, mogen, kunnen in PLACES:
            svg = draw({"willen": willen, "mogen": mogen, "kunnen": kunnen}, lang)
            assert f">{label[lang]}</text>" in svg
            outline, box, (width, height) = drawn(svg)
            where = f"{lang} willen={willen} mogen={mogen} kunnen={kunnen}: label box {box}"
            edges = list(zip(outline, outline[1:] + outline[:1], strict=True))
            sides = list(zip(box, box[1:] + box[:1], strict=True))
            assert not any(crosses(*e, *s) for e in edges for s in sides), f"across the edge at {where}"
            if not inside(box[0], outline):  # wholly outside: then in the drawing, the triangle not in the box
                assert all(0 <= x <= width and 0 <= y <= height for x, y in box), f"out of the drawing at {where}"
                assert not inside(outline[0], [box[0], box[1], box[2], box[3]])


def test_the_english_lesson_names_the_corners_in_english_on_its_chart():
    svg = case_svg("woongemeente 1", {"willen": 5, "mogen": 5, "kunnen": 0}, "en")
    names = [t.get_text() for t in BeautifulSoup(svg, "html.parser").select("svg > text")][:3]
    assert names == ["wanting", "being allowed", "being able"]
    assert re.search(r">willen</text>", case_svg("woongemeente 1", {"willen": 5, "mogen": 5, "kunnen": 0}, "nl"))


def test_the_label_keeps_off_a_neighbours_mark_where_a_clear_spot_allows():
    from widgets.render.triangle import mark, place, triangle_svg

    you = (5, 5, 5)
    x, y = place(you)
    neighbours = [mark("circle", x + 24, y - 2, 6) | {"fill": "#777"}, mark("circle", x, y + 24, 6) | {"fill": "#777"}]
    svg = str(triangle_svg(["willen", "mogen", "kunnen"], neighbours, you=you, you_label="u"))
    _, box, _ = drawn(svg)
    for m in neighbours:
        cx, cy, r = m["circle"]
        apart = box[1][0] <= cx - r or box[0][0] >= cx + r or box[2][1] <= cy - r or box[0][1] >= cy + r
        assert apart, (box, m)
