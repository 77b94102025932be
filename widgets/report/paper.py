"""Typing in paper answer sheets: an empty table to fill in (XLSX or CSV), and its import.

The table has the printed sheet's columns (``paper_sheet``): both are made from what the room may see
(``seen_by_room``), so a participant's text the facilitator hid, or has not approved yet, heads no column
(a value named by a participant that another activity asks to weigh). The import still reads a column of
such a value from a table made before it was hidden: what was written on paper is kept, and moderation
decides what the room sees of it.

Each row is one paper sheet (a form per value: one value of one sheet) with the group and the sheet
number written on it. A sheet becomes participant ``papier-<number>`` of that group, the same
person in every activity. The whole file is one ``store.merge``: a bad row is refused with its
row number and nothing is stored; the same file twice adds nothing; a corrected row replaces
its answer (the old one goes to the history, as with a phone).
"""

import csv
import io

from ..activities import BY_KEY, Activity
from ..i18n import languages, t
from ..model import paper
from ..model.answers import Answer
from ..model.moderation import seen_by_room
from ..model.validation import InputError
from ..store.cells import append_as_text, csv_cell, from_csv_cell
from .transfer import export_session

EMPTY_ROWS = {False: 60, True: 300}  # rows the template's checks cover: sheets, or values (a form per value)
MAX_ROWS = 5000  # more rows than any room writes on paper


def _words(text) -> str:
    return " ".join(str(text or "").lower().split())


def paper_activity(data: dict, activity: str) -> Activity:
    """The session's activity with a paper form (its folder's ``paper`` parts), or InputError."""
    if (
        activity not in data["session"]["activities"]
        or activity not in BY_KEY
        or not BY_KEY[activity].has("paper", "form")
    ):
        raise InputError("error.unknown_activity", name=activity)
    return BY_KEY[activity]


def paper_form(data: dict, activity: str) -> paper.PaperForm:
    return paper_activity(data, activity).part("paper", "form")(data)


def field_labels(activity: Activity, form: paper.PaperForm, data: dict, lang: str) -> dict:
    """``{field name: column heading}``, also the field's words on the printed sheet (the folder's ``paper.label``)."""
    label = activity.part("paper", "label")
    return {f.name: label(f, data, lang) if label else f.label or f.name for f in form.fields}


def columns(data: dict, activity: str, lang: str) -> list:
    """``[(field name, heading)]`` of the typed-in table: group, sheet number, then the activity's fields."""
    form = paper_form(data, activity)
    return [(paper.GROUP, t("paper.col.group", lang)), (paper.SHEET, t("paper.col.sheet", lang))] + list(
        field_labels(BY_KEY[activity], form, data, lang).items()
    )


def choices(activity: str, form: paper.PaperForm, lang: str) -> dict:
    """``{field name: [printed words]}`` of the fields whose cell is one of a list (the folder's ``paper.choices``)."""
    words = BY_KEY[activity].part("paper", "choices")
    found = {f.name: list(words(f, lang).values()) for f in form.fields} if words else {}
    return {name: listed for name, listed in found.items() if listed}


