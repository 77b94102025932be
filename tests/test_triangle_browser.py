"""The strategic triangle in Chromium: phones at 375 px place themselves by tap or keyboard, the dashboard's
triangle follows live, tensions and routes reach it, the revealed triangle reaches the phones."""

import math
import time

import pytest

from .browser import (
    answer_tension,
    choose_with_keyboard,
    create_session,
    join,
    open_activity,
    open_facilitator,
    place_in_triangle,
    show_results,
    tab_to,
    to_tension,
)

PHONE = {"width": 375, "height": 740}
# Where the drawing's marks are: ``[[group, x, y]]`` of a class, a circle's centre or a polygon's (its vertices' mean).
MARKS = """(selector) => Array.from(document.querySelectorAll(selector)).map((m) => {
  if (m.tagName === 'circle') return [m.dataset.kitGroup, +m.getAttribute('cx'), +m.getAttribute('cy')];
  const v = m.getAttribute('points').trim().split(/\\s+/).map((p) => p.split(',').map(Number));
  return [m.dataset.kitGroup, v.reduce((a, p) => a + p[0], 0) / v.length, v.reduce((a, p) => a + p[1], 0) / v.length];
})"""
DASHBOARD = ".kit-dashboard-driehoek"
WAIT_FOR_TRIANGLE = (
    "() => document.querySelectorAll('.kit-dashboard-driehoek svg.kit-triangle .kit-tri-point').length === 3"
    " && !!document.querySelector('.kit-dashboard-driehoek .kit-tri-mean[data-kit-group=\"inwoner\"]')"
)


def on_screen(x: float, y: float) -> tuple:
    """Where the drawing puts a place at (x, y) of a triangle with side 1: 28 units in, 244 to a side."""
    return (28 + 244 * x, 28 + 244 * (math.sqrt(3) / 2 - y))


def box(locator):
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not on screen"
    return found


def inside(inner, outer) -> bool:
    return (
        inner["x"] >= outer["x"] - 0.5
        and inner["y"] >= outer["y"] - 0.5
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5
    )


