"""An answer row as the kit passes it: from an export file's dict and back, and grouped per activity."""

import json

from widgets.model.answers import FIELDS, Answer, answers_by_activity

ROW = {
    "activity": "palet",
    "participant": "d-3f9a000001",
    "group": "ambtelijk",
    "item": "v1",
    "value": {"text": "Betaalbaarheid", "cell": "collectief.materieel"},
    "updated_at": 1796625444.89,
}


def row(**changed) -> dict:
    return ROW | changed


def test_an_export_row_becomes_an_answer_and_back_the_same_key_for_key():
    answer = Answer.from_dict(ROW)
    assert (answer.participant, answer.group, answer.activity, answer.item) == (
        "d-3f9a000001",
        "ambtelijk",
        "palet",
        "v1",
    )
    assert answer.value == {"text": "Betaalbaarheid", "cell": "collectief.materieel"}  # the value stays JSON
    assert answer.updated_at == 1796625444.89
    assert list(answer.to_dict()) == list(FIELDS) == list(ROW)  # the file's order of keys
    assert json.dumps(answer.to_dict()) == json.dumps(ROW)


def test_a_typed_in_answer_has_no_time_and_a_row_without_a_group_has_none():
    answer = Answer.from_dict({k: v for k, v in ROW.items() if k not in ("group", "updated_at")})
    assert answer.group == "" and answer.updated_at is None
    assert answer.to_dict()["updated_at"] is None


def test_answers_per_activity_in_the_order_given_from_dicts_and_answers_alike():
    rows = [
        row(activity="beoordelen", participant="p2", item="cijfer", value={"score": 7, "note": ""}, updated_at=3),
        row(participant="p1", item="v1", updated_at=2),
        Answer.from_dict(row(participant="p2", item="v2", updated_at=1)),
        row(activity="beoordelen", participant="p1", item="cijfer", value={"score": 5, "note": ""}, updated_at=4),
    ]
    grouped = answers_by_activity(rows)
    assert list(grouped) == ["beoordelen", "palet"]  # as each first appears
    assert all(isinstance(a, Answer) for answers in grouped.values() for a in answers)
    assert [(a.participant, a.item) for a in grouped["palet"]] == [("p1", "v1"), ("p2", "v2")]
    assert [a.value["score"] for a in grouped["beoordelen"]] == [7, 5]


def test_with_the_participants_each_ones_answers_come_together_in_the_order_they_joined_then_by_time():
    rows = [
        row(participant="p2", item="v1", updated_at=1),
        row(participant="p1", item="v2", updated_at=3),
        row(participant="nobody", item="v3", updated_at=0),  # not among the participants: last
        row(participant="p1", item="v1", updated_at=2),
        row(participant="p2", item="v2", updated_at=None),  # no time: first of its participant's
    ]
    joined = [{"ref": "p1"}, {"ref": "p2"}]
    grouped = answers_by_activity(rows, joined)
    assert [(a.participant, a.item) for a in grouped["palet"]] == [
        ("p1", "v1"),
        ("p1", "v2"),
        ("p2", "v2"),
        ("p2", "v1"),
        ("nobody", "v3"),
    ]
    assert answers_by_activity([]) == {} and answers_by_activity([], joined) == {}
