"""A session out of and into the kit as JSON: everything, to restore or merge on another copy.

The export dict is also the one source of the readable exports (``widgets.report.exports``), the
report and the paper sheets. It names participants by their public ref (``d-3f9a...``),
never by the token that lets a browser act as them. Importing merges: the same file twice
adds nothing the second time. Filled-in paper sheets come in through ``widgets.store.paper``.

A file cannot steer a session: everything in it is checked before the first write, as strictly
as a phone's answer and the facilitator's own settings are, and a file that fails any check
changes nothing. Answers go through their activity's ``model.check_stored``, each participant's
answers after the merge through ``model.check_own`` (the caps a phone meets), the settings
through ``model.check_state``; the facilitator's controls (``CONTROLS``) and the reveal switch
never come from a file.
"""

import json
import math
import time
from dataclasses import dataclass
from typing import Any

from ..activities import BY_KEY
from ..model.answers import Answer
from ..model.followup import FOLLOWUP, PREVIOUS, snapshot
from ..model.links import SCREEN
from ..model.moderation import SECTION as MODERATION
from ..model.moderation import Moderation, moderate, to_export
from ..model.results import RESULTS
from ..model.runsheet import STATE as TAFEL
from ..model.sessions import REVEAL, Group, Session, SessionSpec, group_key
from ..model.validation import InputError, clean_text
from ..model.verslag import OUTCOME, check_outcome
from ..model.verslag import STATE as VERSLAG

FORMAT = "publieke-waarde-kit/1"
MAX_BYTES = 5 * 1024 * 1024  # the dashboard's upload carries 5 MB (widgets.web.kernels.MAX_MESSAGE_MB)
MAX_DEPTH = 16  # an export nests 6 deep (a follow-up's earlier palette to start from); deeper is no export
MAX_ITEM = 40  # longest item an answer may have: the activities' own are short ("cijfer", "papier-12", a hex key)
# What the kit keeps for the facilitator's controls, never taken from a file: the presentation screen's
# address, the results page's release, the running tafel, the follow-up's earlier session.
CONTROLS = (SCREEN, RESULTS, TAFEL, FOLLOWUP)


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
        "answers": [a.to_dict() for a in store.answers(session_id, everything=True)],
        "state": {a: store.state(session_id, a) for a in session.activities if store.state(session_id, a)},
    }
    outcome = store.state(session_id, VERSLAG).get(OUTCOME)
    if outcome:  # what the municipality does with the outcome, for the participatieverslag
        data[VERSLAG] = {OUTCOME: outcome}
    moderation = store.moderation(session_id)
    if not moderation.idle or moderation.approved:  # the facilitator's file keeps hidden texts, marked as such
        data[MODERATION] = to_export(moderation)
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
    for row, answer in enumerate(_shaped(answers, list, "answers"), start=1):
        if not isinstance(answer, dict):
            raise InputError("error.import_shape", part="answers")
        activity, item = str(answer.get("activity", "")), str(answer.get("item", ""))
        try:
            if activity not in activities or activity not in BY_KEY:
                raise InputError("error.unknown_activity", name=activity)
            if not isinstance(answer.get("item"), str) or len(item) > MAX_ITEM:
                raise InputError("error.import_value")
            if not isinstance(answer.get("participant"), str) or not isinstance(answer.get("group", ""), str):
                raise InputError("error.import_value")
            value = BY_KEY[activity].part("model", "check_stored")(item, answer.get("value"))
            stamp = answer.get("updated_at")
            if stamp not in (None, "") and not _is_number(stamp):
                raise InputError("error.import_value")
        except InputError as error:
            raise InputError("error.import_row", row=row, activity=activity, item=item, reason=error) from None
        when = float(stamp) if stamp not in (None, "") else None
        cleaned.append(Answer.from_dict(dict(answer, activity=activity, item=item, value=value, updated_at=when)))
    return cleaned


