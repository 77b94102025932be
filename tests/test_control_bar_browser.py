"""The facilitator's control bar in Chromium: a whole session run from the bar alone, by keyboard and by clicker keys.

Opening an activity closes the others, so the phones move with the facilitator; opening a second one is
an explicit choice ("Ook openen (naast ...)") and reaches the phones as a choice between the two.
"""

import pytest

from . import axe
from .browser import LOAD, add_value, also_open, join, open_activity, tab_to

ACTIVITIES = ("Waardenpalet", "Prioriteren", "Beoordelen")


# the element the page scrolls in (Voila's panel, not the document): how far, and where its top is
SCROLLED = """() => {
  const panel = Array.from(document.querySelectorAll('*')).filter((e) => e.scrollTop > 0)
    .sort((a, b) => b.scrollTop - a.scrollTop)[0] || document.documentElement;
  return {by: panel.scrollTop, top: Math.max(0, panel.getBoundingClientRect().top)};
}"""


def bar(page) -> str:
    return page.inner_text(".kit-control-bar")


def current(page, label):
    page.wait_for_selector(f".kit-bar-activity:has(strong:text-is({label!r}))", timeout=10_000)


def press(page, key):
    """A key as a clicker or keyboard sends it, with the focus on the page (not in a field)."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press(key)


@pytest.fixture(scope="module")
def room(kit, browser):
    """A session made on the dashboard with the keyboard alone, and three phones."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    facilitator = context.new_page()
    facilitator.goto(kit.render_url("workshops/facilitator.ipynb"))
    facilitator.wait_for_selector(".kit-f-title input", timeout=LOAD)
    tab_to(facilitator, "el.closest('.kit-f-title')")
    facilitator.keyboard.type("Woonvisie 2030")
    tab_to(facilitator, "el.closest('.kit-f-municipality')")
    facilitator.keyboard.type("Gouda")
    for box in facilitator.locator(".kit-facilitator .widget-checkbox").all():
        name = box.inner_text().strip()
        if box.locator("input").is_checked() != (name in ACTIVITIES):
            tab_to(facilitator, f"el.closest('.widget-checkbox')?.innerText.trim() === {name!r}")
            facilitator.keyboard.press("Space")
    tab_to(facilitator, "el.textContent.trim() === 'Sessie aanmaken'")
    facilitator.keyboard.press("Enter")
    facilitator.wait_for_selector(".kit-control-bar [data-kit-join-code]", timeout=20_000)
    code = facilitator.inner_text("[data-kit-join-code]").strip()
    phones = [join(browser.new_context(), kit, code, group) for group in ("Ambtelijk", "Inwoner", "Inwoner")]
    yield facilitator, phones, code
    for page in (facilitator, *phones):
        page.context.close()


def test_a_whole_session_from_the_control_bar_by_keyboard_and_clicker(room, kit_store):
    facilitator, phones, code = room
    session = kit_store.session_by_code(code)
    order = [kit_store.session(session.id).activities[i] for i in range(3)]
    current(facilitator, "Waardenpalet")
    # the dashboard hears of the joins on its next poll
    facilitator.wait_for_selector(".kit-control-bar:has-text('3 deelnemers')", timeout=5_000)
    assert "Nog geen onderdeel open" in bar(facilitator)

    press(facilitator, "s")  # S opens the activity the bar is at
    for phone in phones:
        phone.wait_for_selector("form.kit-form-palet", timeout=5_000)
    assert kit_store.session(session.id).open_activities == (order[0],)
    for phone, value in zip(phones, ("Betaalbaarheid", "Groen", "Inspraak"), strict=True):
        add_value(phone, value, "individueel, materieel")
    facilitator.wait_for_function(
        "document.querySelector('.kit-bar-activity').innerText.includes('3 deelnemers hebben geantwoord')",
        timeout=5_000,
    )

    press(facilitator, "r")  # R shows the results on the phones and the screen
    facilitator.wait_for_selector(".kit-bar-activity:has-text('Resultaten getoond: ja')", timeout=5_000)
    assert kit_store.state(session.id, order[0]).get("reveal") is True
    press(facilitator, "r")
    facilitator.wait_for_selector(".kit-bar-activity:has-text('Resultaten getoond: nee')", timeout=5_000)

    press(facilitator, "ArrowRight")  # the next activity opens, the first closes: the phones move
    current(facilitator, "Prioriteren")
    for phone in phones:
        phone.wait_for_selector("form.kit-form-prioriteren", timeout=5_000)
    assert kit_store.session(session.id).open_activities == (order[1],)
    assert "Alleen Prioriteren staat nu open" in bar(facilitator)
    assert facilitator.get_by_role("tab", name="Prioriteren", exact=True).get_attribute("aria-selected") == "true"

    press(facilitator, "PageDown")  # a clicker's "next"
    current(facilitator, "Beoordelen")
    for phone in phones:
        phone.wait_for_selector("form.kit-form-beoordelen", timeout=5_000)
    press(facilitator, "PageUp")  # and "previous"
    current(facilitator, "Prioriteren")
    phones[0].wait_for_selector("form.kit-form-prioriteren", timeout=5_000)
    facilitator.reload()  # a reloaded dashboard stands where the room is, so "next" goes on from there
    facilitator.wait_for_selector(".kit-control-bar [data-kit-join-code]", timeout=LOAD)
    current(facilitator, "Prioriteren")
    assert facilitator.get_by_role("tab", name="Prioriteren", exact=True).get_attribute("aria-selected") == "true"
    press(facilitator, "s")  # S again closes it: the phones wait
    phones[0].wait_for_selector(".kit-waiting", timeout=5_000)
    assert kit_store.session(session.id).open_activities == ()


