"""Beoordelen: scores, group means without "weet ik niet", the dissent measure, the agenda."""

import math

import pytest

from widgets.activities.beoordelen.model import (
    ACTIVITY,
    OVERALL,
    STATEMENTS,
    agenda,
    check_answer,
    check_score,
    summarize,
)
from widgets.datasets import read_dataset
from widgets.model.answers import Answer
from widgets.model.validation import InputError
from widgets.texts import fill_placeholders


def a(group, item, score, note=""):
    value = {"score": score, "note": note}
    return Answer.from_dict({"activity": ACTIVITY, "group": group, "item": item, "value": value, "participant": "x"})


ANSWERS = [
    a("A", "eerlijk", 6),
    a("A", "eerlijk", 8),
    a("B", "eerlijk", 4, "Te weinig sociale huur"),
    a("A", "toegankelijk", 5),
    a("A", "toegankelijk", 7),
    a("B", "toegankelijk", 5),
    a("B", "toegankelijk", 7),
    a("A", "rechtvaardig", 7),
    a("A", "rechtvaardig", 7),
    a("B", "rechtvaardig", 7),
    a("A", "outcomes", None),
    a("B", "outcomes", None),
    a("A", OVERALL, 6.5),
    a("A", OVERALL, 7.5),
    a("B", OVERALL, 4),
]


def test_group_means_leave_out_dont_know():
    s = summarize(ANSWERS)
    assert s["eerlijk"].group_means == {"A": 7, "B": 4}
    assert s[OVERALL].group_means == {"A": 7, "B": 4}
    assert s["outcomes"].group_means == {} and s["outcomes"].dont_know == 2
    assert s["eerlijk"].notes == [("B", "Te weinig sociale huur")]


def test_dissent_is_spread_within_plus_gap_between_groups():
    s = summarize(ANSWERS)
    # by hand: deviations from own group mean 1, 1, 0 -> sqrt(2/3); gap between means 7 - 4 = 3
    assert s["eerlijk"].within == pytest.approx(math.sqrt(2 / 3))
    assert s["eerlijk"].between == 3
    assert s["eerlijk"].dissent == pytest.approx(3 + math.sqrt(2 / 3))
    # both groups split 5/7: within 1, no gap
    assert (s["toegankelijk"].within, s["toegankelijk"].between) == (1, 0)
    assert s["rechtvaardig"].dissent == 0


def test_agenda_puts_most_dissent_first_and_unanswered_last():
    order = agenda(summarize(ANSWERS))
    assert order[:3] == ["eerlijk", "toegankelijk", "rechtvaardig"]
    assert order[-1] == "outcomes" and sorted(order) == sorted(STATEMENTS)


@pytest.mark.parametrize(
    "item, value, expected",
    [
        (OVERALL, "6,5", 6.5),
        (OVERALL, 10, 10),
        ("eerlijk", "7", 7),
        ("eerlijk", None, None),
    ],
)
def test_valid_scores(item, value, expected):
    assert check_score(value, item) == expected


@pytest.mark.parametrize(
    "item, value, key",
    [
        (OVERALL, None, "beoordelen.error.grade_required"),
        (OVERALL, "6.3", "beoordelen.error.grade"),
        (OVERALL, 11, "beoordelen.error.grade"),
        (OVERALL, "zes", "beoordelen.error.score"),
        ("eerlijk", 6.5, "beoordelen.error.score"),
        ("eerlijk", 0, "beoordelen.error.score"),
        ("eerlijk", "nan", "beoordelen.error.score"),
    ],
)
def test_bad_scores_are_refused(item, value, key):
    with pytest.raises(InputError) as caught:
        check_score(value, item)
    assert caught.value.key == key


def test_notes_are_checked_like_any_text():
    assert check_answer("eerlijk", 7, " goed \n zo ")["note"] == "goed \n zo"
    with pytest.raises(InputError):
        check_answer("eerlijk", 7, "x" * 1001)


def test_statements_dataset_has_the_nine_of_box_5_2_with_questions_and_placeholders():
    data = read_dataset("stellingen_box_5_2.csv")
    assert any("Box 5.2" in line for line in data.provenance)
    assert tuple(r["key"] for r in data.rows) == STATEMENTS
    assert [r["category"] for r in data.rows].count("proces") == 5
    for row in data.rows:
        assert "[gemeente]" in row["statement_nl"] and "[gemeente]" in row["statement_en"]
        assert len(row["questions_nl"].split(" | ")) == len(row["questions_en"].split(" | ")) >= 2
    filled = fill_placeholders(data.rows[0]["statement_nl"], "Gouda", "wonen")
    assert filled == "Het beleid en de beleidsuitvoering van Gouda voor wonen zijn eerlijk."


def test_lesson_spider_example_supports_the_lessons_answers():
    """Lesson 03's quiz says: least agreement on 'financieel', most critical group the societal partner."""
    from widgets.views.exercises import ChoiceQuestion
    from widgets.views.lesson import SPIDER_EXAMPLE

    means = dict(SPIDER_EXAMPLE)
    gaps = {s: max(m[i] for m in means.values()) - min(m[i] for m in means.values()) for i, s in enumerate(STATEMENTS)}
    offered = ["eerlijk", "financieel", "maatschappelijk", "outcomes"]  # the options of question 1
    assert gaps["financieel"] > max(gaps[o] for o in offered if o != "financieel")
    assert min(means, key=lambda g: sum(means[g])) == "maatschappelijke-partner"
    question = ChoiceQuestion({"nl": "Welke?", "en": "Which?"}, [{"nl": "A"}, {"nl": "B"}], 1, {"nl": "Omdat."})
    question.check.click()
    assert "Kies eerst" in question.feedback.value
    question.options.value = 0
    question.check.click()
    assert "Nog niet. Omdat." in question.feedback.value
    question.options.value = 1
    question.check.click()
    assert "Goed! Omdat." in question.feedback.value
