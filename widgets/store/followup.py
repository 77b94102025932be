"""Follow-up sessions: a new session from an earlier one, stored or from an export file.

The follow-up takes the earlier session's topic, municipality, language, groups and
activities, and keeps a copy of the earlier session (``widgets.model.followup.snapshot``)
in its own state, so the change can be shown and reported even when the earlier session
lives on another laptop or was deleted. The earlier merged palette is offered to every
participant as a start (palette state ``start``); the statements are the book's, the same, and
the facilitator's own statements (activity ``eigen``) are copied, so they can be scored again.
"""

from ..activities import BY_KEY
from ..activities.eigen.model import ACTIVITY as OWN_STATEMENTS
from ..activities.eigen.model import STATE as OWN_STATE
from ..activities.eigen.model import stored_statements
from ..model.followup import FOLLOWUP, PREVIOUS, snapshot, starting_palette
from ..model.sessions import SessionSpec
from ..model.validation import InputError
from .transfer import export_session, parse_export

START = "start"  # palette state: [[key, label, cell], ...] offered to keep or drop


def create_followup(store, previous: dict, title: str = "") -> tuple:
    """``(session, facilitator key)`` of a new session that follows ``previous`` (an export dict)."""
    info = previous["session"]
    spec = SessionSpec(
        title=title.strip() or info["title"],
        topic=info["topic"],
        municipality=info.get("municipality", ""),
        language=info.get("language", "nl"),
        activities=tuple(a for a in info.get("activities", ()) if a in BY_KEY),
        groups=tuple(g["label"] for g in previous.get("groups", [])),
    )
    session, key = store.create_session(spec)
    states = {PREVIOUS: snapshot(previous)}
    store.set_states(session.id, FOLLOWUP, states)
    start = starting_palette(previous)
    if start and "palet" in session.activities:
        store.set_state(session.id, "palet", START, [list(value) for value in start])
    own = stored_statements(previous.get("state", {}).get(OWN_STATEMENTS, {}))
    if own and OWN_STATEMENTS in session.activities:  # the same own statements, so the scores can be compared
        store.set_state(session.id, OWN_STATEMENTS, OWN_STATE, own)
    return store.session(session.id), key


def followup_of_session(store, session_id: str, title: str = "") -> tuple:
    """A follow-up of a session in this store."""
    return create_followup(store, export_session(store, session_id), title)


def followup_of_file(store, text: str, title: str = "") -> tuple:
    """A follow-up of a session exported elsewhere (another laptop, last year): the file's answers stay out."""
    data = parse_export(text)
    if not data.get("session", {}).get("topic"):
        raise InputError("error.import_format")
    return create_followup(store, data, title)


def previous_of(store, session_id: str):
    """The earlier session's export dict, or None for a session that follows none."""
    return store.state(session_id, FOLLOWUP).get(PREVIOUS)
