"""Prioriteren: the 100-point rule and the ranking."""

import pytest

from widgets.activities.prioriteren.model import ACTIVITY, ITEM, check_allocation, rank
from widgets.i18n import error_message
from widgets.model.answers import Answer
from widgets.model.validation import InputError

KEYS = ["betaalbaarheid", "groen", "inspraak"]


def test_exactly_one_hundred_points_on_known_values():
    assert check_allocation({"betaalbaarheid": 60, "groen": "40", "inspraak": 0}, KEYS) == {
        "betaalbaarheid": 60,
        "groen": 40,
    }


@pytest.mark.parametrize(
    "allocation, message",
    [
        (
            {"betaalbaarheid": 60, "groen": 30},
            "U heeft 90 van de 100 punten verdeeld. Het totaal moet precies 100 zijn.",
        ),
        ({"betaalbaarheid": 110}, "U heeft 110 van de 100 punten verdeeld. Het totaal moet precies 100 zijn."),
        ({"betaalbaarheid": -10, "groen": 110}, "Punten zijn hele getallen van 0 of meer."),
        ({"betaalbaarheid": 50.5, "groen": 49.5}, "Punten zijn hele getallen van 0 of meer."),
        ({"betaalbaarheid": "veel"}, "Punten zijn hele getallen van 0 of meer."),
        ({"onbekend": 100}, "Deze waarde staat niet (meer) in de lijst om te verdelen. Herlaad de pagina."),
    ],
)
def test_other_allocations_are_refused_with_a_message(allocation, message):
    with pytest.raises(InputError) as caught:
        check_allocation(allocation, KEYS)
    assert error_message(caught.value) == message


def test_ranking_by_points_then_by_how_many_gave_points():
    spreads = [
        ("a", {"betaalbaarheid": 50, "groen": 50}),
        ("b", {"groen": 30, "inspraak": 70}),
        ("b", {"betaalbaarheid": 30, "inspraak": 50, "groen": 20}),
    ]
    answers = [
        Answer.from_dict({"activity": ACTIVITY, "participant": f"p{n}", "group": group, "item": ITEM, "value": value})
        for n, (group, value) in enumerate(spreads)
    ]
    ranked = rank(answers, KEYS)
    assert [(r.key, r.points, r.participants) for r in ranked] == [
        ("inspraak", 120, 2),
        ("groen", 100, 3),
        ("betaalbaarheid", 80, 2),
    ]
    assert ranked[1].by_group == {"a": 50, "b": 50}


def ranking(html: str) -> list:
    """The dashboard's table as the facilitator reads it: header, then one row per value."""
    from bs4 import BeautifulSoup

    table = BeautifulSoup(html, "html.parser").select_one("table.kit-count-table")
    return [[cell.get_text(strip=True) for cell in row.select("th, td")] for row in table.select("tr")]


def test_dashboard_ranks_the_merged_values_live_split_by_group(sqlite_store):
    from widgets.activities.prioriteren.dashboard import Dashboard as PrioritiesDashboard
    from widgets.model.sessions import SessionSpec

    store = sqlite_store
    session, _ = store.create_session(SessionSpec(title="S", topic="wonen", activities=("palet", "prioriteren")))
    store.set_activity_open(session.id, "palet", True)
    session = store.set_activity_open(session.id, "prioriteren", True)
    a, b = store.join(session.code, "ambtelijk"), store.join(session.code, "inwoner")
    store.submit(a.token, "palet", {"1": {"text": "Betaalbaarheid", "cell": "individueel.materieel"}})
    store.submit(
        b.token,
        "palet",
        {
            "2": {"text": "betaalbaarheid", "cell": "individueel.materieel"},
            "3": {"text": "<i>Groen</i>", "cell": "collectief.immaterieel"},
        },
    )
    dash = PrioritiesDashboard(store, store.session(session.id), "nl")
    dash.refresh(store.session(session.id))
    assert "0 deelnemers verdeelden hun punten" in dash.table.value
    assert ranking(dash.table.value) == [
        [
            "Waarde",
            "Punten",
            "Bestuurlijk-politiek",
            "Ambtelijk",
            "Maatschappelijke partner",
            "Inwoner",
            "Genoemd door",
        ],
        ["Betaalbaarheid", "0", "0", "0", "0", "0", "2"],
        ["<i>Groen</i>", "0", "0", "0", "0", "0", "1"],
    ]
    assert "<i>" not in dash.table.value  # a participant's words are text

    # what the phones store (the page's own rules: tests/test_web_priorities.py)
    store.submit(a.token, "prioriteren", {"verdeling": {"betaalbaarheid": 30, "i groen i": 70}})
    store.submit(b.token, "prioriteren", {"verdeling": {"i groen i": 40, "betaalbaarheid": 60}})
    dash.refresh(store.session(session.id))
    assert "2 deelnemers verdeelden hun punten" in dash.table.value
    assert ranking(dash.table.value)[1:] == [
        ["<i>Groen</i>", "110", "0", "70", "0", "40", "1"],
        ["Betaalbaarheid", "90", "0", "30", "0", "60", "2"],
    ]
    assert 'data-kit-value="i groen i" data-kit-points="110"' in dash.table.value

    # a changed mind moves the ranking at the next refresh
    store.submit(a.token, "prioriteren", {"verdeling": {"betaalbaarheid": 100}})
    dash.refresh(store.session(session.id))
    assert [row[:2] for row in ranking(dash.table.value)[1:]] == [["Betaalbaarheid", "160"], ["<i>Groen</i>", "40"]]

    # the facilitator narrows the list: the selection is stored and the ranking shows only it
    assert [label for label, _ in dash.selection.options] == ["Betaalbaarheid", "<i>Groen</i>"]
    dash.selection.value = ("i groen i",)
    dash.children[-1].click()
    assert store.state(session.id, "prioriteren")["selection"] == ["i groen i"]
    dash.refresh(store.session(session.id))
    assert [row[:2] for row in ranking(dash.table.value)[1:]] == [["<i>Groen</i>", "40"]]
