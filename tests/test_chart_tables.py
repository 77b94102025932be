"""Every chart readable as a table: the dashboard's radar and blocks; the triangle on the dashboard, screen, phones.

Expected figures are worked out by hand in each test from the answers it gives, not by the code under test.
"""

import pytest
from bs4 import BeautifulSoup

from widgets.activities.beoordelen.model import OVERALL, check_answer
from widgets.model.sessions import SessionSpec

# The default groups, in the session's order (the tables' columns and rows follow it).
GROUPS = ["Bestuurlijk-politiek", "Ambtelijk", "Maatschappelijke partner", "Inwoner"]


def soup(html):
    return BeautifulSoup(html, "html.parser")


def cells(node) -> list:
    """A chart's table (or the <details> holding it) as text, row by row: what a screen reader reads, what prints."""
    return [[cell.get_text(strip=True) for cell in tr.select("th, td")] for tr in node.select("tr")]


def row(node, label) -> list:
    found = [r for r in cells(node) if r[0] == label]
    assert len(found) == 1, f"no single row {label!r} in {cells(node)}"
    return found[0][1:]


def assert_a_real_table(table, caption: str):
    """A <table> with a caption, column headers and row headers."""
    assert table.name == "table"
    assert caption in table.select_one("caption").get_text()
    assert table.select('th[scope="col"]') and table.select('th[scope="row"]')


def assert_folded(details, caption: str):
    """On a phone or the screen: a <details> whose summary says a table follows, opening to the table."""
    assert details.name == "details" and "kit-chart-table" in details["class"]
    assert details.select_one("summary").get_text(" ", strip=True).startswith(("Als tabel", "As a table", "Alle"))
    assert_a_real_table(details.select_one("table"), caption)


def shown(chart_table) -> bool:
    """Whether the dashboard shows a chart's table (its checkbox ticked)."""
    return chart_table.layout.display != "none" and chart_table.table.layout.display != "none"


def session_with(store, activity, lang="nl"):
    session, _ = store.create_session(
        SessionSpec(title="Woonvisie", topic="wonen", language=lang, activities=(activity,))
    )
    return store.set_activity_open(session.id, activity, True)


def rate(store, person, statements: dict):
    answers = {OVERALL: check_answer(OVERALL, 7)}
    answers.update({key: check_answer(key, score) for key, score in statements.items()})
    store.submit(person.token, "beoordelen", answers)


def test_the_radar_and_the_block_diagram_as_tables_on_the_dashboard(store):
    from widgets.activities.beoordelen.dashboard import Dashboard as RatingDashboard

    session = session_with(store, "beoordelen")
    a1, a2, inwoner = (store.join(session.code, g) for g in ("ambtelijk", "ambtelijk", "inwoner"))
    rate(store, a1, {"eerlijk": 8, "toegankelijk": 6})
    rate(store, a2, {"eerlijk": 5, "toegankelijk": None})  # "weet ik niet": no mean, no block
    rate(store, inwoner, {"eerlijk": 3})
    dash = RatingDashboard(store, session, "nl")
    dash.refresh(store.session(session.id))

    # under the chart a checkbox that names it and says its figures follow as a table; ticked, the table shows
    assert dash.radar_table.show.description == "Gemiddelde per stelling per groep: de cijfers als tabel"
    assert not shown(dash.radar_table)
    dash.radar_table.show.value = True
    assert shown(dash.radar_table) and not shown(dash.blocks_table)
    radar = soup(dash.radar_table.value).select_one("table")
    assert_a_real_table(radar, "Gemiddelde score per stelling")
    assert cells(radar)[0] == ["Stelling", *GROUPS, "Alle deelnemers"]
    # Eerlijk: ambtelijk (8 + 5) / 2 = 6.5, inwoner 3, everyone 16 / 3 = 5.33; no score from the others.
    assert row(radar, "Eerlijk") == ["–", "6,5", "–", "3,0", "5,3"]
    assert row(radar, "Toegankelijk") == ["–", "6,0", "–", "–", "6,0"]  # the "weet ik niet" does not count
    assert row(radar, "Rechtvaardig") == ["–"] * 5

    blocks = soup(dash.blocks_table.value).select_one("table")
    assert_a_real_table(blocks, "Aantal deelnemers per score")
    assert cells(blocks)[0] == ["Stelling", *map(str, range(1, 11)), "aantal"]
    assert row(blocks, "Eerlijk") == ["", "", "1", "", "1", "", "", "1", "", "", "3"]  # one 3, one 5, one 8
    assert row(blocks, "Toegankelijk") == ["", "", "", "", "", "1", "", "", "", "", "1"]

    # live: a new answer changes the tables with the charts
    late = store.join(session.code, "bestuurlijk-politiek")
    rate(store, late, {"eerlijk": 10})
    dash.refresh(store.session(session.id))
    radar = soup(dash.radar_table.value).select_one("table")
    assert row(radar, "Eerlijk") == ["10,0", "6,5", "–", "3,0", "6,5"]  # (8 + 5 + 3 + 10) / 4 = 6.5
    assert row(soup(dash.blocks_table.value).select_one("table"), "Eerlijk")[-1] == "4"
    assert shown(dash.radar_table)  # the ticked table stays open through the update


