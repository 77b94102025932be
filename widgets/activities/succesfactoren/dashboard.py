"""Succesfactoren on the dashboard: the domain the room marks (the facilitator's choice) and the live figures."""

import ipywidgets as w

from ...i18n import t
from ...render.blocks import DASHBOARD
from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY, DOMAIN, DOMAINS, current_domain
from .render import results_html
from .results import blocks


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-succes-dashboard-results",)
    reveal_class = "kit-succes-reveal"

    def __init__(self, store, session, lang):
        super().__init__(store, session, lang)
        self.domain = w.Dropdown(
            description=t("succesfactoren.dash.domain", lang),
            options=[(t(f"succesfactoren.domain.{d.key}", lang), d.key) for d in DOMAINS],
            style={"description_width": "initial"},
            layout=w.Layout(width="100%", max_width="560px"),
        )
        self.domain.add_class("kit-succes-domain")
        self.syncing = False
        self.domain.observe(self.guard(self.choose), "value")
        title, *rest = super().children  # the title, then the figures and the message line
        self.children = (title, self.domain, *rest)

    def choose(self, change) -> None:
        """The facilitator's domain, stored at once: the phones ask its factors from their next page on."""
        if self.syncing:
            return
        self.store.set_state(self.session.id, ACTIVITY, DOMAIN, change["new"])
        self.refresh(self.session)

    def html(self, session) -> str:
        answers = {ACTIVITY: self.store.answers(session.id, ACTIVITY)}
        state = {ACTIVITY: self.store.state(session.id, ACTIVITY)}
        self.syncing = True  # the list shows the stored domain (another window may have changed it)
        try:
            self.domain.value = current_domain(state[ACTIVITY], session.topic)
        finally:
            self.syncing = False
        return results_html(blocks(answers, state, session, self.lang), DASHBOARD, self.lang)
