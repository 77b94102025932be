"""Exports a griffier opens as is: CSV and Excel with readable columns, from a session export alone.

One row per answer element (a triangle place gives three rows, a spread of points one row per
value) in the session's language: group label, public participant reference, activity, item,
score as a number, answer in words, palette cell, note, local date and time. No JSON in a cell.
Each activity's rows come from the activity folder's ``exports.rows``, so
a new activity adds its rows without an ``if`` here. Working from ``export_session``'s dict
means a session can be exported after the server is gone:
    python -m widgets.report.exports sessie-K7P3QX.json [--xlsx] [--plain] [--lang en]

Every text that a spreadsheet could take for a formula is neutralised (OWASP): in CSV with a
leading apostrophe (``csv_cell``), in XLSX as a string cell with Excel's quote prefix. Numbers
are never touched, so a score stays a number.
"""

import csv
import datetime
import io
import json
from pathlib import Path

from ..activities import ACTIVITIES
from ..dates import date_in_words, local_datetime
from ..i18n import cli_parser, error_message, normalize_language, t
from ..model.answers import Answer, answers_by_activity
from ..model.moderation import HIDDEN, SHOWN, from_export, texts_of
from ..model.sessions import Session
from ..model.validation import InputError
from ..store.cells import csv_cell, starts_formula
from ..texts import topic_label
from .transfer import FORMAT, session_from_export

COLUMNS = ("group", "participant", "activity", "item", "score", "value", "cell", "note", "time", "moderation")
MAX_WIDTH = 60
SHEET_NAME = 31  # Excel's limit
DATE_FORMATS = {"nl": "dd-mm-yyyy hh:mm", "en": "yyyy-mm-dd hh:mm"}
CSV_TIMES = {"nl": "%d-%m-%Y %H:%M", "en": "%Y-%m-%d %H:%M"}


# --- reading the export --------------------------------------------------------------------


def _checked(data) -> dict:
    """The export dict, or InputError (in words) when it is not one of this kit."""
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("session"), dict):
        raise InputError("error.import_format")
    return data


def _session(data):
    return session_from_export(data)


def export_language(data, lang) -> str:
    """The language asked for, else the session's."""
    return normalize_language(lang or data["session"].get("language"))


def _time(answer: Answer):
    stamp = answer.updated_at
    return local_datetime(stamp) if stamp not in (None, "") else None


def export_row(answer: Answer, session: Session, lang: str, item, score=None, value="", cell="", note="") -> dict:
    """One readable export row; every activity's ``rows`` part builds its rows with it (the same columns)."""
    return {
        "group": session.group_label(answer.group),
        "participant": answer.participant,
        "activity": t(f"activity.{answer.activity}", lang),
        "item": item,
        "score": score,
        "value": value,
        "cell": cell,
        "note": note or "",
        "time": _time(answer),
        "moderation": "",
    }


def cell_words(cell: str, lang: str) -> str:
    """A palette cell in words (the ``cell`` column), '' for none."""
    return t(f"cell.{cell}", lang) if cell else ""


def order_index(item: str, order) -> int:
    """Where ``item`` stands in ``order`` (an unknown item last): for rows in the order the activity asks them."""
    return order.index(item) if item in order else len(order)


# --- tables ----------------------------------------------------------------------------------


def answer_rows(data, lang=None, activity: str | None = None, participant: str | None = None) -> list:
    """Every answer element of the session (or of one activity, or one participant's by ref) as readable rows.

    Filtered after the rows are made, so one participant's rows read as in the full export
    (the merged palette's labels come from everyone's values).
    """
    data = _checked(data)
    session, lang = _session(data), export_language(data, lang)
    answers = answers_by_activity(data.get("answers", []), data.get("participants", []))
    state = data.get("state", {})
    rows = []
    for described in _used(session, activity):
        made = described.part("exports", "rows")(answers, state, session, lang)
        rows += marked(made, data, described.key, answers.get(described.key, []), lang)
    return rows if participant is None else [row for row in rows if row["participant"] == participant]


def marked(rows: list, data, activity: str, answers: list, lang: str) -> list:
    """The rows with what the room does not see of them marked ("verborgen", "wacht op goedkeuring"): the
    facilitator's files keep every text. A row is marked where its value or note is such a text of its author."""
    moderation = from_export(data)
    withheld = {
        (text.participant, text.text): status
        for text in texts_of(activity, answers)
        if (status := moderation.status(text)) != SHOWN
    }
    if not withheld:
        return rows
    for row in rows:
        found = withheld.get((row["participant"], row["value"])) or withheld.get((row["participant"], row["note"]))
        if found:
            row["moderation"] = t("export.moderation.hidden" if found == HIDDEN else "export.moderation.waiting", lang)
    return rows


def _used(session, only: str | None = None) -> list:
    return [a for a in ACTIVITIES if a.key in session.activities and a.has("exports", "rows") and only in (None, a.key)]


def headers(columns, lang: str) -> list:
    return [t(f"export.column.{column}", lang) for column in columns]


# --- CSV -------------------------------------------------------------------------------------


def csv_bytes(
    data, lang=None, plain: bool = False, activity: str | None = None, participant: str | None = None
) -> bytes:
    """The answers (or one participant's, by ref) as CSV. Default: as Excel opens it in the session's language
    (Dutch: ``;``, decimal comma, BOM); ``plain``: for tools (``,``, no BOM, English column keys, ISO 8601 times)."""
    lang = export_language(_checked(data), lang)
    return _csv(COLUMNS, answer_rows(data, lang, activity, participant), lang, plain)


