"""Participatietrap nu en straks on the dashboard: both distributions per group and the gap, live."""

import ipywidgets as w

from ...i18n import t
from ...views.common import Message, RevealSwitch
from ...views.failures import StoreGuard
from .model import ACTIVITY
from .render import ladder_html


class Dashboard(w.VBox):
    def __init__(self, store, session, lang):
        self.store, self.session, self.lang = store, session, lang
        self.table = w.HTML()
        self.table.add_class("kit-trap-figures")
        self.message = Message()
        self.guard = StoreGuard(self.message, lang, store)
        # shown in the control page's row of this activity (views.facilitator), not in this view
        self.reveal = RevealSwitch(
            store, session, ACTIVITY, t("trap.dash.reveal", lang), "kit-trap-reveal", guard=self.guard
        )
        super().__init__([w.HTML(f"<h3>{t('trap.title', lang)}</h3>"), self.table, self.message])
        self.add_class("kit-dashboard-trap")

    def refresh(self, session) -> None:
        self.session = session
        self.reveal.sync()
        self.table.value = ladder_html(self.store.answers(session.id, ACTIVITY), session, self.lang)
