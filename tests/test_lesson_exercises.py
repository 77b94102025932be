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
    assert [label for label, _ in quiz(["A", "B"], ["Zeker", "Allicht"]).children[0].options.options] == [
        "Allicht",
        "Zeker",
    ]
    second.options.value = 0
    second.check.click()
    assert "Nog niet" in second.feedback.value and "want y" in second.feedback.value
    second.options.value = 1
    second.check.click()
    assert "Goed!" in second.feedback.value


def test_the_ladder_shows_the_chosen_rung_with_its_neighbours():
    ladder = Ladder(
        ["Loslaten", "Faciliteren", "Reguleren"],
        ["zelf doen", "steunen", "regels"],
        ["", "Wie vraagt om steun?", ""],
        "nl",
    )
    ladder.choice.value = 1
    shown = ladder.reading.value
    assert "Faciliteren" in shown and "steunen" in shown
    assert "Eén trede hoger, Loslaten" in shown and "Eén trede lager, Reguleren" in shown
    assert "Wie vraagt om steun?" in shown
    ladder.choice.value = 0
    assert "hoger" not in ladder.reading.value


def test_team_answers_are_shown_next_to_the_survey():
    survey = SurveyCompare(
        ["Stelling een", "Stelling twee"],
        ["Eens", "Neutraal", "Oneens"],
        [["60", "20", "20"], ["10", "30", "60"]],
        ["48", "47"],
        "nl",
    )
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
    orders = {
        tuple(
            les.sort_exercise("democratische_waarden_tabel_4_2.csv", item="question", category="value", seed=seed).items
        )
        for seed in range(6)
    }
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


SORT_AND_MATCH = """
[[exercise]]
id = "aanpak"
kind = "sort"
question.nl = "Zet elke situatie bij de juiste aanpak."
question.en = "Put each situation with the right approach."
categories = [{ nl = "Meer doen", en = "Doing more" }, { nl = "Anders doen", en = "Doing differently" }]

[[exercise.items]]
text.nl = "Twee extra handhavers"
text.en = "Two more enforcement officers"
answer = "Meer doen"
explanation.nl = "Meer van hetzelfde."
explanation.en = "More of the same."

[[exercise.items]]
text.nl = "Bewoners beslissen over het budget"
text.en = "Residents decide on the budget"
answer = "Anders doen"

[[exercise]]
id = "hoeken"
kind = "match"
question.nl = "Welke hoek hoort bij welke omschrijving?"
question.en = "Which corner goes with which description?"

[[exercise.pairs]]
left.nl = "Willen"
left.en = "Want"
right.nl = "De waardepropositie"
right.en = "The value proposition"

[[exercise.pairs]]
left.nl = "Kunnen"
left.en = "Can"
right.nl = "Operationele capaciteit"
right.en = "Operational capacity"
"""


def lesson_file(tmp_path, text):
    path = tmp_path / "99-proef.toml"
    path.write_text(text, encoding="utf-8")
    from widgets.model.exercises import read_file

    return read_file(path)


def test_a_choice_from_the_lesson_file_is_asked_and_explained_in_the_page_language(monkeypatch):
    from widgets.views.lesson import Lesson

    monkeypatch.setenv("SCRIPT_NAME", "/voila/render/lessons/03-beleid-beoordelen.ipynb")  # as Voila tells the kernel
    question = Lesson({"lang": "en"}).exercise("minst-eens")
    assert "On which of these statements do the groups agree least?" in question.children[0].value
    labels = [label for label, _ in question.options.options]
    assert labels == ["Fair", "Financial costs and benefits", "Social costs and benefits", "Contribution to outcomes"]
    question.options.value = 0
    question.check.click()
    assert "Not yet." in question.feedback.value
    question.options.value = 1
    question.check.click()
    # the explanation is wrapped over lines in the file and reads as one paragraph
    assert (
        "Right! On financial costs and benefits the administrative-political group and the civil service give a 7"
        in question.feedback.value
    )


