"""The privacy notice: short on the join form, whole at ``<base>kit/privacy`` and ``<base>kit/<CODE>/privacy``.

What is stored, for how long, who sees what and who is responsible (the AVG's controller, named by
the administrator: ``KIT_CONTROLLER_NAME``, ``KIT_CONTROLLER_CONTACT``). Every participant page links
here from its footer. With a code the page gives that session's deletion date; an unknown code counts
as a guess (``session_of``), so the page tells no one which codes exist.
"""

import functools
import os

from jupyter_server.auth.decorator import allow_unauthenticated

from ..dates import date_in_words
from ..i18n import t
from ..settings import controller, min_group, retention_days
from .base import CODE, KitHandler

_DAYS: dict = {}  # (quarter of an hour, language, time zone) -> the day in words (Babel), not on every join form
QUARTER = 15 * 60


def day_in_words(stamp: float, lang: str) -> str:
    """``dates.date_in_words``, which says only the local day: worked out once per quarter of an hour (every time
    zone's day starts on one) and language."""
    key = (int(stamp // QUARTER), lang, os.environ.get("KIT_TIMEZONE", ""))
    words = _DAYS.get(key)
    if words is None:
        if len(_DAYS) > 1024:
            _DAYS.clear()
        words = _DAYS[key] = date_in_words(stamp, lang)
    return words


def notice(visit) -> dict:
    """The facts both notices say, in the visit's language: controller, days kept, the date, k."""
    name, contact = controller()
    session = visit.session
    days = (session.retention_days if session else None) or retention_days()
    if not name and session is not None and session.municipality:
        name = session.municipality  # the facilitator's own organisation, as the session names it
    until = day_in_words(session.purge_at(days), visit.lang) if session else ""
    return dict(_facts(os.environ.get("KIT_LOCALE_DIR", ""), visit.lang, name, contact, days, until, min_group()))


@functools.lru_cache(maxsize=256)
def _facts(_catalogs: str, lang: str, name: str, contact: str, days: int, until: str, k: int) -> tuple:
    """The notice's sentences, translated once per what they say and the catalogs' folder (every join form shows
    them)."""
    return (
        ("responsible", t("privacy.controller", lang, name=name) if name else t("privacy.controller_unknown", lang)),
        ("contact", t("privacy.contact", lang, contact=contact) if contact else ""),
        ("days", days),
        ("until", t("privacy.until", lang, date=until) if until else ""),
        ("k", k),
    )


class NoticeHandler(KitHandler):
    """GET the whole privacy notice, of one session (its date) or of the kit."""

    @allow_unauthenticated
    async def get(self, code=None):
        if code is not None and not self.canonical(code, "/privacy"):
            return
        self.send(await self.call(self.page, code, self.language_choice()))

    def page(self, code, lang):
        store = self.kit.store() if code else None
        session = self.session_of(store, code) if code else None
        visit = self.visit(session, None, lang or (session.language if session else ""))
        return visit.render("privacy.html", notice=notice(visit))


default_handlers = [
    (r"/privacy", NoticeHandler),
    (rf"/{CODE}/privacy", NoticeHandler),
]
