"""Raadsenquête Village Deals on paper: the five statements and the four bestuursstijlen on the printed sheet (Dutch
and English, one A4), its typing-in table and import.

A typed-in sheet counts as a phone's answer: the same choice stored however a person copies the printed word, an
empty box no answer, a word the sheet does not print refused with the phone's Dutch message and nothing stored.
"""

import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from widgets.i18n import error_message
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.report.paper import import_paper, template_csv, template_xlsx
from widgets.report.paper_sheet import sheet_html, sheet_pdf
from widgets.report.transfer import export_session

from .paper_pages import paper_answers, pdf_pages, whole_on_one_page

# Afbeelding 4's statements as the phone asks them, written down by hand
STATEMENTS = [
    "De transformatie van het sociaal domein vraagt een nieuwe rol van de raad: meer ruimte voor ideeën en "
    "initiatieven uit de lokale samenleving",
    "Raadsleden in onze gemeente zijn voldoende toegerust voor hun rol in het sociaal domein",
    "Raadsleden in onze gemeente hebben te weinig kennis van de uitvoeringspraktijk in het sociaal domein",
    "De gemeenteraad heeft voldoende instrumenten om integraal werken in het sociaal domein te stimuleren",
    "Onze gemeenteraad worstelt bij de transformatie van het sociaal domein met het dilemma tussen rechtmatigheid en "
    "maatwerk",
]
ANSWERS = ["Eens", "Neutraal", "Oneens", "Weet niet"]
STYLES = ["Bewaker", "Strateeg", "Idealist", "Manager"]
HEADINGS = ["Groep", "Blad", *(f"Raadsstelling {n}" for n in range(1, 6)), "Bestuursstijl"]


def new_session(store):
    session, _ = store.create_session(
        SessionSpec(title="Sociaal domein", topic="wonen", municipality="Ede", activities=("raadsenquete",))
    )
    return session


def typed(*rows) -> bytes:
    return ("\n".join([";".join(HEADINGS), *rows]) + "\n").encode("utf-8-sig")


def test_the_sheet_asks_the_five_statements_and_the_four_styles_as_the_phone_in_dutch_and_english(sqlite_store):
    data = export_session(sqlite_store, new_session(sqlite_store).id)
    assert template_csv(data, "raadsenquete", "nl").decode("utf-8-sig").strip().split(";") == HEADINGS
    sheet = BeautifulSoup(sheet_html(data, "raadsenquete"), "html.parser")
    statements, styles = sheet.select(".kit-paper-cell")
    rows = statements.select("tr")
    assert [r.get_text(" ", strip=True) for r in rows] == [
        f"Raadsstelling {n} {text} Eens Neutraal Oneens Weet niet" for n, text in enumerate(STATEMENTS, start=1)
    ]
    for row in rows:  # a box per answer, the phone's four
        assert [box.parent.get_text(strip=True) for box in row.select(".kit-paper-box")] == ANSWERS
    assert [b.get_text() for b in styles.select("b")] == STYLES
    assert "Bestuursstijl: Welke bestuursstijl past het best bij u?" in styles.get_text(" ", strip=True)
    assert len(styles.select(".kit-paper-box")) == 4  # one style ticked
    assert "Wil greep houden op zowel het proces als de inhoud." in styles.get_text(" ", strip=True)  # a trait
    words = sheet.get_text(" ", strip=True)
    assert "Village Deals, Afbeelding 4" in words and "Afbeelding 2" in words  # where the questions come from
    english = BeautifulSoup(sheet_html(data, "raadsenquete", "en"), "html.parser")
    text = english.get_text(" ", strip=True)
    assert "Council members in our municipality are sufficiently equipped for their role in the social domain" in text
    assert [b.get_text() for b in english.select(".kit-paper-cell")[1].select("b")] == [
        "Guardian",
        "Strategist",
        "Idealist",
        "Manager",
    ]
    assert "Agree" in text and "Don't know" in text and "Raadsleden" not in text and "Eens" not in text
    assert template_csv(data, "raadsenquete", "en").decode("utf-8-sig").strip().split(";")[-2:] == [
        "Council statement 5",
        "Style of governing",
    ]


