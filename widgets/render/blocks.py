"""One component per result block (``widgets.model.blocks``) and surface: the kit draws every activity's results.

Surfaces: ``PHONE`` (stacked cards, one per item or row: its label, then a line per group with its
name, value and bar, or per column its heading and value, or a section's texts as a list; never a wide
table), ``SCREEN`` (the presentation screen: a compact table), ``DASHBOARD`` (the facilitator's page: the
same table) and ``REPORT`` (the table in the session report). A ``Texts`` block with a grid is a table per
row of the grid on those surfaces (Tabel 2.1's "Individueel", then "Collectief"), a column per section,
an entry a line, so that a long palette is paged on the projector and printed a few lines at a time.
A ``Placements`` block is a drawing, the triangle (``widgets.render.triangle``), with its figures as
tables: folded under it on a phone and the screen, beside it on the dashboard and in the report. A
``WordCloud`` is its words sized by their counts (``widgets.render.cloud``), each cloud with its table.

Every bar is drawn in a track of one fixed width for every bar on the surface (set by the surface's
stylesheet, else by the ``TRACK`` width in the SVG), never the width of a cell, so equal values are
equal lengths and lengths are proportional to the values on the block's scale. The tables keep a
caption and ``th scope``; bars are ``aria-hidden``: the number beside each bar is what is read.

Small groups give nothing away: every block goes through ``widgets.render.disclosure.withhold`` first.
On the surfaces participants see (``PARTICIPANTS``: the phone, the screen, the report) a figure the rule
keeps from them reads "te weinig deelnemers om te tonen", without its number or bar, and a ``Scores``
block that does not show the room's figure shows it ("Iedereen") where it withholds a group's and the
room's may be seen; the dashboard draws every figure, with "n=2, niet getoond aan deelnemers" beside
those participants do not see.
"""

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from markupsafe import Markup

from ..i18n import decimal, t, whole
from ..model.blocks import Block, Column, Placements, Scale
from . import render
from .cloud import cloud_html
from .disclosure import collapse, withhold
from .triangle import placements_svg

PHONE, SCREEN, DASHBOARD, REPORT = "phone", "screen", "dashboard", "report"
SURFACES = (PHONE, SCREEN, DASHBOARD, REPORT)
PARTICIPANTS = (PHONE, SCREEN, REPORT)  # what participants see: the disclosure rule holds figures back

# per block kind: the template of each surface (in templates/blocks/)
TABLES = (SCREEN, DASHBOARD, REPORT)
COMPONENTS = {
    kind: {PHONE: f"blocks/{kind}_cards.html", **dict.fromkeys(TABLES, f"blocks/{kind}_table.html")}
    for kind in ("scores", "ranking", "shares", "facts", "texts", "placements", "cloud")
}
# the track's width (px) where no stylesheet sets it (the dashboard, the report); the phone and the
# presentation screen size it in rem, so it grows with the text
TRACK = {PHONE: 160, SCREEN: 160, DASHBOARD: 120, REPORT: 96}
ROOM_COLOR = "#505a5f"  # the room's bar (``Scores.room``): no group's colour
# the triangle's width (px) where no stylesheet sets it; a phone draws it as wide as the phone, the screen by its height
TRIANGLE = {PHONE: None, SCREEN: None, DASHBOARD: 440, REPORT: 400}
# a word cloud: the most used word's size and the widest word (em of the surface's text), how many words it draws
CLOUD_EM = {PHONE: 2.25, SCREEN: 3.0, DASHBOARD: 2.5, REPORT: 2.5}
CLOUD_WIDEST = {PHONE: 14, SCREEN: 36, DASHBOARD: 30, REPORT: 30}
CLOUD_WORDS = {PHONE: 25, SCREEN: 30, DASHBOARD: 60, REPORT: 60}


def number(value, scale: Scale, lang: str) -> str:
    """A figure as readers of the language write it (Babel), with the scale's unit: 7,5 or 75%; a dash for none."""
    return "–" if value is None else decimal(value, lang) + scale.unit


@lru_cache(maxsize=4096)
def count(value, lang: str) -> str:
    """A whole number as readers of the language write it (1.250 in Dutch); a dash for none. Remembered: a
    dashboard writes the same few numbers hundreds of times on every change."""
    return "–" if value is None else whole(value, lang)


def percent(share, digits: int, lang: str) -> str:
    """A share in percent (0-100) with ``digits`` decimals: 45% or 17,1%; a dash for none (not known)."""
    return "–" if share is None else decimal(share, lang, digits=digits) + "%"


