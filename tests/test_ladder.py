"""Participatietrap nu en straks: checking an answer, and the figures per group worked out by hand."""

import pytest

from widgets.activities.trap.model import ACTIVITY, RUNGS, check_answer, check_stored, notes, summarize
from widgets.model.answers import Answer
from widgets.model.validation import InputError


def answer(group, now, should, note="", item="trede"):
    value = {"now": now, "should": should, "note": note} if item == "trede" else {}
    return Answer.from_dict({"activity": ACTIVITY, "participant": "x", "item": item, "group": group, "value": value})


# ambtelijk: 1->3, 2->2, 2->4 ; inwoner: 4->1 ; bestuur: nobody
ANSWERS = [
    answer("ambtelijk", 1, 3, "Meer ruimte voor initiatief"),
    answer("ambtelijk", 2, 2),
    answer("ambtelijk", 2, 4),
    answer("inwoner", 4, 1, "Te vrijblijvend"),
]


def test_the_rungs_follow_the_dataset_top_rung_first():
    from widgets.datasets import read_dataset

    assert [row["rung_nl"].lower() for row in read_dataset("overheidsparticipatietrap.csv").rows] == list(RUNGS)


def test_both_rungs_are_required_and_whole_numbers_one_to_five():
    assert check_answer("1", "5", "  waarom \r\n zo ") == {"now": 1, "should": 5, "note": "waarom \n zo"}
    for now, should, key in (
        ("", "3", "trap.error.now"),
        ("3", None, "trap.error.should"),
        ("0", "3", "trap.error.now"),
        ("3", "6", "trap.error.should"),
        ("2.5", "3", "trap.error.now"),
        ("3", "drie", "trap.error.should"),
    ):
        with pytest.raises(InputError) as refused:
            check_answer(now, should)
        assert refused.value.key == key


def test_an_answer_from_a_file_is_checked_as_a_phones():
    assert check_stored("trede", {"now": 2, "should": 4}) == {"now": 2, "should": 4, "note": ""}
    for item, value in (
        ("trede", {"now": 2}),
        ("trede", "2"),
        ("other", {"now": 2, "should": 4}),
        ("trede", {"now": True, "should": 4}),
    ):
        with pytest.raises(InputError):
            check_stored(item, value)


def test_distributions_means_gap_and_moves_per_group_and_room():
    by_group, room = summarize(ANSWERS, ["bestuur", "ambtelijk", "inwoner"])
    assert list(by_group) == ["bestuur", "ambtelijk", "inwoner"]
    official, resident, board = by_group["ambtelijk"], by_group["inwoner"], by_group["bestuur"]
    assert official.now_counts == [1, 2, 0, 0, 0] and official.should_counts == [0, 1, 1, 1, 0]
    # now (1+2+2)/3 = 5/3, should (3+2+4)/3 = 3: gap 4/3
    assert official.now_mean == pytest.approx(5 / 3) and official.should_mean == 3
    assert official.gap == pytest.approx(4 / 3)
    assert (official.looser, official.same, official.tighter) == (2, 1, 0)
    assert (resident.now_mean, resident.should_mean, resident.gap) == (4, 1, -3)
    assert (resident.looser, resident.same, resident.tighter) == (0, 0, 1)
    assert board.count == 0 and board.gap is None and board.now_counts == [0] * 5
    # room: now 1,2,2,4 = 9/4 = 2.25; should 3,2,4,1 = 10/4 = 2.5
    assert room.now_counts == [1, 2, 0, 1, 0] and room.should_counts == [1, 1, 1, 1, 0]
    assert (room.now_mean, room.should_mean, room.gap) == (2.25, 2.5, 0.25)
    assert (room.looser, room.same, room.tighter) == (2, 1, 1)


def test_a_group_no_longer_listed_still_counts_and_other_items_do_not():
    by_group, room = summarize([*ANSWERS, answer("oud", 5, 5), answer("inwoner", None, None, item="x")], ["inwoner"])
    assert list(by_group) == ["inwoner", "ambtelijk", "oud"]
    assert by_group["oud"].same == 1 and room.count == 5


def test_notes_keep_the_rungs_they_explain():
    assert notes(ANSWERS) == [("ambtelijk", 1, 3, "Meer ruimte voor initiatief"), ("inwoner", 4, 1, "Te vrijblijvend")]
