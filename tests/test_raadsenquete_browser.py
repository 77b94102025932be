"""Raadsenquête Village Deals in Chromium: a 320 px phone answers with the keyboard and a tap, axe finds
nothing (form and revealed results), and the facilitator's dashboard shows the room next to Afbeelding 4."""

from widgets.model.sessions import SessionSpec

from . import axe
from .browser import LOAD, join, tab_to

FORM = "form.kit-form-raadsenquete"
WIDTH, HEIGHT = 320, 568


def test_a_phone_answers_by_keyboard_axe_is_clean_and_the_dashboard_shows_the_figures(kit, kit_store, watched):
    script = axe.install()
    session, key = kit_store.create_session(
        SessionSpec(title="Raad Gouda", topic="lokale democratie", municipality="Gouda", activities=("raadsenquete",))
    )
    kit_store.set_activity_open(session.id, "raadsenquete", True)
    # axe is injected as an inline script, which the pages' CSP would block (see test_accessibility_browser)
    phone = join(watched(viewport={"width": WIDTH, "height": HEIGHT}, bypass_csp=True), kit, session.code, "Inwoner")
    phone.goto(f"{kit.url}kit/{session.code}/raadsenquete")
    phone.wait_for_selector(FORM, timeout=10_000)
    found = axe.violations(phone, script)
    assert not found, axe.report(found)
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH

    # keyboard only: Space picks the first choice (eens), an arrow moves on (neutraal); the style likewise
    tab_to(phone, "el.name === 'toegerust'")
    phone.keyboard.press("Space")
    phone.keyboard.press("ArrowRight")
    tab_to(phone, "el.name === 'stijl'")
    phone.keyboard.press("Space")
    for _ in range(3):
        phone.keyboard.press("ArrowRight")
    assert phone.evaluate("document.activeElement.value") == "manager"
    phone.get_by_text("Weet niet").nth(4).click()  # a tap: 'weet niet' on the fifth statement
    tab_to(phone, "el.type === 'submit'")
    phone.keyboard.press("Enter")
    phone.wait_for_selector("text=Uw antwoorden zijn opgeslagen.", timeout=10_000)
    mine = {a.item: a.value for a in kit_store.answers(session.id, "raadsenquete")}
    assert mine == {"toegerust": "neutraal", "dilemma": "weet_niet", "stijl": "manager"}
    for size in (c.bounding_box() for c in phone.locator(f"{FORM} .kit-choice label").all()):
        assert size["height"] >= 44 and size["width"] >= 44

    other = kit_store.join(session.code, "ambtelijk")
    kit_store.submit(other.token, "raadsenquete", {"toegerust": "eens", "stijl": "bewaker"})
    kit_store.set_state(session.id, "raadsenquete", "reveal", True)
    phone.reload()
    phone.wait_for_selector('[data-kit-results] [data-kit-block="raadsenquete"]', timeout=10_000)
    found = axe.violations(phone, script)
    assert not found, axe.report(found)
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH  # cards, no wide tables
    assert phone.locator("[data-kit-results] table").count() == 0

    dashboard = watched().new_page()
    dashboard.goto(kit.render_url("workshops/facilitator.ipynb", f"sessie={session.code}&sleutel={key}"))
    room = '.kit-raad-dashboard-results table[data-kit-item="toegerust"] tr[data-kit-group="*"]'
    dashboard.wait_for_selector(room, state="attached", timeout=LOAD)
    cells = dashboard.locator(f"{room} td").all_text_contents()
    assert cells == ["50%", "50%", "0%", "2", "0"]  # eens 1, neutraal 1 of N=2
    printed = dashboard.locator(
        '.kit-raad-dashboard-results table[data-kit-item="nieuwe_rol"] tr[data-kit-group="boek"] td'
    ).all_text_contents()
    assert printed == ["86%", "–", "–", "43", "–"]  # the book prints only 'eens', and no 'weet niet'
    styles = '.kit-raad-dashboard-results [data-kit-block="raadsenquete-stijl"] tr[data-kit-group="*"] td'
    assert dashboard.locator(styles).all_text_contents() == ["50%", "0%", "0%", "50%", "2"]  # bewaker 1, manager 1
    assert dashboard.locator(".kit-raad-dashboard-results .kit-method").count() == 1
