"""How lessons read datasets: localized columns, readable headings, numbers, group means, indexed series, surveys."""

import ast
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from widgets.datasets import read_dataset
from widgets.i18n import catalog
from widgets.model.survey import compare, team_percentages
from widgets.model.tables import (
    column,
    distinct,
    group_means,
    localize,
    localized,
    localized_column,
    localized_names,
    number,
    sample_rows,
    series_points,
)
from widgets.model.validation import InputError
from widgets.views.lesson import dataset_html

LESSONS = Path(__file__).resolve().parent.parent / "lessons"

ROWS = [
    {"gemeente": "A", "klasse": "groot", "pa": "10", "sr": "30", "label_nl": "een", "label_en": "one"},
    {"gemeente": "B", "klasse": "klein", "pa": "20", "sr": "50", "label_nl": "twee", "label_en": "two"},
    {"gemeente": "C", "klasse": "groot", "pa": "30,5", "sr": "10", "label_nl": "drie", "label_en": "three"},
]


def test_a_bilingual_column_follows_the_page_language():
    assert column(ROWS, "label", "en") == ["one", "two", "three"]
    assert column(ROWS, "label", "nl") == ["een", "twee", "drie"]
    assert localized_column(ROWS[0], "pa", "en") == "pa"
    with pytest.raises(KeyError, match="label_nl"):
        localized_column(ROWS[0], "titel", "nl")


def test_a_third_language_is_one_more_column_and_an_untranslated_cell_reads_dutch():
    rows = [{"value": "Onderdak", "value_fy": "Ûnderdak"}, {"value": "Geluk", "value_fy": ""}]
    assert column(rows, "value", "fy") == ["Ûnderdak", "Geluk"]
    assert localize(rows[0], "value", "fy") == ("Ûnderdak", "fy")
    assert localize(rows[1], "value", "fy") == ("Geluk", "nl")  # an empty translation falls back to Dutch
    assert localized(rows[0], "value", "en") == "Onderdak"  # no English column: the Dutch original
    assert localize({"label_nl": "een", "label_en": ""}, "label", "en") == ("een", "nl")


def test_a_table_shows_each_text_once_whatever_languages_it_has():
    assert localized_names(["case", "summary_nl", "summary_en", "summary_fy", "axis_1", "source_note"]) == [
        "case",
        "summary",
        "axis_1",
        "source_note",
    ]
    assert localized_names(["value", "value_en", "rank"]) == ["value", "rank"]


