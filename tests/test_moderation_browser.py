"""Moderation in Chromium: a value hidden on the dashboard leaves the screen, a phone and the report live, and comes
back when restored; "Teksten eerst goedkeuren" holds a value back until approved; a listed word is flagged;
removing a participant changes the counts."""

import json

from playwright.sync_api import expect

from widgets.model.moderation import texts_of
from widgets.report.document import build_report
from widgets.report.transfer import export_session

from . import axe
from .browser import add_value, create_session, join, open_activity, open_facilitator, rate, show_tab
from .looking import broken_tokens, horizontal_overflow

WAIT = 8_000


def row(facilitator, text):
    return facilitator.locator(".kit-moderation-row", has=facilitator.locator(f'[data-kit-text="{text}"]'))


def test_moderation_hides_restores_approves_flags_and_removes(kit, watched, kit_store, crowd):
    facilitator = open_facilitator(watched(viewport={"width": 1280, "height": 900}), kit)
    code = create_session(facilitator, title="Moderatie", activities=["Waardenpalet"])
    open_activity(facilitator, "Waardenpalet")
    session = kit_store.session_by_code(code)
    kit_store.set_state(session.id, "palet", "reveal", True)
    with facilitator.expect_popup() as popup:
        facilitator.locator("a[data-kit-screen]").click()
    screen = popup.value
    author = join(watched(viewport={"width": 320, "height": 640}), kit, code, "Inwoner")
    reader = join(watched(viewport={"width": 375, "height": 740}), kit, code, "Ambtelijk")
    # five more name a value: the report shows the palette of five or more (widgets.model.disclosure)
    crowd(
        session, "ambtelijk", "palet", {"c0ffee000001": {"text": "Betaalbaarheid", "cell": "collectief.materieel"}}, n=5
    )
    add_value(author, "Kankerzooi", "collectief, proces")
    reader.goto(f"{kit.url}kit/{code}/palet")
    results = reader.locator("[data-kit-results]")
    expect(results).to_contain_text("Kankerzooi", timeout=WAIT)
    expect(screen.locator("main")).to_contain_text("Kankerzooi", timeout=WAIT)

    # the listed word is flagged for the facilitator (on the dashboard's own tab); nothing is hidden by itself
    show_tab(facilitator, "Teksten modereren")
    flagged = row(facilitator, "Kankerzooi")
    expect(flagged.locator("[data-kit-flag]")).to_have_text("Let op: kankerzooi", timeout=WAIT)
    assert row(facilitator, "Betaalbaarheid").locator("[data-kit-flag]").count() == 0

    # one click hides it from the screen and the phone (live) and the report; the export keeps it, marked
    flagged.locator(".kit-moderation-toggle").click()
    expect(flagged.locator("[data-kit-status]")).to_have_attribute("data-kit-status", "hidden", timeout=WAIT)
    expect(results).not_to_contain_text("Kankerzooi", timeout=WAIT)
    expect(screen.locator("main")).not_to_contain_text("Kankerzooi", timeout=WAIT)
    expect(results).to_contain_text("Betaalbaarheid")
    data = export_session(kit_store, session.id)
    assert "Kankerzooi" in json.dumps(data) and data["moderation"]["texts"][0]["hidden"] is True
    report = build_report(data)
    assert "Kankerzooi" not in report and "Betaalbaarheid" in report
    assert "Kankerzooi" in author.inner_text(".kit-mine")  # its author still has it

    # restored, it comes back everywhere
    flagged.locator(".kit-moderation-toggle").click()
    expect(results).to_contain_text("Kankerzooi", timeout=WAIT)
    expect(screen.locator("main")).to_contain_text("Kankerzooi", timeout=WAIT)
    assert "Kankerzooi" in build_report(export_session(kit_store, session.id))

    # approval first: a new value waits, its author sees it marked, the room sees it once approved
    facilitator.locator(".kit-moderation-first input").check()
    expect(screen.locator("main")).not_to_contain_text("Betaalbaarheid", timeout=WAIT)
    add_value(author, "Groene wijk", "collectief, materieel")
    waiting = author.locator(".kit-mine-item", has_text="Groene wijk").locator("[data-kit-waiting]")
    expect(waiting).to_have_text("wacht op goedkeuring")
    found = axe.violations(author, axe.install())
    assert found == [], axe.report(found)
    assert author.evaluate("document.documentElement.scrollWidth") <= 320
    approve = row(facilitator, "Groene wijk").locator(".kit-moderation-approve")
    expect(approve).to_be_visible(timeout=WAIT)
    expect(results).not_to_contain_text("Groene wijk")
    expect(screen.locator("main")).not_to_contain_text("Groene wijk")
    approve.click()
    expect(screen.locator("main")).to_contain_text("Groene wijk", timeout=WAIT)
    expect(results).to_contain_text("Groene wijk", timeout=WAIT)
    author.reload()
    assert waiting.count() == 0  # approved
    assert author.locator(".kit-mine-item", has_text="Kankerzooi").locator("[data-kit-waiting]").count() == 1
    facilitator.locator(".kit-moderation-first input").uncheck()
    expect(screen.locator("main")).to_contain_text("Betaalbaarheid", timeout=WAIT)

    # removing a participant asks first, then takes them and their answers out of every count
    total = facilitator.locator(".kit-count-total")
    expect(total).to_have_text("7", timeout=WAIT)
    who = facilitator.locator(".kit-remove-who select")
    label = next(o for o in who.locator("option").all_inner_texts() if "Inwoner" in o)
    who.select_option(label=label)
    facilitator.locator("button.kit-remove-participant").click()
    expect(facilitator.locator(".kit-moderation .kit-message-error")).to_be_visible(timeout=WAIT)
    assert total.inner_text() == "7"
    facilitator.locator(".kit-remove-confirm input").check()
    facilitator.locator("button.kit-remove-participant").click()
    expect(total).to_have_text("6", timeout=WAIT)
    expect(screen.locator(".kit-count-total")).to_have_text("6", timeout=WAIT)
    expect(results).not_to_contain_text("Groene wijk", timeout=WAIT)
    expect(results).not_to_contain_text("Kankerzooi")


