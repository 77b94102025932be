"""The participant's results (issue 18, point 3): own answers next to group and room means, hand-computed.

Eleven people: "me" and i2-i5 in Inwoner, a1-a5 in Ambtelijk, r1 alone in Raad. The disclosure rule
(widgets.model.disclosure, k = 5 by default) decides which means show: a group's only when at least five
of it make it up, the room's only when at least five do and the room less the groups shown is nobody or
at least five people (else the smallest group shown is left out too).
"""

import pytest

from widgets.activities.beoordelen.model import ACTIVITY as RATING
from widgets.activities.beoordelen.model import rating_comparison
from widgets.activities.driehoek.model import ACTIVITY as TRIANGLE
from widgets.activities.driehoek.model import triangle_comparison
from widgets.activities.palet.model import ACTIVITY as PALETTE
from widgets.activities.palet.model import palette_comparison
from widgets.activities.prioriteren.model import ACTIVITY as PRIORITIES
from widgets.activities.prioriteren.model import priorities_comparison
from widgets.model.answers import Answer
from widgets.model.results import RELEASED, RESULTS, Comparison, compare, is_released
from widgets.model.sessions import SessionSpec

INWONERS = ("me", "i2", "i3", "i4", "i5")
AMBTELIJK = ("a1", "a2", "a3", "a4", "a5")
GROUP = dict.fromkeys(INWONERS, "inwoner") | dict.fromkeys(AMBTELIJK, "ambtelijk") | {"r1": "raad"}


def answer(activity, ref, item, value):
    row = {"activity": activity, "participant": ref, "group": GROUP[ref], "item": item}
    return Answer.from_dict(row | {"value": value})


def score(ref, item, value):
    return answer(RATING, ref, item, {"score": value, "note": ""})


def by_key(rows):
    return {row.key: row for row in rows}


GRADES = dict(zip(INWONERS, (6, 8, 7, 9, 5), strict=True)) | dict(zip(AMBTELIJK, (4, 5, 3, 4, 4), strict=True))


def test_a_mean_shows_where_at_least_five_make_it_up_and_the_room_gives_no_group_away():
    assert compare("x", GRADES, "me", GROUP, "inwoner") == Comparison("x", 6, 7.0, 5.5)  # 35/5; 55/10
    four = {ref: v for ref, v in GRADES.items() if ref != "i5"}
    # four inwoners: no group mean; the room less Ambtelijk would be them, so Ambtelijk's goes too
    assert compare("x", four, "me", GROUP, "inwoner") == Comparison("x", 6, None, pytest.approx(50 / 9))
    assert compare("x", four, "a1", GROUP, "ambtelijk") == Comparison("x", 4, None, pytest.approx(50 / 9))
    lone = GRADES | {"r1": 10}  # r1 alone in Raad: the room less both groups would be r1's 10
    assert compare("x", lone, "r1", GROUP, "raad") == Comparison("x", 10, None, pytest.approx(65 / 11))
    assert compare("x", lone, "me", GROUP, "inwoner") == Comparison("x", 6, 7.0, pytest.approx(65 / 11))
    assert compare("x", lone, "a1", GROUP, "ambtelijk").group is None  # the smallest shown (a tie: first key) goes
    small = {ref: GRADES[ref] for ref in ("me", "i2", "i3", "a1")}
    assert compare("x", small, "me", GROUP, "inwoner") == Comparison("x", 6, None, None)  # four in the room
    assert compare("x", {r: v for r, v in GRADES.items() if r != "me"}, "me", GROUP, "inwoner").own is None


