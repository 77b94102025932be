"""Live updates for phones: one watcher per session, however many phones listen (Server-Sent Events).

Every write raises the session's revision. The hub reads it a few times a second for the
sessions that have listeners (one cheap query per session, not per phone) and tells each
phone two things: the *state* (status, open activities, what is revealed: when it changes,
the page follows) and the *revision* (when revealed results are on screen, they refresh).
The revision is also the event's id: a stream that reconnects says the last one it got
(``Last-Event-ID``) and hears at once whether it missed anything (``events.py``).
"""

import asyncio
import hashlib
import json
import logging
import time
from collections import Counter

from ..activities import ACTIVITIES
from ..model.results import RESULTS

log = logging.getLogger(__name__)

TICK = 0.25  # seconds between looks at the store
RESULTS_EVERY = 1.0  # at most one results refresh per second per session


def public_state(store, session) -> str:
    """What a participant's screen depends on, as a short string (same input, same string).

    Status and open activities, plus a digest of the facilitator's settings per activity
    (revealed results, merged values, the selection to prioritise): when one changes, phones follow.
    """
    if session is None:
        return "gone"
    stored = store.states(session.id)  # one query for every activity's settings
    settings = {a.key: stored.get(a.key, {}) for a in ACTIVITIES if a.key in session.activities}
    settings[RESULTS] = stored.get(RESULTS, {})  # the results page released or withdrawn
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:12]
    return f"{session.status}|{','.join(session.open_activities)}|{digest}"


class StreamSlots:
    """How many live streams are open: per credential (a participant, a few tabs), per address and in total.

    A stream is an open connection for as long as the page is open, so each one costs the server a
    file; these caps keep one cookie or one address from taking them all. Counted on the event loop only.
    """

    def __init__(self, per_credential: int, per_address: int, total: int):
        self.per_credential, self.per_address, self.total = per_credential, per_address, total
        self.by_credential, self.by_address = Counter(), Counter()
        self.open = 0

    def take(self, credential, address: str) -> bool:
        """Count one more stream of ``credential`` (None: not capped per credential) from ``address``;
        False, and nothing counted, when a cap is reached (0: no cap)."""
        caps = [(self.open, self.total), (self.by_address[address], self.per_address)]
        if credential is not None:
            caps.append((self.by_credential[credential], self.per_credential))
        if any(cap and count >= cap for count, cap in caps):
            return False
        self.open += 1
        self.by_address[address] += 1
        if credential is not None:
            self.by_credential[credential] += 1
        return True

    def give_back(self, credential, address: str) -> None:
        self.open -= 1
        for counts, key in ((self.by_address, address), (self.by_credential, credential)):
            if key is not None:
                counts[key] -= 1
                if counts[key] <= 0:
                    del counts[key]


class LiveHub:
    def __init__(self, run):
        """``run(fn, *args)`` runs a store call off the event loop and returns an awaitable."""
        self.run = run
        self.listeners = {}  # session id -> set of callbacks(message: str)
        self._seen = {}  # session id -> (revision, state, time results were last sent)
        self._task = None
        self.store = None

    def subscribe(self, store, session_id: str, callback) -> None:
        self.store = store
        self.listeners.setdefault(session_id, set()).add(callback)
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._watch())

    def unsubscribe(self, session_id: str, callback) -> None:
        listening = self.listeners.get(session_id)
        if listening is not None:
            listening.discard(callback)
            if not listening:
                del self.listeners[session_id]
                self._seen.pop(session_id, None)

    def connected(self) -> int:
        return sum(len(v) for v in self.listeners.values())

    def message(self, session_id: str):
        """The session's latest event as the stream sends it (``id:`` and ``data:``), or None before the first look."""
        seen = self._seen.get(session_id)
        return None if seen is None else frame(seen[0], seen[1])

    async def _watch(self) -> None:
        while self.listeners:
            for session_id in list(self.listeners):
                try:
                    await self._check(session_id)
                except Exception:  # one failed look must not end live updates for everyone
                    log.exception("live update failed")
            await asyncio.sleep(TICK)

    async def _check(self, session_id: str) -> None:
        revision = await self.run(self.store.revision, session_id)
        seen = self._seen.get(session_id)
        if seen is not None and seen[0] == revision:
            return
        session = await self.run(self.store.session, session_id) if revision is not None else None
        state = await self.run(public_state, self.store, session)
        now = time.monotonic()
        if seen is not None and seen[1] == state and now - seen[2] < RESULTS_EVERY:
            return  # only answers changed, and results were refreshed a moment ago: wait a tick
        self._seen[session_id] = (revision, state, now)
        text = frame(revision, state)  # made once, written to every listener
        for callback in list(self.listeners.get(session_id, ())):
            callback(text)


def frame(revision, state: str) -> str:
    """One Server-Sent Event: the revision as its id (none once the session is gone), the state and revision as data."""
    data = json.dumps({"state": state, "rev": revision})
    return (f"id: {revision}\n" if revision is not None else "") + f"data: {data}\n\n"
