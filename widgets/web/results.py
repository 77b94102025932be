"""``<base>kit/<CODE>/resultaten``: the session's results on a participant's phone, once the facilitator releases them.

The participant cookie opens it, also after the session is closed (that is when results are
usually released); the join link alone shows nothing. ``resultaten/mijn-antwoorden.csv`` is the
participant's own answers as the readable export's rows, filtered to their public reference:
never anyone else's row, and never without the participant's own cookie.
"""

from urllib.parse import quote

from jupyter_server.auth.decorator import allow_unauthenticated

from ..model.disclosure import min_group
from ..model.results import DOWNLOAD, RESULTS, is_released
from ..render.results import own_html, summary_html
from ..report.exports import csv_bytes
from ..report.transfer import export_session
from .base import CODE, KitHandler, participant_cookie
from .live import public_state
from .visit import Html


class ResultsHandler(KitHandler):
    """The results page, or a friendly "not yet"; without a participant cookie: to the join form."""

    @allow_unauthenticated
    async def get(self, code):
        if not self.canonical(code, f"/{RESULTS}"):
            return
        token = self.get_cookie(participant_cookie(code), "")
        self.send(await self.call(self.page, code, token, self.xsrf_form_html(), self.language_choice()))

    def page(self, code, token, xsrf, lang):
        visit, instead = arrive(self, code, token, xsrf, lang)
        if instead is not None:
            return instead
        if visit.participant is None:
            return visit.redirect()
        session = visit.session
        if not is_released(visit.store.state(session.id, RESULTS)):
            return visit.render("resultaten_nog_niet.html")
        data = export_session(visit.store, session.id)
        return visit.render(
            "resultaten.html",
            summary=summary_html(data, session, visit.lang),
            own=own_html(data, session, visit.participant, visit.lang),
            download=f"{visit.base}{RESULTS}/{DOWNLOAD}",
            group=session.group_label(visit.participant.group_key),
            least=min_group(),
        )


class OwnAnswersHandler(KitHandler):
    """The participant's own answers as CSV (Dutch: ``;``, decimal comma, BOM), only with their own cookie."""

    @allow_unauthenticated
    async def get(self, code):
        token = self.get_cookie(participant_cookie(code), "")
        outcome = await self.call(self.build, code, token, self.language_choice())
        if isinstance(outcome, Html):
            self.send(outcome)
            return
        filename, payload = outcome
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", f"attachment; filename*=UTF-8''{quote(filename)}")
        self.finish(payload)

    def build(self, code, token, lang):
        visit, instead = arrive(self, code, token, "", lang)
        if instead is not None:
            return instead
        if visit.participant is None:
            return Html(self.message_page("resultaten.download_forbidden", visit.lang), 403)
        if not is_released(visit.store.state(visit.session.id, RESULTS)):
            return Html(self.message_page("resultaten.download_not_yet", visit.lang), 403)
        data = export_session(visit.store, visit.session.id)
        payload = csv_bytes(data, visit.lang, participant=visit.participant.ref)
        return f"{visit.t('resultaten.filename')}-{visit.session.code}.csv", payload


def arrive(handler, code, token, xsrf, lang):
    """Like ``KitHandler.arrive``, but a closed session still shows its results to those who took part."""
    store = handler.kit.store()
    session = handler.session_of(store, code)
    participant = store.participant(token) if token else None
    if participant is not None and (session is None or participant.session_id != session.id):
        participant = None
    visit = handler.visit(session, participant, lang or (session.language if session else ""))
    visit.store, visit.xsrf = store, xsrf
    if session is None:
        key = "error.session_gone" if token else "error.unknown_code"
        return visit, visit.render("message.html", 404, message=visit.t(key))
    if participant is not None:
        visit.state = public_state(store, session)
    return visit, None


default_handlers = [
    (rf"/{CODE}/{RESULTS}/{DOWNLOAD}", OwnAnswersHandler),
    (rf"/{CODE}/{RESULTS}/?", ResultsHandler),
]
