"""Eigen stellingen in Chromium: a 320 px phone scores the facilitator's statements with the keyboard
(axe-clean, refusal included, the list of answers and the room's results) and the dashboard shows the figures."""

from . import axe
from .browser import LOAD, join, open_facilitator, show_tab

FORM = "form.kit-form-eigen"
WIDTH = 320
TEXTS = ["Onze wijkteams werken vanuit de bedoeling", "Inwoners weten ons te vinden"]


def assert_axe_clean(page, script, where):
    found = axe.violations(page, script)
    assert not found, f"axe on eigen stellingen ({where}):\n{axe.report(found)}"


def test_a_phone_scores_by_keyboard_and_the_dashboard_shows_agreement_and_dissent(kit, kit_store, watched):
    script = axe.install()
    # the facilitator ticks Eigen stellingen, which brings its field, and pastes the statements
    facilitator = open_facilitator(watched(), kit)
    facilitator.fill(".kit-f-title input", "Sociaal domein")
    field = facilitator.get_by_label("Eigen stellingen (één per regel, hooguit 12)")
    assert not field.is_visible()
    facilitator.locator(".kit-facilitator .widget-checkbox").filter(has_text="Eigen stellingen").locator(
        "input"
    ).click()
    field.fill("\n".join(TEXTS) + "\n")
    facilitator.get_by_role("button", name="Sessie aanmaken").click()
    facilitator.wait_for_selector("[data-kit-join-code]", timeout=20_000)
    session = kit_store.session_by_code(facilitator.inner_text("[data-kit-join-code]").strip())
    assert "eigen" in session.activities
    assert [s["text"] for s in kit_store.state(session.id, "eigen")["statements"]] == TEXTS
    kit_store.set_activity_open(session.id, "eigen", True)
    phone = join(
        watched(viewport={"width": WIDTH, "height": 640}, bypass_csp=True), kit, session.code, "Inwoner"
    )  # bypass_csp: axe is injected as a script tag
    phone.goto(f"{kit.url}kit/{session.code}/eigen")
    phone.wait_for_selector(FORM)
    assert phone.inner_text("[data-kit-statement=e1]") == TEXTS[0]
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH
    assert_axe_clean(phone, script, "the first statement")

    # the keyboard: a score, arrows to the next, a note too long: refused, the summary first, nothing stored
    phone.get_by_label("7", exact=True).focus()
    phone.keyboard.press("Space")
    phone.keyboard.press("ArrowRight")
    assert phone.evaluate("document.activeElement.id") == "score-8"
    phone.locator("#note").evaluate("el => el.removeAttribute('maxlength')")  # the field stops at 1000; a client
    phone.locator("#note").fill("x" * 1001)  # without that limit is refused by the server, in Dutch
    phone.get_by_role("button", name="Opslaan en verder").press("Enter")
    phone.wait_for_selector(".kit-error-summary", timeout=10_000)
    assert "Toelichting is te lang" in phone.inner_text(".kit-error-summary")
    assert phone.evaluate("document.activeElement.classList.contains('kit-error-summary')")
    assert_axe_clean(phone, script, "a refusal")
    assert kit_store.answers(session.id, "eigen") == []

    phone.locator("#note").fill("Meestal wel")
    phone.get_by_role("button", name="Opslaan en verder").press("Enter")
    phone.wait_for_selector("[data-kit-statement=e2]", timeout=10_000)
    phone.get_by_label("Weet ik niet", exact=True).focus()
    phone.keyboard.press("Space")
    phone.get_by_role("button", name="Opslaan en verder").press("Enter")
    phone.wait_for_selector(".kit-rate-mine", timeout=10_000)
    assert [" ".join(x.split()) for x in phone.locator(".kit-rate-mine li p").all_inner_texts()] == [
        f"Stelling 1: {TEXTS[0]} 8 Meestal wel",
        f"Stelling 2: {TEXTS[1]} Weet ik niet",
    ]
    assert_axe_clean(phone, script, "the list of answers")

    other = kit_store.join(session.code, "ambtelijk")
    kit_store.submit(other.token, "eigen", {"e1": {"score": 8, "note": ""}, "e2": {"score": 3, "note": "Te ver weg"}})
    kit_store.set_state(session.id, "eigen", "reveal", True)
    phone.reload()
    phone.wait_for_selector("[data-kit-results] [data-kit-item=e1]")
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH  # the wide table scrolls in its region
    assert_axe_clean(phone, script, "the room's results")

    dashboard = facilitator  # the dashboard the form opened, refreshed live
    agreed = ".kit-own-figures [data-kit-agreed]"
    show_tab(dashboard, "Eigen stellingen")
    dashboard.wait_for_selector(agreed, timeout=LOAD)
    # e1: 8 and 8 in two groups: (1+1)/(1+2) squared = 0,44, above the floor; e2 has one score only
    assert dashboard.get_attribute(agreed, "data-kit-agreement") == "0.444"
    assert TEXTS[0] in dashboard.inner_text(agreed)
    assert dashboard.inner_text('.kit-own-figures [data-kit-own="e2"]') == TEXTS[1]
    assert "Te ver weg" in dashboard.inner_text('.kit-own-figures .kit-agenda-dissent [data-kit-statement="e2"]')
    assert dashboard.locator("button.kit-bar-reveal").count() == 1  # shown from the bar, the one place for it
