"""The beoordelen views without a browser: stepping through, revising, the dashboard's data."""

import pytest

from widgets.model.sessions import SessionSpec


@pytest.fixture
def rating(sqlite_store):
    from widgets.views.rating import RatingDashboard, RatingParticipant

    session, _ = sqlite_store.create_session(SessionSpec(title="Woonvisie", topic="wonen", municipality="Gouda",
                                                         activities=("beoordelen",)))
    session = sqlite_store.set_activity_open(session.id, "beoordelen", True)
    people = [sqlite_store.join(session.code, g) for g in ("ambtelijk", "ambtelijk", "inwoner")]
    views = [RatingParticipant(sqlite_store, session, p, "nl") for p in people]
    return sqlite_store, session, views, RatingDashboard(sqlite_store, session, "nl")


def answer(view, grade, scores, note=""):
    view.grade.value = grade
    view.forward.click()
    for score in scores:
        view.score.value = score
        view.note.value = note
        view.forward.click()


def test_statements_name_the_municipality_and_topic_and_steps_are_counted(rating):
    _, _, (view, *_), _ = rating
    assert "Stap 1 van 10" in view.progress.value
    view.grade.value = 7.5
    view.forward.click()
    assert "Stap 2 van 10" in view.progress.value
    assert "Het beleid en de beleidsuitvoering van Gouda voor wonen zijn eerlijk." in view.question.value


def test_grade_is_required_and_answers_can_be_revised(rating):
    store, session, (view, *_), _ = rating
    view.forward.click()
    assert "Geef een rapportcijfer" in view.message.value
    answer(view, 6.5, [7, "?"])
    view.back.click()
    view.back.click()
    view.back.click()
    assert view.grade.value == 6.5
    view.grade.value = 8
    view.forward.click()
    assert view.score.value == 7
    mine = store.my_answers(view.participant.token, "beoordelen")
    assert mine["cijfer"]["score"] == 8 and mine["toegankelijk"]["score"] is None
    assert store.history_count(session.id) == 1


def test_dashboard_radar_blocks_agenda_and_reference(rating):
    store, session, (a1, a2, inw), dash = rating
    answer(a1, 8, [8, 7])
    answer(a2, 7, [8, 7])
    answer(inw, 4, [3, 7], note="<b>te weinig</b> sociale huur")
    dash.refresh(store.session(session.id))
    assert dash.radar_sources["ambtelijk"].data["mean"][:2] == [8, 7]
    assert dash.radar_sources["inwoner"].data["mean"][:2] == [3, 7]
    assert sorted(dash.block_source.data["score"]) == [3, 7, 7, 7, 8, 8]
    assert '<td class="kit-grade">7.5</td>' in dash.grades.value
    assert "Landelijk gemiddelde rapportcijfer voor Wonen: 6,8" in dash.grades.value
    first = dash.agenda.value.split('data-kit-statement="')[1].split('"')[0]
    assert first == "eerlijk"
    assert "&lt;b&gt;te weinig&lt;/b&gt; sociale huur" in dash.agenda.value and "<b>te weinig" not in dash.agenda.value


def test_revealed_results_reach_participants_without_bokeh(rating):
    store, session, (a1, _, inw), dash = rating
    answer(a1, 8, [8])
    assert inw.results.value == ""
    dash.reveal.value = True
    inw.refresh(store.session(session.id))
    assert 'data-kit-statement="eerlijk"' in inw.results.value and ">8.0<" in inw.results.value
