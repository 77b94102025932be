"""Succesfactoren drawn: its result blocks (``results.blocks``) per surface, and the follow-up's change."""

from markupsafe import Markup

from ...model.blocks import Block
from ...render.blocks import SCREEN, blocks_html
from ...render.followup import fragment


def results_html(blocks: list[Block], surface: str, lang: str) -> Markup:
    """The factors' block, then the suggestions; the presentation screen shows the factors only."""
    return blocks_html(blocks[:1] if surface == SCREEN else blocks, surface, lang)


def followup_html(change, frame, chart="") -> str:
    """Per factor the share that said it holds largely or fully, then and now."""
    return fragment("succesfactoren_followup.html", change, frame, chart)
