"""The triangle's table in Chromium: opened with the keyboard on the screen and on a 320 px phone, axe-clean."""

from urllib.parse import urlparse

import pytest

from widgets.model.sessions import SessionSpec

from . import axe
from .browser import join, place_in_triangle, tab_to

SUMMARY = "el.matches('details.kit-chart-table > summary')"


@pytest.fixture(scope="module")
def axe_script():
    return axe.install()


def open_table_with_the_keyboard(page) -> list:
    """Tab to the table's summary, open it with Enter: the rows as a reader sees them."""
    details = page.locator("details.kit-chart-table").first
    assert details.locator("table").first.is_hidden()  # folded until asked for
    tab_to(page, SUMMARY)
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None
    table = details.locator("table").first  # the scores per person (then the means)
    assert table.is_visible()
    return [row.inner_text().split("\t") for row in table.locator("tr").all()]


def test_the_triangle_table_on_the_screen_and_on_a_small_phone(kit, kit_store, watched, axe_script):
    spec = SessionSpec(title="Woonvisie 2030", topic="wonen", language="nl", activities=("driehoek",))
    session, key = kit_store.create_session(spec)
    kit_store.set_activity_open(session.id, "driehoek", True)
    # five of each group, so the disclosure rule (k = 5) lets the screen and the phone draw every group's places
    for group, place in (("ambtelijk", (9, 2, 4)), ("inwoner", (3, 6, 3))):
        for _ in range(5):  # the phone below is a sixth resident
            someone = kit_store.join(session.code, group)
            scores = dict(zip(("willen", "mogen", "kunnen"), place, strict=True))
            kit_store.submit(someone.token, "driehoek", {"plaats": scores})
    kit_store.set_state(session.id, "driehoek", "reveal", True)

    # axe's inline script needs the Content-Security-Policy bypassed (as in test_accessibility_browser)
    projector = watched(viewport={"width": 1920, "height": 1080}, bypass_csp=True)
    projector.context.add_cookies(
        [{"name": f"kit_f_{session.code}", "value": key, "domain": urlparse(kit.url).hostname, "path": "/"}]
    )
    screen = projector.new_page()
    screen.goto(f"{kit.url}kit/{session.code}/scherm")
    screen.wait_for_selector(".kit-screen-results-body svg.kit-triangle")
    rows = open_table_with_the_keyboard(screen)
    assert rows == [
        ["Groep", "willen", "mogen", "kunnen"],
        *[["Ambtelijk", "9", "2", "4"]] * 5,
        *[["Inwoner", "3", "6", "3"]] * 5,
    ]
    found = axe.violations(screen, axe_script)
    assert not found, axe.report(found)

    phone = watched(viewport={"width": 320, "height": 640}, bypass_csp=True)
    page = join(phone, kit, session.code, "Inwoner")
    page.goto(f"{kit.url}kit/{session.code}/driehoek")
    place_in_triangle(page, willen=3, mogen=6, kunnen=3)
    page.wait_for_selector("[data-kit-results] details.kit-chart-table")
    rows = open_table_with_the_keyboard(page)
    ambtelijk = [[str(n), "9", "2", "4"] for n in range(1, 6)]
    assert rows[1:7] == [["Ambtelijk"], *ambtelijk] and rows[7] == ["Inwoner"]
    inwoner = rows[8:]  # six, the phone's own among them, each numbered or "u"
    assert [r[1:] for r in inwoner] == [["3", "6", "3"]] * 6 and [r[0] for r in inwoner].count("u") == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # the open table fits the phone
    found = axe.violations(page, axe_script)
    assert not found, axe.report(found)
