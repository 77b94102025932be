"""Long lists on the dashboard, drawn a part at a time: a big session (3,000 values) stays quick to draw and to read.

``Pager``: "Vorige" / "Volgende" through a list, with where the list stands ("1–40 van 3.000").
``More``: the first few of each part of a list (each cell of the palette), "Meer tonen" for more, with how
many are shown of how many. ``limited`` cuts a results block's lists to such a limit.
"""

from dataclasses import replace
from html import escape

import ipywidgets as w

from ..i18n import t
from ..model.blocks import Ranking, Texts
from ..render.blocks import count


class Pager(w.HBox):
    """Where a list stands and the buttons to page through it; ``on_change`` redraws the list."""

    def __init__(self, lang: str, size: int, on_change, css: str = ""):
        self.lang, self.size, self.start, self.total = lang, size, 0, 0
        self.on_change = on_change
        self.label = w.HTML()
        self.previous = w.Button(description=t("pager.previous", lang), layout=w.Layout(width="auto"))
        self.following = w.Button(description=t("pager.next", lang), layout=w.Layout(width="auto"))
        self.previous.add_class("kit-pager-previous")
        self.following.add_class("kit-pager-next")
        self.previous.on_click(lambda _: self.turn(-1))
        self.following.on_click(lambda _: self.turn(+1))
        super().__init__(
            [self.previous, self.label, self.following],
            layout=w.Layout(flex_flow="row wrap", align_items="center", display="none"),
        )
        self.add_class("kit-pager")
        if css:
            self.add_class(css)

    def turn(self, pages: int) -> None:
        self.start = max(0, self.start + pages * self.size)
        self.on_change()

    def window(self, total: int) -> slice:
        """The part of a list of ``total`` to draw now; the label and the buttons follow."""
        self.total = total
        last_page = max(0, (total - 1) // self.size * self.size)
        self.start = min(self.start, last_page)
        end = min(total, self.start + self.size)
        self.layout.display = "flex" if total > self.size else "none"
        self.label.value = (
            '<span class="kit-pager-range" aria-live="polite">'
            + escape(
                t(
                    "pager.range",
                    self.lang,
                    first=count(self.start + 1 if total else 0, self.lang),
                    last=count(end, self.lang),
                    total=count(total, self.lang),
                )
            )
            + "</span>"
        )
        self.previous.disabled = self.start == 0
        self.following.disabled = end >= total
        return slice(self.start, end)


class More(w.HBox):
    """ "Meer tonen" / "Minder tonen" for a list cut to its first ``step`` per part, with how many are shown."""

    def __init__(self, lang: str, step: int, on_change, css: str = "", words: str = "pager.shown"):
        self.lang, self.step, self.limit, self.words = lang, step, step, words
        self.on_change = on_change
        self.label = w.HTML()
        self.more = w.Button(description=t("pager.more", lang), layout=w.Layout(width="auto"))
        self.fewer = w.Button(description=t("pager.fewer", lang), layout=w.Layout(width="auto"))
        self.more.add_class("kit-more")
        self.fewer.add_class("kit-fewer")
        self.more.on_click(lambda _: self.change(+1))
        self.fewer.on_click(lambda _: self.change(-1))
        super().__init__(
            [self.label, self.more, self.fewer],
            layout=w.Layout(flex_flow="row wrap", align_items="center", display="none"),
        )
        self.add_class("kit-more-bar")
        if css:
            self.add_class(css)

    def change(self, steps: int) -> None:
        self.limit = max(self.step, self.limit + steps * self.step)
        self.on_change()

    def show(self, shown: int, total: int) -> None:
        """Say that ``shown`` of ``total`` are drawn (the first ``limit`` of each part)."""
        cut = shown < total
        self.layout.display = "flex" if cut or self.limit > self.step else "none"
        self.label.value = (
            '<span class="kit-more-count" aria-live="polite">'
            + escape(
                t(
                    self.words,
                    self.lang,
                    limit=count(self.limit, self.lang),
                    shown=count(shown, self.lang),
                    total=count(total, self.lang),
                )
            )
            + "</span>"
        )
        self.more.layout.display = "" if cut else "none"
        self.fewer.layout.display = "" if self.limit > self.step else "none"


def limited(blocks, limit: int) -> tuple[list, int, int]:
    """``(blocks, shown, total)``: each list block cut to its first ``limit`` entries per section (a ranking: the
    ``limit`` highest; its scale stays that of the highest)."""
    out, shown, total = [], 0, 0
    for block in blocks:
        if isinstance(block, Texts):
            sections = tuple(replace(s, entries=s.entries[:limit]) for s in block.sections)
            total += sum(len(s.entries) for s in block.sections)
            shown += sum(len(s.entries) for s in sections)
            block = replace(block, sections=sections)
        elif isinstance(block, Ranking):
            total += len(block.items)
            block = replace(block, items=block.items[:limit])
            shown += len(block.items)
        out.append(block)
    return out, shown, total