def checked_state(state, activities) -> dict[str, dict[str, Any]]:
    """The file's settings per activity, each checked by its activity's ``model.check_state``; else InputError.

    Only settings of ``activities`` come in; the facilitator's controls (``CONTROLS``) and any other
    name are refused, and so is a setting its activity does not know. ``REVEAL`` is left out: results
    are shown on the phones when the facilitator says so, never because a file says so.
    """
    cleaned: dict[str, dict[str, Any]] = {}
    for key, settings in _shaped(state, dict, "state").items():
        if key in CONTROLS:
            raise InputError("error.import_control", name=key)
        if key not in activities or key not in BY_KEY:
            raise InputError("error.import_state_activity", name=key)
        check = BY_KEY[key].part("model", "check_state")
        cleaned[key] = {}
        for name, value in _shaped(settings, dict, "state").items():
            if name == REVEAL:
                continue
            try:
                if check is None:
                    raise InputError("error.import_setting_unknown")
                cleaned[key][name] = check(name, value)
            except InputError as error:
                raise InputError("error.import_setting", activity=key, name=name, reason=error) from None
    return cleaned


def check_participants(answers: list[Answer], present: list[Answer]) -> None:
    """Each participant's answers to an activity as they will be after the merge, within a phone's caps.

    ``present`` are the session's answers already stored; of two versions of an answer the newer
    counts (as ``Store.merge`` keeps it). Each activity's ``model.check_own`` says what one participant
    may hold (the palette's 30 values); InputError names the participant.
    """
    now = time.time()
    touched = {(a.participant, a.activity) for a in answers}
    merged: dict[tuple[str, str], dict[str, tuple[float, Any]]] = {}
    for a in present:
        if (a.participant, a.activity) in touched:
            merged.setdefault((a.participant, a.activity), {})[a.item] = (a.updated_at or 0, a.value)
    for a in answers:
        own = merged.setdefault((a.participant, a.activity), {})
        stamp = now if a.updated_at is None else a.updated_at
        if a.item not in own or stamp > own[a.item][0]:
            own[a.item] = (stamp, a.value)
    for (ref, key), own in merged.items():
        check = BY_KEY[key].part("model", "check_own")
        if check is None:
            continue
        try:
            check({item: value for item, (_, value) in own.items()})
        except InputError as error:
            raise InputError("error.import_participant", ref=ref, activity=key, reason=error) from None


MODERATION_FIELDS = {"activity", "participant", "item", "part", "hidden", "approved"}
MAX_PART = 40  # a text's place in its answer: a key of its value ("note") or a list answer's index or id
FINGERPRINT = 16  # hex digits of an approval (``widgets.model.moderation.fingerprint``)


def checked_moderation(section, activities, refs) -> Moderation | None:
    """A file's moderation, checked as strictly as its answers; else InputError. None where the file has none.

    Every text it names must be of an activity of the session with participants' texts, of a participant the
    session or the file holds; ``hidden`` is true or false, ``approved`` a fingerprint or "". A name it does not
    know is refused, so a file cannot carry anything else in here.
    """
    if section is None:
        return None
    section = _shaped(section, dict, MODERATION)
    if set(section) - {"approve_first", "texts"} or not isinstance(section.get("approve_first", False), bool):
        raise InputError("error.import_shape", part=MODERATION)
    hidden, approved = set(), {}
    for row in _shaped(section.get("texts", []), list, MODERATION):
        row = _shaped(row, dict, MODERATION)
        if set(row) != MODERATION_FIELDS or not all(
            isinstance(row[n], str) for n in ("activity", "participant", "item", "part")
        ):
            raise InputError("error.import_shape", part=MODERATION)
        activity, ref, item, part = row["activity"], row["participant"], row["item"], row["part"]
        if activity not in activities or activity not in BY_KEY or not BY_KEY[activity].has("moderation", "texts"):
            raise InputError("error.unknown_activity", name=activity)
        if ref not in refs:
            raise InputError("error.import_unknown_participant", ref=str(ref))
        good = row["approved"] == "" or (
            isinstance(row["approved"], str)
            and len(row["approved"]) == FINGERPRINT
            and all(c in "0123456789abcdef" for c in row["approved"])
        )
        if len(item) > MAX_ITEM or len(part) > MAX_PART or not isinstance(row["hidden"], bool) or not good:
            raise InputError("error.import_shape", part=MODERATION)
        if row["hidden"]:
            hidden.add((activity, ref, item, part))
        if row["approved"]:
            approved[(activity, ref, item, part)] = row["approved"]
    return Moderation(section.get("approve_first", False), frozenset(hidden), approved)


def _is_number(text) -> bool:
    if isinstance(text, bool):
        return False
    try:
        return math.isfinite(float(text))
    except (TypeError, ValueError, OverflowError):
        return False


def _shaped(value, kind, part: str):
    """``value`` when it is a ``kind``, else InputError naming the part of the file."""
    if not isinstance(value, kind):
        raise InputError("error.import_shape", part=part)
    return value


