"""The prioriteren activity: 100 points over the group's palette values, ranked live for the facilitator."""

import ipywidgets as w

from ...i18n import t
from ...render.blocks import DASHBOARD, blocks_html
from ...views.common import Message, RevealSwitch
from ...views.failures import StoreGuard
from ...views.pager import More, limited
from ..palet.model import ACTIVITY as PALETTE
from .model import ACTIVITY, spreadable_values
from .results import blocks


def palette_values(store, session, selection=None) -> list:
    """The merged palette values ``[(key, label, mentions)]`` to spread points over (the facilitator's selection)."""
    if selection is None:
        selection = store.state(session.id, ACTIVITY).get("selection") or []
    merges = store.state(session.id, PALETTE).get("merges")
    return spreadable_values(store.answers(session.id, PALETTE), merges, selection)


class Dashboard(w.VBox):
    def __init__(self, store, session, lang):
        self.store, self.session, self.lang = store, session, lang
        self.table = w.HTML()
        self.table.add_class("kit-prio-ranking")
        # the values with the most points first; a big palette has thousands to spread over
        self.more = More(lang, 50, self.redraw, "kit-prio-more", "pager.shown_top")
        self.selection = w.SelectMultiple(rows=6, layout=w.Layout(width="100%"))
        save = w.Button(description=t("prioriteren.dash.save_selection", lang))
        self.message = Message()
        self.guard = StoreGuard(self.message, lang, store)
        save.on_click(
            self.guard(
                lambda _: self.store.set_state(self.session.id, ACTIVITY, "selection", list(self.selection.value))
            )
        )
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
                self.selection,
                self.message,
                save,
            ]
        )
        self.add_class("kit-dashboard-prioriteren")

    def redraw(self) -> None:
        """Drawn again at once (more or fewer values), from the store."""
        self.guard.run(self.refresh, self.session, context="read")

    def refresh(self, session) -> None:
        self.session = session
        self.reveal.sync()
        options = [(label, key) for key, label, _ in palette_values(self.store, session, selection=())]
        if list(self.selection.options) != options:
            chosen = self.store.state(session.id, ACTIVITY).get("selection") or []
            self.selection.options = options
            self.selection.value = tuple(k for k in chosen if k in {key for _, key in options})
        answers = {key: self.store.answers(session.id, key) for key in (ACTIVITY, PALETTE)}
        state = {key: self.store.state(session.id, key) for key in (ACTIVITY, PALETTE)}
        ranked, shown, total = limited(blocks(answers, state, session, self.lang), self.more.limit)
        self.table.value = blocks_html(ranked, DASHBOARD, self.lang)
        self.more.show(shown, total)
