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


def figures(dash):
    return BeautifulSoup(dash.figures.value, "html.parser")


def drawn(svg, css: str) -> list:
    """``[(group, (x, y))]`` of the marks of class ``css``: a circle's centre, a polygon's (its vertices' mean)."""
    found = []
    for mark in svg.select(f".{css}"):
        if mark.name == "circle":
            at = (float(mark["cx"]), float(mark["cy"]))
        else:
            vertices = [tuple(map(float, p.split(","))) for p in mark["points"].split()]
            at = (sum(v[0] for v in vertices) / len(vertices), sum(v[1] for v in vertices) / len(vertices))
        found.append((mark["data-kit-group"], at))
    return sorted(found)


def on_screen(x: float, y: float) -> tuple:
    """Where the drawing puts a place at (x, y) of a triangle with side 1: 28 units in, 244 to a side."""
    return (28 + 244 * x, 28 + 244 * (math.sqrt(3) / 2 - y))


def test_an_empty_dashboard_says_nobody_placed_themselves(triangle):
    store, session, _, dash = triangle
    dash.refresh(store.session(session.id))
    page = figures(dash)
    assert "Nog niemand heeft zich geplaatst." in page.get_text()
    assert page.select("svg.kit-triangle") == [] and page.select('[data-kit-block="driehoek-levels"]') == []
    empty = page.select_one('[data-kit-block="driehoek-spanningen"] tr[data-kit-group="willen-mogen"]')
    assert empty.th.get_text() == "Willen en mogen" and [td.get_text() for td in empty.select("td")][-2:] == ["–", "0"]
    for axis in ("willen-mogen", "mogen-kunnen", "willen-kunnen"):  # every side, nobody chose: a dash, 0
        rows = page.select(f'[data-kit-block="driehoek-routes-{axis}"] tbody tr')
        assert [[td.get_text() for td in tr.select("td")] for tr in rows] == [["–", "–", "0"]]


def test_dashboard_points_centroids_levels_and_weakest_corner(triangle):
    store, session, (a1, a2, inw), dash = triangle
    place(store, a1, 10, 0, 0)  # willen corner
    place(store, a2, 0, 0, 10)  # kunnen corner
    place(store, inw, 5, 5, 5)  # centre
    dash.refresh(store.session(session.id))
    page = figures(dash)
    svg = page.select_one('[data-kit-block="driehoek"] svg.kit-triangle')
    expected = sorted(
        [
            ("ambtelijk", on_screen(0.5, math.sqrt(3) / 2)),
            ("ambtelijk", on_screen(1.0, 0.0)),
            ("inwoner", on_screen(0.5, math.sqrt(3) / 6)),
        ]
    )
    for (group, at), (want_group, want) in zip(drawn(svg, "kit-tri-point"), expected, strict=True):
        assert group == want_group and at == pytest.approx(want, abs=0.15)
    means = dict(drawn(svg, "kit-tri-mean"))
    assert means["ambtelijk"] == pytest.approx(on_screen(0.75, math.sqrt(3) / 4), abs=0.15)
    assert means["inwoner"] == pytest.approx(on_screen(0.5, math.sqrt(3) / 6), abs=0.15)
    everyone = on_screen(2 / 3, (math.sqrt(3) / 2 + math.sqrt(3) / 6) / 3)
    assert means["*"] == pytest.approx(everyone, abs=0.15)
    # the means as a table beside it: ambtelijk willen (100 + 0) / 2 = 50 %, kunnen 50 %; everyone willen
    # (100 + 0 + 33.3) / 3 = 44 %, mogen 33.3 / 3 = 11 %, kunnen (0 + 100 + 33.3) / 3 = 44 %
    rows = {
        tr["data-kit-group"]: [td.get_text() for td in tr.select("td")]
        for tr in page.select(".kit-placements-means tbody tr")
    }
    assert rows == {
        "ambtelijk": ["50%", "0%", "50%", "2"],
        "inwoner": ["33%", "33%", "33%", "1"],
        "*": ["44%", "11%", "44%", "3"],
    }
    levels = page.select_one('[data-kit-block="driehoek-levels"]')
    assert levels.select('td[data-kit-group="ambtelijk"]')
    # the facilitator sees every figure; those participants do not see (fewer than k = 5) are marked
    willen = levels.select_one('tr[data-kit-item="willen"] td[data-kit-group="ambtelijk"]')
    assert willen.select_one(".kit-score-value").get_text() == "5,0"  # (10 + 0) / 2
    assert willen.select_one("[data-kit-withheld]").get_text() == "n=2, niet getoond aan deelnemers"
    everyone = levels.select_one('tr[data-kit-item="mogen"] td[data-kit-group="*"]')
    assert everyone.get_text(" ", strip=True) == "1,7 n=3, niet getoond aan deelnemers"  # everyone: 5 / 3
    assert "Zwakste hoek voor de hele groep: mogen." in page.get_text()
    assert 'data-kit-group="bestuurlijk-politiek"' not in str(levels)  # a group without placements has no row
    assert [li.get_text(strip=True) for li in page.select(".kit-triangle-legend li")][:2] == ["Ambtelijk", "Inwoner"]


