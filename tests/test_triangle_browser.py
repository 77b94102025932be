"""The strategic triangle in Chromium: three participants, two groups, the ternary plot's data, tensions."""

import math
import time

import pytest

from .browser import chart_data, create_session, join, open_activity, open_facilitator, place_in_triangle


def test_ternary_plot_tensions_and_notes_follow_the_participants(kit, watched):
    facilitator = open_facilitator(watched(), kit)
    code = create_session(facilitator, title="Woonvisie", activities=["Strategische driehoek"])
    a1 = join(watched(), kit, code, "Ambtelijk")
    a2 = join(watched(viewport={"width": 375, "height": 740}), kit, code, "Ambtelijk")
    inw = join(watched(), kit, code, "Inwoner")
    open_activity(facilitator, "Strategische driehoek")

    place_in_triangle(a1, willen="End", mogen="Home", kunnen="Home")    # 10, 0, 0: the willen corner
    assert "Veel willen" in a1.inner_text(".kit-tri-meaning")
    place_in_triangle(a2, willen="Home", mogen="Home", kunnen="End")    # 0, 0, 10: the kunnen corner
    place_in_triangle(inw)                                              # 5, 5, 5: the centre
    placed = time.monotonic()
    # points and centroids reach the page as two updates: wait for both
    facilitator.wait_for_function(
        "() => { let p = 0, c = 0; for (const d of Bokeh.documents) for (const m of d._all_models.values()) {"
        " if (m.name === 'ternary-points') p = m.data.x.length;"
        " if (m.name === 'ternary-centroids') c = Array.from(m.data.x).filter((x) => Math.abs(x - 0.75) < 1e-6).length; }"
        " return p === 3 && c === 1; }",
        timeout=2_000)
    assert time.monotonic() - placed < 2.0
    data = chart_data(facilitator)
    points = sorted(zip(data["ternary-points"]["group"], data["ternary-points"]["x"], data["ternary-points"]["y"]))
    expected = sorted([("ambtelijk", 0.5, math.sqrt(3) / 2), ("ambtelijk", 1.0, 0.0),
                       ("inwoner", 0.5, math.sqrt(3) / 6)])
    for got, want in zip(points, expected):
        assert got[0] == want[0] and got[1:] == pytest.approx(want[1:])
    centroids = dict(zip(data["ternary-centroids"]["group"],
                         zip(data["ternary-centroids"]["x"], data["ternary-centroids"]["y"])))
    assert centroids["ambtelijk"] == pytest.approx((0.75, math.sqrt(3) / 4))
    assert centroids["*"] == pytest.approx(((0.5 + 1.0 + 0.5) / 3, (math.sqrt(3) / 2 + math.sqrt(3) / 6) / 3))

    for page, severity, note in ((a1, "4", "<b onmouseover=alert(1)>raad</b> twijfelt"), (inw, "2", "")):
        page.locator(".kit-tri-severity-willen-mogen button", has_text=severity).first.click()
        if note:
            page.fill(".kit-tri-note-willen-mogen textarea", note)
        page.locator(".kit-tri-save-tensions button, button.kit-tri-save-tensions").first.click()
        page.wait_for_selector(".kit-activity-driehoek .kit-message-ok", timeout=10_000)
    axis = facilitator.locator('.kit-tri-tensions [data-kit-axis="willen-mogen"]')
    facilitator.wait_for_selector('.kit-tri-tensions [data-kit-axis="willen-mogen"][data-kit-mean="3.00"]',
                                  timeout=5_000)
    assert axis.locator(".kit-tri-distribution").inner_text() == "0 1 0 1 0"
    assert "<b onmouseover=alert(1)>raad</b> twijfelt" in axis.locator(".kit-note").inner_text()
    assert axis.locator(".kit-note b[onmouseover]").count() == 0
