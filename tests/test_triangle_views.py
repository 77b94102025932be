"""The driehoek views without a browser: placing, tensions, routes, the dashboard's numbers."""

import math

import pytest

from widgets.model.sessions import SessionSpec


@pytest.fixture
def triangle(sqlite_store):
    from widgets.views.triangle import TriangleDashboard, TriangleParticipant

    session, _ = sqlite_store.create_session(SessionSpec(title="Woonvisie", topic="wonen", activities=("driehoek",)))
    session = sqlite_store.set_activity_open(session.id, "driehoek", True)
    people = [sqlite_store.join(session.code, g) for g in ("ambtelijk", "ambtelijk", "inwoner")]
    views = [TriangleParticipant(sqlite_store, session, p, "nl") for p in people]
    return sqlite_store, session, views, TriangleDashboard(sqlite_store, session, "nl")


def place(view, w, m, k):
    view.sliders["willen"].value, view.sliders["mogen"].value, view.sliders["kunnen"].value = w, m, k
    view.save_placement()


def test_participant_sees_position_and_reading(triangle):
    _, _, (view, *_), _ = triangle
    place(view, 9, 5, 2)
    assert "Veel willen, weinig kunnen" in view.placement.value
    assert "<svg" in view.placement.value and "<circle" in view.placement.value
    place(view, 0, 0, 0)
    assert "Alle drie op 0" in view.message.value


def test_dashboard_points_centroids_levels_tensions_and_routes(triangle):
    store, session, (a1, a2, inw), dash = triangle
    place(a1, 10, 0, 0)   # willen corner
    place(a2, 0, 0, 10)   # kunnen corner
    place(inw, 5, 5, 5)   # centre
    a1.severity["willen-mogen"].value = 4
    a1.notes["willen-mogen"].value = "<i>raad</i> twijfelt"
    a1.save_tensions()
    inw.severity["willen-mogen"].value = 2
    inw.save_tensions()
    a1.routes["willen-kunnen"].value = "a"
    a1.save_routes()
    dash.refresh(store.session(session.id))
    points = sorted(zip(dash.points.data["group"], dash.points.data["x"], dash.points.data["y"]))
    expected = sorted([("ambtelijk", 0.5, math.sqrt(3) / 2), ("ambtelijk", 1.0, 0.0), ("inwoner", 0.5, math.sqrt(3) / 6)])
    for got, want in zip(points, expected):
        assert got[0] == want[0] and got[1:] == pytest.approx(want[1:])
    centroids = dict(zip(dash.centroids.data["group"], zip(dash.centroids.data["x"], dash.centroids.data["y"])))
    assert centroids["ambtelijk"] == pytest.approx((0.75, math.sqrt(3) / 4))
    assert centroids["inwoner"] == pytest.approx((0.5, math.sqrt(3) / 6))
    assert '<td data-kit-corner="willen">5.0</td>' in dash.levels.value
    assert "Zwakste hoek voor de hele groep: mogen." in dash.levels.value
    assert 'data-kit-axis="willen-mogen" data-kit-mean="3.00"' in dash.tensions.value
    assert "&lt;i&gt;raad&lt;/i&gt; twijfelt" in dash.tensions.value and "<i>raad" not in dash.tensions.value
    assert 'data-kit-axis="willen-kunnen"><td>Willen en kunnen</td><td>a: 1</td>' in dash.route_counts.value


def test_revealed_triangle_reaches_participants_as_plain_svg(triangle):
    store, session, (a1, _, inw), dash = triangle
    place(a1, 8, 5, 3)
    assert inw.revealed.value == ""
    dash.reveal.value = True
    inw.refresh(store.session(session.id))
    assert "De driehoek van de hele groep" in inw.revealed.value and inw.revealed.value.count("<circle") == 1


def test_lesson_place_case_compares_with_the_book():
    from widgets.views.lesson import Lesson

    box = Lesson(params={}).place_case("woongemeente 1")  # the book: strong willen, weak kunnen
    sliders = [c for c in box.children if c.__class__.__name__ == "IntSlider"]
    buttons = [c for c in box.children if c.__class__.__name__ == "Button"]
    place, compare = buttons
    assert compare.disabled
    for slider, value in zip(sliders, (9, 5, 2)):
        slider.value = value
    place.click()
    compare.click()
    book = box.children[-1].value
    assert "Uw sterkste hoek (willen) is ook die van het boek." in book
    assert "Uw zwakste hoek (kunnen) is ook die van het boek." in book
    for slider, value in zip(sliders, (2, 9, 5)):
        slider.value = value
    place.click()
    compare.click()
    assert "U zag mogen als sterkste hoek; het boek legt de nadruk op willen." in box.children[-1].value


def test_lesson_self_scan_summarises_the_sorest_axis():
    from widgets.views.lesson import Lesson

    lesson = Lesson(params={"lang": "en"})
    lesson.self_scan()
    scan = lesson.scan
    scan["show"].click()
    assert "First choose" in scan["summary"].value
    scan["severity"]["willen-mogen"].value = 2
    scan["severity"]["mogen-kunnen"].value = 5
    scan["route"]["willen-kunnen"].value = "b"
    scan["show"].click()
    assert "This is where it chafes most: Mogen and kunnen (5 of 5)." in scan["summary"].value
    assert "Willen and kunnen: route b" in scan["summary"].value
