"""Small helpers for driving the kit's pages (ipywidgets) in Playwright."""

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
    page = context.new_page()
    if typed:
        page.goto(kit.render_url("workshops/deelnemen.ipynb"))
        page.wait_for_selector(".kit-code-input input", timeout=LOAD)
        page.fill(".kit-code-input input", code)
        page.get_by_role("button", name="Verder").click()
    else:
        page.goto(kit.render_url("workshops/deelnemen.ipynb", f"sessie={code}"))
    page.wait_for_selector(".kit-group-choice", timeout=LOAD)
    page.locator(".kit-group-choice label", has_text=group).click()
    if name:
        page.locator(".kit-participant .widget-text input").fill(name)
    page.get_by_role("button", name="Doe mee").click()
    page.wait_for_selector(".kit-joined", timeout=20_000)
    return page


def group_count(page, key):
    return page.locator(f'[data-kit-group="{key}"] .kit-count').inner_text()


def open_activity(facilitator, label):
    facilitator.locator(".kit-facilitator .widget-toggle-button", has_text=label).click()


def add_value(page, text, cell_label):
    page.wait_for_selector(".kit-palet-text input", timeout=20_000)
    page.fill(".kit-palet-text input", text)
    page.locator(".kit-palet-cell select").select_option(label=cell_label)
    page.locator(".kit-palet-add button, button.kit-palet-add").first.click()
    page.wait_for_selector(".kit-activity-palet .kit-message-ok", timeout=10_000)
