"""datasets/village_deals_raadsenquete.csv and datasets/bestuursstijlen.csv.

Source: Den Hoed, De Haan, Verweij & Winsemius (2018), *VILLAGE DEALS: een verkenning naar de
bestuurlijke dimensie van integraal werken* (Movisie, 8 mei 2018). Every expected number below is
written down BY HAND from the report, not computed from the CSV files
("line" numbers are positions in the extracted text the kit was written from, a reading aid only).
"""

import pytest

from .dataset_files import DATASETS, header_line, provenance, rows

SURVEY = DATASETS / "village_deals_raadsenquete.csv"
STYLES = DATASETS / "bestuursstijlen.csv"
PARTS = ("eens", "neutraal", "oneens")

# Rows are found by a key word in statement_nl (Afbeelding 4 has no numbering).
KEYS = {
    "nieuwe rol": "nieuwe rol",
    "toegerust": "toegerust",
    "kennis": "kennis",
    "instrumenten": "instrumenten",
    "dilemma": "rechtmatigheid",
}

# Afbeelding 4, lines 397-401: N per statement.
PRINTED_N = {"nieuwe rol": 43, "toegerust": 35, "kennis": 35, "instrumenten": 35, "dilemma": 35}
# Afbeelding 4, line 397: only the agree share is printed for the new role.
PRINTED_AGREE_NIEUWE_ROL = 86
# Afbeelding 4, lines 398 and 401: 'weet niet' shares (no column in the CSV).
WEET_NIET = {"toegerust": 6, "kennis": 0, "instrumenten": 0, "dilemma": 6}
# Line 107: questionnaire to all 254 council members, 51 (partly) answered.
# Line 391: "Per vraag ... schommelt de respons tussen de 14% en 20%".
POPULATION, RESPONDENTS, RESPONSE_RANGE = 254, 51, (14, 20)


def survey() -> dict:
    found = {}
    for row in rows(SURVEY):
        keys = [key for key, word in KEYS.items() if word in row["statement_nl"].lower()]
        assert len(keys) == 1, f"cannot tell which statement this is: {row['statement_nl']}"
        found[keys[0]] = row
    return found


def pct(row: dict, part: str):
    return None if row[part] == "" else float(row[part])


@pytest.mark.parametrize("path", [SURVEY, STYLES], ids=lambda p: p.name)
def test_provenance_names_the_report(path):
    header = provenance(path)
    assert len(header) >= 3
    text = "\n".join(header)
    for needle in ("VILLAGE DEALS", "Movisie", "2018", "Den Hoed", "Winsemius"):
        assert needle in text, needle


def test_survey_provenance_names_figure_and_the_repairs_question():
    text = "\n".join(provenance(SURVEY))
    for needle in ("Afbeelding 4", "percentage eens", "weet niet", "97", "103", "NIETS gerepareerd"):
        assert needle.lower() in text.lower(), needle


@pytest.mark.parametrize(
    "path,columns",
    [
        (SURVEY, ["statement_nl", "statement_en", "eens", "neutraal", "oneens", "n"]),
        (STYLES, ["trait_nl", "trait_en", "style_nl", "style_en", "explanation_nl", "explanation_en"]),
    ],
    ids=lambda p: getattr(p, "name", ""),
)
def test_header_row_follows_the_provenance(path, columns):
    assert header_line(path) == ",".join(columns)
    assert all(list(row) == columns and None not in row.values() for row in rows(path))


def test_five_statements_in_both_languages():
    assert len(rows(SURVEY)) == 5
    assert set(survey()) == set(KEYS)
    for row in rows(SURVEY):
        assert row["statement_nl"].strip() and row["statement_en"].strip()
        assert row["statement_nl"] != row["statement_en"]


def test_n_as_printed_and_within_the_reported_response():
    for key, row in survey().items():
        n = int(row["n"])
        assert n == PRINTED_N[key], key
        # recompute the response per question the report gives (line 391): 35/254 = 13.8% and 43/254 = 16.9%
        assert n <= RESPONDENTS
        assert RESPONSE_RANGE[0] <= round(100 * n / POPULATION) <= RESPONSE_RANGE[1], key


def test_new_role_gives_only_the_agree_share():
    row = survey()["nieuwe rol"]
    assert pct(row, "eens") == PRINTED_AGREE_NIEUWE_ROL
    assert pct(row, "neutraal") is None and pct(row, "oneens") is None


def test_percentages_are_whole_numbers_between_0_and_100():
    for row in rows(SURVEY):
        for part in PARTS:
            value = pct(row, part)
            assert value is None or (0 <= value <= 100 and value == int(value))


def test_sums_with_weet_niet_are_100_where_rounding_explains_them():
    # instrumenten: 37+26+37 = 100 (line 400, also line 428); dilemma: 46+23+26+6 = 101, rounding (line 401)
    for key in ("instrumenten", "dilemma"):
        row = survey()[key]
        total = sum(pct(row, part) for part in PARTS) + WEET_NIET[key]
        assert abs(total - 100) <= 1, (key, total)


