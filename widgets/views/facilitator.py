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
from ..activities.eigen.model import ACTIVITY as OWN_STATEMENTS
from ..activities.eigen.model import STATE as STATEMENTS_STATE
from ..activities.eigen.model import check_statements
from ..charts import load_bokehjs, preload
from ..i18n import error_message, language_choices, normalize_language, t
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
from .failures import StoreGuard, store_action
from .followup import FollowupDashboard
from .live import Poller
from .moderation import moderation_panel
from .release import ReleaseSwitch
from .retention import RetentionPanel
from .verslag import OutcomeField

OTHER_TOPIC = "__anders__"


def state_badge(label: str, on: bool, on_text: str, off_text: str) -> str:
    """A state written out in words, coloured as well ("Open voor deelnemers: ja")."""
    kind = "on" if on else "off"
    return (
        f'<span class="kit-state kit-state-{kind}">{escape(label)}: <b>{escape(on_text if on else off_text)}</b></span>'
    )


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

        self.f_title = w.Text(description=self.t("field.title"), placeholder="Woonvisie 2030", **label())
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
        self.f_municipality = w.Text(description=self.t("field.municipality"), **label())
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
        self._own_statements_form(label())
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
        return w.VBox(
            [
                self.f_title,
                self.f_topic,
                self.f_topic_other,
                self.f_municipality,
                self.f_language,
                *activities,
                self.f_own_box,
                self.f_groups,
                w.HTML(f"<small>{self.t('facilitator.groups_help')}</small>"),
                create,
            ]
        )

    def _own_statements_form(self, layout: dict) -> None:
        """The Textarea for Eigen stellingen, shown only while that activity is ticked (a pasted list is fine)."""
        # the label above the field (a column), so the whole of its long text shows
        self.f_own = w.Textarea(
            rows=6,
            description=self.t("facilitator.own_statements"),
            placeholder=self.t("facilitator.own_statements_example"),
            style={"description_width": "initial"},
            layout=w.Layout(flex_flow="column", width="100%", max_width=layout["layout"].max_width),
        )
        self.f_own.add_class("kit-f-own-statements")
        self.f_own_box = w.VBox(
            [self.f_own, w.HTML(f"<small>{escape(self.t('facilitator.own_statements_help'))}</small>")]
        )
        self.f_own_box.add_class("kit-f-own")
        box = dict(zip(self.f_activity_keys, self.f_activities, strict=True)).get(OWN_STATEMENTS)
        self.f_own_box.layout.display = "" if box is not None and box.value else "none"
        if box is not None:
            box.observe(lambda c: setattr(self.f_own_box.layout, "display", "" if c["new"] else "none"), "value")

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
        try:
            own = check_statements(self.f_own.value) if OWN_STATEMENTS in spec.activities else None
            session, key = self.store.create_session(spec)
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            return
        if own is not None:
            self.store.set_state(session.id, OWN_STATEMENTS, STATEMENTS_STATE, own)
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
        self.session, self.key = session, key
        self.views, self.toggles = {}, None
        self.message.clear()
        self.marker.value = marker({"sessie": session.code, "sleutel": None}, session.code, key)
        self.own_base, self.link_extra = base_address(self.env, page_host())
        chosen = self.store.state(session.id, SCREEN).get(ADDRESS_KEY)  # the screen shows the same address
        self.address = w.Text(
            value=chosen or self.own_base,
            description=self.t("facilitator.address"),
            style={"description_width": "initial"},
            layout=w.Layout(width="100%"),
        )
        self.address.observe(lambda _: self.address_changed(), "value")
        self.join_panel = w.HTML()
        self.join_panel.add_class("kit-join-panel")
        self.key_panel = w.HTML()
        key_box = w.Accordion(children=[self.key_panel], titles=(self.t("facilitator.key_panel"),), selected_index=None)
        self.counts = w.HTML()
        self.activity_controls = w.VBox()
        self.activity_controls.add_class("kit-activity-rows")
        self.activity_views = w.VBox()
        self.followup_view = self._followup_view(session)
        self.session_controls = self._session_controls()
        self.moderation = moderation_panel(self.store, session, self.lang, guard=self.guard)
        self.render_join()
        self.body.children = [
            w.HTML(
                f"<h1>{escape(session.title)}</h1>"
                f"<p>{escape(session.municipality)} · {escape(topic_label(session.topic, self.lang))}</p>"
            ),
            w.HBox([self.join_panel, self.counts], layout=w.Layout(flex_flow="row wrap", align_items="flex-start")),
            w.HTML(f'<p class="kit-shortcuts">{self.t(self.shortcuts_key)}</p>'),
            w.HTML(f"<h2>{self.t('facilitator.activities')}</h2>"),
            self.activity_controls,
            self.activity_views,
            self.moderation,
            self.followup_view,
            w.HTML(f"<h2>{self.t('facilitator.session')}</h2>"),
            self.session_controls,
            self.address,
            key_box,
        ]
        if self.poller:
            self.poller.stop()
        self.poller = Poller(lambda: self.store.revision(session.id), self.refresh, interval=0.4, guard=self.guard)
        self.poller.check()
        self.poller.start()

    shortcuts_key = "facilitator.shortcuts"

    @store_action
    def address_changed(self) -> None:
        self.render_join()
        self.store.set_state(self.session.id, SCREEN, ADDRESS_KEY, self.address.value.strip())

    def render_join(self) -> None:
        """The button to the presentation screen, and how to join, small: the screen shows it to the room."""
        session = self.session
        link = participant_link(self.address.value, session.code)
        screen = screen_link(self.own_base, session.code) + (f"?lang={self.lang}" if self.lang != "nl" else "")
        warning = (
            f'<div class="kit-message kit-message-info">{self.t("facilitator.local_only")}</div>'
            if is_local_only(self.address.value)
            else ""
        )
        self.join_panel.value = (
            f'<div class="kit-join"><p><a class="kit-button-link" data-kit-screen href="{escape(screen, quote=True)}" '
            f'target="kit-scherm">{self.t("facilitator.open_screen")}</a></p>'
            f'<p class="kit-hint">{self.t("facilitator.open_screen_help")}</p>'
            f"<p>{self.t('facilitator.join_with')}</p>"
            f'<div class="kit-code" data-kit-join-code>{escape(session.code)}</div>'
            f'<img class="kit-qr" alt="{escape(self.t("screen.qr_alt", link=link), quote=True)}" width="160" '
            f'height="160" src="{qr_data_uri(link)}">'
            f'<p class="kit-link"><a href="{escape(link, quote=True)}" target="_blank" rel="noopener">'
            f"{escape(link)}</a></p>{warning}</div>"
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
        answered = self.store.answer_counts(session.id)
        rows = "".join(
            f'<tr data-kit-group="{escape(g.key, quote=True)}"><td>{escape(g.label)}</td>'
            f'<td class="kit-count">{counts.get(g.key, 0)}</td></tr>'
            for g in session.groups
        )
        total = sum(counts.values())
        self.counts.value = (
            f'<table class="kit-count-table"><tr><th>{self.t("facilitator.group")}</th>'
            f"<th>{self.t('facilitator.participants')}</th></tr>{rows}"
            f'<tr><th>{self.t("facilitator.total")}</th><th class="kit-count-total">{total}</th></tr>'
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
        views = facilitator_views()
        for activity in session.activities:
            if activity in views:
                if activity not in self.views:
                    self.views[activity] = views[activity](self.store, session, self.lang)
                self.views[activity].refresh(session)
        self.update_toggles(session, answered)
        self.moderation.refresh(session)
        if hasattr(self.followup_view, "refresh"):
            self.followup_view.refresh(session)
        downloads = self.downloads_html()
        if self.downloads.value != downloads:
            self.downloads.value = downloads
        self.activity_views.children = list(self.views.values())

    def update_toggles(self, session, answered) -> None:
        """One row per activity, made once and then only updated (no widgets pile up).

        A row says in words whether the activity is open and whether its results are shown
        (on the phones and the presentation screen), and has the buttons that change either.
        """
        if self.toggles is None:
            self.toggles, self.toggle_notes, self.reveals = {}, {}, {}
            rows = []
            for activity in session.activities:
                toggle = w.ToggleButton(tooltip=self.t("facilitator.toggle_help"))
                toggle.observe(lambda change, a=activity: self._toggled(a, change["new"]), "value")
                self.toggles[activity], self.toggle_notes[activity] = toggle, w.HTML()
                self.reveals[activity] = getattr(self.views.get(activity), "reveal", None)
                parts = [w.HTML(f"<h3>{self.t('activity.' + activity)}</h3>"), self.toggle_notes[activity], toggle]
                if self.reveals[activity] is not None:
                    parts.append(self.reveals[activity])
                row = w.HBox(parts, layout=w.Layout(flex_flow="row wrap", align_items="center"))
                row.add_class("kit-activity-row")
                rows.append(row)
            self.activity_controls.children = rows
        self._updating = True
        try:
            open_revealable = [a for a in session.open_activities if self.reveals.get(a) is not None]
            for activity, toggle in self.toggles.items():
                is_open = activity in session.open_activities
                label = self.t("activity." + activity)
                toggle.value = is_open
                toggle.description = self.t(
                    "facilitator.close_activity" if is_open else "facilitator.open_activity", activity=label
                )
                toggle.button_style = "warning" if is_open else "success"
                n = sum(answered.get(activity, {}).values())
                notes = [
                    state_badge(
                        self.t("facilitator.open_state"), is_open, self.t("facilitator.yes"), self.t("facilitator.no")
                    )
                ]
                switch = self.reveals.get(activity)
                if switch is not None:
                    notes.append(
                        state_badge(
                            self.t("facilitator.reveal_state"),
                            switch.value,
                            self.t("facilitator.on"),
                            self.t("facilitator.off"),
                        )
                    )
                    switch.description = self.t(
                        "facilitator.hide_results" if switch.value else "facilitator.show_results"
                    )
                    switch.button_style = "info" if switch.value else ""
                    keyed = open_revealable == [activity]  # R reveals the one open activity
                    (switch.add_class if keyed else switch.remove_class)("kit-key-reveal")
                notes.append(f'<span class="kit-answered">{escape(self.t("facilitator.answered", n=n))}</span>')
                self.toggle_notes[activity].value = " ".join(notes)
        finally:
            self._updating = False

    def _toggled(self, activity: str, is_open: bool) -> None:
        if not getattr(self, "_updating", False):
            self.set_open(activity, is_open)

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
