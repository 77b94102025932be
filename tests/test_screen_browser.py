"""The two screens of a tafel in Chromium: the control page on the laptop, the presentation screen on the projector.

Sizes are measured on elements (font sizes, boxes, overflow), never on screenshots.
"""

import re

from playwright.sync_api import expect

from .browser import LOAD, join, place_in_triangle, rate, show_tab

# Elements whose text would be cut off if their box were narrower than their content.
CUT_OFF = """(selector) => Array.from(document.querySelectorAll(selector))
  .filter(e => !e.closest('.kit-visually-hidden'))
  .filter(e => e.offsetParent !== null && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 2)
               && getComputedStyle(e).overflow !== 'visible' || (e.offsetParent !== null
               && getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1))
  .map(e => e.textContent.trim().slice(0, 60))"""
CONTROL_LABELS = (
    ".kit-facilitator button, .kit-facilitator .widget-label, .kit-facilitator .widget-label-basic, "
    ".kit-facilitator .widget-checkbox label, .kit-facilitator a.kit-download"
)


def smallest_text(page) -> float:
    """The smallest font size (px) of any visible text on the page."""
    return page.evaluate("""() => {
      let least = Infinity;
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walk.nextNode()) {
        const node = walk.currentNode, el = node.parentElement;
        if (!node.textContent.trim() || !el.offsetParent || el.closest('.kit-visually-hidden, .kit-header')) continue;
        least = Math.min(least, parseFloat(getComputedStyle(el).fontSize));
      }
      return least;
    }""")


def fits_the_viewport(page) -> dict:
    return page.evaluate("""() => ({
      sideways: document.documentElement.scrollWidth - window.innerWidth,
      below: Math.max(...Array.from(document.querySelectorAll('.kit-screen-join > *, .kit-screen-question'))
                        .map(e => e.getBoundingClientRect().bottom)) - window.innerHeight})""")


# Fold-outs (a chart's table) in sight: on the projector they wait off screen for the keyboard.
FOLD_OUTS_IN_SIGHT = """() => Array.from(document.querySelectorAll('main details'))
  .filter(e => { const box = e.getBoundingClientRect(); return box.right > 0 && box.width > 2; }).length"""


