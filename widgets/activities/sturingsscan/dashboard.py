"""Sturingsscan on the dashboard: shares per perspective per group and for the room, where groups differ
most, and the room next to Bijlage G's 49 municipalities, live."""

import ipywidgets as w

from ...i18n import t
from ...views.common import Message, RevealSwitch
from ...views.failures import StoreGuard
from .model import ACTIVITY
from .render import results_html


class Dashboard(w.VBox):
    def __init__(self, store, session, lang):
        self.store, self.session, self.lang = store, session, lang
        self.table = w.HTML()
        self.table.add_class("kit-sturing-dashboard-results")
        self.message = Message()
        self.guard = StoreGuard(self.message, lang, store)
        # shown in the control page's row of this activity (views.facilitator), not in this view
        self.reveal = RevealSwitch(
            store, session, ACTIVITY, t("sturingsscan.dash.reveal", lang), "kit-sturing-reveal", guard=self.guard
        )
        super().__init__([w.HTML(f"<h3>{t('sturingsscan.title', lang)}</h3>"), self.table, self.message])
        self.add_class("kit-dashboard-sturingsscan")

    def refresh(self, session) -> None:
        self.session = session
        self.reveal.sync()
        self.table.value = results_html(self.store.answers(session.id, ACTIVITY), session, self.lang)
