"""Bars that tell the truth, in Chromium: every bar of a revealed result is drawn on the one scale of its block.

Three phones (each with four more like it) answer Beoordelen in groups whose names differ much in length
(so a table's columns differ in width: a bar scaled to its cell would show it) and the facilitator reveals.
On a phone at 320 and 375 px wide and at 200 % zoom, and on the presentation screen at 1920 x 1080, each bar's
drawn width (``getBoundingClientRect``) is proportional to its value within 2 %, equal values are
drawn equal, and nothing scrolls sideways. ``KIT_SCREENSHOTS=<folder>`` also saves what was measured.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlparse

from .browser import join, rate

GROUPS = ("Raad", "Maatschappelijke organisaties", "Inwoner")
# per group: the grade, then eerlijk, toegankelijk, rechtvaardig (the rest is left open: no bars)
ANSWERS = {"Raad": (8, [8, 7, 6]), "Maatschappelijke organisaties": (6, [6, 7, 8]), "Inwoner": (8, [7, 7, 6])}
PHONES = {
    "telefoon-320": {"viewport": {"width": 320, "height": 640}},
    "telefoon-375": {"viewport": {"width": 375, "height": 667}},
    # 200 % zoom as tests/test_accessibility_browser.py takes it: a 1280 x 900 window's layout at 640 x 450
    "zoom-200": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2},
}
PROJECTOR = {"viewport": {"width": 1920, "height": 1080}}
TOLERANCE = 0.02

# Every bar of the revealed results: its drawn width and the number shown beside it (in its table cell
# or on its line), so the check reads any markup that puts a bar next to its number.
BARS = r"""() => Array.from(document.querySelectorAll('[data-kit-results] svg[aria-hidden="true"]'))
  .filter(svg => svg.querySelectorAll('rect').length && svg.closest('td, li') && svg.getClientRects().length)
  .filter(svg => !svg.classList.contains('kit-legend-swatch'))
  .map(svg => {
    const rects = svg.querySelectorAll('rect'), holder = svg.closest('td, li');
    const shown = (holder.querySelector('.kit-score-value') || holder).textContent;
    return {width: rects[rects.length - 1].getBoundingClientRect().width,
            value: shown.match(/\d+(?:[.,]\d+)?/)[0], where: holder.textContent.trim().slice(0, 40)};
  })"""
OVERFLOW = "() => document.scrollingElement.scrollWidth - window.innerWidth"


def measured(page) -> list:
    """``[(value, width, where)]`` of every bar on the page."""
    bars = page.evaluate(BARS)
    return [(float(b["value"].replace(",", ".")), b["width"], b["where"]) for b in bars]


def check_bars(page, name: str):
    bars = measured(page)
    assert len(bars) >= 9, f"{name}: {bars}"  # three groups, the grade and three statements
    ratios = sorted(width / value for value, width, _ in bars)
    scale = ratios[len(ratios) // 2]
    off = [(v, round(w, 1), where) for v, w, where in bars if abs(w / v - scale) > TOLERANCE * scale]
    assert off == [], f"{name}: bars not proportional to their values ({round(scale, 2)} px per point): {off}"
    by_value = {}
    for value, width, _ in bars:
        by_value.setdefault(value, []).append(width)
    unequal = {v: [round(w, 1) for w in widths] for v, widths in by_value.items() if max(widths) - min(widths) > 0.5}
    assert unequal == {}, f"{name}: equal values drawn at different lengths: {unequal}"
    assert page.evaluate(OVERFLOW) <= 0, f"{name}: the page scrolls sideways"
    folder = os.environ.get("KIT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def test_every_bar_is_drawn_on_one_scale_on_phones_and_the_projector(kit, watched, kit_store, crowd):
    from widgets.model.sessions import SessionSpec, group_key

    spec = SessionSpec(title="Woonvisie 2030", topic="wonen", municipality="Utrecht", activities=("beoordelen",))
    spec.groups = GROUPS
    session, key = kit_store.create_session(spec)
    kit_store.set_activity_open(session.id, "beoordelen", True)
    phones = {}
    for group, (grade, scores) in ANSWERS.items():
        page = join(watched(**PHONES["telefoon-320"]), kit, session.code, group)
        page.goto(f"{kit.url}kit/{session.code}/beoordelen")
        rate(page, grade, scores)
        phones[group] = page
        # four more answer as this phone did: five in each group, as the disclosure rule (k = 5) asks
        given = dict(zip(("cijfer", "eerlijk", "toegankelijk", "rechtvaardig"), (grade, *scores), strict=True))
        crowd(session, group_key(group), "beoordelen", {item: {"score": s, "note": ""} for item, s in given.items()})
    kit_store.set_state(session.id, "beoordelen", "reveal", True)  # what the facilitator's switch does

    phone = phones["Raad"]
    phone.wait_for_selector("[data-kit-results]", timeout=5_000)  # live, without a reload
    for name, size in PHONES.items():
        if "device_scale_factor" in size:  # a zoomed phone is a new browser with the same participant
            zoomed = watched(**size)
            zoomed.context.add_cookies(phone.context.cookies())
            page = zoomed.new_page()
            page.goto(phone.url)
            page.wait_for_selector("[data-kit-results]", timeout=5_000)
        else:
            page = phone
            page.set_viewport_size(size["viewport"])
        check_bars(page, name)

    projector = watched(**PROJECTOR)
    projector.context.add_cookies(
        [{"name": f"kit_f_{session.code}", "value": key, "domain": urlparse(kit.url).hostname, "path": "/"}]
    )
    screen = projector.new_page()
    screen.goto(f"{kit.url}kit/{session.code}/scherm")
    screen.wait_for_selector(".kit-screen-results-body", timeout=5_000)
    assert re.search(r"\b8,0\b", screen.inner_text(".kit-screen-results-body"))
    check_bars(screen, "scherm-1920")
