"""The participants' results page's summary: what a phone shows of the room when groups are small."""

from bs4 import BeautifulSoup

from widgets.activities.beoordelen.report import summary
from widgets.model.disclosure import OTHER

from .test_blocks import ONE_OF_FIVE, SESSION, answer


def test_a_grade_summary_without_a_group_large_enough_shows_the_room_and_overige_groepen_only():
    # Two answer as each of a, b, c, d: Raad 2 grades, Maatschappelijke organisaties 2, Inwoner 4: each group's
    # mean would be nearly someone's grade, so all are "overige groepen", which is the room
    answers = {"beoordelen": [answer(f"{who}{i}", *rest) for i in range(2) for who, *rest in ONE_OF_FIVE]}
    grade = BeautifulSoup(summary(answers, {}, SESSION, "nl"), "html.parser").select_one("#samenvatting-cijfer")
    assert "De zaal geeft gemiddeld een 7,5 (8 cijfers)" in grade.get_text(" ", strip=True)
    assert [tr["data-kit-group"] for tr in grade.select("tr[data-kit-group]")] == [OTHER]
    assert " ".join(grade.select_one(f'[data-kit-group="{OTHER}"]').get_text(" ").split()) == "Overige groepen 7,5 8"
    assert "Raad" not in grade.get_text() and "Inwoner" not in grade.get_text()
