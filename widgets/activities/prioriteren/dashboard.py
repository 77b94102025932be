"""The prioriteren activity: 100 points over the group's palette values, ranked live for the facilitator."""

import ipywidgets as w

from ...i18n import t
from ...render.blocks import DASHBOARD, blocks_html, count
from ...views.common import Message, RevealSwitch
from ...views.failures import StoreGuard
from ...views.pager import More
from ..palet.model import ACTIVITY as PALETTE
from ..palet.model import normalize_value
from .model import ACTIVITY, SELECTION, spreadable_values
from .results import blocks
from .results import values as offered

LISTED = 50  # values the selection list holds at once: the most named, or what the search finds (a palette has 3,000)


class Dashboard(w.VBox):
    def __init__(self, store, session, lang):
        self.store, self.session, self.lang = store, session, lang
        self.table = w.HTML()
        self.table.add_class("kit-prio-ranking")
        # the values with the most points first; a big palette has thousands to spread over
        self.more = More(lang, 50, self.redraw, "kit-prio-more", "pager.shown_top")
        self.values: list = []  # [(key, label, mentions)] of the merged palette, in grid order
        self.chosen: set = set()  # the keys ticked, saved or not
        self.saved = None  # the selection as last read from the store
        self.listing = False  # the list's options are being replaced: its change is not the facilitator's
        self.search = w.Text(
            description=t("prioriteren.dash.search", lang),
            style={"description_width": "initial"},
            layout=w.Layout(width="100%", max_width="420px"),
        )
        self.search.add_class("kit-prio-search")
        self.search.observe(lambda _: self.list_values(), "value")
        self.listed = w.HTML()
        self.listed.add_class("kit-prio-listed")
        self.selection = w.SelectMultiple(rows=6, layout=w.Layout(width="100%"))
        self.selection.add_class("kit-prio-selection")
        self.selection.observe(self.picked, "value")
        save = w.Button(description=t("prioriteren.dash.save_selection", lang))
        self.message = Message()
        self.guard = StoreGuard(self.message, lang, store)
        save.on_click(self.guard(lambda _: self.save()))
        # shown in the control page's row of this activity (views.facilitator), not in this view
        self.reveal = RevealSwitch(
            store, session, ACTIVITY, t("prioriteren.dash.reveal", lang), "kit-prio-reveal", guard=self.guard
        )
        super().__init__(
            [
                w.HTML(f"<h3>{t('prioriteren.title', lang)}</h3>"),
                self.table,
                self.more,
                w.HTML(f"<small>{t('prioriteren.dash.selection', lang)}</small>"),
                self.search,
                self.listed,
                self.selection,
                self.message,
                save,
            ]
        )
        self.add_class("kit-dashboard-prioriteren")

    def redraw(self) -> None:
        """Drawn again at once (more or fewer values), from the store."""
        self.guard.run(self.refresh, self.session, context="read")

    def save(self) -> None:
        """The ticked values, in the palette's order, are what the phones spread points over."""
        selection = [key for key, _, _ in self.values if key in self.chosen]
        self.store.set_state(self.session.id, ACTIVITY, SELECTION, selection)
        self.saved = selection

    def picked(self, change) -> None:
        """The facilitator ticked or unticked values in the list: those not listed now stay as they were."""
        if self.listing:
            return
        listed = {key for _, key in self.selection.options}
        self.chosen = (self.chosen - listed) | set(change["new"])
        self.say_listed()

    def list_values(self) -> None:
        """The list: the ``LISTED`` most named values the search finds (all without one), then those ticked."""
        words = normalize_value(self.search.value)
        found = [v for v in self.values if words in v[0]] if words else self.values
        top = sorted(found, key=lambda v: -v[2])[:LISTED]  # ties: the palette's order
        shown = {key for key, _, _ in top}
        self.found = len(found)
        options = [(label, key) for key, label, _ in top]
        options += [(label, key) for key, label, _ in self.values if key in self.chosen and key not in shown]
        self.listing = True
        try:
            if list(self.selection.options) != options:
                self.selection.options = options
            ticked = tuple(key for _, key in options if key in self.chosen)
            if self.selection.value != ticked:
                self.selection.value = ticked
        finally:
            self.listing = False
        self.say_listed()

    def say_listed(self) -> None:
        """How many the list holds of how many, and how many are ticked; only for a palette longer than the list."""
        searched = bool(normalize_value(self.search.value))
        big = len(self.values) > LISTED or searched
        self.search.layout.display = "" if big else "none"
        self.listed.value = (
            '<p class="kit-hint" aria-live="polite">'
            + t(
                "prioriteren.dash.listed_found" if searched else "prioriteren.dash.listed",
                self.lang,
                shown=count(min(LISTED, self.found), self.lang),
                found=count(self.found, self.lang),
                total=count(len(self.values), self.lang),
                chosen=count(len(self.chosen), self.lang),
            )
            + "</p>"
            if big
            else ""
        )

    def refresh(self, session) -> None:
        self.session = session
        self.reveal.sync()
        answers = {key: self.store.answers(session.id, key) for key in (ACTIVITY, PALETTE)}
        state = {key: self.store.state(session.id, key) for key in (ACTIVITY, PALETTE)}
        self.values = spreadable_values(answers[PALETTE], state[PALETTE].get("merges"))
        saved = state[ACTIVITY].get(SELECTION) or []
        if saved != self.saved:  # saved here or elsewhere (an import): the list shows what is stored
            self.saved, self.chosen = saved, set(saved)
        self.chosen &= {key for key, _, _ in self.values}  # a value merged into another is gone
        self.list_values()
        ranked = blocks(answers, state, session, self.lang, limit=self.more.limit)  # rows only for those drawn
        self.table.value = blocks_html(ranked, DASHBOARD, self.lang)
        total = len(offered(answers, state))
        self.more.show(min(total, self.more.limit), total)
