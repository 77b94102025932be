"""Eigen stellingen on the dashboard: the statements, the means per group, broad agreement and the agenda."""

import ipywidgets as w

from ..i18n import t
from ..model.own_statements import ACTIVITY, stored_statements, summarize
from ..render.own_statements import own_html
from .common import Message, RevealSwitch
from .failures import StoreGuard


class OwnStatementsDashboard(w.VBox):
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
