"""Prioriteren: the 100-point rule and the ranking."""

import pytest
from bs4 import BeautifulSoup

from widgets.activities.prioriteren.model import ACTIVITY, ITEM, check_allocation, rank
from widgets.activities.prioriteren.results import blocks
from widgets.i18n import error_message
from widgets.model.answers import Answer
from widgets.model.blocks import Figure, Ranking, Scale
from widgets.model.validation import InputError
from widgets.render.blocks import PHONE, blocks_html

from .sessions import a_session

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
    assert ranked[1].givers == {"a": 1, "b": 2}


SESSION = a_session(
    ("palet", ACTIVITY),
    (("raad", "Raad"), ("ambtelijk", "Ambtelijk"), ("inwoner", "Inwoner")),
    open_activities=(ACTIVITY,),
    municipality="Utrecht",
)


def room(palette, spreads, state=None) -> dict:
    """``{activity: [Answer]}``: the palette's values (participant, group, text) and the spreads (group, points)."""
    return {
        "palet": [
            Answer("palet", who, group, f"v{n}", {"text": text, "cell": "collectief.materieel"})
            for n, (who, group, text) in enumerate(palette)
        ],
        ACTIVITY: [Answer(ACTIVITY, f"p{n}", group, ITEM, value) for n, (group, value) in enumerate(spreads)],
    }


def test_the_block_ranks_every_value_with_each_groups_points_and_who_named_it():
    palette = [
        ("a", "raad", "Betaalbaarheid"),
        ("b", "ambtelijk", "betaalbaarheid"),
        ("c", "inwoner", "Betaalbaarheid"),
        ("a", "raad", "Groen"),
        ("c", "inwoner", "Inspraak"),
        ("d", "inwoner", "Inspraak"),
        ("d", "inwoner", "Veiligheid"),
    ]
    spreads = [
        ("ambtelijk", {"betaalbaarheid": 50, "groen": 50}),
        ("ambtelijk", {"groen": 30, "inspraak": 70}),
        ("inwoner", {"betaalbaarheid": 30, "inspraak": 50, "groen": 20}),
    ]
    (block,) = blocks(room(palette, spreads), {}, SESSION, "nl")
    assert isinstance(block, Ranking)
    # By hand: inspraak 70 + 50 = 120, groen 50 + 30 + 20 = 100, betaalbaarheid 50 + 30 = 80, veiligheid none.
    assert [(i.key, i.label, i.total) for i in block.items] == [
        ("inspraak", "Inspraak", 120),
        ("groen", "Groen", 100),
        ("betaalbaarheid", "Betaalbaarheid", 80),
        ("veiligheid", "Veiligheid", 0),
    ]
    assert [g.key for g in block.groups] == ["raad", "ambtelijk", "inwoner"]
    # Per group its points and how many of it spread points (the people its sum is made of, what the disclosure
    # rule counts); nobody of the raad spread any: no figure.
    inspraak, groen, betaalbaarheid, veiligheid = block.items
    assert groen.groups == (Figure(None, 0), Figure(80, 2), Figure(20, 1))
    assert inspraak.groups == (Figure(None, 0), Figure(70, 2), Figure(50, 1))
    assert betaalbaarheid.groups == (Figure(None, 0), Figure(50, 2), Figure(30, 1))
    assert veiligheid.groups == (Figure(None, 0), Figure(0, 2), Figure(0, 1))
    # Named in the palette by: betaalbaarheid a, b, c; inspraak c, d; groen a; veiligheid d.
    assert [i.note for i in block.items] == [
        "genoemd door 2 deelnemers",
        "genoemd door 1 deelnemer",
        "genoemd door 3 deelnemers",
        "genoemd door 1 deelnemer",
    ]
    assert (block.intro, block.note, block.heading, block.total) == (
        "3 deelnemers verdeelden hun punten",
        "In het palet",
        "Waarde",
        "Punten",
    )
    assert block.scale == Scale(0, 120)  # the highest total: its bar is full, the others in proportion

    english = blocks(room(palette, spreads[:1]), {}, SESSION, "en")[0]
    assert english.intro == "1 participant spread their points"
    assert english.items[0].note == "named by 3 participants" and english.scale == Scale(0, 50)


