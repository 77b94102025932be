"""Strategische driehoek on the dashboard, live: everyone in the triangle with its tables and the levels per corner
(what the room sees once shown), the tensions per side with their notes (Box 5.3), the routes per side (Box 5.4)."""

from markupsafe import Markup

from ...i18n import t
from ...render.blocks import DASHBOARD, blocks_html
from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY, placements
from .render import tensions_html
from .results import room, routes


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-tri-figures",)
    reveal_class = "kit-tri-reveal"
    message_first = True

    def html(self, session) -> str:
        answers = self.store.answers(session.id, ACTIVITY)
        shown = room(placements(answers), session, self.lang)
        nobody = Markup("<p>%s</p>") % t("driehoek.dash.nobody", self.lang)
        return Markup("\n").join(
            [
                blocks_html(shown, DASHBOARD, self.lang) if shown else nobody,
                tensions_html(answers, session, self.lang, DASHBOARD),
                blocks_html(routes(answers, session, self.lang), DASHBOARD, self.lang),
            ]
        )
