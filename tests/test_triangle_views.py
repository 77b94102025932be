"""The driehoek on the dashboard without a browser: answers through the store, the dashboard's numbers; lessons."""

import math

import pytest
from bs4 import BeautifulSoup

from widgets.model.sessions import SessionSpec


@pytest.fixture
def triangle(sqlite_store):
    from widgets.activities.driehoek.dashboard import Dashboard as TriangleDashboard

    session, _ = sqlite_store.create_session(SessionSpec(title="Woonvisie", topic="wonen", activities=("driehoek",)))
    session = sqlite_store.set_activity_open(session.id, "driehoek", True)
    people = [sqlite_store.join(session.code, g) for g in ("ambtelijk", "ambtelijk", "inwoner")]
    return sqlite_store, session, people, TriangleDashboard(sqlite_store, session, "nl")


def place(store, person, w, m, k):
    store.submit(person.token, "driehoek", {"plaats": {"willen": w, "mogen": m, "kunnen": k}})


def test_an_empty_dashboard_says_nobody_placed_themselves(triangle):
    store, session, _, dash = triangle
    dash.refresh(store.session(session.id))
    assert dash.points.data["x"] == [] and dash.centroids.data["x"] == []
    assert "Nog niemand heeft zich geplaatst." in dash.levels.value
    empty = BeautifulSoup(dash.tensions.value, "html.parser").select_one('tr[data-kit-group="willen-mogen"]')
    assert empty.th.get_text() == "Willen en mogen" and [td.get_text() for td in empty.select("td")][-2:] == ["–", "0"]
    assert '<td data-kit-route="a" data-kit-count="0">' in dash.route_counts.value


def test_dashboard_points_centroids_levels_and_weakest_corner(triangle):
    store, session, (a1, a2, inw), dash = triangle
    place(store, a1, 10, 0, 0)  # willen corner
    place(store, a2, 0, 0, 10)  # kunnen corner
    place(store, inw, 5, 5, 5)  # centre
    dash.refresh(store.session(session.id))
    points = sorted(zip(dash.points.data["group"], dash.points.data["x"], dash.points.data["y"], strict=True))
    expected = sorted(
        [("ambtelijk", 0.5, math.sqrt(3) / 2), ("ambtelijk", 1.0, 0.0), ("inwoner", 0.5, math.sqrt(3) / 6)]
    )
    for got, want in zip(points, expected, strict=True):
        assert got[0] == want[0] and got[1:] == pytest.approx(want[1:])
    centroids = dict(
        zip(
            dash.centroids.data["group"],
            zip(dash.centroids.data["x"], dash.centroids.data["y"], strict=True),
            strict=True,
        )
    )
    assert centroids["ambtelijk"] == pytest.approx((0.75, math.sqrt(3) / 4))
    assert centroids["inwoner"] == pytest.approx((0.5, math.sqrt(3) / 6))
    assert centroids["*"] == pytest.approx((2 / 3, (math.sqrt(3) / 2 + math.sqrt(3) / 6) / 3))
    levels = BeautifulSoup(dash.levels.value, "html.parser")
    assert levels.select('td[data-kit-group="ambtelijk"]')
    # the facilitator sees every figure; those participants do not see (k = 5) are marked
    willen = levels.select_one('tr[data-kit-item="willen"] td[data-kit-group="ambtelijk"]')
    assert willen.select_one(".kit-score-value").get_text() == "5,0"  # (10 + 0) / 2
    assert willen.select_one("[data-kit-withheld]").get_text() == "n=2, niet getoond aan deelnemers"
    everyone = levels.select_one('tr[data-kit-item="mogen"] td[data-kit-group="*"]')
    assert everyone.get_text(" ", strip=True) == "1,7 n=3, niet getoond aan deelnemers"  # everyone: 5 / 3
    assert "Zwakste hoek voor de hele groep: mogen." in dash.levels.value
    assert 'data-kit-group="bestuurlijk-politiek"' not in dash.levels.value  # a group without placements has no row


