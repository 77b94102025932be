"""Small helpers for driving the kit's pages in Playwright: the Voila dashboard (ipywidgets) and the phones."""

from widgets.activities.beoordelen.model import OVERALL, STATEMENTS

LOAD = 60_000  # first render of a page, kernel start included


def open_facilitator(context, kit):
    page = context.new_page()
    page.goto(kit.render_url("workshops/facilitator.ipynb"))
    page.wait_for_selector(".kit-f-title input", timeout=LOAD)
    return page


def create_session(page, title="Woonvisie 2030", municipality="Utrecht", activities=None):
    page.fill(".kit-f-title input", title)
    page.fill(".kit-f-municipality input", municipality)
    if activities is not None:
        for box in page.locator(".kit-facilitator .widget-checkbox").all():
            label = box.inner_text().strip()
            checkbox = box.locator("input")
            if checkbox.is_checked() != (label in activities):
                checkbox.click()
    page.get_by_role("button", name="Sessie aanmaken").click()
    page.wait_for_selector("[data-kit-join-code]", timeout=20_000)
    return page.inner_text("[data-kit-join-code]").strip()


def join(context, kit, code, group, typed=False, name=""):
    """A phone joins on the participant pages (no kernel): by the link, or by typing the code."""
    page = context.new_page()
    if typed:
        page.goto(f"{kit.url}kit/")
        page.fill("#code", code)
        page.get_by_role("button", name="Verder").click()
    else:
        page.goto(f"{kit.url}kit/{code}")
    page.get_by_label(group, exact=True).check()
    if name:
        page.fill("#name", name)
    page.get_by_role("button", name="Doe mee").click()
    page.wait_for_selector(".kit-joined", timeout=10_000)
    return page


def group_count(page, key):
    return page.locator(f'[data-kit-group="{key}"] .kit-count').inner_text()


def open_activity(facilitator, label):
    """Open ``label`` (or close it when open) as a facilitator does: its tab, then the control bar's button.

    Opening closes the other activities; ``also_open`` opens one beside them."""
    show_tab(facilitator, label)
    facilitator.wait_for_selector(f".kit-bar-activity:has(strong:text-is({label!r}))", timeout=10_000)
    facilitator.locator("button.kit-bar-open").click()


def also_open(facilitator, label):
    """Open ``label`` beside the activities open already (the bar's "Ook openen (naast ...)")."""
    show_tab(facilitator, label)
    facilitator.wait_for_selector(f".kit-bar-activity:has(strong:text-is({label!r}))", timeout=10_000)
    facilitator.locator("button.kit-bar-also").click()


def show_results(facilitator, label):
    """Show (or hide) ``label``'s results on the phones and the screen: its tab, then the control bar's button."""
    show_tab(facilitator, label)
    facilitator.wait_for_selector(f".kit-bar-activity:has(strong:text-is({label!r}))", timeout=10_000)
    facilitator.locator("button.kit-bar-reveal").click()


def show_tab(facilitator, label):
    """The dashboard's tab ``label``: an activity's analysis, or the session's tab ("Sessie")."""
    facilitator.get_by_role("tab", name=label, exact=True).click()


def add_value(page, text, cell_label):
    """Name one value on the waardenpalet page and wait for the acknowledgement."""
    page.wait_for_selector("form.kit-form-palet", timeout=10_000)
    page.fill("#text", text)
    page.get_by_label(cell_label, exact=True).check()
    page.locator("form.kit-form-palet button[type=submit]").click()
    page.wait_for_selector(".kit-notice", timeout=10_000)


CHART_DATA = """() => {
  const out = {};
  for (const doc of (window.Bokeh ? window.Bokeh.documents : [])) {
    for (const model of doc._all_models.values()) {
      if (model.name && model.data) {
        out[model.name] = Object.fromEntries(Object.entries(model.data).map(([k, v]) => [k, Array.from(v)]));
      }
    }
  }
  return out;
}"""


def chart_data(page):
    """Every named Bokeh data source on the page, as plain lists (what the chart draws)."""
    return page.evaluate(CHART_DATA)


RATING_STEPS = (OVERALL, *STATEMENTS)  # beoordelen's screens 1 to 10


def rating_step(page, step):
    """Wait for beoordelen's screen ``step`` (1 = the grade, 2-10 the statements) in any language."""
    page.wait_for_selector(f'form.kit-form-beoordelen[data-kit-step="{RATING_STEPS[step - 1]}"]', timeout=10_000)


def tap_score(page, score):
    """Tap a score button on a beoordelen screen: 6.5 for the grade, 1-10, or None for "weet ik niet"."""
    value = "?" if score is None else f"{score:g}"
    page.locator(f'.kit-scale input[value="{value}"] + label').click()


