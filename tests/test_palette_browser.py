"""The waardenpalet in Chromium: three phones, two groups, a live grid, a merge, a reveal on the phones."""

import re
import time

from .browser import add_value, create_session, join, open_activity, open_facilitator, show_results

CHIP = '.kit-palet-grid [data-kit-item="{key}"]'


def chip(page, key):
    return page.locator(CHIP.format(key=key))


def test_palette_grid_counts_merges_and_reveals_live(kit, watched):
    facilitator = open_facilitator(watched(), kit)
    code = create_session(facilitator, title="Woonvisie", activities=["Waardenpalet"])
    first = join(watched(viewport={"width": 375, "height": 740}), kit, code, "Ambtelijk")
    second = join(watched(), kit, code, "Ambtelijk")
    third = join(watched(), kit, code, "Inwoner")
    assert "de facilitator opent zo" in first.inner_text("main")
    open_activity(facilitator, "Waardenpalet")
    opened = time.monotonic()
    first.wait_for_selector("form.kit-form-palet", timeout=3_000)  # the phone follows by itself
    assert time.monotonic() - opened < 3.0

    add_value(first, "Betaalbaarheid", "individueel, materieel")
    add_value(third, "  betaalbaarheid ", "individueel, materieel")
    add_value(second, "<img src=x onerror=window.__pwned=1>", "collectief, proces")
    added = time.monotonic()
    facilitator.wait_for_selector(CHIP.format(key="betaalbaarheid") + '[data-kit-count="2"]', timeout=2_000)
    assert time.monotonic() - added < 2.0
    assert chip(facilitator, "betaalbaarheid").get_attribute("data-kit-groups") == "ambtelijk,inwoner"
    assert "gedeeld" in chip(facilitator, "betaalbaarheid").inner_text()
    snippet = chip(facilitator, "img src x onerror window pwned 1")
    assert snippet.locator(".kit-text-label").inner_text() == "<img src=x onerror=window.__pwned=1>"
    assert snippet.locator(".kit-text-mark").inner_text() == "Ambtelijk"  # the one group that named it

    # a near-duplicate is suggested; merging adds it to the count
    add_value(second, "Betaalbare woningen", "individueel, materieel")
    facilitator.wait_for_selector(".kit-palet-suggestions button:has-text('Samenvoegen')", timeout=5_000)
    assert "Betaalbare woningen" in facilitator.inner_text(".kit-palet-suggestions")
    facilitator.locator(".kit-palet-suggestions button:has-text('Samenvoegen')").first.click()
    facilitator.wait_for_selector(CHIP.format(key="betaalbaarheid") + '[data-kit-count="3"]', timeout=5_000)
    assert chip(facilitator, "betaalbare woningen").count() == 0

    # revealing shows the merged palette on a phone, stacked per cell, without a reload
    first.fill("#text", "half getypt")
    assert first.locator("[data-kit-results]").count() == 0
    show_results(facilitator, "Waardenpalet")
    first.wait_for_selector('[data-kit-results] [data-kit-item="betaalbaarheid"][data-kit-count="3"]', timeout=3_000)
    assert first.input_value("#text") == "half getypt"  # the refresh kept what was typed
    assert (
        first.locator('[data-kit-results] [data-kit-section="individueel.materieel"] .kit-score-label').inner_text()
        == "individueel, materieel"
    )
    # a new answer updates the revealed palette on the phone
    add_value(third, "Groene wijk", "collectief, materieel")
    first.wait_for_selector('[data-kit-results] [data-kit-item="groene wijk"]', timeout=3_000)
    for page in (facilitator, first, second, third):
        assert page.evaluate("window.__pwned") is None
    assert first.evaluate("document.documentElement.scrollWidth") <= 375


def test_edit_and_delete_own_values_in_the_browser(kit, watched):
    facilitator = open_facilitator(watched(), kit)
    code = create_session(facilitator, title="Palet", activities=["Waardenpalet"])
    open_activity(facilitator, "Waardenpalet")
    phone = join(watched(viewport={"width": 320, "height": 640}), kit, code, "Inwoner")
    add_value(phone, "Groen", "collectief, materieel")
    phone.get_by_role("link", name=re.compile("Wijzig.*Groen")).click()
    assert phone.input_value("#text") == "Groen"
    phone.fill("#text", "Groene wijk")
    phone.get_by_role("button", name="Opslaan").click()
    phone.wait_for_selector(".kit-mine-text:has-text('Groene wijk')")
    assert phone.locator(".kit-mine-text").all_inner_texts() == ["Groene wijk"]
    phone.get_by_role("button", name=re.compile("Verwijder.*Groene wijk")).click()
    phone.wait_for_selector("text=De waarde is verwijderd.")
    assert phone.locator(".kit-mine-text").count() == 0
    add_value(phone, "Inspraak", "collectief, proces")
    phone.fill("#text", "inspraak ")
    phone.get_by_label("collectief, proces", exact=True).check()
    phone.locator("form.kit-form-palet button[type=submit]").click()
    assert "U noemde deze waarde al." in phone.inner_text(".kit-error-summary")
    assert phone.evaluate("document.activeElement.classList.contains('kit-error-summary')")


def test_a_big_palette_shows_its_values_and_then_its_merge_suggestions(kit, kit_store, watched):
    """More new values than the dashboard compares at once (issue 28): the values are drawn first, the kernel
    compares them on its next turn, and the suggestions reach the page as on a small palette."""
    import hashlib

    from widgets.activities.palet.dashboard import COMPARE_NOW
    from widgets.model.sessions import SessionSpec

    from .browser import LOAD

    session, key = kit_store.create_session(SessionSpec(title="Groot palet", topic="wonen", activities=("palet",)))
    kit_store.set_activity_open(session.id, "palet", True)
    for n in range(COMPARE_NOW // 25 + 1):  # values that look alike to nothing (ten letters of a hash each)
        values = {f"{n}-{j}": hashlib.sha1(f"{n}-{j}".encode()).hexdigest()[:10] for j in range(25)}
        kit_store.submit(
            kit_store.join(session.code, "inwoner").token,
            "palet",
            {item: {"text": text, "cell": "collectief.proces"} for item, text in values.items()},
        )
    near = {"a": "Betaalbaarheid", "b": "Betaalbare woningen"}
    kit_store.submit(
        kit_store.join(session.code, "ambtelijk").token,
        "palet",
        {item: {"text": text, "cell": "individueel.materieel"} for item, text in near.items()},
    )
    page = watched().new_page()
    page.goto(kit.render_url("workshops/facilitator.ipynb", f"sessie={session.code}&sleutel={key}"))
    chip(page, "betaalbaarheid").wait_for(timeout=LOAD)
    page.wait_for_selector(".kit-palet-suggestions button:has-text('Samenvoegen')", timeout=20_000)
    assert "Betaalbare woningen" in page.inner_text(".kit-palet-suggestions")
    assert page.locator(".kit-palet-busy").count() == 0  # "worden gezocht" is gone once they are there