def test_dashboard_tensions_mean_distribution_and_escaped_notes(triangle):
    store, session, (a1, _, inw), dash = triangle
    store.submit(a1.token, "driehoek", {"spanning.willen-mogen": {"severity": 4, "note": "<i>raad</i> twijfelt"}})
    store.submit(
        inw.token,
        "driehoek",
        {"spanning.willen-mogen": {"severity": 2, "note": ""}, "spanning.mogen-kunnen": {"severity": 5, "note": ""}},
    )
    dash.refresh(store.session(session.id))
    page = BeautifulSoup(dash.tensions.value, "html.parser")
    lines = {row["data-kit-group"]: row for row in page.select("tbody tr")}
    cells = {axis: [td.get_text() for td in row.select("td")] for axis, row in lines.items()}
    # a person's severity from 1 to 5 as the share of the room per axis, then how many answered
    assert cells["willen-mogen"] == ["0%", "50%", "0%", "50%", "0%", "2"]
    assert cells["mogen-kunnen"] == ["0%", "0%", "0%", "0%", "100%", "1"]
    assert cells["willen-kunnen"] == ["–", "–", "–", "–", "–", "0"]
    assert lines["willen-mogen"].th.get_text(" ", strip=True) == (
        "Willen en mogen: gemiddeld 3,0 uit 5 n=2, niet getoond aan deelnemers"  # marked: fewer than k = 5
    )
    assert lines["mogen-kunnen"].th.get_text(" ", strip=True) == (
        "Mogen en kunnen: gemiddeld 5,0 uit 5 n=1, niet getoond aan deelnemers"
    )
    assert [th.get_text(strip=True) for th in page.select("thead th")] == ["Zijde", "1", "2", "3", "4", "5", "Aantal"]
    assert '<li class="kit-note"><b>Ambtelijk:</b> &lt;i&gt;raad&lt;/i&gt; twijfelt</li>' in dash.tensions.value
    assert "<i>raad" not in dash.tensions.value
    assert dash.tensions.value.count('class="kit-note"') == 1  # an empty note is not listed


def test_dashboard_routes_count_a_and_b_per_side(triangle):
    store, session, (a1, a2, inw), dash = triangle
    store.submit(a1.token, "driehoek", {"route.willen-kunnen": {"route": "a"}})
    store.submit(a2.token, "driehoek", {"route.willen-kunnen": {"route": "b"}, "route.willen-mogen": {"route": "b"}})
    store.submit(inw.token, "driehoek", {"route.willen-kunnen": {"route": "a"}})
    dash.refresh(store.session(session.id))
    html = dash.route_counts.value
    row = html.split('data-kit-axis="willen-kunnen"')[1].split("</tr>")[0]
    assert '<th scope="row">Willen en kunnen</th>' in row
    assert '<td data-kit-route="a" data-kit-count="2"><b>a: 2</b>' in row
    assert '<td data-kit-route="b" data-kit-count="1"><b>b: 1</b>' in row
    assert "Eerst de ambitie vastleggen" in row  # what route a means
    assert '<td data-kit-route="b" data-kit-count="1">' in html.split('data-kit-axis="willen-mogen"')[1]


def test_revealing_is_stored_for_the_phones(triangle):
    store, session, _, dash = triangle
    assert not store.state(session.id, "driehoek").get("reveal")
    dash.reveal.value = True
    assert store.state(session.id, "driehoek")["reveal"] is True


def test_lesson_place_case_compares_with_the_book():
    from widgets.views.lesson import Lesson

    box = Lesson(params={}).place_case("woongemeente 1")  # the book: strong willen, weak kunnen
    sliders = [c for c in box.children if c.__class__.__name__ == "IntSlider"]
    buttons = [c for c in box.children if c.__class__.__name__ == "Button"]
    place, compare = buttons
    assert compare.disabled
    for slider, value in zip(sliders, (9, 5, 2), strict=True):
        slider.value = value
    place.click()
    compare.click()
    book = box.children[-1].value
    assert "Uw sterkste hoek (willen) is ook die van het boek." in book
    assert "Uw zwakste hoek (kunnen) is ook die van het boek." in book
    for slider, value in zip(sliders, (2, 9, 5), strict=True):
        slider.value = value
    place.click()
    compare.click()
    assert "U zag mogen als sterkste hoek; het boek legt de nadruk op willen." in box.children[-1].value


def test_lesson_place_case_reads_as_text_in_the_readers_numbers():
    """The reading after "Plaats": markup drawn, a Dutch decimal comma, the learner's placement not called 'jij'."""
    from widgets.views.lesson import Lesson

    for lang, mean, marker in (("nl", "(gemiddeld 5,0)", "uw plaatsing"), ("en", "(mean 5.0)", "your placement")):
        box = Lesson(params={"lang": lang}).place_case("woongemeente 1")
        next(c for c in box.children if c.__class__.__name__ == "Button").click()
        placed = next(c.value for c in box.children if "<svg" in str(getattr(c, "value", "")))
        assert "&lt;" not in placed and mean in placed and "</b>" in placed
        assert f">{marker}</text>" in placed and ">jij</text>" not in placed and ">you</text>" not in placed


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
