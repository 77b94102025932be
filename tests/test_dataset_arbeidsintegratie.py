"""datasets/arbeidsintegratie_succesfactoren_box_3_4.csv: the national success factors of Box 3.4.

Source: Van der Torre, Douglas & 't Hart (2018), *Werken aan publieke waarde. Leren van en voor
gemeenten* (VNG / Universiteit Utrecht), §3.4.1 Box 3.4 and §1.3.2.
All expected numbers below are written down BY HAND from the book ("line" numbers are positions
in the extracted text the kit was written from, a reading aid only), not computed from the CSV.
"""

import re

from .dataset_files import DATASETS, header_line, provenance, rows

DATASET = DATASETS / "arbeidsintegratie_succesfactoren_box_3_4.csv"
COLUMNS = [
    "rank",
    "factor_nl",
    "factor_en",
    "mentions",
    "n",
    "in_cases_nl",
    "in_cases_en",
    "case_factor_nl",
    "case_factor_en",
]

# Box 3.4, one count per bullet, keyed by a word that only that printed factor contains.
PRINTED_COUNTS = {
    "netwerken": 15,  # line 598 "(n = 15)"
    "Bestuurlijke wil": 14,  # line 599 "(n=14)"
    "begeleiding": 9,  # line 600 "(n=9)"
    "financiële middelen": 7,  # line 601 "(n=7)"
    "Voorbeeldgedrag": 6,  # line 602 "(n = 6)"
    "wethouder": 6,  # line 603 "(n=6)"
    "Bereidheid van werkgevers": 5,  # line 604 "(n = 5)"
    "uitvoeringsbedrijf": 5,  # line 605 "(n= 5)"
    "Inzicht in kennis": 4,  # line 606 "(n=4)"
    "communicatie": 4,  # line 607 "(n = 4)"
}
# 15 + 14 + 9 + 7 + 6 + 6 + 5 + 5 + 4 + 4, added up by hand from lines 598-607.
TOTAL_MENTIONS = 75
RESPONDENTS = 55  # line 609 "(bron: eigen survey, n=55)"
# §1.3.2, line 162: 376 gemeentesecretarissen + 379 griffiers; minimum response "n=55 (7,3%)".
POPULATION = 376 + 379
PRINTED_MIN_RESPONSE_PCT = 7.3
# Box 3.4, line 594: the survey adds voorbeeldgedrag; financial means also come up less in the cases.
LESS_IN_CASES = {"Voorbeeldgedrag", "financiële middelen"}
IN_CASES = {"ja": "yes", "minder": "less", "niet apart": "not separately"}


def count_for(key: str) -> int:
    (row,) = [r for r in rows(DATASET) if key in r["factor_nl"]]
    return int(row["mentions"])


def test_provenance_names_the_book_box_and_lines():
    header = provenance(DATASET)
    assert len(header) >= 3
    text = "\n".join(header)
    for needle in (
        "Werken aan publieke waarde",
        "Van der Torre",
        "2018",
        "Box 3.4",
        "tien factoren",
        "n=55",
        "1.3.2",
        "LEZING VAN DE KIT",
    ):
        assert needle in text, needle


def test_header_row_follows_the_provenance():
    assert header_line(DATASET) == ",".join(COLUMNS)
    assert all(list(row) == COLUMNS for row in rows(DATASET))


def test_every_printed_factor_has_its_printed_count():
    assert len(rows(DATASET)) == len(PRINTED_COUNTS) == 10
    for key, printed in PRINTED_COUNTS.items():
        assert count_for(key) == printed, key


def test_total_of_the_counts_recomputed_from_the_rows():
    assert sum(int(r["mentions"]) for r in rows(DATASET)) == TOTAL_MENTIONS


def test_n_is_the_printed_55_and_no_count_exceeds_it():
    assert {int(r["n"]) for r in rows(DATASET)} == {RESPONDENTS}
    assert max(int(r["mentions"]) for r in rows(DATASET)) <= RESPONDENTS
    # more mentions than respondents: some named more than one factor, as the provenance says
    assert TOTAL_MENTIONS > RESPONDENTS


def test_n_is_the_minimum_response_of_section_1_3_2():
    # 55 / 755 = 7.28%, printed as 7,3%
    n = int(rows(DATASET)[0]["n"])
    assert round(100 * n / POPULATION, 1) == PRINTED_MIN_RESPONSE_PCT


def test_rows_keep_the_order_of_the_box():
    ranks = [int(r["rank"]) for r in rows(DATASET)]
    assert ranks == list(range(1, 11))
    counts = [int(r["mentions"]) for r in rows(DATASET)]
    assert counts == sorted(counts, reverse=True)
    assert "netwerken" in rows(DATASET)[0]["factor_nl"] and "communicatie" in rows(DATASET)[-1]["factor_nl"]


def test_both_languages_filled_and_categories_paired():
    for row in rows(DATASET):
        for column in COLUMNS:
            assert row[column].strip(), (row["rank"], column)
        assert row["factor_nl"] != row["factor_en"]
        assert IN_CASES.get(row["in_cases_nl"]) == row["in_cases_en"], row["rank"]
        assert re.search(r"§3\.\d|Box 3\.\d|Tabel 3\.1", row["case_factor_nl"]), row["rank"]


def test_less_in_cases_is_exactly_what_box_3_4_says():
    less = {r["factor_nl"] for r in rows(DATASET) if r["in_cases_nl"] == "minder"}
    assert len(less) == len(LESS_IN_CASES)
    for key in LESS_IN_CASES:
        assert any(key in factor for factor in less), key
