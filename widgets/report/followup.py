"""Follow-up sessions: a new session from an earlier one, stored or from an export file.

The follow-up takes the earlier session's topic, municipality, language, groups and
activities, and keeps a copy of the earlier session (``widgets.model.followup.snapshot``)
in its own state, so the change can be shown and reported even when the earlier session
lives on another laptop or was deleted. Each activity takes over what it needs of the earlier
session (its ``followup.carry``: a palette to start from, statements to score again).
"""

from ..activities import BY_KEY, used
from ..model.followup import FOLLOWUP, PREVIOUS, snapshot
from ..model.moderation import seen_by_room
from ..model.sessions import SessionSpec
from ..model.validation import InputError
from .transfer import checked_earlier, export_session, parse_export


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
    for activity in used(session, "followup", "carry"):
        activity.part("followup", "carry")(store, session, previous)
    return store.session(session.id), key


def followup_of_session(store, session_id: str, title: str = "") -> tuple:
    """A follow-up of a session in this store, of what its room saw (no hidden or unapproved text)."""
    return create_followup(store, seen_by_room(export_session(store, session_id)), title)


def followup_of_file(store, text: str, title: str = "") -> tuple:
    """A follow-up of a session exported elsewhere (another laptop, last year): the file's answers stay out.

    The file is checked as an import is (``checked_earlier``) before the new session is created.
    """
    data = parse_export(text)
    if not isinstance(data.get("session"), dict) or not data["session"].get("topic"):
        raise InputError("error.import_format")
    return create_followup(store, checked_earlier(data), title)


def previous_of(store, session_id: str):
    """The earlier session's export dict, or None for a session that follows none."""
    return store.state(session_id, FOLLOWUP).get(PREVIOUS)
