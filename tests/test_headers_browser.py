"""The Voila pages under their Content-Security-Policy, and the facilitator cookie no script can read.

The ``watched`` context fails a test on any console error, and Chromium reports every blocked inline
script, style or eval there: the pages working with no error is what shows the policy fits them.
"""

import time

from .browser import LOAD, create_session, open_activity, open_facilitator, show_tab

DRAWN = "() => window.Bokeh && window.Bokeh.documents.length > 0"  # BokehJS ran (an eval) and drew a figure


def facilitator_cookie(context, code, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [c for c in context.context.cookies() if c["name"] == f"kit_f_{code}"]
        if found:
            return found[0]
        time.sleep(0.05)
    return None


def test_the_dashboard_hands_its_key_to_the_server_and_works_under_its_policy(kit, watched):
    context = watched()
    page = open_facilitator(context, kit)
    code = create_session(page, activities=["Waardenpalet", "Beoordelen"])
    cookie = facilitator_cookie(context, code)
    assert cookie is not None, "the dashboard's key never became a cookie"
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert "kit_f_" not in page.evaluate("document.cookie")  # no script reads it, this page's included

    open_activity(page, "Beoordelen")  # BokehJS and its charts, under the policy
    page.wait_for_function(DRAWN, timeout=LOAD)
    assert page.locator(".kit-facilitator canvas").count() > 0

    screen = context.new_page()  # the presentation screen opens with the cookie, no key typed
    screen.goto(f"{kit.url}kit/{code}/scherm")
    assert screen.locator("[data-kit-join-code], .kit-screen-code, h1").count() > 0
    assert screen.locator("input#key").count() == 0
    screen.close()  # before the session is deleted below (its live stream would then answer 404)

    page.reload()  # the dashboard reopens from the cookie (the kernel reads the Cookie header)
    page.wait_for_selector("[data-kit-join-code]", timeout=LOAD)
    assert page.inner_text("[data-kit-join-code]").strip() == code

    show_tab(page, "Sessie")
    page.get_by_label("Ik weet het zeker: alle gegevens van deze sessie verwijderen").check()
    page.get_by_role("button", name="Sessie verwijderen").click()
    deadline = time.monotonic() + 5
    while facilitator_cookie(context, code, timeout=0.1) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert facilitator_cookie(context, code, timeout=0.1) is None  # deleted session: the cookie is gone


def test_the_start_page_and_a_lesson_with_charts_work_under_the_policy(kit, watched):
    page = watched().new_page()
    page.goto(f"{kit.url}?lang=en")  # the root sends the browser on, by a script from a file
    page.wait_for_url("**/voila/render/start.ipynb?lang=en", timeout=LOAD)
    page.wait_for_selector(".kit-card, h1", timeout=LOAD)
    lesson = watched().new_page()
    reply = lesson.goto(kit.render_url("lessons/03-beleid-beoordelen.ipynb"))
    assert "'unsafe-inline'" not in reply.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    lesson.wait_for_function(DRAWN, timeout=LOAD)
    assert lesson.locator("canvas").count() > 0
