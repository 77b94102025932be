"""The live loop in Chromium: a facilitator opens a session, phones join without a kernel, counts update live."""

import time

from .browser import LOAD, create_session, group_count, join, open_activity, open_facilitator, show_tab
from .kit_server import kernel_pids

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


def test_three_participants_join_and_the_dashboard_counts_them_live(kit, watched):
    fac_context = watched()
    facilitator = open_facilitator(fac_context, kit)
    code = create_session(facilitator, title="Woonvisie <img src=x onerror=window.__pwned=1>")
    assert facilitator.locator("h1").first.inner_text() == "Woonvisie <img src=x onerror=window.__pwned=1>"
    assert "sleutel" not in facilitator.url and f"sessie={code}" in facilitator.url
    link = facilitator.inner_text(".kit-link a")
    assert link.endswith(f"/kit/{code}") and "token" not in link
    kernels = len(kernel_pids(kit.process.pid))

    phone = join(watched(**PHONE), kit, code.lower(), "Ambtelijk", typed=True)
    second = join(watched(), kit, code, "Ambtelijk", name="Sanne <b>")
    third = join(watched(), kit, code, "Inwoner")
    joined_at = time.monotonic()
    facilitator.wait_for_function(
        "document.querySelector('.kit-count-total') && document.querySelector('.kit-count-total').textContent === '3'",
        timeout=2_000,
    )
    assert time.monotonic() - joined_at < 2.0
    assert group_count(facilitator, "ambtelijk") == "2"
    assert group_count(facilitator, "inwoner") == "1"
    assert group_count(facilitator, "bestuurlijk-politiek") == "0"
    assert "Sanne <b>" in second.locator(".kit-joined").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375

    # a reload resumes the same participant; no phone ever started a kernel
    phone.reload()
    phone.wait_for_selector(".kit-joined", timeout=LOAD)
    assert "Ambtelijk" in phone.locator(".kit-joined").inner_text()
    assert len(kernel_pids(kit.process.pid)) == kernels
    time.sleep(1.0)
    assert facilitator.inner_text(".kit-count-total") == "3"

    # the phones follow the facilitator within a second: open, close, close the session
    open_activity(facilitator, "Waardenpalet")
    started = time.monotonic()
    for page in (phone, second, third):
        page.wait_for_selector("form.kit-form-palet", timeout=3_000)
    assert time.monotonic() - started < 3.0
    open_activity(facilitator, "Waardenpalet")  # the toggle closes it again
    phone.wait_for_selector(".kit-waiting", timeout=3_000)
    show_tab(facilitator, "Sessie")
    facilitator.locator(".kit-facilitator button", has_text="Sessie sluiten").click()
    second.wait_for_selector("text=De sessie is gesloten", timeout=3_000)
    assert facilitator.evaluate("window.__pwned") is None


def test_the_facilitator_dashboard_survives_a_reload_without_the_key_in_the_url(kit, watched):
    context = watched()
    page = open_facilitator(context, kit)
    code = create_session(page)
    page.reload()
    page.wait_for_selector("[data-kit-join-code]", timeout=LOAD)
    assert page.inner_text("[data-kit-join-code]").strip() == code
    assert "sleutel" not in page.url


def test_wrong_code_gets_a_dutch_message_above_the_field(kit, watched):
    page = watched(**PHONE).new_page()
    page.goto(f"{kit.url}kit/")
    page.fill("#code", "zz zz zz")
    page.keyboard.press("Enter")
    page.wait_for_selector(".kit-error", timeout=5_000)
    assert "Deze sessiecode kennen we niet" in page.inner_text(".kit-error")
    assert page.input_value("#code") == "zz zz zz"
    assert page.evaluate("document.activeElement.classList.contains('kit-error-summary')")


def test_a_change_that_comes_while_the_phone_fetches_the_last_one_is_not_lost(kit, watched, new_session, kit_store):
    """A slow phone (a town hall's wifi) still follows the facilitator's latest step, not the one before it."""
    session = new_session(activities=("palet", "prioriteren"), open=("palet",))
    phone = join(watched(**PHONE), kit, session.code, "Ambtelijk")
    phone.goto(f"{kit.url}kit/{session.code}/palet")
    phone.wait_for_selector("form.kit-form-palet", timeout=LOAD)
    held = []

    def slow(route):
        """The first refresh of the palette's page is answered late; meanwhile Prioriteren opens as well."""
        if held:
            route.continue_()
            return
        held.append(route.request.url)
        answer = route.fetch()  # the page as it was: results shown, one activity open
        kit_store.set_activity_open(session.id, "prioriteren", True)
        time.sleep(1.5)  # the stream tells the phone while this answer is still on its way
        route.fulfill(response=answer)

    phone.route("**/palet", slow)
    kit_store.set_state(session.id, "palet", "reveal", True)  # the phone refreshes ...
    phone.wait_for_selector("nav.kit-also-open a:text-is('Prioriteren')", timeout=5_000)  # ... and then again
    assert held, "the palette's page was not refreshed"
    phone.locator("nav.kit-also-open a").click()
    phone.wait_for_selector("nav.kit-also-open a:text-is('Waardenpalet')", timeout=5_000)  # on Prioriteren now
    assert phone.url.endswith("/prioriteren")
