"""A session out of and into the kit as JSON: everything, to restore or merge on another copy.

The export dict is also the one source of the readable exports (``widgets.report.exports``), the
report and the paper sheets. It names participants by their public ref (``d-3f9a...``),
never by the token that lets a browser act as them. Importing merges: the same file twice
adds nothing the second time. Filled-in paper sheets come in through ``widgets.store.paper``.
"""

import json
from typing import Any

from ..activities import BY_KEY
from ..model.answers import Answer
from ..model.followup import FOLLOWUP, PREVIOUS
from ..model.sessions import Group, Session, SessionSpec, group_key
from ..model.validation import InputError

FORMAT = "publieke-waarde-kit/1"


def export_session(store, session_id: str) -> dict[str, Any]:
    session = store.session(session_id)
    if session is None:
        raise InputError("error.session_gone")
    participants = store.backend.query(
        "SELECT ref, group_key, name FROM participants WHERE session_id = :s ORDER BY created_at, ref",
        {"s": session_id},
    )
    data = {
        "format": FORMAT,
        "session": {
            "code": session.code,
            "title": session.title,
            "topic": session.topic,
            "municipality": session.municipality,
            "language": session.language,
            "activities": list(session.activities),
            "status": session.status,
            "created_at": session.created_at,
        },
        "groups": [{"key": g.key, "label": g.label} for g in session.groups],
        "participants": [{"ref": p["ref"], "group": p["group_key"], "name": p["name"]} for p in participants],
        "answers": [a.to_dict() for a in store.answers(session_id)],
        "state": {a: store.state(session_id, a) for a in session.activities if store.state(session_id, a)},
    }
    previous = store.state(session_id, FOLLOWUP).get(PREVIOUS)
    if previous:  # a follow-up session carries the earlier one it is compared with
        data["previous"] = previous
    return data


def session_from_export(data: dict) -> Session:
    """The session of an export as the model's ``Session`` (no id: it may no longer be stored anywhere)."""
    info = data["session"]
    return Session(
        id="",
        code=info["code"],
        title=info["title"],
        topic=info["topic"],
        municipality=info.get("municipality", ""),
        language=info.get("language", "nl"),
        activities=tuple(info.get("activities", ())),
        open_activities=(),
        status=info.get("status", "closed"),
        created_at=info.get("created_at", 0),
        groups=tuple(Group(g["key"], g["label"]) for g in data.get("groups", [])),
    )


def checked_answers(answers, activities) -> list[Answer]:
    """Every answer of a file checked as a phone's answer is (each activity's ``check``), or InputError.

    Nothing is stored before the whole file passed: a score of 99 or a value of 5,000 characters
    is refused with the row it is on, and the session stays as it was.
    """
    cleaned = []
    for row, answer in enumerate(answers, start=1):
        activity, item = str(answer.get("activity", "")), str(answer.get("item", ""))
        try:
            if activity not in activities or activity not in BY_KEY:
                raise InputError("error.unknown_activity", name=activity)
            value = BY_KEY[activity].part("model", "check_stored")(item, answer.get("value"))
            stamp = answer.get("updated_at")
            if stamp not in (None, "") and not _is_number(stamp):
                raise InputError("error.import_value")
        except InputError as error:
            raise InputError("error.import_row", row=row, activity=activity, item=item, reason=error) from None
        when = float(stamp) if stamp not in (None, "") else None
        cleaned.append(Answer.from_dict(dict(answer, activity=activity, item=item, value=value, updated_at=when)))
    return cleaned


def _is_number(text) -> bool:
    try:
        float(text)
    except (TypeError, ValueError):
        return False
    return True


def parse_export(text: str) -> dict:
    try:
        data = json.loads(text)
    except (ValueError, TypeError):
        raise InputError("error.import_not_json") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("error.import_format")
    return data


def import_json(store, text: str, session_id: str | None = None) -> tuple:
    """Merge a JSON export into ``session_id``, or recreate it as a new session.

    Returns ``(session, facilitator key or None, counts of what was added)``.
    A recreated session keeps its join code when that code is free.
    """
    data = parse_export(text)
    labels = [g["label"] for g in data.get("groups", [])]
    key = None
    activities = data["session"].get("activities", ()) if session_id is None else store.session(session_id).activities
    answers = checked_answers(data.get("answers", []), activities)  # before anything is stored
    if session_id is None:
        info = data["session"]
        spec = SessionSpec(
            title=info["title"],
            topic=info["topic"],
            municipality=info.get("municipality", ""),
            language=info.get("language", "nl"),
            activities=tuple(info.get("activities", ())),
            groups=tuple(labels),
        )
        session, key = store.create_session(spec, code=info.get("code"))
        session_id = session.id
    key_of = {g["key"]: g["label"] for g in data.get("groups", [])}
    # group keys may differ between copies of the kit; map through the label
    participants = [dict(p, group=group_key(key_of.get(p["group"], p["group"]))) for p in data.get("participants", [])]
    counts = store.merge(session_id, labels, participants, answers)
    for activity, settings in data.get("state", {}).items():
        present = store.state(session_id, activity)
        for name, value in settings.items():
            if name not in present:
                store.set_state(session_id, activity, name, value)
    if data.get("previous") and not store.state(session_id, FOLLOWUP).get(PREVIOUS):
        store.set_state(session_id, FOLLOWUP, PREVIOUS, data["previous"])
    return store.session(session_id), key, counts