def test_the_workbook_offers_the_printed_words_and_the_sheet_prints_on_one_a4(sqlite_store, tmp_path):
    data = export_session(sqlite_store, new_session(sqlite_store).id)
    book = load_workbook(io.BytesIO(template_xlsx(data, "raadsenquete", "nl")))
    assert [c.value for c in book.worksheets[0][1]] == HEADINGS
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in book.worksheets[0].data_validations.dataValidation}
    listed = {column[0].column_letter: [c.value for c in column] for column in book["lijsten"].iter_cols(min_col=2)}
    assert all("lijsten" in lists[f"{letter}2"] for letter in "CDEFGH")  # a drop-down in every answer's column
    assert [w for w in listed[lists["C2"].split("$")[1]] if w] == ANSWERS
    assert [w for w in listed[lists["H2"].split("$")[1]] if w] == STYLES
    size, pages = pdf_pages(sheet_pdf(data, "raadsenquete", "nl"), tmp_path)
    assert "(A4)" in size and len(pages) == 1
    assert all(whole_on_one_page(text, pages) for text in STATEMENTS)
    assert "Spreekt mensen aan op hun eigen verantwoordelijkheid" in " ".join(pages[0].split())  # the last trait


def test_sheets_typed_in_are_stored_as_a_phones_answers_however_the_word_is_copied(sqlite_store):
    session = new_session(sqlite_store)
    group = session.groups[0].label
    rows = [
        f"{group};1;Eens;neutraal; ONEENS ;Weet niet;;Bewaker",  # as printed, capitals or not
        f"{group};2;agree;?;weet ik niet;;eens;strategist",  # English, and the ways of writing "weet ik niet"
        f"{group};3;;;;;;manager",  # only the style
    ]
    assert import_paper(sqlite_store, session.id, "papier.csv", typed(*rows))["answers"] == 11
    assert paper_answers(sqlite_store, session, "raadsenquete") == {
        ("papier-1", "nieuwe_rol"): "eens",
        ("papier-1", "toegerust"): "neutraal",
        ("papier-1", "kennis"): "oneens",
        ("papier-1", "instrumenten"): "weet_niet",
        ("papier-1", "stijl"): "bewaker",
        ("papier-2", "nieuwe_rol"): "eens",
        ("papier-2", "toegerust"): "weet_niet",
        ("papier-2", "kennis"): "weet_niet",
        ("papier-2", "dilemma"): "eens",
        ("papier-2", "stijl"): "strateeg",
        ("papier-3", "stijl"): "manager",
    }  # an empty box is no answer
    assert import_paper(sqlite_store, session.id, "papier.csv", typed(*rows))["answers"] == 0  # the same file twice


@pytest.mark.parametrize(
    "cells, message",
    [
        ("misschien;;;;;", "(Raadsenquête Village Deals, Raadsstelling 1) is niet ingelezen: Kies eens, neutraal,"),
        (";;;;;koning", "(Raadsenquête Village Deals, Bestuursstijl) is niet ingelezen: Kies een van de vier"),
        ("eens;;;;;?", "(Raadsenquête Village Deals, Bestuursstijl) is niet ingelezen: Kies een van de vier"),
    ],
)
def test_a_word_the_sheet_does_not_print_is_refused_in_dutch_and_nothing_stored(sqlite_store, cells, message):
    session = new_session(sqlite_store)
    group = session.groups[0].label
    before = sqlite_store.participant_counts(session.id)
    with pytest.raises(InputError) as refused:
        import_paper(
            sqlite_store, session.id, "papier.csv", typed(f"{group};1;eens;;;;;idealist", f"{group};2;{cells}")
        )
    text = error_message(refused.value, "nl")
    assert text.startswith("Rij 3 van het bestand " + message) and text.endswith("Er is niets toegevoegd.")
    assert paper_answers(sqlite_store, session, "raadsenquete") == {}
    assert sqlite_store.participant_counts(session.id) == before
