"""Raadsenquête Village Deals drawn: its result blocks (``results.blocks``) and, where there is time to read it,
how the percentages are made (class ``kit-method``: the presentation screen leaves it out)."""

from markupsafe import Markup

from ...i18n import t
from ...model.blocks import Block
from ...render.blocks import SCREEN, blocks_html


def method_html(lang: str) -> Markup:
    """What the percentages are of, that "weet niet" is apart, and what the book's dashes mean."""
    return Markup('<p class="kit-raad-note kit-method">%s</p>') % t("raadsenquete.dash.note", lang)


def results_html(blocks: list[Block], surface: str, lang: str) -> Markup:
    """The statements' block, under it how its percentages are made (not on the screen), then the styles' block."""
    if surface == SCREEN:
        return blocks_html(blocks, surface, lang)
    first, rest = blocks[:1], blocks[1:]
    return Markup("\n").join((blocks_html(first, surface, lang), method_html(lang), blocks_html(rest, surface, lang)))
