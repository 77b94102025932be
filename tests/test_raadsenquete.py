"""Raadsenquête Village Deals: the printed survey as read, the room's tallies and style mix (by hand),
the result blocks the dashboard, phones, screen and report draw, and the report and readable exports of a session."""

import io
from dataclasses import replace

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
from widgets.colors import category_colors
from widgets.i18n import error_message
from widgets.model.answers import Answer
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError

from .sessions import a_session

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


def five(answers: list) -> list:
    """Every participant five times: the same percentages, each group large enough for the disclosure rule (k = 5)."""
    return [replace(a, participant=f"{a.participant}-{i}") for i in range(5) for a in answers]


SESSION = a_session(("raadsenquete",), (("raad", "Raadsleden"), ("ambt", "Ambtelijk")), title="Raad", id="s1")


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


def test_the_blocks_put_the_room_and_its_groups_next_to_the_printed_survey_in_percent():
    from widgets.activities.raadsenquete.results import blocks

    statements, mixed = blocks({ACTIVITY: ANSWERS}, {}, SESSION, "nl")
    assert [c.label for c in statements.categories] == ["Eens", "Neutraal", "Oneens"]
    assert [c.color for c in statements.categories] == list(category_colors(3, ordered=True))  # agree to disagree
    assert (statements.dont_know, statements.n_label) == ("Weet niet", "N")
    assert [item.key for item in statements.items] == list(STATEMENTS)
    items = {item.key: item for item in statements.items}
    assert items["toegerust"].label.startswith("2. Raadsleden in onze gemeente zijn voldoende toegerust")
    book, room, raad, ambt = items["toegerust"].lines
    # the book: Afbeelding 4's whole percentages of N=35, no "weet niet" printed
    assert (book.key, book.label, book.shares, book.n, book.dont_know) == (
        "boek", "Village Deal-raden (Afbeelding 4)", (23, 34, 34), 35, None
    )  # fmt: skip
    # the room: eens P1 P2 P7, neutraal P5, oneens P3 of N=5 (60/20/20 %); weet niet P4 P6 apart
    assert (room.key, room.label, room.strong, room.n, room.dont_know) == ("*", "Deze zaal", True, 5, 2)
    assert room.shares == pytest.approx((60, 20, 20))
    # Raadsleden: eens 2, oneens 1 of 3; weet niet 1.  Ambtelijk: neutraal 1 of 1; weet niet 1
    assert (raad.label, raad.n, raad.dont_know, raad.color) == ("Raadsleden", 3, 1, "#1f77b4")
    assert raad.shares == pytest.approx((200 / 3, 0, 100 / 3))
    assert (ambt.label, ambt.n, ambt.dont_know, ambt.shares) == ("Ambtelijk", 1, 1, (0, 100, 0))
    assert not book.strong and not raad.strong
    # nieuwe_rol: the book prints only 'eens' (86 % of 43): the rest stays unknown, never estimated;
    # nobody in the room answered it, so no group has a line
    first = items["nieuwe_rol"].lines
    assert [(line.key, line.shares, line.n) for line in first] == [
        ("boek", (86, None, None), 43), ("*", (None, None, None), 0)
    ]  # fmt: skip

    # the styles: bewaker P5, strateeg P7, idealist P3, manager P1 P2: 1/1/1/2 of 5 chose one
    assert [c.label for c in mixed.categories] == ["Bewaker", "Strateeg", "Idealist", "Manager"]
    assert [c.color for c in mixed.categories] == list(category_colors(4, ordered=False)) and mixed.dont_know == ""
    assert mixed.intro == "5 deelnemers kozen een bestuursstijl"
    (item,) = mixed.items
    room, raad, ambt = item.lines
    assert (room.strong, room.n, room.shares) == (True, 5, (20, 20, 20, 40))
    assert (raad.n, ambt.n, ambt.shares) == (3, 1, (100, 0, 0, 0))
    assert raad.shares == pytest.approx((0, 0, 100 / 3, 200 / 3))


def test_a_group_that_chose_no_style_has_no_line_and_an_empty_room_is_dashes():
    from widgets.activities.raadsenquete.results import blocks

    only_statements = [a for a in ANSWERS if a.item != "stijl" and a.group != "ambt"]
    statements, mixed = blocks({ACTIVITY: only_statements}, {}, SESSION, "en")
    assert [line.key for line in statements.items[1].lines] == ["boek", "*", "raad"]  # ambt did not answer
    assert [(line.key, line.n, line.shares) for line in mixed.items[0].lines] == [("*", 0, (None,) * 4)]
    assert mixed.title == "Styles of governing in the room"
    assert mixed.intro == "0 participants chose a style of governing"


def cells(row) -> list:
    return [" ".join(c.get_text(" ").split()) for c in row.select("th, td")]


