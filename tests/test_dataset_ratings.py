"""datasets/wonen_rapportcijfers_reconstructie.csv and datasets/landelijke_referentie.csv.

Source: Van der Torre, Douglas & 't Hart (2018), *Werken aan publieke waarde. Leren van en voor
gemeenten* (VNG / Universiteit Utrecht): §2.3 (Box 2.3), §3.3 (Box 3.3), §4.3 (Box 4.4), §1.3.2.
All expected numbers below are written down BY HAND from the book, not computed from the CSV files
("line" numbers are positions in the extracted text the kit was written from, a reading aid only).
"""

import re

import pytest

from .dataset_files import DATASETS, header_line, provenance, rows

RECONSTRUCTION = DATASETS / "wonen_rapportcijfers_reconstructie.csv"
REFERENCE = DATASETS / "landelijke_referentie.csv"


def grade(text: str):
    return None if text == "" else float(text)


# What the running text of §2.3 says, per (case, group): (low, high); None = the text gives no number.
EXPECTED_WONEN = {
    # §2.3.1, line 249: the three groups (bestuurlijk-politiek, ambtelijk, "de partners") all "rond de 7,5";
    # all five administrators/politicians interviewed gave "tussen de 7 en de 8".
    ("gemeente 1", "bestuurlijk-politiek"): (7, 8),
    ("gemeente 1", "ambtelijk"): (7.5, 7.5),
    ("gemeente 1", "partners"): (7.5, 7.5),
    # §2.3.1, line 255: maatschappelijke partijen give "niet meer dan een zuinige 6" overall.
    ("gemeente 1", "maatschappelijke partners"): (6, 6),
    # §2.3.2, line 262: ambtenaren and uitvoeringspartners "gemiddeld rond de 8".
    ("gemeente 2", "ambtelijk"): (8, 8),
    ("gemeente 2", "uitvoeringspartners"): (8, 8),
    # §2.3.2, line 262: maatschappelijke partners "reiken tot een 7" (only an upper end).
    ("gemeente 2", "maatschappelijke partners"): (None, 7),
    # §2.3.2, line 262: political side "tot een mager zesje", mainly because the opposition party gave a 4.
    ("gemeente 2", "bestuurlijk-politiek"): (4, 6),
}
OPPOSITION_GRADE_GEMEENTE_2 = 4  # line 262: "door het beleid een 4 te geven"
GROUP_LEVEL_GEMEENTE_1 = 7.5  # line 249: "Deze drie groepen komen allemaal rond de 7,5 uit"

# Box 2.3 (line 275), Box 3.3 (line 527), Box 4.4 (line 796).
EXPECTED_NATIONAL = {"wonen": 6.8, "arbeidsintegratie": 6.9, "lokale democratie": 6.7}
# §1.3.2, line 162: 376 gemeentesecretarissen + 379 griffiers; max n=131 (17,3%), min n=55 (7,3%).
POPULATION = (376, 379)
RESPONSE = {55: 7.3, 131: 17.3}


@pytest.mark.parametrize("path", [RECONSTRUCTION, REFERENCE], ids=lambda p: p.name)
def test_provenance_comment_lines_name_the_document(path):
    header = provenance(path)
    text = "\n".join(header)  # document, authors and year: tests/test_datasets.py
    for needle in ("Werken aan publieke waarde", "Van der Torre", "2018", "2.3"):
        assert needle in text, needle


def test_reconstruction_says_it_is_a_reconstruction_from_the_running_text():
    text = "\n".join(provenance(RECONSTRUCTION))
    assert "RECONSTRUCTIE" in text
    assert "2.3" in text
    assert "lopende tekst" in text
    # how the approximate words became numbers
    for words in (
        "rond de 7,5",
        "rond de 8",
        "tussen de 7 en de 8",
        "zuinige 6",
        "reiken tot een 7",
        "tot een mager zesje",
    ):
        assert words in text, words


def test_reference_provenance_gives_survey_and_response():
    text = "\n".join(provenance(REFERENCE))
    for needle in ("1.3.2", "2.3", "3.3", "juni 2018", "376", "379", "n=55", "n=131"):
        assert needle in text, needle


@pytest.mark.parametrize(
    "path,columns",
    [
        (RECONSTRUCTION, ["case", "group", "low", "high", "note"]),
        (REFERENCE, ["topic", "mean_grade", "section"]),
    ],
    ids=lambda p: getattr(p, "name", ""),
)
def test_header_row_follows_the_provenance(path, columns):
    assert header_line(path) == ",".join(columns)
    assert all(list(row) == columns for row in rows(path))


def test_reconstruction_rows_match_the_text():
    found = {(r["case"], r["group"]): (grade(r["low"]), grade(r["high"])) for r in rows(RECONSTRUCTION)}
    assert found == EXPECTED_WONEN


def test_reconstruction_values_are_grades_and_notes_are_filled():
    for row in rows(RECONSTRUCTION):
        low, high = grade(row["low"]), grade(row["high"])
        assert low is not None or high is not None
        for value in (low, high):
            assert value is None or 1 <= value <= 10
        if low is not None and high is not None:
            assert low <= high
        assert row["note"].strip() and re.search(r"§2\.3\.[12]", row["note"])


def test_opposition_four_is_the_lowest_political_grade_in_gemeente_2():
    political = [
        grade(r["low"])
        for r in rows(RECONSTRUCTION)
        if r["case"] == "gemeente 2" and r["group"] == "bestuurlijk-politiek"
    ]
    assert min(political) == OPPOSITION_GRADE_GEMEENTE_2


def test_gemeente_1_groups_around_seven_and_a_half():
    # the three groups of line 249, recomputed as the midpoint of low..high
    for group in ("bestuurlijk-politiek", "ambtelijk", "partners"):
        (row,) = [r for r in rows(RECONSTRUCTION) if r["case"] == "gemeente 1" and r["group"] == group]
        assert (float(row["low"]) + float(row["high"])) / 2 == GROUP_LEVEL_GEMEENTE_1


def test_national_means_as_printed():
    found = {r["topic"]: float(r["mean_grade"]) for r in rows(REFERENCE)}
    assert found == EXPECTED_NATIONAL
    assert found["wonen"] == 6.8
    assert found["arbeidsintegratie"] == 6.9
    sections = {r["topic"]: r["section"] for r in rows(REFERENCE)}
    assert "Box 2.3" in sections["wonen"] and "Box 3.3" in sections["arbeidsintegratie"]


def test_response_percentages_follow_from_the_population_in_the_provenance():
    text = "\n".join(provenance(REFERENCE))
    population = sum(int(n) for n in re.findall(r"(\d+) (?:gemeentesecretarissen|griffiers)", text))
    assert population == sum(POPULATION) == 755
    for n, printed in RESPONSE.items():
        # 131/755 = 17.35% and 55/755 = 7.28%: the book prints 17,3% and 7,3%
        assert abs(100 * n / population - printed) < 0.1
