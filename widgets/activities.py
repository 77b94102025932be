"""One descriptor per activity: what the participant pages, the dashboard, the report and exports loop over.

A new activity is a model module, a participant page, a dashboard view and a report section,
named here; nothing else needs an ``if`` for it.

Parts are named as ``module:attribute`` and imported only when used, so the participant
pages never import ipywidgets or Bokeh and the dashboard never imports Tornado handlers.
"""

from dataclasses import dataclass
from importlib import import_module

from .i18n import t


@dataclass(frozen=True)
class Activity:
    key: str  # as stored with every answer, and in the participant's address
    page: str  # participant page class (widgets.web.pages)
    dashboard: str  # facilitator view class (widgets.views)
    report: str  # report section: (answers by activity, settings by activity, session, lang, plots) -> HTML
    revealable: bool = True  # the facilitator can show the room's results on the phones
    notes: str = ""  # the participants' own words for the report: (answers, lang) -> [(what, group, text)]
    derived: str = ""  # an extra export of derived rows: (store, session id) -> (columns, rows)
    check: str = ""  # an answer from a file checked as a phone's: (item, value) -> cleaned value or InputError

    def label(self, lang: str) -> str:
        return t(f"activity.{self.key}", lang)

    def load(self, part: str):
        module, _, name = getattr(self, part).partition(":")
        return getattr(import_module(module), name)


# In the order a publieke waarde tafel runs them.
ACTIVITIES = (
    Activity("palet", "widgets.web.pages.palette:PalettePage", "widgets.views.palette:PaletteDashboard",
             "widgets.report:palette_section", derived="widgets.store.transfer:palette_export",
             check="widgets.model.palette:check_stored"),
    Activity("prioriteren", "widgets.web.pages.priorities:PrioritiesPage",
             "widgets.views.priorities:PrioritiesDashboard", "widgets.report:priorities_section",
             check="widgets.model.priorities:check_stored"),
    Activity("beoordelen", "widgets.web.pages.rating:RatingPage", "widgets.views.rating:RatingDashboard",
             "widgets.report:rating_section", notes="widgets.report:rating_notes",
             check="widgets.model.rating:check_stored"),
    Activity("driehoek", "widgets.web.pages.triangle:TrianglePage", "widgets.views.triangle:TriangleDashboard",
             "widgets.report:triangle_section", notes="widgets.report:triangle_notes",
             check="widgets.model.triangle:check_stored"),
)
BY_KEY = {activity.key: activity for activity in ACTIVITIES}


def activity(key: str) -> Activity:
    return BY_KEY[key]
