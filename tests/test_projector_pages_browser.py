"""A result taller than the projector is paged, in Chromium (widgets/web/static/presenter.js).

The raadsenquête answered by nine phones in four groups (as in tests/test_looking_browser.py): five
statements' tables and the bestuursstijlen, more than two screens of rows. Every page fits without
scrolling (down or sideways), "1/N" says where the room is, → (or a clicker's Page Down) shows the next
page, and stepping through reaches every row. The rows of the other pages stay for screen readers; without script
everything shows (and scrolls).
"""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from widgets.model.links import facilitator_cookie
from widgets.model.sessions import SessionSpec

from .looking import join_overlap, vertical_scroll
from .test_looking_browser import ANSWERS, OWN_STATEMENTS, PROJECTORS, make_room

ACTIVITY = "raadsenquete"
# Per row of the results' tables: is it on the screen now (not on another page, not below the screen)?
ROWS_SHOWN = """() => Array.from(document.querySelectorAll('.kit-screen-results-body tr')).map((row) => {
  const box = row.getBoundingClientRect();
  return !row.closest('.kit-visually-hidden') && box.height >= 2 && box.top >= 0 && box.bottom <= window.innerHeight;
})"""
# How far the page scrolls sideways (px): a table of another page, hidden, must not stick out either.
SIDEWAYS = "() => Math.max(0, document.scrollingElement.scrollWidth - window.innerWidth)"
ROOT_FONT = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"
ROW_TEXTS = "() => Array.from(document.querySelectorAll('.kit-screen-results-body tr')).map((row) => row.innerText)"


def screen(context, kit, room, size, activity=ACTIVITY):
    host = urlparse(kit.url).hostname
    context.add_cookies([{"name": facilitator_cookie(room.code), "value": room.key, "domain": host, "path": "/"}])
    page = context.new_page()
    page.set_viewport_size(size)
    page.goto(f"{kit.url}kit/{room.code}/scherm")
    page.wait_for_selector(f'[data-kit-activity="{activity}"] .kit-screen-results-body', state="attached")
    return page


def counter(page) -> str:
    """What the room reads: "2/5"."""
    return page.inner_text("[data-kit-pages] [aria-hidden]")


def pages(page) -> int:
    return int(counter(page).split("/")[1])


@pytest.mark.parametrize("size", PROJECTORS)
def test_a_long_result_is_paged_and_stepping_reaches_every_row(size, kit, kit_store, watched):
    room = make_room(kit_store, (ACTIVITY,), ACTIVITY)
    projector = watched()
    page = screen(projector.context, kit, room, PROJECTORS[size])
    n = pages(page)
    assert counter(page) == f"1/{n}" and n >= 3
    assert page.inner_text("[data-kit-pages] .kit-visually-hidden") == f"Pagina 1 van {n}"
    assert page.locator(".kit-method").first.is_hidden()  # how the percentages are computed: for the phones
    rows = page.evaluate(ROW_TEXTS)
    seen = [False] * len(rows)
    for number in range(1, n + 1):
        assert counter(page) == f"{number}/{n}"
        found = vertical_scroll(page) + join_overlap(page)
        assert found == [], f"page {number} of {n}:\n" + "\n".join(found)
        assert page.evaluate(SIDEWAYS) == 0, f"page {number} of {n} scrolls sideways"
        shown = page.evaluate(ROWS_SHOWN)
        assert any(shown), f"page {number} of {n} shows no row"
        seen = [before or now for before, now in zip(seen, shown, strict=True)]
        page.keyboard.press("ArrowRight")
    assert counter(page) == f"{n}/{n}"  # the last page stays
    assert [text for text, was in zip(rows, seen, strict=True) if not was] == []

    # back with ← and Page Up, on with Page Down and space: what a presentation clicker sends
    for key, number in (("ArrowLeft", n - 1), ("PageUp", n - 2), ("PageDown", n - 1), ("Space", n)):
        page.keyboard.press(key)
        assert counter(page) == f"{number}/{n}", key
    assert page.evaluate("window.scrollY") == 0

    # the rows of the other pages are only out of sight: a screen reader reads every one
    hidden = page.locator(".kit-screen-results-body tr.kit-visually-hidden")
    assert hidden.count() > 0
    snapshot = page.locator(".kit-screen-results-body").aria_snapshot()
    assert len(re.findall(r"^\s*- row\b", snapshot, re.MULTILINE)) == len(rows)
    projector.assert_clean()