def test_rating_own_score_next_to_the_group_and_the_room():
    answers = [score(ref, "cijfer", grade) for ref, grade in GRADES.items()]
    answers += [score("me", "eerlijk", None)]  # weet ik niet
    answers += [score(ref, "eerlijk", s) for ref, s in zip(INWONERS[1:], (9, 5, 7, 7), strict=True)]
    answers += [score(ref, "eerlijk", 3) for ref in AMBTELIJK]
    answers += [score(ref, "toegankelijk", s) for ref, s in zip(INWONERS, (8, 6, 6, 6, 4), strict=True)]
    answers += [score("a1", "toegankelijk", 2)]
    rows = by_key(rating_comparison(answers, "me", "inwoner"))
    assert list(rows)[:3] == ["cijfer", "eerlijk", "toegankelijk"] and len(rows) == 10
    assert rows["cijfer"] == Comparison("cijfer", 6, 7.0, 5.5)
    # four inwoners scored: no group mean, and Ambtelijk's would give them away; the room hides both
    assert rows["eerlijk"] == Comparison("eerlijk", "?", None, pytest.approx(43 / 9))
    # a1 alone outside: the group's mean would give a1 away through the room's, so only the room's shows
    assert rows["toegankelijk"] == Comparison("toegankelijk", 8, None, pytest.approx(32 / 6))
    assert rows["rechtvaardig"] == Comparison("rechtvaardig", None, None, None)


def test_triangle_own_corners_next_to_the_group_and_the_room():
    places = {
        "me": (8, 4, 6),
        "i2": (6, 6, 6),
        "i3": (4, 2, 9),
        "i4": (6, 4, 6),
        "i5": (6, 4, 3),
    } | dict.fromkeys(AMBTELIJK, (5, 5, 5))
    answers = [
        answer(TRIANGLE, ref, "plaats", dict(zip(("willen", "mogen", "kunnen"), s, strict=True)))
        for ref, s in places.items()
    ]
    answers.append(answer(TRIANGLE, "a1", "spanning.willen-mogen", {"severity": 4, "note": "geheim"}))
    rows = by_key(triangle_comparison(answers, "me", "inwoner"))
    assert rows["willen"].own == 8 and rows["willen"].group == pytest.approx(6.0)  # 30/5
    assert rows["willen"].room == pytest.approx(5.5)  # 55/10
    assert rows["mogen"].group == pytest.approx(4.0) and rows["mogen"].room == pytest.approx(4.5)  # 20/5, 45/10
    assert rows["kunnen"].group == pytest.approx(6.0) and rows["kunnen"].room == pytest.approx(5.5)  # 30/5, 55/10


def test_triangle_without_an_own_place():
    placed = ("i2", "i3", "i4", "i5", "a1")
    answers = [answer(TRIANGLE, ref, "plaats", {"willen": 5, "mogen": 5, "kunnen": 5}) for ref in placed]
    rows = by_key(triangle_comparison(answers, "me", "inwoner"))
    assert rows["willen"] == Comparison("willen", None, None, 5.0)  # four inwoners: no group mean; five in the room


VALUES = [("betaalbaarheid", "Betaalbaarheid", 3), ("inspraak", "Inspraak", 2), ("groen", "Groen", 1)]


def test_priorities_own_points_next_to_the_mean_points():
    spreads = {
        "me": {"betaalbaarheid": 60, "inspraak": 40},
        "i2": {"betaalbaarheid": 20, "inspraak": 30, "groen": 50},
        "i3": {"betaalbaarheid": 100},
        "i4": {"betaalbaarheid": 100},
        "i5": {"inspraak": 100},
        "a1": {"inspraak": 100},
        "a2": {"betaalbaarheid": 50, "groen": 50},
        "a3": {"betaalbaarheid": 100},
        "a4": {"groen": 100},
        "a5": {"betaalbaarheid": 100},
    }
    answers = [answer(PRIORITIES, ref, "verdeling", spread) for ref, spread in spreads.items()]
    rows = by_key(priorities_comparison(answers, VALUES, "me", "inwoner"))
    assert list(rows) == ["betaalbaarheid", "inspraak", "groen"]
    assert rows["betaalbaarheid"] == Comparison("betaalbaarheid", 60, 56.0, 53.0)  # 280/5, 530/10
    assert rows["inspraak"] == Comparison("inspraak", 40, 34.0, 27.0)  # 170/5, 270/10
    assert rows["groen"] == Comparison("groen", 0, 10.0, 20.0)  # 50/5, 200/10


