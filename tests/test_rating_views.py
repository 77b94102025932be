"""The beoordelen dashboard without a browser: answers go in through the store, the charts' data and HTML come out."""

import math

import pytest
from bs4 import BeautifulSoup

from widgets.model.sessions import SessionSpec


@pytest.fixture
def rating(sqlite_store):
    from widgets.activities.beoordelen.dashboard import Dashboard as RatingDashboard

    session, _ = sqlite_store.create_session(
        SessionSpec(title="Woonvisie", topic="wonen", municipality="Gouda", activities=("beoordelen",))
    )
    session = sqlite_store.set_activity_open(session.id, "beoordelen", True)
    people = [sqlite_store.join(session.code, g) for g in ("ambtelijk", "ambtelijk", "inwoner")]
    return sqlite_store, session, people, RatingDashboard(sqlite_store, session, "nl")


def answer(store, person, grade, scores, note=""):
    """What a phone stores: the grade, then the first statements in the book's order."""
    from widgets.activities.beoordelen.model import STATEMENTS, check_answer

    answers = {"cijfer": check_answer("cijfer", grade)}
    answers.update({key: check_answer(key, score, note) for key, score in zip(STATEMENTS, scores, strict=False)})
    store.submit(person.token, "beoordelen", answers)


def soup(html):
    return BeautifulSoup(html, "html.parser")


def test_radar_and_blocks_follow_the_answers(rating):
    store, session, (a1, a2, inw), dash = rating
    answer(store, a1, 8, [8, 7])
    answer(store, a2, 7, [8, 7])
    answer(store, inw, 4, [3, None])
    dash.refresh(store.session(session.id))
    assert dash.radar_sources["ambtelijk"].data["mean"][:2] == [8, 7]
    inwoner = dash.radar_sources["inwoner"].data["mean"]
    assert inwoner[0] == 3 and math.isnan(inwoner[1])  # "weet ik niet" leaves a gap, not a zero
    assert sorted(dash.block_source.data["score"]) == [3, 7, 7, 8, 8]


def test_grades_per_group_with_dutch_decimals_and_the_national_reference(rating):
    store, session, (a1, a2, inw), dash = rating
    answer(store, a1, 8, [])
    answer(store, a2, 7, [])
    answer(store, inw, 4.5, [])
    dash.refresh(store.session(session.id))
    grades = soup(dash.grades.value)
    assert grades.select_one("tr[data-kit-group=ambtelijk] .kit-grade").get_text() == "7,5"
    assert grades.select_one("tr[data-kit-group=inwoner] .kit-grade").get_text() == "4,5"
    assert grades.select_one("tr[data-kit-group=bestuurlijk-politiek] .kit-grade").get_text() == "–"
    assert grades.select_one(".kit-grade-all").get_text() == "6,5"
    assert "Landelijk gemiddelde rapportcijfer voor Wonen: 6,8" in grades.get_text()


def test_the_agenda_puts_the_most_dissent_first_and_escapes_notes(rating):
    store, session, (a1, a2, inw), dash = rating
    # eerlijk and toegankelijk: everyone agrees; rechtvaardig: 9 and 7 against 3
    answer(store, a1, 8, [6, 7, 9])
    answer(store, a2, 7, [6, 7, 7])
    answer(store, inw, 4, [6, 7, 3], note="<b>te weinig</b> sociale huur")
    dash.refresh(store.session(session.id))
    agenda = soup(dash.agenda.value)
    order = [li["data-kit-statement"] for li in agenda.select("li[data-kit-statement]")]
    assert order[:3] == ["rechtvaardig", "eerlijk", "toegankelijk"] and len(order) == 9
    first = agenda.select_one("li[data-kit-statement]")
    assert first["data-kit-dissent"] == "5.816"  # within sqrt(2/3) + between 8 - 3
    assert "verschil 5,8 (binnen 0,8, tussen 5,0)" in first.get_text()
    assert "Ambtelijk 8,0 · Inwoner 3,0" in first.get_text()
    assert "Het beleid van Gouda voor wonen is rechtvaardig." in first.get_text()
    assert [li.get_text() for li in first.select("ul")[0].select("li")] == [  # the book's questions
        "Wat is voor u 'rechtvaardigheid'?",
        "Welke voorbeelden zijn er van (on)rechtvaardigheid?",
        "Wat is de achtergrond daarvan?",
    ]
    assert "nog geen antwoorden" in agenda.select_one("li[data-kit-statement=outcomes]").get_text()
    notes = [li.get_text() for li in agenda.select(".kit-note")]
    assert notes[0] == "Inwoner: <b>te weinig</b> sociale huur"
    assert "&lt;b&gt;te weinig&lt;/b&gt; sociale huur" in dash.agenda.value and "<b>te weinig" not in dash.agenda.value


