"""Eigen stellingen on the dashboard: the statements, the means per group, broad agreement and the agenda."""

from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY, stored_statements, summarize
from .render import own_html


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-own-figures", "kit-agenda")
    reveal_class = "kit-own-reveal"
    message_first = True

    def html(self, session) -> str:
        statements = stored_statements(self.store.state(session.id, ACTIVITY))
        summaries = summarize(self.store.answers(session.id, ACTIVITY), statements)
        return own_html(summaries, statements, session, self.lang)
