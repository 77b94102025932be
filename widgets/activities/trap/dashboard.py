"""Participatietrap nu en straks on the dashboard: both distributions per group and the gap, live."""

from ...render.blocks import DASHBOARD, blocks_html
from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY
from .results import blocks


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-trap-figures",)
    reveal_class = "kit-trap-reveal"

    def html(self, session) -> str:
        answers = {ACTIVITY: self.store.answers(session.id, ACTIVITY)}
        return blocks_html(blocks(answers, {}, session, self.lang), DASHBOARD, self.lang)
