"""Tabel 4.2 on the dashboard: the questions, the means per group, broad agreement and the dissent agenda."""

from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY
from .render import figures_html


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-democratie-figures", "kit-agenda")
    reveal_class = "kit-democratie-reveal"
    message_first = True
    draw = staticmethod(figures_html)
