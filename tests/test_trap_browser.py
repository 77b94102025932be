"""Participatietrap nu en straks in Chromium: a 320 px phone answers with the keyboard (axe-clean, refusal
included, and with the room's results shown as cards) and the dashboard shows the figures."""

from widgets.model.sessions import SessionSpec

from . import axe
from .browser import LOAD, join

FORM = "form.kit-form-trap"
WIDTH = 320


def assert_axe_clean(page, script, where):
    found = axe.violations(page, script)
    assert not found, f"axe on the trap ({where}):\n{axe.report(found)}"


def test_a_phone_answers_by_keyboard_and_the_dashboard_shows_the_gap(kit, kit_store, watched):
    script = axe.install()
    session, key = kit_store.create_session(
        SessionSpec(title="Omgevingsvisie", topic="wonen", municipality="Ede", activities=("trap",))
    )
    kit_store.set_activity_open(session.id, "trap", True)
    phone = join(
        watched(viewport={"width": WIDTH, "height": 640}, bypass_csp=True), kit, session.code, "Inwoner"
    )  # bypass_csp: axe is injected as a script tag
    phone.goto(f"{kit.url}kit/{session.code}/trap")
    phone.wait_for_selector(FORM)
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH
    assert_axe_clean(phone, script, "the empty form")

    # only the second question: refused, the summary first, nothing stored
    phone.get_by_label("3. Stimuleren", exact=True).nth(1).focus()
    phone.keyboard.press("Space")
    phone.get_by_role("button", name="Antwoord opslaan").press("Enter")
    phone.wait_for_selector(".kit-error-summary", timeout=10_000)
    assert "Kies waar de gemeente nu staat." in phone.inner_text(".kit-error-summary")
    assert phone.evaluate("document.activeElement.classList.contains('kit-error-summary')")
    assert_axe_clean(phone, script, "a refusal")
    assert kit_store.answers(session.id, "trap") == []

    # the keyboard: into the first group, arrows to the second rung, Tab on to the note
    phone.get_by_label("1. Reguleren", exact=True).first.focus()
    phone.keyboard.press("Space")
    phone.keyboard.press("ArrowDown")
    assert phone.evaluate("document.activeElement.id") == "now-2"
    phone.locator("#note").fill("Meer ruimte voor dorpen")
    phone.get_by_role("button", name="Antwoord opslaan").press("Enter")
    phone.wait_for_selector("text=Uw antwoord is opgeslagen.", timeout=10_000)
    assert phone.locator("[data-kit-saved] li").all_inner_texts()[:2] == ["Nu: 2. Regisseren", "Straks: 3. Stimuleren"]

    other = kit_store.join(session.code, "ambtelijk")
    kit_store.submit(other.token, "trap", {"trede": {"now": 1, "should": 2, "note": ""}})
    kit_store.set_state(session.id, "trap", "reveal", True)
    phone.reload()
    phone.wait_for_selector('[data-kit-results] [data-kit-block="trap-gap"]')
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH  # cards, no table wider than the phone
    assert phone.locator("[data-kit-results] table").count() == 0
    assert_axe_clean(phone, script, "the room's results")

    dashboard = watched().new_page()
    dashboard.goto(kit.render_url("workshops/facilitator.ipynb", f"sessie={session.code}&sleutel={key}"))
    room = '.kit-trap-figures [data-kit-block="trap-gap"] tr[data-kit-row="*"]'
    dashboard.wait_for_selector(room, timeout=LOAD)
    # now (2 + 1) / 2 = 1,5; should (3 + 2) / 2 = 2,5
    # two people: the facilitator sees the figures, marked as not shown to participants (fewer than k = 5)
    assert " ".join(dashboard.inner_text(room).split()) == (
        "Alle deelnemers n=2, niet getoond aan deelnemers 2 1,5 2,5 +1,0 2 0 0"
    )
    # should: stimuleren (3) and regisseren (2), one each of two
    should = '.kit-trap-figures table[data-kit-item="should"] tr[data-kit-group="*"]'
    assert dashboard.inner_text(f'{should} td[data-kit-category="stimuleren"]') == "50%"
    assert dashboard.inner_text(f"{should} td:last-child") == "2"
    assert dashboard.locator("button.kit-bar-reveal").count() == 1  # shown from the bar, the one place for it
