"""Prioriteren in Chromium: a total of 90 is refused and stores nothing; 100 is ranked live."""

import os

from widgets.store import open_store

from .browser import add_value, create_session, join, open_activity, open_facilitator


def test_ninety_points_are_refused_and_one_hundred_are_ranked(kit, watched):
    facilitator = open_facilitator(watched(), kit)
    code = create_session(facilitator, activities=["Waardenpalet", "Prioriteren"])
    phone = join(watched(viewport={"width": 375, "height": 740}), kit, code, "Inwoner")
    open_activity(facilitator, "Waardenpalet")
    add_value(phone, "Betaalbaarheid", "individueel, materieel")
    add_value(phone, "Groen", "collectief, immaterieel")
    open_activity(facilitator, "Prioriteren")
    phone.wait_for_selector(".kit-prio-points input", timeout=20_000)
    boxes = phone.locator(".kit-prio-points input")
    assert boxes.count() == 2
    boxes.nth(0).fill("60")
    boxes.nth(1).fill("30")
    boxes.nth(1).press("Tab")
    phone.wait_for_selector('[data-kit-remaining="10"]', timeout=5_000)
    phone.locator(".kit-prio-save button, button.kit-prio-save").first.click()
    phone.wait_for_selector(".kit-activity-prioriteren .kit-message-error", timeout=5_000)
    assert "U heeft 90 van de 100 punten verdeeld" in phone.inner_text(".kit-activity-prioriteren .kit-message-error")
    store = open_store(f"sqlite:///{os.path.join(kit.data_dir, 'kit.sqlite3')}")
    session = store.session_by_code(code)
    assert store.answers(session.id, "prioriteren") == []

    boxes.nth(1).fill("40")
    boxes.nth(1).press("Tab")
    phone.wait_for_selector('[data-kit-remaining="0"]', timeout=5_000)
    phone.locator(".kit-prio-save button, button.kit-prio-save").first.click()
    phone.wait_for_selector(".kit-activity-prioriteren .kit-message-ok", timeout=5_000)
    facilitator.wait_for_selector('.kit-prio-ranking tr[data-kit-points="60"]', timeout=5_000)
    ranked = facilitator.locator(".kit-prio-ranking tr[data-kit-value]").evaluate_all(
        "rows => rows.map(r => [r.getAttribute('data-kit-value'), r.getAttribute('data-kit-points')])")
    assert ranked == [["betaalbaarheid", "60"], ["groen", "40"]]
