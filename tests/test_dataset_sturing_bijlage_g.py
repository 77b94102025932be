"""datasets/sturing_bijlage_g.csv: share of each sturingsperspectief's signal words, 49 municipalities.

Source: Nijdam (2020), *Sturing in 3D* (proefschrift, Erasmus Universiteit Rotterdam), Bijlage G,
with the figures of chapter 6 as independent checks. Every expected number below is written down
BY HAND from the thesis, not computed from the CSV ("r." = "line" numbers are positions in the
extracted text the kit was written from, a reading aid only).

Tolerances
- A row's four shares: each printed share is rounded to 0.1, so up to 0.05 off; four of them can
  add up to 100 +- 0.2.
- A printed mean: the thesis averaged the UNROUNDED municipal shares (plain, unweighted mean over
  municipalities; see the provenance). Recomputing from the rounded shares adds up to 0.05 error,
  the printed rounding another 0.05, so |recomputed - printed| < 0.1. Exact rounding is not
  possible: for the G4 the printed rows give PA (33.6 + 17.9 + 12.2 + 10.4) / 4 = 18.525, printed
  18,6 (r. 3348); the largest gap in the data is that 0.075. With Hoorn's SR as printed (46,3,
  row total 101,3) the 100.000- SR cell is 0.116 off and the west SR cell 0.100; with the
  reconstructed 45,0 they are 0.047 and 0.046 (see the provenance).
"""

from collections import Counter

import pytest

from .dataset_files import DATASETS, header_line, provenance
from .dataset_files import rows as read_rows

PATH = DATASETS / "sturing_bijlage_g.csv"
COLUMNS = ["nr", "gemeente", "grootteklasse", "regio", "pa", "npm", "npg", "sr"]
SHARES = ["pa", "npm", "npg", "sr"]
ROW_SUM_TOLERANCE = 0.2
MEAN_TOLERANCE = 0.1  # strict: |recomputed - printed| < 0.1

# Figuur 6.1 (r. 3320-3326) and the "alle gemeenten (49)" column of Figuur 6.2 / 6.3.
ALL_MEANS = {"pa": 20.7, "npm": 21.2, "npg": 27.0, "sr": 31.1}

# Figuur 6.2, size class (r. 3347-3351): (number of municipalities, pa, npm, npg, sr).
# The OCR prints the 100.000+ NPM cell as "223": read as 22,3.
BY_SIZE = {
    "G4": (4, 18.6, 18.3, 27.0, 36.1),
    "100.000+": (26, 21.2, 22.3, 26.7, 29.8),
    "100.000-": (19, 20.6, 20.3, 27.5, 31.6),
}

# Figuur 6.3, region (r. 3375-3379; the OCR has "Qost" for Oost).
BY_REGION = {
    "noord": (3, 20.7, 22.0, 34.6, 22.7),
    "oost": (10, 19.9, 22.4, 24.5, 33.2),
    "zuid": (12, 21.0, 19.9, 28.7, 30.4),
    "west": (24, 20.9, 21.3, 26.3, 31.5),
}

# Municipalities §6.2 (r. 3337, 3360-3370) names in a region or size class.
NAMED_IN_TEXT = {
    "grootteklasse": {"G4": ["Utrecht", "Amsterdam"]},
    "regio": {
        "noord": ["Leeuwarden", "Groningen"],
        "oost": ["Zwolle", "Deventer", "Ede", "Arnhem", "Apeldoorn"],
        "zuid": ["Bergen op Zoom", "Helmond", "Eindhoven", "Oss", "Tilburg"],
        "west": ["Haarlemmermeer", "Leidschendam-Voorburg", "Utrecht"],
    },
}

# Extremes in the running text of §6.3 (r. 3392, 3417, 3437, 3453) and §6.6 (r. 3659-3661).
EXTREMES = {
    "pa": (("Haarlemmermeer", 34.4), ("Helmond", 6.0)),
    "npm": (("Zwolle", 46.3), ("Helmond", 2.0)),
    "npg": (("Helmond", 58.0), ("Deventer", 8.8)),
    "sr": (("Deventer", 79.4), ("Arnhem", 10.9)),
}

