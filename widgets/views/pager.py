"""Long lists on the dashboard, drawn a part at a time: a big session (3,000 values) stays quick to draw and to read.

``Pager``: "Vorige" / "Volgende" through a list, with where the list stands ("1–40 van 3.000").
``More``: the first few of each part of a list (each cell of the palette), "Meer tonen" for more, with how
many are shown of how many. Both are a ``Bar`` of a live label and two buttons. ``limited`` cuts a results
block's lists to such a limit.
"""

from dataclasses import replace
from html import escape

import ipywidgets as w

from ..i18n import t
from ..model.blocks import Ranking, Texts
from ..render.blocks import count


def _button(lang: str, words: str, css: str, on_click) -> w.Button:
    """One of a bar's two buttons, as wide as its words."""
    made = w.Button(description=t(words, lang), layout=w.Layout(width="auto"))
    made.add_class(css)
    made.on_click(lambda _: on_click())
    return made


def _live(css: str, text: str) -> str:
    """A bar's count, read out by a screen reader when it changes."""
    return f'<span class="{css}" aria-live="polite">{escape(text)}</span>'


class Bar(w.HBox):
    """A line of a label and two buttons under or above a list, hidden until the list is longer than one part."""

    def __init__(self, children: list, kind: str, css: str = ""):
        super().__init__(children, layout=w.Layout(flex_flow="row wrap", align_items="center", display="none"))
        self.add_class(kind)
        if css:
            self.add_class(css)


class Pager(Bar):
    """Where a list stands and the buttons to page through it; ``on_change`` redraws the list."""

    def __init__(self, lang: str, size: int, on_change, css: str = ""):
        self.lang, self.size, self.start, self.total = lang, size, 0, 0
        self.on_change = on_change
        self.label = w.HTML()
        self.previous = _button(lang, "pager.previous", "kit-pager-previous", lambda: self.turn(-1))
        self.following = _button(lang, "pager.next", "kit-pager-next", lambda: self.turn(+1))
        super().__init__([self.previous, self.label, self.following], "kit-pager", css)

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
        first, last, of = (count(n, self.lang) for n in (self.start + 1 if total else 0, end, total))
        self.label.value = _live("kit-pager-range", t("pager.range", self.lang, first=first, last=last, total=of))
        self.previous.disabled = self.start == 0
        self.following.disabled = end >= total
        return slice(self.start, end)


class More(Bar):
    """ "Meer tonen" / "Minder tonen" for a list cut to its first ``step`` per part, with how many are shown.

    Not a ``Pager``: each part of the list (a palette's cell) shows its first ``limit``, so what is drawn grows
    and shrinks instead of moving a window along one list; "Minder tonen" only stands after "Meer tonen"."""

    def __init__(self, lang: str, step: int, on_change, css: str = "", words: str = "pager.shown"):
        self.lang, self.step, self.limit, self.words = lang, step, step, words
        self.on_change = on_change
        self.label = w.HTML()
        self.more = _button(lang, "pager.more", "kit-more", lambda: self.change(+1))
        self.fewer = _button(lang, "pager.fewer", "kit-fewer", lambda: self.change(-1))
        super().__init__([self.label, self.more, self.fewer], "kit-more-bar", css)

    def change(self, steps: int) -> None:
        self.limit = max(self.step, self.limit + steps * self.step)
        self.on_change()

    def show(self, shown: int, total: int) -> None:
        """Say that ``shown`` of ``total`` are drawn (the first ``limit`` of each part)."""
        cut = shown < total
        self.layout.display = "flex" if cut or self.limit > self.step else "none"
        limit, drawn, of = (count(n, self.lang) for n in (self.limit, shown, total))
        self.label.value = _live("kit-more-count", t(self.words, self.lang, limit=limit, shown=drawn, total=of))
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
