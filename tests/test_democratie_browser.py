"""Democratische waarden (Tabel 4.2) in Chromium: a 320 px phone answers the six values with the keyboard alone
(axe-clean, nothing wider than the screen, no word of a question broken), the facilitator's dashboard follows two
phones live, and the presentation screen shows the question, then the room's means."""

import re
import tempfile
from pathlib import Path

from playwright.sync_api import expect

from . import axe
from .browser import (
    LOAD,
    broken_words,
    create_session,
    join,
    open_activity,
    open_facilitator,
    show_results,
    tab_to,
    tap_score,
)

FORM = "form.kit-form-democratie"
WIDTH, HEIGHT = 320, 568
SHOTS = Path(tempfile.gettempdir()) / "kit-screenshots" / "democratie"  # for a person to look at; never asserted on
TITLE = "Democratische waarden (Tabel 4.2)"
# Tabel 4.2's values and evaluation questions, in the table's order (the book's words, written down by hand).
VALUES = {
    "insluiting": ("Insluiting", "Hoe divers is de deelnemersgroep?"),
    "invloed": ("Invloed", "Wat gebeurt er met de input en ideeën van deelnemers?"),
    "deliberatie": ("Deliberatie", "In hoeverre is er sprake van dialoog tussen deelnemers?"),
    "burgerschap": ("Burgerschap", "Leidt het tot betere democratische burgers?"),
    "transparantie": ("Transparantie", "Is duidelijk wat deelnemers kunnen verwachten?"),
    "legitimiteit": ("Legitimiteit", "Steunen deelnemers het proces en de uitkomst?"),
}
HINT = "Hoe goed doet het proces het op deze vraag? (1 = heel slecht, 10 = uitstekend)"
NOTE = "Vooral bekende gezichten"
# The 320 px phone (Inwoner) and a second phone (Ambtelijk); None is "weet ik niet".
MINE = {"insluiting": 7, "invloed": None, "deliberatie": 6, "burgerschap": 5, "transparantie": 8, "legitimiteit": 9}
ROW = 'tr[data-kit-item="transparantie"]'  # the value with the widest gap between the two groups
CARD = '.kit-score-card[data-kit-item="transparantie"]'  # the same on a phone: a card per value
THEIRS = {"insluiting": 7, "invloed": 8, "deliberatie": 6, "burgerschap": 9, "transparantie": 3, "legitimiteit": 9}


def assert_axe_clean(page, script, where):
    found = axe.violations(page, script)
    assert not found, f"axe on democratische waarden ({where}):\n{axe.report(found)}"


def assert_fits(page, where):
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= WIDTH, f"{where}: {width} px wide on a {WIDTH} px screen"


def value_screen(page, n):
    """Wait for the screen of the ``n``-th value (1-6)."""
    key = list(VALUES)[n - 1]
    page.wait_for_selector(f'{FORM}[data-kit-step="{key}"]', timeout=10_000)
    return key


def answer_by_keyboard(page, score, note=""):
    """Tab into the scale, Space picks 1 and the arrows move on to ``score`` ("weet ik niet" comes after 10);
    Tab to the note and type it, Tab to the button, Enter."""
    tab_to(page, "el.name === 'score'")
    page.keyboard.press("Space")
    for _ in range((11 if score is None else score) - 1):
        page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.checked && document.activeElement.value") == (
        "?" if score is None else str(score)
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "note"
    page.keyboard.type(note)
    tab_to(page, "el.type === 'submit'", limit=3)
    page.keyboard.press("Enter")


def room_row(page, selector):
    """``{group: mean}`` of one row of the means table, by the table's column headings."""
    table = page.locator(selector).locator("xpath=ancestor::table[1]")
    groups = [" ".join(h.split()) for h in table.locator("th[scope=col]").all_inner_texts()[1:]]
    return dict(zip(groups, page.locator(f"{selector} td").all_inner_texts(), strict=True))


def card_lines(page, selector):
    """``{group: mean}`` of one value's card on a phone."""
    lines = page.locator(f"{selector} .kit-score-line")
    return {
        " ".join(line.locator(".kit-score-group").inner_text().split()): line.locator(".kit-score-value").inner_text()
        for line in lines.all()
    }


