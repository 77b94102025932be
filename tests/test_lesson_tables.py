"""How lessons read datasets: bilingual columns, numbers, group means, indexed series, team surveys."""

import pytest

from widgets.model.survey import compare, team_percentages
from widgets.model.tables import column, distinct, group_means, number, resolve, sample_rows, series_points
from widgets.model.validation import InputError

ROWS = [
    {"gemeente": "A", "klasse": "groot", "pa": "10", "sr": "30", "label_nl": "een", "label_en": "one"},
    {"gemeente": "B", "klasse": "klein", "pa": "20", "sr": "50", "label_nl": "twee", "label_en": "two"},
    {"gemeente": "C", "klasse": "groot", "pa": "30,5", "sr": "10", "label_nl": "drie", "label_en": "three"},
]


def test_a_bilingual_column_follows_the_page_language():
    assert column(ROWS, "label", "en") == ["one", "two", "three"]
    assert column(ROWS, "label", "nl") == ["een", "twee", "drie"]
    assert resolve(ROWS[0], "pa", "en") == "pa"
    with pytest.raises(KeyError, match="label_nl"):
        resolve(ROWS[0], "titel", "nl")


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
    rows = [{"s": "wetten", "jaar": "2010", "v": "200"}, {"s": "wetten", "jaar": "2000", "v": "100"},
            {"s": "fte", "jaar": "2000", "v": "4"}, {"s": "fte", "jaar": "2020", "v": "5"}]
    raw = series_points(rows, "jaar", "v", "s")
    assert raw["wetten"] == ([2000.0, 2010.0], [100.0, 200.0])
    indexed = series_points(rows, "jaar", "v", "s", index=True)
    assert indexed["wetten"][1] == [100.0, 200.0] and indexed["fte"][1] == [100.0, 125.0]


def test_team_counts_become_percentages_comparable_with_the_survey():
    assert team_percentages([3, 1, 0]) == [75.0, 25.0, 0.0]
    result = compare([[60, 20, 20], [50, 25, 25]], [[3, 1, 0], [0, 0, 0]])
    assert result[0] == ([60, 20, 20], [75.0, 25.0, 0.0]) and result[1][1] is None


@pytest.mark.parametrize("counts, key", [
    ([[-1, 2, 0]], "error.survey_negative"),
    ([["twee", 1, 0]], "error.survey_not_a_number"),
    ([[0, 0, 0]], "error.survey_empty"),
    ([[400, 200, 0]], "error.survey_too_many"),
])
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
