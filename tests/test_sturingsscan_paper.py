"""Sturingsscan on paper: Bijlage E's 32 statements on the printed sheet, element by element in the phone's order and
numbering, 1-5 or "weet ik niet" (Dutch and English, two A4 pages), its typing-in table and import.

A typed-in sheet counts as a phone's answer: the same score stored, "weet ik niet" as a phone's, an empty box no
answer, a score a phone could not send refused with its column in Dutch and nothing stored.
"""

import pytest
from bs4 import BeautifulSoup

from widgets.activities.sturingsscan.model import indicators
from widgets.i18n import error_message
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.report.paper import import_paper, template_csv
from widgets.report.paper_sheet import sheet_html, sheet_pdf
from widgets.report.transfer import export_session

from .paper_pages import paper_answers, pdf_pages, whole_on_one_page

ELEMENTS = ["Beleid", "Organisatie", "Bekostiging", "Aansturing"]
HEADINGS = ["Groep", "Blad", *(f"{element} {n}" for element in ELEMENTS for n in range(1, 9))]
# Bijlage E's statements on beleid as the phone numbers them (each perspective's first, then each one's second),
# written down by hand
BELEID = [
    "Het beleid is vooral een nauwkeurige uitwerking van de relevante wet- en regelgeving.",
    "Het beleid is concreet (SMART) geformuleerd en gericht op prestaties en resultaten.",
    "Het beleid gaat over de samenwerking met de maatschappelijke partners in het netwerk.",
    "Het beleid legt de nadruk op de kracht van de samenleving en de zelfredzaamheid van de burger.",
    "De gemeente neemt zelf de verantwoordelijkheid voor de taken die uitgevoerd moeten worden.",
    "De gemeente heeft goed zicht op haar financiële situatie en op het halen van doelen.",
    "De gemeente wil de burger als klant goede (digitale) dienstverlening bieden.",
    "De gemeente doet minder zelf en vindt het belangrijk ruimte te geven aan maatschappelijk initiatief.",
]


def new_session(store):
    session, _ = store.create_session(
        SessionSpec(title="Sociaal domein", topic="wonen", municipality="Ede", activities=("sturingsscan",))
    )
    return session


def typed(*rows: dict) -> bytes:
    lines = [";".join(HEADINGS), *(";".join(str(row.get(h, "")) for h in HEADINGS) for row in rows)]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def test_the_sheet_asks_the_32_statements_by_element_on_the_phones_scale_in_dutch_and_english(sqlite_store):
    data = export_session(sqlite_store, new_session(sqlite_store).id)
    assert template_csv(data, "sturingsscan", "nl").decode("utf-8-sig").strip().split(";") == HEADINGS
    sheet = BeautifulSoup(sheet_html(data, "sturingsscan"), "html.parser")
    elements = sheet.select(".kit-paper-cell")
    assert [e.h2.get_text() for e in elements] == [
        "Beleid: Wat wil de gemeente bereiken?",
        "Organisatie: Hoe gaat de gemeente dat doen?",
        "Bekostiging: Hoe betaalt de gemeente dat?",
        "Aansturing: Waar richt de gemeente zich op?",
    ]
    beleid = elements[0].select("tr")
    assert [r.td.get_text(" ", strip=True) for r in beleid] == [f"{n}. {s}" for n, s in enumerate(BELEID, start=1)]
    rows = sheet.select(".kit-paper-cell tr")
    assert len(rows) == 32
    for row in rows:  # 1 to 5 or "weet ik niet", as on a phone
        assert [s.get_text() for s in row.select(".kit-paper-scale span")] == ["1", "2", "3", "4", "5"]
        assert row.select_one(".kit-paper-box").parent.get_text(strip=True) == "Weet ik niet"
    words = sheet.get_text(" ", strip=True)
    assert "1 = helemaal niet, 5 = in sterke mate" in words
    assert "Sturing in 3D (Bijlage E)" in words and "Hoe stuurt Ede bij wonen?" in words
    assert all(i.text("nl") in words for i in indicators())
    assert "(PA)" not in words and "Rechtmatige overheid" not in words  # the perspectives unnamed, as on a phone
    english = BeautifulSoup(sheet_html(data, "sturingsscan", "en"), "html.parser")
    text = english.get_text(" ", strip=True)
    assert english.select_one(".kit-paper-cell h2").get_text() == "Policy: What does the municipality want to achieve?"
    assert "1. Policy is mainly a precise elaboration of the relevant laws and regulations." in text
    assert "1 = not at all, 5 = to a great extent" in text and "Don't know" in text and "Het beleid" not in text
    assert template_csv(data, "sturingsscan", "en").decode("utf-8-sig").strip().split(";")[2:4] == [
        "Policy 1",
        "Policy 2",
    ]


