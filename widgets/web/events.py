"""``<base>kit/<CODE>/events``: the live stream (Server-Sent Events) a page follows the facilitator by."""

import asyncio

import tornado.web
from jupyter_server.auth.decorator import allow_unauthenticated
from tornado.iostream import StreamClosedError

from .base import CODE, KitHandler, participant_cookie


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


default_handlers = [(rf"/{CODE}/events", EventsHandler)]
