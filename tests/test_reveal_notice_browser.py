"""A reveal reaches the eye: a phone on a long form hears and sees at the top that the room's results are shown,
the notice takes it to them, and a phone that answers while they are shown lands on them."""

from . import axe
from .browser import join

SMALL = {"width": 375, "height": 667}
NOTICE = "[data-kit-reveal-notice] a"


def in_viewport(page, selector):
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] < page.viewport_size["height"]


def test_a_phone_on_a_long_form_is_told_of_the_results_live_and_taken_to_them(kit, watched, new_session, kit_store):
    session = new_session(activities=("raadsenquete",))
    phone = join(watched(viewport=SMALL, bypass_csp=True), kit, session.code, "Inwoner")
    phone.goto(f"{kit.url}kit/{session.code}/raadsenquete")
    phone.wait_for_selector("main form", timeout=10_000)
    assert phone.evaluate("document.documentElement.scrollHeight") > 3 * SMALL["height"]  # a long form
    assert phone.locator(NOTICE).count() == 0 and phone.locator("#uitkomsten").count() == 0

    kit_store.set_state(session.id, "raadsenquete", "reveal", True)
    phone.wait_for_selector(NOTICE, timeout=5_000)  # live, without a reload
    notice = phone.locator(NOTICE)
    assert notice.inner_text() == "De uitkomsten van de groep staan hieronder"
    assert notice.evaluate("a => a.closest('[aria-live]').getAttribute('aria-live')") == "polite"
    assert in_viewport(phone, NOTICE)  # at the top, where the phone is
    assert not in_viewport(phone, "#uitkomsten")  # the results are far below the form

    found = axe.violations(phone, axe.install())
    assert found == [], axe.report(found)

    notice.click()
    phone.wait_for_function("location.hash === '#uitkomsten'")
    assert in_viewport(phone, "#uitkomsten")
    assert phone.evaluate("document.activeElement.id") == "uitkomsten"


def test_a_phone_that_answers_while_results_are_shown_lands_on_them(kit, watched, new_session, kit_store):
    session = new_session(activities=("raadsenquete",))
    kit_store.set_state(session.id, "raadsenquete", "reveal", True)
    phone = join(watched(viewport=SMALL), kit, session.code, "Inwoner")
    phone.goto(f"{kit.url}kit/{session.code}/raadsenquete")
    phone.wait_for_selector(NOTICE, timeout=10_000)  # drawn by the server when the page is opened
    assert phone.evaluate("window.scrollY") == 0  # an ordinary load stays at the top
    phone.locator(".kit-form-raadsenquete input[type=radio] + label").first.click()
    phone.locator(".kit-form-raadsenquete button[type=submit]").click()
    phone.wait_for_url(lambda url: url.endswith("/raadsenquete?ok=saved#uitkomsten"), timeout=10_000)
    phone.wait_for_selector("#uitkomsten", timeout=10_000)
    assert in_viewport(phone, "#uitkomsten")
