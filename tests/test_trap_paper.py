"""Participatietrap nu en straks on paper: the printed sheet (Dutch and English), its typing-in table and import.

A typed-in sheet counts as a phone's answer: the same value stored, both rungs required, a bad cell refused with
its column and nothing stored.
"""

import io
import subprocess

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from widgets.i18n import error_message
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.report.paper import import_paper, template_csv, template_xlsx
from widgets.report.paper_sheet import sheet_html, sheet_pdf
from widgets.report.transfer import export_session

HEADINGS = ["Groep", "Blad", "Trede nu", "Trede straks", "Toelichting"]
RUNGS = ["1. Reguleren", "2. Regisseren", "3. Stimuleren", "4. Faciliteren", "5. Loslaten"]


def new_session(store, **spec):
    spec = {"title": "Omgevingsvisie", "topic": "wonen", "municipality": "Ede", "activities": ("trap",), **spec}
    session, _ = store.create_session(SessionSpec(**spec))
    store.set_activity_open(session.id, "trap", True)
    someone = store.join(session.code, session.groups[0].key)
    store.submit(someone.token, "trap", {"trede": {"now": 2, "should": 4, "note": "Geheime woorden van iemand"}})
    return session


def typed(*rows) -> bytes:
    return ("\n".join([";".join(HEADINGS), *rows]) + "\n").encode("utf-8-sig")


def paper_answers(store, session) -> dict:
    return {a.participant: a.value for a in store.answers(session.id, "trap") if a.participant.startswith("papier-")}


def test_the_sheet_asks_both_questions_with_the_five_rungs_in_dutch_and_english(sqlite_store):
    session = new_session(sqlite_store)
    data = export_session(sqlite_store, session.id)
    assert template_csv(data, "trap", "nl").decode("utf-8-sig").strip().split(";") == HEADINGS
    sheet = BeautifulSoup(sheet_html(data, "trap"), "html.parser")
    words = sheet.get_text(" ", strip=True)
    assert "Waar staat Ede bij wonen, nu en straks?" in words
    assert [h.get_text(" ", strip=True) for h in sheet.select(".kit-paper-cell h2")] == [
        "Trede nu: Waar staat de gemeente nu?",
        "Trede straks: Waar zou de gemeente moeten staan?",
        "Toelichting",
    ]
    for question in sheet.select(".kit-paper-cell")[:2]:
        assert [b.get_text() for b in question.select("b")] == RUNGS
        assert len(question.select(".kit-paper-box")) == 5  # a box to tick per rung
    assert "De overheid regelt en beslist alles zelf." in words  # each rung's role, as on the phone
    assert "Geheime woorden" not in words  # nobody's words are printed: a sheet is handed to anyone
    english = BeautifulSoup(sheet_html(data, "trap", "en"), "html.parser").get_text(" ", strip=True)
    assert "Rung now: Where does the municipality stand now?" in english
    assert "Where should the municipality stand?" in english and "Waar staat" not in english
    assert template_csv(data, "trap", "en").decode("utf-8-sig").strip().split(";")[2:] == [
        "Rung now",
        "Rung should be",
        "Explanation",
    ]


def test_the_workbook_offers_the_rungs_as_printed_and_the_sheet_prints_on_one_a4(sqlite_store, tmp_path):
    session = new_session(sqlite_store)
    data = export_session(sqlite_store, session.id)
    book = load_workbook(io.BytesIO(template_xlsx(data, "trap", "nl")))
    assert [c.value for c in book.worksheets[0][1]] == HEADINGS
    listed = [row[1].value for row in book["lijsten"].iter_rows(max_col=3)]
    assert listed == RUNGS
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in book.worksheets[0].data_validations.dataValidation}
    assert "lijsten" in lists["C2"] and "lijsten" in lists["D2"]  # a drop-down of the rungs, now and straks
    pdf = tmp_path / "trap.pdf"
    pdf.write_bytes(sheet_pdf(data, "trap", "nl"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info and next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")) == "1"


def test_sheets_typed_in_are_stored_as_a_phones_answer_however_the_rung_is_copied(sqlite_store):
    session = new_session(sqlite_store)
    group = session.groups[0].label
    rows = [
        f"{group};1;1;4;Inwoners kunnen veel zelf",  # the numbers
        f"{group};2;regisseren; Loslaten ;",  # the names, as a person types them
        f"{group};3;3. Stimuleren;letting go;",  # the printed words, and the English name
    ]
    assert import_paper(sqlite_store, session.id, "papier.csv", typed(*rows))["answers"] == 3
    assert paper_answers(sqlite_store, session) == {
        "papier-1": {"now": 1, "should": 4, "note": "Inwoners kunnen veel zelf"},
        "papier-2": {"now": 2, "should": 5, "note": ""},
        "papier-3": {"now": 3, "should": 5, "note": ""},
    }
    assert import_paper(sqlite_store, session.id, "papier.csv", typed(*rows))["answers"] == 0  # the same file twice


@pytest.mark.parametrize(
    "row, message",
    [
        ("1;;", "Kies waar de gemeente zou moeten staan."),
        (";2;Alleen een toelichting", "Kies waar de gemeente nu staat."),
        ("6;2;", "Kies waar de gemeente nu staat."),
        ("3;bovenaan;", "Kies waar de gemeente zou moeten staan."),
    ],
)
def test_a_sheet_without_both_rungs_or_with_an_unknown_one_is_refused_and_nothing_stored(sqlite_store, row, message):
    session = new_session(sqlite_store)
    before = sqlite_store.participant_counts(session.id)
    with pytest.raises(InputError) as refused:
        import_paper(sqlite_store, session.id, "papier.csv", typed(f"{session.groups[0].label};1;{row}"))
    text = error_message(refused.value, "nl")
    assert message in text and "Er is niets toegevoegd." in text
    assert paper_answers(sqlite_store, session) == {} and sqlite_store.participant_counts(session.id) == before