def _text(value, part: str, required: bool = True) -> str:
    if value is None and not required:
        return ""
    return _shaped(value, str, part)


def _depth(data) -> int:
    """How deep lists and objects nest in ``data`` (walked without recursion), up to just past ``MAX_DEPTH``."""
    deepest, todo = 0, [(data, 1)]
    while todo:
        value, depth = todo.pop()
        if isinstance(value, (dict, list)):
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                break
            todo.extend((inner, depth + 1) for inner in (value.values() if isinstance(value, dict) else value))
    return deepest


def _not_json(text):
    raise ValueError(text)  # NaN and Infinity: Python writes them, JSON has no such numbers


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):  # 1e999
        raise ValueError(text)
    return number


def parse_export(text: str) -> dict:
    """The export dict of a file's text, or InputError: too large, not JSON, nested too deep, no export."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InputError("error.import_too_large", max=MAX_BYTES // (1024 * 1024))
    try:
        data = json.loads(text, parse_constant=_not_json, parse_float=_finite)
    except RecursionError:
        raise InputError("error.import_too_deep") from None
    except (ValueError, TypeError):
        raise InputError("error.import_not_json") from None
    if _depth(data) > MAX_DEPTH:
        raise InputError("error.import_too_deep")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("error.import_format")
    return data


def _session_info(data: dict) -> dict:
    """The file's ``session``, with the types every reader of an export relies on; else InputError."""
    info = _shaped(data.get("session"), dict, "session")
    for name in ("title", "topic"):
        _text(info.get(name), f"session.{name}")
    for name in ("municipality", "language", "code", "status"):
        _text(info.get(name), f"session.{name}", required=False)
    for key in _shaped(info.get("activities", []), list, "session.activities"):
        _text(key, "session.activities")
    if info.get("created_at") is not None and not _is_number(info["created_at"]):
        raise InputError("error.import_shape", part="session.created_at")
    return info


def _group_labels(data: dict) -> dict[str, str]:
    """``{the file's group key: its label, cleaned}``, or InputError."""
    labels = {}
    for group in _shaped(data.get("groups", []), list, "groups"):
        group = _shaped(group, dict, "groups")
        labels[_text(group.get("key"), "groups")] = clean_text(_text(group.get("label"), "groups"), "group")
    return labels


def _participants(data: dict, labels: dict) -> list[dict]:
    """The file's participants with their ref cleaned and their group as this copy's key (through the label)."""
    people = []
    for person in _shaped(data.get("participants", []), list, "participants"):
        person = _shaped(person, dict, "participants")
        group = _text(person.get("group"), "participants")
        people.append(
            {
                "ref": clean_text(_text(person.get("ref"), "participants"), "name"),
                # group keys may differ between copies of the kit; map through the label
                "group": group_key(labels.get(group, group)),
                "name": clean_text(_text(person.get("name"), "participants", required=False), "name", required=False),
            }
        )
    return people


def checked_earlier(data: dict) -> dict:
    """An earlier session's export, as a follow-up keeps it (``snapshot``), checked; else InputError.

    Answers and settings are checked as an import's are; those of an activity this copy of the kit
    does not have are left out (nothing can be compared with them), and so is the reveal switch.
    The earlier session's own earlier session is left out too (``snapshot``).
    """
    info = _session_info(data)
    labels = _group_labels(data)
    known = [key for key in info.get("activities", []) if key in BY_KEY]
    rows = [a for a in _shaped(data.get("answers", []), list, "answers") if not _unknown_activity(a)]
    state = {k: v for k, v in _shaped(data.get("state", {}), dict, "state").items() if k in BY_KEY or k in CONTROLS}
    answers = checked_answers(rows, known)
    check_participants(answers, [])
    people = []
    for person in _shaped(data.get("participants", []), list, "participants"):
        person = _shaped(person, dict, "participants")
        ref = clean_text(_text(person.get("ref"), "participants"), "name")
        people.append({"ref": ref, "group": _text(person.get("group"), "participants"), "name": ""})
    moderation = checked_moderation(data.get(MODERATION), known, {p["ref"] for p in people})
    if moderation is not None:  # a follow-up carries what the room saw, no hidden or unapproved text
        answers = moderate(answers, moderation)
    return snapshot(
        {
            "format": FORMAT,
            "session": info,
            "groups": [{"key": key, "label": label} for key, label in labels.items()],
            "participants": people,
            "answers": [a.to_dict() for a in answers],
            "state": {key: settings for key, settings in checked_state(state, known).items() if settings},
        }
    )