def test_a_waiting_note_is_marked_for_its_author_only_until_approved(kit, watched, new_session, kit_store):
    session = new_session(activities=("beoordelen",))
    kit_store.set_approve_first(session.id, True)
    author = join(watched(viewport={"width": 320, "height": 640}), kit, session.code, "Inwoner")
    other = join(watched(viewport={"width": 320, "height": 640}), kit, session.code, "Inwoner")
    for phone, note in ((author, "Niet iedereen kreeg een brief"), (other, "")):
        phone.goto(f"{kit.url}kit/{session.code}/beoordelen")
        rate(phone, 7, [6], note=note)
        phone.goto(f"{kit.url}kit/{session.code}/beoordelen/klaar")
    mine = author.locator(".kit-mine-item", has_text="Niet iedereen kreeg een brief")
    expect(mine.locator("[data-kit-waiting]")).to_have_text("wacht op goedkeuring")
    assert author.locator("[data-kit-waiting]").count() == 1  # the grade and the other statements have no note
    assert other.locator("[data-kit-waiting]").count() == 0 and "Niet iedereen" not in other.inner_text("main")
    found = axe.violations(author, axe.install())
    assert found == [], axe.report(found)
    assert horizontal_overflow(author) == [] and broken_tokens(author) == []
    author.goto(f"{kit.url}kit/{session.code}/beoordelen/2")  # changing it: the note's label says so too
    expect(author.locator('label[for="note"] [data-kit-waiting]')).to_have_text("wacht op goedkeuring")
    found = axe.violations(author, axe.install())
    assert found == [], axe.report(found)
    assert horizontal_overflow(author) == [] and broken_tokens(author) == []
    author.goto(f"{kit.url}kit/{session.code}/beoordelen/klaar")

    (note,) = texts_of("beoordelen", kit_store.answers(session.id, "beoordelen", everything=True))
    kit_store.approve_text(session.id, note.key, note.fingerprint)
    author.reload()
    expect(mine).to_contain_text("Niet iedereen kreeg een brief")
    assert author.locator("[data-kit-waiting]").count() == 0
