"""datasets/sturingsperspectieven.csv, datasets/vignetten_gemeente_a_d.csv and
datasets/sturing_indicatoren_bijlage_e.csv.

Source: Nijdam (2020), *Sturing in 3D*, proefschrift Erasmus Universiteit Rotterdam.
Every expected value below is written down BY HAND from the thesis, with the section and an
approximate line number ("line" numbers are positions in the extracted text the kit was written
from, a reading aid only); nothing is computed from the CSV files themselves.
"""

from collections import Counter

import pytest

from .dataset_files import DATASETS, provenance, rows

PERSPECTIVES = DATASETS / "sturingsperspectieven.csv"
VIGNETTES = DATASETS / "vignetten_gemeente_a_d.csv"
BIJLAGE_E = DATASETS / "sturing_indicatoren_bijlage_e.csv"
BIJLAGE_G = DATASETS / "sturing_bijlage_g.csv"  # made by another helper; only used for a cross-check
BIJLAGE_C = DATASETS / "signaalwoorden_bijlage_c.csv"  # idem

CODES = ["pa", "npm", "npg", "sr"]
ELEMENTS = ["beleid", "organisatie", "bekostiging", "aansturing"]  # §5.3.1/§5.3.2, lines 3049-3068

# Figuur 3.1 (lines 1386-1398) and §6.4 (line 3505: "PA linksonder, NPM linksboven, NPG rechtsboven en
# SR rechtsonder"): horizontal axis overheid -> samenleving, vertical axis randvoorwaarden -> resultaten.
EXPECTED_LABELS = {  # Figuur 3.1, lines 1390-1397
    "pa": "rechtmatige overheid",
    "npm": "presterende overheid",
    "npg": "netwerkende overheid",
    "sr": "participerende overheid",
}
EXPECTED_AXES = {
    "pa": ("overheid", "randvoorwaarden"),
    "npm": ("overheid", "resultaten"),
    "npg": ("samenleving", "resultaten"),
    "sr": ("samenleving", "randvoorwaarden"),
}
# Figuur 6.1 (§6.2, lines 3320-3325): average share of each perspective in the 49 policy plans, in %.
FIGUUR_6_1 = {"pa": 20.7, "npm": 21.2, "npg": 27.0, "sr": 31.1}

# §5.3.3, the key printed under each vignette: one perspective PER ELEMENT, not per municipality.
THESIS_KEY = {
    # line 3132-3133: "Beleid: New Public Governance, Organisatie: Societal Resilience, Bekostiging:
    # New Public Management, Aansturing: Public Administration."
    "A": {"beleid": "npg", "organisatie": "sr", "bekostiging": "npm", "aansturing": "pa"},
    # line 3145-3146: Beleid NPM, Organisatie PA, Bekostiging NPG, Aansturing SR
    "B": {"beleid": "npm", "organisatie": "pa", "bekostiging": "npg", "aansturing": "sr"},
    # line 3155-3156: Beleid SR, Organisatie NPM, Bekostiging PA, Aansturing NPG
    "C": {"beleid": "sr", "organisatie": "npm", "bekostiging": "pa", "aansturing": "npg"},
    # line 3164-3165: Beleid PA, Organisatie NPG, Bekostiging SR, Aansturing NPM
    "D": {"beleid": "pa", "organisatie": "npg", "bekostiging": "sr", "aansturing": "npm"},
}
# Bijlage E (lines 11054-11156): for every element x perspective two indicator statements.
STATEMENTS_PER_CELL = 2
# §5.2.3 (lines 2820-2834): four example signal words per perspective.
SIGNAL_EXAMPLES = {
    "pa": {"regelen", "kaders", "garantie", "rechtsbescherming"},
    "npm": {"bezuiniging", "meten", "prestatie", "efficiënt"},
    "npg": {"netwerken", "verbinden", "partnerschap", "innovatie"},
    "sr": {"participeren", "meedoen", "veerkracht", "zelfredzaam"},
}


def display_names() -> dict:
    """code -> (nl, en) name as learners see it, e.g. 'Netwerkende overheid (NPG)'."""
    names = {}
    for row in rows(PERSPECTIVES):
        code = row["code"]
        names[code] = tuple(
            f"{row[f'label_{lang}'][0].upper()}{row[f'label_{lang}'][1:]} ({code.upper()})" for lang in ("nl", "en")
        )
    return names


