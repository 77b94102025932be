"""Raadsenquête Village Deals: the printed survey as read, the room's tallies and style mix (by hand),
the fragment the dashboard, phones and report show, and the report and readable exports of a session."""

import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from widgets.activities.raadsenquete.model import (
    ACTIVITY,
    STATEMENTS,
    check_answer,
    check_stored,
    printed,
    statement_results,
    style_mix,
    styles,
)
from widgets.i18n import error_message
from widgets.model.answers import Answer
from widgets.model.sessions import Group, Session, SessionSpec
from widgets.model.validation import InputError

GROUPS = ("raad", "ambt")


def answer(who, group, item, value):
    return Answer.from_dict({"activity": ACTIVITY, "participant": who, "group": group, "item": item, "value": value})


# raad: P1 eens / manager, P2 eens / manager, P3 oneens / idealist, P4 weet niet; ambt: P5 neutraal / bewaker,
# P6 weet niet; P7 is in a group since removed (eens, strateeg).
ANSWERS = [
    answer("P1", "raad", "toegerust", "eens"),
    answer("P2", "raad", "toegerust", "eens"),
    answer("P3", "raad", "toegerust", "oneens"),
    answer("P4", "raad", "toegerust", "weet_niet"),
    answer("P5", "ambt", "toegerust", "neutraal"),
    answer("P6", "ambt", "toegerust", "weet_niet"),
    answer("P7", "weg", "toegerust", "eens"),
    answer("P1", "raad", "stijl", "manager"),
    answer("P2", "raad", "stijl", "manager"),
    answer("P3", "raad", "stijl", "idealist"),
    answer("P5", "ambt", "stijl", "bewaker"),
    answer("P7", "weg", "stijl", "strateeg"),
]
SESSION = Session(
    "s1", "ABC123", "Raad", "wonen", "Gouda", "nl", ("raadsenquete",), (), "open",
    groups=(Group("raad", "Raadsleden"), Group("ambt", "Ambtelijk")),
)  # fmt: skip


def test_the_printed_survey_is_read_as_printed_with_the_empty_cells_kept_empty():
    survey = {p.key: p for p in printed()}
    assert list(survey) == list(STATEMENTS)
    assert (survey["nieuwe_rol"].shares, survey["nieuwe_rol"].n) == ({"eens": 86, "neutraal": None, "oneens": None}, 43)
    assert (survey["kennis"].shares, survey["kennis"].n) == ({"eens": 46, "neutraal": 29, "oneens": 28}, 35)
    assert survey["dilemma"].text("en").startswith("In the transformation of the social domain our council struggles")
    assert [(key, label, len(traits)) for key, label, traits in styles("nl")] == [
        ("bewaker", "Bewaker", 3),
        ("strateeg", "Strateeg", 3),
        ("idealist", "Idealist", 2),
        ("manager", "Manager", 3),
    ]
    assert styles("en")[0][1] == "Guardian"


def test_percentages_leave_dont_know_out_and_count_it_apart():
    results = {r.key: r for r in statement_results(ANSWERS, GROUPS)}
    room = results["toegerust"].room
    # room: eens P1 P2 P7, neutraal P5, oneens P3 -> 5 answered; weet niet P4 P6
    assert (room.counts, room.answered, room.dont_know) == ({"eens": 3, "neutraal": 1, "oneens": 1}, 5, 2)
    assert [room.share(c) for c in ("eens", "neutraal", "oneens")] == [0.6, 0.2, 0.2]
    raad = results["toegerust"].by_group["raad"]
    assert (raad.answered, raad.dont_know, raad.share("eens"), raad.share("neutraal")) == (3, 1, 2 / 3, 0)
    ambt = results["toegerust"].by_group["ambt"]
    assert (ambt.answered, ambt.dont_know, ambt.share("neutraal")) == (1, 1, 1)
    assert set(results["toegerust"].by_group) == set(GROUPS)  # the removed group counts in the room only
    nobody = results["kennis"].room
    assert (nobody.answered, nobody.dont_know, nobody.share("eens")) == (0, 0, None)


def test_the_mix_of_styles_counts_and_shares_per_group():
    mix = style_mix(ANSWERS, GROUPS)
    assert mix.room.counts == {"bewaker": 1, "strateeg": 1, "idealist": 1, "manager": 2}
    assert (mix.room.total, mix.room.share("manager"), mix.room.share("bewaker")) == (5, 0.4, 0.2)
    assert mix.by_group["raad"].counts == {"bewaker": 0, "strateeg": 0, "idealist": 1, "manager": 2}
    assert (mix.by_group["raad"].share("manager"), mix.by_group["ambt"].share("bewaker")) == (2 / 3, 1)
    assert style_mix([], GROUPS).room.share("manager") is None


@pytest.mark.parametrize(
    "item, value, message",
    [
        ("toegerust", "misschien", "Kies eens, neutraal, oneens of weet niet."),
        ("toegerust", "manager", "Kies eens, neutraal, oneens of weet niet."),
        ("stijl", "eens", "Kies een van de vier bestuursstijlen."),
        ("stijl", "", "Kies een van de vier bestuursstijlen."),
    ],
)
def test_other_answers_are_refused_in_dutch(item, value, message):
    with pytest.raises(InputError) as caught:
        check_answer(item, value)
    assert error_message(caught.value, "nl") == message


def test_an_answer_from_a_file_is_checked_as_a_phones():
    assert check_stored("dilemma", "weet_niet") == "weet_niet" and check_stored("stijl", "strateeg") == "strateeg"
    for item, value in (("onbekend", "eens"), ("kennis", {"score": 3}), ("stijl", None)):
        with pytest.raises(InputError):
            check_stored(item, value)


