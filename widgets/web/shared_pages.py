"""Pages that are the same for every phone but their form's hidden fields, rendered once.

A room's phones all ask for the same join form within seconds. It shows nothing of the phone:
the session's title, groups and privacy notice, in one language. So it is rendered once per
everything it shows (the cache key: the session as read from the store on this request, less
what changes with every join, plus the notice's facts, the language and the address) and every
phone gets that text with its own CSRF token and idempotency key put in where the form's hidden
fields go (``FormFields``, one new key per form). The session is still read on every request,
so a changed title, group or language, a closed or deleted session shows at once.
"""

import dataclasses
import secrets
import threading
from collections import OrderedDict

from .visit import FormFields

# Where a form's hidden fields go in a shared page: it starts with '<', which autoescape writes as
# '&lt;' in anything typed, so no text of a session can contain it; random per process.
SLOT = f"<!--kit-form-fields-{secrets.token_hex(8)}-->"


class Slot(FormFields):
    """``{{ xsrf }}`` in a page rendered to be shared: a marker, filled per request by ``fill``."""

    def __init__(self):
        super().__init__("")

    def __html__(self) -> str:
        return SLOT


def fill(body: str, xsrf: str) -> str:
    """The shared page with this request's CSRF field and a new idempotency key in each of its forms."""
    parts = body.split(SLOT)
    if len(parts) == 1:
        return body
    out = [parts[0]]
    for part in parts[1:]:
        out.append(FormFields(xsrf).__html__())
        out.append(part)
    return "".join(out)


def session_key(session):
    """What of a session a shared page may show: all of it but what every join changes (revision, last activity)."""
    return dataclasses.replace(session, revision=0, updated_at=0.0)


class SharedPages:
    """Rendered pages by key, the least recently used dropped beyond ``size`` (a few KB each)."""

    def __init__(self, size: int = 256):
        self.size = size
        self._pages = OrderedDict()
        self._lock = threading.Lock()  # pages are rendered in worker threads
        self.hits = self.misses = 0

    def get(self, key, render) -> str:
        """The page for ``key``, from ``render()`` the first time (with ``Slot()`` as its ``xsrf``)."""
        with self._lock:
            body = self._pages.get(key)
            if body is not None:
                self._pages.move_to_end(key)
                self.hits += 1
                return body
        body = render()
        with self._lock:
            self.misses += 1
            self._pages[key] = body
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)
        return body