def _csv(columns, rows, lang: str, plain: bool) -> bytes:
    dutch = lang == "nl" and not plain
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if dutch else ",")
    writer.writerow(columns if plain else headers(columns, lang))
    for row in rows:
        writer.writerow([_csv_text(row[column], dutch, plain, lang) for column in columns])
    return out.getvalue().encode("utf-8" if plain else "utf-8-sig")


def _csv_text(value, dutch: bool, plain: bool, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds") if plain else value.strftime(CSV_TIMES[lang])
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(int(value)) if float(value).is_integer() else repr(float(value))
        return text.replace(".", ",") if dutch else text  # a number: never an apostrophe
    return csv_cell(str(value))


# --- XLSX ------------------------------------------------------------------------------------


def xlsx_bytes(data, lang=None) -> bytes:
    """A workbook: the session on its first sheet, then one sheet per activity (and any sheet it derives)."""
    from openpyxl import Workbook  # openpyxl: only when a workbook is made

    data = _checked(data)
    session, lang = _session(data), export_language(data, lang)
    book = Workbook()
    _session_sheet(book.active, data, session, lang)
    answers = answers_by_activity(data.get("answers", []), data.get("participants", []))
    state = data.get("state", {})
    for described in _used(session):
        rows = described.part("exports", "rows")(answers, state, session, lang)
        _table_sheet(book.create_sheet(_sheet_name(described.label(lang))), COLUMNS, rows, lang)
        derived_sheet = described.part("exports", "derived")
        if derived_sheet is not None:
            title, columns, derived = derived_sheet(data, lang)
            _table_sheet(book.create_sheet(_sheet_name(title)), columns, derived, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_name(label: str) -> str:
    for char in "[]:*?/\\":
        label = label.replace(char, " ")
    return label[:SHEET_NAME]


def _session_sheet(sheet, data, session, lang) -> None:
    from openpyxl.styles import Font  # openpyxl: only when a workbook is made

    sheet.title = _sheet_name(t("export.sheet.session", lang))
    created = data["session"].get("created_at")
    facts = [
        ("title", session.title),
        ("municipality", session.municipality),
        ("topic", topic_label(session.topic, lang)),
        ("code", session.code),
        ("date", date_in_words(created, lang) if created else ""),
        ("activities", ", ".join(a.label(lang) for a in _used(session))),
    ]
    for name, value in facts:
        _append(sheet, [t(f"export.session.{name}", lang), value], lang)
    sheet.append([])
    _append(sheet, [t("export.session.participants", lang)], lang)
    counts: dict[str, int] = {}
    for p in data.get("participants", []):
        counts[p["group"]] = counts.get(p["group"], 0) + 1
    known = [g.key for g in session.groups]
    for key in known + sorted(set(counts) - set(known)):
        _append(sheet, [session.group_label(key), counts.get(key, 0)], lang)
    _append(sheet, [t("export.session.total", lang), sum(counts.values())], lang)
    for row in sheet.iter_rows(min_col=1, max_col=1):
        row[0].font = Font(bold=True)
    _fit_widths(sheet)


def _table_sheet(sheet, columns, rows, lang) -> None:
    from openpyxl.styles import Font  # openpyxl: only when a workbook is made
    from openpyxl.utils import get_column_letter

    _append(sheet, headers(columns, lang), lang)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        _append(sheet, [row[column] for column in columns], lang)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(sheet.max_row, 1)}"
    _fit_widths(sheet)


def _append(sheet, values, lang) -> None:
    """Append typed cells: numbers as numbers, times as local dates, every text as a string, never a formula."""
    sheet.append([_xlsx_value(v) for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, datetime.datetime):
            cell.number_format = DATE_FORMATS[lang]
        elif isinstance(cell.value, str) and (cell.data_type == "f" or starts_formula(cell.value)):
            cell.data_type = "s"
            cell.quotePrefix = True  # Excel's own "text as typed", also after editing the cell


def _xlsx_value(value):
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None, microsecond=0)  # Excel has no time zones: local time
    return None if value == "" else value


def _fit_widths(sheet) -> None:
    from openpyxl.utils import get_column_letter  # openpyxl: only when a workbook is made

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            size = (
                16
                if isinstance(cell.value, datetime.datetime)
                else max(len(line) for line in str(cell.value).splitlines() or [""])
            )
            widths[cell.column] = max(widths.get(cell.column, 0), size)
    for column, size in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(max(size + 2, 8), MAX_WIDTH)


# --- from a file -----------------------------------------------------------------------------


def main(argv=None) -> None:
    parser, say = cli_parser("cli.exports.description", argv)
    parser.add_argument("export", help=t("cli.export_file", say))
    parser.add_argument("--xlsx", action="store_true", help=t("cli.exports.xlsx", say))
    parser.add_argument("--plain", action="store_true", help=t("cli.exports.plain", say))
    parser.add_argument("--out", help=t("cli.exports.out", say))
    args = parser.parse_args(argv)
    source = Path(args.export)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        content = xlsx_bytes(data, args.lang) if args.xlsx else csv_bytes(data, args.lang, args.plain)
    except InputError as error:  # before ValueError, which it is
        raise SystemExit(error_message(error, say)) from None
    except ValueError:
        raise SystemExit(t("error.import_not_json", say)) from None
    out = Path(args.out) if args.out else source.with_suffix(".xlsx" if args.xlsx else ".csv")
    out.write_bytes(content)
    print(t("cli.exports.written", say, path=out))


if __name__ == "__main__":
    main()
