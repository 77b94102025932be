"""The presentation screen: what the room sees on the projector, and nothing that is the facilitator's.

``<base>kit/<CODE>/scherm`` opens in a second window of the facilitator's browser. The
facilitator cookie (``kit_f_<CODE>``, which this module's ``KeyHandler`` sets when the dashboard
hands over the key) unlocks it; on another computer the key can be typed once. The screen shows
how to join (code, short link, a QR code sized to the screen, live counts per group), the open
activity's question in large type, and the room's results only once the facilitator shows them
to the participants. Once someone has
joined or results are shown, how to join shrinks to a strip along the top; results taller
than the screen are paged by static/presenter.js (→ and ← on the laptop or a clicker). No
key, link, import, merge or delete control is ever on it. It follows the session live over
the same Server-Sent Events as the phones, without a kernel.
"""

import os
from dataclasses import dataclass

import tornado.web
from jupyter_server.auth.decorator import allow_unauthenticated

from ..activities import BY_KEY
from ..i18n import error_message, pick, t
from ..model.links import ADDRESS_KEY, KEY, SCREEN, facilitator_cookie, participant_link
from ..model.runsheet import STATE as TAFEL_STATE
from ..model.runsheet import session_steps
from ..model.sessions import normalize_code
from ..model.validation import InputError
from ..render.join import qr_data_uri
from ..texts import topic_label
from .base import CODE, KitHandler, cookie_key, session_end
from .events import EventsHandler
from .live import public_state
from .visit import Html, Redirect


@dataclass(frozen=True)
class Shown:
    """One open activity on the screen: its question, how many answered, its results once revealed."""

    key: str
    label: str
    question: str
    answered: int
    results: list  # HTML fragments, shown side by side where they fit


def join_base(store, session, request_base: str) -> str:
    """The address phones use: the facilitator's choice on the dashboard, the configured one, or this one."""
    chosen = store.state(session.id, SCREEN).get(ADDRESS_KEY)
    return chosen or os.environ.get("KIT_PUBLIC_URL", "").strip() or request_base


def tafel_step(store, session, lang) -> str:
    """'Stap 3 van 7: …' while a publieke waarde tafel runs this session, else ''."""
    state = store.state(session.id, TAFEL_STATE)
    if "step" not in state:
        return ""
    all_steps = session_steps(session.activities)
    index = max(0, min(len(all_steps) - 1, int(state["step"])))
    return t("screen.step", lang, n=index + 1, total=len(all_steps), title=pick(all_steps[index]["title"], lang))


def screen_page(visit, request_base: str) -> Html:
    store, session = visit.store, visit.session
    counts = store.participant_counts(session.id)
    answered = store.answer_counts(session.id)
    topic = topic_label(session.topic, visit.lang).lower()
    shown = []
    for key in session.open_activities:
        activity = BY_KEY.get(key)
        if activity is None:
            continue
        page = activity.part("page", "Page")()
        shown.append(
            Shown(
                key,
                activity.label(visit.lang),
                visit.t(
                    f"screen.question.{key}",
                    topic=topic,
                    municipality=session.municipality or visit.t("screen.municipality_unknown"),
                ),
                sum(answered.get(key, {}).values()),
                page.screen_results(visit),
            )
        )
    link = participant_link(join_base(store, session, request_base), session.code)
    groups = [(g.label, counts.get(g.key, 0)) for g in session.groups]
    total = sum(counts.values())
    return visit.render(
        "scherm.html",
        shown=shown,
        link=link,
        short_link=link.split("://", 1)[-1],
        qr=qr_data_uri(link),
        groups=groups,
        total=total,
        compact=bool(total) or any(item.results for item in shown),  # the big QR code has done its work
        step=tafel_step(store, session, visit.lang),
        subtitle=" · ".join(x for x in (session.municipality, topic_label(session.topic, visit.lang)) if x),
    )


def remember_key(handler: KitHandler, code: str, key: str, session) -> None:
    """The facilitator cookie: set by the server only, sent to this kit's pages only, never readable by a script.

    It ends when the session would be deleted (``session_end``), as the participants' cookies do.
    """
    handler.set_cookie(
        facilitator_cookie(code),
        key,
        path=handler.base_url,  # the dashboard (voila/...), the screen and the files (kit/...)
        samesite="Strict",
        httponly=True,
        secure=handler.is_https(),
        expires=session_end(session),
    )


