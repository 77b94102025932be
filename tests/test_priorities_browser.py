"""Prioriteren in Chromium: a live counter and steppers on a 320 px phone, a refusal that keeps the numbers,
a ranking on the dashboard, and the same page with JavaScript off."""

from .browser import add_value, create_session, join, open_activity, open_facilitator

FORM = "form.kit-form-prioriteren"
WIDTH, HEIGHT = 320, 568


def box(page, label):
    return page.get_by_label(label, exact=True)


def counter(page):
    return page.inner_text(f"{FORM} [data-kit-counter]").strip()


def test_points_are_counted_while_typing_stepped_refused_kept_and_ranked(kit, watched, kit_store):
    facilitator = open_facilitator(watched(), kit)
    code = create_session(facilitator, activities=["Waardenpalet", "Prioriteren"])
    phone = join(watched(viewport={"width": WIDTH, "height": HEIGHT}), kit, code, "Inwoner")
    open_activity(facilitator, "Waardenpalet")
    add_value(phone, "Betaalbaarheid", "individueel, materieel")
    add_value(phone, "Groen", "collectief, immaterieel")
    session = kit_store.session_by_code(code)
    other = kit_store.join(code, "ambtelijk")
    kit_store.submit(
        other.token,
        "palet",
        {
            str(i): {"text": text, "cell": "collectief.proces"}
            for i, text in enumerate(["Inspraak", "Transparantie", "Rechtvaardigheid", "Zorgvuldigheid"])
        },
    )
    open_activity(facilitator, "Waardenpalet")  # closed again
    open_activity(facilitator, "Prioriteren")
    phone.wait_for_selector(f"{FORM} .kit-stepper", timeout=10_000)  # the phone follows by itself
    assert phone.locator(f"{FORM} input[data-kit-points]").count() == 6
    assert counter(phone) == "Nog 100 punten te verdelen"

    # the counter follows every keystroke, before anything is sent
    box(phone, "Betaalbaarheid").fill("60")
    assert counter(phone) == "Nog 40 punten te verdelen"
    box(phone, "Groen").press_sequentially("50")
    assert counter(phone) == "10 punten te veel"
    assert "kit-counter-over" in phone.get_attribute(f"{FORM} [data-kit-counter]", "class")
    assert "-10" not in phone.inner_text("main")
    box(phone, "Groen").fill("41")
    assert counter(phone) == "1 punt te veel"
    box(phone, "Groen").fill("39")
    assert counter(phone) == "Nog 1 punt te verdelen"
    box(phone, "Groen").fill("50")

    # the steppers change the number and the count
    less = phone.get_by_role("button", name="5 punten minder: Groen")
    less.click()
    less.click()
    assert box(phone, "Groen").input_value() == "40"
    assert counter(phone) == "Alle 100 punten verdeeld"
    less.click()
    phone.get_by_role("button", name="5 punten meer: Inspraak").click()
    phone.get_by_role("button", name="5 punten minder: Inspraak").click()
    phone.get_by_role("button", name="5 punten minder: Inspraak").click()
    assert box(phone, "Inspraak").input_value() == "0"  # never below zero
    assert counter(phone) == "Nog 5 punten te verdelen"

    # a phone's tap targets, no sideways scrolling, the counter in view while the list is not
    for target in phone.locator(f"{FORM} input[data-kit-points], {FORM} button").all():
        size = target.bounding_box()
        assert size["height"] >= 44 and size["width"] >= 44, target.evaluate("e => e.outerHTML")
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH
    phone.evaluate("window.scrollTo(0, 0)")
    assert box(phone, "Zorgvuldigheid").bounding_box()["y"] > HEIGHT
    shown = phone.locator(f"{FORM} [data-kit-counter]").bounding_box()
    assert 0 <= shown["y"] and shown["y"] + shown["height"] <= HEIGHT
    # Tab to the last field while it is just below the screen: it comes into view above the counter
    last_top = box(phone, "Zorgvuldigheid").evaluate("f => f.getBoundingClientRect().top + window.scrollY")
    phone.get_by_role("button", name="5 punten meer: Transparantie").evaluate(
        "(button, top) => { button.focus({preventScroll: true}); window.scrollTo(0, top); }", last_top - HEIGHT + 2
    )
    phone.keyboard.press("Tab")
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.id") == box(phone, "Zorgvuldigheid").get_attribute("id")
    reached = box(phone, "Zorgvuldigheid").bounding_box()
    shown = phone.locator(f"{FORM} [data-kit-counter]").bounding_box()
    assert reached["y"] + reached["height"] <= shown["y"]

    # 95 is refused: the message first, the numbers as typed, nothing stored
    phone.get_by_role("button", name="Verdeling opslaan").click()
    phone.wait_for_selector(".kit-error-summary", timeout=10_000)
    message = "U heeft 95 van de 100 punten verdeeld. Het totaal moet precies 100 zijn."
    assert message in phone.inner_text(".kit-error-summary")
    assert message in phone.inner_text("#points .kit-error")
    assert phone.evaluate("document.activeElement.classList.contains('kit-error-summary')")
    assert (box(phone, "Betaalbaarheid").input_value(), box(phone, "Groen").input_value()) == ("60", "35")
    assert counter(phone) == "Nog 5 punten te verdelen"
    assert kit_store.answers(session.id, "prioriteren") == []

    phone.get_by_role("button", name="5 punten meer: Groen").click()
    assert counter(phone) == "Alle 100 punten verdeeld"
    phone.get_by_role("button", name="Verdeling opslaan").click()
    phone.wait_for_selector("text=Uw verdeling is opgeslagen.", timeout=10_000)
    assert (box(phone, "Betaalbaarheid").input_value(), box(phone, "Groen").input_value()) == ("60", "40")
    facilitator.wait_for_selector(
        '.kit-prio-ranking tr[data-kit-item="betaalbaarheid"][data-kit-points="60"]', timeout=10_000
    )
    assert ranked(facilitator)[:2] == [["betaalbaarheid", "60"], ["groen", "40"]]

    # JavaScript off: no steppers, the server's counter, the same form
    plain = join(
        watched(viewport={"width": WIDTH, "height": HEIGHT}, java_script_enabled=False), kit, code, "Ambtelijk"
    )
    assert plain.locator(f"{FORM} .kit-stepper").count() == 0
    assert counter(plain) == "Nog 100 punten te verdelen"
    box(plain, "Groen").fill("100")
    box(plain, "Inspraak").fill("20")
    plain.get_by_role("button", name="Verdeling opslaan").click()
    plain.wait_for_selector(".kit-error-summary", timeout=10_000)
    assert counter(plain) == "20 punten te veel"
    assert box(plain, "Inspraak").input_value() == "20"
    box(plain, "Inspraak").fill("")
    plain.get_by_role("button", name="Verdeling opslaan").click()
    plain.wait_for_selector("text=Uw verdeling is opgeslagen.", timeout=10_000)
    assert counter(plain) == "Alle 100 punten verdeeld"
    facilitator.wait_for_selector('.kit-prio-ranking tr[data-kit-item="groen"][data-kit-points="140"]', timeout=10_000)
    assert ranked(facilitator)[:2] == [["groen", "140"], ["betaalbaarheid", "60"]]


def ranked(facilitator):
    return facilitator.locator(".kit-prio-ranking tr[data-kit-item]").evaluate_all(
        "rows => rows.map(r => [r.getAttribute('data-kit-item'), r.getAttribute('data-kit-points')])"
    )
