"""The live loop in Chromium: a facilitator opens a session, three phones join, counts update live."""

import time

from .browser import LOAD, create_session, group_count, join, open_facilitator
from .kit_server import kernel_pids

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


def wait_for_kernels(kit, expected, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        count = len(kernel_pids(kit.process.pid))
        if count == expected:
            return count
        time.sleep(0.5)
    return len(kernel_pids(kit.process.pid))


def test_three_participants_join_and_the_dashboard_counts_them_live(kit, watched):
    fac_context = watched()
    facilitator = open_facilitator(fac_context, kit)
    code = create_session(facilitator, title="Woonvisie <img src=x onerror=window.__pwned=1>")
    assert facilitator.locator("h1").first.inner_text() == "Woonvisie <img src=x onerror=window.__pwned=1>"
    assert "sleutel" not in facilitator.url and f"sessie={code}" in facilitator.url

    phone = join(watched(**PHONE), kit, code.lower(), "Ambtelijk", typed=True)
    second = join(watched(), kit, code, "Ambtelijk", name="Sanne <b>")
    third = join(watched(), kit, code, "Inwoner")
    joined_at = time.monotonic()
    facilitator.wait_for_function(
        "document.querySelector('.kit-count-total') && document.querySelector('.kit-count-total').textContent === '3'",
        timeout=2_000)
    assert time.monotonic() - joined_at < 2.0
    assert group_count(facilitator, "ambtelijk") == "2"
    assert group_count(facilitator, "inwoner") == "1"
    assert group_count(facilitator, "bestuurlijk-politiek") == "0"
    assert "Sanne <b>" in second.locator(".kit-joined").inner_text()

    # the phone layout holds: nothing wider than the screen
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375

    # a reload resumes the same participant and starts no extra kernel
    kernels_before = wait_for_kernels(kit, len(kernel_pids(kit.process.pid)))
    phone.reload()
    phone.wait_for_selector(".kit-joined", timeout=LOAD)
    assert "Ambtelijk" in phone.locator(".kit-joined").inner_text()
    assert wait_for_kernels(kit, kernels_before) == kernels_before
    time.sleep(1.0)
    assert facilitator.inner_text(".kit-count-total") == "3"
    assert facilitator.evaluate("window.__pwned") is None
    third.close()


def test_the_facilitator_dashboard_survives_a_reload_without_the_key_in_the_url(kit, watched):
    context = watched()
    page = open_facilitator(context, kit)
    code = create_session(page)
    page.reload()
    page.wait_for_selector("[data-kit-join-code]", timeout=LOAD)
    assert page.inner_text("[data-kit-join-code]").strip() == code
    assert "sleutel" not in page.url


def test_wrong_code_gets_a_dutch_message(kit, watched):
    page = watched().new_page()
    page.goto(kit.render_url("workshops/deelnemen.ipynb", "sessie=ZZZZZZ"))
    page.wait_for_selector(".kit-message-error", timeout=LOAD)
    assert "Deze sessiecode kennen we niet" in page.inner_text(".kit-message-error")
