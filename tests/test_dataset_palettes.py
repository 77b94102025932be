"""datasets/waardenpaletten.csv: the four example value palettes of *Werken aan publieke waarde* (2018).

Source: Van der Torre, Douglas & 't Hart (2018), *Werken aan publieke waarde. Leren van en voor
gemeenten* (VNG / Universiteit Utrecht), Tabel 1.1 (§1.2.1), 2.1 (§2.2), 3.1 (§3.2), 4.1 (§4.2).
"""

import re
import unicodedata
from collections import Counter

import pandas as pd
import pytest

from .dataset_files import DATASETS, header_line
from .dataset_files import provenance as read_provenance
from .dataset_files import rows as read_rows

PATH = DATASETS / "waardenpaletten.csv"

COLUMNS = ["table", "topic", "perspective", "kind", "value", "value_en"]  # value_en: the kit's translation
TOPICS = {"1.1": "verkeersbeleid", "2.1": "wonen", "3.1": "arbeidsintegratie", "4.1": "lokale democratie"}
PERSPECTIVES = {"individueel", "collectief", "beide"}
KINDS = {"materieel", "immaterieel", "proces"}

# Written down BY HAND from reading Tabel 1.1, 2.1, 3.1 and 4.1 of Van der Torre, Douglas & 't Hart (2018),
# counting the items in each cell of the table. NOT computed from the CSV.
# In Tabel 2.1 and 3.1 the collective row has an empty process cell: the process cell spans both
# perspectives (merged cell), so those values are counted under "beide".
EXPECTED_COUNTS = {
    "1.1": {  # verkeersbeleid
        ("individueel", "materieel"): 2,
        ("individueel", "immaterieel"): 2,
        ("individueel", "proces"): 2,
        ("collectief", "materieel"): 2,
        ("collectief", "immaterieel"): 3,
        ("collectief", "proces"): 1,
    },
    "2.1": {  # wonen
        ("individueel", "materieel"): 5,
        ("individueel", "immaterieel"): 8,
        ("collectief", "materieel"): 5,
        ("collectief", "immaterieel"): 4,
        ("beide", "proces"): 5,
    },
    "3.1": {  # arbeidsintegratie
        ("individueel", "materieel"): 1,
        ("individueel", "immaterieel"): 5,
        ("collectief", "materieel"): 4,
        ("collectief", "immaterieel"): 7,
        ("beide", "proces"): 5,
    },
    "4.1": {  # lokale democratie
        ("individueel", "materieel"): 3,
        ("individueel", "immaterieel"): 4,
        ("individueel", "proces"): 5,
        ("collectief", "materieel"): 1,
        ("collectief", "immaterieel"): 6,
        ("collectief", "proces"): 2,
    },
}


@pytest.fixture(scope="module")
def frame():
    return pd.read_csv(PATH, comment="#", dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def provenance():
    return read_provenance(PATH)


def test_provenance_header_names_document_authors_and_tables(provenance):
    text = "\n".join(provenance)  # document, authors and year: tests/test_datasets.py
    for table in TOPICS:
        assert f"Tabel {table}" in text, f"provenance does not name Tabel {table}"
    for section in ("1.2.1", "2.2", "3.2", "4.2"):
        assert section in text
    assert "beide" in text, "provenance must say how merged process cells are encoded"


def test_header_row_comes_right_after_the_provenance():
    assert header_line(PATH) == ",".join(COLUMNS)


def test_columns_and_allowed_values(frame):
    assert list(frame.columns) == COLUMNS
    assert set(frame["table"]) == set(TOPICS)
    for table, topic in TOPICS.items():
        assert set(frame.loc[frame["table"] == table, "topic"]) == {topic}
    assert set(frame["perspective"]) <= PERSPECTIVES
    assert set(frame["kind"]) <= KINDS
    assert (frame["value"].str.len() > 0).all()
    # a merged cell only ever spans the process column
    assert set(frame.loc[frame["perspective"] == "beide", "kind"]) <= {"proces"}


def test_csv_module_reads_the_same_rows(frame):
    rows = read_rows(PATH)
    assert [[row[c] for c in COLUMNS] for row in rows] == frame[COLUMNS].values.tolist()


@pytest.mark.parametrize("table", sorted(EXPECTED_COUNTS))
def test_values_per_cell_match_the_book(frame, table):
    rows = frame[frame["table"] == table]
    counted = Counter(zip(rows["perspective"], rows["kind"], strict=True))
    assert dict(counted) == EXPECTED_COUNTS[table]


def test_a_table_uses_either_beide_or_split_process_cells(frame):
    for table, rows in frame.groupby("table"):
        process = set(rows.loc[rows["kind"] == "proces", "perspective"])
        assert process in ({"beide"}, {"individueel", "collectief"}, {"individueel"}, {"collectief"}), table


def test_no_duplicate_values_within_a_table(frame):
    duplicated = frame[frame.duplicated(["table", "value"], keep=False)]
    assert duplicated.empty, duplicated.to_string()


# "fiets- en wandelpaden" is a Dutch elliptical compound, not a broken word.
ELLIPSIS_OK = re.compile(r"\w- (en|of|tot) ")


def test_no_ocr_leftovers(frame):
    for value in frame["value"]:
        assert value == value.strip(), f"leading/trailing whitespace: {value!r}"
        assert "  " not in value, f"double space: {value!r}"
        assert not re.search(r"[\t\r\n\u00a0\u00ad]", value), f"odd whitespace/soft hyphen: {value!r}"
        assert not re.search(r"[•·▪●<>¬|#]", value), f"bullet, markup or junk character: {value!r}"
        assert unicodedata.normalize("NFC", value) == value, f"not NFC: {value!r}"
        # a hyphen before a space (line-break hyphenation such as "woning- bouw") or at the end
        stray = [m for m in re.finditer(r"\w- \w", value) if not ELLIPSIS_OK.match(value, m.start())]
        assert not stray and not value.endswith("-"), f"stray hyphen: {value!r}"
        assert not re.search(r"\s[,.;:)]", value), f"space before punctuation: {value!r}"
        assert value[0].isupper(), f"a value starts with a capital, as in the book: {value!r}"
