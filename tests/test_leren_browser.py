"""Wat leren we nu? in Chromium: a 320 px phone sends its group's success and what it tries differently by
keyboard alone (axe-clean, nothing wider than the screen, no word of a label broken), a refusal says in
Dutch which field is missing, and the revealed results name the folded groups as participants see them; on the
released results page it reads its own two texts at 320 px."""

from widgets.model.results import RELEASED, RESULTS

from . import axe
from .browser import broken_words, join, tab_to
from .looking import broken_tokens, horizontal_overflow, visible_tags

WIDTH, HEIGHT = 320, 568
FORM = "form.kit-form-leren"


def assert_fits(page, where):
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= WIDTH, f"{where}: {width} px wide on a {WIDTH} px screen"


def assert_axe_clean(page, script, where):
    found = axe.violations(page, script)
    assert not found, f"axe on wat leren we nu ({where}):\n{axe.report(found)}"


def test_a_small_phone_sends_its_lesson_by_keyboard(kit, kit_store, watched, new_session, crowd):
    script = axe.install()
    session = new_session(activities=("leren",))
    # axe is injected as a script tag, which the pages' CSP would block (see test_accessibility_browser)
    phone = join(watched(viewport={"width": WIDTH, "height": HEIGHT}, bypass_csp=True), kit, session.code, "Inwoner")
    phone.goto(f"{kit.url}kit/{session.code}/leren")
    phone.wait_for_selector(FORM)
    assert_axe_clean(phone, script, "the empty form")
    assert broken_words(phone, "h1, label") == []
    assert_fits(phone, "the empty form")

    tab_to(phone, "el.id === 'succes'")
    phone.keyboard.type("De buurtavonden in de kernen")
    tab_to(phone, "el.type === 'submit'", limit=3)
    phone.keyboard.press("Enter")  # the second field is empty: refused in Dutch, what was typed stays
    phone.wait_for_selector(".kit-error-summary")
    assert phone.inner_text("#anders-error").endswith("Wat u anders gaat proberen is verplicht.")
    assert phone.input_value("#succes") == "De buurtavonden in de kernen"
    assert_axe_clean(phone, script, "the refusal")
    assert_fits(phone, "the refusal")
    assert kit_store.answers(session.id, "leren") == []

    phone.focus("#anders")
    phone.keyboard.type("Eerder de huurders vragen, niet pas aan het eind")
    tab_to(phone, "el.type === 'submit'", limit=3)
    phone.keyboard.press("Enter")
    phone.wait_for_selector("text=Uw antwoord is opgeslagen.")
    saved = phone.inner_text("[data-kit-saved]")
    assert "Eerder de huurders vragen, niet pas aan het eind" in saved
    assert_fits(phone, "saved")

    # four more Inwoners say the same: a group of five shows under its own name once revealed
    me = kit_store.answers(session.id, "leren")[0]
    crowd(session, me.group, "leren", {"les": me.value}, n=4)
    kit_store.set_state(session.id, "leren", "reveal", True)
    phone.reload()
    results = phone.locator("#uitkomsten")
    results.wait_for()
    assert "Inwoner: Een succes om op voort te bouwen" in results.inner_text()
    assert results.locator('[data-kit-item="succes-0"]').first.get_attribute("data-kit-count") == "5"
    assert_axe_clean(phone, script, "the revealed results")
    assert_fits(phone, "the revealed results")


def test_a_small_phone_reads_its_own_texts_on_the_results_page(kit, kit_store, watched, new_session):
    session = new_session(activities=("leren",))
    phone = join(watched(viewport={"width": WIDTH, "height": HEIGHT}, bypass_csp=True), kit, session.code, "Inwoner")
    phone.goto(f"{kit.url}kit/{session.code}/leren")
    phone.fill("#succes", "Het wijkpanel dat elke maand in een andere kern samenkomt")
    phone.fill("#anders", "Ambtenaarsjargon vermijden in uitnodigingsbrieven")
    phone.click("button[type=submit]")
    phone.wait_for_selector("text=Uw antwoord is opgeslagen.")
    kit_store.set_state(session.id, RESULTS, RELEASED, True)
    phone.goto(f"{kit.url}kit/{session.code}/resultaten")
    own = phone.locator('[data-kit-activity="leren"]')
    own.wait_for()
    assert "Het wijkpanel dat elke maand in een andere kern samenkomt" in own.inner_text()
    assert "Ambtenaarsjargon vermijden in uitnodigingsbrieven" in own.inner_text()
    assert horizontal_overflow(phone) == []
    assert broken_tokens(phone) == [] and visible_tags(phone) == []
    assert_axe_clean(phone, axe.install(), "the results page")