def _unknown_activity(row) -> bool:
    return isinstance(row, dict) and isinstance(row.get("activity"), str) and row["activity"] not in BY_KEY


@dataclass
class Incoming:
    """What an import writes, all of it checked: nothing here can fail the store's own checks."""

    spec: SessionSpec | None  # the session to create, cleaned; None when merging into one
    code: str | None  # the join code to keep when it is free
    labels: list[str]
    participants: list[dict]
    answers: list[Answer]
    state: dict[str, dict[str, Any]]
    previous: dict | None  # a follow-up's earlier session, as it keeps it
    outcome: str  # the participatieverslag's text on what is done with the outcome ('' for none)
    moderation: Moderation | None = None  # texts hidden or approved, "Teksten eerst goedkeuren"


def checked_import(store, data: dict, session_id: str | None = None) -> Incoming:
    """Everything a file would bring into ``session_id`` (or a new session), checked before the first write."""
    info = _session_info(data)
    labels = _group_labels(data)
    spec = None
    if session_id is None:
        spec = SessionSpec(
            title=info["title"],
            topic=info["topic"],
            municipality=info.get("municipality") or "",
            language=info.get("language") or "nl",
            activities=tuple(info.get("activities", ())),
            groups=tuple(labels.values()),
        ).cleaned()
        activities, groups, refs, present = spec.activities, set(), set(), []
    else:
        session = store.session(session_id)
        if session is None:
            raise InputError("error.session_gone")
        groups, present = {g.key for g in session.groups}, store.answers(session_id, everything=True)
        activities = session.activities
        rows = store.backend.query("SELECT ref FROM participants WHERE session_id = :s", {"s": session_id})
        refs = {r["ref"] for r in rows}
    groups |= {group_key(label) for label in labels.values()}
    participants = _participants(data, labels)
    for person in participants:  # as Store.merge would refuse them, but before anything is written
        if person["ref"] not in refs and person["group"] not in groups:
            raise InputError("error.import_unknown_group", group=person["group"])
    answers = checked_answers(data.get("answers", []), activities)
    known = refs | {p["ref"] for p in participants}
    for answer in answers:
        if answer.participant not in known:
            raise InputError("error.import_unknown_participant", ref=answer.participant)
    check_participants(answers, present)
    moderation = checked_moderation(data.get(MODERATION), activities, known)
    previous = data.get("previous")
    return Incoming(
        spec=spec,
        code=info.get("code"),
        labels=list(labels.values()),
        participants=participants,
        answers=answers,
        state=checked_state(data.get("state", {}), activities),
        previous=None if previous is None else checked_earlier(_shaped(previous, dict, "previous")),
        outcome=check_outcome(_shaped(data.get(VERSLAG, {}), dict, VERSLAG).get(OUTCOME, "")),
        moderation=moderation,
    )


def import_json(store, text: str, session_id: str | None = None) -> tuple:
    """Merge a JSON export into ``session_id``, or recreate it as a new session.

    Returns ``(session, facilitator key or None, counts of what was added)``.
    A recreated session keeps its join code when that code is free. The whole file is checked
    first (``checked_import``); a file that fails a check changes nothing.
    """
    incoming = checked_import(store, parse_export(text), session_id)
    key = None
    if incoming.spec is not None:
        session, key = store.create_session(incoming.spec, code=incoming.code)
        session_id = session.id
    target = str(session_id)
    try:
        counts = store.merge(
            target, incoming.labels, incoming.participants, incoming.answers, moderation=incoming.moderation
        )
        for activity, settings in incoming.state.items():
            present = store.state(target, activity)
            new = {name: value for name, value in settings.items() if name not in present}
            if new:
                store.set_states(target, activity, new)
        if incoming.previous and not store.state(target, FOLLOWUP).get(PREVIOUS):
            store.set_state(target, FOLLOWUP, PREVIOUS, incoming.previous)
        if incoming.outcome and not store.state(target, VERSLAG).get(OUTCOME):  # the session's own text wins
            store.set_state(target, VERSLAG, OUTCOME, incoming.outcome)
    except InputError:
        if key is not None:  # no session left behind whose key nobody saw
            store.delete_session(target)
        raise
    return store.session(target), key, counts
