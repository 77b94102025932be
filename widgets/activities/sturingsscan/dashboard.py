"""Sturingsscan on the dashboard: shares per perspective per group and for the room, where groups differ
most, and the room next to Bijlage G's 49 municipalities, live."""

from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY
from .render import results_html


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-sturing-dashboard-results",)
    reveal_class = "kit-sturing-reveal"

    draw = staticmethod(results_html)