def test_a_second_open_activity_reaches_the_phones_as_a_choice(room, kit_store):
    facilitator, phones, code = room
    session = kit_store.session_by_code(code)
    open_activity(facilitator, "Waardenpalet")
    # the click is the kernel's to handle: the phone goes to the palette once it is open (else it lands on the
    # session's page, which shows the one open activity and, once two are, offers both as cards)
    facilitator.wait_for_selector(".kit-bar-message:has-text('Alleen Waardenpalet staat nu open')", timeout=5_000)
    phone = phones[1]
    phone.goto(phone.url.split("/kit/")[0] + f"/kit/{code}/palet")
    phone.wait_for_selector("form.kit-form-palet", timeout=5_000)
    assert phone.url.endswith("/palet")
    also_open(facilitator, "Prioriteren")
    facilitator.wait_for_selector(".kit-bar-message:has-text('Nu open: Waardenpalet, Prioriteren')", timeout=5_000)
    assert set(kit_store.session(session.id).open_activities) == {"palet", "prioriteren"}
    # the phone on the palette is told, live, that Prioriteren is open too, and gets there in one tap
    phone.wait_for_selector("nav.kit-also-open a:text-is('Prioriteren')", timeout=15_000)
    phone.locator("nav.kit-also-open a").click()
    phone.wait_for_selector("form.kit-form-prioriteren", timeout=5_000)
    assert phone.locator("nav.kit-also-open a").inner_text() == "Waardenpalet"  # and back
    # a phone that arrives on the session's page chooses
    phones[2].goto(phones[2].url.split("/kit/")[0] + f"/kit/{code}")
    phones[2].wait_for_selector(".kit-card-link:text-is('Prioriteren')", timeout=5_000)


def test_the_bar_stays_in_view_and_the_dashboard_passes_axe(room):
    facilitator = room[0]
    facilitator.get_by_role("tab", name="Sessie", exact=True).click()
    facilitator.wait_for_selector(".kit-session-tab .kit-danger-zone", timeout=5_000)
    facilitator.locator(".kit-session-tab .kit-danger-zone").scroll_into_view_if_needed()
    scrolled = facilitator.evaluate(SCROLLED)
    assert scrolled["by"] > 300, scrolled  # Voila's page scrolls in its own panel
    top = facilitator.locator(".kit-control-bar").evaluate("el => el.getBoundingClientRect().top")
    assert abs(top - scrolled["top"]) <= 1, (top, scrolled)  # at the end of the session's tab, the bar is on top
    found = axe.violations(facilitator, axe.install())
    assert found == [], axe.report(found)
    facilitator.get_by_role("tab", name="Waardenpalet", exact=True).click()  # an analysis, with the room's values
    facilitator.wait_for_selector(".kit-dashboard-palet .kit-texts-table", timeout=5_000)
    found = axe.violations(facilitator, axe.install())
    assert found == [], axe.report(found)


def test_keyboard_focus_is_plain_to_see_on_the_bar_and_the_session_tab(room):
    facilitator = room[0]
    facilitator.get_by_role("tab", name="Sessie", exact=True).click()
    facilitator.wait_for_selector(".kit-session-tab .kit-danger-zone", timeout=5_000)
    ring = """() => { const s = getComputedStyle(document.activeElement);
      return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor}; }"""
    for condition in ("el.closest('.kit-control-bar') && el.tagName === 'BUTTON'", "el.closest('.kit-danger-zone')"):
        facilitator.locator("body").click(position={"x": 5, "y": 5})
        tab_to(facilitator, condition, limit=120)
        seen = facilitator.evaluate(ring)
        assert seen["style"] != "none" and seen["width"] >= 2 and seen["color"] == "rgb(26, 26, 26)", seen
