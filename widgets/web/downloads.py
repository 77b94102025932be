"""``<base>kit/<CODE>/bestanden/<name>``: a session's exports, report and paper sheets, for its facilitator.

Served by the server extension rather than pushed through the dashboard's kernel, so a file
is a plain link: it is built when clicked (the report's PDF takes seconds, not every
click of "Exporteren"), it downloads on any browser, and large workbooks never travel as
base64 over the widget connection. The facilitator cookie the dashboard set opens it; without
it the answer is 403, whatever the name.
"""

from urllib.parse import quote

from jupyter_server.auth.decorator import allow_unauthenticated

from ..i18n import languages
from ..model.links import FILES
from ..model.validation import InputError
from ..report.files import download
from ..report.transfer import export_session
from .base import CODE, KitHandler, cookie_key
from .visit import Html


class DownloadHandler(KitHandler):
    @allow_unauthenticated
    async def get(self, code, name):
        outcome = await self.call(self.build, code, name, cookie_key(self, code), self.get_query_argument("lang", ""))
        if isinstance(outcome, Html):
            self.send(outcome)
            return
        filename, mime, payload = outcome
        self.set_header("Content-Type", mime)
        self.set_header("Content-Disposition", f"attachment; filename*=UTF-8''{quote(filename)}")
        self.finish(payload)

    def build(self, code, name, key, lang):
        """Runs in a worker thread: ``(filename, mime, bytes)``, or a page that says why not."""
        store = self.kit.store()
        session = self.session_of(store, code)
        lang = lang if lang in languages() else (session.language if session else "")
        if session is None:
            return Html(self.message_page("error.session_gone", lang), 404)
        try:
            store.facilitator_session(code, key)
        except InputError:
            return Html(self.message_page("files.forbidden", lang), 403)
        wanted = download(session, name)
        if wanted is None:
            return Html(self.message_page("error.not_found", lang), 404)
        payload = wanted.make(export_session(store, session.id), lang)
        if not payload:  # a PDF where no Chromium is installed (Binder)
            return Html(self.message_page("files.no_pdf", lang), 503)
        return wanted.filename.format(code=session.code), wanted.mime, payload


default_handlers = [(rf"/{CODE}/{FILES}/([a-z0-9\-.]+)", DownloadHandler)]
