"""Beoordelen in Chromium: four participants, two groups; the charts' data and the agenda follow live."""

import time

from .browser import CHART_DATA, chart_data, create_session, join, open_activity, open_facilitator, rate


def test_rating_charts_and_agenda_follow_the_answers(kit, watched):
    facilitator = open_facilitator(watched(), kit)
    code = create_session(facilitator, title="Woonvisie", activities=["Beoordelen"])
    people = [join(watched(), kit, code, "Ambtelijk"), join(watched(), kit, code, "Ambtelijk"),
              join(watched(viewport={"width": 375, "height": 740}), kit, code, "Inwoner"),
              join(watched(), kit, code, "Inwoner")]
    open_activity(facilitator, "Beoordelen")
    # eerlijk: everyone 7 (consensus); toegankelijk: 9/9 against 2/3 (most dissent)
    rate(people[0], 8, [7, 9])
    rate(people[1], 7.5, [7, 9])
    rate(people[2], 5, [7, 2], note="<script>window.__pwned=1</script>Te weinig voor rolstoelen")
    rate(people[3], 4.5, [7, 3])
    answered = time.monotonic()
    # each data source reaches the page as its own update: wait for the last one written (blocks)
    facilitator.wait_for_function(
        "() => { const d = (%s)(); return d['radar-inwoner'] && d['radar-inwoner'].mean[1] === 2.5"
        " && d.blocks.score.length === 8; }" % CHART_DATA, timeout=2_000)
    assert time.monotonic() - answered < 2.0
    data = chart_data(facilitator)
    assert data["radar-ambtelijk"]["mean"][:2] == [7, 9]
    assert data["radar-inwoner"]["mean"][:2] == [7, 2.5]
    assert sorted(zip(data["blocks"]["group"], data["blocks"]["score"])) == sorted(
        [("ambtelijk", 7), ("ambtelijk", 7), ("inwoner", 7), ("inwoner", 7),
         ("ambtelijk", 9), ("ambtelijk", 9), ("inwoner", 2), ("inwoner", 3)])
    first = facilitator.locator(".kit-agenda li[data-kit-statement]").first
    assert first.get_attribute("data-kit-statement") == "toegankelijk"
    note = facilitator.locator(".kit-agenda .kit-note").first.inner_text()
    assert "<script>window.__pwned=1</script>Te weinig voor rolstoelen" in note
    assert facilitator.locator(".kit-rate-grades tr[data-kit-group='inwoner'] .kit-grade").inner_text() == "4.8"
    assert "6,8" in facilitator.inner_text(".kit-rate-grades")
    for page in [facilitator, *people]:
        assert page.evaluate("window.__pwned") is None
