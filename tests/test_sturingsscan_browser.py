"""Sturingsscan in Chromium: a 320 px phone answers an element screen with the keyboard and a tap, axe finds
nothing (form and revealed results), and the facilitator's dashboard shows the shares and the 49."""

from widgets.model.sessions import SessionSpec

from . import axe
from .browser import LOAD, choose_with_keyboard, join, tab_to

FORM = "form.kit-form-sturingsscan"
WIDTH, HEIGHT = 320, 568


def test_a_phone_answers_by_keyboard_axe_is_clean_and_the_dashboard_shows_the_figures(kit, kit_store, watched, crowd):
    script = axe.install()
    session, key = kit_store.create_session(
        SessionSpec(title="Scan Gouda", topic="wonen", municipality="Gouda", activities=("sturingsscan",))
    )
    kit_store.set_activity_open(session.id, "sturingsscan", True)
    # axe is injected as an inline script, which the pages' CSP would block (see test_accessibility_browser)
    phone = join(watched(viewport={"width": WIDTH, "height": HEIGHT}, bypass_csp=True), kit, session.code, "Inwoner")
    phone.goto(f"{kit.url}kit/{session.code}/sturingsscan")
    phone.wait_for_selector(FORM, timeout=10_000)
    assert phone.inner_text(".kit-progress") == "Stap 1 van 4"
    found = axe.violations(phone, script)
    assert not found, axe.report(found)
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH

    # keyboard only: Space picks 1 and the arrows move on; then a tap on 'weet ik niet' of the last statement
    for name, value in (("beleid_pa_1", 5), ("beleid_npm_1", 3), ("beleid_npg_1", 2), ("beleid_sr_1", 1)):
        choose_with_keyboard(phone, name, value)
    phone.get_by_text("Weet ik niet").nth(7).click()
    tab_to(phone, "el.type === 'submit'")
    phone.keyboard.press("Enter")
    phone.wait_for_selector("text=Stap 2 van 4", timeout=10_000)
    mine = {a.item: a.value for a in kit_store.answers(session.id, "sturingsscan")}
    assert mine == {
        "beleid_pa_1": 5,
        "beleid_npm_1": 3,
        "beleid_npg_1": 2,
        "beleid_sr_1": 1,
        "beleid_sr_2": "weet_niet",
    }
    for size in (c.bounding_box() for c in phone.locator(f"{FORM} .kit-choice label").all()):
        assert size["height"] >= 44 and size["width"] >= 44

    theirs = {"beleid_pa_1": 1, "beleid_npm_1": 5, "beleid_npg_1": 5, "beleid_sr_1": 3}
    kit_store.submit(kit_store.join(session.code, "ambtelijk").token, "sturingsscan", theirs)
    # four more of each group answer alike: five each, so the disclosure rule (k = 5) shows both groups
    crowd(session, "ambtelijk", "sturingsscan", theirs)
    crowd(session, "inwoner", "sturingsscan", mine)
    kit_store.set_state(session.id, "sturingsscan", "reveal", True)
    phone.reload()
    phone.wait_for_selector('[data-kit-results] [data-kit-block="sturingsscan-shares"]', timeout=10_000)
    found = axe.violations(phone, script)
    assert not found, axe.report(found)
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH  # cards, no wide tables
    phone.goto(f"{kit.url}kit/{session.code}/sturingsscan/klaar")  # the list of elements and the own distribution
    phone.wait_for_selector('[data-kit-sturing="mine"]', timeout=10_000)
    found = axe.violations(phone, script)
    assert not found, axe.report(found)
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH

    dashboard = watched().new_page()
    dashboard.goto(kit.render_url("workshops/facilitator.ipynb", f"sessie={session.code}&sleutel={key}"))
    figures = ".kit-sturing-dashboard-results"
    room = f'{figures} [data-kit-block="sturingsscan-shares"] td[data-kit-category="pa"]'
    dashboard.wait_for_selector(room, state="attached", timeout=LOAD)
    # Inwoner: points 4, 2, 1, 0 -> 57.1 / 28.6 / 14.3 / 0; Ambtelijk 0, 4, 4, 2 -> 0 / 40 / 40 / 20
    assert dashboard.locator(room).all_text_contents() == ["0,0%", "57,1%", "28,6%"]  # Ambtelijk, Inwoner, room
    widest = dashboard.locator(f'{figures} [data-kit-block="sturingsscan-elements"] tr.kit-block-strong th')
    assert widest.all_text_contents() == ["Beleid"]
    nearest = dashboard.locator(f"{figures} .kit-block-intro").all_inner_texts()
    assert any(line.startswith("Dichtstbijzijnde gemeente:") for line in nearest)
