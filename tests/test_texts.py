"""The book's content in an English session: translated, marked as a translation, the Dutch original at hand."""

import pytest
from bs4 import BeautifulSoup

from widgets.activities.palet.render import book_palette_html
from widgets.datasets import read_dataset
from widgets.model.sessions import Session
from widgets.texts import PALETTES_FILE, book_palette, routes, statements, tension_questions
from widgets.views.lesson import Lesson, palette_grid_html

TABLES = ("1.1", "2.1", "3.1", "4.1")


def test_every_example_value_of_the_book_has_an_english_translation():
    rows = read_dataset(PALETTES_FILE).rows
    assert rows and all(row["value_en"].strip() and row["value_en"] != row["value"] for row in rows)
    assert any("value_en" in line and "vertaling" in line for line in read_dataset(PALETTES_FILE).provenance)


def test_english_readers_get_the_translation_with_the_dutch_original():
    shelter = next(v for v in book_palette("2.1", "en") if v.original == "Onderdak")
    assert (shelter.value, shelter.lang, shelter.perspective, shelter.kind) == (
        "Shelter",
        "en",
        "individueel",
        "materieel",
    )
    dutch = book_palette("2.1")
    assert [v.value for v in dutch][:2] == ["Onderdak", "Betaalbaarheid"] and not any(v.original for v in dutch)
    assert [v.original for v in book_palette("2.1", "en")] == [v.value for v in dutch]  # same values, same order


@pytest.mark.parametrize("table", TABLES)
def test_the_participants_example_palette_says_once_that_it_is_translated(table):
    page = BeautifulSoup(book_palette_html(book_palette(table, "en"), "en", table), "html.parser")
    items = page.select("li")
    assert items and len(page.select(".kit-translation-note")) == 1
    assert "Translated from the Dutch original" in page.select_one(".kit-translation-note").get_text()
    english = {v.original: v.value for v in book_palette(table, "en")}
    assert len(items) == len(english)
    for item in items:
        original = item.select_one("small.kit-original")
        assert original["lang"] == "nl" and original.get_text()[1:-1] in english
        assert item.get_text() == f"{english[original.get_text()[1:-1]]} {original.get_text()}"
        assert not item.get("lang")  # the translation is in the page's own language


def test_the_dutch_example_palette_is_the_book_itself():
    page = BeautifulSoup(book_palette_html(book_palette("2.1"), "nl", "2.1"), "html.parser")
    assert page.select_one("li").get_text() == "Onderdak"
    assert not page.select(".kit-original, .kit-translation-note, [lang]")


def test_dutch_values_shown_on_an_english_page_are_marked_dutch():
    """A caller that passes the Dutch values still gives screen readers the right language."""
    page = BeautifulSoup(book_palette_html(book_palette("2.1"), "en", "2.1"), "html.parser")
    assert all(li["lang"] == "nl" for li in page.select("li")) and not page.select(".kit-translation-note")


def test_an_english_lesson_shows_the_palette_and_the_exercise_in_english():
    lesson = Lesson({"lang": "en"})
    grid = BeautifulSoup(palette_grid_html(lesson.palette("1.1"), "en"), "html.parser")
    assert "Low parking costs" in grid.get_text()
    assert grid.select_one("small.kit-original[lang=nl]").get_text().startswith("(Meerdere effectieve")
    assert grid.select_one(".kit-translation-note")
    exercise = lesson.classify_exercise("2.1", n=4, seed=1)
    english = {v.value for v in book_palette("2.1", "en")}
    assert {choice.description for choice in exercise.choices} <= english
    assert "Translated from the Dutch original" in exercise.children[0].value
    dutch = Lesson({"lang": "nl"}).classify_exercise("2.1", n=4, seed=1)
    assert {c.description for c in dutch.choices} <= {v.value for v in book_palette("2.1")}
    assert dutch.children[0] is dutch.choices[0]  # the book's own words: no translation note


def test_a_language_without_its_own_columns_reads_the_dutch_texts():
    session = Session("1", "ABCDEF", "Woonvisie", "wonen", "Gouda", "fy", ("beoordelen",), (), "open")
    assert statements(session, "fy") == statements(session, "nl")
    assert statements(session, "fy")["eerlijk"]["label"] == "Eerlijk"
    assert statements(session, "en")["eerlijk"]["label"] == "Fair"
    assert tension_questions("fy") == tension_questions("nl") != tension_questions("en")
    assert routes("fy") == routes("nl") != routes("en")