def lesson_tables():
    """``(lesson, dataset, columns)`` of every ``les.dataset_table(...)`` in the lessons (and the template)."""
    found = []
    for path in sorted(LESSONS.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            for node in ast.walk(ast.parse("".join(cell["source"]))):
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "dataset_table":
                    args = [ast.literal_eval(a) for a in node.args]
                    named = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
                    found.append((path.stem, args[0], named.get("columns", args[1] if len(args) > 1 else None)))
    return found


def test_the_lessons_show_dataset_tables():
    assert len(lesson_tables()) >= 10  # the check below would pass on nothing


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("lesson, name, columns", lesson_tables())
def test_lesson_tables_have_readable_headings(lesson, name, columns, lang):
    soup = BeautifulSoup(dataset_html(name, columns, lang), "html.parser")
    shown = columns or localized_names(read_dataset(name).rows[0])
    heads = [th.get_text() for th in soup.select("table.kit-dataset th")]
    assert len(heads) == len(shown)
    for heading, name_shown in zip(heads, shown, strict=True):
        assert f"column.{name_shown}" in catalog(lang), f"{lesson}: no heading for column {name_shown!r} in {lang}"
        assert not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+", heading), f"{lesson}: raw column name {heading!r}"


def test_an_english_table_marks_dutch_cells_and_says_it_is_translated():
    english = BeautifulSoup(dataset_html("driehoek_casussen.csv", None, "en"), "html.parser")
    heads = [th.get_text() for th in english.select("th")]
    assert "Summary" in heads and "What the book says" in heads and "book_en" not in heads
    first = english.select("tr")[1].select("td")
    summary = first[heads.index("Summary")]
    assert summary.get_text().startswith("A fairly small municipality") and not summary.get("lang")
    assert first[heads.index("Case")].get_text() == "woongemeente 1" and first[heads.index("Case")]["lang"] == "nl"
    assert "Translated from the Dutch original" in english.select_one(".kit-translation-note").get_text()
    dutch = BeautifulSoup(dataset_html("driehoek_casussen.csv", None, "nl"), "html.parser")
    assert not dutch.select("[lang]:not(small)") and not dutch.select(".kit-translation-note")
    assert dutch.select("tr")[1].select("td")[-2].get_text().startswith("Een vrij kleine gemeente")


def test_numbers_accept_a_dutch_decimal_comma():
    assert number("30,5") == 30.5 and number(" 7.25 ") == 7.25


def test_categories_keep_the_order_the_author_wrote_them_in():
    assert distinct(["Meer", "Beter", "Meer", "", "Anders", "Beter"]) == ["Meer", "Beter", "Anders"]


def test_group_means_per_group_and_overall():
    groups = group_means(ROWS, "klasse", ["pa", "sr"])
    assert groups[0] == ("groot", 2, [20.25, 20.0])
    assert groups[1] == ("klein", 1, [20.0, 50.0])
    assert groups[-1][0] is None and groups[-1][1] == 3 and groups[-1][2][1] == pytest.approx(30.0)


def test_a_sample_is_random_but_shown_in_dataset_order():
    picked = sample_rows(list(range(20)), 5, seed=3)
    assert len(picked) == 5 and picked == sorted(picked)
    assert sample_rows(list(range(20)), 5, seed=4) != picked or sample_rows(list(range(20)), 5, seed=5) != picked
    assert sample_rows([1, 2], 5) == [1, 2]


def test_indexed_series_start_at_100_so_different_units_share_a_chart():
    rows = [
        {"s": "wetten", "jaar": "2010", "v": "200"},
        {"s": "wetten", "jaar": "2000", "v": "100"},
        {"s": "fte", "jaar": "2000", "v": "4"},
        {"s": "fte", "jaar": "2020", "v": "5"},
    ]
    raw = series_points(rows, "jaar", "v", "s")
    assert raw["wetten"] == ([2000.0, 2010.0], [100.0, 200.0])
    indexed = series_points(rows, "jaar", "v", "s", index=True)
    assert indexed["wetten"][1] == [100.0, 200.0] and indexed["fte"][1] == [100.0, 125.0]


def test_team_counts_become_percentages_comparable_with_the_survey():
    assert team_percentages([3, 1, 0]) == [75.0, 25.0, 0.0]
    result = compare([[60, 20, 20], [50, 25, 25]], [[3, 1, 0], [0, 0, 0]])
    assert result[0] == ([60, 20, 20], [75.0, 25.0, 0.0]) and result[1][1] is None


@pytest.mark.parametrize(
    "counts, key",
    [
        ([[-1, 2, 0]], "error.survey_negative"),
        ([["twee", 1, 0]], "error.survey_not_a_number"),
        ([[0, 0, 0]], "error.survey_empty"),
        ([[400, 200, 0]], "error.survey_too_many"),
    ],
)
def test_bad_team_counts_are_refused_with_a_message(counts, key):
    with pytest.raises(InputError) as error:
        compare([[60, 20, 20]], counts)
    assert error.value.key == key


def test_figures_a_source_leaves_out_stay_out_and_the_rest_is_shown_as_such():
    from widgets.model.tables import number_or_none, with_rest

    assert number_or_none("") is None and number_or_none("86") == 86.0
    parts, shares = with_rest([[86.0, None, None], [60.0, 20.0, 20.0]], "rest", ["eens", "neutraal", "oneens"])
    assert parts == ["eens", "neutraal", "oneens", "rest"]
    assert shares[0] == [86.0, 0.0, 0.0, 14.0] and shares[1][-1] == 0.0
    assert with_rest([[50.0, 50.0]], "rest", ["a", "b"]) == (["a", "b"], [[50.0, 50.0]])
