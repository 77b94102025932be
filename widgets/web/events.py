"""``<base>kit/<CODE>/events``: the live stream (Server-Sent Events) a page follows the facilitator by.

Each stream holds a connection (an open file) for as long as the page is open, so streams are capped
(``KitWeb.streams_*``): a few per participant, a number per address and in all. One over a cap gets a
503 in Dutch with Retry-After; the page's script tries again later.

Each event's id is the session's revision. A stream that comes back (a proxy or the wifi dropped it)
sends the last id it got: the browser's ``Last-Event-ID`` header, or ``?last=`` when the page's script
opened a new stream after the server refused one. It hears the session's state at once if anything
changed meanwhile, and nothing if not, so a room of phones that reconnects fetches no page it has.
"""

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
        found = await self.call(self._session_of, code, self.credential(code))
        if not isinstance(found, tuple):
            raise tornado.web.HTTPError(404)
        session, holder = found
        address = self.address_key
        if not self.kit.streams.take(holder, address):
            self.set_status(503)
            self.set_header("Retry-After", str(self.kit.streams_retry_after))
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(self.message_page("error.streams_full"))
            return
        try:
            await self.follow(session)
        finally:
            self.kit.streams.give_back(holder, address)

    async def follow(self, session: str) -> None:
        self.set_header("Content-Type", "text/event-stream")
        self.set_header("X-Accel-Buffering", "no")
        self._queue = []
        self._wake = asyncio.Event()
        self.kit.hub.subscribe(self.kit.store(), session, self._push)
        first = self.kit.hub.message(session)
        self._last = self.request.headers.get("Last-Event-ID") or self.get_query_argument("last", "")
        try:
            self.write("retry: 2000\n\n")
            if first and self._fresh(first):
                self.write(first)
            await self.flush()
            while True:
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=20)
                except TimeoutError:
                    self._queue.append(None)  # a comment keeps proxies from closing an idle stream
                self._wake.clear()
                while self._queue:
                    item = self._queue.pop(0)
                    if item is None:
                        self.write(": ping\n\n")
                    elif self._fresh(item):
                        self.write(item)
                self.kit.touch()
                await self.flush()
        except StreamClosedError:
            pass
        finally:
            self.kit.hub.unsubscribe(session, self._push)

    def _fresh(self, frame: str) -> bool:
        """False for the event the page already has (its last id): only the first one after a reconnect can be."""
        last, self._last = self._last, ""
        return not (last and frame.startswith(f"id: {last}\n"))

    def _push(self, text: str) -> None:
        self._queue.append(text)
        self._wake.set()

    def on_connection_close(self):
        if hasattr(self, "_wake"):
            self._queue.append(None)
            self._wake.set()

    def _session_of(self, code, token):
        """``(session id, participant reference)`` for a participant of session ``code``, else None."""
        store = self.kit.store()
        participant = store.participant(token)
        session = store.session_by_code(code)
        if participant is None or session is None or participant.session_id != session.id:
            return None
        return session.id, participant.ref


default_handlers = [(rf"/{CODE}/events", EventsHandler)]
