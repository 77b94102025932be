"""Lesson exercises as a learner uses them: choose, check, read the feedback (no browser needed)."""

import ipywidgets as w

from widgets.views.exercises import Ladder, SortExercise, SurveyCompare, group_means_html, quiz

ITEMS = ["Meer handhavers inzetten", "Formulieren vereenvoudigen", "<b>Bewoners laten beslissen</b>"]
ANSWERS = ["Meer doen", "Beter doen", "Anders doen"]


def test_sorting_marks_each_item_and_counts_the_score():
    exercise = SortExercise(ITEMS, ANSWERS, ["omdat a", "omdat b", "omdat c"], "nl")
    assert [label for label, _ in exercise.choices[0].options][1:] == ANSWERS
    exercise.choices[0].value = "Meer doen"
    exercise.choices[1].value = "Anders doen"
    exercise.check.click()
    text = exercise.feedback.value
    assert "1 van de 3 goed" in text
    assert "✓ Goed: Meer handhavers inzetten → Meer doen" in text
    assert "✗ Nog niet: Formulieren vereenvoudigen → Beter doen" in text and "omdat b" in text
    assert "&lt;b&gt;Bewoners" in text and "<b>Bewoners" not in text


def test_sorting_without_any_choice_asks_for_one():
    exercise = SortExercise(ITEMS, ANSWERS, lang="en")
    exercise.check.click()
    assert "Choose an answer for at least one item first" in exercise.feedback.value


def test_a_sample_still_offers_every_category():
    exercise = SortExercise(ITEMS[:1], ANSWERS[:1], categories=ANSWERS)
    assert len(exercise.choices[0].options) == 4


def test_quiz_offers_every_answer_and_marks_the_rows_own_one():
    box = quiz(["Vignet A", "Vignet B"], ["Netwerkende overheid", "Rechtmatige overheid"], ["want x", "want y"])
    second = box.children[1]
    assert [label for label, _ in second.options.options] == ["Netwerkende overheid", "Rechtmatige overheid"]
    assert [label for label, _ in quiz(["A", "B"], ["Zeker", "Allicht"]).children[0].options.options] == ["Allicht", "Zeker"]
    second.options.value = 0
    second.check.click()
    assert "Nog niet" in second.feedback.value and "want y" in second.feedback.value
    second.options.value = 1
    second.check.click()
    assert "Goed!" in second.feedback.value


def test_the_ladder_shows_the_chosen_rung_with_its_neighbours():
    ladder = Ladder(["Loslaten", "Faciliteren", "Reguleren"], ["zelf doen", "steunen", "regels"],
                    ["", "Wie vraagt om steun?", ""], "nl")
    ladder.choice.value = 1
    shown = ladder.reading.value
    assert "Faciliteren" in shown and "steunen" in shown
    assert "Eén trede hoger, Loslaten" in shown and "Eén trede lager, Reguleren" in shown
    assert "Wie vraagt om steun?" in shown
    ladder.choice.value = 0
    assert "hoger" not in ladder.reading.value


def test_team_answers_are_shown_next_to_the_survey():
    survey = SurveyCompare(["Stelling een", "Stelling twee"], ["Eens", "Neutraal", "Oneens"],
                           [["60", "20", "20"], ["10", "30", "60"]], ["48", "47"], "nl")
    survey.counts[0][0].value, survey.counts[0][2].value = 3, 1
    survey.button.click()
    table = survey.table.value
    assert "Enquête (n=48)" in table and "75%" in table and "+15" in table
    assert survey.message.value == ""


def test_a_team_survey_without_answers_gets_a_dutch_message_and_no_table():
    survey = SurveyCompare(["Stelling een"], ["Eens", "Neutraal", "Oneens"], [["60", "20", "20"]], ["48"], "nl")
    survey.button.click()
    assert "Vul eerst bij minstens één stelling" in survey.message.value and survey.table.value == ""


def test_group_means_use_a_decimal_comma_in_dutch():
    html = group_means_html([("G4", 4, [18.3, 20.0]), (None, 49, [20.7, 21.2])], ["PA", "NPM"], "Klasse", "nl")
    assert "<td>G4</td><td>4</td><td>18,3</td><td>20,0</td>" in html
    assert "<b>Alle</b>" in html and "20,7" in html


def test_a_sorting_exercise_from_a_dataset_does_not_list_items_in_answer_order():
    from widgets.views.lesson import Lesson

    les = Lesson({"lang": "nl"})
    orders = {tuple(les.sort_exercise("democratische_waarden_tabel_4_2.csv", item="question", category="value",
                                      seed=seed).items) for seed in range(6)}
    assert len(orders) > 1
    exercise = les.sort_exercise("democratische_waarden_tabel_4_2.csv", item="question", category="value", seed=1)
    options = [label for label, _ in exercise.choices[0].options][1:]
    assert options == les.column("democratische_waarden_tabel_4_2.csv", "value")  # the table's own order
    assert exercise.answers != options


def test_dataset_tables_head_their_columns_in_the_page_language():
    from widgets.views.lesson import Lesson

    html = Lesson({"lang": "en"}).dataset_table("beleidsinfarct_reeksen.csv", columns=["series", "year"]).value
    assert "<th>Series</th><th>Year</th>" in html and "series_en" not in html


def test_long_bar_labels_are_numbered_on_the_axis_and_listed_in_full_under_the_chart():
    from widgets.charts.lesson import axis_labels, stacked_figure
    from widgets.views.lesson import with_key

    long = ["Raadsleden <zijn> voldoende toegerust voor hun rol in het sociaal domein", "Kort"]
    assert axis_labels(long) == ["1", "2"] and axis_labels(["Kort", "Ook kort"]) == ["Kort", "Ook kort"]
    plot = stacked_figure(long, ["Eens", "Oneens"], [[60.0, 40.0], [10.0, 90.0]])
    assert list(plot.y_range.factors) == ["2", "1"]  # first row on top
    key = with_key(w.HTML("chart"), long).children[1].value
    assert key.startswith('<ol class="kit-chart-key">') and "&lt;zijn&gt;" in key
