"""The strategic-triangle datasets of lessons 04 and 05.

- datasets/driehoek_casussen.csv: the six case municipalities and their route through Moore's triangle
  (§2.4.2, §3.4.2, §4.4.2; routes a/b from §5.4.2 and Box 5.4);
- datasets/spanningen_box_5_3.csv: the key questions of Box 5.3 (§5.4.1), two per axis;
- datasets/routes_box_5_4.csv: routes (a) and (b) per side of the triangle with the book's case example (Box 5.4).

Source: Van der Torre, Douglas & 't Hart (2018), *Werken aan publieke waarde. Leren van en voor
gemeenten* (VNG / Universiteit Utrecht). In the comments below, "line" numbers are positions in the
extracted text the kit was written from, a reading aid only.
"""

import re

import pytest

from .dataset_files import header_line, provenance, rows

CASES_FILE = "driehoek_casussen.csv"
QUESTIONS_FILE = "spanningen_box_5_3.csv"
ROUTES_FILE = "routes_box_5_4.csv"

COLUMNS = {
    CASES_FILE: [
        "case",
        "topic",
        "section",
        "strong",
        "weak",
        "route_willen_mogen",
        "route_mogen_kunnen",
        "route_willen_kunnen",
        "summary_nl",
        "summary_en",
        "book_nl",
        "book_en",
    ],
    QUESTIONS_FILE: ["axis", "question_nl", "question_en"],
    ROUTES_FILE: ["axis", "route", "label_nl", "label_en", "example_nl", "example_en"],
}
TEXT_COLUMNS = {
    CASES_FILE: ["summary_nl", "summary_en", "book_nl", "book_en"],
    QUESTIONS_FILE: ["question_nl", "question_en"],
    ROUTES_FILE: ["label_nl", "label_en", "example_nl", "example_en"],
}
BOX = {CASES_FILE: "Box 5.4", QUESTIONS_FILE: "Box 5.3", ROUTES_FILE: "Box 5.4"}

CORNERS = {"willen", "mogen", "kunnen"}  # §1.2.2: waardepropositie, authorizing environment, operationele capaciteit
AXES = ("willen-mogen", "mogen-kunnen", "willen-kunnen")
ROUTES = {"a", "b"}

# ---------------------------------------------------------------------------------------------
# Written down BY HAND from reading the source, NOT computed from the CSVs.

# Case names as the book uses them in §5.4.2 (lines 1065, 1073, 1079), with topic and section of the
# route-through-the-triangle text: §2.4.2 line 363, §3.4.2 line 611, §4.4.2 line 888.
CASES = {
    "woongemeente 1": ("wonen", "§2.4.2"),
    "woongemeente 2": ("wonen", "§2.4.2"),
    "arbeidsgemeente 1": ("arbeidsintegratie", "§3.4.2"),
    "arbeidsgemeente 2": ("arbeidsintegratie", "§3.4.2"),
    "democratiegemeente 1": ("lokale democratie", "§4.4.2"),
    "democratiegemeente 2": ("lokale democratie", "§4.4.2"),
}

# (strong, weak); "" = the text names none.
STRONG_WEAK = {
    # line 372: clear, sound value proposition; limited operational capacity is the potential "achilleshiel"
    "woongemeente 1": ("willen", "kunnen"),
    # line 374: own operational capacity strongly developed; line 376: value proposition is the point of attention
    "woongemeente 2": ("kunnen", "willen"),
    # line 620: acts from a coherent value proposition; coordination re-integratiebedrijf / sociale dienst to watch
    "arbeidsgemeente 1": ("willen", "kunnen"),
    # line 622: explicit ideas on operational capacity; negative image of the businesslike approach in society
    "arbeidsgemeente 2": ("kunnen", "mogen"),
    # line 899: deliberately no sharp value proposition; line 1079: starts from what it can do operationally
    "democratiegemeente 1": ("kunnen", "willen"),
    # line 901: steered more from a value proposition (participation programme); no weakest corner named
    "democratiegemeente 2": ("willen", ""),
}

# Box 5.4 / §5.4.2: which case is the example of route a or b on which side. Every other cell is empty.
ROUTE_OF_CASE = {
    # line 1065: (a) strong vision first, then talk with the authorizing environment -> woongemeente 1
    ("woongemeente 1", "willen-mogen"): "a",
    # line 1065: (b) bring the authorizing environment together, build the vision with them -> democratiegemeente 2
    ("democratiegemeente 2", "willen-mogen"): "b",
    # line 1073: (a) well thought-out approach made transparent to the authorizing environment -> arbeidsgemeente 2
    ("arbeidsgemeente 2", "mogen-kunnen"): "a",
    # line 1073: (b) start from the accepted practices of the authorizing environment, optimise -> arbeidsgemeente 1
    ("arbeidsgemeente 1", "mogen-kunnen"): "b",
    # line 1079: (a) set the ambition, then organise the capacity -> woongemeente 1
    ("woongemeente 1", "willen-kunnen"): "a",
    # line 1079: (b) start from what you can do operationally, adapt the ambition -> democratiegemeente 1
    ("democratiegemeente 1", "willen-kunnen"): "b",
}

# Box 5.3 (line 1039, questions on lines 1043-1045): two key questions on each axis.
QUESTIONS_PER_AXIS = {"willen-mogen": 2, "mogen-kunnen": 2, "willen-kunnen": 2}
# ---------------------------------------------------------------------------------------------


def route_column(axis: str) -> str:
    return "route_" + axis.replace("-", "_")


