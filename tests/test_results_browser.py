"""The results page in Chromium: a phone answers, the facilitator releases, the phone reads its results at 320 px.

The release goes through the store here (the dashboard's toggle has its own browser test);
axe finds nothing, nothing scrolls sideways (nor does the comparison's table, in Dutch or English),
and the keyboard alone reaches the download, which holds this phone's answers and no one else's.
"""

import csv
import io
from pathlib import Path

from widgets.model.results import RELEASED, RESULTS

from . import axe
from .browser import join, rate, tab_to

SMALL = {"width": 320, "height": 640}


def test_a_phone_reads_its_released_results_and_downloads_its_answers(kit, watched, new_session, kit_store):
    session = new_session(activities=("beoordelen",), groups=("Inwoner", "Ambtelijk"))
    # axe's script is injected inline, which the pages' Content-Security-Policy would block
    phone = join(watched(viewport=SMALL, bypass_csp=True), kit, session.code, "Inwoner")
    rate(phone, 6.5, [7, None])  # the grade, eerlijk 7, toegankelijk "weet ik niet"
    # five in each group, as the disclosure rule (k = 5) asks before a group's mean is shown
    others = [("inwoner", g) for g in (8, 9, 7, 8.5)] + [("ambtelijk", g) for g in (4, 5, 4, 5, 6)]
    for group, grade in others:
        other = kit_store.join(session.code, group)
        kit_store.submit(other.token, "beoordelen", {"cijfer": {"score": grade, "note": "NOTITIE-VAN-EEN-ANDER"}})
    kit_store.set_activity_open(session.id, "beoordelen", False)

    phone.goto(f"{kit.url}kit/{session.code}/resultaten")
    assert "nog niet vrijgegeven" in phone.inner_text("main")
    kit_store.set_state(session.id, RESULTS, RELEASED, True)
    phone.goto(f"{kit.url}kit/{session.code}")
    phone.get_by_role("link", name="Bekijk de resultaten").click()
    phone.wait_for_selector('[data-kit-activity="beoordelen"]', timeout=10_000)

    cells = phone.locator('[data-kit-activity="beoordelen"] tr[data-kit-item="cijfer"] > *').all_inner_texts()
    assert [c.strip() for c in cells] == ["Rapportcijfer", "6,5", "7,8", "6,3"]  # 39/5; (39 + 24)/10
    assert "NOTITIE-VAN-EEN-ANDER" not in phone.content()

    found = axe.violations(phone, axe.install())
    assert not found, f"axe on the results page at 320 px:\n{axe.report(found)}"
    width = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the results page scrolls sideways at 320 px: {width}"
    for lang in ("en", "nl"):  # the comparison's four columns fit: nobody swipes to see everyone's figure
        phone.goto(f"{kit.url}kit/{session.code}/resultaten?lang={lang}")
        table = phone.locator('[data-kit-activity="beoordelen"] .kit-results-scroll')
        assert table.evaluate("e => e.scrollWidth <= e.clientWidth"), f"{lang}: {table.evaluate('e => e.scrollWidth')}"

    # keyboard only, from the top of the page: Tab to the download link, Enter
    phone.evaluate("document.activeElement && document.activeElement.blur()")
    tab_to(phone, "el.matches('.kit-results-download a')")
    assert phone.evaluate("document.activeElement.textContent.trim()") == "Download mijn antwoorden (CSV)"
    with phone.expect_download() as info:
        phone.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == f"mijn-antwoorden-{session.code}.csv"
    text = Path(download.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    token = next(c["value"] for c in phone.context.cookies() if c["name"] == f"kit_p_{session.code}")
    assert {r[1] for r in rows[1:]} == {kit_store.participant(token).ref}  # the own public reference only
    assert len(rows) == 1 + 3  # the header; the grade, eerlijk, toegankelijk
    assert [r[4] for r in rows[1:]] == ["6,5", "7", ""] and "NOTITIE-VAN-EEN-ANDER" not in text