def keyed_session(handler: KitHandler, code: str, key: str):
    """The session if ``key`` is its facilitator key, else None (runs in a worker thread)."""
    store = handler.kit.store()
    if handler.session_of(store, code) is None:
        return None
    try:
        return store.facilitator_session(code, key)
    except InputError:
        return None


class KeyHandler(KitHandler):
    """POST ``<base>kit/<CODE>/sleutel``: the dashboard hands over the facilitator key, the answer sets the cookie.

    The dashboard is a Voila page: its kernel knows the key but cannot answer the browser, so the page's
    script (``kit.js``) posts it here with the page's CSRF token. A right key sets the cookie (204), a wrong
    one sets nothing (403); an empty key forgets the cookie (the session was deleted).
    """

    @allow_unauthenticated
    async def post(self, code):
        code = normalize_code(code)
        key = self.form().get("key").strip()
        if not key:
            self.clear_cookie(facilitator_cookie(code), path=self.base_url)
            self.set_status(204)
            self.finish()
            return
        known = await self.call(keyed_session, self, code, key)
        if isinstance(known, Html):  # this address guessed too many codes
            self.send(known)
            return
        if not known:
            raise tornado.web.HTTPError(403)
        remember_key(self, code, key, known)
        self.set_status(204)
        self.finish()


class ScreenHandler(KitHandler):
    """GET the screen; POST the facilitator key once on a computer that has no cookie yet."""

    def request_base(self) -> str:
        scheme = "https" if self.is_https() else self.request.protocol
        return f"{scheme}://{self.request.host}{self.base_url}"

    @allow_unauthenticated
    async def get(self, code):
        if not self.canonical(code, f"/{SCREEN}"):
            return
        self.send(
            await self.call(
                self.page, code, cookie_key(self, code), self.xsrf_form_html(), self.language_choice(), None
            )
        )

    @allow_unauthenticated
    async def post(self, code):
        typed = self.form().get("key").strip()
        outcome = await self.call(
            self.page, normalize_code(code), typed, self.xsrf_form_html(), self.language_choice(), typed
        )
        if isinstance(outcome, Redirect):  # the right key: remember it in this browser
            session = await self.call(keyed_session, self, normalize_code(code), typed)
            if session is not None and not isinstance(session, Html):
                remember_key(self, normalize_code(code), typed, session)
        self.send(outcome)

    def page(self, code, key, xsrf, lang, typed):
        """Runs in a worker thread; ``typed`` is the key from the form, None on a plain GET."""
        store = self.kit.store()
        session = self.session_of(store, code)
        visit = self.visit(session, None, lang or (session.language if session else ""))
        visit.store, visit.xsrf = store, xsrf
        if session is None:
            return visit.render("message.html", 404, message=visit.t("error.session_gone"))
        try:
            store.facilitator_session(code, key)
        except InputError as error:
            errors = {"key": error_message(error, visit.lang)} if typed is not None else {}
            return visit.render("scherm_sleutel.html", errors=errors)
        if typed is not None:
            return Redirect(self.request.path)
        visit.state = public_state(store, session)
        visit.events = f"{visit.base}{SCREEN}/events"
        if not session.is_open:
            return visit.render("message.html", message=visit.t("screen.closed"))
        return screen_page(visit, self.request_base())


class ScreenEventsHandler(EventsHandler):
    """``<base>kit/<CODE>/scherm/events``: the phones' live stream, for the holder of the facilitator key."""

    def credential(self, code: str) -> str:
        return cookie_key(self, code)

    def _session_of(self, code, key):
        """``(session id, None)`` for the facilitator key's holder (no cap per holder: a screen or two), else None."""
        try:
            return self.kit.store().facilitator_session(code, key).id, None
        except InputError:
            return None


default_handlers = [
    (rf"/{CODE}/{KEY}", KeyHandler),
    (rf"/{CODE}/{SCREEN}/events", ScreenEventsHandler),
    (rf"/{CODE}/{SCREEN}/?", ScreenHandler),
]
