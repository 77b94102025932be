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


# ------------------------------------------------------------------ the results as blocks
def session(language="nl"):
    from widgets.model.sessions import Group, Session

    groups = (Group("bestuur", "Bestuur"), Group("ambtelijk", "Ambtelijk"), Group("inwoner", "Inwoner"))
    return Session(
        id="s",
        code="ABC123",
        title="Omgevingsvisie",
        topic="wonen",
        municipality="Ede",
        language=language,
        activities=(ACTIVITY,),
        open_activities=(ACTIVITY,),
        status="open",
        groups=groups,
    )


def results(answers=ANSWERS, lang="nl"):
    from widgets.activities.trap.results import blocks

    return blocks({ACTIVITY: answers}, {}, session(lang), lang)


def test_the_rungs_per_question_are_shares_of_the_groups_that_answered_and_everyone():
    from widgets.colors import group_color

    shares, _ = results()
    assert shares.kind == "shares"
    assert [(c.key, c.label) for c in shares.categories] == [
        ("reguleren", "1. Reguleren"),
        ("regisseren", "2. Regisseren"),
        ("stimuleren", "3. Stimuleren"),
        ("faciliteren", "4. Faciliteren"),
        ("loslaten", "5. Loslaten"),
    ]
    assert len({c.color for c in shares.categories}) == 5
    now, should = shares.items
    assert (now.label, should.label) == ("Waar staat de gemeente nu?", "Waar zou de gemeente moeten staan?")
    # bestuur answered nothing: no line; ambtelijk keeps its colour (second in the session)
    assert [(line.key, line.label, line.n, line.strong) for line in now.lines] == [
        ("ambtelijk", "Ambtelijk", 3, False),
        ("inwoner", "Inwoner", 1, False),
        ("*", "Alle deelnemers", 4, True),
    ]
    assert now.lines[0].color == group_color(1) and now.lines[2].color == ""
    # now: ambtelijk 1, 2, 2; inwoner 4; everyone 1, 2, 2, 4
    assert now.lines[0].shares == pytest.approx((100 / 3, 200 / 3, 0, 0, 0))
    assert now.lines[1].shares == (0, 0, 0, 100, 0)
    assert now.lines[2].shares == (25, 50, 0, 25, 0)
    # should: ambtelijk 3, 2, 4; inwoner 1; everyone 3, 2, 4, 1
    assert should.lines[0].shares == pytest.approx((0, 100 / 3, 100 / 3, 100 / 3, 0))
    assert should.lines[1].shares == (100, 0, 0, 0, 0)
    assert should.lines[2].shares == (25, 25, 25, 25, 0)
    assert shares.intro == "4 deelnemers hebben geantwoord." and shares.digits == 0


def test_every_count_of_the_rung_table_can_be_read_back_from_its_shown_percentage():
    from widgets.activities.trap.results import blocks
    from widgets.render.blocks import percent

    many = [answer("ambtelijk", 1 + n % 5, 1 + n * n % 5) for n in range(120)]
    for given in (ANSWERS, many[:99], many):
        shares, _ = blocks({ACTIVITY: given}, {}, session(), "nl")
        by_group, room = summarize(given, ["bestuur", "ambtelijk", "inwoner"])
        for item in shares.items:
            for line in item.lines:
                summary = room if line.key == "*" else by_group[line.key]
                counts = summary.now_counts if item.key == "now" else summary.should_counts
                shown = [float(percent(s, shares.digits, "en").rstrip("%")) for s in line.shares]
                assert [round(s * line.n / 100) for s in shown] == counts
    assert blocks({ACTIVITY: many}, {}, session(), "nl")[0].digits == 1  # 120 answers: a decimal


def test_the_gap_is_a_row_per_group_that_answered_and_everyone():
    _, facts = results()
    assert facts.kind == "facts"
    assert [c.label for c in facts.columns] == [
        "Aantal",
        "Gem. trede nu",
        "Gem. trede straks",
        "Verschil",
        "Richting loslaten",
        "Blijft staan",
        "Richting reguleren",
    ]
    assert [c.signed for c in facts.columns] == [False, False, False, True, False, False, False]
    official, resident, room = facts.rows
    assert (official.key, resident.key, room.key, room.label, room.strong) == (
        "ambtelijk",
        "inwoner",
        "*",
        "Alle deelnemers",
        True,
    )
    # ambtelijk: now (1+2+2)/3, should (3+2+4)/3 = 3, gap 4/3; 1->3 and 2->4 looser, 2->2 the same
    assert official.cells == pytest.approx((3, 5 / 3, 3, 4 / 3, 2, 1, 0))
    assert resident.cells == (1, 4, 1, -3, 0, 0, 1)
    # everyone: now 9/4, should 10/4; inwoner 4->1 tighter
    assert room.cells == (4, 2.25, 2.5, 0.25, 2, 1, 1)
    assert facts.intro.startswith("Trede 1 is reguleren, 5 is loslaten.")


def test_the_blocks_read_on_a_phone_as_cards_with_dutch_numbers():
    from bs4 import BeautifulSoup

    from widgets.render.blocks import PHONE, blocks_html

    # five times the answers: every group at least five, as the disclosure rule (k = 5) asks of a phone
    phone = BeautifulSoup(blocks_html(results(ANSWERS * 5), PHONE, "nl"), "html.parser")
    assert not phone.select("table")
    now = phone.select_one('[data-kit-block="trap-distribution"] [data-kit-item="now"]')
    lines = [" ".join(li.get_text(" ").split()) for li in now.select(".kit-score-line")]
    assert lines == [
        "Ambtelijk N 15 1. Reguleren 33% 2. Regisseren 67%",
        "Inwoner N 5 4. Faciliteren 100%",
        "Alle deelnemers N 20 1. Reguleren 25% 2. Regisseren 50% 4. Faciliteren 25%",
    ]
    official = phone.select_one('[data-kit-block="trap-gap"] [data-kit-row="ambtelijk"]')
    assert [dd.get_text() for dd in official.select("dd")] == ["15", "1,7", "3,0", "+1,3", "10", "5", "0"]
    resident = phone.select_one('[data-kit-block="trap-gap"] [data-kit-row="inwoner"]')
    assert [dd.get_text() for dd in resident.select("dd")] == ["5", "4,0", "1,0", "-3,0", "0", "0", "5"]


def test_without_answers_only_everyone_is_there_with_nothing_to_average():
    shares, facts = results([])
    assert [line.key for line in shares.items[0].lines] == ["*"]
    assert shares.items[0].lines[0].shares == (None,) * 5 and shares.items[0].lines[0].n == 0
    assert facts.rows[0].cells == (0, None, None, None, 0, 0, 0)


def test_the_blocks_speak_english_in_an_english_session():
    shares, facts = results(lang="en")
    assert shares.categories[4].label == "5. Letting go"
    assert facts.rows[-1].label == "All participants"