def check_projected(screen, key):
    """What the room sees: big code and QR, large text, nothing cut off, nothing of the facilitator's.

    Until someone joins the QR code is at least half the screen's height (the room finds it from the back);
    then how to join is a strip along the top and its QR code an eighth.
    """
    height = screen.viewport_size["height"]
    compact = screen.locator(".kit-screen-compact").count() > 0
    qr = screen.locator(".kit-screen-qr").bounding_box()  # the code is drawn square, as large as its box allows
    assert min(qr["width"], qr["height"]) >= height / (8 if compact else 2)
    assert float(screen.locator("[data-kit-join-code]").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 48
    if screen.viewport_size["width"] >= 1920:
        assert smallest_text(screen) >= 28
    assert fits_the_viewport(screen)["sideways"] <= 0
    assert screen.evaluate(CUT_OFF, ".kit-screen *") == []
    html = screen.content()
    assert key not in html
    assert screen.locator("main button, main input, main textarea, main select").count() == 0
    assert screen.locator("a:not(.kit-skip)").count() == 0  # no language switch: nothing to click on a projector
    assert screen.evaluate(FOLD_OUTS_IN_SIGHT) == 0
    for facilitator_only in ("Wat u zegt", "Sessie verwijderen", "Facilitatorsleutel", "samenvoegen"):
        assert facilitator_only not in html


def press(page, key):
    page.locator("h1").first.click()  # out of any field: shortcuts work only when not typing
    page.keyboard.press(key)


def test_control_page_and_presentation_screen_through_a_tafel(kit, watched):
    laptop = watched(viewport={"width": 1280, "height": 720})
    control = laptop.new_page()
    control.goto(kit.render_url("workshops/publieke-waarde-tafel.ipynb"))
    control.wait_for_selector(".kit-f-title input", timeout=LOAD)
    assert "Het draaiboek in het kort" in control.inner_text(".kit-tafel-preview")  # before a session exists
    assert control.locator(".kit-tafel-preview li").count() == 8  # seven steps of the book, then "Wat leren we nu?"
    control.fill(".kit-f-title input", "Woonvisie 2030")
    control.fill(".kit-f-municipality input", "Gouda")
    control.get_by_role("button", name="Sessie aanmaken").click()
    control.wait_for_selector(".kit-tafel-step", timeout=20_000)
    code = control.inner_text("[data-kit-join-code]").strip()
    key = control.locator(".kit-facilitator code").last.inner_text().strip()
    assert control.evaluate(CUT_OFF, CONTROL_LABELS) == []

    with control.expect_popup() as popup:  # the screen opens in a second window, unlocked by the cookie
        control.locator("a[data-kit-screen]").click()
    screen = popup.value
    screen.set_viewport_size({"width": 1920, "height": 1080})
    screen.wait_for_selector("[data-kit-join-code]")
    assert screen.inner_text("[data-kit-join-code]") == code
    assert screen.inner_text(".kit-screen-step") == "Stap 1 van 8: Welkom en aanmelden"
    check_projected(screen, key)

    people = [join(watched(), kit, code, group) for group in ("Ambtelijk", "Inwoner", "Inwoner")]
    expect(screen.locator(".kit-count-total")).to_have_text("3", timeout=5_000)  # live, no reload
    assert screen.locator(".kit-screen-compact").count() == 1  # people joined: how to join is a strip now

    # → moves the run sheet, S starts the step: the screen shows the question in large type
    press(control, "ArrowRight")
    control.wait_for_selector('.kit-tafel-step [data-kit-step="palet"]', timeout=10_000)
    press(control, "ArrowRight")
    press(control, "ArrowRight")
    control.wait_for_selector('.kit-tafel-step [data-kit-step="beoordelen"]', timeout=10_000)
    press(control, "s")
    screen.wait_for_selector('[data-kit-activity="beoordelen"] .kit-screen-question', timeout=5_000)
    assert "Geef een rapportcijfer" in screen.inner_text(".kit-screen-question")
    assert re.match(r"Stap 4 van 8", screen.inner_text(".kit-screen-step"))
    check_projected(screen, key)
    expect(control.locator(".kit-bar-activity strong")).to_have_text("Beoordelen", timeout=5_000)  # its tab in view
    row = control.locator(".kit-activity-row").filter(visible=True)
    expect(row).to_contain_text("Open voor deelnemers · resultaten niet getoond", timeout=5_000)

    for i, page in enumerate(people):
        rate(page, 6 + i, [5 + i])
    expect(screen.locator(".kit-screen-answered")).to_have_text(re.compile("^3 van de 3"), timeout=5_000)
    assert screen.locator(".kit-results-table").count() == 0  # nothing shown before the facilitator reveals

    press(control, "r")  # R reveals the open activity's results on the phones and the screen
    screen.wait_for_selector(".kit-screen-results-body .kit-results-table", timeout=5_000)
    control.wait_for_function(
        "document.querySelector('.kit-facilitator').innerText.includes("
        "'Open voor deelnemers · resultaten getoond op telefoons en scherm')",
        timeout=5_000,
    )
    check_projected(screen, key)
    screen.set_viewport_size({"width": 1280, "height": 720})
    check_projected(screen, key)
    screen.set_viewport_size({"width": 1920, "height": 1080})

    press(control, "ArrowRight")
    control.wait_for_selector('.kit-tafel-step [data-kit-step="driehoek"]', timeout=10_000)
    press(control, "s")
    screen.wait_for_selector('[data-kit-activity="driehoek"]', timeout=5_000)
    assert screen.locator('[data-kit-activity="beoordelen"]').count() == 0  # the previous step closed
    for page in people:
        place_in_triangle(page)
    press(control, "r")
    screen.wait_for_selector(".kit-screen-results-body svg.kit-triangle", timeout=5_000)
    check_projected(screen, key)
    triangle = screen.locator("svg.kit-triangle").bounding_box()
    assert triangle["height"] >= 0.4 * 1080  # the chart scales with the screen
    assert control.evaluate(CUT_OFF, CONTROL_LABELS) == []


def test_control_page_in_english_cuts_no_label(kit, watched):
    control = watched(viewport={"width": 1280, "height": 720}).new_page()
    control.goto(kit.render_url("workshops/facilitator.ipynb", "lang=en"))
    control.wait_for_selector(".kit-f-title input", timeout=LOAD)
    control.fill(".kit-f-title input", "Housing vision")
    control.get_by_role("button", name="Create session").click()
    control.wait_for_selector("[data-kit-join-code]", timeout=20_000)
    control.wait_for_selector(".kit-activity-row", timeout=10_000)
    assert control.evaluate(CUT_OFF, CONTROL_LABELS) == []
    assert "Open to participants: no" in control.inner_text(".kit-control-bar")
    assert "Closed to participants" in control.inner_text(".kit-activity-row")  # the tab says it in words too
    show_tab(control, "Session")
    control.wait_for_selector("a.kit-download", timeout=10_000)
    assert control.evaluate(CUT_OFF, CONTROL_LABELS) == []
    button = control.locator("a.kit-download").first
    assert button.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"  # looks like a button
    assert button.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
