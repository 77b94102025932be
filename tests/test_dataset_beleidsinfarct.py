"""datasets/beleidsinfarct_reeksen.csv and datasets/meer_beter_anders.csv.

Source: Van Vieren (2025), *Het gat tussen denken en doen, en hoe dat te dichten* (lustrumbundel,
Van Vieren, eerste druk april 2025):
- essay Konijn & Van Spijker, 'Beleidsinfarct' (p. 11 e.v., OCR lines 123-298);
- essay Van Erkel & De Kleermaeker, 'Het versterken van de uitvoering bij gemeenten' (p. 25 e.v.,
  OCR lines 302-450), section 'Bouwen aan een solide fundament: meer, beter en anders' (lines 406-422).
All expected numbers below are written down BY HAND from the printed text, not computed from the CSV files.
"""

from collections import defaultdict
from itertools import pairwise

import pytest

from .dataset_files import DATASETS, provenance, rows

SERIES = DATASETS / "beleidsinfarct_reeksen.csv"
TRIAGE = DATASETS / "meer_beter_anders.csv"


def series() -> dict:
    """series_nl -> list of (year, value) in file order."""
    out = defaultdict(list)
    for row in rows(SERIES):
        out[row["series_nl"]].append((int(row["year"]), float(row["value"])))
    return dict(out)


def find(keyword: str) -> list:
    """The series named `keyword`, else the one series whose Dutch name contains it (case-insensitive)."""
    named = series()
    exact = [points for name, points in named.items() if name.lower() == keyword.lower()]
    hits = exact or [points for name, points in named.items() if keyword.lower() in name.lower()]
    assert len(hits) == 1, f"expected exactly one series matching {keyword!r}, found {len(hits)}"
    return hits[0]


def value(keyword: str, year: int) -> float:
    found = [v for y, v in find(keyword) if y == year]
    assert len(found) == 1, f"{keyword!r}: expected one value for {year}, found {found}"
    return found[0]


# --- provenance ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [SERIES, TRIAGE], ids=lambda p: p.name)
def test_provenance_names_the_source(path):
    header = provenance(path)
    assert len(header) >= 3
    text = "\n".join(header)
    for part in ("Van Vieren", "2025", "Het gat tussen denken en doen", "vertaling van de kit"):
        assert part in text, part


def test_series_provenance_gives_the_caveats():
    text = "\n".join(provenance(SERIES))
    assert "KANTTEKENINGEN" in text
    # the named sources (endnotes 3, 4 and 6, lines 286-289)
    for source in ("WODC", "EZK", "VerantwoordingsKamerbrief 2024", "Investico"):
        assert source in text, source
    # changing definitions / counting methods, the estimate and the kit's assumption about 'nu'
    for caveat in ("telwijze", "definitie", "schatting", "AANNAME", "80 wetten en 120 regelingen"):
        assert caveat in text, caveat


# --- beleidsinfarct series --------------------------------------------------------------------------


def test_columns_and_both_languages():
    data = rows(SERIES)
    assert list(data[0]) == [
        "series_nl",
        "series_en",
        "unit_nl",
        "unit_en",
        "year",
        "value",
        "source_note_nl",
        "source_note_en",
    ]
    for row in data:
        assert all(row[key].strip() for key in row), row


def test_every_series_has_two_points_ascending_years_and_one_unit():
    data = rows(SERIES)
    assert len(series()) >= 4
    for name, points in series().items():
        years = [y for y, _ in points]
        assert len(points) >= 2, f"{name}: a series needs at least two time points"
        assert years == sorted(set(years)), f"{name}: years must be ascending and unique"
        units = {(r["unit_nl"], r["unit_en"], r["series_en"]) for r in data if r["series_nl"] == name}
        assert len(units) == 1, f"{name}: one unit and one English name per series"
    for row in data:
        assert 1900 < int(row["year"]) <= 2025


def test_total_2004_is_laws_plus_regulations():
    # Line 191: "2004: 1800 wetten + circa 2675 regelingen: totaal circa 4475".
    regelingen_2004 = 2675  # printed on line 191; not a series of its own (one time point only)
    assert value("wetten", 2004) + regelingen_2004 == 4475
    assert value("wetten en regelingen", 2004) == 4475


