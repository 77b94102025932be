"""One participant's request as the pages see it: session, participant, language, addresses, rendering.

Pages are plain functions of a Visit: they run in a worker thread (store calls and templates)
and return what the handler sends: ``Html`` or ``Redirect``.
"""

import logging
import re
import secrets
from dataclasses import dataclass, field

from .. import render as render_layer
from ..activities import BY_KEY
from ..i18n import error_message, t
from ..model.validation import InputError
from ..store import StoreUnavailable

log = logging.getLogger(__name__)


ONCE = "_once"  # the hidden field with a form post's idempotency key
ONCE_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")  # as ``FormFields`` writes it


class FormFields:
    """What ``{{ xsrf }}`` writes into a form: the CSRF token and an idempotency key, new for every form.

    The key makes a resend of the same form post (the page's script retrying after a proxy lost the
    answer) store nothing twice (``Store.once``); every form on a page, and every rendering of it,
    gets its own. Without JavaScript the hidden field is there all the same.
    """

    def __init__(self, xsrf: str):
        self.xsrf = xsrf

    def __html__(self) -> str:
        if not self.xsrf:
            return ""
        return f'{self.xsrf}<input type="hidden" name="{ONCE}" value="{secrets.token_urlsafe(18)}"/>'

    def __str__(self) -> str:
        return self.__html__()


@dataclass(frozen=True)
class Html:
    body: str
    status: int = 200


@dataclass(frozen=True)
class Redirect:
    url: str


class Form:
    """The fields of a posted form (last value wins; ``getlist`` for repeated names)."""

    def __init__(self, arguments=None):
        self.arguments = {
            k: [v.decode("utf-8", "replace") if isinstance(v, bytes) else v for v in vs]
            for k, vs in (arguments or {}).items()
        }

    @staticmethod
    def decodes(arguments) -> bool:
        """Every name and value is UTF-8 (a browser's form always is; a crafted post may not be)."""
        try:
            for values in (arguments or {}).values():
                for value in values:
                    if isinstance(value, bytes):
                        value.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True

    def get(self, name: str, default: str = "") -> str:
        values = self.arguments.get(name)
        return values[-1] if values else default

    def getlist(self, name: str) -> list:
        return list(self.arguments.get(name, ()))

    def __contains__(self, name: str) -> bool:
        return name in self.arguments

    def items_with_prefix(self, prefix: str) -> dict:
        return {k[len(prefix) :]: self.get(k) for k in self.arguments if k.startswith(prefix)}


@dataclass
class Visit:
    kit: object  # KitWeb
    store: object
    session: object
    participant: object
    lang: str
    kit_url: str  # "<base>kit/"
    path: str  # the page's own path, for the language switch
    xsrf: str = ""  # the hidden CSRF field, made on the server's event loop
    state: str = ""
    events: str = ""  # the live stream's address, when not the phones' own
    extra: dict = field(default_factory=dict)
    once: str = ""  # the idempotency key of the form being posted (``ONCE``), if any

    @property
    def base(self) -> str:
        """This session's address, ending in '/': ``<base>kit/<CODE>/``."""
        return f"{self.kit_url}{self.session.code}/" if self.session else self.kit_url

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def static(self, name: str) -> str:
        return f"{self.kit_url}static/{name}?v={self.kit.versions.get(name, '0')}"

    def render(self, template: str, status: int = 200, xsrf_fields: FormFields = None, **context) -> Html:
        """``template`` for this visit; ``xsrf_fields``: what ``{{ xsrf }}`` writes (a shared page's slot), else this
        request's CSRF field and a new idempotency key."""
        fields = FormFields(self.xsrf) if xsrf_fields is None else xsrf_fields
        body = render_layer.render(template, self.lang, env=self.kit.env, visit=self, xsrf=fields, **context)
        return Html(body, status)

    def also_open(self) -> list:
        """The open activities other than this page's, as ``(address, label)``: with two open, a phone on one
        of them reaches the other (it stayed on the first, also after a reload)."""
        if self.session is None or self.participant is None or len(self.session.open_activities) < 2:
            return []
        here = self.path.split(self.base, 1)[1].split("/")[0] if self.base in self.path else ""
        if here not in BY_KEY:
            return []  # the session's own page lists them all; other pages are not an activity
        return [
            (self.base + key, BY_KEY[key].label(self.lang))
            for key in self.session.open_activities
            if key in BY_KEY and key != here
        ]

    def redirect(self, path: str = "") -> Redirect:
        return Redirect(self.base + path)

    def save(self, write):
        """Run a store write; ``None`` if it worked, else the message to show (nothing was stored).

        The write belongs to the posted form's idempotency key: the same post again stores nothing
        and gets the same answer (the page shows what the first one stored). One post, one write:
        a second ``save`` in the same post would be taken for a resend of the first.
        """
        try:
            with self.store.once(self.once, self.participant.token if self.participant else ""):
                write()
        except InputError as error:
            return error_message(error, self.lang)
        except StoreUnavailable:
            log.exception("store write failed")
            return self.t("error.store_failed")
        return None
