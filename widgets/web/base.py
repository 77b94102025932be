"""What every handler of the participant pages shares: ``KitHandler``, cookies, the code in an address.

The handlers are thin: they parse, call a page in a worker thread, send. They are reachable
without a Jupyter token on purpose (``allow_unauthenticated``): the join link grants taking part
in one session and nothing else. They are plain ``RequestHandler`` classes, not Jupyter's, so
nothing of Jupyter's own API is reachable through them.

Each handler module ends in ``default_handlers``: its URL rules as ``(pattern, handler[, options])``,
the pattern relative to ``<base>kit`` (as JupyterHub's handler modules do); ``routes.py`` joins them.
"""

import datetime
import functools
import logging
import re
from urllib.parse import unquote

import tornado.web
from jupyter_server.auth.decorator import allow_unauthenticated
from tornado import httputil
from tornado.log import app_log

from ..i18n import languages, normalize_language
from ..model.links import facilitator_cookie
from ..model.sessions import is_valid_code, normalize_code
from ..settings import retention_days
from ..store import StoreUnavailable
from .limits import request_key
from .live import public_state
from .logs import masked_path
from .reads import RequestReads
from .service import STATIC, static_folders
from .visit import ONCE, ONCE_KEY, Form, Html, Redirect, Visit

log = logging.getLogger(__name__)

COOKIE_DAYS = 30  # the language chosen (kit_lang): a preference, not about anyone
CODE = r"([A-Za-z0-9\-]{1,16})"  # a session's code in an address, as typed (normalised by ``canonical``)
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


class TooManyGuesses(Exception):
    """This address tried too many codes that do not exist; every code page answers 429 for a while."""


def participant_cookie(code: str) -> str:
    return f"kit_p_{code}"


def session_end(session) -> datetime.datetime:
    """When the kit deletes ``session`` if nothing more happens in it: a cookie of the session ends then too."""
    return datetime.datetime.fromtimestamp(session.purge_at(retention_days()), datetime.UTC)


def cookie_key(handler, code: str) -> str:
    """The facilitator key this browser holds for session ``code`` (set by the dashboard, or typed on the screen)."""
    return unquote(handler.get_cookie(facilitator_cookie(code), ""))


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
        if hasattr(self.request.connection, "set_body_timeout"):  # also where the kit does not own the server
            self.request.connection.set_body_timeout(self.kit.body_timeout)
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

    def _request_summary(self) -> str:
        """What Tornado writes about this request next to an error: no address or code unless turned on."""
        if self.kit.log_addresses:
            return super()._request_summary()
        return f"{self.request.method} {masked_path(self.request.path)}"

    def log_exception(self, typ, value, tb):
        """An uncaught error's log entry without the request's repr (it names the address and the path)."""
        if self.kit.log_addresses or isinstance(value, tornado.web.HTTPError):
            return super().log_exception(typ, value, tb)
        app_log.error("Uncaught exception %s", self._request_summary(), exc_info=(typ, value, tb))

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
            if not Form.decodes(self.request.body_arguments):  # refused, never silently turned into U+FFFD
                self.set_status(400)
                self.finish(self.message_page("error.bad_encoding"))
                raise tornado.web.Finish()
            once = Form(self.request.body_arguments).get(ONCE)
            if once and not ONCE_KEY.fullmatch(once):  # the idempotency key as the page wrote it, or none
                self.set_status(400)
                self.finish(self.message_page("error.bad_form"))
                raise tornado.web.Finish()
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

    def set_participant(self, code: str, token: str, expires: datetime.datetime) -> None:
        """The participant's cookie, ending when the session would be deleted (``session_end``), never later."""
        self.set_cookie(
            participant_cookie(code),
            token,
            path=self.kit_url,
            httponly=True,
            samesite="Lax",
            secure=self.is_https(),
            expires=expires,
        )

    def forget_participant(self, code: str) -> None:
        self.clear_cookie(participant_cookie(code), path=self.kit_url)

    @functools.cached_property
    def address_key(self) -> str:
        """Who is asking, as the server knows it (``limits.request_key``: an IPv6 client by its /64):
        the key of every per-address limit."""
        return request_key(self.request, self.kit.trusted_proxies)

    def session_of(self, store, code: str):
        """The session of ``code`` or None; each miss counts against the address (``TooManyGuesses`` when spent).

        Every page that looks a code up goes through here, so guessing codes is as slow on
        ``kit/<CODE>``, its screen and its results as on the code form.
        """
        address = self.address_key
        if self.kit.unknown_codes.spent(address):
            raise TooManyGuesses()
        session = store.session_by_code(code) if is_valid_code(code) else None
        if session is None:
            self.kit.unknown_codes.allow(address)
        return session

    def message_page(self, key: str, lang: str = None, **values) -> str:
        visit = self.visit(None, None, lang or self.get_cookie("kit_lang", ""))
        return visit.render("message.html", message=visit.t(key, **values)).body

    def arrive(self, code, token, xsrf, lang, extra=None):
        """``(visit, None)`` for a request to session ``code``, or ``(visit, page)`` to show instead.

        Runs in a worker thread. A token of another session counts as no participant.
        """
        store = RequestReads(self.kit.store())  # what the page reads, read once for this request
        session = self.session_of(store, code)
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

    def redirect(self, url: str, permanent: bool = False, status: int | None = None) -> None:
        """A 303 after a post; to the pages' own script (which resends a post a proxy lost) the address, as a header.

        A script's fetch follows a redirect by itself and loses the address's ``#part``, so
        ``participant.js`` asks (``X-Kit-Fetch``) to be told where to go and loads it as a browser would.
        """
        if self.request.method == "POST" and self.request.headers.get("X-Kit-Fetch") == "1":
            self.set_status(204)
            self.set_header("X-Kit-Location", url)
            self.finish()
            return
        super().redirect(url, permanent, status)

    def compute_etag(self):
        """None: every page is ``no-store`` (never cached): hashing each body for an Etag is work for nothing."""
        return None

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
        except TooManyGuesses:
            return Html(self.message_page("error.too_many_tries"), 429)
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


# An activity's files first: the kit's own rule would match their addresses too.
default_handlers = [
    *[
        (rf"/static/{re.escape(at)}(.*)", StaticHandler, {"path": str(folder)})
        for at, folder in static_folders().items()
        if at
    ],
    (r"/static/(.*)", StaticHandler, {"path": str(STATIC)}),
]
