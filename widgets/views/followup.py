"""On the dashboard of a follow-up session: what changed since the earlier session, live as answers come in."""

import ipywidgets as w

from ..activities import BY_KEY, used
from ..charts import widget
from ..i18n import t
from ..model.followup import compare
from ..render.followup import followup_html


def current(store, session) -> dict:
    """The parts of this session's export that the comparison reads (cheaper than a whole export per refresh)."""
    return {
        "session": {"activities": list(session.activities)},
        "groups": [{"key": g.key, "label": g.label} for g in session.groups],
        "answers": store.answers(session.id),
        "state": {a.key: store.state(session.id, a.key) for a in used(session, "followup", "compare")},
    }


class FollowupDashboard(w.VBox):
    def __init__(self, store, session, lang, previous: dict):
        self.store, self.session, self.lang, self.previous = store, session, lang, previous
        change = compare(previous, current(store, session))
        groups = [(g.key, g.label) for g in session.groups]
        self.charts = {}  # activity key -> (figure, fill): the activities that draw their change
        for key in change.changes:
            chart = BY_KEY[key].part("charts", "followup_chart")
            if chart is not None:
                self.charts[key] = chart(groups, lang)
        self.tables = w.HTML()
        self.tables.add_class("kit-followup-tables")
        self.show(change, session)  # fill the charts before they are drawn (see views/rating.py)
        super().__init__(
            [
                w.HTML(f"<h2>{t('followup.title', lang)}</h2>"),
                w.HBox([widget(plot) for plot, _ in self.charts.values()], layout=w.Layout(flex_flow="row wrap")),
                self.tables,
            ]
        )
        self.add_class("kit-dashboard-followup")

    def show(self, change, session) -> None:
        for key, (_, fill) in self.charts.items():
            if key in change.changes:
                fill(change.changes[key], change.groups)
        self.tables.value = followup_html(change, self.previous, session, self.lang, heading=3)

    def update(self, session):
        self.show(compare(self.previous, current(self.store, session)), session)

    def refresh(self, session) -> None:
        self.session = session
        self.update(session)