def test_the_pages_follow_the_room_and_the_window(kit, kit_store, watched):
    room = make_room(kit_store, (ACTIVITY,), ACTIVITY)
    projector = watched()
    page = screen(projector.context, kit, room, PROJECTORS["1920x1080"])
    n = pages(page)
    page.keyboard.press("PageDown")
    first = page.evaluate(ROWS_SHOWN).index(True)

    # a late phone answers: the results are refreshed live, the room stays on its page
    late = kit_store.join(room.code, "inwoner")
    kit_store.submit(late.token, ACTIVITY, ANSWERS[ACTIVITY](9, room))  # a tenth phone
    expect(page.locator(".kit-screen-answered")).to_have_text(re.compile("^10 van de 10"), timeout=5_000)
    assert counter(page) == f"2/{pages(page)}"
    assert page.evaluate(ROWS_SHOWN).index(True) == first
    assert vertical_scroll(page) == []

    # a lower window: more pages, still no scrolling, and the row the page began with is still in sight
    page.set_viewport_size({"width": 1920, "height": 800})
    page.wait_for_function(
        "(n) => parseInt(document.querySelector('[data-kit-pages] [aria-hidden]').textContent.split('/')[1]) > n",
        arg=n,
        timeout=5_000,
    )
    assert vertical_scroll(page) == []
    assert page.evaluate(ROWS_SHOWN)[first]
    projector.assert_clean()


def test_without_script_the_screen_shows_every_row(kit, kit_store, watched):
    room = make_room(kit_store, (ACTIVITY,), ACTIVITY)
    projector = watched(java_script_enabled=False)
    page = screen(projector.context, kit, room, PROJECTORS["1920x1080"])
    assert page.locator("[data-kit-pages]").is_hidden()
    assert page.locator(".kit-screen-results-body tr.kit-visually-hidden").count() == 0
    assert page.evaluate("document.scrollingElement.scrollHeight > window.innerHeight")  # it scrolls, all of it
    assert page.locator(".kit-method").first.is_hidden()


# A palette as a room of six gives it: values unevenly over the six cells, some long enough to take two lines.
PALETTE = (
    ("Betaalbare woningen", "individueel.materieel"),
    ("Een eigen huis", "individueel.materieel"),
    ("Een goed inkomen", "individueel.materieel"),
    ("Je thuis voelen in de wijk", "individueel.immaterieel"),
    ("Gezondheid", "individueel.immaterieel"),
    ("Je veilig voelen op straat", "individueel.immaterieel"),
    ("Eigen regie", "individueel.immaterieel"),
    ("Inspraak", "individueel.proces"),
    ("Gelijke behandeling", "individueel.proces"),
    ("Groen in de wijk", "collectief.materieel"),
    ("Goede voorzieningen", "collectief.materieel"),
    ("Bereikbaarheid", "collectief.materieel"),
    ("Leefbaarheid", "collectief.immaterieel"),
    ("Sociale cohesie", "collectief.immaterieel"),
    ("Transparantie", "collectief.proces"),
    ("Samenwerking", "collectief.proces"),
    ("Betrouwbare overheid die haar afspraken nakomt", "collectief.proces"),
    ("Rechtvaardige verdeling van sociale huurwoningen", "individueel.proces"),
    ("Duurzaamheid en klimaatbestendige wijken", "collectief.materieel"),
)
# Per table of the results: how many of its lines (body rows) are on the screen now.
LINES_SHOWN = """() => Array.from(document.querySelectorAll('.kit-screen-results-body table')).map((table) =>
  Array.from(table.tBodies).flatMap((body) => Array.from(body.rows))
    .filter((row) => !row.closest('.kit-visually-hidden') && row.getBoundingClientRect().height >= 2).length)"""


