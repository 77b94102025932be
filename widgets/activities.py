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
    derived: str = ""  # an extra sheet of derived rows in the workbook: (data, lang) -> (title, columns, rows)
    check: str = ""  # an answer from a file checked as a phone's: (item, value) -> cleaned value or InputError
    summary: str = ""  # the report's first page: (answers by activity, settings by activity, session, lang) -> HTML
    paper: str = ""  # the paper answer sheet's fields: (values to spread) -> widgets.model.paper.PaperForm
    rows: str = ""  # readable export rows: (answers by activity, settings by activity, session, lang) -> [dict]
    # the participant's results page: own answers next to group and room, as widgets/render/templates/results_own.html
    # reads them: (answers by activity, settings by activity, session, participant, lang) -> {"rows", "what", "note"}
    # or {"named"}
    results: str = ""
    core: bool = True  # part of a publieke waarde tafel (Box 5.5): ticked by default when a session is created

    def label(self, lang: str) -> str:
        return t(f"activity.{self.key}", lang)

    def load(self, part: str):
        module, _, name = getattr(self, part).partition(":")
        return getattr(import_module(module), name)


# In the order a publieke waarde tafel runs them.
ACTIVITIES = (
    Activity(
        "palet",
        "widgets.web.pages.palette:PalettePage",
        "widgets.views.palette:PaletteDashboard",
        "widgets.report:palette_section",
        derived="widgets.exports:palette_derived",
        summary="widgets.render.report:palette_summary",
        check="widgets.model.palette:check_stored",
        paper="widgets.model.paper:palette_form",
        rows="widgets.exports:palette_export_rows",
        results="widgets.render.results:palette_section",
    ),
    Activity(
        "prioriteren",
        "widgets.web.pages.priorities:PrioritiesPage",
        "widgets.views.priorities:PrioritiesDashboard",
        "widgets.report:priorities_section",
        summary="widgets.render.report:priorities_summary",
        check="widgets.model.priorities:check_stored",
        paper="widgets.model.paper:priorities_form",
        rows="widgets.exports:priorities_export_rows",
        results="widgets.render.results:priorities_section",
    ),
    Activity(
        "beoordelen",
        "widgets.web.pages.rating:RatingPage",
        "widgets.views.rating:RatingDashboard",
        "widgets.report:rating_section",
        notes="widgets.report:rating_notes",
        summary="widgets.render.report:rating_summary",
        check="widgets.model.rating:check_stored",
        paper="widgets.model.paper:rating_form",
        rows="widgets.exports:rating_export_rows",
        results="widgets.render.results:rating_section",
    ),
    Activity(
        "driehoek",
        "widgets.web.pages.triangle:TrianglePage",
        "widgets.views.triangle:TriangleDashboard",
        "widgets.report:triangle_section",
        notes="widgets.report:triangle_notes",
        summary="widgets.render.report:triangle_summary",
        check="widgets.model.triangle:check_stored",
        paper="widgets.model.paper:triangle_form",
        rows="widgets.exports:triangle_export_rows",
        results="widgets.render.results:triangle_section",
    ),
    Activity(
        "raadsenquete",
        "widgets.web.pages.raadsenquete:RaadsenquetePage",
        "widgets.views.raadsenquete:RaadsenqueteDashboard",
        "widgets.report_raadsenquete:raadsenquete_section",
        summary="widgets.report_raadsenquete:raadsenquete_summary",
        check="widgets.model.raadsenquete:check_stored",
        rows="widgets.report_raadsenquete:raadsenquete_export_rows",
        core=False,
    ),
    Activity(
        "trap",
        "widgets.web.pages.ladder:LadderPage",
        "widgets.views.ladder:LadderDashboard",
        "widgets.render.ladder:ladder_section",
        notes="widgets.render.ladder:ladder_notes",
        summary="widgets.render.ladder:ladder_summary",
        check="widgets.model.ladder:check_stored",
        rows="widgets.report_ladder:ladder_export_rows",
        core=False,
    ),
    Activity(
        "eigen",
        "widgets.web.pages.own_statements:OwnStatementsPage",
        "widgets.views.own_statements:OwnStatementsDashboard",
        "widgets.report_own_statements:own_section",
        notes="widgets.report_own_statements:own_notes",
        summary="widgets.report_own_statements:own_summary",
        check="widgets.model.own_statements:check_stored",
        rows="widgets.report_own_statements:own_export_rows",
        results="widgets.report_own_statements:own_results",
        core=False,
    ),
    Activity(
        "sturingsscan",
        "widgets.web.pages.sturingsscan:SturingsscanPage",
        "widgets.views.sturingsscan:SturingsscanDashboard",
        "widgets.report_sturingsscan:sturingsscan_section",
        summary="widgets.report_sturingsscan:sturingsscan_summary",
        derived="widgets.report_sturingsscan:sturingsscan_derived",
        check="widgets.model.sturingsscan:check_stored",
        rows="widgets.report_sturingsscan:sturingsscan_export_rows",
        results="widgets.report_sturingsscan:sturingsscan_results",
        core=False,
    ),
)
BY_KEY = {activity.key: activity for activity in ACTIVITIES}
CORE = tuple(activity.key for activity in ACTIVITIES if activity.core)


def activity(key: str) -> Activity:
    return BY_KEY[key]
