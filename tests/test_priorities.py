"""Prioriteren: the 100-point rule and the ranking."""

import pytest

from widgets.i18n import error_message
from widgets.model.priorities import check_allocation, rank
from widgets.model.validation import InputError

KEYS = ["betaalbaarheid", "groen", "inspraak"]


def test_exactly_one_hundred_points_on_known_values():
    assert check_allocation({"betaalbaarheid": 60, "groen": "40", "inspraak": 0}, KEYS) == {
        "betaalbaarheid": 60, "groen": 40}


@pytest.mark.parametrize("allocation, message", [
    ({"betaalbaarheid": 60, "groen": 30}, "U heeft 90 van de 100 punten verdeeld. Het totaal moet precies 100 zijn."),
    ({"betaalbaarheid": 110}, "U heeft 110 van de 100 punten verdeeld. Het totaal moet precies 100 zijn."),
    ({"betaalbaarheid": -10, "groen": 110}, "Punten zijn hele getallen van 0 of meer."),
    ({"betaalbaarheid": 50.5, "groen": 49.5}, "Punten zijn hele getallen van 0 of meer."),
    ({"betaalbaarheid": "veel"}, "Punten zijn hele getallen van 0 of meer."),
    ({"onbekend": 100}, "Deze waarde staat niet (meer) in de lijst om te verdelen. Herlaad de pagina."),
])
def test_other_allocations_are_refused_with_a_message(allocation, message):
    with pytest.raises(InputError) as caught:
        check_allocation(allocation, KEYS)
    assert error_message(caught.value) == message


def test_ranking_by_points_then_by_how_many_gave_points():
    answers = [
        {"group": "a", "value": {"betaalbaarheid": 50, "groen": 50}},
        {"group": "b", "value": {"groen": 30, "inspraak": 70}},
        {"group": "b", "value": {"betaalbaarheid": 30, "inspraak": 50, "groen": 20}},
    ]
    ranked = rank(answers, KEYS)
    assert [(r.key, r.points, r.participants) for r in ranked] == [
        ("inspraak", 120, 2), ("groen", 100, 3), ("betaalbaarheid", 80, 2)]
    assert ranked[1].by_group == {"a": 50, "b": 50}


def test_views_spread_points_refuse_ninety_and_rank_live(sqlite_store):
    from widgets.model.sessions import SessionSpec
    from widgets.views.priorities import PrioritiesDashboard, PrioritiesParticipant

    store = sqlite_store
    session, _ = store.create_session(SessionSpec(title="S", topic="wonen", activities=("palet", "prioriteren")))
    store.set_activity_open(session.id, "palet", True)
    session = store.set_activity_open(session.id, "prioriteren", True)
    a, b = store.join(session.code, "ambtelijk"), store.join(session.code, "inwoner")
    store.submit(a.token, "palet", {"1": {"text": "Betaalbaarheid", "cell": "individueel.materieel"}})
    store.submit(b.token, "palet", {"2": {"text": "betaalbaarheid", "cell": "individueel.materieel"},
                                    "3": {"text": "Groen", "cell": "collectief.immaterieel"}})
    view = PrioritiesParticipant(store, store.session(session.id), a, "nl")
    dash = PrioritiesDashboard(store, store.session(session.id), "nl")
    assert set(view.inputs) == {"betaalbaarheid", "groen"}
    view.inputs["betaalbaarheid"].value = 60
    view.inputs["groen"].value = 30
    assert 'data-kit-remaining="10"' in view.remaining.value
    view.save.click()
    assert "90 van de 100" in view.message.value
    assert store.my_answers(a.token, "prioriteren") == {}
    view.inputs["groen"].value = 40
    view.save.click()
    assert "opgeslagen" in view.message.value
    dash.refresh(store.session(session.id))
    assert 'data-kit-value="betaalbaarheid" data-kit-points="60"' in dash.table.value
    first = dash.table.value.split("data-kit-value=")[1]
    assert first.startswith('"betaalbaarheid"')
    # the facilitator narrows the list; participants see only the selection
    store.set_state(session.id, "prioriteren", "selection", ["groen"])
    view.refresh(store.session(session.id))
    assert set(view.inputs) == {"groen"}