def test_the_tables_speak_english_on_an_english_dashboard(store):
    from widgets.activities.beoordelen.dashboard import Dashboard as RatingDashboard

    session = session_with(store, "beoordelen", lang="en")
    a1, a2 = (store.join(session.code, "ambtelijk") for _ in range(2))
    rate(store, a1, {"eerlijk": 8})
    rate(store, a2, {"eerlijk": 7})
    dash = RatingDashboard(store, session, "en")
    dash.refresh(store.session(session.id))
    assert dash.radar_table.show.description == "Mean per statement per group: the figures as a table"
    table = soup(dash.radar_table.value).select_one("table")
    assert "Mean score per statement" in table.select_one("caption").get_text()
    assert cells(table)[1][:3] == ["Fair", "–", "7.5"]  # (8 + 7) / 2 with a decimal point


def place(store, person, willen, mogen, kunnen):
    store.submit(person.token, "driehoek", {"plaats": {"willen": willen, "mogen": mogen, "kunnen": kunnen}})


def test_the_triangle_as_tables_on_the_dashboard(store):
    from widgets.activities.driehoek.dashboard import Dashboard as TriangleDashboard

    session = session_with(store, "driehoek")
    dash = TriangleDashboard(store, session, "nl")
    dash.refresh(store.session(session.id))
    assert soup(dash.figures.value).select("table.kit-placements-means") == []  # nobody placed: no empty table

    a1, a2, inwoner = (store.join(session.code, g) for g in ("ambtelijk", "ambtelijk", "inwoner"))
    place(store, a1, 6, 3, 1)  # shares 60 / 30 / 10 %
    place(store, a2, 2, 2, 6)  # shares 20 / 20 / 60 %
    place(store, inwoner, 5, 5, 0)  # shares 50 / 50 / 0 %
    dash.refresh(store.session(session.id))
    figure = soup(dash.figures.value).select_one('[data-kit-block="driehoek"]')
    assert figure.select_one("svg.kit-triangle")  # the drawing, its tables beside it (not folded on the dashboard)
    assert figure.select("details") == []
    centroids = figure.select_one("table.kit-placements-means")
    assert_a_real_table(centroids, "Gemiddelde plek per groep")
    assert cells(centroids)[0] == ["Groep", "willen", "mogen", "kunnen", "Aantal"]
    # ambtelijk: willen (60 + 20) / 2 = 40 %, mogen (30 + 20) / 2 = 25 %, kunnen (10 + 60) / 2 = 35 %
    assert row(centroids, "Ambtelijk") == ["40%", "25%", "35%", "2"]
    assert row(centroids, "Inwoner") == ["50%", "50%", "0%", "1"]
    # everyone: willen 130 / 3 = 43.3 %, mogen 100 / 3 = 33.3 %, kunnen 70 / 3 = 23.3 %
    assert row(centroids, "Iedereen") == ["43%", "33%", "23%", "3"]
    assert [r[0] for r in cells(centroids)[1:]] == [
        "Ambtelijk",
        "Inwoner",
        "Iedereen",
    ]  # groups without places left out

    placements = figure.select_one("table.kit-placements-points")
    assert_a_real_table(placements, "Scores van 0 tot 10 per deelnemer")
    assert sorted(cells(placements)[1:]) == [
        ["Ambtelijk", "2", "2", "6"],
        ["Ambtelijk", "6", "3", "1"],
        ["Inwoner", "5", "5", "0"],
    ]

    place(store, inwoner, 0, 5, 5)  # live: the inwoner changes their mind
    dash.refresh(store.session(session.id))
    centroids = soup(dash.figures.value).select_one("table.kit-placements-means")
    assert row(centroids, "Inwoner") == ["0%", "50%", "50%", "1"]