def test_the_sheet_prints_on_two_a4_pages_two_elements_each_none_cut_off(sqlite_store, tmp_path):
    data = export_session(sqlite_store, new_session(sqlite_store).id)
    heads = {
        "nl": ("Beleid:", "Organisatie:", "Bekostiging:", "Aansturing:", "Blad nr."),
        "en": ("Policy:", "Organisation:", "Funding:", "Management:", "Sheet no."),
    }
    for lang, (*elements, number) in heads.items():
        size, pages = pdf_pages(sheet_pdf(data, "sturingsscan", lang), tmp_path, lang)
        assert "(A4)" in size and len(pages) == 2
        assert [[e for e in elements if e in page] for page in pages] == [elements[:2], elements[2:]]
        assert all(whole_on_one_page(i.text(lang), pages) for i in indicators())
        assert number in pages[1] and data["session"]["code"] in pages[1]  # the pages can come apart


def test_sheets_typed_in_are_stored_as_a_phones_answers(sqlite_store):
    session = new_session(sqlite_store)
    group = session.groups[0].label
    rows = [
        {"Groep": group, "Blad": 1, "Beleid 1": 5, "Beleid 2": " 1 ", "Beleid 5": "?", "Aansturing 8": "weet ik niet"},
        {"Groep": group, "Blad": 2, "Organisatie 3": 3},
    ]
    assert import_paper(sqlite_store, session.id, "papier.csv", typed(*rows))["answers"] == 5
    assert paper_answers(sqlite_store, session, "sturingsscan") == {
        ("papier-1", "beleid_pa_1"): 5,
        ("papier-1", "beleid_npm_1"): 1,
        ("papier-1", "beleid_pa_2"): "weet_niet",  # as a phone stores "weet ik niet"
        ("papier-1", "aansturing_sr_2"): "weet_niet",
        ("papier-2", "organisatie_npg_1"): 3,
    }  # an empty box is no answer
    assert import_paper(sqlite_store, session.id, "papier.csv", typed(*rows))["answers"] == 0  # the same file twice


@pytest.mark.parametrize(
    "column, cell",
    [("Beleid 3", "6"), ("Bekostiging 7", "3,5"), ("Aansturing 1", "veel")],
)
def test_a_score_a_phone_could_not_send_is_refused_in_dutch_and_nothing_stored(sqlite_store, column, cell):
    session = new_session(sqlite_store)
    group = session.groups[0].label
    before = sqlite_store.participant_counts(session.id)
    with pytest.raises(InputError) as refused:
        import_paper(
            sqlite_store,
            session.id,
            "papier.csv",
            typed({"Groep": group, "Blad": 1, "Beleid 1": 4}, {"Groep": group, "Blad": 2, column: cell}),
        )
    assert error_message(refused.value, "nl") == (
        f"Rij 3 van het bestand (Sturingsscan, {column}) is niet ingelezen: "
        "Kies een score van 1 tot 5 of 'weet ik niet'. Er is niets toegevoegd."
    )
    assert paper_answers(sqlite_store, session, "sturingsscan") == {}
    assert sqlite_store.participant_counts(session.id) == before