@pytest.mark.parametrize("path", [PERSPECTIVES, VIGNETTES, BIJLAGE_E], ids=lambda p: p.name)
def test_provenance_names_the_thesis(path):
    header = provenance(path)
    assert len(header) >= 3 and all(line.startswith("# ") or line == "#" for line in header)
    text = "\n".join(header)
    assert "Nijdam" in text and "2020" in text and "Sturing in 3D" in text
    assert "vertaling van de kit" in text  # English columns are the kit's translation
    assert "OCR" in text


@pytest.mark.parametrize("path", [PERSPECTIVES, VIGNETTES, BIJLAGE_E], ids=lambda p: p.name)
def test_every_text_column_has_both_languages(path):
    data = rows(path)
    columns = data[0].keys()
    for column in columns:
        assert column == column.lower() and column.isascii(), column
        if column.endswith("_nl"):
            assert column[:-3] + "_en" in columns, f"{column} has no English twin"
    for row in data:
        for column, value in row.items():
            if column.endswith(("_nl", "_en")):
                assert value.strip(), f"{path.name}: empty {column} in {row}"


def test_four_perspectives_with_the_thesis_labels_and_axes():
    data = rows(PERSPECTIVES)
    assert [row["code"] for row in data] == CODES
    for row in data:
        code = row["code"]
        assert row["label_nl"] == EXPECTED_LABELS[code]
        assert (row["axis_1_nl"], row["axis_2_nl"]) == EXPECTED_AXES[code]
        assert row["name_nl"] == row["name_en"]  # the thesis uses the English names in Dutch, too
        initials = "".join(word[0] for word in row["name_en"].split())
        assert initials == code.upper()
    # a 2x2: every pole of each axis is shared by exactly two perspectives, every quadrant used once
    assert Counter(row["axis_1_nl"] for row in data) == {"overheid": 2, "samenleving": 2}
    assert Counter(row["axis_2_nl"] for row in data) == {"randvoorwaarden": 2, "resultaten": 2}
    assert len({(row["axis_1_nl"], row["axis_2_nl"]) for row in data}) == 4
    assert len({row["quadrant_nl"] for row in data}) == 4
    # the English axis values follow the Dutch ones
    for dutch, english in (
        ("overheid", "government"),
        ("samenleving", "society"),
        ("randvoorwaarden", "preconditions"),
        ("resultaten", "results"),
    ):
        for row in data:
            if row["axis_1_nl"] == dutch:
                assert row["axis_1_en"] == english
            if row["axis_2_nl"] == dutch:
                assert row["axis_2_en"] == english


def test_mean_shares_are_figuur_6_1_and_add_up_to_100():
    data = rows(PERSPECTIVES)
    shares = {row["code"]: float(row["mean_share_pct"]) for row in data}
    assert shares == FIGUUR_6_1
    # Figuur 6.1: the four shares of all signal words together make 100%
    assert round(sum(shares.values()), 1) == 100.0
    # §6.2 (line 3306): the newer the perspective, the more it occurs: PA < NPM < NPG < SR
    assert sorted(shares, key=shares.get) == CODES


def test_signal_word_examples_are_the_ones_of_5_2_3():
    for row in rows(PERSPECTIVES):
        words = {word.strip() for word in row["signal_examples_nl"].split(",")}
        assert words == SIGNAL_EXAMPLES[row["code"]]
        assert len([w for w in row["signal_examples_en"].split(",") if w.strip()]) == 4


def test_recomputed_means_of_bijlage_g_match_figuur_6_1():
    if not BIJLAGE_G.exists():
        pytest.skip("sturing_bijlage_g.csv not there (made by another helper)")
    data = rows(BIJLAGE_G)
    assert len(data) == 49
    # Bijlage G prints shares rounded to 0.1 and Figuur 6.1 rounds the mean again: up to 0.05 + 0.05.
    for code in CODES:
        mean = sum(float(row[code]) for row in data) / len(data)
        assert abs(mean - FIGUUR_6_1[code]) <= 0.1, (code, mean)


