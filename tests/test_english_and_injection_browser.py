"""A participant through an activity in English; hostile text in every free-text field stays text."""

from .browser import add_value, also_open, chart_data, join, open_activity, open_facilitator, rate, show_tab

PAYLOAD = "<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>"
LINK = '<a href="javascript:window.__pwned=3">klik</a>'
LONG = "ŵ" * 40 + "漢字" * 10 + "🙂" * 10


def test_participant_runs_the_palette_in_english(kit, watched):
    facilitator = open_facilitator(watched(), kit)
    facilitator.fill(".kit-f-title input", "Housing vision")
    facilitator.locator(".kit-facilitator select").nth(1).select_option(label="English")
    facilitator.get_by_role("button", name="Sessie aanmaken").click()
    facilitator.wait_for_selector("[data-kit-join-code]", timeout=20_000)
    code = facilitator.inner_text("[data-kit-join-code]").strip()
    open_activity(facilitator, "Waardenpalet")
    page = watched(viewport={"width": 375, "height": 740}).new_page()
    page.goto(f"{kit.url}kit/{code}")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert "Choose the group you are here for" in page.inner_text("main")
    page.get_by_label("Resident", exact=True).check()
    page.get_by_role("button", name="Join").click()
    page.wait_for_selector(".kit-joined", timeout=10_000)
    assert "You are taking part as Resident." in page.inner_text(".kit-joined")
    page.wait_for_selector("#text", timeout=3_000)  # the palette the facilitator opened
    assert "Which tangible results" in page.inner_text("main")
    page.fill("#text", "Affordable homes")
    page.get_by_label("individual, material", exact=True).check()
    page.get_by_role("button", name="Add").click()
    page.wait_for_selector("text=Saved: Affordable homes.", timeout=10_000)
    page.fill("#text", "affordable  HOMES")
    page.get_by_label("individual, material", exact=True).check()
    page.get_by_role("button", name="Add").click()
    page.wait_for_selector("text=You already named this value.", timeout=10_000)
    # the switch to Dutch is one link away, and the choice is remembered
    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_selector("text=U doet mee als Resident.", timeout=10_000)


def test_hostile_text_in_every_field_is_shown_as_text(kit, watched):
    facilitator = open_facilitator(watched(), kit)
    facilitator.fill(".kit-f-title input", "Sessie " + PAYLOAD[:90])
    facilitator.fill(".kit-f-municipality input", LINK)
    facilitator.get_by_role("textbox", name="Stakeholdergroepen").fill(f"Raad {PAYLOAD[:30]}\n{LONG[:40]}\nInwoner")
    facilitator.get_by_role("button", name="Sessie aanmaken").click()
    facilitator.wait_for_selector("[data-kit-join-code]", timeout=20_000)
    code = facilitator.inner_text("[data-kit-join-code]").strip()
    open_activity(facilitator, "Waardenpalet")
    also_open(facilitator, "Beoordelen")  # both open: the phone chooses
    page = join(watched(viewport={"width": 375, "height": 740}), kit, code, f"Raad {PAYLOAD[:30]}", name=LINK[:40])
    assert page.locator("h1").first.inner_text() == "Sessie " + PAYLOAD[:90]
    assert LINK[:40] in page.inner_text(".kit-joined")
    page.get_by_role("link", name="Waardenpalet").click()
    add_value(page, PAYLOAD[:80], "collectief, proces")
    add_value(page, LONG[:80], "individueel, materieel")
    page.goto(f"{kit.url}kit/{code}/beoordelen")
    rate(page, 6, [5], note=LINK + PAYLOAD)
    facilitator.wait_for_selector(".kit-agenda .kit-note", timeout=10_000)
    show_tab(facilitator, "Waardenpalet")
    facilitator.wait_for_selector(".kit-palet-grid [data-kit-count]", timeout=10_000)
    for shown in (facilitator, page):
        assert shown.evaluate("window.__pwned") is None
        assert shown.locator('a[href^="javascript:"]').count() == 0
        assert shown.locator("img[src=x]").count() == 0
    assert PAYLOAD[:80] in facilitator.inner_text(".kit-palet-grid")
    assert (LINK + PAYLOAD)[:200] in facilitator.inner_text(".kit-agenda")
    assert facilitator.locator("h1").first.inner_text() == "Sessie " + PAYLOAD[:90]
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert "blocks" in chart_data(facilitator)