def rate(page, grade, scores, note=""):
    """Answer beoordelen on the phone: the grade, then the first statements (None: weet ik niet), each saved.

    Ends on the next screen: the first statement not answered, or the list of answers after the last.
    """
    rating_step(page, 1)
    tap_score(page, grade)
    page.locator("form.kit-form-beoordelen button[type=submit]").click()
    for step, score in enumerate(scores, start=2):
        rating_step(page, step)
        tap_score(page, score)
        if note:
            page.fill("#note", note)
        page.locator("form.kit-form-beoordelen button[type=submit]").click()
    if len(scores) + 2 > len(RATING_STEPS):
        page.wait_for_selector(".kit-rate-mine", timeout=10_000)
    else:
        rating_step(page, len(scores) + 2)


def tab_to(page, condition: str, limit: int = 60):
    """Press Tab until ``condition`` (a JS expression about ``el``, the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!(el && ({condition})); }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def choose_with_keyboard(page, name, value: int):
    """Tab into a group of radio buttons, then Space and the arrow keys to ``value`` (0-10 or 1-5)."""
    tab_to(page, f"el.name === {name!r}")
    page.keyboard.press("Space")
    current = int(page.evaluate("document.activeElement.value"))
    for _ in range(abs(value - current)):
        page.keyboard.press("ArrowRight" if value > current else "ArrowLeft")


def place_in_triangle(page, willen=5, mogen=5, kunnen=5, keyboard=False):
    """Score the three corners on the driehoek's first screen, by tapping the numbers or with the
    keyboard alone, and place: waits for the own place in the triangle."""
    page.wait_for_selector("form.kit-tri-scores", timeout=20_000)
    for corner, score in (("willen", willen), ("mogen", mogen), ("kunnen", kunnen)):
        if keyboard:
            choose_with_keyboard(page, corner, score)
        else:
            page.locator(f"fieldset#{corner}").get_by_text(str(score), exact=True).click()
    if keyboard:
        tab_to(page, "el.matches('form.kit-tri-scores button[type=submit]')")
        page.keyboard.press("Enter")
    else:
        page.locator("form.kit-tri-scores button[type=submit]").click()
    page.wait_for_selector(".kit-tri-position svg.kit-triangle", timeout=10_000)


def answer_tension(page, severity, note=""):
    """On a driehoek tension screen: tap how much it chafes, type the note, save; waits for the next screen."""
    form = page.locator("form.kit-tri-tension")
    axis = form.get_attribute("data-kit-axis")
    form.locator("fieldset#severity").get_by_text(str(severity), exact=True).click()
    if note:
        page.fill("#note", note)
    form.locator("button[type=submit]").click()
    page.wait_for_url(lambda url: not url.endswith(f"/spanning/{axis}"), timeout=10_000)


def to_tension(page, axis):
    """From the own place in the driehoek: on to the tensions, skipping those before ``axis``."""
    page.get_by_role("link", name="Verder naar de spanningen").click()
    page.wait_for_url("**/driehoek/spanning/*", timeout=10_000)
    for _ in range(2):
        if page.url.endswith(f"/spanning/{axis}"):
            break
        before = page.url
        page.locator("a.kit-tri-skip").click()
        page.wait_for_url(lambda url, before=before: url != before, timeout=10_000)
    page.wait_for_selector(f'form.kit-tri-tension[data-kit-axis="{axis}"]', timeout=10_000)


BROKEN_WORDS = """(selector) => {
  const broken = [];
  for (const el of document.querySelectorAll(selector)) {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
      const node = walk.currentNode;
      for (const word of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const boxes = Array.from(range.getClientRects()).filter((r) => r.width > 0);
        const lines = new Set(boxes.map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}"""


def broken_words(page, selector: str) -> list:
    """The words in the text of ``selector`` that the browser broke across lines (a word's boxes on more than one
    line): ``overflow-wrap: anywhere`` would do so silently where a word is wider than its box."""
    return page.evaluate(BROKEN_WORDS, selector)


def text_box(locator) -> dict:
    """How a paragraph reads on screen: its font size, line height, width and height in px (a line height near the
    font size reads as text; ipywidgets' HTML spaces every line 28 px apart, as a row of buttons)."""
    return locator.evaluate(
        """(p) => ({size: parseFloat(getComputedStyle(p).fontSize), line: parseFloat(getComputedStyle(p).lineHeight),
            width: p.getBoundingClientRect().width, height: p.getBoundingClientRect().height})"""
    )