def cells(row) -> list:
    return [" ".join(c.get_text(" ").split()) for c in row.select("th, td")]


def test_the_fragment_shows_printed_room_and_groups_and_never_estimates(monkeypatch):
    from widgets.activities.raadsenquete.render import results_html

    soup = BeautifulSoup(str(results_html(ANSWERS, SESSION, "nl")), "html.parser")
    assert "'weet niet' telt niet mee in de percentages en staat apart geteld" in soup.get_text()
    table = soup.select_one('table[data-kit-statement="toegerust"]')
    assert cells(table.select_one('tr[data-kit-row="printed"]')) == [
        "Village Deal-raden (Afbeelding 4)", "23%", "34%", "34%", "35", "–"
    ]  # fmt: skip
    assert cells(table.select_one('tr[data-kit-row="room"]')) == ["Deze zaal", "60%", "20%", "20%", "5", "2"]
    assert cells(table.select_one('tr[data-kit-row="group-raad"]')) == ["Raadsleden", "67%", "0%", "33%", "3", "1"]
    assert cells(table.select_one('tr[data-kit-row="group-ambt"]')) == ["Ambtelijk", "0%", "100%", "0%", "1", "1"]
    first = soup.select_one('table[data-kit-statement="nieuwe_rol"]')
    assert cells(first.select_one('tr[data-kit-row="printed"]')) == [
        "Village Deal-raden (Afbeelding 4)", "86%", "niet afgedrukt", "niet afgedrukt", "43", "–"
    ]  # fmt: skip
    assert cells(first.select_one('tr[data-kit-row="room"]')) == ["Deze zaal", "–", "–", "–", "0", "0"]
    assert first.select('tr[data-kit-row^="group-"]') == []  # a group that did not answer adds no row
    styles_table = soup.select_one("table.kit-raad-styles")
    assert [cells(r) for r in styles_table.select("tr[data-kit-style]")] == [
        ["Bewaker", "1 (20%)", "0 (0%)", "1 (100%)"],
        ["Strateeg", "1 (20%)", "0 (0%)", "0 (0%)"],
        ["Idealist", "1 (20%)", "1 (33%)", "0 (0%)"],
        ["Manager", "2 (40%)", "2 (67%)", "0 (0%)"],
    ]
    assert cells(styles_table.select_one('tr[data-kit-row="total"]')) == ["Totaal", "5", "3", "1"]


def workshop(store, lang="nl"):
    """A raadsenquête session: three council members and one civil servant, one with a hostile group-free text."""
    from widgets.report.transfer import export_session

    session, _ = store.create_session(
        SessionSpec(
            title="Raad <b>Gouda</b>",
            topic="lokale democratie",
            municipality="Gouda",
            language=lang,
            groups=("Raadsleden", "Ambtelijk"),
            activities=("raadsenquete",),
        )
    )
    store.set_activity_open(session.id, "raadsenquete", True)
    raad, ambt = (g.key for g in session.groups)
    for group, values, style in (
        (raad, ("eens", "eens"), "manager"),
        (raad, ("eens", "oneens"), "manager"),
        (raad, ("neutraal", "weet_niet"), "idealist"),
        (ambt, ("oneens", "weet_niet"), "bewaker"),
    ):
        person = store.join(session.code, group)
        store.submit(person.token, "raadsenquete", {"nieuwe_rol": values[0], "dilemma": values[1], "stijl": style})
    return export_session(store, session.id)


def test_the_report_shows_the_room_next_to_the_printed_survey(store):
    from widgets.report.document import build_report

    soup = BeautifulSoup(build_report(workshop(store)), "html.parser")
    section = soup.select_one("section#raadsenquete")
    assert section.h2.get_text(strip=True) == "Raadsenquête Village Deals"
    room = section.select_one('table[data-kit-statement="nieuwe_rol"] tr[data-kit-row="room"]')
    assert cells(room) == ["Deze zaal", "50%", "25%", "25%", "4", "0"]  # eens 2, neutraal 1, oneens 1
    dilemma = section.select_one('table[data-kit-statement="dilemma"] tr[data-kit-row="room"]')
    assert cells(dilemma) == ["Deze zaal", "50%", "0%", "50%", "2", "2"]
    assert section.select_one('tr[data-kit-style="manager"]')["data-kit-count"] == "2"
    summary = soup.select_one("#samenvatting-raadsenquete")
    assert "eens in deze zaal 50% (N=4), bij de Village Deal-raden 86% (N=43)" in summary.get_text()
    assert "Meest gekozen bestuursstijl: Manager (2 van 4)" in summary.get_text()


def test_the_readable_exports_name_the_statement_and_the_choice_in_words(sqlite_store):
    from widgets.report.exports import COLUMNS, csv_bytes, xlsx_bytes

    data = workshop(sqlite_store, lang="en")
    text = csv_bytes(data).decode("utf-8-sig")
    assert "Village Deals council survey" in text
    assert "The transformation of the social domain asks for a new role of the council" in text
    assert "Don't know" in text and "Style of governing" in text and "Guardian" in text
    sheet = load_workbook(io.BytesIO(xlsx_bytes(data)))["Village Deals council survey"]
    rows = [row for row in sheet.iter_rows(values_only=True) if len(row) == len(COLUMNS)]
    value, item = COLUMNS.index("value"), COLUMNS.index("item")
    chosen = [r[value] for r in rows if r[item] == "Style of governing"]
    assert sorted(chosen) == ["Guardian", "Idealist", "Manager", "Manager"]
    assert sum(1 for r in rows if r[value] == "Agree") == 3  # two on nieuwe_rol, one on dilemma
