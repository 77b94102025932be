"""The facilitator's control page: create or reopen a session, steer activities, export, delete.

It belongs on the facilitator's own screen. What the room sees is the presentation screen
(``widgets.web.presenter``), opened from here in a second window: join code, QR code,
the open question and the revealed results, never a key or a control. The facilitator key
sits in a folded panel here, and after opening it is kept in a cookie rather than in the
address bar. Every state is written out ("Open voor deelnemers: ja"), not only shaded.
"""

import os
from html import escape

import ipywidgets as w

from ..activities import BY_KEY, CORE
from ..charts import load_bokehjs, preload
from ..i18n import error_message, language_choices, normalize_language, t, whole
from ..model.links import (
    ADDRESS_KEY,
    SCREEN,
    base_address,
    facilitator_cookie,
    facilitator_link,
    files_link,
    is_local_only,
    participant_link,
    screen_link,
)
from ..model.runsheet import resume_at
from ..model.sessions import TOPICS, SessionSpec
from ..model.validation import InputError
from ..render.join import qr_data_uri
from ..report.files import downloads
from ..report.followup import followup_of_file, followup_of_session, previous_of
from ..report.paper import import_paper
from ..report.pdf import chromium
from ..report.transfer import import_json
from ..request import page_cookies, page_host, page_params
from ..store import open_store
from .activities import available, facilitator_views
from .common import Message, marker, topic_label
from .control_bar import ControlBar, state_badge
from .failures import StoreGuard, store_action
from .followup import FollowupDashboard
from .live import Poller
from .moderation import moderation_panel
from .release import ReleaseSwitch
from .retention import RetentionPanel
from .verslag import OutcomeField

OTHER_TOPIC = "__anders__"
FOLLOWUP, MODERATION, SESSION = "__vervolg__", "__moderatie__", "__sessie__"  # the tabs after the activities'


def field_of(error: InputError) -> str:
    """Which field of the create form an error belongs under (an activity's own fields: ``setup_fields``)."""
    if error.key in ("error.no_groups", "error.duplicate_groups") or error.params.get("field") == "group":
        return "groups"
    if error.key == "error.unknown_activity":
        return "activities"
    return error.params.get("field") if error.params.get("field") in ("title", "topic", "municipality") else "title"