def test_a_phone_answers_by_keyboard_the_dashboard_follows_and_the_screen_shows_the_means(
    kit, kit_store, watched, crowd
):
    script = axe.install()
    SHOTS.mkdir(parents=True, exist_ok=True)
    facilitator = open_facilitator(watched(), kit)
    code = create_session(facilitator, title="Participatie Woonvisie", activities=[TITLE])
    session = kit_store.session_by_code(code)
    assert list(session.activities) == ["democratie"]
    dashboard = facilitator.locator(".kit-dashboard-democratie")
    dashboard.locator(".kit-democratie-questions dt").first.wait_for(timeout=LOAD)
    assert dashboard.locator(".kit-democratie-questions dt").all_inner_texts() == [v for v, _ in VALUES.values()]
    for (_, question), shown in zip(
        VALUES.values(), dashboard.locator(".kit-democratie-questions dd").all_inner_texts(), strict=True
    ):
        assert shown.startswith(question)
    means = f".kit-democratie-figures {ROW}"
    assert set(room_row(facilitator, means).values()) == {"–"}  # nobody answered yet
    assert facilitator.locator(".kit-democratie-figures th[scope=col]").first.inner_text() == "Waarde"

    # axe is injected as a script tag, which the pages' CSP would block (see test_accessibility_browser)
    phone = join(watched(viewport={"width": WIDTH, "height": HEIGHT}, bypass_csp=True), kit, code, "Inwoner")
    other = join(watched(), kit, code, "Ambtelijk")
    open_activity(facilitator, TITLE)
    with facilitator.expect_popup() as popup:  # the presentation screen, unlocked by the facilitator cookie
        facilitator.locator("a[data-kit-screen]").click()
    screen = popup.value
    screen.set_viewport_size({"width": 1920, "height": 1080})
    shown = screen.locator('[data-kit-activity="democratie"]')
    shown.locator(".kit-screen-question").wait_for(timeout=10_000)
    assert shown.locator("h2").inner_text() == TITLE
    assert shown.locator(".kit-screen-question").inner_text() == (
        "Hoe scoort het participatieproces rond wonen in Utrecht op de zes democratische waarden? "
        "Geef per waarde een cijfer van 1 tot 10."
    )

    # the phone follows by itself to the first value; the keyboard alone, screen by screen
    for n, (key, score) in enumerate(MINE.items(), start=1):
        assert value_screen(phone, n) == key
        assert phone.url.endswith(f"/kit/{code}/democratie/{n}")
        assert phone.inner_text(".kit-progress") == f"Stap {n} van 6"
        label, question = VALUES[key]
        assert phone.inner_text(f"[data-kit-statement={key}]") == question
        assert phone.inner_text(f"{FORM} legend .kit-hint") == f"Democratische waarde · {label}"
        assert phone.inner_text("#score-hint") == HINT  # a question is scored, not agreed with
        assert broken_words(phone, "h1, legend") == [], f"a word broken across lines on screen {n}"
        assert_fits(phone, f"screen {n}")
        if n == 1:
            assert phone.inner_text(".kit-rate-intro").startswith("Hoe scoort het participatieproces rond wonen")
            assert_axe_clean(phone, script, "the first value")
            phone.screenshot(path=str(SHOTS / "phone-value-320.png"), full_page=True)
        if n == 4:  # halfway: a reload keeps the screen, the session's home resumes at the first open value
            phone.reload()
            value_screen(phone, 4)
            phone.goto(f"{kit.url}kit/{code}")
            value_screen(phone, 4)
            assert phone.url.endswith(f"/kit/{code}/democratie/4")
            assert phone.locator(f"{FORM} input:checked").count() == 0
        answer_by_keyboard(phone, score, NOTE if key == "insluiting" else "")
    phone.wait_for_selector(".kit-rate-mine", timeout=10_000)
    assert phone.url.endswith(f"/kit/{code}/democratie/klaar")
    assert phone.inner_text("h1") == "Klaar!"
    assert [" ".join(x.split()) for x in phone.locator(".kit-rate-mine li p").all_inner_texts()] == [
        f"{label}: {question} {'Weet ik niet' if MINE[key] is None else MINE[key]}"
        + (f" {NOTE}" if key == "insluiting" else "")
        for key, (label, question) in VALUES.items()
    ]
    mine = {a.item: a.value for a in kit_store.answers(session.id, "democratie")}
    assert mine == {key: {"score": score, "note": NOTE if key == "insluiting" else ""} for key, score in MINE.items()}
    assert_fits(phone, "the Klaar list")
    assert_axe_clean(phone, script, "the Klaar list")

    for n, score in enumerate(THEIRS.values(), start=1):  # the other phone taps
        value_screen(other, n)
        tap_score(other, score)
        other.get_by_role("button", name="Opslaan en verder").click()
    other.wait_for_selector(".kit-rate-mine", timeout=10_000)

    # the dashboard follows live (the other phone's last answer, legitimiteit, makes it broadly agreed): the means
    # per group, then the agenda, most dissent first
    facilitator.wait_for_selector('.kit-agenda-agreement li[data-kit-agreed="legitimiteit"]', timeout=5_000)
    # the facilitator sees each group's mean, marked where participants would not (one person: fewer than k = 5)
    hidden = "n=1, niet getoond aan deelnemers"
    assert room_row(facilitator, means) == {
        "Bestuurlijk-politiek": "–",
        "Ambtelijk": f"3,0{hidden}",
        "Maatschappelijke partner": "–",
        "Inwoner": f"8,0{hidden}",
    }
    agenda = dashboard.locator(".kit-agenda-dissent li[data-kit-statement]")
    assert agenda.first.get_attribute("data-kit-dissent") == "5.000"
    # one score per group: dissent is the gap between the groups, 8 - 3 = 5 and 9 - 5 = 4; invloed has one group
    assert [li.get_attribute("data-kit-statement") for li in agenda.all()] == [
        "transparantie",
        "burgerschap",
        "insluiting",
        "deliberatie",
        "legitimiteit",
        "invloed",
    ]
    assert "1× weet ik niet" in dashboard.locator('.kit-agenda-dissent li[data-kit-statement="invloed"]').inner_text()
    assert f"Inwoner: {NOTE}" in dashboard.locator(".kit-agenda-dissent .kit-note").inner_text()
    # broad agreement: 7 and 7, 9 and 9, one of one in each group: (1 + 1) / (1 + 2) squared = 0,444
    agreed = dashboard.locator(".kit-agenda-agreement li[data-kit-agreed]")
    assert [li.get_attribute("data-kit-agreed") for li in agreed.all()] == ["insluiting", "legitimiteit"]
    assert {li.get_attribute("data-kit-agreement") for li in agreed.all()} == {"0.444"}
    facilitator.set_viewport_size({"width": 1280, "height": 2400})  # the whole dashboard part in view
    dashboard.scroll_into_view_if_needed()
    dashboard.screenshot(path=str(SHOTS / "dashboard.png"))
    expect(screen.locator(".kit-screen-answered")).to_have_text(re.compile("^2 van de 2"), timeout=5_000)
    assert screen.locator(".kit-results-table").count() == 0  # nothing shown before the facilitator reveals
    # four more of each group answer as its phone did: five each, enough for the disclosure rule (k = 5)
    for group, scores in (("inwoner", MINE), ("ambtelijk", THEIRS)):
        crowd(session, group, "democratie", {key: {"score": s, "note": ""} for key, s in scores.items()})

    # the facilitator shows the results: the phone's Klaar list and the screen show the room's means, live
    show_results(facilitator, "Democratische waarden (Tabel 4.2)")
    results = f"[data-kit-results] {CARD}"
    phone.wait_for_selector(results, timeout=5_000)
    assert card_lines(phone, results)["Inwoner"] == "8,0" and card_lines(phone, results)["Ambtelijk"] == "3,0"
    cards = phone.locator("[data-kit-results] .kit-score-card .kit-score-label").all_inner_texts()
    assert cards == [v for v, _ in VALUES.values()]  # a card per value, named as in the table
    assert_fits(phone, "the Klaar list with the room's means")  # the wide table scrolls in its region
    assert_axe_clean(phone, script, "the Klaar list with the room's means")
    screen.wait_for_selector(f".kit-screen-results-body {ROW}", timeout=5_000)
    assert room_row(screen, f".kit-screen-results-body {ROW}")["Inwoner"] == "8,0"
    assert shown.locator(".kit-screen-question").count() == 0  # the means take the question's place
    assert screen.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    expect(facilitator.locator(".kit-activity-row").filter(visible=True)).to_contain_text(
        "resultaten getoond op telefoons en scherm", timeout=5_000
    )
