"""The participant's page: join by code, pick a stakeholder group, answer the open activities.

Built for a phone: one column, big buttons. The participant's token is kept in
a cookie (see the kit template's script), so reloading the page or opening the
join link again continues as the same participant.
"""

import json
import time
from html import escape

import ipywidgets as w

from ..i18n import error_message, normalize_language, t
from ..model.sessions import normalize_code
from ..model.validation import InputError
from ..request import page_cookies, page_params
from ..store import open_store
from .activities import participant_views
from .common import Message
from .live import Poller

# After this many unknown codes from one page, each further try waits longer.
FREE_TRIES = 3


def participant_cookie(code: str) -> str:
    return f"kit_p_{code}"


def marker(params=None, cookie=None, value="") -> str:
    """Hidden element the kit template's script turns into URL parameters and a cookie."""
    attrs = ""
    if params is not None:
        attrs += f" data-kit-params='{escape(json.dumps(params), quote=True)}'"
    if cookie:
        attrs += f' data-kit-cookie="{escape(cookie, quote=True)}" data-kit-cookie-value="{escape(value, quote=True)}"'
    return f'<span class="kit-marker" hidden{attrs}></span>'


class ParticipantApp(w.VBox):
    def __init__(self, params=None, cookies=None, store=None):
        params = page_params() if params is None else params
        self.cookies = page_cookies() if cookies is None else cookies
        self.store = store or open_store()
        self.explicit_lang = "lang" in params
        self.lang = normalize_language(params.get("lang"))
        self.session = None
        self.participant = None
        self.failures = 0
        self.views = {}
        self.poller = None
        self.header = w.HTML()
        self.message = Message()
        self.body = w.VBox()
        self.marker = w.HTML()
        super().__init__([self.header, self.message, self.body, self.marker],
                         layout=w.Layout(max_width="640px", width="100%"))
        self.add_class("kit-participant")
        code = normalize_code(params.get("sessie", ""))
        if code:
            self.open_code(code)
        else:
            self.show_code_form()

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    # ---------------------------------------------------------------- joining
    def show_code_form(self) -> None:
        self.header.value = f"<h2>{self.t('participant.welcome')}</h2>"
        self.code_input = w.Text(placeholder="K7P3QX", description=self.t("participant.code"),
                                 style={"description_width": "initial"})
        self.code_input.add_class("kit-code-input")
        go = w.Button(description=self.t("participant.next"), button_style="primary")
        go.on_click(lambda _: self.open_code(normalize_code(self.code_input.value), typed=True))
        self.code_input.on_submit(lambda _: self.open_code(normalize_code(self.code_input.value), typed=True))
        self.body.children = [w.HTML(f"<p>{self.t('participant.code_help')}</p>"), self.code_input, go]

    def open_code(self, code: str, typed: bool = False) -> None:
        session = self.store.session_by_code(code)
        if session is None or not session.is_open:
            self.failures += 1
            if self.failures > FREE_TRIES:
                time.sleep(min(2 ** (self.failures - FREE_TRIES), 10))
            if not typed:
                self.show_code_form()
            key = "error.unknown_code" if session is None else "error.session_closed"
            self.message.show(t(key, self.lang), "error")
            return
        self.failures = 0
        self.session = session
        if not self.explicit_lang:
            self.lang = session.language
        self.message.clear()
        self.marker.value = marker({"sessie": session.code})
        existing = self.store.participant(self.cookies.get(participant_cookie(session.code), ""))
        if existing is not None and existing.session_id == session.id:
            self.resume(existing)
        else:
            self.show_join_form()

    def show_join_form(self) -> None:
        session = self.session
        self.header.value = (f"<h2>{escape(session.title)}</h2>"
                             f"<p>{self.t('participant.join_intro')}</p>")
        self.group_choice = w.RadioButtons(options=[(g.label, g.key) for g in session.groups], value=None,
                                           layout=w.Layout(width="auto"))
        self.group_choice.add_class("kit-group-choice")
        self.name_input = w.Text(placeholder=self.t("participant.name_placeholder"),
                                 layout=w.Layout(width="100%"))
        join = w.Button(description=self.t("participant.join"), button_style="primary",
                        layout=w.Layout(width="100%", height="48px"))
        join.on_click(lambda _: self.join())
        self.body.children = [
            w.HTML(f"<b>{self.t('participant.group')}</b>"), self.group_choice,
            w.HTML(f"<b>{self.t('participant.name')}</b>"), self.name_input, join,
        ]

    def join(self) -> None:
        try:
            participant = self.store.join(self.session.code, self.group_choice.value or "", self.name_input.value)
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            return
        self.marker.value = marker({"sessie": self.session.code}, participant_cookie(self.session.code),
                                   participant.token)
        self.resume(participant)

    def not_me(self) -> None:
        """Someone else on this phone: forget the participant and join anew."""
        if self.poller:
            self.poller.stop()
        self.participant = None
        self.views = {}
        self.marker.value = marker({"sessie": self.session.code}, participant_cookie(self.session.code), "")
        self.message.clear()
        self.show_join_form()

    # ------------------------------------------------------------- answering
    def resume(self, participant) -> None:
        self.participant = participant
        self.message.clear()
        group = escape(self.session.group_label(participant.group_key))
        name = f" ({escape(participant.name)})" if participant.name else ""
        self.header.value = (f"<h2>{escape(self.session.title)}</h2>"
                             f'<p class="kit-joined">{self.t("participant.joined_as", group=group + name)}</p>')
        other = w.Button(description=self.t("participant.not_me"), layout=w.Layout(width="auto"))
        other.on_click(lambda _: self.not_me())
        self.activity_box = w.VBox()
        self.body.children = [self.activity_box, other]
        self.poller = Poller(lambda: self.store.revision(self.session.id), self.refresh, interval=1.0)
        self.poller.check()
        self.poller.start()

    def refresh(self, revision=None) -> None:
        session = self.store.session(self.session.id)
        if session is None:
            self.poller.stop()
            self.activity_box.children = []
            self.message.show(self.t("error.session_gone"), "error")
            return
        self.session = session
        if not session.is_open:
            self.activity_box.children = [w.HTML(f"<p>{self.t('participant.session_closed')}</p>")]
            self.views = {}
            return
        views = participant_views()
        open_now = [a for a in session.open_activities if a in views]
        for activity in list(self.views):
            if activity not in open_now:
                del self.views[activity]
        for activity in open_now:
            if activity in self.views:
                self.views[activity].refresh(session)
            else:
                self.views[activity] = views[activity](self.store, session, self.participant, self.lang)
        shown = [self.views[a] for a in open_now] or [self._waiting()]
        if list(self.activity_box.children) != shown:
            self.activity_box.children = shown

    def _waiting(self) -> w.HTML:
        if not hasattr(self, "_waiting_note"):
            self._waiting_note = w.HTML(f'<p class="kit-waiting">{self.t("participant.waiting")}</p>')
        return self._waiting_note