class FacilitatorApp(w.VBox):
    def __init__(self, params=None, cookies=None, store=None, env=None):
        if params is None and os.environ.get("VOILA_PREHEAT") == "True":
            preload()  # a preheated kernel imports the charts while it waits, not while the facilitator does
        params = page_params() if params is None else params
        self.cookies = page_cookies() if cookies is None else cookies
        self.env = dict(os.environ) if env is None else env
        self.store = store or open_store()
        self.lang = normalize_language(params.get("lang"))
        self.session = None
        self.poller = None
        self.views = {}
        self.message = Message()
        self.guard = StoreGuard(self.message, self.lang, self.store)  # a failing store is said, not lost
        self.body = w.VBox()
        self.marker = w.HTML()
        super().__init__([self.message, self.body, self.marker], layout=w.Layout(width="100%"))
        self.add_class("kit-facilitator")
        load_bokehjs()  # now, while the notebook cell runs: dashboards made later draw charts
        code = params.get("sessie", "")
        key = params.get("sleutel") or self.cookies.get(facilitator_cookie(code.upper()), "")
        if code and key:
            self.open_session(code, key, quiet=not params.get("sleutel"))
        else:
            self.show_start()

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    # ------------------------------------------------------------ start screen
    def show_start(self) -> None:
        self.body.children = [
            w.HTML(f"<h1>{self.t('facilitator.title')}</h1>"),
            w.Tab(
                children=[self._create_form(), self._reopen_form(), self._import_form()],
                titles=[
                    self.t("facilitator.tab.new"),
                    self.t("facilitator.tab.reopen"),
                    self.t("facilitator.tab.import"),
                ],
                selected_index=0,
            ),
        ]

    def _create_form(self) -> w.Widget:
        def label():  # each widget needs its own Layout: hiding one must not hide the others
            return {"style": {"description_width": "140px"}, "layout": w.Layout(width="100%", max_width="560px")}

        self.field_errors = {}  # each field's error line, right under it
        for name in ("title", "topic", "municipality", "activities", "groups"):
            self.field_errors[name] = Message()
            self.field_errors[name].add_class("kit-field-error")
            self.field_errors[name].add_class(f"kit-error-{name}")
        self.create_error = Message()
        example = self.t("facilitator.title_example")  # "bijv. ...", in a lighter style: never taken for a title
        self.f_title = w.Text(description=self.t("field.title"), placeholder=example, **label())
        self.f_title.add_class("kit-f-title")
        self.f_topic = w.Dropdown(
            description=self.t("field.topic"),
            options=[(self.t(f"topic.{x}"), x) for x in TOPICS] + [(self.t("topic.other"), OTHER_TOPIC)],
            **label(),
        )
        self.f_topic_other = w.Text(description=self.t("facilitator.topic_other"), **label())
        self.f_topic_other.layout.display = "none"
        self.f_topic.observe(
            lambda c: setattr(self.f_topic_other.layout, "display", "" if c["new"] == OTHER_TOPIC else "none"), "value"
        )
        self.f_municipality = w.Text(
            description=self.t("field.municipality"), placeholder=self.t("facilitator.municipality_example"), **label()
        )
        self.f_municipality.add_class("kit-f-municipality")
        self.f_language = w.Dropdown(
            description=self.t("facilitator.language"),
            options=[(name, code) for code, name in language_choices()],
            value=self.lang,
            **label(),
        )
        self.f_activities = [
            w.Checkbox(value=a in CORE, description=self.t(f"activity.{a}"), indent=False) for a in available()
        ]
        self.f_activity_keys = available()
        setups = self.setup_fields(label()["layout"].max_width)
        self.f_groups = w.Textarea(
            value=t("facilitator.default_groups", self.lang),
            rows=5,
            description=self.t("facilitator.groups"),
            **label(),
        )
        self.f_language.observe(self._default_groups_follow_language, "value")
        create = w.Button(description=self.t("facilitator.create"), button_style="primary")
        create.on_click(lambda _: self.create_session())
        activities = [w.HTML(f"<b>{self.t('facilitator.activities')}</b>")] + self.f_activities
        if not self.f_activities:
            activities.append(w.HTML(f"<p>{self.t('facilitator.no_activities')}</p>"))
        errors = self.field_errors
        return w.VBox(
            [
                self.f_title,
                errors["title"],
                self.f_topic,
                self.f_topic_other,
                errors["topic"],
                self.f_municipality,
                w.HTML(f"<small class='kit-hint'>{self.t('facilitator.municipality_help')}</small>"),
                errors["municipality"],
                self.f_language,
                *activities,
                errors["activities"],
                *setups,
                self.f_groups,
                w.HTML(f"<small>{self.t('facilitator.groups_help')}</small>"),
                errors["groups"],
                w.HBox([create, self.create_error], layout=w.Layout(flex_flow="row wrap", align_items="center")),
            ]
        )

    def setup_fields(self, max_width: str) -> list:
        """Each activity's own fields on the form (its ``setup.Setup``: statements the facilitator writes, say), each
        with its error line, shown only while the activity is ticked; ``self.setups`` keeps them by activity,
        ``self.setup_boxes`` the box each is shown in."""
        self.setups, self.setup_boxes = {}, {}
        for key, box in zip(self.f_activity_keys, self.f_activities, strict=True):
            made = BY_KEY[key].part("setup", "Setup")
            if made is None:
                continue
            setup = self.setups[key] = made(self.lang, max_width)
            error = self.field_errors[f"setup-{key}"] = Message()
            error.add_class("kit-field-error")
            part = self.setup_boxes[key] = w.VBox([setup, error])
            part.layout.display = "" if box.value else "none"
            box.observe(lambda c, part=part: setattr(part.layout, "display", "" if c["new"] else "none"), "value")
        return list(self.setup_boxes.values())

    def _default_groups_follow_language(self, change) -> None:
        if self.f_groups.value.strip() == t("facilitator.default_groups", change["old"]):
            self.f_groups.value = t("facilitator.default_groups", change["new"])

    def _reopen_form(self) -> w.Widget:
        self.r_code = w.Text(description=self.t("facilitator.code"), style={"description_width": "140px"})
        self.r_key = w.Password(description=self.t("facilitator.key"), style={"description_width": "140px"})
        go = w.Button(description=self.t("facilitator.open"), button_style="primary")
        go.on_click(lambda _: self.open_session(self.r_code.value, self.r_key.value))
        return w.VBox([w.HTML(f"<p>{self.t('facilitator.reopen_help')}</p>"), self.r_code, self.r_key, go])

    def _import_form(self) -> w.Widget:
        upload = w.FileUpload(accept=".json", multiple=False, description=self.t("facilitator.choose_file"))
        go = w.Button(description=self.t("facilitator.import_new"), button_style="primary")
        go.on_click(lambda _: self.import_new(upload))
        follow = w.Button(description=self.t("facilitator.followup_of_file"))
        follow.on_click(lambda _: self.followup_of_file(upload))
        return w.VBox(
            [
                w.HTML(f"<p>{self.t('facilitator.import_help')}</p>"),
                upload,
                w.HBox([go, follow], layout=w.Layout(flex_flow="row wrap")),
                w.HTML(f"<p class='kit-hint'>{self.t('facilitator.followup_of_file_help')}</p>"),
            ]
        )

    @store_action
    def create_session(self) -> None:
        topic = self.f_topic_other.value if self.f_topic.value == OTHER_TOPIC else self.f_topic.value
        spec = SessionSpec(
            title=self.f_title.value,
            topic=topic,
            municipality=self.f_municipality.value,
            language=self.f_language.value,
            activities=tuple(a for a, box in zip(self.f_activity_keys, self.f_activities, strict=True) if box.value),
            groups=tuple(self.f_groups.value.splitlines()),
        )
        for line in (*self.field_errors.values(), self.create_error):
            line.clear()
        settings, field = {}, None
        try:
            for activity, setup in self.setups.items():
                if activity in spec.activities:  # an unticked activity's fields are neither checked nor stored
                    field = f"setup-{activity}"
                    settings[activity] = setup.settings()
            field = None
            session, key = self.store.create_session(spec)
        except InputError as error:
            text = error_message(error, self.lang)
            self.field_errors[field or field_of(error)].show(text, "error", scroll=True)
            self.create_error.show(self.t("facilitator.check_form", error=text), "error")
            return
        for activity, values in settings.items():
            for name, value in values.items():
                self.store.set_state(session.id, activity, name, value)
        self.show_dashboard(session, key)

    @store_action
    def open_session(self, code: str, key: str, quiet: bool = False) -> None:
        try:
            session = self.store.facilitator_session(code, key)
        except InputError as error:
            self.show_start()
            if not quiet:
                self.message.show(error_message(error, self.lang), "error")
            return
        self.show_dashboard(session, key.strip())

    @store_action
    def import_new(self, upload) -> None:
        if not upload.value:
            self.message.show(self.t("facilitator.no_file"), "error")
            return
        try:
            session, key, counts = import_json(self.store, bytes(upload.value[0]["content"]).decode("utf-8"))
        except (InputError, UnicodeDecodeError) as error:
            text = error_message(error, self.lang) if isinstance(error, InputError) else self.t("error.import_not_json")
            self.message.show(text, "error")
            return
        self.show_dashboard(session, key)
        self.message.show(self.imported_text(counts), "ok")

    @store_action
    def followup_of_file(self, upload) -> None:
        if not upload.value:
            self.message.show(self.t("facilitator.no_file"), "error")
            return
        try:
            session, key = followup_of_file(self.store, bytes(upload.value[0]["content"]).decode("utf-8-sig"))
        except (InputError, UnicodeDecodeError) as error:
            text = error_message(error, self.lang) if isinstance(error, InputError) else self.t("error.import_not_json")
            self.message.show(text, "error")
            return
        self.show_dashboard(session, key)
        self.message.show(self.t("facilitator.followup_made", code=session.code), "ok")

    @store_action
    def followup(self) -> None:
        try:
            session, key = followup_of_session(self.store, self.session.id, self.followup_title.value)
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            return
        self.show_dashboard(session, key)
        self.message.show(self.t("facilitator.followup_made", code=session.code), "ok")

    # --------------------------------------------------------------- dashboard
    def show_dashboard(self, session, key: str) -> None:
        """The control bar on top, then one tab per activity's analysis and a tab for the session itself."""
        self.session, self.key = session, key
        self.views, self.stale = {}, set()
        self.order = list(session.activities)  # the run order the bar walks through
        # counted once for both the tab to stand at and the first draw (a big session's count takes a while)
        self.counted = (self.store.revision(session.id), self.store.answer_counts(session.id))
        self.current = resume_at(self.order, session.open_activities, self.counted[1])
        self.message.clear()
        self.marker.value = marker({"sessie": session.code, "sleutel": None}, session.code, key)
        self.own_base, self.link_extra = base_address(self.env, page_host())
        chosen = self.store.state(session.id, SCREEN).get(ADDRESS_KEY)  # the screen shows the same address
        self.address = w.Text(
            value=chosen or self.own_base,
            description=self.t("facilitator.address"),
            style={"description_width": "initial"},
            layout=w.Layout(width="100%", max_width="560px", flex_flow="column"),
        )
        self.address.add_class("kit-f-address")
        self.address.observe(lambda _: self.address_changed(), "value")
        self.join_panel = w.HTML()
        self.join_panel.add_class("kit-join-panel")
        self.address_warning = w.HTML()
        self.key_panel = w.HTML()
        key_box = w.Accordion(children=[self.key_panel], titles=(self.t("facilitator.key_panel"),), selected_index=None)
        self.counts = w.HTML()
        self.bar = ControlBar(
            self.lang,
            {
                "previous": lambda: self.move(-1),
                "next": lambda: self.move(+1),
                "open": self.toggle_current,
                "also": self.also_open,
                "reveal": self.toggle_reveal,
            },
            keys=self.bar_keys,
        )
        self.panes, self.rows = {}, {}
        for activity in self.order:  # the title and the state line now; the analysis once its tab is chosen
            self.rows[activity] = w.HTML()
            self.rows[activity].add_class("kit-tab-status")
            row = w.VBox([self.rows[activity]])  # the tab and the analysis's own heading name the activity
            row.add_class("kit-activity-row")
            pane = w.VBox([row])
            pane.add_class("kit-activity-pane")
            self.panes[activity] = pane
        self.followup_view = self._followup_view(session)
        self.session_controls = self._session_controls()
        self.moderation = None  # made the first time its tab is chosen (it reads every text of the session)
        self.moderation_tab = w.VBox()
        self.render_join()
        session_tab = w.VBox(
            [
                w.HBox([self.join_panel, self.counts], layout=w.Layout(flex_flow="row wrap", align_items="flex-start")),
                self.address_warning,
                self.address,
                w.HTML(f"<h2>{self.t('facilitator.session')}</h2>"),
                self.session_controls,
                key_box,
            ]
        )
        session_tab.add_class("kit-session-tab")
        tabs = [(a, self.t("activity." + a), self.panes[a]) for a in self.order]
        if hasattr(self.followup_view, "refresh"):
            tabs.append((FOLLOWUP, self.t("facilitator.tab.followup"), self.followup_view))
        tabs.append((MODERATION, self.t("facilitator.tab.moderation"), self.moderation_tab))
        tabs.append((SESSION, self.t("facilitator.session"), session_tab))
        self.tab_keys = [key for key, _, _ in tabs]
        self.tabs = w.Tab(
            children=[pane for _, _, pane in tabs], titles=[title for _, title, _ in tabs], selected_index=self.current
        )
        self.tabs.add_class("kit-tabs")
        self.tabs.observe(self._tab_chosen, "selected_index")
        topic = topic_label(session.topic, self.lang)
        subtitle = " · ".join(escape(part) for part in (session.municipality, topic) if part)
        self.body.children = [
            self.bar,
            w.HTML(
                f"<h1>{escape(session.title)}</h1><p>{subtitle}</p>"
                f'<p class="kit-shortcuts">{self.t(self.shortcuts_key)}</p>'
            ),
            self.tabs,
        ]
        if self.poller:
            self.poller.stop()
        self.poller = Poller(lambda: self.store.revision(session.id), self.refresh, interval=0.4, guard=self.guard)
        self.poller.check()
        self.poller.start()

    bar_keys = True  # the bar's buttons answer → ← S (the tafel's run sheet has those keys)

    shortcuts_key = "facilitator.shortcuts"

    @store_action
    def address_changed(self) -> None:
        self.render_join()
        self.store.set_state(self.session.id, SCREEN, ADDRESS_KEY, self.address.value.strip())

    def screen_href(self) -> str:
        return screen_link(self.own_base, self.session.code) + (f"?lang={self.lang}" if self.lang != "nl" else "")

    def render_join(self) -> None:
        """How to join, small (the screen shows it to the room), and the address's warning right above its field."""
        session = self.session
        link = participant_link(self.address.value, session.code)
        self.address_warning.value = (
            f'<div class="kit-message kit-message-info kit-address-warning">{self.t("facilitator.local_only")}</div>'
            if is_local_only(self.address.value)
            else ""
        )
        self.join_panel.value = (
            f'<div class="kit-join"><h3>{self.t("facilitator.open_screen")}</h3>'
            f'<p class="kit-hint">{self.t("facilitator.open_screen_help")}</p>'
            f"<p>{self.t('facilitator.join_with')}</p>"
            f'<div class="kit-code">{escape(session.code)}</div>'
            f'<img class="kit-qr" alt="{escape(self.t("screen.qr_alt", link=link), quote=True)}" width="160" '
            f'height="160" src="{qr_data_uri(link)}">'
            f'<p class="kit-link"><a href="{escape(link, quote=True)}" target="_blank" rel="noopener">'
            f"{escape(link)}</a></p></div>"
        )
        own = facilitator_link(self.address.value, session.code, self.key, self.lang, self.link_extra)
        self.key_panel.value = (
            f"<p>{self.t('facilitator.key_help')}</p>"
            f'<p class="kit-link"><code>{escape(own)}</code></p>'
            f"<p>{self.t('facilitator.key')}: <code>{escape(self.key)}</code></p>"
        )

    def _followup_view(self, session) -> w.Widget:
        """What changed since the earlier session, on a follow-up session's dashboard (else nothing)."""
        previous = previous_of(self.store, session.id)
        if not previous:
            return w.VBox()
        return FollowupDashboard(self.store, session, self.lang, previous)

    def _followup_controls(self) -> w.Widget:
        self.followup_title = w.Text(
            description=self.t("facilitator.followup_name"),
            placeholder=self.session.title,
            style={"description_width": "initial"},
            layout=w.Layout(width="100%", max_width="560px"),
        )
        self.followup_title.add_class("kit-followup-name")
        make = w.Button(description=self.t("facilitator.followup"))
        make.add_class("kit-followup-make")
        make.on_click(lambda _: self.followup())
        return w.VBox(
            [
                w.HTML(f"<h3>{self.t('facilitator.followup')}</h3><p>{self.t('facilitator.followup_help')}</p>"),
                self.followup_title,
                make,
            ]
        )

    def _session_controls(self) -> w.Widget:
        self.status_state = w.HTML()
        self.status_button = w.Button()
        self.status_button.on_click(lambda _: self.toggle_status())
        self.downloads = w.HTML()
        self.downloads.add_class("kit-downloads")
        upload = w.FileUpload(accept=".json,.csv,.xlsx", multiple=False, description=self.t("facilitator.choose_file"))
        merge = w.Button(description=self.t("facilitator.import_merge"))
        merge.on_click(lambda _: self.import_merge(upload))
        self.confirm_delete = w.Checkbox(description=self.t("facilitator.delete_confirm"), indent=False)
        delete = w.Button(description=self.t("facilitator.delete"), button_style="danger")
        delete.on_click(lambda _: self.delete())
        row = {"layout": w.Layout(flex_flow="row wrap", align_items="center")}
        danger = w.VBox(
            [
                w.HTML(f"<h3>{self.t('facilitator.delete')}</h3><p>{self.t('facilitator.delete_help')}</p>"),
                w.HBox([self.confirm_delete, delete], **row),
            ]
        )
        danger.add_class("kit-danger-zone")
        self.release = ReleaseSwitch(self.store, self.session, self.lang, guard=self.guard)
        self.retention = RetentionPanel(self.store, self.session, self.lang, guard=self.guard)
        return w.VBox(
            [
                w.HBox([self.status_state, self.status_button], **row),
                self.release,
                self.retention,  # the date the session goes, right above the files to download before it
                self.downloads,
                OutcomeField(self.store, self.session, self.lang),  # the participatieverslag's own text
                w.HTML(f"<h3>{self.t('facilitator.imports')}</h3><p>{self.t('facilitator.imports_help')}</p>"),
                w.HBox([upload, merge], **row),
                self._followup_controls(),
                danger,
            ]
        )

    def refresh(self, revision=None) -> None:
        session = self.store.session(self.session.id)
        if session is None:
            self.poller.stop()
            self.session = None
            self.show_start()
            self.message.show(self.t("facilitator.deleted"), "info")
            return
        self.session = session
        counts = self.store.participant_counts(session.id)
        counted, self.counted = self.counted, (None, None)
        self.answered = counted[1] if revision is not None and counted[0] == revision else None
        if self.answered is None:
            self.answered = self.store.answer_counts(session.id)
        rows = "".join(
            f'<tr data-kit-group="{escape(g.key, quote=True)}"><td>{escape(g.label)}</td>'
            f'<td class="kit-count">{whole(counts.get(g.key, 0), self.lang)}</td></tr>'
            for g in session.groups
        )
        self.total = sum(counts.values())
        self.counts.value = (
            f'<table class="kit-count-table"><tr><th>{self.t("facilitator.group")}</th>'
            f"<th>{self.t('facilitator.participants')}</th></tr>{rows}"
            f"<tr><th>{self.t('facilitator.total')}</th>"
            f'<th class="kit-count-total">{whole(self.total, self.lang)}</th></tr>'
            f"</table>"
        )
        self.status_button.description = self.t(
            "facilitator.close_session" if session.is_open else "facilitator.reopen_session"
        )
        self.status_button.button_style = "warning" if session.is_open else "success"
        self.status_state.value = state_badge(
            self.t("facilitator.session_state"),
            session.is_open,
            self.t("facilitator.state_open"),
            self.t("facilitator.state_closed"),
        )
        self.release.sync()
        self.retention.sync(session)
        self.stale = set(self.tab_keys) - {SESSION}  # drawn when chosen; the session's tab is cheap and kept live
        self.draw_visible()
        downloads = self.downloads_html()
        if self.downloads.value != downloads:
            self.downloads.value = downloads
        self.show_bar()

    def draw_visible(self) -> None:
        """Build or refresh the chosen tab only, once per change: a big session's other analyses wait their turn."""
        index = self.tabs.selected_index
        key = self.tab_keys[index] if index is not None and index < len(self.tab_keys) else None
        if key not in self.stale:
            return
        self.stale.discard(key)
        if key in self.panes:
            self.draw_activity(key)
        elif key == MODERATION:
            if self.moderation is None:  # its constructor draws it
                self.moderation = moderation_panel(self.store, self.session, self.lang, guard=self.guard)
                self.moderation_tab.children = [self.moderation]
            else:
                self.moderation.refresh(self.session)
        elif key == FOLLOWUP:
            self.followup_view.refresh(self.session)

    def draw_activity(self, activity: str) -> None:
        views = facilitator_views()
        view = self.views.get(activity)
        if view is None and activity in views:
            view = self.views[activity] = views[activity](self.store, self.session, self.lang)
            reveal = getattr(view, "reveal", None)
            if reveal is not None:  # the bar's "show results" is this switch (shown nowhere else)
                reveal.observe(lambda _, a=activity: (self.update_row(a), self.show_bar()), "value")
            self.panes[activity].children = [*self.panes[activity].children[:1], view]
        if view is not None:
            view.refresh(self.session)
        self.update_row(activity)

    def revealed(self, activity):
        """Whether the room sees ``activity``'s results (None: it has none to show), as its view last read it."""
        view = self.views.get(activity)
        if not BY_KEY[activity].revealable or view is None or getattr(view, "reveal", None) is None:
            return None
        return bool(view.reveal.value)

    def update_row(self, activity: str) -> None:
        """The tab's line in words: open or closed, results shown or not, how many answered (buttons: the bar)."""
        is_open = activity in self.session.open_activities
        shown = self.revealed(activity)
        parts = [self.t("facilitator.tab_open" if is_open else "facilitator.tab_closed")]
        if shown is not None:
            parts.append(self.t("facilitator.tab_shown" if shown else "facilitator.tab_hidden"))
        parts.append(self.t("facilitator.answered", n=sum(getattr(self, "answered", {}).get(activity, {}).values())))
        value = (
            f'<p data-kit-open="{str(is_open).lower()}" data-kit-shown="{str(bool(shown)).lower()}">'
            f"<b>{escape(' · '.join(parts))}</b> "
            f'<span class="kit-hint">{escape(self.t("facilitator.tab_help"))}</span></p>'
        )
        if self.rows[activity].value != value:
            self.rows[activity].value = value

    def show_bar(self) -> None:
        if self.session is None or not hasattr(self, "tab_keys"):
            return
        activity = self.order[self.current] if self.order else None
        self.bar.show(
            self.session,
            self.order,
            self.current,
            getattr(self, "total", 0),
            sum(getattr(self, "answered", {}).get(activity, {}).values()),
            self.revealed(activity) if activity else None,
            self.screen_href(),
        )

    def _tab_chosen(self, change) -> None:
        if change["new"] is None:
            return
        self.guard.run(self.draw_visible, context="read")
        if change["new"] < len(self.order) and change["new"] != self.current:
            self.current = change["new"]
            self.bar.message.clear()
            self.show_bar()

    def choose(self, index: int) -> None:
        """Make ``order[index]`` the bar's activity and show its analysis."""
        self.current = index
        self.tabs.selected_index = index
        self.show_bar()

    def move(self, delta: int) -> None:
        """Previous / next in the run order: that activity opens and every other one closes."""
        index = max(0, min(len(self.order) - 1, self.current + delta))
        if index != self.current:
            self.choose(index)
            self.open_alone(self.order[index])

    def toggle_current(self) -> None:
        activity = self.order[self.current]
        if activity in self.session.open_activities:
            self.set_open(activity, False)
            self.bar.message.show(self.t("bar.closed", activity=self.t("activity." + activity)), "ok")
        else:
            self.open_alone(activity)

    @store_action
    def open_alone(self, activity: str) -> None:
        """Open ``activity`` and close the others in one transaction (the phones go where it is)."""
        self.store.set_open_activities(self.session.id, [activity])
        self.bar.message.show(self.t("bar.opened_alone", activity=self.t("activity." + activity)), "ok")
        self.poller.check()

    @store_action
    def also_open(self) -> None:
        """The explicit second control: open this one beside those open already (the phones then offer a choice)."""
        activity = self.order[self.current]
        now = self.store.set_activity_open(self.session.id, activity, True).open_activities
        names = [self.t("activity." + a) for a in self.order if a in now]
        self.bar.message.show(self.t("bar.opened_beside", activities=", ".join(names)), "ok")
        self.poller.check()

    def toggle_reveal(self) -> None:
        view = self.views.get(self.order[self.current]) if self.order else None
        switch = getattr(view, "reveal", None)
        if switch is not None:
            switch.value = not switch.value  # the switch saves it (and says so if the store fails)
            self.poller.check()

    @store_action
    def set_open(self, activity: str, is_open: bool) -> None:
        try:
            self.store.set_activity_open(self.session.id, activity, is_open)
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
        self.poller.check()

    @store_action
    def toggle_status(self) -> None:
        self.store.set_status(self.session.id, "closed" if self.session.is_open else "open")
        self.poller.check()

    def imported_text(self, counts: dict) -> str:
        """'Toegevoegd: 0 groepen, 1 deelnemer en 2 antwoorden.' (each count with its own plural)."""
        return self.t("facilitator.imported", **{name: self.t(f"count.{name}", n=n) for name, n in counts.items()})

    def downloads_html(self) -> str:
        """Links to the session's files (widgets.report.files), served by the server extension when clicked."""
        code, printable = self.session.code, bool(chromium())
        lines = {"export": [], "report": [], "paper": {}}
        for item in downloads(self.session):
            if item.pdf and not printable:
                link = f"<small>{self.t('facilitator.report_pdf_hint')}</small>"
            else:
                href = files_link(self.own_base, code, item.name, self.lang)
                link = (
                    f'<a class="kit-download" href="{escape(href, quote=True)}" '
                    f'download="{escape(item.filename.format(code=code), quote=True)}">{self.t(item.label)}</a>'
                )
            if item.kind == "paper":
                lines["paper"].setdefault(item.activity, []).append(link)
            else:
                lines[item.kind].append(link)
        paper = "".join(
            f"<li>{escape(BY_KEY[key].label(self.lang))}: {' · '.join(links)}</li>"
            for key, links in lines["paper"].items()
        )
        return (
            f"<h3>{self.t('facilitator.exports')}</h3>"
            f"<p>{self.t('facilitator.report')}: {' · '.join(lines['report'])}</p>"
            f"<p>{self.t('facilitator.answers_files')}: {' · '.join(lines['export'])}</p>"
            f"<p class='kit-hint'>{self.t('facilitator.exports_help')}</p>"
            f"<h3>{self.t('facilitator.paper')}</h3><p>{self.t('facilitator.paper_help')}</p><ul>{paper}</ul>"
        )

    @store_action
    def import_merge(self, upload) -> None:
        if not upload.value:
            self.message.show(self.t("facilitator.no_file"), "error")
            return
        item = upload.value[0]
        try:
            payload = bytes(item["content"])
            if item["name"].lower().endswith((".csv", ".xlsx")):  # a paper form's entry table
                counts = import_paper(self.store, self.session.id, item["name"], payload)
            else:
                counts = import_json(self.store, payload.decode("utf-8-sig"), self.session.id)[2]
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            return
        except UnicodeDecodeError:
            self.message.show(self.t("error.import_not_json"), "error")
            return
        self.message.show(self.imported_text(counts), "ok")
        self.poller.check()

    @store_action
    def delete(self) -> None:
        if not self.confirm_delete.value:
            self.message.show(self.t("facilitator.delete_first_confirm"), "error")
            return
        code = self.session.code
        self.store.delete_session(self.session.id)
        self.marker.value = marker({"sessie": None}, code, "")
        self.poller.check()