def test_the_agenda_shows_where_all_groups_agree_next_to_the_dissent(rating):
    store, session, (a1, a2, inw), dash = rating
    dash.refresh(store.session(session.id))
    empty = soup(dash.agenda.value).select_one(".kit-agenda-agreement")
    assert "vraagt scores van minstens twee groepen" in empty.get_text()
    answer(store, a1, 8, [6, 7, 9])
    answer(store, a2, 7, [6, 7, 7])
    answer(store, inw, 4, [6, 7, 3])
    dash.refresh(store.session(session.id))
    agenda = soup(dash.agenda.value)
    part = agenda.select_one(".kit-agenda-agreement")
    assert part.h4.get_text() == "Waar alle groepen het over eens zijn"
    # toegankelijk, all 7: (2 + 1) / (2 + 2) * (1 + 1) / (1 + 2) = 0.5. rechtvaardig 9/7 against 3:
    # 3/4 * 1/3 = 0.25, not above the floor; eerlijk, all 6: 1/4 * 1/3, no dissent yet no agreement.
    agreed = part.select("li[data-kit-agreed]")
    assert [(li["data-kit-agreed"], li["data-kit-agreement"]) for li in agreed] == [("toegankelijk", "0.500")]
    assert "overeenstemming 0,50 · een 7 of hoger: Ambtelijk 2 van 2 · Inwoner 1 van 1" in agreed[0].get_text()
    assert "voorzieningen in het beleid van Gouda zijn toegankelijk" in agreed[0].get_text()
    # the dissent agenda follows with its own heading and all nine statements
    dissent = agenda.select_one(".kit-agenda-dissent")
    assert dissent.h4.get_text().startswith("Waar het meeste verschil zit")
    assert len(dissent.select("li[data-kit-statement]")) == 9


def test_no_statement_above_the_floor_says_so(rating):
    store, session, (a1, a2, inw), dash = rating
    answer(store, a1, 8, [6])
    answer(store, inw, 4, [8])  # 1/3 * 2/3 = 0.22
    dash.refresh(store.session(session.id))
    part = soup(dash.agenda.value).select_one(".kit-agenda-agreement")
    assert not part.select("li") and "Nog geen stelling waarover alle groepen het breed eens zijn" in part.get_text()


def test_english_dashboard_uses_points_and_no_reference_for_an_own_topic(sqlite_store):
    from widgets.activities.beoordelen.model import summarize
    from widgets.activities.beoordelen.render import grades_html

    session, _ = sqlite_store.create_session(
        SessionSpec(
            title="Park", topic="Groen in de wijk", municipality="Ede", language="en", activities=("beoordelen",)
        )
    )
    sqlite_store.set_activity_open(session.id, "beoordelen", True)
    person = sqlite_store.join(session.code, "inwoner")
    answer(sqlite_store, person, 6.5, [])
    html = grades_html(summarize(sqlite_store.answers(session.id, "beoordelen")), session, "en")
    assert soup(html).select_one("tr[data-kit-group=inwoner] .kit-grade").get_text() == "6.5"
    assert "The book has no national figure for this topic." in html
