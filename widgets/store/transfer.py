"""A session out of and into the kit: JSON (everything), CSV (answers), XLSX (a workbook).

Exports name participants by their public ref (``d-3f9a...``), never by the
token that lets a browser act as them. Importing merges: the same file twice
adds nothing the second time.
"""

import csv
import io
import json

from ..model.sessions import SessionSpec, group_key
from ..model.validation import InputError
from .cells import append_as_text, csv_cell, from_csv_cell

FORMAT = "publieke-waarde-kit/1"
CSV_COLUMNS = ("activity", "participant", "group", "item", "value", "updated_at")


def export_session(store, session_id: str) -> dict:
    session = store.session(session_id)
    if session is None:
        raise InputError("error.session_gone")
    participants = store.backend.query(
        "SELECT ref, group_key, name FROM participants WHERE session_id = :s ORDER BY created_at, ref",
        {"s": session_id})
    return {
        "format": FORMAT,
        "session": {
            "code": session.code, "title": session.title, "topic": session.topic,
            "municipality": session.municipality, "language": session.language,
            "activities": list(session.activities), "status": session.status,
            "created_at": session.created_at,
        },
        "groups": [{"key": g.key, "label": g.label} for g in session.groups],
        "participants": [{"ref": p["ref"], "group": p["group_key"], "name": p["name"]} for p in participants],
        "answers": [{k: a[k] for k in CSV_COLUMNS} for a in store.answers(session_id)],
        "state": {a: store.state(session_id, a) for a in session.activities if store.state(session_id, a)},
    }


def export_json(store, session_id: str) -> str:
    return json.dumps(export_session(store, session_id), ensure_ascii=False, indent=1)


