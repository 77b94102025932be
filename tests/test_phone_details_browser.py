"""Small things a phone shows between and around activities, measured in Chromium.

A field takes no more than the server keeps; an error summary's bullet stands beside its message's first
line on a 320 px phone; once an activity has run and closed the phone says so (not "the first activity
opens soon"); released results are one tap away while an activity is open too, under its form.
"""

from io import BytesIO

from PIL import Image

from widgets.model.results import RELEASED, RESULTS
from widgets.model.validation import LIMITS

from . import axe
from .browser import join

SMALL = {"width": 320, "height": 640}
WAIT = 10_000

# Per item of the error summary: the box of its first line of text, and the strip left of it where the bullet is.
SUMMARY = """() => Array.from(document.querySelectorAll('.kit-error-summary li')).map((li) => {
  const range = document.createRange();  // the message's text: a box per line (not the link's box)
  range.selectNodeContents(document.createTreeWalker(li, NodeFilter.SHOW_TEXT).nextNode());
  const lines = Array.from(range.getClientRects()).filter((r) => r.width > 0);
  const box = li.getBoundingClientRect();
  return {text: li.innerText, first: lines[0].toJSON(), lines: new Set(lines.map((r) => Math.round(r.top))).size,
          strip: {x: Math.max(0, box.left - 24), y: box.top, width: Math.min(24, box.left) - 2, height: box.height}};
})"""


def bullet_rows(page, strip: dict) -> tuple:
    """The first and last pixel row (page coordinates) of the dark marks in ``strip``: the bullet."""
    image = Image.open(BytesIO(page.screenshot(clip=strip))).convert("L")
    scale = image.height / strip["height"]
    rows = [y for y in range(image.height) if min(image.getpixel((x, y)) for x in range(image.width)) < 128]
    assert rows, "no bullet left of the message"
    return strip["y"] + rows[0] / scale, strip["y"] + rows[-1] / scale


def test_fields_take_what_the_server_keeps_and_a_wrapped_error_keeps_its_bullet_on_its_first_line(
    kit, watched, new_session, kit_store
):
    session = new_session()
    page = watched(viewport=SMALL).new_page()
    page.goto(f"{kit.url}kit/{session.code}")
    page.locator("#name").press_sequentially("x" * (LIMITS["name"] + 5))
    assert len(page.input_value("#name")) == LIMITS["name"]  # the 41st letter is not taken
    # a name sent longer anyway (no maxlength: another browser, a script) is refused in Dutch, as before
    page.evaluate("document.querySelector('#name').removeAttribute('maxlength')")
    page.fill("#name", "x" * (LIMITS["name"] + 1))
    page.get_by_label("Inwoner", exact=True).check()
    page.get_by_role("button", name="Doe mee").click()
    page.wait_for_selector(".kit-error-summary li", timeout=WAIT)
    items = page.evaluate(SUMMARY)
    assert [i["text"] for i in items] == ["Naam of rol is te lang: maximaal 40 tekens."]
    assert kit_store.participant_counts(session.id) == {}
    assert items[0]["lines"] > 1  # at 320 px the message wraps
    for item in items:
        top, bottom = bullet_rows(page, item["strip"])
        first = item["first"]
        assert first["top"] <= top and bottom <= first["bottom"], (item["text"], top, bottom, first)

    # a palette value too: 80 letters and no more
    join(page.context, kit, session.code, "Inwoner").close()
    page.goto(f"{kit.url}kit/{session.code}/palet")
    page.locator("#text").press_sequentially("y" * (LIMITS["value"] + 3))
    assert len(page.input_value("#text")) == LIMITS["value"]


def test_between_activities_a_phone_is_told_what_comes_and_where_the_results_are(kit, watched, new_session, kit_store):
    session = new_session(activities=("palet",), open=())
    page = join(watched(viewport=SMALL), kit, session.code, "Inwoner")
    page.wait_for_selector(".kit-waiting", timeout=WAIT)
    assert "eerste onderdeel" in page.inner_text(".kit-waiting")  # nothing has run yet

    kit_store.set_activity_open(session.id, "palet", True)
    page.wait_for_selector("#text", timeout=WAIT)  # live
    page.fill("#text", "Groen in de wijk")
    page.get_by_label("collectief, materieel").check()
    page.get_by_role("button", name="Toevoegen").click()
    page.wait_for_selector("[data-kit-item] .kit-mine-text, .kit-mine-item", timeout=WAIT)
    assert page.locator("[data-kit-results-link]").count() == 0  # nothing released yet

    kit_store.set_state(session.id, RESULTS, RELEASED, True)
    link = page.locator(".kit-results-after a")
    link.wait_for(timeout=WAIT)  # live, the activity still open
    assert link.get_attribute("href").endswith(f"kit/{session.code}/resultaten")
    form = page.locator(".kit-form-palet").bounding_box()
    assert link.bounding_box()["y"] > form["y"] + form["height"]  # under the form, not in its way
    found = axe.violations(page, axe.install())
    assert found == [], axe.report(found)

    kit_store.set_activity_open(session.id, "palet", False)
    page.wait_for_selector(".kit-waiting", timeout=WAIT)
    waiting = page.inner_text(".kit-waiting")
    assert waiting.startswith("Dit onderdeel is gesloten.") and "eerste" not in waiting
    assert page.locator("[data-kit-results-link]").count() == 1  # the large link on top, once
    page.get_by_role("link", name="Bekijk de resultaten").click()
    page.wait_for_url(lambda url: url.endswith("/resultaten"), timeout=WAIT)
