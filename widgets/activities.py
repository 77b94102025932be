"""One descriptor per activity: what the participant pages, the dashboard, the report and exports loop over.

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
    revealable: bool = True  # the facilitator can show the room's results on the phones

    def label(self, lang: str) -> str:
        return t(f"activity.{self.key}", lang)

    def load(self, part: str):
        module, _, name = getattr(self, part).partition(":")
        return getattr(import_module(module), name)


# In the order a publieke waarde tafel runs them.
ACTIVITIES = (
    Activity("palet", "widgets.web.pages.palette:PalettePage", "widgets.views.palette:PaletteDashboard"),
    Activity("prioriteren", "widgets.web.pages.priorities:PrioritiesPage",
             "widgets.views.priorities:PrioritiesDashboard", revealable=False),
    Activity("beoordelen", "widgets.web.pages.rating:RatingPage", "widgets.views.rating:RatingDashboard"),
    Activity("driehoek", "widgets.web.pages.triangle:TrianglePage", "widgets.views.triangle:TriangleDashboard"),
)
BY_KEY = {activity.key: activity for activity in ACTIVITIES}


def activity(key: str) -> Activity:
    return BY_KEY[key]