def test_the_two_misprinted_sums_are_kept_as_printed():
    # toegerust 23+34+34+6 = 97 (line 398), kennis 46+29+28 = 103 (line 399): off by 3, which rounding cannot
    # explain. The CSV keeps the printed numbers (provenance says so); this pins that nothing was silently changed.
    found = {key: sum(pct(survey()[key], part) for part in PARTS) + WEET_NIET[key] for key in ("toegerust", "kennis")}
    assert found == {"toegerust": 97, "kennis": 103}


def fits_whole_people(percentages, n) -> bool:
    """Can whole numbers of respondents (summing to n) give these rounded percentages?"""
    options = []
    for p in percentages:
        counts = [k for k in range(n + 1) if round(100 * k / n) == p]
        if not counts:
            return False
        options.append(counts)
    totals = {0}
    for counts in options:
        totals = {t + k for t in totals for k in counts}
    return n in totals


def test_which_statements_fit_whole_respondents():
    # recomputes from N=35 what the provenance claims: two statements fit whole people, two cannot
    fit = set()
    for key in ("toegerust", "kennis", "instrumenten", "dilemma"):
        row = survey()[key]
        shares = [int(pct(row, part)) for part in PARTS] + ([WEET_NIET[key]] if WEET_NIET[key] else [])
        if fits_whole_people(shares, int(row["n"])):
            fit.add(key)
    assert fit == {"instrumenten", "dilemma"}


def test_percentages_quoted_in_the_running_text_match():
    s = survey()
    # §3.1 line 412: "Slechts 23% ... voldoende zijn toegerust"; "Ongeveer één op de drie ... oneens"
    assert pct(s["toegerust"], "eens") == 23
    assert abs(pct(s["toegerust"], "oneens") - 100 / 3) < 4
    # §3.1 line 414: nieuwe rol "herkend door 86%"
    assert pct(s["nieuwe rol"], "eens") == 86
    # §3.3 line 428: 37% voldoende instrumenten, "Eenzelfde percentage" oneens, "de rest (26%)" neutraal
    assert pct(s["instrumenten"], "eens") == 37
    assert pct(s["instrumenten"], "oneens") == pct(s["instrumenten"], "eens")
    assert pct(s["instrumenten"], "neutraal") == 26
    # §3.3 line 430: dilemma "Bijna de helft" eens, "Eén op de vier" oneens
    assert 40 <= pct(s["dilemma"], "eens") < 50
    assert abs(pct(s["dilemma"], "oneens") - 25) <= 2
    # Samenvatting line 74: "één op de vier" toegerust, "bijna de helft" te weinig kennis,
    # "ongeveer één op de drie" voldoende instrumenten
    assert abs(pct(s["toegerust"], "eens") - 25) <= 2
    assert 40 <= pct(s["kennis"], "eens") < 50
    assert abs(pct(s["instrumenten"], "eens") - 100 / 3) < 4


STYLE_NAMES = {"bewaker": "guardian", "strateeg": "strategist", "idealist": "idealist", "manager": "manager"}


def test_four_styles_each_with_at_least_two_traits():
    found = rows(STYLES)
    assert 8 <= len(found) <= 12
    per_style = {}
    for row in found:
        assert STYLE_NAMES.get(row["style_nl"]) == row["style_en"], row["style_nl"]
        per_style[row["style_nl"]] = per_style.get(row["style_nl"], 0) + 1
    assert set(per_style) == set(STYLE_NAMES)  # Afbeelding 2, lines 344-347
    assert min(per_style.values()) >= 2


def test_styles_first_appear_in_the_order_of_afbeelding_2():
    # the sort exercise offers the categories in order of first appearance; lines 344-347
    order = list(dict.fromkeys(row["style_nl"] for row in rows(STYLES)))
    assert order == ["bewaker", "strateeg", "idealist", "manager"]


def test_style_rows_are_mixed_for_the_exercise():
    # rows grouped by style would give the answers away in dataset order
    styles = [row["style_nl"] for row in rows(STYLES)]
    assert styles != sorted(styles, key=list(STYLE_NAMES).index)


def test_traits_do_not_name_their_style_and_every_text_is_bilingual():
    for row in rows(STYLES):
        for column in ("trait_nl", "trait_en", "explanation_nl", "explanation_en"):
            assert row[column].strip(), column
        assert row["trait_nl"] != row["trait_en"]
        for name in list(STYLE_NAMES) + list(STYLE_NAMES.values()):
            assert name not in row["trait_nl"].lower() and name not in row["trait_en"].lower()
        assert row["style_nl"] in row["explanation_nl"].lower()
        assert row["style_en"] in row["explanation_en"].lower()
