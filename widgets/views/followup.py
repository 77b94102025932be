"""On the dashboard of a follow-up session: what changed since the earlier session, live as answers come in."""

import ipywidgets as w

from ..activities.driehoek.model import CORNERS
from ..i18n import t
from ..model.followup import compare
from ..render.followup import followup_html
from ..texts import statements


def current(store, session) -> dict:
    """The parts of this session's export that the comparison reads (cheaper than a whole export per refresh)."""
    return {
        "groups": [{"key": g.key, "label": g.label} for g in session.groups],
        "answers": store.answers(session.id),
        "state": {"palet": store.state(session.id, "palet")},
    }


class FollowupDashboard(w.VBox):
    def __init__(self, store, session, lang, previous: dict):
        from ..charts import widget
        from ..charts.followup import arrows_figure, grades_figure

        self.store, self.session, self.lang, self.previous = store, session, lang, previous
        self.texts = statements(session, lang)
        rows = [g.label for g in session.groups] + [t("followup.room", lang)]
        grades, self.grade_source = grades_figure(rows, t("followup.grade.chart", lang))
        arrows, self.then_source, self.now_source, self.arrow_source = arrows_figure(
            {c: t("corner.short." + c, lang) for c in CORNERS}, t("followup.triangle.chart", lang)
        )
        self.tables = w.HTML()
        self.tables.add_class("kit-followup-tables")
        self.update(session)  # fill the charts before they are drawn (see views/rating.py)
        shown = set(session.activities) & set(previous["session"].get("activities", ()))
        charts = [widget(grades)] if "beoordelen" in shown else []
        charts += [widget(arrows)] if "driehoek" in shown else []
        super().__init__(
            [
                w.HTML(f"<h2>{t('followup.title', lang)}</h2>"),
                w.HBox(charts, layout=w.Layout(flex_flow="row wrap")),
                self.tables,
            ]
        )
        self.add_class("kit-dashboard-followup")

    def update(self, session):
        from ..charts.followup import arrows_data, grades_data

        change = compare(self.previous, current(self.store, session))
        self.grade_source.data = grades_data(change, dict(change.groups), t("followup.room", self.lang))
        self.then_source.data, self.now_source.data, self.arrow_source.data = arrows_data(change)
        self.tables.value = followup_html(change, self.previous, session, self.lang, self.texts, heading=3)

    def refresh(self, session) -> None:
        self.session = session
        self.update(session)
