"""The participants' results page's summary: what a phone shows of the room when groups are small."""

from bs4 import BeautifulSoup

from widgets.activities.beoordelen.results import summary

from .test_blocks import ANSWERS, SESSION


def test_a_grade_summary_without_a_group_large_enough_shows_no_empty_table():
    # Raad 1 grade, Maatschappelijke organisaties 1, Inwoner 2: each group's mean would be someone's grade
    html = BeautifulSoup(summary(ANSWERS, {}, SESSION, "nl"), "html.parser")
    grade = html.select_one("#samenvatting-cijfer")
    assert "De zaal geeft gemiddeld een 7,5 (4 cijfers)" in grade.get_text(" ", strip=True)
    assert grade.select("table") == []  # no headers over nothing
