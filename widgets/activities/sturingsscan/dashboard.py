"""Sturingsscan on the dashboard: shares per perspective per group and for the room, where groups differ
most, and the room next to Bijlage G's 49 municipalities, live (the activity's result blocks)."""

from ...render.blocks import DASHBOARD
from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY
from .render import results_html
from .results import blocks


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-sturing-dashboard-results",)
    reveal_class = "kit-sturing-reveal"

    def html(self, session) -> str:
        answers = {ACTIVITY: self.store.answers(session.id, ACTIVITY)}
        return results_html(blocks(answers, {}, session, self.lang), DASHBOARD, self.lang)
