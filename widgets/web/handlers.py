"""The participant pages' Tornado handlers: thin, they parse, call a page in a worker thread, send.

Reachable without a Jupyter token on purpose (``allow_unauthenticated``): the join link grants
taking part in one session and nothing else. They are plain ``RequestHandler`` classes, not
Jupyter's, so nothing of Jupyter's own API is reachable through them.
"""

import asyncio
import logging
import secrets

import tornado.web
from jupyter_server.auth.decorator import allow_unauthenticated
from tornado import httputil
from tornado.iostream import StreamClosedError

from ..activities import BY_KEY
from ..i18n import error_message, languages, normalize_language, t
from ..model.sessions import is_valid_code, normalize_code
from ..model.validation import InputError
from ..store import StoreUnavailable
from .live import public_state
from .visit import Form, Html, Redirect, Visit

log = logging.getLogger(__name__)

COOKIE_DAYS = 30
BROWSER_COOKIE = "kit_b"  # one random value per browser, for the limit on joins per browser
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def participant_cookie(code: str) -> str:
    return f"kit_p_{code}"


@tornado.web.stream_request_body
class KitHandler(tornado.web.RequestHandler):
    """Security headers, a capped body, CSRF on every POST, store calls off the event loop."""

    def initialize(self, kit, base_url: str):
        self.kit = kit
        self.base_url = base_url
        self.kit_url = f"{base_url}kit/"
        self._chunks, self._size, self._body_read = [], 0, False

    # ------------------------------------------------------------------ request
    def set_default_headers(self):
        self.set_header("Content-Security-Policy", CSP)
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("X-Frame-Options", "DENY")
        self.set_header("Cache-Control", "no-store")

    def prepare(self):
        self.kit.touch()
        length = self.request.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > self.kit.max_body_bytes:
            self.too_large()

    def data_received(self, chunk: bytes):
        if self._finished:
            return
        self._size += len(chunk)
        if self._size > self.kit.max_body_bytes:
            self.too_large()
            return
        self._chunks.append(chunk)

    def too_large(self):
        self.set_status(413)
        self.finish(self.message_page("error.too_large"))
        self.request.connection.close()

    def check_xsrf_cookie(self):
        """Checked once the body is read (the form's hidden field), also where Jupyter checks earlier."""
        if not self._body_read:
            return
        if self.request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
            raise tornado.web.HTTPError(403, "cross-site form")
        super().check_xsrf_cookie()

    def form(self) -> Form:
        if not self._body_read:
            self._body_read = True
            body = b"".join(self._chunks)
            arguments, files = {}, {}
            httputil.parse_body_arguments(self.request.headers.get("Content-Type", ""), body, arguments, files)
            for name, values in arguments.items():
                self.request.body_arguments.setdefault(name, []).extend(values)
                self.request.arguments.setdefault(name, []).extend(values)
            self.check_xsrf_cookie()
        return Form(self.request.body_arguments)

    # --------------------------------------------------------------- language
    def language_choice(self) -> str:
        """The language the participant chose (``?lang=``, remembered in a cookie), or '' for the session's."""
        asked = self.get_query_argument("lang", "")
        if asked in languages():
            self.set_cookie("kit_lang", asked, path=self.kit_url, samesite="Lax", expires_days=COOKIE_DAYS)
            return asked
        remembered = self.get_cookie("kit_lang", "")
        return remembered if remembered in languages() else ""

    # -------------------------------------------------------------- responses
    def is_https(self) -> bool:
        return self.request.protocol == "https" or self.request.headers.get("X-Forwarded-Proto") == "https"

    def set_participant(self, code: str, token: str) -> None:
        self.set_cookie(
            participant_cookie(code),
            token,
            path=self.kit_url,
            httponly=True,
            samesite="Lax",
            secure=self.is_https(),
            expires_days=COOKIE_DAYS,
        )

    def forget_participant(self, code: str) -> None:
        self.clear_cookie(participant_cookie(code), path=self.kit_url)

    def message_page(self, key: str, lang: str = None, **values) -> str:
        visit = self.visit(None, None, lang or self.get_cookie("kit_lang", ""))
        return visit.render("message.html", message=visit.t(key, **values)).body

    def arrive(self, code, token, xsrf, lang, extra=None):
        """``(visit, None)`` for a request to session ``code``, or ``(visit, page)`` to show instead.

        Runs in a worker thread. A token of another session counts as no participant.
        """
        store = self.kit.store()
        session = store.session_by_code(code) if is_valid_code(code) else None
        participant = store.participant(token) if token else None
        if participant is not None and (session is None or participant.session_id != session.id):
            participant = None
        visit = self.visit(session, participant, lang or (session.language if session else ""))
        visit.store, visit.xsrf, visit.extra = store, xsrf, extra or {}
        if session is None and token:  # this phone took part: the facilitator deleted the session
            return visit, visit.render("message.html", 404, message=visit.t("error.session_gone"))
        if session is None:
            return visit, visit.render("code.html", 404, errors={"code": visit.t("error.unknown_code")}, typed=code)
        if not session.is_open:
            return visit, visit.render("message.html", message=visit.t("participant.session_closed"))
        if participant is not None:
            visit.state = public_state(store, session)
        return visit, None

    def canonical(self, code: str, rest: str = "") -> bool:
        """Redirect a code typed in another form (lower case, a dash) to its one address; False if it did."""
        canonical = normalize_code(code)
        if canonical == code:
            return True
        self.redirect(f"{self.kit_url}{canonical}{rest}", status=301 if is_valid_code(canonical) else 303)
        return False

    def visit(self, session, participant, lang) -> Visit:
        return Visit(
            kit=self.kit,
            store=None,
            session=session,
            participant=participant,
            lang=normalize_language(lang),
            kit_url=self.kit_url,
            path=self.request.path,
        )

    def send(self, outcome) -> None:
        if isinstance(outcome, Redirect):
            self.redirect(outcome.url, status=303)
            return
        self.set_status(outcome.status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(outcome.body)

    def write_error(self, status_code: int, **kwargs):
        key = {403: "error.forbidden", 404: "error.not_found", 413: "error.too_large"}.get(status_code, "error.server")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(self.message_page(key))

    async def call(self, fn, *args):
        """A page function in the thread pool; a broken store becomes a clear page, not a traceback.

        A form that could not be saved comes back with everything that was typed in it and a
        button that sends it again, so nothing typed is lost while the store is away.
        """
        try:
            return await self.kit.run(fn, *args)
        except StoreUnavailable:
            log.exception("store unavailable")
            if self.request.method != "POST":
                return Html(self.message_page("error.store_failed"), 503)
            visit = self.visit(None, None, self.get_cookie("kit_lang", ""))
            visit.xsrf = self.xsrf_form_html()
            fields = [
                (name, value) for name, values in self.form().arguments.items() if name != "_xsrf" for value in values
            ]
            typed_names = [name for name, _ in fields if name in ("text", "name") or "note" in name]
            return visit.render(
                "store_failed.html",
                503,
                fields=fields,
                typed_names=typed_names,
                action=self.request.path,
                message=visit.t("error.store_failed"),
            )


class CodeHandler(KitHandler):
    """``<base>kit/``: type the six characters from the screen."""

    @allow_unauthenticated
    async def get(self):
        code = normalize_code(self.get_query_argument("code", ""))
        lang = normalize_language(self.language_choice())
        if code:
            if is_valid_code(code) and await self.call(self._exists, code):
                self.redirect(f"{self.kit_url}{code}", status=303)
                return
            if not self.kit.unknown_codes.allow(self.request.remote_ip):
                self.send(Html(self.message_page("error.too_many_tries", lang), 429))
                return
        visit = self.visit(None, None, lang)
        errors = {"code": t("error.unknown_code", lang)} if code else {}
        self.send(
            await self.kit.run(
                lambda: visit.render("code.html", errors=errors, typed=self.get_query_argument("code", ""))
            )
        )

    def _exists(self, code):
        return self.kit.store().session_by_code(code) is not None


class SessionHandler(KitHandler):
    """``<base>kit/<CODE>``: the join form, or the participant's screen with the open activity."""

    @allow_unauthenticated
    async def get(self, code):
        if not self.canonical(code):
            return
        token = self.get_cookie(participant_cookie(code), "")
        if not token and not self.get_cookie(BROWSER_COOKIE):
            self.set_cookie(BROWSER_COOKIE, secrets.token_urlsafe(12), path=self.kit_url, httponly=True, samesite="Lax")
        self.send(await self.call(self.page, code, token, self.xsrf_form_html(), self.language_choice()))

    def page(self, code, token, xsrf, lang):
        visit, instead = self.arrive(code, token, xsrf, lang)
        if instead is not None:
            return instead
        return home(visit) if visit.participant else join_form(visit)


def join_form(visit, errors=None, form=None, status=200) -> Html:
    groups = [(g.key, g.label, "", "") for g in visit.session.groups]
    return visit.render("join.html", status, errors=errors or {}, form=form or Form(), groups=groups)


def home(visit) -> Html:
    """One open activity: show it. More: a list to choose from. None: wait for the facilitator."""
    open_now = [BY_KEY[a] for a in visit.session.open_activities if a in BY_KEY]
    if len(open_now) == 1:
        return open_now[0].part("page", "Page")().get(visit, "")
    return visit.render("home.html", open_now=open_now)


class JoinHandler(KitHandler):
    """POST ``<base>kit/<CODE>/join``: group (and optional name) -> a participant and its cookie."""

    @allow_unauthenticated
    async def post(self, code):
        form = self.form()
        token = self.get_cookie(participant_cookie(code), "")
        # The kit's own random browser cookie (set with the join form): under JupyterHub the _xsrf cookie
        # of anonymous visitors is derived from address and browser, the same for a room of identical phones.
        browser = self.get_cookie(BROWSER_COOKIE, "") or self.request.remote_ip
        limited = not (self.kit.joins_browser.allow(browser) and self.kit.joins_address.allow(self.request.remote_ip))
        outcome = await self.call(self.join, code, token, form, limited, self.xsrf_form_html(), self.language_choice())
        if isinstance(outcome, tuple):
            self.set_participant(code, outcome[0])
            outcome = outcome[1]
        self.send(outcome)

    def join(self, code, token, form, limited, xsrf, lang):
        visit, instead = self.arrive(code, token, xsrf, lang)
        if instead is not None:
            return instead
        if visit.participant is not None:
            return visit.redirect()  # a second tap on "Doe mee": the same participant
        if limited:
            return join_form(visit, {"group": visit.t("error.too_many_joins")}, form, 429)
        try:
            participant = visit.store.join(code, form.get("group"), form.get("name"))
        except InputError as error:
            field = "name" if error.params.get("field") == "name" else "group"
            return join_form(visit, {field: error_message(error, visit.lang)}, form)
        return participant.token, visit.redirect()


class NotMeHandler(KitHandler):
    """POST ``<base>kit/<CODE>/not-me``: forget this phone's participant (a shared device)."""

    @allow_unauthenticated
    async def post(self, code):
        self.form()
        self.forget_participant(code)
        self.redirect(f"{self.kit_url}{code}", status=303)


class ActivityHandler(KitHandler):
    """``<base>kit/<CODE>/<activity>[/<step>]``: one activity's page, its forms and their answers."""

    @allow_unauthenticated
    async def get(self, code, key, rest):
        await self.handle(code, key, rest or "", None)

    @allow_unauthenticated
    async def post(self, code, key, rest):
        await self.handle(code, key, rest or "", self.form())

    async def handle(self, code, key, rest, form):
        if key not in BY_KEY:
            raise tornado.web.HTTPError(404)
        token = self.get_cookie(participant_cookie(code), "")
        extra = {name: self.get_query_argument(name) for name in self.request.query_arguments}
        self.send(
            await self.call(
                self.page, code, key, rest, form, token, self.xsrf_form_html(), self.language_choice(), extra
            )
        )

    def page(self, code, key, rest, form, token, xsrf, lang, extra):
        visit, instead = self.arrive(code, token, xsrf, lang, extra)
        if instead is not None:
            return instead
        if visit.participant is None:
            return visit.redirect()
        session = visit.session
        page = BY_KEY[key].part("page", "Page")()
        if key not in session.open_activities:
            if form is None:
                return visit.redirect()
            return page.closed(visit, rest, form)
        return page.get(visit, rest) if form is None else page.post(visit, rest, form)


class EventsHandler(KitHandler):
    """``<base>kit/<CODE>/events``: Server-Sent Events telling the page when to follow the facilitator."""

    def credential(self, code: str) -> str:
        return self.get_cookie(participant_cookie(code), "")

    @allow_unauthenticated
    async def get(self, code):
        session = await self.call(self._session_of, code, self.credential(code))
        if not isinstance(session, str):
            raise tornado.web.HTTPError(404)
        self.set_header("Content-Type", "text/event-stream")
        self.set_header("X-Accel-Buffering", "no")
        self._queue = []
        self._wake = asyncio.Event()
        self.kit.hub.subscribe(self.kit.store(), session, self._push)
        first = self.kit.hub.message(session)
        try:
            self.write("retry: 2000\n\n")
            if first:
                self.write(f"data: {first}\n\n")
            await self.flush()
            while True:
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=20)
                except TimeoutError:
                    self._queue.append(None)  # a comment keeps proxies from closing an idle stream
                self._wake.clear()
                while self._queue:
                    item = self._queue.pop(0)
                    self.write(": ping\n\n" if item is None else f"data: {item}\n\n")
                self.kit.touch()
                await self.flush()
        except StreamClosedError:
            pass
        finally:
            self.kit.hub.unsubscribe(session, self._push)

    def _push(self, text: str) -> None:
        self._queue.append(text)
        self._wake.set()

    def on_connection_close(self):
        if hasattr(self, "_wake"):
            self._queue.append(None)
            self._wake.set()

    def _session_of(self, code, token):
        store = self.kit.store()
        participant = store.participant(token)
        session = store.session_by_code(code)
        if participant is None or session is None or participant.session_id != session.id:
            return None
        return session.id