# Five highest and five lowest per perspective, Figuur 6.4-6.7 (r. 3398-3466). Ties are printed
# as "5 Amersfoort / Vlaardingen 42,7" and "3/4 Tilburg, Eindhoven 11,1".
TOP5 = {
    "pa": {"Haarlemmermeer": 34.4, "Amsterdam": 33.6, "Nijmegen": 32.4, "Nissewaard": 31.4, "Bergen op Zoom": 30.1},
    "npm": {"Zwolle": 46.3, "Leidschendam-Voorburg": 38.2, "Velsen": 37.6, "Haarlem": 37.5, "Ede": 36.2},
    "npg": {"Helmond": 58.0, "Arnhem": 54.3, "Oss": 47.9, "Leeuwarden": 43.4, "Amersfoort": 42.7, "Vlaardingen": 42.7},
    "sr": {"Deventer": 79.4, "Utrecht": 67.8, "Eindhoven": 55.6, "Apeldoorn": 48.8, "Schiedam": 48.6},
}
BOTTOM5 = {
    "pa": {"Helmond": 6.0, "Deventer": 7.4, "Utrecht": 10.4, "Velsen": 11.3, "Almere": 11.5},
    "npm": {"Helmond": 2.0, "Deventer": 4.4, "Eindhoven": 8.3, "Utrecht": 10.9, "Alphen aan den Rijn": 11.6},
    "npg": {"Deventer": 8.8, "Utrecht": 10.9, "Tilburg": 11.1, "Eindhoven": 11.1, "Ede": 11.6},
    "sr": {"Arnhem": 10.9, "Amsterdam": 11.2, "Zwolle": 17.1, "Emmen": 17.4, "Amersfoort": 18.7},
}
# Figuur 6.4 leaves out Haarlem (PA 10,9 in Bijlage G, r. 11370; its row adds up and its NPM 37,5
# is in Figuur 6.5), an inconsistency of the thesis itself, not of the OCR.
LEFT_OUT_OF_FIGURE_6_4 = {"Haarlem"}

# The four municipalities §6.4 describes (r. 3485-3560): pa, npm, npg, sr as quoted.
# Deventer's NPM is quoted as "7,4%" there (r. 3557) but 4,4 in Figuur 6.5 (r. 3425) and in
# Bijlage G; 4,4 is the figure that lets the row add up to 100, so that one is checked.
PORTRAITS = {
    "Haarlemmermeer": (34.4, 27.4, 14.2, 24.0),  # r. 3486-3491
    "Zwolle": (17.1, 46.3, 19.5, 17.1),  # r. 3512-3517
    "Helmond": (6.0, 2.0, 58.0, 34.0),  # r. 3532-3538
    "Deventer": (7.4, 4.4, 8.8, 79.4),  # r. 3553-3558, npm from Figuur 6.5
}

# §12.3 (r. 9109, 9112): Oss ranks 3rd of 49 on NPG, Utrecht 2nd of 49 on SR.
RANKS = {("Oss", "npg"): 3, ("Utrecht", "sr"): 2}


@pytest.fixture(scope="module")
def rows() -> list:
    return read_rows(PATH)


@pytest.fixture(scope="module")
def by_name(rows) -> dict:
    return {row["gemeente"]: {p: float(row[p]) for p in SHARES} for row in rows}


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values)


def test_provenance_names_the_thesis_and_the_appendix():
    header = provenance(PATH)
    assert len(header) >= 3
    text = "\n".join(header)
    for part in ("Nijdam", "Sturing in 3D", "2020", "Erasmus Universiteit Rotterdam", "Bijlage G", "Hoorn", "314"):
        assert part in text, f"provenance does not mention {part!r}"
    assert all(line.startswith("# ") for line in header)


def test_header_row_follows_the_provenance():
    assert header_line(PATH) == ",".join(COLUMNS)


def test_49_rows_numbered_as_printed(rows):
    assert len(rows) == 49  # 50 largest municipalities minus Almelo (§5.2.2, r. 2805; Bijlage B N.B. 2, r. 10887)
    assert [int(row["nr"]) for row in rows] == list(range(1, 50))
    names = [row["gemeente"] for row in rows]
    assert len(set(names)) == 49 and all(name.strip() == name and name for name in names)
    assert "Almelo" not in names


