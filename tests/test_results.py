"""The participant's results (issue 18, point 3): own answers next to group and room means, hand-computed.

Five people: "me", i2 and i3 in Inwoner, a1 and a2 in Ambtelijk. A mean is shown only when at
least two others make it up, and the room's mean not when it would give one outsider away.
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
from widgets.model.results import MIN_OTHERS, RELEASED, RESULTS, Comparison, is_released, shown_means
from widgets.model.sessions import SessionSpec

GROUP = {"me": "inwoner", "i2": "inwoner", "i3": "inwoner", "a1": "ambtelijk", "a2": "ambtelijk"}


def answer(activity, ref, item, value):
    row = {"activity": activity, "participant": ref, "group": GROUP[ref], "item": item}
    return Answer.from_dict(row | {"value": value})


def score(ref, item, value):
    return answer(RATING, ref, item, {"score": value, "note": ""})


def by_key(rows):
    return {row.key: row for row in rows}


def test_two_others_are_the_least_that_hide_each_answer():
    assert MIN_OTHERS == 2
    assert shown_means(6, [8], []) == (None, None)  # with one other, the mean would give 8 away
    assert shown_means(6, [8, 7], []) == (7.0, 7.0)  # (6+8+7)/3; nobody outside: the room is the group
    assert shown_means(6, [8, 7], [4]) == (7.0, None)  # room less group would be the one outsider's 4
    assert shown_means(6, [8, 7], [4, 5]) == (7.0, 6.0)  # room (6+8+7+4+5)/5
    assert shown_means(6, [8], [4]) == (None, 6.0)  # no group mean: the room (6+8+4)/3 hides both
    assert shown_means(None, [9, 5], [3]) == (7.0, None)  # the own "weet ik niet" does not count


def test_rating_own_score_next_to_the_group_and_the_room():
    answers = [
        score("me", "cijfer", 6),
        score("i2", "cijfer", 8),
        score("i3", "cijfer", 7),
        score("a1", "cijfer", 4),
        score("a2", "cijfer", 5),
        score("me", "eerlijk", None),  # weet ik niet
        score("i2", "eerlijk", 9),
        score("i3", "eerlijk", 5),
        score("a1", "eerlijk", 3),
        score("me", "toegankelijk", 8),
        score("i2", "toegankelijk", 6),
        score("a1", "toegankelijk", 2),
        score("a2", "toegankelijk", 4),
    ]
    rows = by_key(rating_comparison(answers, "me", "inwoner"))
    assert list(rows)[:3] == ["cijfer", "eerlijk", "toegankelijk"] and len(rows) == 10
    assert rows["cijfer"] == Comparison("cijfer", 6, 7.0, 6.0)
    assert rows["eerlijk"] == Comparison("eerlijk", "?", 7.0, None)  # (9+5)/2; a1 alone outside
    assert rows["toegankelijk"] == Comparison("toegankelijk", 8, None, 5.0)  # one other inwoner; (8+6+2+4)/4
    assert rows["rechtvaardig"] == Comparison("rechtvaardig", None, None, None)


def test_triangle_own_corners_next_to_the_group_and_the_room():
    places = {
        "me": (8, 4, 6),
        "i2": (6, 6, 6),
        "i3": (4, 2, 9),
        "a1": (5, 5, 5),
        "a2": (9, 9, 3),
    }
    answers = [
        answer(TRIANGLE, ref, "plaats", dict(zip(("willen", "mogen", "kunnen"), s, strict=True)))
        for ref, s in places.items()
    ]
    answers.append(answer(TRIANGLE, "a1", "spanning.willen-mogen", {"severity": 4, "note": "geheim"}))
    rows = by_key(triangle_comparison(answers, "me", "inwoner"))
    assert rows["willen"].own == 8 and rows["willen"].group == pytest.approx(6.0)  # (8+6+4)/3
    assert rows["willen"].room == pytest.approx(6.4)  # 32/5
    assert rows["mogen"].group == pytest.approx(4.0) and rows["mogen"].room == pytest.approx(5.2)  # 12/3, 26/5
    assert rows["kunnen"].group == pytest.approx(7.0) and rows["kunnen"].room == pytest.approx(5.8)  # 21/3, 29/5


def test_triangle_without_an_own_place():
    answers = [answer(TRIANGLE, ref, "plaats", {"willen": 5, "mogen": 5, "kunnen": 5}) for ref in ("i2", "i3", "a1")]
    rows = by_key(triangle_comparison(answers, "me", "inwoner"))
    assert rows["willen"] == Comparison("willen", None, 5.0, None)  # a1 alone outside


VALUES = [("betaalbaarheid", "Betaalbaarheid", 3), ("inspraak", "Inspraak", 2), ("groen", "Groen", 1)]


def test_priorities_own_points_next_to_the_mean_points():
    spreads = {
        "me": {"betaalbaarheid": 60, "inspraak": 40},
        "i2": {"betaalbaarheid": 20, "inspraak": 30, "groen": 50},
        "i3": {"betaalbaarheid": 100},
        "a1": {"inspraak": 100},
        "a2": {"betaalbaarheid": 50, "groen": 50},
    }
    answers = [answer(PRIORITIES, ref, "verdeling", spread) for ref, spread in spreads.items()]
    rows = by_key(priorities_comparison(answers, VALUES, "me", "inwoner"))
    assert list(rows) == ["betaalbaarheid", "inspraak", "groen"]
    assert rows["betaalbaarheid"] == Comparison("betaalbaarheid", 60, 60.0, 46.0)  # 180/3, 230/5
    assert rows["inspraak"].own == 40 and rows["inspraak"].group == pytest.approx(70 / 3)
    assert rows["inspraak"].room == pytest.approx(34.0)  # 170/5
    assert rows["groen"] == Comparison("groen", 0, pytest.approx(50 / 3), 20.0)  # 100/5


def test_priorities_points_of_a_merged_value_count_for_the_value_it_went_into():
    spreads = {
        "me": {"betaalbaarheid": 100},
        "i2": {"woonlasten": 100},  # given before the facilitator merged it into betaalbaarheid
        "i3": {"inspraak": 100},
    }
    answers = [answer(PRIORITIES, ref, "verdeling", spread) for ref, spread in spreads.items()]
    rows = by_key(priorities_comparison(answers, VALUES, "me", "inwoner", {"woonlasten": "betaalbaarheid"}))
    assert rows["betaalbaarheid"] == Comparison("betaalbaarheid", 100, pytest.approx(200 / 3), pytest.approx(200 / 3))
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
    for ref, group, grade in (("me", "Inwoner", 6), ("i2", "Inwoner", 8), ("i3", "Inwoner", 7), ("a1", "Ambtelijk", 4)):
        people[ref] = store.join(session.code, group.lower())
        store.submit(people[ref].token, "beoordelen", {"cijfer": {"score": grade, "note": ""}})
    me = people["me"]
    rows = by_key(rating_comparison(store.answers(session.id, "beoordelen"), me.ref, me.group_key))
    assert rows["cijfer"] == Comparison("cijfer", 6, 7.0, None)  # a1 alone outside: no room mean
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