def test_the_tables_write_the_figures_in_dutch_and_the_screen_leaves_the_method_out():
    from widgets.activities.raadsenquete.render import results_html
    from widgets.activities.raadsenquete.results import blocks
    from widgets.render.blocks import PHONE, REPORT, SCREEN

    drawn = blocks({ACTIVITY: five(ANSWERS)}, {}, SESSION, "nl")
    soup = BeautifulSoup(str(results_html(drawn, REPORT, "nl")), "html.parser")
    method = soup.select_one(".kit-method").get_text()
    assert "'weet niet' telt niet mee in de percentages en staat apart geteld" in method
    table = soup.select_one('[data-kit-block="raadsenquete"] table[data-kit-item="toegerust"]')
    assert [cells(r) for r in table.select("tr")] == [
        ["Wie", "Eens", "Neutraal", "Oneens", "N", "Weet niet"],
        ["Village Deal-raden (Afbeelding 4)", "23%", "34%", "34%", "35", "–"],
        ["Deze zaal", "60%", "20%", "20%", "25", "10"],
        ["Raadsleden", "67%", "0%", "33%", "15", "5"],
        ["Ambtelijk", "0%", "100%", "0%", "5", "5"],
    ]
    first = soup.select_one('table[data-kit-item="nieuwe_rol"]')
    assert cells(first.select_one('tr[data-kit-group="boek"]')) == [
        "Village Deal-raden (Afbeelding 4)", "86%", "–", "–", "43", "–"
    ]  # fmt: skip
    assert cells(first.select_one('tr[data-kit-group="*"]')) == ["Deze zaal", "–", "–", "–", "0", "0"]
    styles_table = soup.select_one('[data-kit-block="raadsenquete-stijl"] table')
    assert [cells(r) for r in styles_table.select("tr")] == [
        ["Wie", "Bewaker", "Strateeg", "Idealist", "Manager", "N"],
        ["Deze zaal", "20%", "20%", "20%", "40%", "25"],
        ["Raadsleden", "0%", "0%", "33%", "67%", "15"],
        ["Ambtelijk", "100%", "0%", "0%", "0%", "5"],
    ]
    screen = BeautifulSoup(str(results_html(drawn, SCREEN, "nl")), "html.parser")
    assert screen.select(".kit-method") == [] and len(screen.select("table")) == 6
    phone = BeautifulSoup(str(results_html(drawn, PHONE, "nl")), "html.parser")
    assert phone.select("table") == [] and len(phone.select(".kit-method")) == 1
    line = phone.select_one('[data-kit-item="toegerust"] [data-kit-group="raad"]').get_text(" ", strip=True)
    assert line.replace("\xa0", " ") == "Raadsleden N 15 Eens 67% Oneens 33% Weet niet 5"


def test_a_printed_row_that_adds_up_to_more_than_a_hundred_keeps_every_part_its_length():
    from widgets.activities.raadsenquete.results import blocks
    from widgets.render.blocks import PHONE, block_html

    statements = blocks({ACTIVITY: ANSWERS}, {}, SESSION, "nl")[0]
    soup = BeautifulSoup(str(block_html(statements, PHONE, "nl")), "html.parser")
    kennis = soup.select_one('[data-kit-item="kennis"] [data-kit-group="boek"] svg.kit-block-stack')
    # Afbeelding 4 prints 46 + 29 + 28 = 103: the bar runs 3 past its end, 'oneens' is not cut to 25
    parts = [(float(r["x"]), float(r["width"])) for r in kennis.select(".kit-block-part")]
    assert parts == [(0, 46), (46, 29), (75, 28)]
    assert kennis["overflow"] == "visible"
    dilemma = soup.select_one('[data-kit-item="dilemma"] [data-kit-group="boek"] svg.kit-block-stack')
    assert not dilemma.has_attr("overflow")  # 46 + 23 + 26 = 95: the rest of the track stays grey


def workshop(store, lang="nl", times=1):
    """A raadsenquête session: three council members and one civil servant (each ``times`` over), one with a
    hostile group-free text."""
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
    ) * times:
        person = store.join(session.code, group)
        store.submit(person.token, "raadsenquete", {"nieuwe_rol": values[0], "dilemma": values[1], "stijl": style})
    return export_session(store, session.id)


def test_the_report_shows_the_room_next_to_the_printed_survey(store):
    from widgets.report.document import build_report

    soup = BeautifulSoup(build_report(workshop(store, times=5)), "html.parser")  # five of each: k = 5
    section = soup.select_one("section#raadsenquete")
    assert section.h2.get_text(strip=True) == "Raadsenquête Village Deals"
    room = section.select_one('table[data-kit-item="nieuwe_rol"] tr[data-kit-group="*"]')
    assert cells(room) == ["Deze zaal", "50%", "25%", "25%", "20", "0"]  # eens 10, neutraal 5, oneens 5
    dilemma = section.select_one('table[data-kit-item="dilemma"] tr[data-kit-group="*"]')
    assert cells(dilemma) == ["Deze zaal", "50%", "0%", "50%", "10", "10"]
    styles = section.select_one('[data-kit-block="raadsenquete-stijl"] tr[data-kit-group="*"]')
    assert cells(styles) == ["Deze zaal", "25%", "0%", "25%", "50%", "20"]  # manager 10, idealist 5, bewaker 5
    assert section.select_one(".kit-method") is not None  # how the percentages are made, in the report
    summary = soup.select_one("#samenvatting-raadsenquete")
    assert "eens in deze zaal 50% (N=20), bij de Village Deal-raden 86% (N=43)" in summary.get_text()
    assert "Meest gekozen bestuursstijl: Manager (10 van 20)" in summary.get_text()


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
