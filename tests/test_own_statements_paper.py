"""Eigen stellingen on paper: the facilitator's own statements on the printed sheet (Dutch and English, escaped,
on A4 however long), its typing-in table and import.

A typed-in sheet counts as a phone's answer: the same score stored, "weet ik niet" as a phone's, a bad cell refused
with its column in Dutch and nothing stored.
"""

import pytest
from bs4 import BeautifulSoup

from widgets.activities.eigen.model import check_statements
from widgets.i18n import error_message
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.report.paper import import_paper, template_csv
from widgets.report.paper_sheet import sheet_html, sheet_pdf
from widgets.report.transfer import export_session

from .paper_pages import paper_answers, pdf_pages, whole_on_one_page

OWN = [
    "Onze wijkteams werken vanuit de <b>bedoeling</b> & niet vanuit het protocol",
    "Inwoners weten ons te vinden",
    "We leren van klachten",
]
HEADINGS = ["Groep", "Blad", "Stelling 1", "Stelling 2", "Stelling 3"]


def new_session(store, statements=OWN):
    session, _ = store.create_session(
        SessionSpec(title="Sociaal domein", topic="wonen", municipality="Ede", activities=("eigen",))
    )
    if statements:
        store.set_state(session.id, "eigen", "statements", check_statements(statements))
    return session


def typed(*rows) -> bytes:
    return ("\n".join([";".join(HEADINGS), *rows]) + "\n").encode("utf-8-sig")


def test_the_sheet_lists_the_facilitators_statements_escaped_with_the_phones_scale_in_dutch_and_english(
    sqlite_store,
):
    session = new_session(sqlite_store)
    data = export_session(sqlite_store, session.id)
    assert template_csv(data, "eigen", "nl").decode("utf-8-sig").strip().split(";") == HEADINGS
    sheet = BeautifulSoup(sheet_html(data, "eigen"), "html.parser")
    rows = sheet.select("table tr")
    assert [r.select_one("b").get_text() for r in rows] == ["Stelling 1", "Stelling 2", "Stelling 3"]
    assert [r.select_one(".kit-paper-text").get_text() for r in rows] == OWN  # the facilitator's words, as typed
    assert sheet.select_one("table b b") is None  # their <b> is text, not markup
    for row in rows:  # 1 to 10 or "weet ik niet", as on a phone
        assert [s.get_text() for s in row.select(".kit-paper-scale span")] == [str(n) for n in range(1, 11)]
        assert row.select_one(".kit-paper-box").parent.get_text(strip=True) == "weet ik niet"
    assert "1 = helemaal oneens, 10 = helemaal eens" in sheet.get_text(" ", strip=True)
    english = BeautifulSoup(sheet_html(data, "eigen", "en"), "html.parser")
    words = english.get_text(" ", strip=True)
    assert "The facilitator's statements: score each statement from 1 to 10" in words
    assert [r.select_one("b").get_text() for r in english.select("table tr")] == [
        "Statement 1",
        "Statement 2",
        "Statement 3",
    ]
    assert "1 = not at all, 10 = completely" in words and "don't know" in words and "Stelling" not in words
    assert template_csv(data, "eigen", "en").decode("utf-8-sig").strip().split(";")[2:] == [
        "Statement 1",
        "Statement 2",
        "Statement 3",
    ]
    empty = export_session(sqlite_store, new_session(sqlite_store, statements=None).id)
    assert "Deze sessie heeft geen eigen stellingen." in sheet_html(empty, "eigen")


def test_a_sheet_prints_on_a4_and_twelve_long_statements_go_on_two_pages_each_whole(sqlite_store, tmp_path):
    size, pages = pdf_pages(sheet_pdf(export_session(sqlite_store, new_session(sqlite_store).id), "eigen"), tmp_path)
    assert "(A4)" in size and len(pages) == 1
    assert all(whole_on_one_page(text, pages) for text in ("Inwoners weten ons te vinden", "We leren van klachten"))
    # twelve of a usual length still fit one page
    usual = [
        f"Stelling {n}: wij betrekken inwoners al vroeg bij de keuzes die hun eigen buurt raken" for n in range(12)
    ]
    _, pages = pdf_pages(
        sheet_pdf(export_session(sqlite_store, new_session(sqlite_store, usual).id), "eigen"), tmp_path
    )
    assert len(pages) == 1 and all(whole_on_one_page(text, pages) for text in usual)
    # twelve of the most a facilitator may write (200 characters): a second page, with its sheet number, none cut
    longest = [
        (f"Nummer {n}: " + "inwoners en professionals werken samen aan een buurt waarin iedereen mee kan doen, " * 3)[
            :200
        ]
        for n in range(1, 13)
    ]
    data = export_session(sqlite_store, new_session(sqlite_store, longest).id)
    size, pages = pdf_pages(sheet_pdf(data, "eigen", "en"), tmp_path)
    assert "(A4)" in size and len(pages) == 2
    assert all(whole_on_one_page(text, pages) for text in longest)
    assert "Sheet no." in pages[1] and data["session"]["code"] in pages[1]  # the pages can come apart


def test_sheets_typed_in_are_stored_as_a_phones_scores(sqlite_store):
    session = new_session(sqlite_store)
    group = session.groups[0].label
    rows = [f"{group};1;8;?;", f"{group};2;; 5 ;weet ik niet"]
    assert import_paper(sqlite_store, session.id, "papier.csv", typed(*rows))["answers"] == 4
    assert paper_answers(sqlite_store, session, "eigen") == {
        ("papier-1", "e1"): {"score": 8, "note": ""},
        ("papier-1", "e2"): {"score": None, "note": ""},  # "weet ik niet", as a phone stores it
        ("papier-2", "e2"): {"score": 5, "note": ""},
        ("papier-2", "e3"): {"score": None, "note": ""},
    }  # an empty box is no answer
    assert import_paper(sqlite_store, session.id, "papier.csv", typed(*rows))["answers"] == 0  # the same file twice


@pytest.mark.parametrize(
    "cells, message",
    [
        (
            "11;;",
            "(Eigen stellingen, Stelling 1) is niet ingelezen: Kies een score van 1 tot en met 10, of 'weet ik niet'.",
        ),
        (
            ";7;goed",
            "(Eigen stellingen, Stelling 3) is niet ingelezen: Kies een score van 1 tot en met 10, of 'weet ik niet'.",
        ),
    ],
)
def test_a_score_a_phone_could_not_send_is_refused_in_dutch_and_nothing_stored(sqlite_store, cells, message):
    session = new_session(sqlite_store)
    before = sqlite_store.participant_counts(session.id)
    with pytest.raises(InputError) as refused:
        import_paper(
            sqlite_store,
            session.id,
            "papier.csv",
            typed(f"{session.groups[0].label};1;6;6;6", f"{session.groups[0].label};2;{cells}"),
        )
    text = error_message(refused.value, "nl")
    assert text.startswith("Rij 3 van het bestand " + message) and text.endswith("Er is niets toegevoegd.")
    assert paper_answers(sqlite_store, session, "eigen") == {} and sqlite_store.participant_counts(session.id) == before
