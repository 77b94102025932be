"""The waardenpalet in Chromium: three participants, two groups, a live grid, a merge, a reveal."""

import time

from .browser import add_value, create_session, join, open_activity, open_facilitator

CHIP = '.kit-palet-grid [data-kit-value="{key}"]'


def chip(page, key):
    return page.locator(CHIP.format(key=key))


def test_palette_grid_counts_merges_and_reveals_live(kit, watched):
    facilitator = open_facilitator(watched(), kit)
    code = create_session(facilitator, title="Woonvisie", activities=["Waardenpalet"])
    first = join(watched(viewport={"width": 375, "height": 740}), kit, code, "Ambtelijk")
    second = join(watched(), kit, code, "Ambtelijk")
    third = join(watched(), kit, code, "Inwoner")
    open_activity(facilitator, "Waardenpalet")

    add_value(first, "Betaalbaarheid", "individueel, materieel")
    add_value(third, "  betaalbaarheid ", "individueel, materieel")
    add_value(second, "<img src=x onerror=window.__pwned=1>", "collectief, proces")
    added = time.monotonic()
    facilitator.wait_for_selector(CHIP.format(key="betaalbaarheid") + '[data-kit-count="2"]', timeout=2_000)
    assert time.monotonic() - added < 2.0
    assert chip(facilitator, "betaalbaarheid").get_attribute("data-kit-groups") == "ambtelijk,inwoner"
    assert "gedeeld" in chip(facilitator, "betaalbaarheid").inner_text()
    snippet = chip(facilitator, "img src x onerror window pwned 1")
    assert snippet.locator(".kit-chip-label").inner_text() == "<img src=x onerror=window.__pwned=1>"
    assert "eigen waarde van Ambtelijk" in snippet.inner_text()

    # a near-duplicate is suggested; merging adds it to the count
    add_value(second, "Betaalbare woningen", "individueel, materieel")
    facilitator.wait_for_selector(".kit-palet-suggestions button:has-text('Samenvoegen')", timeout=5_000)
    assert "Betaalbare woningen" in facilitator.inner_text(".kit-palet-suggestions")
    facilitator.locator(".kit-palet-suggestions button:has-text('Samenvoegen')").first.click()
    facilitator.wait_for_selector(CHIP.format(key="betaalbaarheid") + '[data-kit-count="3"]', timeout=5_000)
    assert chip(facilitator, "betaalbare woningen").count() == 0

    # revealing shows the merged palette on a participant's phone
    assert first.locator(".kit-palet-revealed table").count() == 0
    facilitator.locator(".kit-palet-reveal button, button.kit-palet-reveal").first.click()
    first.wait_for_selector('.kit-palet-revealed [data-kit-value="betaalbaarheid"][data-kit-count="3"]',
                            timeout=5_000)
    for page in (facilitator, first, second, third):
        assert page.evaluate("window.__pwned") is None
    assert first.evaluate("document.documentElement.scrollWidth") <= 375