def test_policy_staff_tripled():
    # Line 131 ("in de laatste twintig jaar verdrievoudigd") and heading line 197
    # ("Verdrievoudiging van Beleidsambtenaren"); figures lines 203-207: 6000 (2000, estimate) -> 17.800 (2023).
    points = find("beleidsambtenaren")
    (first_year, first), (last_year, last) = points[0], points[-1]
    assert (first_year, last_year) == (2000, 2023)
    assert round(last / first) == 3
    assert value("beleidsambtenaren", 2012) == 11700  # line 205: "2012: 11.700"


def test_laws_and_regulations_grow_and_the_printed_rate_does_not_fit_the_stock():
    # Lines 189-195: 1100 wetten (1980) -> 1800 (2004); totals 8800 (2009) and 9834 (2019).
    assert value("wetten", 1980) == 1100
    assert value("wetten en regelingen", 2009) == 8800
    assert value("wetten en regelingen", 2019) == 9834
    # Line 185: "Jaarlijks komen er gemiddeld 80 wetten en 120 regelingen bij" (gross inflow).
    # The stock of laws grew far slower than 80 a year (caveat in provenance and lesson: stock vs inflow,
    # different counts), and the 2004 -> 2009 jump is far larger than 5 x (80 + 120).
    per_year_laws = (value("wetten", 2004) - value("wetten", 1980)) / (2004 - 1980)
    assert 25 < per_year_laws < 80
    jump = value("wetten en regelingen", 2009) - value("wetten en regelingen", 2004)
    assert jump > 4 * 5 * (80 + 120)


def test_vacancies_asking_for_expertise_fell():
    # Line 213: "In 2023 werd in slechts 11% van de vacatures gevraagd om vakinhoudelijke kennis ...
    # In 2015 was dat nog 34%" (Investico, endnote 6, line 289).
    assert value("vacatures", 2015) == 34
    assert value("vacatures", 2023) == 11
    assert value("vacatures", 2015) - value("vacatures", 2023) == 23  # percentage points


def test_communication_advisers_and_municipalities():
    # Line 219: 990 communicatie-adviseurs "nu", "in 2012 waren het er nog 670".
    points = find("communicatie")
    assert points[0] == (2012, 670)
    assert points[-1][1] == 990
    # Line 169: "van 811 (1980) naar 342 gemeenten (2024)".
    assert value("gemeenten", 1980) == 811
    assert value("gemeenten", 2024) == 342


# --- meer / beter / anders doen ---------------------------------------------------------------------

APPROACHES = {"Meer doen": "Do more", "Beter doen": "Do better", "Anders doen": "Do differently"}


def test_triage_columns_size_and_languages():
    data = rows(TRIAGE)
    assert list(data[0]) == [
        "situation_nl",
        "situation_en",
        "approach_nl",
        "approach_en",
        "explanation_nl",
        "explanation_en",
    ]
    assert 9 <= len(data) <= 15
    for row in data:
        assert all(row[key].strip() for key in row), row
    assert len({r["situation_nl"] for r in data}) == len(data), "situations must be distinct"


def test_triage_uses_exactly_the_three_approaches_each_at_least_twice():
    # Line 408: "drie pijlers: meer doen, beter doen en anders doen".
    data = rows(TRIAGE)
    assert {r["approach_nl"] for r in data} == set(APPROACHES)
    for row in data:
        assert APPROACHES[row["approach_nl"]] == row["approach_en"], row["situation_en"]
    for approach in APPROACHES:
        assert sum(r["approach_nl"] == approach for r in data) >= 2, approach


def test_triage_order_does_not_give_the_answer_away():
    # The exercise shows rows in file order: neighbours should not all share one approach.
    approaches = [r["approach_nl"] for r in rows(TRIAGE)]
    same_as_next = sum(a == b for a, b in pairwise(approaches))
    assert same_as_next <= len(approaches) // 4
