"""The store as one participant request sees it: each thing the page reads, read once.

A phone's page asks for the same rows several times while it is drawn: an activity's settings by
the live state, by "are the results shown", by the palette's earlier values and by the results
link in the layout; the moderation for each list of own texts. ``RequestReads`` answers those
reads from what this request already read (every activity's settings of the session in one query),
and forgets all of it as soon as the request writes anything, so a page drawn after a save (a
refused answer, a resend) reads the store again. It lives as long as one request, in its worker
thread: the next request, and every other phone, read afresh.
"""


class RequestReads:
    """A ``Store`` whose reads of a session's settings, moderation and own answers are kept for one request."""

    def __init__(self, store):
        self._store = store
        self._kept = {}

    def states(self, session_id: str) -> dict:
        return self._keep(("states", session_id), lambda: self._store.states(session_id))

    def state(self, session_id: str, activity: str) -> dict:
        """One activity's settings, from the one query of all of them (a copy: a caller may change it)."""
        return dict(self.states(session_id).get(activity, {}))

    def moderation(self, session_id: str):
        return self._keep(("moderation", session_id), lambda: self._store.moderation(session_id))

    def my_answers(self, token: str, activity: str) -> dict:
        return dict(self._keep(("my_answers", token, activity), lambda: self._store.my_answers(token, activity)))

    def answers(self, session_id: str, activity: str | None = None, everything: bool = False) -> list:
        key = ("answers", session_id, activity, everything)
        return list(self._keep(key, lambda: self._store.answers(session_id, activity, everything=everything)))

    def answer_counts(self, session_id: str) -> dict:
        return dict(self._keep(("answer_counts", session_id), lambda: self._store.answer_counts(session_id)))

    def _keep(self, key, read):
        if key not in self._kept:
            self._kept[key] = read()
        return self._kept[key]

    def forget(self) -> None:
        self._kept.clear()

    def __getattr__(self, name):
        """Everything else is the store's own; a call that may write forgets what was read, before and after."""
        found = getattr(self._store, name)
        if not callable(found):
            return found

        def call(*args, **kwargs):
            self._kept.clear()
            try:
                return found(*args, **kwargs)
            finally:
                self._kept.clear()

        return call
