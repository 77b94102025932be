"""One component per result block (``widgets.model.blocks``) and surface: the kit draws every activity's results.

Surfaces: ``PHONE`` (stacked cards, one per item: its label, then a line per group with its name, value
and bar; never a wide table), ``SCREEN`` (the presentation screen: a compact table), ``DASHBOARD``
(the facilitator's page: the same table) and ``REPORT`` (the table in the session report).

Every bar is drawn in a track of one fixed width for every bar on the surface (set by the surface's
stylesheet, else by the ``TRACK`` width in the SVG), never the width of a cell, so equal values are
equal lengths and lengths are proportional to the values on the block's scale. The tables keep a
caption and ``th scope``; bars are ``aria-hidden``: the number beside each bar is what is read.
"""

from collections.abc import Iterable

from markupsafe import Markup

from ..i18n import decimal, t
from ..model.blocks import Block, Scale
from . import render

PHONE, SCREEN, DASHBOARD, REPORT = "phone", "screen", "dashboard", "report"
SURFACES = (PHONE, SCREEN, DASHBOARD, REPORT)

# per block kind: the template of each surface (in templates/blocks/)
COMPONENTS = {
    "scores": {
        PHONE: "blocks/scores_cards.html",
        SCREEN: "blocks/scores_table.html",
        DASHBOARD: "blocks/scores_table.html",
        REPORT: "blocks/scores_table.html",
    },
}
# the track's width (px) where no stylesheet sets it (the dashboard, the report); the phone and the
# presentation screen size it in rem, so it grows with the text
TRACK = {PHONE: 160, SCREEN: 160, DASHBOARD: 120, REPORT: 96}
ROOM_COLOR = "#505a5f"  # the room's bar (``Scores.room``): no group's colour


def number(value, scale: Scale, lang: str) -> str:
    """A figure as readers of the language write it (Babel), with the scale's unit: 7,5 or 75%; a dash for none."""
    return "–" if value is None else decimal(value, lang) + scale.unit


def scale_text(scale: Scale, lang: str) -> str:
    """What the numbers are, with the scale's ends: "Gemiddelde per groep, schaal 1 tot 10"."""
    low, high = (decimal(end, lang, digits=None) + scale.unit for end in (scale.low, scale.high))
    return t("blocks.scores.scale", lang, low=low, high=high)


def bar_width(value, scale: Scale) -> float:
    """The bar's length in the track's 100 units: the value's share of the scale."""
    return round(scale.share(value) * 100, 2)


def block_html(block: Block, surface: str, lang: str) -> Markup:
    """``block`` drawn for ``surface``."""
    return render(
        COMPONENTS[block.kind][surface],
        lang,
        block=block,
        surface=surface,
        track=TRACK[surface],
        room_color=ROOM_COLOR,
        short=surface == SCREEN,  # the items' short labels, one line each in large type
        scale=scale_text(block.scale, lang),
        number=lambda value: number(value, block.scale, lang),
        bar_width=lambda value: bar_width(value, block.scale),
    )


def blocks_html(blocks: Iterable[Block], surface: str, lang: str) -> Markup:
    """The blocks one after the other ('' for none)."""
    return Markup("\n").join(block_html(block, surface, lang) for block in blocks)