def export_csv(store, session_id: str, activity: str = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for a in store.answers(session_id, activity):
        value = a["value"] if isinstance(a["value"], str) else json.dumps(a["value"], ensure_ascii=False)
        writer.writerow([csv_cell(cell) for cell in
                         (a["activity"], a["participant"], a["group"], a["item"], value, a["updated_at"])])
    return out.getvalue()


def palette_rows(store, session_id: str) -> list:
    """One row per value a participant named: own words, cell, and the merged value it counts for."""
    from ..model.palette import merge_palette, normalize_value, resolve

    answers = store.answers(session_id, "palet")
    merges = store.state(session_id, "palet").get("merges", {})
    merged = {m.key: m for values in merge_palette(answers, merges).values() for m in values}
    rows = []
    for a in answers:
        value = merged.get(resolve(normalize_value(a["value"]["text"]), merges))
        rows.append({"participant": a["participant"], "group": a["group"], "cell": a["value"]["cell"],
                     "text": a["value"]["text"], "merged_value": value.label if value else "",
                     "merged_cell": value.cell if value else "", "shared": bool(value and value.shared)})
    return rows


PALETTE_COLUMNS = ("participant", "group", "cell", "text", "merged_value", "merged_cell", "shared")


def palette_export(store, session_id: str) -> tuple:
    """``(columns, rows)`` of the merged palette: the waardenpalet's derived export (see widgets.activities)."""
    return PALETTE_COLUMNS, palette_rows(store, session_id)


def derived_csv(columns, rows) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows({column: csv_cell(row[column]) for column in columns} for row in rows)
    return out.getvalue()


def export_palette_csv(store, session_id: str) -> str:
    return derived_csv(*palette_export(store, session_id))


def export_xlsx(store, session_id: str) -> bytes:
    """A workbook: the session, its participants (ref and group) and one sheet per activity."""
    from openpyxl import Workbook

    data = export_session(store, session_id)
    book = Workbook()
    sheet = book.active
    sheet.title = "sessie"
    for key, value in data["session"].items():
        append_as_text(sheet, [key, json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value])
    people = book.create_sheet("deelnemers")
    people.append(["participant", "group"])
    for p in data["participants"]:
        append_as_text(people, [p["ref"], p["group"]])
    for activity in data["session"]["activities"]:
        rows = [a for a in data["answers"] if a["activity"] == activity]
        sheet = book.create_sheet(activity)
        sheet.append(list(CSV_COLUMNS))
        for a in rows:
            value = a["value"] if isinstance(a["value"], str) else json.dumps(a["value"], ensure_ascii=False)
            append_as_text(sheet, [a["activity"], a["participant"], a["group"], a["item"], value, a["updated_at"]])
    from ..activities import ACTIVITIES

    for activity in ACTIVITIES:
        if activity.derived and activity.key in data["session"]["activities"]:
            columns, rows = activity.load("derived")(store, session_id)
            sheet = book.create_sheet(f"{activity.key} samengevoegd")
            sheet.append(list(columns))
            for row in rows:
                append_as_text(sheet, [row[c] for c in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def checked_answers(answers, activities) -> list:
    """Every answer of a file checked as a phone's answer is (each activity's ``check``), or InputError.

    Nothing is stored before the whole file passed: a score of 99 or a value of 5,000 characters
    is refused with the row it is on, and the session stays as it was.
    """
    from ..activities import BY_KEY

    cleaned = []
    for row, answer in enumerate(answers, start=1):
        activity, item = str(answer.get("activity", "")), str(answer.get("item", ""))
        try:
            if activity not in activities or activity not in BY_KEY:
                raise InputError("error.unknown_activity", name=activity)
            value = BY_KEY[activity].load("check")(item, answer.get("value"))
            stamp = answer.get("updated_at")
            if stamp not in (None, "") and not _is_number(stamp):
                raise InputError("error.import_value")
        except InputError as error:
            raise InputError("error.import_row", row=row, activity=activity, item=item, reason=error) from None
        cleaned.append(dict(answer, activity=activity, item=item, value=value))
    return cleaned


def _is_number(text) -> bool:
    try:
        float(text)
    except (TypeError, ValueError):
        return False
    return True


def _parse_json(text: str) -> dict:
    try:
        data = json.loads(text)
    except (ValueError, TypeError):
        raise InputError("error.import_not_json") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("error.import_format")
    return data


def import_json(store, text: str, session_id: str = None) -> tuple:
    """Merge a JSON export into ``session_id``, or recreate it as a new session.

    Returns ``(session, facilitator key or None, counts of what was added)``.
    A recreated session keeps its join code when that code is free.
    """
    data = _parse_json(text)
    labels = [g["label"] for g in data.get("groups", [])]
    key = None
    activities = data["session"].get("activities", ()) if session_id is None else store.session(session_id).activities
    answers = checked_answers(data.get("answers", []), activities)  # before anything is stored
    if session_id is None:
        info = data["session"]
        spec = SessionSpec(title=info["title"], topic=info["topic"], municipality=info.get("municipality", ""),
                           language=info.get("language", "nl"), activities=tuple(info.get("activities", ())),
                           groups=tuple(labels))
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
    return store.session(session_id), key, counts


def import_csv(store, text: str, session_id: str) -> dict:
    """Merge answers in the CSV export's columns (e.g. typed in from paper) into a session."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not set(CSV_COLUMNS[:5]) <= set(reader.fieldnames):
        raise InputError("error.import_csv_columns", columns=", ".join(CSV_COLUMNS[:5]))
    session = store.session(session_id)
    if session is None:
        raise InputError("error.session_gone")
    labels = {g.key: g.label for g in session.groups}
    participants, answers = {}, []
    for row in reader:
        row = {name: from_csv_cell(text) if isinstance(text, str) else text for name, text in row.items()}
        group = row["group"].strip()
        participants.setdefault(row["participant"].strip(), {"ref": row["participant"].strip(), "group": group})
        try:
            value = json.loads(row["value"])
        except ValueError:
            value = row["value"]
        answers.append({"participant": row["participant"].strip(), "activity": row["activity"].strip(),
                        "item": row["item"], "value": value, "updated_at": row.get("updated_at") or None})
    answers = checked_answers(answers, session.activities)
    new_labels = [p["group"] for p in participants.values() if p["group"] not in labels]
    for p in participants.values():
        p["group"] = p["group"] if p["group"] in labels else group_key(p["group"])
    return store.merge(session_id, new_labels, list(participants.values()), answers)
