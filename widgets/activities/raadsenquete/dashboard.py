"""Raadsenquête Village Deals on the dashboard: the room next to Afbeelding 4, and its mix of bestuursstijlen."""

from ...render.blocks import DASHBOARD
from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY
from .render import results_html
from .results import blocks


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-raad-dashboard-results",)
    reveal_class = "kit-raad-reveal"

    def html(self, session) -> str:
        answers = {ACTIVITY: self.store.answers(session.id, ACTIVITY)}
        return results_html(blocks(answers, {}, session, self.lang), DASHBOARD, self.lang)
