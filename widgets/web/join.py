"""Joining a session: type the code, the join form, taking part (or not: "not me"), the home screen.

The join link grants taking part in one session and nothing else: these pages need no Jupyter token.
"""

import dataclasses
import time

from jupyter_server.auth.decorator import allow_unauthenticated

from ..activities import BY_KEY
from ..i18n import error_message, normalize_language, t
from ..model.results import RELEASED, RESULTS
from ..model.sessions import normalize_code
from ..model.validation import InputError
from .base import CODE, KitHandler, participant_cookie, session_end
from .notice import notice
from .shared_pages import Slot, fill, session_key
from .visit import ONCE, Form, Html

BROWSER_COOKIE = "kit_b"  # one random id per browser, issued and signed by the server: the limit on joins per browser


class CodeHandler(KitHandler):
    """``<base>kit/``: type the six characters from the screen."""

    @allow_unauthenticated
    async def get(self):
        code = normalize_code(self.get_query_argument("code", ""))
        lang = normalize_language(self.language_choice())
        if code:
            found = await self.call(self._exists, code)
            if isinstance(found, Html):  # too many guesses from this address
                self.send(found)
                return
            if found:
                self.redirect(f"{self.kit_url}{code}", status=303)
                return
        visit = self.visit(None, None, lang)
        errors = {"code": t("error.unknown_code", lang)} if code else {}
        if not code and self.get_query_argument("code", None) is not None:  # sent empty: say so, not the form again
            errors = {"code": t("error.no_code", lang)}
        self.send(
            await self.kit.run(
                lambda: visit.render("code.html", errors=errors, typed=self.get_query_argument("code", ""))
            )
        )

    def _exists(self, code):
        return self.session_of(self.kit.store(), code) is not None


class SessionHandler(KitHandler):
    """``<base>kit/<CODE>``: the join form, or the participant's screen with the open activity."""

    @allow_unauthenticated
    async def get(self, code):
        if not self.canonical(code):
            return
        token = self.get_cookie(participant_cookie(code), "")
        if not token and not self.kit.browser_ids.verified(self.get_cookie(BROWSER_COOKIE, "")):
            issued = self.kit.browser_ids.issue()
            self.set_cookie(BROWSER_COOKIE, issued, path=self.kit_url, httponly=True, samesite="Lax")
        self.send(await self.call(self.page, code, token, self.xsrf_form_html(), self.language_choice()))

    def page(self, code, token, xsrf, lang):
        visit, instead = self.arrive(code, token, xsrf, lang)
        if instead is not None:
            return instead
        return home(visit) if visit.participant else join_form(visit)


def join_form(visit, errors=None, form=None, status=200) -> Html:
    """The join form; a fresh one (no message, nothing typed) is the same for every phone: rendered once and shared
    (``shared_pages``), with each phone's own hidden fields."""
    groups = [(g.key, g.label, "", "") for g in visit.session.groups]
    facts = notice(visit)
    if errors or form is not None or status != 200:
        return visit.render("join.html", status, errors=errors or {}, form=form or Form(), groups=groups, notice=facts)
    key = ("join.html", session_key(visit.session), visit.lang, visit.path, tuple(facts.items()))
    body = visit.kit.shared_pages.get(
        key,
        lambda: visit.render("join.html", xsrf_fields=Slot(), errors={}, form=Form(), groups=groups, notice=facts).body,
    )
    return Html(fill(body, visit.xsrf))


def home(visit) -> Html:
    """One open activity: show it. More: a list to choose from. None: wait for the facilitator, for the first
    activity or, once answers were given (an activity ran and closed), for the next one or the results."""
    open_now = [BY_KEY[a] for a in visit.session.open_activities if a in BY_KEY]
    if len(open_now) == 1:
        return open_now[0].part("page", "Page")().get(visit, "")
    waiting = "participant.waiting"
    if not open_now and visit.store.answer_counts(visit.session.id):
        released = visit.store.state(visit.session.id, RESULTS).get(RELEASED)
        waiting = "participant.closed_released" if released else "participant.closed"
    return visit.render("home.html", open_now=open_now, waiting=waiting)


class JoinHandler(KitHandler):
    """POST ``<base>kit/<CODE>/join``: group (and optional name) -> a participant and its cookie."""

    @allow_unauthenticated
    async def post(self, code):
        form = self.form()
        token = self.get_cookie(participant_cookie(code), "")
        # The kit's own random browser cookie (set with the join form): under JupyterHub the _xsrf cookie
        # of anonymous visitors is derived from address and browser, the same for a room of identical phones.
        address = self.address_key
        browser = self.kit.browser_ids.verified(self.get_cookie(BROWSER_COOKIE, "")) or address  # issued, never chosen
        limited = not (self.kit.joins_browser.allow(browser) and self.kit.joins_address.allow(address))
        outcome = await self.call(
            self.join, code, token, form, limited, browser, self.xsrf_form_html(), self.language_choice()
        )
        if isinstance(outcome, tuple):
            self.set_participant(code, *outcome[:2])
            outcome = outcome[2]
        self.send(outcome)

    def join(self, code, token, form, limited, browser, xsrf, lang):
        visit, instead = self.arrive(code, token, xsrf, lang)
        if instead is not None:
            return instead
        if visit.participant is not None:
            return visit.redirect()  # a second tap on "Doe mee": the same participant
        if limited:
            return join_form(visit, {"group": visit.t("error.too_many_joins")}, form, 429)
        try:
            # The join form's key, per browser: a resend whose first answer (and cookie) a proxy lost
            # gets the participant the first one made, not a second one.
            with visit.store.once(form.get(ONCE), f"join:{browser}"):
                participant = visit.store.join(code, form.get("group"), form.get("name"), session=visit.session)
        except InputError as error:
            field = "name" if error.params.get("field") == "name" else "group"
            return join_form(visit, {field: error_message(error, visit.lang)}, form)
        joined = dataclasses.replace(visit.session, updated_at=time.time())  # its last activity: this join, just now
        return participant.token, session_end(joined), visit.redirect()


class NotMeHandler(KitHandler):
    """``<base>kit/<CODE>/not-me``: asks first (GET), then forgets this phone's participant (POST, a shared device).

    A participant who answered nothing is removed as well: a phone that rejoins after a mistaken tap
    is one person in the room's count, not two.
    """

    @allow_unauthenticated
    async def get(self, code):
        token = self.get_cookie(participant_cookie(code), "")
        self.send(await self.call(self.ask, code, token, self.xsrf_form_html(), self.language_choice()))

    def ask(self, code, token, xsrf, lang):
        visit, instead = self.arrive(code, token, xsrf, lang)
        if instead is not None:
            return instead
        if visit.participant is None:
            return visit.redirect()
        return visit.render("not_me.html", confirming=True)

    def leave(self, code, token):
        store = self.kit.store()
        session = self.session_of(store, code)
        if session is not None:
            store.leave(token, session.id)

    @allow_unauthenticated
    async def post(self, code):
        self.form()
        token = self.get_cookie(participant_cookie(code), "")
        if token:
            await self.call(self.leave, code, token)
        self.forget_participant(code)
        self.redirect(f"{self.kit_url}{code}", status=303)


default_handlers = [
    (r"/?", CodeHandler),
    (rf"/{CODE}/?", SessionHandler),
    (rf"/{CODE}/join", JoinHandler),
    (rf"/{CODE}/not-me", NotMeHandler),
]