def test_signal_word_examples_occur_in_bijlage_c():
    if not BIJLAGE_C.exists():
        pytest.skip("signaalwoorden_bijlage_c.csv not there (made by another helper)")
    names = display_names()
    perspectives = {row["code"]: row for row in rows(PERSPECTIVES)}
    words = {code: set() for code in CODES}
    for row in rows(BIJLAGE_C):
        value = (row.get("perspective") or row.get("perspective_nl") or "").strip().lower()
        for code in CODES:
            aliases = {
                code,
                perspectives[code]["name_nl"].lower(),
                perspectives[code]["label_nl"].lower(),
                names[code][0].lower(),
            }
            if value in aliases:
                words[code].add((row.get("word") or row.get("word_nl") or "").strip().lower())
    for code in CODES:
        assert words[code], f"no Bijlage C words recognised for {code}"
        assert SIGNAL_EXAMPLES[code] <= words[code], (code, SIGNAL_EXAMPLES[code] - words[code])


def test_vignettes_cover_four_municipalities_times_four_elements():
    data = rows(VIGNETTES)
    assert len(data) == 16
    assert Counter(row["gemeente"] for row in data) == {"A": 4, "B": 4, "C": 4, "D": 4}
    for gemeente in "ABCD":
        assert [row["element_nl"] for row in data if row["gemeente"] == gemeente] == ELEMENTS
    for row in data:  # each quiz question names its municipality and element, so it stands alone
        assert row["vignette_nl"].startswith(f"Gemeente {row['gemeente']}, {row['element_nl']}.")
        assert row["vignette_en"].startswith(f"Municipality {row['gemeente']}, {row['element_en']}.")


def test_vignette_answers_equal_the_thesis_key():
    data = rows(VIGNETTES)
    found = {(row["gemeente"], row["element_nl"]): row["answer_code"] for row in data}
    expected = {(g, element): code for g, key in THESIS_KEY.items() for element, code in key.items()}
    assert found == expected


def test_every_vignette_answer_is_one_of_the_four_perspective_names():
    names = display_names()
    assert names["npg"][0] == "Netwerkende overheid (NPG)"
    for row in rows(VIGNETTES):
        assert (row["answer_nl"], row["answer_en"]) == names[row["answer_code"]]
    # the quiz offers the distinct answers as options: exactly the four perspectives
    assert {row["answer_nl"] for row in rows(VIGNETTES)} == {nl for nl, _ in names.values()}


def test_each_municipality_and_each_element_uses_every_perspective_once():
    # §5.3.3: the four examples are built so that every municipality combines all four perspectives;
    # recount from the rows: per municipality and per element each perspective exactly once (4 x 4 = 16).
    data = rows(VIGNETTES)
    for gemeente in "ABCD":
        assert sorted(row["answer_code"] for row in data if row["gemeente"] == gemeente) == sorted(CODES)
    for element in ELEMENTS:
        assert sorted(row["answer_code"] for row in data if row["element_nl"] == element) == sorted(CODES)
    assert Counter(row["answer_code"] for row in data) == {code: 4 for code in CODES}


def test_bijlage_e_grid_is_complete():
    data = rows(BIJLAGE_E)
    names = display_names()
    cells = Counter((row["element_nl"], row["code"]) for row in data)
    assert set(cells) == {(element, code) for element in ELEMENTS for code in CODES}
    assert all(count == STATEMENTS_PER_CELL for count in cells.values())
    assert len(data) == len(ELEMENTS) * len(CODES) * STATEMENTS_PER_CELL
    # dataset order: element by element, and within an element PA, NPM, NPG, SR (as printed)
    assert list(dict.fromkeys(row["element_nl"] for row in data)) == ELEMENTS
    for row in data:
        assert (row["perspective_nl"], row["perspective_en"]) == names[row["code"]]
        assert row["approach_nl"].startswith(f"Element {row['element_nl']}, benadering: ")
    # one approach (Benadering) per cell; statements are all different
    for element in ELEMENTS:
        for code in CODES:
            approaches = {row["approach_nl"] for row in data if (row["element_nl"], row["code"]) == (element, code)}
            assert len(approaches) == 1
    assert len({row["statement_nl"] for row in data}) == len(data)
    assert len({row["statement_en"] for row in data}) == len(data)


@pytest.mark.parametrize("path", [PERSPECTIVES, VIGNETTES, BIJLAGE_E], ids=lambda p: p.name)
def test_known_ocr_errors_are_repaired(path):
    body = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    for garbled in ("P4", "efficiént", "financiéle", "financién", "organisatic", "politicke", "hiérarchisch", "€"):
        assert garbled not in body, garbled
