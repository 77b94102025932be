"""Participatietrap nu en straks on the dashboard: both distributions per group and the gap, live."""

from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY
from .render import ladder_html


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-trap-figures",)
    reveal_class = "kit-trap-reveal"

    draw = staticmethod(ladder_html)
