"""The palette typology and the classification exercise's feedback."""

from widgets.model.typology import CELLS, PaletteValue, placement_is_right, sample_values
from widgets.views.lesson import ClassifyExercise


def value(perspective, kind, text):
    return PaletteValue("1.1", "verkeersbeleid", perspective, kind, text)


def test_six_cells():
    assert len(CELLS) == 6 and len(set(CELLS)) == 6


def test_process_values_spanning_both_perspectives_are_right_in_either_row():
    shared = value("beide", "proces", "inspraak")
    assert placement_is_right(shared, "individueel", "proces")
    assert placement_is_right(shared, "collectief", "proces")
    assert not placement_is_right(shared, "collectief", "materieel")
    own = value("individueel", "materieel", "reistijd")
    assert placement_is_right(own, "individueel", "materieel")
    assert not placement_is_right(own, "collectief", "materieel")


def test_sample_spreads_over_cells_and_respects_n():
    values = [value(p, k, f"{p}-{k}-{i}") for p, k in CELLS for i in range(3)]
    picked = sample_values(values, 5, seed=1)
    assert len(picked) == 5 and len(set(picked)) == 5
    assert len({(v.perspective, v.kind) for v in picked}) == 5
    assert len(sample_values(values[:2], 5)) == 2


def test_exercise_feedback_marks_each_value():
    values = [
        value("individueel", "materieel", "reistijd"),
        value("collectief", "immaterieel", "leefbaarheid"),
        value("beide", "proces", "inspraak"),
    ]
    exercise = ClassifyExercise(values, "nl")
    exercise.choices[0].value = ("individueel", "materieel")  # right
    exercise.choices[1].value = ("individueel", "immaterieel")  # wrong perspective
    exercise.check.click()
    text = exercise.feedback.value
    assert "Goed: reistijd" in text
    assert "Nog niet: leefbaarheid" in text and "collectief, immaterieel" in text
    assert "Kies eerst een vak voor inspraak" in text
    assert "1 van de 3 goed" in text
    exercise.choices[1].value = ("collectief", "immaterieel")
    exercise.choices[2].value = ("collectief", "proces")
    exercise.check.click()
    assert "3 van de 3 goed" in exercise.feedback.value
    assert "kit-message-ok" in exercise.feedback.value


def test_exercise_escapes_values_and_speaks_english():
    exercise = ClassifyExercise([value("individueel", "materieel", "<b>x</b>")], "en")
    exercise.choices[0].value = ("collectief", "proces")
    exercise.check.click()
    assert "<b>x</b>" not in exercise.feedback.value and "&lt;b&gt;" in exercise.feedback.value
    assert "0 of 1 right" in exercise.feedback.value


def test_a_check_before_anything_is_chosen_asks_for_a_choice_and_gives_no_score():
    exercise = ClassifyExercise([value("individueel", "materieel", "reistijd"), value("beide", "proces", "inspraak")])
    exercise.check.click()
    assert "Kies eerst bij elke waarde een vak." in exercise.feedback.value
    assert "goed" not in exercise.feedback.value and "reistijd" not in exercise.feedback.value
    exercise.choices[0].value = ("collectief", "proces")
    exercise.check.click()
    assert "0 van de 2 goed" in exercise.feedback.value  # once something is chosen, the score counts


def test_lesson_exercise_on_a_book_table_accepts_the_books_placement():
    from widgets.views.lesson import Lesson

    exercise = Lesson(params={}).classify_exercise("2.1", n=8, seed=3)
    assert len(exercise.values) == 8 and {v.table for v in exercise.values} == {"2.1"}
    for value, choice in zip(exercise.values, exercise.choices, strict=True):
        choice.value = ("collectief" if value.perspective == "beide" else value.perspective, value.kind)
    exercise.check.click()
    assert "8 van de 8 goed" in exercise.feedback.value
