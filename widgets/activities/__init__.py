"""The activities: one folder each, found here; shared code loops over ``ACTIVITIES`` and never names one.

An activity is a package named by its stored key (``widgets/activities/<key>/``, or a package of
another installed distribution announced in the entry-point group ``ENTRY_POINTS``). Its
``__init__`` is cheap and says only where it stands (``ORDER``) and how it takes part (``CORE``,
``REVEALABLE``). Everything else is a *part*: a module of the folder with a function or class of
an agreed name, imported only when a surface asks for it, so a phone never imports ipywidgets or
Bokeh and the dashboard never imports Tornado handlers:

    page.Page                   the participant page (``widgets.web.pages.Page``)
    dashboard.Dashboard         the facilitator's view (ipywidgets)
    setup.Setup                 its own fields on the create form, shown while it is ticked: (lang, max_width) -> an
                                ipywidgets box whose ``settings()`` gives {name: value} to store as the new session's
                                state of the activity, or raises InputError (said under it; no session is made)
    model.check_stored          an answer from a file checked as a phone's: (item, value) -> value
    model.check_own             one participant's answers after an import, within a phone's caps (the palette's
                                30 values): ({item: value}) -> None, or InputError
    model.check_state           a setting of the activity from a file, in the shape the facilitator's controls
                                store it: (name, value) -> value, or InputError (a Dutch message) for a malformed
                                value or a name it does not know. Without it a file brings no settings of the
                                activity; the reveal switch and the kit's own controls never come from a file
    report.section              the report section: (answers, state, session, lang, plots) -> HTML
    report.summary              the report's first page: (answers, state, session, lang) -> HTML
    report.notes                the participants' own words: (answers, lang) -> [(what, group, text)]
    exports.rows                readable export rows: (answers, state, session, lang) -> [dict]
    exports.derived             an extra workbook sheet: (data, lang) -> (title, columns, rows)
    results.blocks              the room's results as data: (answers, state, session, lang) -> [model.blocks.Block]
                                (Scores, Ranking, Shares, Facts, Texts, Placements),
                                drawn by widgets.render.blocks on the phones once revealed, the presentation screen,
                                the dashboard and in the report (the activity writes no results HTML of its own)
    results.own                 the participant's results page: (answers, state, session, participant, lang)
                                -> {"rows": [...]} for a table (or {"blocks": [Block]}, drawn as on a phone)
    results.summary             the results page's summary where a phone must show less than the report:
                                (answers, state, session, lang) -> HTML, used instead of ``report.summary``
    paper.form                  the paper answer sheet: (export data) -> widgets.model.paper.PaperForm
    paper.label                 a field's column heading, also its words on the sheet: (field, data, lang) -> str
    paper.choices               the printed words a field's cell is one of: (field, lang) -> {key: words}
    paper.sheet                 the printed sheet's template context: (data, form, labels, lang) -> dict
    paper.BODY                  the name of the sheet's questions' template (in templates/), put in paper_sheet.html
    followup.carry              what a follow-up session takes over: (store, session, earlier export) -> None
    followup.compare            the change since the earlier session, pure: (before, after, group keys) -> change
    followup.ORDER              where that change stands in the follow-up part (else the registry's order)
    render.followup_html        the change as HTML, dashboard and report: (change, render.followup.Frame, chart) -> HTML
    render.followup_summary     a follow-up report's first-page line on the change: (change, lang) -> HTML
    charts.followup_chart       the change as a Bokeh figure: (groups, lang, width) -> (figure, fill(change, groups))
    templates/                  Jinja templates, on the search path of every environment
    static/                     files the phones load, at ``<base>kit/static/<key>/<name>``; each ``*.css`` is
                                linked on every participant page, after the kit's own stylesheet
    locale/                     messages the kit lacks, ``<lang>/LC_MESSAGES/kit.po`` as the kit's own (read through
                                ``i18n.add_catalogs``): an outside activity's ``activity.<key>``, ``<key>.title``
                                (its report section) and ``screen.question.<key>`` (the presentation screen) at least

A part the folder does not have is ``None``: the surface leaves the activity out.

An activity in another installed package is a package like a folder here (templates, static and locale
shipped as its package data), announced in its ``pyproject.toml``:
``[project.entry-points."publieke_waarde_kit.activities"]`` ``<key> = "<package>"``. The key is lower-case
letters only (it is the address of its page), and its template names must not be the kit's or another's.
In these signatures ``answers`` is ``{activity key: [widgets.model.answers.Answer]}`` (``ByActivity``, read
``a.value``, ``a.group``) or, for ``report.notes``, the activity's own list; ``state`` is ``{activity key: settings}``.
"""

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from importlib.metadata import entry_points
from importlib.util import find_spec
from pathlib import Path