def test_the_block_follows_the_facilitators_selection_and_has_a_scale_before_anyone_spread():
    palette = [("a", "raad", "Betaalbaarheid"), ("b", "inwoner", "Groen")]
    state = {ACTIVITY: {"selection": ["groen"]}}
    (block,) = blocks(room(palette, [("inwoner", {"groen": 100})]), state, SESSION, "nl")
    assert [(i.key, i.total, i.groups[-1]) for i in block.items] == [("groen", 100, Figure(100, 1))]
    (empty,) = blocks(room(palette, []), {}, SESSION, "nl")
    assert [(i.key, i.total) for i in empty.items] == [("betaalbaarheid", 0), ("groen", 0)]
    assert empty.intro == "0 deelnemers verdeelden hun punten" and empty.scale == Scale(0, 100)
    assert BeautifulSoup(blocks_html([empty], PHONE, "nl"), "html.parser").select(".kit-score-card")  # draws


def test_the_report_draws_the_block_as_a_table_with_dutch_numbers():
    from widgets.activities.prioriteren.report import section

    palette = [("a", "raad", "Betaalbaarheid"), ("b", "inwoner", "Groen")]
    spreads = [("inwoner", {"betaalbaarheid": 100})] * 11 + [("raad", {"betaalbaarheid": 60, "groen": 40})] * 5
    html = section(room(palette, spreads), {}, SESSION, "nl", {})
    soup = BeautifulSoup(html, "html.parser")
    intro = soup.select_one("section#prioriteren .kit-block-intro").get_text()
    # Ambtelijk spread nothing beside others who did: named once as too small, as a group of one would be
    assert intro == "16 deelnemers verdeelden hun punten. Te weinig deelnemers om per groep te tonen: Ambtelijk."
    # betaalbaarheid 11 x 100 + 5 x 60 = 1.400 (Dutch thousands), raad 300 of five, inwoner 1.100 of eleven; groen 200
    assert ranking(html)[1:] == [
        ["1. Betaalbaarheid", "1.400", "300", "1.100", "genoemd door 1 deelnemer"],
        ["2. Groen", "200", "200", "0", "genoemd door 1 deelnemer"],
    ]
    bars = [float(svg.select(".kit-block-fill")[0]["width"]) for svg in soup.select("svg.kit-block-bar")]
    assert bars == [100.0, round(200 / 1400 * 100, 2)]  # the totals on one scale, the highest full
    english = ranking(section(room(palette, spreads), {}, SESSION, "en", {}))
    assert english[0][-1] == "In the palette" and english[1][1] == "1,400"


def ranking(html: str) -> list:
    """The dashboard's table as the facilitator reads it: header, then one row per value (the bars are not read)."""
    table = BeautifulSoup(html, "html.parser").select_one("table.kit-ranking-table")
    return [[" ".join(cell.get_text(" ").split()) for cell in row.select("th, td")] for row in table.select("tr")]


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
            "In het palet",
        ],
        ["1. Betaalbaarheid", "0", "–", "–", "–", "–", "genoemd door 2 deelnemers"],  # no group spread any
        ["2. <i>Groen</i>", "0", "–", "–", "–", "–", "genoemd door 1 deelnemer"],
    ]
    assert "<i>" not in dash.table.value  # a participant's words are text

    # what the phones store (the page's own rules: tests/test_web_priorities.py)
    store.submit(a.token, "prioriteren", {"verdeling": {"betaalbaarheid": 30, "i groen i": 70}})
    store.submit(b.token, "prioriteren", {"verdeling": {"i groen i": 40, "betaalbaarheid": 60}})
    dash.refresh(store.session(session.id))
    assert "2 deelnemers verdeelden hun punten" in dash.table.value

    # the facilitator sees every figure, those participants do not see (fewer than k = 5) marked
    def marked(points, n):
        return f"{points} n={n}, niet getoond aan deelnemers"

    assert ranking(dash.table.value)[1:] == [
        ["1. <i>Groen</i>", marked(110, 2), "–", marked(70, 1), "–", marked(40, 1), "genoemd door 1 deelnemer"],
        ["2. Betaalbaarheid", marked(90, 2), "–", marked(30, 1), "–", marked(60, 1), "genoemd door 2 deelnemers"],
    ]
    assert 'data-kit-item="i groen i" data-kit-points="110"' in dash.table.value

    # a changed mind moves the ranking at the next refresh
    store.submit(a.token, "prioriteren", {"verdeling": {"betaalbaarheid": 100}})
    dash.refresh(store.session(session.id))
    assert [row[1].split()[0] for row in ranking(dash.table.value)[1:]] == ["160", "40"]
    assert [row[0] for row in ranking(dash.table.value)[1:]] == ["1. Betaalbaarheid", "2. <i>Groen</i>"]

    # the facilitator narrows the list: the selection is stored and the ranking shows only it
    assert [label for label, _ in dash.selection.options] == ["Betaalbaarheid", "<i>Groen</i>"]
    assert dash.search.layout.display == "none" and dash.listed.value == ""  # a short list needs no search
    dash.selection.value = ("i groen i",)
    dash.children[-1].click()
    assert store.state(session.id, "prioriteren")["selection"] == ["i groen i"]
    dash.refresh(store.session(session.id))
    assert [(row[0], row[1].split()[0]) for row in ranking(dash.table.value)[1:]] == [("1. <i>Groen</i>", "40")]


