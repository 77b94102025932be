"""Raadsenquête Village Deals on the dashboard: the room next to Afbeelding 4, and its mix of bestuursstijlen."""

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
        self.table.add_class("kit-raad-dashboard-results")
        self.message = Message()
        self.guard = StoreGuard(self.message, lang, store)
        # shown in the control page's row of this activity (views.facilitator), not in this view
        self.reveal = RevealSwitch(
            store, session, ACTIVITY, t("raadsenquete.dash.reveal", lang), "kit-raad-reveal", guard=self.guard
        )
        super().__init__([w.HTML(f"<h3>{t('raadsenquete.title', lang)}</h3>"), self.table, self.message])
        self.add_class("kit-dashboard-raadsenquete")

    def refresh(self, session) -> None:
        self.session = session
        self.reveal.sync()
        self.table.value = results_html(self.store.answers(session.id, ACTIVITY), session, self.lang)
