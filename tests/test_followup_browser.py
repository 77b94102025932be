"""A session, then its follow-up from the export file, in Chromium: the change on the dashboard and in the report."""

import subprocess

from widgets.model.sessions import SessionSpec

from . import axe
from .browser import LOAD, also_open, join, open_activity, rate, show_tab
from .test_paper_browser import save_download


def earlier_session(kit_store):
    """Last year's session, answered on phones: Inwoner grades 5 and 6, Ambtelijk 8; one value in the palette."""
    spec = SessionSpec(
        title="Woonvisie 2030",
        topic="wonen",
        municipality="Gouda",
        activities=("palet", "beoordelen", "driehoek"),
        groups=("Ambtelijk", "Inwoner"),
    )
    session, key = kit_store.create_session(spec)
    for activity in spec.activities:
        kit_store.set_activity_open(session.id, activity, True)
    for group, grade, willen in (("inwoner", 5, 2), ("inwoner", 6, 4), ("ambtelijk", 8, 8)):
        person = kit_store.join(session.code, group)
        kit_store.submit(person.token, "beoordelen", {"cijfer": {"score": grade, "note": ""}})
        kit_store.submit(person.token, "driehoek", {"plaats": {"willen": willen, "mogen": 5, "kunnen": 5}})
    kit_store.submit(person.token, "palet", {"v": {"text": "Betaalbaarheid", "cell": "individueel.materieel"}})
    return session, key


def test_a_followup_from_the_export_file_shows_what_changed(kit, kit_store, watched, tmp_path):
    earlier, key = earlier_session(kit_store)
    context = watched(viewport={"width": 1280, "height": 900})
    facilitator = context.new_page()
    facilitator.goto(kit.render_url("workshops/facilitator.ipynb", f"sessie={earlier.code}&sleutel={key}"))
    facilitator.wait_for_selector(".kit-tabs", timeout=LOAD)
    show_tab(facilitator, "Sessie")  # the session's files
    facilitator.wait_for_selector("a.kit-download", timeout=LOAD)
    export = save_download(facilitator, f"sessie-{earlier.code}.json", tmp_path)

    # another laptop, a year later: the start screen makes a follow-up of that file
    laptop = context.new_page()
    laptop.goto(kit.render_url("workshops/facilitator.ipynb"))
    laptop.wait_for_selector(".kit-f-title input", timeout=LOAD)  # a kernel starts for the page first
    laptop.get_by_role("tab", name="Importeren").click()
    with laptop.expect_file_chooser() as choosing:
        laptop.locator(".widget-upload").last.click()
    choosing.value.set_files(str(export))
    laptop.get_by_role("button", name="Vervolgsessie van dit bestand").click()
    laptop.wait_for_selector(".kit-message-ok:has-text('Vervolgsessie aangemaakt')", timeout=20_000)
    code = laptop.inner_text("[data-kit-join-code]").strip()
    assert code != earlier.code
    show_tab(laptop, "Wat is veranderd")  # its own tab beside the analyses
    assert "Wat is er veranderd sinds de vorige sessie" in laptop.inner_text(".kit-dashboard-followup")
    inwoner = '.kit-followup-grades tr[data-kit-group="inwoner"]'
    assert laptop.inner_text(inwoner).split("\t") == ["Inwoner", "2 → 0", "5,5", "–", "–"]
    open_activity(laptop, "Waardenpalet")
    also_open(laptop, "Beoordelen")
    laptop.wait_for_selector(".kit-state-on:has-text('ja')", timeout=10_000)

    # a resident's phone: the earlier palette offered to keep, then a grade
    phone_context = watched(viewport={"width": 320, "height": 640}, bypass_csp=True)  # axe is injected
    phone = join(phone_context, kit, code, "Inwoner")
    phone.goto(f"{kit.url}kit/{code}/palet")
    phone.wait_for_selector(".kit-start-palette", timeout=10_000)
    assert phone.get_by_label("Betaalbaarheid").is_checked()
    found = axe.violations(phone, axe.install())
    assert found == [], axe.report(found)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320  # nothing wider than the phone
    phone.get_by_role("button", name="Neem de aangevinkte waarden over").click()
    phone.wait_for_selector(".kit-notice:has-text('1 waarde overgenomen')", timeout=10_000)
    assert phone.inner_text(".kit-mine-text") == "Betaalbaarheid"
    phone.goto(f"{kit.url}kit/{code}/beoordelen")
    rate(phone, 7.5, [])

    # the dashboard follows live: Inwoner went from 5,5 to 7,5; the palette value was kept
    show_tab(laptop, "Wat is veranderd")
    laptop.wait_for_function(
        f"() => (document.querySelector('{inwoner}') || {{}}).innerText?.includes('+2,0')", timeout=20_000
    )
    assert laptop.inner_text(inwoner).split("\t") == ["Inwoner", "2 → 1", "5,5", "7,5", "+2,0"]
    kept = laptop.inner_text('.kit-followup-palette tr[data-kit-status="kept"]')
    assert kept.startswith("Betaalbaarheid\tGebleven")
    assert laptop.locator(".kit-dashboard-followup .bk-Figure, .kit-dashboard-followup .bk-root").count() >= 1

    # the report of the follow-up says the same
    show_tab(laptop, "Sessie")
    report = save_download(laptop, f"rapport-{code}.pdf", tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(report), "-"], capture_output=True, text=True, check=True)
    lines = [" ".join(line.split()).replace(" → ", "→") for line in text.stdout.splitlines()]
    assert "Wat is er veranderd sinds de vorige sessie" in lines
    assert "Inwoner 2→1 5,5 7,5 +2,0" in lines
    assert "ging van gemiddeld 6,3 naar 7,5" in " ".join(text.stdout.split())  # first page: 19/3 then, 7.5 now
    assert any(line.startswith("Betaalbaarheid Gebleven") for line in lines)

    # closing the loop: the facilitator releases the results on the dashboard, the phone reads them
    laptop.locator(".kit-results-release").click()
    laptop.wait_for_selector(".kit-results-release.mod-active", timeout=10_000)
    phone.goto(f"{kit.url}kit/{code}")
    phone.get_by_role("link", name="Bekijk de resultaten").click()
    grade = phone.locator('[data-kit-activity="beoordelen"] tr[data-kit-item="cijfer"] > *').all_inner_texts()
    assert [cell.strip() for cell in grade] == ["Rapportcijfer", "7,5", "–", "–"]  # alone: no mean gives anyone away
    found = axe.violations(phone, axe.install())
    assert found == [], axe.report(found)