def overlap(a, b) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_phones_place_themselves_and_the_dashboard_follows_live(kit, watched, kit_store, crowd):
    facilitator = open_facilitator(watched(), kit)
    code = create_session(facilitator, title="Woonvisie", activities=["Strategische driehoek"])
    a1 = join(watched(viewport=PHONE), kit, code, "Ambtelijk")
    a2 = join(watched(viewport=PHONE), kit, code, "Ambtelijk")
    inw = join(watched(viewport=PHONE), kit, code, "Inwoner")
    open_activity(facilitator, "Strategische driehoek")

    a1.wait_for_selector("form.kit-tri-scores", timeout=3_000)  # the phone follows by itself
    for label in a1.locator(".kit-scale label").all():  # 33 score buttons, each big enough to tap
        found = box(label)
        assert found["width"] >= 44 and found["height"] >= 44
    assert a1.locator("input[type=range], .noUi-handle").count() == 0
    place_in_triangle(a1, willen=10, mogen=0, kunnen=0)  # taps: the willen corner
    assert a1.inner_text(".kit-tri-meaning").startswith("Veel willen")
    you, figure = box(a1.locator(".kit-tri-you text")), box(a1.locator(".kit-tri-position svg.kit-triangle"))
    assert a1.text_content(".kit-tri-you text") == "u" and inside(you, figure)
    assert a1.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    place_in_triangle(a2, willen=0, mogen=0, kunnen=10, keyboard=True)  # the kunnen corner, keyboard alone
    assert a2.inner_text(".kit-tri-meaning").startswith("Veel kunnen")
    you, figure = box(a2.locator(".kit-tri-you text")), box(a2.locator(".kit-tri-position svg.kit-triangle"))
    assert inside(you, figure)  # the label next to the right corner stays inside the drawing
    place_in_triangle(inw)  # 5, 5, 5: the centre
    placed = time.monotonic()
    facilitator.wait_for_function(WAIT_FOR_TRIANGLE, timeout=2_000)  # the places and the means: one update
    assert time.monotonic() - placed < 2.0
    points = sorted(facilitator.evaluate(MARKS, f"{DASHBOARD} .kit-tri-point"))
    expected = sorted(
        [
            ("ambtelijk", *on_screen(0.5, math.sqrt(3) / 2)),
            ("ambtelijk", *on_screen(1.0, 0.0)),
            ("inwoner", *on_screen(0.5, math.sqrt(3) / 6)),
        ]
    )
    for got, want in zip(points, expected, strict=True):
        assert got[0] == want[0] and got[1:] == pytest.approx(want[1:], abs=0.15)
    means = {group: (x, y) for group, x, y in facilitator.evaluate(MARKS, f"{DASHBOARD} .kit-tri-mean")}
    assert means["ambtelijk"] == pytest.approx(on_screen(0.75, math.sqrt(3) / 4), abs=0.15)
    everyone = on_screen((0.5 + 1.0 + 0.5) / 3, (math.sqrt(3) / 2 + math.sqrt(3) / 6) / 3)
    assert means["*"] == pytest.approx(everyone, abs=0.15)
    levels = facilitator.locator(
        f'{DASHBOARD} [data-kit-block="driehoek-levels"] tr[data-kit-item="kunnen"] td[data-kit-group="ambtelijk"]'
    )
    assert levels.locator(".kit-score-value").inner_text() == "5,0"  # marked: participants do not see it (k = 5)
    assert levels.locator("[data-kit-withheld]").inner_text() == "n=2, niet getoond aan deelnemers"

    # tensions: a hostile note reaches the dashboard as text
    to_tension(a1, "willen-mogen")
    answer_tension(a1, 4, "<b onmouseover=alert(1)>raad</b> twijfelt")
    to_tension(inw, "willen-mogen")
    answer_tension(inw, 2)
    side = f'{DASHBOARD} [data-kit-block="driehoek-spanningen"] tr[data-kit-group="willen-mogen"]'
    facilitator.wait_for_function(
        f"() => (document.querySelector('{side}') || {{}}).innerText?.includes('gemiddeld 3,0 uit 5')", timeout=5_000
    )
    cells = facilitator.locator(f"{side} td").all_inner_texts()
    assert cells == ["0%", "50%", "0%", "50%", "0%", "2"]  # a 4 and a 2: half each
    axis = facilitator.locator(f'{DASHBOARD} .kit-tri-notes[data-kit-axis="willen-mogen"]')
    assert "<b onmouseover=alert(1)>raad</b> twijfelt" in axis.locator(".kit-note").inner_text()
    assert axis.locator(".kit-note b[onmouseover]").count() == 0

    # routes: two full-width cards that do not overlap; the chosen one is marked and stays in view
    a1.locator("a.kit-tri-skip").click()  # mogen-kunnen
    a1.wait_for_url("**/spanning/willen-kunnen")
    a1.locator("a.kit-tri-skip").click()
    a1.wait_for_selector('form.kit-tri-route[data-kit-axis="willen-mogen"]', timeout=10_000)
    cards = [a1.locator(f'.kit-tri-route-card[data-kit-route="{r}"] label') for r in ("a", "b")]
    first, second = box(cards[0]), box(cards[1])
    assert not overlap(first, second)
    for card in (first, second):
        assert card["x"] >= 0 and card["x"] + card["width"] <= PHONE["width"] and card["width"] >= 300
    assert "Voorbeeld: Democratiegemeente 2" in cards[1].inner_text()
    cards[1].click()
    mark = "(label) => getComputedStyle(label, '::after').content"
    assert cards[1].evaluate(mark) != "none" and cards[0].evaluate(mark) == "none"
    assert cards[1].evaluate("(label) => getComputedStyle(label).borderTopWidth") == "4px"
    a1.locator("form.kit-tri-route button[type=submit]").click()
    a1.wait_for_selector('form.kit-tri-route[data-kit-axis="mogen-kunnen"]', timeout=10_000)
    room = f'{DASHBOARD} [data-kit-block="driehoek-routes-willen-mogen"] tr[data-kit-group="*"]'
    facilitator.wait_for_function(
        f"() => (document.querySelector('{room}') || {{}}).innerText?.replace(/\\s+/g, ' ').trim()"
        " === 'Iedereen n=1, niet getoond aan deelnemers 0% 100% 1'",  # route b, by the one who chose (marked: k = 5)
        timeout=5_000,
    )
    a1.locator("a.kit-tri-previous").click()
    a1.wait_for_selector('form.kit-tri-route[data-kit-axis="willen-mogen"]', timeout=10_000)
    chosen = a1.locator('.kit-tri-route-card[data-kit-route="b"] input')
    assert chosen.is_checked()
    chosen_box = box(a1.locator('.kit-tri-route-card[data-kit-route="b"] label'))
    assert not overlap(chosen_box, box(a1.locator('.kit-tri-route-card[data-kit-route="a"] label')))
    assert chosen_box["x"] + chosen_box["width"] <= PHONE["width"]

    # revealing shows everyone's place on the phones without a reload, each phone's own point marked; first five of
    # each group, so the disclosure rule (k = 5) lets the phones draw every place with its group
    session = kit_store.session_by_code(code)
    crowd(session, "ambtelijk", "driehoek", {"plaats": {"willen": 5, "mogen": 5, "kunnen": 5}}, n=3)
    crowd(session, "inwoner", "driehoek", {"plaats": {"willen": 5, "mogen": 5, "kunnen": 5}}, n=4)
    inw.fill("#note", "half getypt")
    show_results(facilitator, "Strategische driehoek")
    inw.wait_for_selector("[data-kit-results] svg.kit-triangle", timeout=3_000)
    assert inw.input_value("#note") == "half getypt"  # the refresh kept what was typed
    assert inw.locator("[data-kit-results] svg.kit-triangle .kit-tri-point").count() == 10
    assert [t.strip() for t in inw.locator("[data-kit-results] .kit-legend li").all_inner_texts()] == [
        "Ambtelijk",
        "Inwoner",
        "groot, zwart omrand: de gemiddelde plek van de groep",
        "Iedereen: de gemiddelde plek",
        "u: uw eigen plek",
    ]
    # a changed placement moves the point on the other phones: into the mogen corner, bottom left (28, 239.3)
    a2.goto(f"{kit.url}kit/{code}/driehoek/scores")
    place_in_triangle(a2, willen=0, mogen=10, kunnen=0)
    inw.wait_for_function(
        f"() => ({MARKS})('[data-kit-results] .kit-tri-point')"
        ".some(([g, x, y]) => Math.abs(x - 28) < 0.2 && Math.abs(y - 239.3) < 0.2)",
        timeout=4_000,
    )
    for page in (facilitator, a1, a2, inw):
        assert page.evaluate("window.__pwned") is None


