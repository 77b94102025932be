"""The start page in a real browser: lists every notebook, switches language, stays offline."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WIDGET_TIMEOUT = 60_000


def listed_notebooks():
    return sorted(
        p.relative_to(REPO).as_posix()
        for folder in ("workshops", "lessons")
        for p in (REPO / folder).glob("*.ipynb")
        if not p.name.startswith(("_", "."))
    )


def test_root_opens_start_page_listing_every_notebook(kit, watched):
    context = watched()
    page = context.new_page()
    page.goto(kit.url)
    page.wait_for_selector(".kit-card", timeout=WIDGET_TIMEOUT)
    assert page.url.endswith("/voila/render/start.ipynb")
    assert page.locator("h1").first.inner_text().startswith("Publieke waarde")
    shown = sorted(page.locator(".kit-card").evaluate_all(
        "cards => cards.map(c => c.getAttribute('data-kit-entry'))"))
    assert shown == listed_notebooks()
    assert "lessons/01-wat-is-publieke-waarde.ipynb" in shown


def test_language_switch_shows_english(kit, watched):
    context = watched()
    page = context.new_page()
    page.goto(kit.render_url("start.ipynb"))
    page.wait_for_selector(".kit-card", timeout=WIDGET_TIMEOUT)
    page.get_by_role("link", name="English").click()
    page.wait_for_selector("text=Public value: a workshop kit", timeout=WIDGET_TIMEOUT)
    assert "lang=en" in page.url
    lesson_link = page.locator('.kit-card a[href*="01-wat-is-publieke-waarde"]')
    assert "What is public value" in lesson_link.inner_text()
    assert lesson_link.get_attribute("href").endswith("?lang=en")


def test_lesson_shows_one_language_at_a_time(kit, watched):
    page = watched().new_page()
    page.goto(kit.render_url("lessons/01-wat-is-publieke-waarde.ipynb", "lang=en"))
    page.wait_for_selector(".widget-dropdown", timeout=WIDGET_TIMEOUT)
    assert page.get_by_role("heading", name="What is public value?").is_visible()
    assert not page.get_by_role("heading", name="Wat is publieke waarde?").is_visible()
    # the exercise speaks English too
    page.get_by_role("button", name="Check").click()
    page.wait_for_selector("text=First choose a cell", timeout=10_000)


def test_learning_path_leads_from_the_basics_to_the_workshop(kit, watched):
    page = watched().new_page()
    page.goto(kit.render_url("start.ipynb"))
    page.wait_for_selector(".kit-path", timeout=WIDGET_TIMEOUT)
    step = page.locator('.kit-path-step[data-kit-workshop="workshops/publieke-waarde-tafel.ipynb"]')
    assert "Vóór de workshop: Publieke waarde tafel" in step.locator("h3").inner_text()
    first = step.locator("ol").first.locator("a")
    assert first.first.inner_text() == "Wat is publieke waarde?"
    assert first.count() >= 4
    step.get_by_role("link", name="Het waardenpalet").click()
    page.wait_for_selector(".widget-dropdown", timeout=WIDGET_TIMEOUT)
    assert page.url.split("?")[0].endswith("/lessons/02-waardenpalet.ipynb")