def test_dashboard_tensions_mean_distribution_and_escaped_notes(triangle):
    store, session, (a1, _, inw), dash = triangle
    store.submit(a1.token, "driehoek", {"spanning.willen-mogen": {"severity": 4, "note": "<i>raad</i> twijfelt"}})
    store.submit(
        inw.token,
        "driehoek",
        {"spanning.willen-mogen": {"severity": 2, "note": ""}, "spanning.mogen-kunnen": {"severity": 5, "note": ""}},
    )
    dash.refresh(store.session(session.id))
    html = dash.figures.value
    page = BeautifulSoup(html, "html.parser").select_one('[data-kit-block="driehoek-spanningen"]')
    lines = {row["data-kit-group"]: row for row in page.select("tbody tr")}
    cells = {axis: [td.get_text() for td in row.select("td")] for axis, row in lines.items()}
    # a person's severity from 1 to 5 as the share of the room per axis, then how many answered
    assert cells["willen-mogen"] == ["0%", "50%", "0%", "50%", "0%", "2"]
    assert cells["mogen-kunnen"] == ["0%", "0%", "0%", "0%", "100%", "1"]
    assert cells["willen-kunnen"] == ["–", "–", "–", "–", "–", "0"]
    # two answers and one: the facilitator reads the means, marked as not shown to participants (fewer than k = 5)
    assert lines["willen-mogen"].th.get_text(" ", strip=True) == (
        "Willen en mogen: gemiddeld 3,0 uit 5 n=2, niet getoond aan deelnemers"
    )
    assert lines["mogen-kunnen"].th.get_text(" ", strip=True) == (
        "Mogen en kunnen: gemiddeld 5,0 uit 5 n=1, niet getoond aan deelnemers"
    )
    assert [th.get_text(strip=True) for th in page.select("thead th")] == ["Zijde", "1", "2", "3", "4", "5", "Aantal"]
    assert '<li class="kit-note"><b>Ambtelijk:</b> &lt;i&gt;raad&lt;/i&gt; twijfelt</li>' in html
    assert "<i>raad" not in html
    assert html.count('class="kit-note"') == 1  # an empty note is not listed


def test_dashboard_routes_split_a_and_b_per_side_with_the_books_routes(triangle):
    store, session, (a1, a2, inw), dash = triangle
    store.submit(a1.token, "driehoek", {"route.willen-kunnen": {"route": "a"}})
    store.submit(a2.token, "driehoek", {"route.willen-kunnen": {"route": "b"}, "route.willen-mogen": {"route": "b"}})
    store.submit(inw.token, "driehoek", {"route.willen-kunnen": {"route": "a"}})
    dash.refresh(store.session(session.id))
    page = figures(dash)
    side = page.select_one('[data-kit-block="driehoek-routes-willen-kunnen"]')
    assert side.select_one("caption").get_text() == "Welke route past het best bij uw opgave?"
    assert "Gekozen routes: Willen en kunnen" in side.get_text()
    headings = [th.get_text(" ", strip=True) for th in side.select("thead th")]
    assert headings[0] == "Groep" and headings[-1] == "Aantal"
    assert headings[1].startswith("Route a: Eerst de ambitie vastleggen")  # what route a means, on this side
    assert headings[2].startswith("Route b: ")
    rows = {tr["data-kit-group"]: [td.get_text() for td in tr.select("td")] for tr in side.select("tbody tr")}
    # ambtelijk one a, one b; the inwoner a; everyone 2 of 3 a (67 %), 1 of 3 b (33 %)
    assert rows == {"ambtelijk": ["50%", "50%", "2"], "inwoner": ["100%", "0%", "1"], "*": ["67%", "33%", "3"]}
    other = page.select_one('[data-kit-block="driehoek-routes-willen-mogen"]')
    rows = {tr["data-kit-group"]: [td.get_text() for td in tr.select("td")] for tr in other.select("tbody tr")}
    assert rows == {"ambtelijk": ["0%", "100%", "1"], "*": ["0%", "100%", "1"]}  # a group that chose none: no line


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
    """The reading after "Plaats": markup drawn, a Dutch decimal comma, the learner's placement not called 'u'."""
    from widgets.views.lesson import Lesson

    for lang, mean, marker in (("nl", "(gemiddeld 5,0)", "uw plaatsing"), ("en", "(mean 5.0)", "your place")):
        box = Lesson(params={"lang": lang}).place_case("woongemeente 1")
        next(c for c in box.children if c.__class__.__name__ == "Button").click()
        placed = next(c.value for c in box.children if "<svg" in str(getattr(c, "value", "")))
        assert "&lt;" not in placed and mean in placed and "</b>" in placed
        assert f">{marker}</text>" in placed and ">u</text>" not in placed and ">you</text>" not in placed


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