class StaticHandler(tornado.web.StaticFileHandler):
    """The pages' own script and stylesheet, cached for a long time (their address carries a version)."""

    def set_default_headers(self):
        self.set_header("X-Content-Type-Options", "nosniff")

    @allow_unauthenticated
    def get(self, path, include_body=True):
        return super().get(path, include_body)

    @allow_unauthenticated
    def head(self, path):
        return super().head(path)


def handlers(base_url: str, kit) -> list:
    """The URL rules of the participant pages under ``base_url`` (which ends in '/')."""
    from .downloads import download_handlers
    from .presenter import screen_handlers
    from .results import results_handlers
    from .service import STATIC

    code = r"([A-Za-z0-9\-]{1,16})"
    options = {"kit": kit, "base_url": base_url}
    root = f"{base_url}kit"
    return [
        *screen_handlers(root, code, options),
        *download_handlers(root, code, options),
        *results_handlers(root, code, options),
        (rf"{root}/static/(.*)", StaticHandler, {"path": str(STATIC)}),
        (rf"{root}/?", CodeHandler, options),
        (rf"{root}/{code}/?", SessionHandler, options),
        (rf"{root}/{code}/join", JoinHandler, options),
        (rf"{root}/{code}/not-me", NotMeHandler, options),
        (rf"{root}/{code}/events", EventsHandler, options),
        (rf"{root}/{code}/([a-z]+)(?:/(.*))?", ActivityHandler, options),
    ]
