"""Eigen stellingen on the dashboard: the statements, the means per group, broad agreement and the agenda."""

from ...render.blocks import DASHBOARD, blocks_html
from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY, stored_statements, summarize
from .render import own_html
from .results import blocks


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-own-figures", "kit-agenda")
    reveal_class = "kit-own-reveal"
    message_first = True

    def html(self, session) -> str:
        state = self.store.state(session.id, ACTIVITY)
        answers = self.store.answers(session.id, ACTIVITY)
        statements = stored_statements(state)
        means = blocks_html(blocks({ACTIVITY: answers}, {ACTIVITY: state}, session, self.lang), DASHBOARD, self.lang)
        return own_html(summarize(answers, statements), statements, session, self.lang, means)
