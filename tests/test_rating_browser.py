"""Beoordelen in Chromium: four phones, two groups, one screen per step; the dashboard's charts and agenda follow."""

import re
import time

from .browser import (
    CHART_DATA,
    chart_data,
    create_session,
    join,
    open_activity,
    open_facilitator,
    rate,
    rating_step,
    show_results,
    tap_score,
)

SMALL = {"width": 375, "height": 667}
NOTE = "<script>window.__pwned=1</script>Te weinig voor rolstoelen"


def save(page):
    page.get_by_role("button", name="Opslaan en verder").click()


def in_viewport(page, selector):
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


def test_rating_on_a_small_phone_and_the_dashboard_following_live(kit, watched, kit_store, crowd):
    facilitator = open_facilitator(watched(), kit)
    code = create_session(facilitator, title="Woonvisie", activities=["Beoordelen"])
    small = join(watched(viewport=SMALL), kit, code, "Inwoner")
    people = [
        join(watched(), kit, code, "Ambtelijk"),
        join(watched(), kit, code, "Ambtelijk"),
        join(watched(), kit, code, "Inwoner"),
    ]
    open_activity(facilitator, "Beoordelen")
    rating_step(small, 1)  # the phone follows by itself to the grade
    assert small.inner_text(".kit-progress") == "Stap 1 van 10"

    # the grade with the keyboard: arrows through the halves, Tab to the note and the button
    small.focus('.kit-scale input[value="1"]')
    for _ in range(8):
        small.keyboard.press("ArrowRight")
    assert small.locator(".kit-scale input:checked").get_attribute("value") == "5"
    chosen = small.locator('.kit-scale input[value="5"] + label')
    other = small.locator('.kit-scale input[value="4.5"] + label')
    assert chosen.evaluate("e => getComputedStyle(e).backgroundColor") != other.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )  # the chosen grade is marked
    small.keyboard.press("Tab")
    assert small.evaluate("document.activeElement.id") == "note"
    small.keyboard.type("Het gaat te langzaam")
    small.keyboard.press("Tab")
    small.keyboard.press("Enter")
    rating_step(small, 2)
    assert small.url.endswith(f"/kit/{code}/beoordelen/2")
    assert "Het beleid en de beleidsuitvoering van Utrecht voor wonen zijn eerlijk." in small.inner_text("legend")
    # statements by tapping; eerlijk: everyone 7 (consensus); toegankelijk: 9/9 against 2/3 (most dissent)
    tap_score(small, 7)
    save(small)
    rating_step(small, 3)
    tap_score(small, 2)
    small.fill("#note", NOTE)
    save(small)
    rating_step(small, 4)
    small.reload()  # mid-activity: the same screen
    rating_step(small, 4)
    small.goto(f"{kit.url}kit/{code}")  # the session's home: resumes at the first step without an answer
    rating_step(small, 4)
    assert small.inner_text(".kit-progress") == "Stap 4 van 10"
    small.get_by_text("Weet ik niet", exact=True).click()
    save(small)
    rating_step(small, 5)
    small.get_by_role("link", name="Vorige").click()
    rating_step(small, 4)
    assert small.locator(".kit-scale input:checked").get_attribute("value") == "?"

    rate(people[0], 8, [7, 9])
    rate(people[1], 7.5, [7, 9])
    rate(people[2], 4.5, [7, 3])
    answered = time.monotonic()
    # each data source reaches the page as its own update: wait for the last one written (blocks)
    facilitator.wait_for_function(
        "() => { const d = (" + CHART_DATA + ")(); return d['radar-inwoner'] && d['radar-inwoner'].mean[1] === 2.5"
        " && d.blocks.score.length === 8; }",
        timeout=2_000,
    )
    assert time.monotonic() - answered < 2.0
    data = chart_data(facilitator)
    assert data["radar-ambtelijk"]["mean"][:2] == [7, 9]
    assert data["radar-inwoner"]["mean"][:2] == [7, 2.5]
    assert sorted(zip(data["blocks"]["group"], data["blocks"]["score"], strict=True)) == sorted(
        [
            ("ambtelijk", 7),
            ("ambtelijk", 7),
            ("inwoner", 7),
            ("inwoner", 7),
            ("ambtelijk", 9),
            ("ambtelijk", 9),
            ("inwoner", 2),
            ("inwoner", 3),
        ]
    )
    first = facilitator.locator(".kit-agenda li[data-kit-statement]").first
    assert first.get_attribute("data-kit-statement") == "toegankelijk"
    assert NOTE in facilitator.locator(".kit-agenda .kit-note").first.inner_text()
    # where all groups agree: eerlijk, everyone 7 -> (2 + 1) / (2 + 2) for each group = 0.5625
    facilitator.wait_for_selector(".kit-agenda-agreement li[data-kit-agreement='0.562']", timeout=2_000)
    agreed = facilitator.locator(".kit-agenda-agreement li[data-kit-agreed]")
    assert agreed.count() == 1 and agreed.first.get_attribute("data-kit-agreed") == "eerlijk"
    assert "overeenstemming 0,56" in agreed.first.inner_text()
    facilitator.wait_for_selector(
        ".kit-rate-grades tr[data-kit-group='inwoner'] .kit-grade:text-is('4,8')", timeout=2_000
    )
    assert "6,8" in facilitator.inner_text(".kit-rate-grades")
    assert "1× weet ik niet" in facilitator.inner_text(".kit-agenda li[data-kit-statement='rechtvaardig']")

    # a changed answer moves the chart
    people[2].goto(f"{kit.url}kit/{code}/beoordelen/3")
    tap_score(people[2], 9)
    save(people[2])
    facilitator.wait_for_function("() => (" + CHART_DATA + ")()['radar-inwoner'].mean[1] === 5.5", timeout=2_000)

    # to the end: the list of answers, "Klaar!" in view without scrolling
    for step in range(4, 11):
        rating_step(small, step)
        save(small)
    small.wait_for_selector(".kit-rate-mine")
    assert small.url.endswith(f"/kit/{code}/beoordelen/klaar")
    assert small.inner_text("h1") == "Klaar!" and in_viewport(small, "h1")
    assert small.evaluate("window.scrollY") == 0
    mine = small.locator(".kit-rate-mine li").all_inner_texts()
    assert mine[0].startswith("Rapportcijfer: 5") and mine[3].startswith("Rechtvaardig: Weet ik niet")
    assert NOTE in mine[2]
    small.get_by_role("link", name=re.compile("Wijzig.*Eerlijk")).click()
    rating_step(small, 2)
    assert small.locator(".kit-scale input:checked").get_attribute("value") == "7"
    small.get_by_role("link", name="Terug naar uw antwoorden").click()
    small.wait_for_selector(".kit-rate-mine")

    # revealing shows the room's means on the phone without a reload; three more of each group first, so the
    # disclosure rule (k = 5) lets both groups' means through
    session = kit_store.session_by_code(code)
    crowd(session, "ambtelijk", "beoordelen", {"cijfer": {"score": 7, "note": ""}, "toegankelijk": {"score": 9}}, n=3)
    crowd(session, "inwoner", "beoordelen", {"cijfer": {"score": 6, "note": ""}, "toegankelijk": {"score": 3}}, n=3)
    assert small.locator("[data-kit-results]").count() == 0
    show_results(facilitator, "Beoordelen")
    small.wait_for_selector("[data-kit-results] [data-kit-item='toegankelijk']", timeout=3_000)
    assert "9,0" in small.inner_text("[data-kit-results] [data-kit-item='toegankelijk']")
    for page in [facilitator, small, *people]:
        assert page.evaluate("window.__pwned") is None
    assert small.evaluate("document.documentElement.scrollWidth") <= SMALL["width"]