def test_a_kernel_that_does_not_know_its_notebook_still_finds_the_exercise(monkeypatch):
    from widgets.views.lesson import Lesson

    for variable in ("SCRIPT_NAME", "JPY_SESSION_NAME"):
        monkeypatch.delenv(variable, raising=False)  # as under nbval
    les = Lesson({"lang": "nl"})
    assert les.exercise("signaalwoorden").text.value.startswith("Wij willen dat inwoners zo lang mogelijk zelfstandig")
    assert les.text("raadsenquete").startswith("Raadsleden in de Village Deal-gemeenten")
    assert Lesson({"lang": "en"}).text("raadsenquete").startswith("Council members in the Village Deal municipalities")


def test_an_exercise_the_lessons_file_lacks_gets_a_dutch_message_naming_the_file(monkeypatch):
    import pytest

    from widgets.views.lesson import Lesson

    monkeypatch.setenv("JPY_SESSION_NAME", "lessons/03-beleid-beoordelen.ipynb")  # as JupyterLab tells the kernel
    monkeypatch.delenv("SCRIPT_NAME", raising=False)
    with pytest.raises(
        LookupError, match='Oefening "raadsenquete" staat niet in lessons/exercises/03-beleid-beoordelen.toml'
    ):
        Lesson({"lang": "nl"}).exercise("raadsenquete")  # lesson 11's, not 03's
    with pytest.raises(LookupError, match='Tekst "bestaat-niet" staat niet in lessons/exercises/11-village-deals.toml'):
        Lesson({"lang": "nl"}, lesson="11-village-deals").text("bestaat-niet")


def test_sorting_and_matching_from_a_file_check_each_answer(tmp_path):
    from widgets.model.exercises import file_problems
    from widgets.views.exercises import exercise_widget

    data = lesson_file(tmp_path, SORT_AND_MATCH)
    assert file_problems(data) == []
    sort = exercise_widget(data["exercise"][0], "en").children[1]
    assert sort.items == ["Two more enforcement officers", "Residents decide on the budget"]
    assert [label for label, _ in sort.choices[0].options][1:] == ["Doing more", "Doing differently"]
    sort.choices[0].value = "Doing more"
    sort.choices[1].value = "Doing more"
    sort.check.click()
    assert "✓ Right: Two more enforcement officers → Doing more" in sort.feedback.value
    assert "More of the same." in sort.feedback.value
    assert "✗ Not yet: Residents decide on the budget → Doing differently" in sort.feedback.value

    match = exercise_widget(data["exercise"][1], "nl").children[1]
    assert [label for label, _ in match.choices[0].options][1:] == ["De waardepropositie", "Operationele capaciteit"]
    match.choices[1].value = "Operationele capaciteit"
    match.check.click()
    assert (
        "1 van de 2 goed." in match.feedback.value
        and "Niet gekozen: Willen → De waardepropositie" in match.feedback.value
    )


def test_the_file_check_names_each_mistake_an_author_can_make(tmp_path):
    from widgets.model.exercises import file_problems

    broken = (
        SORT_AND_MATCH.replace('answer = "Anders doen"', 'answer = "Anders"')
        .replace('right.en = "Operational capacity"', "")
        .replace('id = "hoeken"\nkind = "match"', 'id = "aanpak"\nkind = "match"')
    )
    broken += """
[[exercise]]
id = "Vraag 1"
kind = "keuze"

[[exercise]]
id = "vraag-2"
kind = "choice"
question.nl = "Vraag?"
question.en = ""
explenation.nl = "Uitleg"

[[exercise]]
id = "vraag-3"
kind = "choice"
question = { nl = "Vraag?", en = "Question?" }
explanation = { nl = "Uitleg", en = "Explanation" }
options = [{ nl = "A", en = "A" }, { nl = "B", en = "B" }]
"""
    problems = "\n".join(file_problems(lesson_file(tmp_path, broken)))
    assert "items[2]: answer 'Anders' is not the Dutch text of one of the categories" in problems
    assert "pairs[2].right: the text in en is missing or empty" in problems
    assert "exercise id 'aanpak' is used twice" in problems
    assert "an id is lower-case letters, digits and '-'" in problems
    assert "kind 'keuze' is not one of choice, sort, match, signal_words" in problems
    assert "exercise 'vraag-2': explanation is missing" in problems and "unknown field 'explenation'" in problems
    assert "exercise 'vraag-3': options: exactly one option has correct = true, not 0" in problems
