"""datasets/lokale_democratie_succesfactoren_box_4_5.csv and datasets/succesfactoren_suggesties.csv.

Source: Van der Torre, Douglas & 't Hart (2018), *Werken aan publieke waarde. Leren van en voor
gemeenten* (VNG / Universiteit Utrecht), Box 4.5 in §4.4.1, §1.3.2, and the suggestions of §2.5, §3.5
and §4.5. All expected figures below are written down BY HAND from the book, not computed from the CSV
("line" numbers are positions in the extracted text the kit was written from, a reading aid only).
"""

from .dataset_files import DATASETS, header_line, provenance, rows

BOX = DATASETS / "lokale_democratie_succesfactoren_box_4_5.csv"
COLUMNS = ["rank", "factor_nl", "factor_en", "mentions", "n"]
# Box 4.5, lines 874-884: eleven factors, printed in this order with these counts ("13x", "12x", ...).
PRINTED_COUNTS = [13, 12, 7, 6, 4, 4, 4, 3, 3, 3, 3]
# 13 + 12 + 7 + 6 + 4 + 4 + 4 + 3 + 3 + 3 + 3, added up by hand from lines 874-884.
TOTAL_MENTIONS = 62
RESPONDENTS = 57  # line 886 "Bron: eigen survey, n= 57"
# Line 874: the first factor is daring to experiment (13x); line 876: a clear vision (7x).
FIRST_WORD, VISION_WORD, VISION_COUNT = "experimenteren", "Heldere visie", 7
# §1.3.2, line 162: 376 gemeentesecretarissen + 379 griffiers; response per item 55 (7,3%) to 131 (17,3%).
POPULATION = 376 + 379
MIN_RESPONSE, MAX_RESPONSE = 55, 131

SUGGESTIONS = DATASETS / "succesfactoren_suggesties.csv"
SUGGESTION_COLUMNS = ["domain", "section", "number", "suggestion_nl", "suggestion_en"]
# Line 400 "vijf suggesties" (§2.5), line 634 "vier suggesties" (§3.5), line 918 "vier suggesties" (§4.5).
PRINTED_SUGGESTIONS = {"wonen": ("2.5", 5), "arbeidsintegratie": ("3.5", 4), "lokale_democratie": ("4.5", 4)}


def test_provenance_names_the_book_the_box_and_n():
    text = "\n".join(provenance(BOX))
    for needle in ("Werken aan publieke waarde", "Van der Torre", "2018", "Box 4.5", "4.4.1", "1.3.2", "n=57"):
        assert needle in text, needle
    # the provenance says what the sum of the counts means, and that no percentages are printed
    assert "62" in text and "percentages" in text


def test_header_row_follows_the_provenance():
    assert header_line(BOX) == ",".join(COLUMNS)
    assert all(list(row) == COLUMNS for row in rows(BOX))


def test_counts_as_printed_in_printed_order_out_of_the_printed_n():
    data = rows(BOX)
    assert [int(r["mentions"]) for r in data] == PRINTED_COUNTS
    assert [int(r["rank"]) for r in data] == list(range(1, 12))
    assert {int(r["n"]) for r in data} == {RESPONDENTS}


def test_total_of_the_counts_recomputed_and_more_than_n():
    total = sum(int(r["mentions"]) for r in rows(BOX))
    assert total == TOTAL_MENTIONS
    assert total > RESPONDENTS  # some named more than one factor, as the provenance says
    assert max(int(r["mentions"]) for r in rows(BOX)) <= RESPONDENTS


def test_factors_the_text_names_are_where_the_box_puts_them():
    data = rows(BOX)
    assert FIRST_WORD in data[0]["factor_nl"]
    (vision,) = [r for r in data if r["factor_nl"].startswith(VISION_WORD)]
    assert int(vision["mentions"]) == VISION_COUNT and data.index(vision) == 2


def test_n_lies_within_the_response_range_of_section_1_3_2():
    assert MIN_RESPONSE <= RESPONDENTS <= MAX_RESPONSE
    assert round(100 * RESPONDENTS / POPULATION, 1) == 7.5  # 57 / 755 = 7.55%


def test_both_languages_filled_and_distinct():
    for row in rows(BOX):
        assert row["factor_nl"].strip() and row["factor_en"].strip()
        assert row["factor_nl"] != row["factor_en"]
    assert len({r["factor_nl"] for r in rows(BOX)}) == len(PRINTED_COUNTS)


def test_suggestions_provenance_and_header():
    text = "\n".join(provenance(SUGGESTIONS))
    for needle in ("Werken aan publieke waarde", "par. 2.5", "par. 3.5", "par. 4.5", "KORT WEERGEGEVEN DOOR DE KIT"):
        assert needle in text, needle
    assert header_line(SUGGESTIONS) == ",".join(SUGGESTION_COLUMNS)


def test_as_many_suggestions_per_chapter_as_the_book_announces_numbered_from_one():
    data = rows(SUGGESTIONS)
    for domain, (section, count) in PRINTED_SUGGESTIONS.items():
        mine = [r for r in data if r["domain"] == domain]
        assert [int(r["number"]) for r in mine] == list(range(1, count + 1)), domain
        assert {r["section"] for r in mine} == {section}, domain
    assert len(data) == 5 + 4 + 4
    for row in data:
        assert row["suggestion_nl"].strip() and row["suggestion_en"].strip()
        assert row["suggestion_nl"] != row["suggestion_en"]
