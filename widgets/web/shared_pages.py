"""Pages that are the same for every phone but their form's hidden fields, rendered once.

A room's phones all ask for the same join form within seconds. It shows nothing of the phone:
the session's title, groups and privacy notice, in one language. So it is rendered once per
everything it shows (the cache key: the session as read from the store on this request, less
what changes with every join, plus the notice's facts, the language and the address) and every
phone gets that text with its own CSRF token and idempotency key put in where the form's hidden
fields go (``FormFields``, one new key per form). The session is still read on every request,
so a changed title, group or language, a closed or deleted session shows at once.

A participant's first page of an activity, before they answered, is shared the same way
(``shared_page``) by the participants of one group: it is drawn for a participant without a token,
a reference or a name, and each phone gets its own hidden fields, its own key for a new answer
(``FRESH``) and its own name in the footer. A page that shows anything the participant gave (an
answer, a message, typed text) or the room's results is never shared.
"""

import dataclasses
import re
import secrets
import threading
from collections import OrderedDict

from markupsafe import escape

from ..model.sessions import Session
from .visit import FormFields, Html

# Where a form's hidden fields go in a shared page: it starts with '<', which autoescape writes as
# '&lt;' in anything typed, so no text of a session can contain it; random per process.
SLOT = f"<!--kit-form-fields-{secrets.token_hex(8)}-->"
# Where a new answer's key goes (12 hex digits, as ``secrets.token_hex(6)``), and the participant's name: the name
# passes through the template's escaping, so its mark has no character that escaping changes; random per process.
FRESH_MARK = f"<!--kit-fresh-{secrets.token_hex(8)}-->"
NAME_MARK = f"\ue000kit-name-{secrets.token_hex(8)}\ue000"
_MARKS = re.compile("(" + "|".join(re.escape(mark) for mark in (SLOT, FRESH_MARK, NAME_MARK)) + ")")


class Slot(FormFields):
    """``{{ xsrf }}`` in a page rendered to be shared: a marker, filled per request by ``fill``."""

    def __init__(self):
        super().__init__("")

    def __html__(self) -> str:
        return SLOT


class Fresh:
    """``{{ item }}`` in a page rendered to be shared: a new answer's key, a new one for every phone (``fill``)."""

    def __html__(self) -> str:
        return FRESH_MARK


FRESH = Fresh()


class Pieces(tuple):
    """A shared page cut at its marks once, when it is kept: the text between them at even places, the marks at odd
    ones, so each phone's copy is a join, not a search through the page."""

    @classmethod
    def of(cls, body: str) -> "Pieces":
        return cls(_MARKS.split(body))


def fill(body, xsrf: str, name: str = "") -> str:
    """The shared page (a ``str`` or its ``Pieces``) with this request's CSRF field and a new idempotency key in
    each of its forms, a new key for each new answer and ``name`` (escaped) where the participant's name goes.
    Nothing put in is looked at again."""
    pieces = list(body if isinstance(body, Pieces) else Pieces.of(body))
    for place in range(1, len(pieces), 2):
        mark = pieces[place]
        if mark == SLOT:
            pieces[place] = FormFields(xsrf).__html__()
        else:
            pieces[place] = secrets.token_hex(6) if mark == FRESH_MARK else str(escape(name))
    return "".join(pieces)


_SHOWN = tuple(f.name for f in dataclasses.fields(Session) if f.name not in ("revision", "updated_at"))


def session_key(session) -> tuple:
    """What of a session a shared page may show: all of it but what every join changes (revision, last activity)."""
    return tuple(getattr(session, name) for name in _SHOWN)


def shared_page(visit, template: str, key, context) -> Html:
    """``template`` as a participant of ``visit``'s group sees it before giving anything, rendered once per everything
    it shows and shared: ``key`` is what the page adds to the session, language, address, live state and group;
    ``context()`` the template's values (called only when the page is not kept), with ``FRESH`` for a new answer's
    key. Drawn for a participant without token, reference or name; each phone's name goes in afterwards."""
    me = visit.participant
    whole = (template, session_key(visit.session), visit.lang, visit.path, visit.state, visit.events)
    whole += (me.group_key, bool(me.name), key)

    def render() -> str:
        anonymous = dataclasses.replace(me, token="", ref="", name=NAME_MARK if me.name else "")
        body = dataclasses.replace(visit, participant=anonymous).render(template, xsrf_fields=Slot(), **context()).body
        if me.name and NAME_MARK not in body:  # the name is drawn in a way the mark does not survive
            raise _NotShareable()
        return body

    try:
        body = visit.kit.shared_pages.get(whole, render)
    except _NotShareable:
        body = visit.render(template, **context()).body  # this phone's own fields, and its name as it is
    return Html(fill(body, visit.xsrf, me.name))


class _NotShareable(Exception):
    """A page that cannot be shared after all: rendered for this phone alone."""


class SharedPages:
    """Rendered pages by key, the least recently used dropped beyond ``size`` (a few KB each)."""

    def __init__(self, size: int = 256):
        self.size = size
        self._pages = OrderedDict()
        self._lock = threading.Lock()  # pages are rendered in worker threads
        self.hits = self.misses = 0

    def get(self, key, render) -> Pieces:
        """The page for ``key`` (cut for ``fill``), from ``render()`` the first time (with ``Slot()`` as its
        ``xsrf``)."""
        with self._lock:
            body = self._pages.get(key)
            if body is not None:
                self._pages.move_to_end(key)
                self.hits += 1
                return body
        body = Pieces.of(render())
        with self._lock:
            self.misses += 1
            self._pages[key] = body
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)
        return body