def test_categories_and_their_sizes(rows):
    assert Counter(row["grootteklasse"] for row in rows) == {k: v[0] for k, v in BY_SIZE.items()}
    assert Counter(row["regio"] for row in rows) == {k: v[0] for k, v in BY_REGION.items()}


def test_categories_match_the_municipalities_the_text_names(rows):
    column = {row["gemeente"]: row for row in rows}
    for field, groups in NAMED_IN_TEXT.items():
        for value, names in groups.items():
            for name in names:
                assert column[name][field] == value, (name, field)


def test_shares_are_plain_numbers_with_one_decimal(rows):
    for row in rows:
        for p in SHARES:
            text = row[p]
            assert "," not in text and text.count(".") == 1 and len(text.split(".")[1]) == 1, (row["gemeente"], p)
            assert 0 <= float(text) <= 100, (row["gemeente"], p)


def test_every_row_adds_up_to_100(rows):
    for row in rows:
        total = sum(float(row[p]) for p in SHARES)
        assert abs(total - 100) <= ROW_SUM_TOLERANCE + 1e-9, (row["gemeente"], round(total, 2))


@pytest.mark.parametrize("p", SHARES)
def test_mean_over_all_49_is_the_printed_one(rows, p):
    assert abs(mean(float(row[p]) for row in rows) - ALL_MEANS[p]) < MEAN_TOLERANCE


@pytest.mark.parametrize("field,table", [("grootteklasse", BY_SIZE), ("regio", BY_REGION)])
def test_breakdown_tables_of_chapter_6(rows, field, table):
    for group, (count, *printed) in table.items():
        members = [row for row in rows if row[field] == group]
        assert len(members) == count
        for p, expected in zip(SHARES, printed, strict=True):
            got = mean(float(row[p]) for row in members)
            assert abs(got - expected) < MEAN_TOLERANCE, (group, p, round(got, 3), expected)


@pytest.mark.parametrize("p", SHARES)
def test_highest_and_lowest_municipality_quoted_in_the_text(by_name, p):
    (high, high_value), (low, low_value) = EXTREMES[p]
    ranked = sorted(by_name, key=lambda name: by_name[name][p])
    assert ranked[-1] == high and by_name[high][p] == high_value
    assert ranked[0] == low and by_name[low][p] == low_value
    # the extremes are unique, so "the" highest / lowest is well defined
    assert by_name[ranked[-2]][p] < high_value and by_name[ranked[1]][p] > low_value


def five(by_name, p, highest: bool) -> set:
    """The municipalities ranked 1-5, ties at the 5th place included (as the figures print them)."""
    values = sorted((s[p] for s in by_name.values()), reverse=highest)
    cut = values[4]
    return {n for n, s in by_name.items() if (s[p] >= cut if highest else s[p] <= cut)}


@pytest.mark.parametrize("p", SHARES)
def test_figures_6_4_to_6_7_values(by_name, p):
    for name, value in {**TOP5[p], **BOTTOM5[p]}.items():
        assert by_name[name][p] == value, (name, p)


@pytest.mark.parametrize("p", SHARES)
def test_figures_6_4_to_6_7_five_highest(by_name, p):
    assert five(by_name, p, highest=True) == set(TOP5[p])


@pytest.mark.parametrize("p", SHARES)
def test_figures_6_4_to_6_7_five_lowest(by_name, p):
    if p == "pa":
        six_lowest = set(sorted(by_name, key=lambda name: by_name[name][p])[:6])
        assert set(BOTTOM5[p]) < six_lowest
        assert six_lowest - set(BOTTOM5[p]) == LEFT_OUT_OF_FIGURE_6_4
    else:
        assert five(by_name, p, highest=False) == set(BOTTOM5[p])


def test_the_four_portraits_of_section_6_4(by_name):
    for name, quoted in PORTRAITS.items():
        assert tuple(by_name[name][p] for p in SHARES) == quoted, name


def test_ranks_quoted_in_chapter_12(by_name):
    for (name, p), rank in RANKS.items():
        higher = sum(1 for s in by_name.values() if s[p] > by_name[name][p])
        assert higher + 1 == rank, (name, p)
