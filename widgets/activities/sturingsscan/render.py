"""Sturingsscan drawn: the room's result blocks (``results.blocks``) on a surface, each followed by how the kit
computes it where there is time to read that (not on the presentation screen), and a participant's own shares.
"""

from markupsafe import Markup

from ...i18n import decimal, label, t
from ...model.blocks import Block
from ...model.signal_words import PERSPECTIVES
from ...render import render
from ...render.blocks import SCREEN, block_html
from .model import participant_shares
from .results import BENCHMARK, ELEMENT_GAPS, SHARES

# how each block's figures are computed (or what to keep in mind), under the block
METHOD = {
    SHARES: "sturingsscan.dash.shares_hint",
    ELEMENT_GAPS: "sturingsscan.dash.elements_hint",
    BENCHMARK: "sturingsscan.dash.benchmark_hint",
}


def results_html(blocks: list[Block], surface: str, lang: str) -> Markup:
    """The blocks drawn for ``surface``; under each how it is computed (class ``kit-method``), except on the screen."""
    parts = []
    for block in blocks:
        parts.append(block_html(block, surface, lang))
        if surface != SCREEN and block.key in METHOD:
            parts.append(Markup('<p class="kit-method kit-sturing-note">%s</p>') % t(METHOD[block.key], lang))
    return Markup("\n").join(parts)


def mine_html(own: dict, lang: str) -> str:
    """A participant's own shares per perspective (their answers as ``store.my_answers`` gives them)."""
    mine = participant_shares(own)
    shares = [(label(p, lang), decimal(mine[p], lang)) for p in PERSPECTIVES] if mine else []
    return render("sturingsscan_mine.html", lang, shares=shares)
