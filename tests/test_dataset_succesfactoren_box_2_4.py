"""datasets/succesfactoren_box_2_4.csv: success factors of local housing policy in the national survey.

Source: Van der Torre, Douglas & 't Hart (2018), *Werken aan publieke waarde. Leren van en voor
gemeenten* (VNG / Universiteit Utrecht), Box 2.4 in §2.4.1 and §1.3.2. All expected figures below
are written down BY HAND from the book, not computed from the CSV
("line" numbers are positions in the extracted text the kit was written from, a reading aid only).
"""

import re

from .dataset_files import DATASETS, header_line, provenance, rows

PATH = DATASETS / "succesfactoren_box_2_4.csv"
COLUMNS = ["factor_nl", "factor_en", "count"]

# Box 2.4, line 361: "(bron: eigen survey, n=56)".
N_RESPONDENTS = 56
# Box 2.4, lines 349-359: eleven factors, printed in this order with these counts ("13x", "7x", ...).
PRINTED_COUNTS = [13, 7, 6, 4, 4, 4, 3, 3, 3, 3, 3]
# Box 2.4, line 349: the first factor is working with partners (13x); line 350: building land (7x).
TOP_FACTOR_WORD = "Samenwerken"
BUILDING_LAND_COUNT = 7
# Box 2.4, line 347: the survey puts more emphasis on "voldoende bouwgrond" than the case studies.
BUILDING_LAND_WORD = "bouwgrond"
# §1.3.2, line 162: 376 gemeentesecretarissen + 379 griffiers; response per item between
# n=55 (7,3%) and n=131 (17,3%).
POPULATION = 376 + 379
MIN_RESPONSE, MAX_RESPONSE = (55, 7.3), (131, 17.3)


def test_provenance_names_the_book_the_box_and_n():
    header = provenance(PATH)
    assert len(header) >= 3
    text = "\n".join(header)
    for needle in (
        "Werken aan publieke waarde",
        "Van der Torre",
        "2018",
        "Box 2.4",
        "2.4.1",
        "1.3.2",
        "gemeentesecretarissen en griffiers",
    ):
        assert needle in text, needle
    # the provenance states n as printed, says whether multiple answers were possible, and why no share column
    printed_n = re.findall(r"\bn=(\d+)", text)
    assert printed_n and set(printed_n) == {str(N_RESPONDENTS)}
    assert "Meerdere antwoorden" in text and "share" in text


def test_header_row_follows_the_provenance():
    assert header_line(PATH) == ",".join(COLUMNS)
    assert all(list(row) == COLUMNS for row in rows(PATH))


def test_counts_as_printed_and_in_printed_order():
    counts = [int(row["count"]) for row in rows(PATH)]
    assert counts == PRINTED_COUNTS


def test_no_count_exceeds_the_number_of_respondents():
    for row in rows(PATH):
        assert 1 <= int(row["count"]) <= N_RESPONDENTS, row["factor_nl"]


def test_top_factors_are_the_ones_the_text_names():
    data = rows(PATH)
    assert data[0]["factor_nl"].startswith(TOP_FACTOR_WORD)
    (land,) = [row for row in data if BUILDING_LAND_WORD in row["factor_nl"]]
    assert int(land["count"]) == BUILDING_LAND_COUNT
    # building land is the second most named factor, behind working with partners (line 347: "sterkere nadruk")
    assert data.index(land) == 1


def test_n_lies_within_the_response_range_of_section_1_3_2():
    # the printed percentages follow from the population: 55/755 = 7.28%, 131/755 = 17.35%
    for n, printed in (MIN_RESPONSE, MAX_RESPONSE):
        assert abs(100 * n / POPULATION - printed) < 0.1
    assert MIN_RESPONSE[0] <= N_RESPONDENTS <= MAX_RESPONSE[0]
    # so Box 2.4 rests on 56/755 = 7.4% of those asked
    assert round(100 * N_RESPONDENTS / POPULATION, 1) == 7.4


def test_both_languages_present_and_distinct():
    seen = set()
    for row in rows(PATH):
        nl, en = row["factor_nl"].strip(), row["factor_en"].strip()
        assert nl and en and nl != en, row
        assert nl not in seen
        seen.add(nl)
    assert len(seen) == len(PRINTED_COUNTS)