def test_the_triangle_drawing_points_to_its_table(store):
    """Phones and the screen: the SVG's accessible description is the summary of the tables that follow it."""
    from widgets.activities.driehoek.model import placements
    from widgets.activities.driehoek.results import room
    from widgets.render.blocks import PHONE, SCREEN, blocks_html

    session = session_with(store, "driehoek")
    for _ in range(5):  # five alike: enough for the disclosure rule (k = 5) to draw them on a phone and the screen
        place(store, store.join(session.code, "inwoner"), 7, 2, 1)
    placed = placements(store.answers(session.id, "driehoek"))
    for surface in (PHONE, SCREEN):
        html = soup(blocks_html(room(placed, session, "nl"), surface, "nl"))
        svg = html.select_one("svg.kit-triangle")
        summary = html.find(id=svg["aria-describedby"])
        assert summary.name == "summary" and summary.get_text(" ", strip=True).startswith("Alle plaatsingen als tabel")
        assert_folded(summary.parent, "Scores van 0 tot 10 per deelnemer")
        points = summary.parent.select_one("table")
        means = summary.parent.select_one(".kit-placements-means")
        if surface == PHONE:  # narrow: each person's scores under their group's name, the means a card per group
            each = [[str(n), "7", "2", "1"] for n in range(1, 6)]
            assert cells(points) == [["", "willen", "mogen", "kunnen"], ["Inwoner"], *each]
            assert [" ".join(card.get_text(" ").split()) for card in means.select("li")] == [
                "Inwoner willen 70% mogen 20% kunnen 10% Aantal 5",
                "Iedereen willen 70% mogen 20% kunnen 10% Aantal 5",
            ]
        else:
            assert cells(points) == [["Groep", "willen", "mogen", "kunnen"], *[["Inwoner", "7", "2", "1"]] * 5]
            assert cells(means)[1:] == [["Inwoner", "70%", "20%", "10%", "5"], ["Iedereen", "70%", "20%", "10%", "5"]]


@pytest.fixture
def revealed_triangle(kit_store):
    spec = SessionSpec(title="Woonvisie 2030", topic="wonen", language="nl", activities=("driehoek",))
    session, key = kit_store.create_session(spec)
    kit_store.set_activity_open(session.id, "driehoek", True)
    for _ in range(5):  # five of each: the disclosure rule (k = 5) lets the screen draw each group's places
        place(kit_store, kit_store.join(session.code, "ambtelijk"), 4, 4, 2)
        place(kit_store, kit_store.join(session.code, "inwoner"), 1, 8, 1)
    kit_store.set_state(session.id, "driehoek", "reveal", True)
    return session, key


def test_the_screen_shows_the_triangle_with_its_table(phone, revealed_triangle):
    session, key = revealed_triangle
    device = phone()
    device.http.cookies.set(f"kit_f_{session.code}", key)
    page = device.get(f"kit/{session.code}/scherm")
    part = page.soup.select_one(".kit-screen-part:has(svg.kit-triangle)")
    details = part.select_one("details.kit-chart-table")  # in the same part, right under the drawing
    assert_folded(details, "de kleine tekens in de driehoek")
    assert part.select_one("svg")["aria-describedby"] == details.select_one("summary")["id"]
    assert (
        sorted(cells(details.select_one("table"))[1:])
        == [["Ambtelijk", "4", "4", "2"]] * 5 + [["Inwoner", "1", "8", "1"]] * 5
    )
