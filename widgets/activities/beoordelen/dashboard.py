"""The beoordelen dashboard (*Werken aan publieke waarde*, Box 5.2).

Grades per group, the charts and the conversation agenda.
"""

import ipywidgets as w

from ...charts import widget
from ...i18n import t
from ...texts import statements
from ...views.chart_tables import ChartTable
from ...views.common import Message, RevealSwitch
from ...views.failures import StoreGuard
from .model import ACTIVITY, STATEMENTS, summarize
from .render import agenda_html, grades_html
from .tables import blocks_table_html, radar_table_html


class Dashboard(w.VBox):
    def __init__(self, store, session, lang):
        from .charts import block_figure, radar_figure  # Bokeh: only once a session shows this dashboard

        self.store, self.session, self.lang = store, session, lang
        self.texts = statements(session, lang)
        self.labels = {k: v["short"] for k, v in self.texts.items()}
        self.group_keys = [g.key for g in session.groups]
        radar, self.radar_sources = radar_figure(
            [self.labels[k] for k in STATEMENTS],
            [(g.key, g.label) for g in session.groups],
            t("beoordelen.dash.radar", lang),
        )
        blocks, self.block_source = block_figure(list(STATEMENTS), self.labels, t("beoordelen.dash.blocks", lang))
        self.grades = w.HTML()
        self.grades.add_class("kit-rate-grades")
        self.agenda = w.HTML()
        self.agenda.add_class("kit-agenda")
        # each chart's figures as a table right under it (tables.py), updated with it
        self.radar_table = ChartTable(t("beoordelen.dash.radar", lang), lang, "kit-rate-radar-table")
        self.blocks_table = ChartTable(t("beoordelen.dash.blocks", lang), lang, "kit-rate-blocks-table")
        self.message = Message()
        self.guard = StoreGuard(self.message, lang, store)
        # shown in the control page's row of this activity (views.facilitator), not in this view
        self.reveal = RevealSwitch(
            store, session, ACTIVITY, t("beoordelen.dash.reveal", lang), "kit-rate-reveal", guard=self.guard
        )
        # Fill the charts before they become widgets: updates sent before the page has drawn
        # a chart are not applied by jupyter_bokeh.
        self.update_charts(summarize(store.answers(session.id, ACTIVITY)))
        charts = w.HBox(
            [w.VBox([widget(radar), self.radar_table]), w.VBox([widget(blocks), self.blocks_table])],
            layout=w.Layout(flex_flow="row wrap"),
        )
        super().__init__(
            [w.HTML(f"<h3>{t('beoordelen.title', lang)}</h3>"), self.message, self.grades, charts, self.agenda]
        )
        self.add_class("kit-dashboard-beoordelen")

    def update_charts(self, summaries) -> None:
        from .charts import block_data, radar_points  # Bokeh, as in __init__

        for key, source in self.radar_sources.items():
            source.data = radar_points([summaries[s].group_means.get(key) for s in STATEMENTS])
        self.block_source.data = block_data(summaries, list(STATEMENTS), self.labels, self.group_keys)
        self.radar_table.value = radar_table_html(summaries, self.texts, self.session, self.lang, folded=False)
        self.blocks_table.value = blocks_table_html(summaries, self.texts, self.lang, folded=False)

    def refresh(self, session) -> None:
        self.session = session
        summaries = summarize(self.store.answers(session.id, ACTIVITY))
        self.reveal.sync()
        self.update_charts(summaries)
        self.grades.value = grades_html(summaries, session, self.lang)
        self.agenda.value = agenda_html(summaries, self.texts, session, self.lang)