def test_without_javascript_at_320_px_with_the_keyboard_alone(kit, watched, new_session, kit_store):
    session = new_session(activities=("driehoek",))
    phone = join(
        watched(viewport={"width": 320, "height": 640}, java_script_enabled=False), kit, session.code, "Inwoner"
    )
    phone.wait_for_selector("form.kit-tri-scores")
    # refused first: all three at 0, the message above the scores, the zeros still chosen
    for corner in ("willen", "mogen", "kunnen"):
        choose_with_keyboard(phone, corner, 0)
    tab_to(phone, "el.matches('form.kit-tri-scores button[type=submit]')")
    phone.keyboard.press("Enter")
    phone.wait_for_selector(".kit-error-summary")
    assert "Alle drie op 0" in phone.inner_text("#scores-error")
    assert phone.locator("#willen-0").is_checked()
    assert kit_store.answers(session.id, "driehoek") == []
    place_in_triangle(phone, willen=8, mogen=3, kunnen=4, keyboard=True)
    assert phone.inner_text(".kit-tri-meaning").startswith("Veel willen, weinig mogen")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    tab_to(phone, "el.textContent.trim() === 'Verder naar de spanningen'")
    phone.keyboard.press("Enter")
    phone.wait_for_selector('form.kit-tri-tension[data-kit-axis="willen-mogen"]')
    choose_with_keyboard(phone, "severity", 5)
    tab_to(phone, "el.id === 'note'")
    phone.keyboard.type("Raad en partners willen iets anders")
    tab_to(phone, "el.matches('form.kit-tri-tension button[type=submit]')")
    phone.keyboard.press("Enter")
    phone.wait_for_selector('form.kit-tri-tension[data-kit-axis="mogen-kunnen"]')
    answers = kit_store.answers(session.id, "driehoek")
    assert {a.item: a.value for a in answers} == {
        "plaats": {"willen": 8, "mogen": 3, "kunnen": 4},
        "spanning.willen-mogen": {"severity": 5, "note": "Raad en partners willen iets anders"},
    }
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