from ..i18n import add_catalogs, t

ENTRY_POINTS = "publieke_waarde_kit.activities"  # name = stored key, value = the activity's package


@dataclass(frozen=True)
class Activity:
    key: str  # as stored with every answer, and in the participant's address
    package: str  # the folder as a module name
    order: int = 100  # where the dashboard, the report and the tafel list it
    core: bool = False  # part of a publieke waarde tafel (Box 5.5): ticked by default when a session is created
    revealable: bool = True  # the facilitator can show the room's results on the phones
    folder: Path = field(default=Path(), compare=False)

    def label(self, lang: str) -> str:
        return t(f"activity.{self.key}", lang)

    def module(self, name: str):
        """The folder's module ``name`` (imported now), or None where the folder has none."""
        return _module(f"{self.package}.{name}")

    def part(self, module: str, name: str):
        """The folder's ``module.name`` (imported now), or None where the activity has no such part."""
        loaded = self.module(module)
        return getattr(loaded, name, None) if loaded is not None else None

    def has(self, module: str, name: str) -> bool:
        return self.part(module, name) is not None

    @property
    def templates(self) -> Path:
        return self.folder / "templates"

    @property
    def static(self) -> Path:
        return self.folder / "static"


@cache
def _module(name: str):
    if find_spec(name) is None:
        return None
    return import_module(name)


def _described(key: str, package: str) -> Activity:
    about = import_module(package)
    folder = Path(str(about.__file__)).parent
    if (folder / "locale").is_dir():
        add_catalogs(folder / "locale")
    return Activity(
        key=key,
        package=package,
        order=getattr(about, "ORDER", 100),
        core=getattr(about, "CORE", False),
        revealable=getattr(about, "REVEALABLE", True),
        folder=folder,
    )


def _discover() -> tuple:
    """The folders next to this file, then the installed packages' activities, in their ``ORDER``."""
    found = {}
    for folder in sorted(Path(__file__).parent.iterdir()):
        if (folder / "__init__.py").is_file() and not folder.name.startswith("_"):
            found[folder.name] = _described(folder.name, f"{__name__}.{folder.name}")
    for point in entry_points(group=ENTRY_POINTS):
        if point.name not in found:
            found[point.name] = _described(point.name, point.value)
    return tuple(sorted(found.values(), key=lambda a: (a.order, a.key)))


ACTIVITIES = _discover()
BY_KEY = {activity.key: activity for activity in ACTIVITIES}
KEYS = tuple(BY_KEY)
CORE = tuple(activity.key for activity in ACTIVITIES if activity.core)


def activity(key: str) -> Activity:
    return BY_KEY[key]


def template_folders() -> list:
    """Every activity's template folder, for the Jinja environments' search path."""
    return [str(a.templates) for a in ACTIVITIES if a.templates.is_dir()]


def used(session, module: str | None = None, name: str | None = None) -> list:
    """The session's activities in the registry's order (those with part ``module.name`` where given)."""
    return [
        a for a in ACTIVITIES if a.key in session.activities and (module is None or a.part(module, name) is not None)
    ]