def cell(value, column: Column, lang: str) -> str:
    """A ``Facts`` cell: a text as it is, a whole number or a decimal with the column's unit, +/- on a difference."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    text = count(value, lang) if isinstance(value, int) else decimal(abs(value) if column.signed else value, lang)
    if column.signed and isinstance(value, float) and round(value, 1) != 0:
        text = ("+" if value > 0 else "-") + text
    elif column.signed and isinstance(value, int) and value > 0:
        text = "+" + text
    return text + column.unit


def times(value, lang: str) -> str:
    """How many gave a text: "3×" (1.250× in Dutch); "" where it was not counted."""
    return "" if value is None else t("blocks.texts.count", lang, number=count(value, lang))


def scale_text(scale: Scale, lang: str) -> str:
    """What the numbers are, with the scale's ends: "Gemiddelde per groep, schaal 1 tot 10"."""
    low, high = (decimal(end, lang, digits=None) + scale.unit for end in (scale.low, scale.high))
    return t("blocks.scores.scale", lang, low=low, high=high)


def bar_width(value, scale: Scale) -> float:
    """The bar's length in the track's 100 units: the value's share of the scale."""
    return round(scale.share(value) * 100, 2)


def ink(color: str) -> str:
    """Black or white, whichever reads better on ``color`` (#rrggbb): the words in a bar's part (WCAG's luminance)."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    light = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if (light + 0.05) / 0.05 >= 1.05 / (light + 0.05) else "#ffffff"


def withheld_text(surface: str, lang: str):
    """What stands in place of a figure the rule keeps from participants: ``(n) -> text``."""
    if surface in PARTICIPANTS:
        return lambda n=None: t("blocks.withheld", lang)
    return lambda n=None: t("blocks.withheld_mark", lang, n=count(n, lang))


def drawing(block: Block, surface: str, lang: str) -> Markup:
    """The drawing a block's component puts beside its tables ('' for a block of bars)."""
    if not isinstance(block, Placements):
        return Markup()
    folded = surface in (PHONE, SCREEN)  # the tables under it, in a fold-out whose summary describes it
    return placements_svg(block, lang, f"kit-table-{block.key}-summary" if folded else "", TRIANGLE[surface])


def block_html(block: Block, surface: str, lang: str, said: set[str] | None = None) -> Markup:
    """``block`` drawn for ``surface``, after the disclosure rule (``withhold``); ``said``: the groups too small to
    show that a block drawn above it, with it, named already (``blocks_html``)."""
    participants = surface in PARTICIPANTS
    block = withhold(block, participants, lang)
    if participants and block.kind == "scores" and not block.room and _held_back(block):
        block = replace(block, room=t("blocks.room", lang))  # what participants may see where groups are withheld
    if participants:
        block = collapse(block, lang, said)  # a group withheld everywhere in the block: named once, not in every row
    return render(
        COMPONENTS[block.kind][surface],
        lang,
        block=block,
        surface=surface,
        track=TRACK[surface],
        room_color=ROOM_COLOR,
        short=surface == SCREEN,  # the items' short labels, one line each in large type
        scale=scale_text(block.scale, lang) if block.kind == "scores" else "",
        number=lambda value: number(value, block.scale, lang),
        bar_width=lambda value: bar_width(value, block.scale),
        count=lambda value: count(value, lang),
        percent=lambda share: percent(share, getattr(block, "digits", 0), lang),
        ink=ink,
        cell=lambda value, column: cell(value, column, lang),
        participants=participants,
        withheld=withheld_text(surface, lang),
        times=lambda value: times(value, lang),
        drawing=drawing(block, surface, lang),
        cloud=lambda words: cloud_html(words, CLOUD_EM[surface], CLOUD_WIDEST[surface]),
        most=CLOUD_WORDS[surface],
    )


def _held_back(block) -> bool:
    """Whether a group's figure of a ``Scores`` block is withheld where the room's is shown (after ``withhold``)."""
    return any(not item.room.hidden and any(f.hidden for f in item.groups) for item in block.items)


def parts_html(blocks: Iterable[Block], surface: str, lang: str) -> list[Markup]:
    """Each block drawn on its own (the presentation screen's parts side by side), as one group of blocks: a group too
    small to show is named once, above the first block that leaves it out, not again above each block after it (the
    participatietrap's two blocks said it twice)."""
    said: set[str] = set()
    return [block_html(block, surface, lang, said) for block in blocks]


def blocks_html(blocks: Iterable[Block], surface: str, lang: str) -> Markup:
    """The blocks one after the other ('' for none), the groups too small to show named once (``parts_html``)."""
    return Markup("\n").join(parts_html(blocks, surface, lang))
