"""Eigen stellingen on the dashboard: the statements, the means per group, broad agreement and the agenda."""

import ipywidgets as w

from ...i18n import t
from ...views.common import Message, RevealSwitch
from ...views.failures import StoreGuard
from .model import ACTIVITY, stored_statements, summarize
from .render import own_html


class Dashboard(w.VBox):
    def __init__(self, store, session, lang):
        self.store, self.session, self.lang = store, session, lang
        self.figures = w.HTML()
        self.figures.add_class("kit-own-figures")
        self.figures.add_class("kit-agenda")
        self.message = Message()
        self.guard = StoreGuard(self.message, lang, store)
        # shown in the control page's row of this activity (views.facilitator), not in this view
        self.reveal = RevealSwitch(
            store, session, ACTIVITY, t("eigen.dash.reveal", lang), "kit-own-reveal", guard=self.guard
        )
        super().__init__([w.HTML(f"<h3>{t('eigen.title', lang)}</h3>"), self.message, self.figures])
        self.add_class("kit-dashboard-eigen")

    def refresh(self, session) -> None:
        self.session = session
        self.reveal.sync()
        statements = stored_statements(self.store.state(session.id, ACTIVITY))
        summaries = summarize(self.store.answers(session.id, ACTIVITY), statements)
        self.figures.value = own_html(summaries, statements, session, self.lang)
