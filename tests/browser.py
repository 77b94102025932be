"""Small helpers for driving the kit's pages in Playwright: the Voila dashboard (ipywidgets) and the phones."""

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
    facilitator.locator(".kit-facilitator .widget-toggle-button", has_text=label).click()


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


def rate(page, grade, scores, note=""):
    """Answer the beoordelen activity: a grade, then the first statements (the rest skipped)."""
    page.wait_for_selector(".kit-rate-grade select", timeout=20_000)
    page.locator(".kit-rate-grade select").select_option(label=str(grade).replace(".", ","))
    page.locator(".kit-rate-next button, button.kit-rate-next").first.click()
    for step, score in enumerate(scores, start=2):
        page.wait_for_selector(f".kit-rate-progress:has-text('Stap {step} van')", timeout=10_000)
        page.locator(".kit-rate-score button", has_text=str(score)).first.click()
        if note:
            page.fill(".kit-rate-note textarea", note)
        page.locator(".kit-rate-next button, button.kit-rate-next").first.click()
    page.wait_for_selector(f".kit-rate-progress:has-text('Stap {len(scores) + 2} van')", timeout=10_000)


def set_slider(page, css_class, key):
    """Move an ipywidgets slider with its keyboard: 'Home' (minimum), 'End' (maximum)."""
    handle = page.locator(f".{css_class} .noUi-handle").first
    handle.focus()
    handle.press(key)


def place_in_triangle(page, willen="", mogen="", kunnen=""):
    page.wait_for_selector(".kit-tri-place", timeout=20_000)
    for corner, key in (("willen", willen), ("mogen", mogen), ("kunnen", kunnen)):
        if key:
            set_slider(page, f"kit-tri-{corner}", key)
    page.locator(".kit-tri-place button, button.kit-tri-place").first.click()
    page.wait_for_selector(".kit-tri-position svg", timeout=10_000)
