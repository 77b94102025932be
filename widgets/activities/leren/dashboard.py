"""Wat leren we nu? on the dashboard: every group's lessons as they come in, each group named."""

from ...render.blocks import DASHBOARD, blocks_html
from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY
from .results import blocks


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-leren-figures",)
    reveal_class = "kit-leren-reveal"

    def html(self, session) -> str:
        """Unfolded: the facilitator sees which group wrote what; the phones and the report fold small groups."""
        answers = {ACTIVITY: self.store.answers(session.id, ACTIVITY)}
        return blocks_html(blocks(answers, {}, session, self.lang, folded=False), DASHBOARD, self.lang)
