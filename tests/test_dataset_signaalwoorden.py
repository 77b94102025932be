"""datasets/signaalwoorden_bijlage_c.csv: the signal words per sturingsperspectief.

Source: Nijdam (2020), *Sturing in 3D* (proefschrift, Erasmus Universiteit Rotterdam), Bijlage C
"Operationalisering van de sturingsperspectieven in signaalwoorden". Expected figures are written
down BY HAND from that appendix, not computed from the CSV ("r." = "line" numbers are positions in
the extracted text the kit was written from, a reading aid only).
"""

import re
from collections import Counter

import pytest

from .dataset_files import DATASETS, header_line, provenance
from .dataset_files import rows as read_rows

PATH = DATASETS / "signaalwoorden_bijlage_c.csv"
COLUMNS = ["perspective", "word", "element"]
PERSPECTIVES = ["pa", "npm", "npg", "sr"]
ELEMENTS = {"", "beleid", "organisatie", "bekostiging", "aansturing"}

# Bijlage C is a table of four columns (PA, NPM, NPG, SR) and 16 lines of words (r. 10900-10923,
# counted by hand: professioneel ... bescherming in the PA column). The thesis prints no total.
WORDS_PER_PERSPECTIVE = 16

# First line of the table (r. 10900): the first word of each column.
FIRST_WORDS = {"pa": "professioneel", "npm": "bezuiniging", "npg": "samenwerken", "sr": "participeren"}

# Independent check from another part of the thesis: the examples of each perspective's policy
# language in §5.2.3 (r. 2820-2833) and §6.2 (r. 3317-3318) must sit in that perspective's list.
# ("efficiënt": the OCR prints "efficiént", its usual misreading of the trema.)
EXAMPLES = {
    "pa": ["regelen", "kaders", "garantie", "rechtsbescherming", "zekerheid"],
    "npm": ["bezuiniging", "meten", "prestatie", "efficiënt"],
    "npg": ["netwerken", "verbinden", "partnerschap", "innovatie"],
    "sr": ["participeren", "meedoen", "veerkracht", "zelfredzaam", "burgerkracht"],
}

# A word: lowercase letters (Dutch diacritics allowed), words separated by one space, optional
# hyphen inside, optional trailing "*" (prefix match).
WORD = re.compile(r"^[a-zà-ÿ]+(?:[- ][a-zà-ÿ]+)*\*?$")


@pytest.fixture(scope="module")
def rows() -> list:
    return read_rows(PATH)


def test_provenance_names_the_source_and_the_counting_method():
    header = provenance(PATH)
    assert len(header) >= 3 and all(line.startswith("# ") for line in header)
    text = "\n".join(header)
    for part in (
        "Nijdam",
        "Sturing in 3D",
        "2020",
        "Erasmus Universiteit Rotterdam",
        "Bijlage C",
        "NVivo",
        "§5.2.3",
        "creëren",
    ):
        assert part in text, f"provenance does not mention {part!r}"


def test_header_row_follows_the_provenance():
    assert header_line(PATH) == ",".join(COLUMNS)


def test_allowed_values(rows):
    assert rows and all(list(row) == COLUMNS for row in rows)
    assert {row["perspective"] for row in rows} == set(PERSPECTIVES)
    assert {row["element"] for row in rows} <= ELEMENTS
    for row in rows:
        assert WORD.match(row["word"]), row["word"]


def test_words_per_perspective_as_in_the_table(rows):
    assert Counter(row["perspective"] for row in rows) == {p: WORDS_PER_PERSPECTIVE for p in PERSPECTIVES}
    assert len(rows) == 4 * WORDS_PER_PERSPECTIVE


def test_perspectives_in_the_order_of_the_appendix(rows):
    order = [row["perspective"] for row in rows]
    assert order == sorted(order, key=PERSPECTIVES.index)
    firsts = {}
    for row in rows:
        firsts.setdefault(row["perspective"], row["word"])
    assert firsts == FIRST_WORDS


def test_no_duplicates_within_or_across_perspectives(rows):
    # within: a list entry would count twice; across: one hit would score for two perspectives
    counts = Counter(row["word"].rstrip("*") for row in rows)
    assert [word for word, n in counts.items() if n > 1] == []


def test_no_ocr_residue(rows):
    for row in rows:
        word = row["word"]
        assert "é" not in word, f"{word}: OCR reads the trema as é (creéren, efficiént)"
        assert not re.search(r"\d|[|]", word), word
        assert word == word.strip().lower()


def test_examples_from_the_method_chapter_are_in_the_right_list(rows):
    listed = {(row["perspective"], row["word"]) for row in rows}
    for perspective, examples in EXAMPLES.items():
        for word in examples:
            assert (perspective, word) in listed, (perspective, word)