def read(name: str):
    """(provenance lines, header line, rows as dicts), reading with the csv module and skipping # lines.

    One difference from the reader this module had before: a provenance line now loses its whole line
    end, where that one kept the carriage return of a CRLF file. No dataset has CRLF line ends, and the
    checks below only look for words in the joined provenance text, so the outcome is the same.
    """
    return provenance(name), header_line(name), rows(name)


@pytest.fixture(scope="module")
def cases():
    return {row["case"]: row for row in read(CASES_FILE)[2]}


@pytest.fixture(scope="module")
def questions():
    return read(QUESTIONS_FILE)[2]


@pytest.fixture(scope="module")
def routes():
    return read(ROUTES_FILE)[2]


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_provenance_names_document_and_box(name):
    provenance, header, rows = read(name)
    text = "\n".join(provenance)  # document, authors and year: tests/test_datasets.py
    assert BOX[name] in text, f"{name}: provenance does not name {BOX[name]}"
    assert "parafr" in text.lower(), f"{name}: provenance must say the texts are paraphrased"


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_header_row_and_no_empty_texts(name):
    provenance, header, rows = read(name)
    assert header == ",".join(COLUMNS[name])
    for row in rows:
        assert list(row) == COLUMNS[name]
        assert None not in row.values(), f"{name}: a row has the wrong number of fields"
        for column in TEXT_COLUMNS[name]:
            assert row[column].strip(), f"{name}: empty {column}"


def test_cases_provenance_names_sections_and_how_corners_were_read():
    text = "\n".join(read(CASES_FILE)[0])
    for section in ("1.2.2", "2.4.2", "3.4.2", "4.4.2", "5.4.2"):
        assert section in text
    assert "strong" in text and "weak" in text


def test_six_cases_with_topic_and_section(cases):
    assert len(read(CASES_FILE)[2]) == 6
    assert set(cases) == set(CASES)
    for case, (topic, section) in CASES.items():
        assert (cases[case]["topic"], cases[case]["section"]) == (topic, section), case


def test_allowed_values_in_cases(cases):
    for case, row in cases.items():
        assert row["strong"] in CORNERS | {""}, case
        assert row["weak"] in CORNERS | {""}, case
        assert not row["strong"] or row["strong"] != row["weak"], case
        for axis in AXES:
            assert row[route_column(axis)] in ROUTES | {""}, (case, axis)


@pytest.mark.parametrize("case", sorted(STRONG_WEAK))
def test_strong_and_weak_corner_match_the_book(cases, case):
    assert (cases[case]["strong"], cases[case]["weak"]) == STRONG_WEAK[case]


@pytest.mark.parametrize("case", sorted(CASES))
def test_routes_of_each_case_match_box_5_4(cases, case):
    for axis in AXES:
        assert cases[case][route_column(axis)] == ROUTE_OF_CASE.get((case, axis), ""), (case, axis)


def test_spot_checks_from_the_brief(cases):
    # line 1065 and 1079: woongemeente 1 takes route a on willen-mogen and on willen-kunnen
    assert cases["woongemeente 1"]["route_willen_mogen"] == "a"
    assert cases["woongemeente 1"]["route_willen_kunnen"] == "a"
    # line 1079: democratiegemeente 1 takes route b on willen-kunnen
    assert cases["democratiegemeente 1"]["route_willen_kunnen"] == "b"
    # line 1065: democratiegemeente 2 takes route b on willen-mogen
    assert cases["democratiegemeente 2"]["route_willen_mogen"] == "b"


def test_case_summaries_do_not_give_the_answer_away(cases):
    for case, row in cases.items():
        for column in ("summary_nl", "summary_en"):
            text = row[column]
            assert "Box 5.4" not in text and "route" not in text.lower(), (case, column)
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
            assert 2 <= len(sentences) <= 4, (case, column, len(sentences))
        for column in ("book_nl", "book_en"):
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", row[column].strip()) if s]
            assert 1 <= len(sentences) <= 3, (case, column, len(sentences))


def test_six_key_questions_two_per_axis(questions):
    assert len(questions) == 6
    assert {row["axis"] for row in questions} <= set(AXES)
    for axis, expected in QUESTIONS_PER_AXIS.items():
        assert sum(row["axis"] == axis for row in questions) == expected, axis
    # in the order of Box 5.3
    assert [row["axis"] for row in questions] == [a for a in AXES for _ in range(2)]
    for row in questions:
        assert row["question_nl"].endswith("?") and row["question_en"].endswith("?")


def test_six_routes_a_and_b_per_axis(routes):
    assert len(routes) == 6
    assert {row["axis"] for row in routes} <= set(AXES)
    assert {row["route"] for row in routes} <= ROUTES
    assert sorted((row["axis"], row["route"]) for row in routes) == sorted((a, r) for a in AXES for r in ROUTES)


def test_route_examples_name_the_case_of_box_5_4(routes):
    example_of = {(axis, route): case for (case, axis), route in ROUTE_OF_CASE.items()}
    for row in routes:
        case = example_of[(row["axis"], row["route"])]
        assert case in row["example_nl"].lower(), (row["axis"], row["route"], case)
        assert case in row["example_en"].lower(), (row["axis"], row["route"], case)


def test_routes_file_agrees_with_cases_file(cases, routes):
    for row in routes:
        named = [c for c in cases if c in row["example_nl"].lower()]
        assert len(named) == 1
        assert cases[named[0]][route_column(row["axis"])] == row["route"]
