"""Strategische driehoek on the dashboard: everyone in the triangle, tensions per axis (Box 5.3), routes (Box 5.4)."""

import ipywidgets as w

from ...charts import widget
from ...i18n import t
from ...model.answers import Answer
from ...render.blocks import DASHBOARD
from ...render.chart_tables import centroids_table_html
from ...views.chart_tables import ChartTable
from ...views.common import Message, RevealSwitch
from ...views.failures import StoreGuard
from .model import ACTIVITY, CORNERS, centroid, placements, position
from .render import levels_html, placements_html, routes_html, tensions_html


class Dashboard(w.VBox):
    def __init__(self, store, session, lang):
        from .charts import ternary_figure  # Bokeh: only once a session shows this dashboard

        self.store, self.session, self.lang = store, session, lang
        plot, self.points, self.centroids = ternary_figure(
            {c: t("corner.short." + c, lang) for c in CORNERS}, t("driehoek.dash.plot", lang)
        )
        # the plot's figures as tables right under it (render.chart_tables), updated with it
        self.plot_tables = ChartTable(t("driehoek.dash.plot", lang), lang, "kit-tri-plot-tables")
        self.levels = w.HTML()
        self.levels.add_class("kit-tri-levels")
        self.tensions = w.HTML()
        self.tensions.add_class("kit-tri-tensions")
        self.route_counts = w.HTML()
        self.route_counts.add_class("kit-tri-routes")
        self.message = Message()
        self.guard = StoreGuard(self.message, lang, store)
        # shown in the control page's row of this activity (views.facilitator), not in this view
        self.reveal = RevealSwitch(
            store, session, ACTIVITY, t("driehoek.dash.reveal", lang), "kit-tri-reveal", guard=self.guard
        )
        self.update_chart(store.answers(session.id, ACTIVITY))  # before it is drawn (see rating.py)
        super().__init__(
            [
                w.HTML(f"<h3>{t('driehoek.title', lang)}</h3>"),
                self.message,
                w.HBox([w.VBox([widget(plot), self.plot_tables]), self.levels], layout=w.Layout(flex_flow="row wrap")),
                self.tensions,
                self.route_counts,
            ]
        )
        self.add_class("kit-dashboard-driehoek")

    def update_chart(self, answers: list[Answer]) -> None:
        from .charts import centroid_data, points_data  # Bokeh, as in __init__

        order = [g.key for g in self.session.groups]
        placed_scores = placements(answers)
        placed = [(g, position(s)) for _, g, s in placed_scores]
        by_group = {g: centroid([p for pg, p in placed if pg == g]) for g in order}
        self.points.data = points_data(placed, order)
        self.centroids.data = centroid_data(by_group, order, centroid([p for _, p in placed]))
        self.plot_tables.value = centroids_table_html(placed_scores, self.session, self.lang, folded=False) + (
            placements_html(placed_scores, self.session, self.lang, folded=False)
        )

    def refresh(self, session) -> None:
        self.session = session
        answers = self.store.answers(session.id, ACTIVITY)
        self.reveal.sync()
        self.update_chart(answers)
        self.levels.value = levels_html(placements(answers), session, self.lang, DASHBOARD)
        self.tensions.value = tensions_html(answers, session, self.lang)
        self.route_counts.value = routes_html(answers, self.lang)