def test_the_selection_list_holds_the_most_named_values_and_its_search_finds_the_others(sqlite_store):
    """A palette of thousands is no list to scroll (issue 28): the 50 most named, a search for the rest, and what
    the facilitator ticked stays ticked while searching, until saved."""
    from widgets.activities.prioriteren.dashboard import LISTED
    from widgets.activities.prioriteren.dashboard import Dashboard as PrioritiesDashboard
    from widgets.model.sessions import SessionSpec

    store = sqlite_store
    session, _ = store.create_session(SessionSpec(title="S", topic="wonen", activities=("palet", "prioriteren")))
    store.set_activity_open(session.id, "palet", True)
    a, b = store.join(session.code, "ambtelijk"), store.join(session.code, "inwoner")
    often = {f"{n}": {"text": f"Waarde {n:03d}", "cell": "individueel.materieel"} for n in range(LISTED + 10)}
    store.submit(a.token, "palet", often)
    store.submit(b.token, "palet", often | {"z": {"text": "Zeldzame waarde", "cell": "collectief.proces"}})
    dash = PrioritiesDashboard(store, store.session(session.id), "nl")
    dash.refresh(store.session(session.id))

    def listed():
        return [label for label, _ in dash.selection.options]

    assert len(listed()) == LISTED and "Zeldzame waarde" not in listed()
    assert len(ranking(dash.table.value)) == 1 + 50 and "50 van 61 getoond" in dash.more.label.value
    dash.more.more.click()  # the ranking's own "Meer tonen": all 61
    assert len(ranking(dash.table.value)) == 1 + 61 and dash.more.more.layout.display == "none"
    assert "De lijst toont de 50 meest genoemde van de 61 waarden" in dash.listed.value
    assert dash.search.layout.display != "none"
    dash.selection.value = ("waarde 000",)
    dash.search.value = "zeldz"
    assert listed() == ["Zeldzame waarde", "Waarde 000"]  # what the search found, then what is ticked
    assert dash.selection.value == ("waarde 000",)
    assert "Gevonden: 1, de lijst toont er 1" in dash.listed.value and "Aangevinkt: 1" in dash.listed.value
    dash.selection.value = ("zeldzame waarde", "waarde 000")
    dash.search.value = ""
    assert listed()[-1] == "Zeldzame waarde" and set(dash.selection.value) == {"waarde 000", "zeldzame waarde"}
    assert "Aangevinkt: 2" in dash.listed.value
    dash.children[-1].click()
    assert store.state(session.id, "prioriteren")["selection"] == ["waarde 000", "zeldzame waarde"]
    dash.refresh(store.session(session.id))  # a refresh keeps the list as the facilitator left it
    assert set(dash.selection.value) == {"waarde 000", "zeldzame waarde"}
    labels = [row[0] for row in ranking(dash.table.value)[1:]]
    assert labels == ["1. Waarde 000", "2. Zeldzame waarde"]
