"""Tabel 4.2 on the dashboard: the questions, the means per group, broad agreement and the dissent agenda."""

from ...render.blocks import DASHBOARD, blocks_html
from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY
from .render import figures_html
from .results import blocks


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-democratie-figures", "kit-agenda")
    reveal_class = "kit-democratie-reveal"
    message_first = True

    def html(self, session) -> str:
        answers = self.store.answers(session.id, ACTIVITY)
        means = blocks_html(blocks({ACTIVITY: answers}, {}, session, self.lang), DASHBOARD, self.lang)
        return figures_html(answers, session, self.lang, means)
