"""Raadsenquête Village Deals on the dashboard: the room next to Afbeelding 4, and its mix of bestuursstijlen."""

from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY
from .render import results_html


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-raad-dashboard-results",)
    reveal_class = "kit-raad-reveal"

    draw = staticmethod(results_html)
