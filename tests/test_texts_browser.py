"""An English lesson in Chromium: the book's example palette is shown translated, marked as such, the Dutch at hand."""

from . import axe

WIDGET_TIMEOUT = 60_000


def test_an_english_lesson_shows_the_book_palette_as_a_translation(kit, watched):
    page = watched().new_page()
    page.goto(kit.render_url("lessons/02-waardenpalet.ipynb", "lang=en"))
    palette = page.locator("table.kit-palette", has_text="Shelter")
    palette.wait_for(timeout=WIDGET_TIMEOUT)
    shelter = palette.locator("span", has_text="Shelter")
    assert shelter.locator("xpath=following-sibling::small[1]").inner_text() == "(Onderdak)"
    assert shelter.locator("xpath=following-sibling::small[1]").get_attribute("lang") == "nl"
    assert "Translated from the Dutch original" in page.locator(".kit-translation-note").first.inner_text()
    assert "Onderdak" not in page.locator("table.kit-palette", has_text="Shelter").locator("span").all_inner_texts()
    found = [
        v for v in axe.violations(page, axe.install()) if v["id"] in ("valid-lang", "html-has-lang", "color-contrast")
    ]
    assert found == [], axe.report(found)
