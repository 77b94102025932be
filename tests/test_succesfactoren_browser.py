"""Succesfactoren in Chromium: a 320 px phone answers with the keyboard and a tap, axe finds nothing (form and
revealed results), and the facilitator's dashboard shows the room's split next to the book's count."""

from widgets.model.sessions import SessionSpec

from . import axe
from .browser import LOAD, join, tab_to

ACTIVITY = "succesfactoren"
FORM = "form.kit-form-succesfactoren"
WIDTH, HEIGHT = 320, 568


def test_a_phone_answers_by_keyboard_axe_is_clean_and_the_dashboard_shows_the_figures(kit, kit_store, watched):
    script = axe.install()
    session, key = kit_store.create_session(
        SessionSpec(title="Raad Gouda", topic="lokale democratie", municipality="Gouda", activities=(ACTIVITY,))
    )
    kit_store.set_activity_open(session.id, ACTIVITY, True)
    # axe is injected as an inline script, which the pages' CSP would block (see test_accessibility_browser)
    phone = join(watched(viewport={"width": WIDTH, "height": HEIGHT}, bypass_csp=True), kit, session.code, "Inwoner")
    phone.goto(f"{kit.url}kit/{session.code}/{ACTIVITY}")
    phone.wait_for_selector(FORM, timeout=10_000)
    found = axe.violations(phone, script)
    assert not found, axe.report(found)
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH

    # keyboard only: Space picks the first answer (geldt niet), two arrows move on (grotendeels)
    tab_to(phone, "el.name === 'd2'")
    phone.keyboard.press("Space")
    phone.keyboard.press("ArrowRight")
    phone.keyboard.press("ArrowRight")
    assert phone.evaluate("document.activeElement.value") == "grotendeels"
    phone.get_by_text("Weet ik niet").nth(10).click()  # a tap: 'weet ik niet' on the eleventh factor
    tab_to(phone, "el.type === 'submit'")
    phone.keyboard.press("Enter")
    phone.wait_for_selector("text=Uw antwoorden zijn opgeslagen.", timeout=10_000)
    mine = {a.item: a.value for a in kit_store.answers(session.id, ACTIVITY)}
    assert mine == {"d2": "grotendeels", "d11": "weet_niet"}
    for size in (c.bounding_box() for c in phone.locator(f"{FORM} .kit-choice label").all()):
        assert size["height"] >= 44 and size["width"] >= 44

    for n in range(9):  # five civil servants say fully, four more residents partly: groups of five for the rule
        other = kit_store.join(session.code, "ambtelijk" if n < 5 else "inwoner")
        kit_store.submit(other.token, ACTIVITY, {"d2": "volledig" if n < 5 else "deels"})
    kit_store.set_state(session.id, ACTIVITY, "reveal", True)
    phone.reload()
    phone.wait_for_selector(f'[data-kit-results] [data-kit-block="{ACTIVITY}"]', timeout=10_000)
    found = axe.violations(phone, script)
    assert not found, axe.report(found)
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH  # cards, no wide tables
    assert phone.locator("[data-kit-results] table").count() == 0
    assert "Veranker het thema stevig" in phone.locator(f'[data-kit-block="{ACTIVITY}-suggesties"]').inner_text()

    dashboard = watched().new_page()
    dashboard.goto(kit.render_url("workshops/facilitator.ipynb", f"sessie={session.code}&sleutel={key}"))
    room = '.kit-succes-dashboard-results table[data-kit-item="d2"] tr[data-kit-group="*"]'
    dashboard.wait_for_selector(room, state="attached", timeout=LOAD)
    # d2 of 10: geldt niet 0, deels 4, grotendeels 1 (this phone), volledig 5
    assert dashboard.locator(f"{room} td").all_text_contents() == ["0%", "40%", "10%", "50%", "10", "0"]
    label = dashboard.locator('.kit-succes-dashboard-results table[data-kit-item="d2"] caption').inner_text()
    assert "landelijk 12×" in label  # Box 4.5 prints 12x for the second factor
