"""Broad agreement across groups (group-informed consensus for 1-10 scores), by hand-computed cases."""

import pytest

from widgets.activities.beoordelen.model import ACTIVITY, STATEMENTS, common_ground, consensus_order, summarize
from widgets.model.answers import Answer


def scores(item, **groups):
    """Store-shaped answers: ``group=[scores]`` for one statement; None is "weet ik niet"."""
    return [
        Answer(ACTIVITY, participant=f"{g}{i}", group=g, item=item, value={"score": x, "note": ""})
        for g, xs in groups.items()
        for i, x in enumerate(xs)
    ]


def agreement(**groups):
    return summarize(scores("eerlijk", **groups))["eerlijk"].agreement


def test_the_product_over_groups_of_smoothed_shares_at_or_above_seven():
    # A: 8 and 9 both count -> (2 + 1) / (2 + 2); B: only the 7 counts -> (1 + 1) / (2 + 2)
    assert agreement(A=[8, 9], B=[7, 4]) == pytest.approx(3 / 4 * 2 / 4) == pytest.approx(0.375)
    # three groups: 3/5 * 4/5 * 1/3
    assert agreement(A=[7, 7, 2], B=[10, 8, 9], C=[6]) == pytest.approx(3 / 5 * 4 / 5 * 1 / 3)


def test_a_group_of_one_does_not_dominate():
    # six pass, the one other person fails: 7/8 * 1/3, not 0 as the raw shares 6/6 * 0/1 would give
    assert agreement(A=[8] * 6, B=[3]) == pytest.approx(7 / 8 * 1 / 3)
    # nor does one enthusiast count as much as a whole group: 2/3 against 7/8
    assert agreement(A=[8] * 6, B=[9]) == pytest.approx(7 / 8 * 2 / 3)
    assert agreement(A=[8] * 6, B=[9]) < agreement(A=[8] * 6, B=[9] * 6)


def test_dont_know_counts_as_not_scored():
    assert agreement(A=[8, None, 9], B=[7, 4, None]) == pytest.approx(0.375)
    # a group that only answered "weet ik niet" did not score the statement
    assert agreement(A=[8, 9], B=[None, None]) is None


def test_one_group_cannot_agree_across_groups():
    assert agreement(A=[9, 9, 9]) is None
    assert agreement() is None


def test_statements_ordered_by_agreement_ties_in_the_books_order():
    answers = (
        scores("eerlijk", A=[8, 9], B=[7, 4])  # 0.375
        + scores("toegankelijk", A=[8, 8], B=[8, 8])  # 9/16
        + scores("rechtvaardig", A=[6, 6], B=[6, 6])  # 1/16: no dissent, yet no agreement
        + scores("gelijkheid", A=[9, 4], B=[9, 4])  # 1/4, at the floor
        + scores("financieel", A=[7, 7], B=[7, 7])  # 9/16, ties with toegankelijk
        + scores("outcomes", A=[10, 10, 10])  # one group: no value
    )
    s = summarize(answers)
    assert s["rechtvaardig"].dissent == 0 and s["rechtvaardig"].agreement == pytest.approx(1 / 16)
    assert consensus_order(s) == ["toegankelijk", "financieel", "eerlijk", "gelijkheid", "rechtvaardig"]
    # the agenda's common ground: above 0.25 only, at most three
    assert common_ground(s) == ["toegankelijk", "financieel", "eerlijk"]
    assert common_ground(s, limit=2) == ["toegankelijk", "financieel"]
    assert "outcomes" not in consensus_order(s) and set(consensus_order(s)) <= set(STATEMENTS)


def test_nothing_above_the_floor_is_no_common_ground():
    s = summarize(scores("eerlijk", A=[9, 4], B=[9, 4]) + scores("toegankelijk", A=[6], B=[8]))
    assert s["eerlijk"].agreement == pytest.approx(0.25) and s["toegankelijk"].agreement == pytest.approx(2 / 9)
    assert common_ground(s) == []
