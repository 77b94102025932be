"""datasets/democratische_waarden_tabel_4_2.csv: the democratic values of Tabel 4.2 with their evaluation question.

Source: Van der Torre, Douglas & 't Hart (2018), *Werken aan publieke waarde. Leren van en voor gemeenten*
(VNG / Universiteit Utrecht), Box 4.3 and Tabel 4.2 "Democratische waarden en thema's" (§4.2), taken by the
book from Michels & Binnema (2016), p. 47. Expected figures are written down BY HAND from the book, not
computed from the CSV ("line" numbers are positions in the extracted text the kit was written from, a reading
aid only).
"""

from collections import Counter

import pytest

from .dataset_files import DATASETS, header_line, provenance, rows

PATH = DATASETS / "democratische_waarden_tabel_4_2.csv"
COLUMNS = [
    "value_nl",
    "value_en",
    "question_nl",
    "question_en",
    "theme_nl",
    "theme_en",
    "explanation_nl",
    "explanation_en",
]

# Tabel 4.2, lines 756-761: the first column lists six democratic values, in this order.
PRINTED_VALUES = ["Insluiting", "Invloed", "Deliberatie", "Burgerschap", "Transparantie", "Legitimiteit"]
N_VALUES = 6
# Line 755: the table has one column "Evaluatievragen"; each of the rows 756-761 holds exactly one question.
QUESTIONS_PER_VALUE = 1
N_QUESTIONS = 6
# A key word of each printed question (lines 756-761), so a question cannot drift to the wrong value.
KEY_WORD = {
    "Insluiting": "divers",  # line 756: "Hoe divers is de deelnemersgroep?"
    "Invloed": "ideeën",  # line 757: "... de input en ideeën van deelnemers?"
    "Deliberatie": "dialoog",  # line 758: "... sprake van dialoog tussen deelnemers?"
    "Burgerschap": "burgers",  # line 759: "Leidt het tot betere democratische burgers?"
    "Transparantie": "verwachten",  # line 760: "Is duidelijk wat deelnemers kunnen verwachten?"
    "Legitimiteit": "steunen",  # line 761: "Steunen deelnemers het proces en de uitkomst?"
}


def test_provenance_names_the_book_the_table_and_its_origin():
    header = provenance(PATH)
    assert len(header) >= 3 and all(line.startswith("# ") for line in header)
    text = "\n".join(header)
    for needle in (
        "Werken aan publieke waarde",
        "Van der Torre",
        "2018",
        "Tabel 4.2",
        "Box 4.3",
        "Michels",
        "Binnema",
        "2016",
        "p. 47",
        "vertalingen van de kit",
    ):
        assert needle in text, needle


def test_header_row_follows_the_provenance():
    assert header_line(PATH) == ",".join(COLUMNS)
    assert all(list(row) == COLUMNS and None not in row.values() for row in rows(PATH))


def test_number_of_values_as_printed():
    found = [row["value_nl"] for row in rows(PATH)]
    distinct = list(dict.fromkeys(found))
    assert len(distinct) == N_VALUES
    assert distinct == PRINTED_VALUES
    assert len({row["value_en"] for row in rows(PATH)}) == N_VALUES


def test_questions_per_value_as_printed():
    per_value = Counter(row["value_nl"] for row in rows(PATH))
    assert all(count == QUESTIONS_PER_VALUE for count in per_value.values()), per_value
    assert sum(per_value.values()) == N_QUESTIONS == N_VALUES * QUESTIONS_PER_VALUE
    # Each English value name belongs to exactly one Dutch one, so the categories agree in both languages.
    assert len({(row["value_nl"], row["value_en"]) for row in rows(PATH)}) == N_VALUES


def test_no_empty_cells_and_both_languages_differ():
    for row in rows(PATH):
        for column in COLUMNS:
            assert row[column].strip(), (row["value_nl"], column)
        for stem in ("value", "question", "theme", "explanation"):
            assert row[f"{stem}_nl"] != row[f"{stem}_en"], (row["value_nl"], stem)


def test_every_question_is_a_question_in_both_languages():
    for row in rows(PATH):
        assert row["question_nl"].endswith("?") and row["question_en"].endswith("?"), row["value_nl"]


def test_each_question_sits_with_its_printed_value():
    for row in rows(PATH):
        assert KEY_WORD[row["value_nl"]] in row["question_nl"].lower(), row["value_nl"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_explanation_starts_with_its_own_value(language):
    # the explanation says why the question belongs to *that* value (shown after "Controleer")
    for row in rows(PATH):
        assert row[f"explanation_{language}"].startswith(row[f"value_{language}"]), row["value_nl"]