def test_priorities_points_of_a_merged_value_count_for_the_value_it_went_into():
    spreads = {
        "me": {"betaalbaarheid": 100},
        "i2": {"woonlasten": 100},  # given before the facilitator merged it into betaalbaarheid
        "i3": {"inspraak": 100},
        "i4": {"betaalbaarheid": 50, "inspraak": 50},
        "i5": {"woonlasten": 100},
    }
    answers = [answer(PRIORITIES, ref, "verdeling", spread) for ref, spread in spreads.items()]
    rows = by_key(priorities_comparison(answers, VALUES, "me", "inwoner", {"woonlasten": "betaalbaarheid"}))
    assert rows["betaalbaarheid"] == Comparison("betaalbaarheid", 100, 70.0, 70.0)  # 350/5: the room is the group
    assert "groen" not in rows  # nobody gave it points


def test_palette_own_values_with_who_else_named_them():
    cell = "collectief.materieel"
    answers = [
        answer(PALETTE, "me", "v1", {"text": "Betaalbaarheid", "cell": cell}),
        answer(PALETTE, "me", "v2", {"text": "Groen wonen", "cell": "collectief.immaterieel"}),
        answer(PALETTE, "i2", "v3", {"text": "betaalbaarheid ", "cell": cell}),
        answer(PALETTE, "a1", "v4", {"text": "Betaalbaar", "cell": cell}),
        answer(PALETTE, "a2", "v5", {"text": "Inspraak", "cell": "collectief.proces"}),
    ]
    rows = palette_comparison(answers, {"betaalbaar": "betaalbaarheid"}, "me", "inwoner", ("ambtelijk", "inwoner"))
    assert [(r.text, r.others, r.own_group, r.other_groups) for r in rows] == [
        ("Betaalbaarheid", 2, True, ("ambtelijk",)),
        ("Groen wonen", 0, False, ()),
    ]
    assert rows[0].cell == cell
    assert not palette_comparison(answers, {}, "a2", "ambtelijk")[0].others  # Inspraak: only a2


def test_the_release_and_the_comparison_from_a_real_store(store):
    """Both backends: the release is kept per session, and the store's rows compare as hand-computed."""
    spec = SessionSpec(title="Woonvisie", topic="wonen", groups=("Inwoner", "Ambtelijk"))
    session, _ = store.create_session(spec)
    other, _ = store.create_session(spec)
    store.set_activity_open(session.id, "beoordelen", True)
    assert not is_released(store.state(session.id, RESULTS))
    store.set_state(session.id, RESULTS, RELEASED, True)
    assert is_released(store.state(session.id, RESULTS)) and not is_released(store.state(other.id, RESULTS))
    people = {}
    for ref, grade in (*zip(INWONERS, (6, 8, 7, 9, 5), strict=True), ("a1", 4)):
        people[ref] = store.join(session.code, GROUP[ref])
        store.submit(people[ref].token, "beoordelen", {"cijfer": {"score": grade, "note": ""}})
    me = people["me"]
    rows = by_key(rating_comparison(store.answers(session.id, "beoordelen"), me.ref, me.group_key))
    # a1 alone outside: the group's mean would give a1 away through the room's (39/6), so only the room's shows
    assert rows["cijfer"] == Comparison("cijfer", 6, None, 6.5)
    store.set_state(session.id, RESULTS, RELEASED, False)
    assert not is_released(store.state(session.id, RESULTS))


def test_the_release_switch_keeps_its_state_in_the_store_and_says_it_in_words(store):
    from widgets.views.release import ReleaseSwitch

    session, _ = store.create_session(SessionSpec(title="Woonvisie", topic="wonen"))
    switch = ReleaseSwitch(store, session, "nl")
    assert switch.toggle.description == "Resultaten vrijgeven aan deelnemers"
    assert "Resultaten voor deelnemers: <b>niet vrijgegeven</b>" in switch.state_text.value
    switch.toggle.value = True
    assert is_released(store.state(session.id, RESULTS))
    assert "<b>vrijgegeven</b>" in switch.state_text.value
    store.set_state(session.id, RESULTS, RELEASED, False)  # another dashboard took it back
    switch.sync()
    assert switch.value is False and "niet vrijgegeven" in switch.state_text.value
    english = ReleaseSwitch(store, session, "en")
    assert english.toggle.description == "Release results to participants"
