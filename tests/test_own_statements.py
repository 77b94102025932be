"""Eigen stellingen: the facilitator's statements checked, scores summarised with the rating model (by hand)."""

import math

import pytest

from widgets.activities.beoordelen import model as rating
from widgets.activities.eigen.model import (
    ACTIVITY,
    check_answer,
    check_statements,
    check_stored,
    stored_statements,
    summarize,
)
from widgets.model.answers import Answer
from widgets.model.validation import InputError

STATEMENTS = [
    {"key": "e1", "text": "Onze wijkteams werken vanuit de bedoeling"},
    {"key": "e2", "text": "Inwoners weten ons te vinden"},
    {"key": "e3", "text": "We leren van klachten"},
]


def answer(group, item, score, note=""):
    value = {"score": score, "note": note}
    return Answer.from_dict({"activity": ACTIVITY, "participant": "x", "group": group, "item": item, "value": value})


# Two officials and one resident. By hand:
# e1: 8, 8 | 8        -> dissent 0; agreement (2+1)/(2+2) * (1+1)/(1+2) = 0.5 (above the floor 0.25)
# e2: 4, 6 | 9        -> means 5 and 9: within sqrt((1 + 1 + 0) / 3) = 0.8165, between 4, dissent 4.8165;
#                        agreement (0+1)/4 * 2/3 = 0.1667
# e3: 7, weet niet | 5 -> within 0, between 2, dissent 2; agreement 2/3 * 1/3 = 0.2222; one "weet ik niet"
ANSWERS = [
    answer("ambtelijk", "e1", 8),
    answer("ambtelijk", "e2", 4),
    answer("ambtelijk", "e3", 7),
    answer("ambtelijk", "e1", 8),
    answer("ambtelijk", "e2", 6),
    answer("ambtelijk", "e3", None, "Geen zicht op"),
    answer("inwoner", "e1", 8),
    answer("inwoner", "e2", 9),
    answer("inwoner", "e3", 5, "Klachten blijven liggen"),
]


def test_statements_one_per_line_get_keys_in_order_and_blank_lines_are_skipped():
    text = "  Onze wijkteams   werken vanuit de bedoeling \n\nInwoners weten ons te vinden\r\nWe leren van klachten\n"
    assert check_statements(text) == STATEMENTS
    assert check_statements([s["text"] for s in STATEMENTS]) == STATEMENTS  # a list, as kept in a state


@pytest.mark.parametrize(
    ("lines", "key", "params"),
    [
        ("", "eigen.error.none", {}),
        (" \n \n", "eigen.error.none", {}),
        ("\n".join(f"Stelling nummer {n}" for n in range(1, 14)), "eigen.error.too_many", {"n": 13, "max": 12}),
        ("Wij luisteren\nWIJ  luisteren", "eigen.error.duplicate", {"n": 2, "first": 1}),
    ],
)
def test_no_too_many_or_duplicate_statements_are_refused(lines, key, params):
    with pytest.raises(InputError) as refused:
        check_statements(lines)
    assert refused.value.key == key and refused.value.params == params


def test_a_too_long_statement_is_refused_with_its_number_in_dutch():
    from widgets.i18n import error_message

    assert len(check_statements(["x" * 200])[0]["text"]) == 200
    with pytest.raises(InputError) as refused:
        check_statements(["Kort", "x" * 201])
    assert error_message(refused.value, "nl") == "Stelling 2: Stelling is te lang: maximaal 200 tekens."
    with pytest.raises(InputError) as refused:
        check_statements(["Goed", "bidi \u202e omgekeerd"])
    assert refused.value.params["n"] == 2 and refused.value.params["reason"].key == "error.control_chars"


def test_twelve_statements_fit():
    twelve = check_statements([f"Stelling nummer {n}" for n in range(1, 13)])
    assert [s["key"] for s in twelve] == [f"e{n}" for n in range(1, 13)]


def test_stored_statements_are_read_back_and_anything_else_gives_none():
    assert stored_statements({"statements": STATEMENTS}) == STATEMENTS
    assert stored_statements({}) == []
    assert stored_statements({"statements": "geen lijst"}) == []
    assert stored_statements({"statements": [{"key": "e1", "text": ""}]}) == []


def test_answers_are_scores_one_to_ten_or_dont_know_for_statement_keys_only():
    assert check_answer("e3", "7", " goed ") == {"score": 7, "note": "goed"}
    assert check_answer("e12", None) == {"score": None, "note": ""}
    for item, score in (("e1", "11"), ("e1", "6.5"), ("e1", "0"), ("e13", "5"), ("cijfer", "5"), ("eerlijk", "5")):
        with pytest.raises(InputError):
            check_answer(item, score)


def test_a_file_score_is_checked_as_a_phones():
    assert check_stored("e2", 6) == {"score": 6, "note": ""}
    assert check_stored("e2", {"score": None, "note": "Weet niet"}) == {"score": None, "note": "Weet niet"}
    with pytest.raises(InputError):
        check_stored("e2", {"score": 12})
    with pytest.raises(InputError):
        check_stored("e2", [6])


def test_means_dissent_and_broad_agreement_by_hand():
    summaries = summarize(ANSWERS, STATEMENTS)
    assert list(summaries) == ["e1", "e2", "e3"]  # only the session's own statements
    assert summaries["e2"].group_means == {"ambtelijk": 5, "inwoner": 9}
    assert summaries["e2"].dissent == pytest.approx(math.sqrt(2 / 3) + 4)
    assert summaries["e3"].dissent == pytest.approx(2) and summaries["e3"].dont_know == 1
    assert summaries["e3"].notes == [("ambtelijk", "Geen zicht op"), ("inwoner", "Klachten blijven liggen")]
    keys = ("e1", "e2", "e3")
    assert rating.agenda(summaries, keys) == ["e2", "e3", "e1"]
    assert summaries["e1"].agreement == pytest.approx(0.5)
    assert summaries["e2"].agreement == pytest.approx(1 / 6)
    assert summaries["e3"].agreement == pytest.approx(2 / 9)
    assert rating.consensus_order(summaries, keys) == ["e1", "e3", "e2"]
    assert rating.common_ground(summaries, keys=keys) == ["e1"]


def test_unanswered_statements_come_last_in_the_facilitators_order():
    statements = check_statements(["A", "B", "C", "D"])
    summaries = summarize([answer("inwoner", "e3", 2), answer("inwoner", "e3", 9)], statements)
    assert rating.agenda(summaries, ("e1", "e2", "e3", "e4")) == ["e3", "e1", "e2", "e4"]
    assert rating.common_ground(summaries, keys=("e1", "e2", "e3", "e4")) == []  # one group cannot agree across


def test_the_books_statements_stay_the_default():
    summaries = rating.summarize([])
    assert list(summaries) == [rating.OVERALL, *rating.STATEMENTS]
    assert rating.agenda(summaries) == list(rating.STATEMENTS)