def palette_screen(context, kit, kit_store, values: int):
    """The merged palette of ``values`` of PALETTE on a 1920x1080 projector, given by ten phones: two groups
    of five, shown under the small-group rule."""
    session, key = kit_store.create_session(
        SessionSpec(title="Woonvisie 2030", topic="wonen", municipality="Utrecht", activities=("palet",))
    )
    kit_store.set_activity_open(session.id, "palet", True)
    tokens = [kit_store.join(session.code, group).token for group in ("ambtelijk", "inwoner") * 5]
    for n, (text, cell) in enumerate(PALETTE[:values]):
        kit_store.submit(tokens[n % len(tokens)], "palet", {f"v{n}": {"text": text, "cell": cell}})
    kit_store.set_state(session.id, "palet", "reveal", True)
    host = urlparse(kit.url).hostname
    context.add_cookies([{"name": facilitator_cookie(session.code), "value": key, "domain": host, "path": "/"}])
    page = context.new_page()
    page.set_viewport_size(PROJECTORS["1920x1080"])
    page.goto(f"{kit.url}kit/{session.code}/scherm")
    page.wait_for_selector('[data-kit-activity="palet"] .kit-screen-results-body')
    page.wait_for_selector("[data-kit-pages] [aria-hidden]", state="attached")
    return page


def test_a_page_takes_what_fits_and_no_line_of_a_table_is_left_alone_on_the_next(kit, kit_store, watched):
    projector = watched()
    # eighteen values fit one screen once a table's spacing under its last line is not counted as content
    page = palette_screen(projector.context, kit, kit_store, 18)
    assert counter(page) == "1/1" and page.locator("[data-kit-pages]").is_hidden()
    assert vertical_scroll(page) == []
    # one more: two pages, and a table split over them keeps two or more of its lines on each
    page = palette_screen(projector.context, kit, kit_store, 19)
    n = pages(page)
    assert n == 2
    shown = []
    for number in range(1, n + 1):
        assert counter(page) == f"{number}/{n}" and vertical_scroll(page) == [], number
        shown.append(page.evaluate(LINES_SHOWN))
        page.keyboard.press("ArrowRight")
    for table, lines in enumerate(zip(*shown, strict=True)):
        split = [count for count in lines if count]
        assert len(split) == 1 or min(split) >= 2, f"table {table + 1}: lines per page {lines}"
    projector.assert_clean()


# Every share written in a bar: its words, whether they lie inside their part of the bar, their height (px).
WRITTEN = """() => Array.from(document.querySelectorAll('.kit-block-stack-written text'))
  .filter((text) => !text.closest('.kit-visually-hidden')).map((text) => {
    const words = text.getBoundingClientRect(), part = text.previousElementSibling.getBoundingClientRect();
    return {text: text.textContent, inside: words.left >= part.left - 0.5 && words.right <= part.right + 0.5,
            height: words.height};
  })"""


def test_own_statements_stand_each_with_its_row_on_the_screen(kit, kit_store, watched):
    room = make_room(kit_store, ("eigen",), "eigen")
    projector = watched()
    page = screen(projector.context, kit, room, PROJECTORS["1920x1080"], "eigen")
    for number, statement in enumerate(OWN_STATEMENTS, start=1):
        row = page.locator(f'.kit-screen-results-body tr[data-kit-item="e{number}"]')
        said = row.inner_text().replace("\xa0", " ")  # keep_number glues "Stelling" to its number
        assert statement in said and f"Stelling {number}" in said
    assert page.locator(".kit-own-statements").count() == 0  # no list of them apart, above the figures
    assert vertical_scroll(page) == [] and page.evaluate(SIDEWAYS) == 0
    projector.assert_clean()


def test_eleven_success_factors_take_two_screens_not_four(kit, kit_store, watched):
    room = make_room(kit_store, ("succesfactoren",), "succesfactoren")  # wonen: Box 2.4's eleven factors
    projector = watched()
    page = screen(projector.context, kit, room, PROJECTORS["1920x1080"], "succesfactoren")
    assert pages(page) == 2  # a table per factor took four
    rows = page.evaluate(ROW_TEXTS)
    assert len(rows) == 12  # the headings and a row per factor, in one table
    seen = [False] * len(rows)
    for number in (1, 2):
        assert vertical_scroll(page) == [] and page.evaluate(SIDEWAYS) == 0, f"page {number}"
        written = page.evaluate(WRITTEN)
        assert written and all(w["inside"] for w in written), written  # each share's words inside its part
        assert min(w["height"] for w in written) >= 0.9 * page.evaluate(ROOT_FONT), written  # read across the room
        seen = [before or now for before, now in zip(seen, page.evaluate(ROWS_SHOWN), strict=True)]
        page.keyboard.press("ArrowRight")
    assert all(seen[1:]), rows  # every factor was on a page
    projector.assert_clean()