# ------------------------------------------------------------------ templates
def template_csv(data: dict, activity: str, lang: str) -> bytes:
    """The header row, ';'-separated with a BOM, as Dutch Excel opens and saves it."""
    data = seen_by_room(data)  # the printed sheet's columns: no hidden or unapproved text (a palette value)
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerow([csv_cell(heading) for _, heading in columns(data, activity, lang)])
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(data: dict, activity: str, lang: str) -> bytes:
    """One sheet with a frozen header and no example rows; lists and ranges check what is typed."""
    from openpyxl import Workbook  # openpyxl: only when a workbook is made
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter, quote_sheetname

    data = seen_by_room(data)  # the printed sheet's columns: no hidden or unapproved text (a palette value)

    form = paper_form(data, activity)
    heads = columns(data, activity, lang)
    book = Workbook()
    sheet = book.active
    sheet.title = t("paper.xlsx.sheet", lang)[:31]
    append_as_text(sheet, [heading for _, heading in heads])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    last = 1 + EMPTY_ROWS[form.per_value]
    lists = book.create_sheet("lijsten")  # list values live here: group labels may hold commas
    lists.sheet_state = "hidden"
    for row, group in enumerate(data["groups"], start=1):
        lists.cell(row=row, column=1, value=group["label"]).data_type = "s"
    listed = {}  # field name -> the range of its printed words, a column each after the groups
    for column, (name, words) in enumerate(choices(activity, form, lang).items(), start=2):
        for row, word in enumerate(words, start=1):
            lists.cell(row=row, column=column, value=word).data_type = "s"
        letter = get_column_letter(column)
        listed[name] = f"{quote_sheetname(lists.title)}!${letter}$1:${letter}${len(words)}"
    kinds = {f.name: f.kind for f in form.fields}
    for index, (name, heading) in enumerate(heads, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(10, min(40, len(heading) + 4))
        rule = _rule(name, kinds.get(name), len(data["groups"]), quote_sheetname(lists.title), listed.get(name))
        if rule is None:
            continue
        rule.error, rule.errorTitle = t("paper.xlsx.invalid", lang), t("paper.xlsx.invalid_title", lang)
        rule.showErrorMessage = True
        sheet.add_data_validation(rule)
        rule.add(f"{letter}2:{letter}{last}")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rule(name: str, kind, groups: int, lists: str, listed: str | None = None):
    """The check of a column: by field kind, or the list of its printed words (``listed``: their range)."""
    from openpyxl.worksheet.datavalidation import DataValidation  # openpyxl: only when a workbook is made

    if name == paper.GROUP:
        return DataValidation(type="list", formula1=f"{lists}!$A$1:$A${groups}", allow_blank=True)
    if name == paper.SHEET:
        return DataValidation(type="whole", operator="greaterThanOrEqual", formula1="1", allow_blank=True)
    if listed:
        return DataValidation(type="list", formula1=listed, allow_blank=True)
    if kind == "route":
        return DataValidation(type="list", formula1='"a,b"', allow_blank=True)
    ranges = {
        "grade": ("decimal", 1, 10),
        "corner": ("whole", 0, 10),
        "severity": ("whole", 1, 5),
        "points": ("whole", 0, 100),
    }
    if kind in ranges:
        kind, low, high = ranges[kind]
        return DataValidation(type=kind, operator="between", formula1=str(low), formula2=str(high), allow_blank=True)
    return None  # statements take "weet ik niet" too; notes and values are free text


# --------------------------------------------------------------------- import
def read_rows(filename: str, payload: bytes) -> list:
    """``[(row number, cells)]`` of the rows that hold anything (an .xlsx's first sheet, or a CSV)."""
    name = str(filename or "").lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook  # openpyxl: only for an .xlsx

        try:
            book = load_workbook(io.BytesIO(payload), read_only=True, data_only=True)
            rows = _filled(book.worksheets[0].iter_rows(values_only=True))
            book.close()
        except InputError:
            raise
        except Exception:  # openpyxl raises many kinds for a file that is no workbook
            raise InputError("paper.error.file") from None
        return rows
    if name.endswith(".csv"):
        try:
            text = payload.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = payload.decode("cp1252", errors="replace")  # Excel's "CSV" without UTF-8
        first = text.split("\n", 1)[0]
        delimiter = max((";", ",", "\t"), key=first.count)
        return _filled(
            [from_csv_cell(cell) for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        )
    raise InputError("paper.error.file")


def _filled(rows) -> list:
    kept: list[tuple[int, list]] = []
    for number, row in enumerate(rows, start=1):
        if any(not _blank(cell) for cell in row):
            if len(kept) > MAX_ROWS:
                raise InputError("paper.error.too_many", max=MAX_ROWS)
            kept.append((number, list(row)))
    return kept


def _headings(data: dict, activity: str, heads: list) -> dict:
    """``{column index: field name}``; an unknown heading is refused (another activity's table, say)."""
    known: dict[str, str] = {}
    for lang in languages():
        for name, heading in columns(data, activity, lang):
            known.setdefault(_words(heading), name)
    known.update({_words(w): paper.GROUP for w in ("groep", "group")})
    known.update({_words(w): paper.SHEET for w in ("blad", "blad nr.", "blad nr", "bladnummer", "sheet", "sheet no.")})
    other = paper_form(data, activity).heading  # the form's own other spellings
    found: dict[int, str] = {}
    for index, heading in enumerate(heads):
        if heading is None or str(heading).strip() == "":
            continue
        name = known.get(_words(heading))
        if name is None and other is not None:
            name = other(heading)
        if name is None or name in found.values():
            raise InputError(
                "paper.error.column",
                column=str(heading).strip(),
                activity=BY_KEY[activity].label(data["session"]["language"]),
            )
        found[index] = name
    if not {paper.GROUP, paper.SHEET} <= set(found.values()):
        raise InputError(
            "paper.error.columns",
            group=t("paper.col.group", data["session"]["language"]),
            sheet=t("paper.col.sheet", data["session"]["language"]),
        )
    return found


def import_paper(store, session_id: str, filename: str, payload: bytes) -> dict:
    """Add the typed-in sheets of one activity (an .xlsx or .csv from the template) to a session.

    The activity is the one whose headings the file has. Returns the counts ``store.merge`` gives.
    """
    data = export_session(store, session_id)
    lang = data["session"]["language"]
    rows = read_rows(filename, payload)
    if not rows:
        raise InputError("paper.error.empty")
    activity, found = _activity_of(data, rows[0][1])
    form = paper_form(data, activity)
    labels = {name: heading for name, heading in columns(data, activity, lang)}
    groups = {_words(g["label"]): g["key"] for g in data["groups"]}
    groups.update({_words(g["key"]): g["key"] for g in data["groups"]})
    known = {p["ref"]: p["group"] for p in data["participants"]}
    group_label = {g["key"]: g["label"] for g in data["groups"]}
    sheets: dict[str, str] = {}
    answers: list[Answer] = []
    seen: dict[str, int] = {}
    read: dict[str, list] = {}  # per sheet, the values its rows gave so far
    for row_number, row in rows[1:]:
        cells = {name: _cell(row[i] if i < len(row) else None) for i, name in found.items()}
        if all(c is None for c in cells.values()):
            continue
        where = {"row": row_number, "activity": BY_KEY[activity].label(lang)}
        try:
            group = groups.get(_words(cells.get(paper.GROUP)))
            if group is None:
                where["item"] = labels[paper.GROUP]
                raise InputError(
                    "paper.error.group",
                    group=str(cells.get(paper.GROUP) or ""),
                    groups=", ".join(g["label"] for g in data["groups"]),
                )
            where["item"] = labels[paper.SHEET]
            ref = paper.sheet_ref(paper.sheet_number(cells.get(paper.SHEET)))
            earlier = sheets.get(ref, known.get(ref))
            if earlier is not None and earlier != group:
                raise InputError(
                    "paper.error.sheet_group",
                    sheet=ref.removeprefix(paper.REF_PREFIX),
                    group=group_label.get(earlier, earlier),
                )
            if ref in seen and not form.per_value:
                raise InputError("paper.error.sheet_twice", sheet=ref.removeprefix(paper.REF_PREFIX), row=seen[ref])
            seen.setdefault(ref, row_number)
            sheets[ref] = group
            values = {name: cell for name, cell in cells.items() if name not in (paper.GROUP, paper.SHEET)}
            above = read.setdefault(ref, [])
            items = form.read(values, above)
            above.extend(items.values())
        except paper.CellError as error:
            where["item"] = labels.get(error.field) or (t(form.whole, lang) if form.whole else "")
            raise InputError("error.import_row", reason=InputError(error.key, **error.params), **where) from None
        except InputError as error:
            raise InputError("error.import_row", reason=error, **where) from None
        answers.extend(
            Answer(activity=activity, participant=ref, group=group, item=item, value=value)
            for item, value in items.items()
        )
    if not sheets:
        raise InputError("paper.error.empty")
    participants = [{"ref": ref, "group": group} for ref, group in sheets.items()]
    return store.merge(session_id, [], participants, answers)


def _activity_of(data: dict, heads: list) -> tuple:
    """The session's activity whose table this is (most headings its own), and ``{column index: field name}``."""
    typed = {_words(h) for h in heads if not _blank(h)}

    def fit(activity):
        own = {_words(heading) for lang in languages() for _, heading in columns(data, activity, lang)}
        fields = len(paper_form(data, activity).fields) + 2
        return len(typed & own), -abs(fields - len(typed))

    on_paper = [a for a in data["session"]["activities"] if a in BY_KEY and BY_KEY[a].has("paper", "form")]
    best = max(on_paper, key=fit, default=None)
    if best is None:
        raise InputError("paper.error.empty")
    return best, _headings(data, best, heads)


def _blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _cell(cell):
    """A typed cell: text trimmed, None for empty; numbers as they are."""
    if isinstance(cell, str):
        return cell.strip() or None
    return cell
