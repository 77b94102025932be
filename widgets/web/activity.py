"""``<base>kit/<CODE>/<activity>[/<step>]``: an activity's participant page, found in the registry by its key."""

import tornado.web
from jupyter_server.auth.decorator import allow_unauthenticated

from ..activities import BY_KEY
from .base import CODE, KitHandler, participant_cookie
from .visit import ONCE


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
        visit.once = form.get(ONCE) if form is not None else ""  # a resent post stores nothing twice
        session = visit.session
        page = BY_KEY[key].part("page", "Page")()
        if key not in session.open_activities:
            if form is None:
                return visit.redirect()
            return page.closed(visit, rest, form)
        return page.get(visit, rest) if form is None else page.post(visit, rest, form)


# The catch-all of the participant pages: ``routes.py`` places it after every other rule.
default_handlers = [(rf"/{CODE}/([a-z]+)(?:/(.*))?", ActivityHandler)]
