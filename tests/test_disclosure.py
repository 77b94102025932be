"""Small groups give nothing away (issue 30, point 1): one disclosure rule, every surface participants see.

The rule (widgets.model.disclosure): a group's figure reaches the phones, the presentation screen, the
results page and the report only when at least k participants make it up (KIT_MIN_GROUP, default 5);
the room's only when at least k do and the room less the groups shown is nobody or at least k people
(else the smallest group shown is left out too). The facilitator's dashboard shows everything, marked.

The attack measured on main: a resident alone in "Inwoner" grades 3,5; someone who joins that group with
two made-up participants whose grades they know read "Inwoner 6,9 (4)" and worked out the 3,5. Below, the
same room in numbers: five officials grade 6,5, the resident 3,5 (and the padding 8, 9, 9,5 where it joins).
"""

import pytest
from bs4 import BeautifulSoup

from widgets.activities.beoordelen.results import blocks as rating_blocks
from widgets.model.answers import Answer
from widgets.model.blocks import (
    Category,
    Column,
    Facts,
    Figure,
    Group,
    RankedItem,
    Ranking,
    Row,
    Scale,
    ScoredItem,
    Scores,
    SharedItem,
    Shares,
    Split,
)
from widgets.model.disclosure import OTHER, disclose, fold_answers, min_group, shown
from widgets.model.results import RELEASED, RESULTS, compare
from widgets.model.sessions import SessionSpec
from widgets.render.blocks import COMPONENTS, DASHBOARD, PARTICIPANTS, PHONE, REPORT, SCREEN, block_html
from widgets.render.disclosure import WITHHOLD

from .sessions import a_session

HIDDEN = "te weinig deelnemers om te tonen"
GROUPS_LEFT_OUT = "Te weinig deelnemers om per groep te tonen: "  # then the groups withheld on every line, once
LONE = "3,5"  # the resident's grade: it must appear nowhere a participant looks


# ------------------------------------------------------------------ the rule


def test_k_is_five_unless_the_kit_is_started_with_another_and_never_below_three(monkeypatch):
    monkeypatch.delenv("KIT_MIN_GROUP", raising=False)
    assert min_group() == 5
    for value, k in (("7", 7), (" 10 ", 10), ("3", 3), ("2", 3), ("1", 3), ("vijf", 5), ("", 5)):
        monkeypatch.setenv("KIT_MIN_GROUP", value)
        assert min_group() == k, value


def test_the_launcher_passes_k_to_the_server_and_its_kernels_and_refuses_less_than_three(capsys):
    from widgets.launch import kit_environment, parse_args

    assert kit_environment(parse_args(["--min-group", "7"]), {})["KIT_MIN_GROUP"] == "7"
    assert "KIT_MIN_GROUP" not in kit_environment(parse_args([]), {})
    with pytest.raises(SystemExit):
        parse_args(["--min-group", "2"])
    assert "--min-group" in capsys.readouterr().err  # "... moet 3 of meer zijn", in the shell's language


def test_a_group_shows_from_k_and_the_room_gives_no_hidden_group_away():
    assert shown(0) and not shown(1) and not shown(4) and shown(5) and shown(4, k=4)
    # two groups of five: both shown, and the room
    assert disclose({"a": 5, "b": 5}).hidden == set() and disclose({"a": 5, "b": 5}).room
    # a lone member beside a group of five: the room less a would be the lone member's answer, so a goes too
    lone = disclose({"a": 5, "b": 1})
    assert lone.hidden == {"a", "b"} and lone.room
    # the smallest group shown goes (a tie: the first key), the other stays
    assert disclose({"a": 6, "b": 5, "c": 2}).hidden == {"b", "c"}
    assert disclose({"b": 5, "a": 5, "c": 1}).hidden == {"a", "c"}
    # hidden groups of k together give nothing away: no more is left out
    assert disclose({"a": 5, "b": 3, "c": 2}).hidden == {"b", "c"}
    # people in no group shown count too (a group since removed): 5 + 2 in a room of 7
    assert disclose({"a": 5}, room=7).hidden == {"a"}
    # a room of fewer than k shows nothing at all
    small = disclose({"a": 3, "b": 1})
    assert small.hidden == {"a", "b"} and not small.room
    # nobody in the room: a dash everywhere; an empty group beside others reads as a small one ("te weinig")
    assert disclose({}).room and disclose({"a": 0}).hidden == set() and disclose({"a": 0}).room
    assert disclose({"a": 0, "b": 5}).hidden == {"a"} and disclose({"a": 0, "b": 6}, room=6).room


def test_folding_puts_the_groups_under_k_in_overige_groepen():
    def answer(who, group):
        return Answer("beoordelen", who, group, "cijfer", {"score": 6, "note": ""})

    answers = [answer(f"a{n}", "ambtelijk") for n in range(6)] + [answer("i1", "inwoner"), answer("r1", "raad")]
    answers += [answer(f"b{n}", "bestuur") for n in range(5)]
    folded, found = fold_answers(answers)
    # inwoner 1 and raad 1 are 2 together: bestuur (5, the smallest shown) joins them in "overige groepen"
    assert found.hidden == {"inwoner", "raad", "bestuur"} and found.room
    assert {a.group for a in folded} == {"ambtelijk", OTHER}
    assert sum(a.group == OTHER for a in folded) == 7


# ------------------------------------------------------------------ the attack, in numbers

OFFICIALS = {f"a{n}": 6.5 for n in range(1, 6)}
GROUP = dict.fromkeys(OFFICIALS, "ambtelijk") | {"lone": "inwoner", "me": "inwoner", "f1": "inwoner", "f2": "inwoner"}
GROUP |= {"f3": "inwoner"}


def test_two_made_up_participants_and_ones_own_grade_no_longer_give_the_lone_member_away():
    padded = OFFICIALS | {"lone": 3.5, "me": 8, "f1": 9, "f2": 9.5}  # Inwoner: four, three of them known to "me"
    mine = compare("cijfer", padded, "me", GROUP, "inwoner")
    assert mine.group is None  # main showed (3,5 + 8 + 9 + 9,5) / 4 = 7,5, and 4 x 7,5 - 26,5 = 3,5
    # the room is shown (62,5 / 9), but not Ambtelijk's mean: the room less it would be Inwoner's four again
    assert mine.room == pytest.approx(62.5 / 9)
    assert compare("cijfer", padded, "a1", GROUP, "ambtelijk").group is None
    # the phone's, the screen's and the report's blocks ask the rule with the same counts: the same groups go
    counts = disclose({"ambtelijk": 5, "inwoner": 4})
    assert counts.hidden == {"ambtelijk", "inwoner"} and counts.room


def test_padding_a_group_to_k_is_what_the_rule_does_not_stop():
    """The rule counts answers, not people: four made-up participants and the lone member make five, and a
    group of five is shown. SECURITY.md says so ("Not promised"); the join limits slow it down and the
    facilitator's dashboard shows every group's count."""
    padded = OFFICIALS | {"lone": 3.5, "me": 8, "f1": 9, "f2": 9.5, "f3": 10}
    assert compare("cijfer", padded, "me", GROUP, "inwoner").group == pytest.approx(8.0)  # 40 / 5: 40 - 36,5 = 3,5


# ------------------------------------------------------------------ the render layer, per block kind

SESSION = a_session(("beoordelen",), (("ambtelijk", "Ambtelijk"), ("inwoner", "Inwoner")))


def grades(inwoners=(3.5,)) -> list:
    found = [Answer("beoordelen", ref, "ambtelijk", "cijfer", {"score": g, "note": ""}) for ref, g in OFFICIALS.items()]
    found += [
        Answer("beoordelen", f"i{n}", "inwoner", "cijfer", {"score": g, "note": ""}) for n, g in enumerate(inwoners)
    ]
    return found


def soup(html) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


def test_every_block_kind_says_how_it_is_disclosed():
    assert set(COMPONENTS) <= set(WITHHOLD)
    assert set(PARTICIPANTS) == {PHONE, SCREEN, REPORT}


def test_a_lone_member_s_grade_reaches_no_surface_for_participants_and_the_dashboard_marks_it():
    (block,) = rating_blocks({"beoordelen": grades()}, {}, SESSION, "nl")
    for surface in PARTICIPANTS:
        drawn = soup(block_html(block, surface, "nl"))
        grade = drawn.select_one('[data-kit-item="cijfer"]')
        assert LONE not in grade.get_text() and "6,5" not in grade.get_text(), surface  # Ambtelijk goes too
        # withheld on every line: named once above the block, no line, number or bar of theirs
        assert drawn.get_text().count(GROUPS_LEFT_OUT + "Ambtelijk, Inwoner.") == 1, surface
        assert not grade.select('[data-kit-group="ambtelijk"], [data-kit-group="inwoner"], [data-kit-withheld]')
        assert len(grade.select("svg.kit-block-bar")) == 1, surface  # the room's
        # what they may see instead: everyone's grade, (5 x 6,5 + 3,5) / 6, which the block adds where it withholds
        assert grade.select_one('[data-kit-group="*"] .kit-score-value').get_text() == "6,0", surface
    dashboard = soup(block_html(block, DASHBOARD, "nl")).select_one('[data-kit-item="cijfer"]')
    cells = [" ".join(td.get_text(" ").split()) for td in dashboard.select("td")]
    assert cells == ["6,5 n=5, niet getoond aan deelnemers", "3,5 n=1, niet getoond aan deelnemers"]


def test_five_residents_show_and_so_does_ambtelijk():
    (block,) = rating_blocks({"beoordelen": grades((3.5, 8, 9, 9.5, 10))}, {}, SESSION, "nl")
    grade = soup(block_html(block, PHONE, "nl")).select_one('[data-kit-item="cijfer"]')
    assert [v.get_text() for v in grade.select(".kit-score-value")] == ["6,5", "8,0"]  # no room's line: as before
    assert not grade.select("[data-kit-withheld]")


def test_the_setting_changes_k_for_every_surface(monkeypatch):
    monkeypatch.setenv("KIT_MIN_GROUP", "3")
    (block,) = rating_blocks({"beoordelen": grades((3.5, 8, 9))}, {}, SESSION, "nl")
    grade = soup(block_html(block, SCREEN, "nl")).select_one('[data-kit-item="cijfer"]')
    assert [v.get_text() for v in grade.select(".kit-score-value")] == ["6,5", "6,8"]  # (3,5 + 8 + 9) / 3


GROUPS = (Group("ambtelijk", "Ambtelijk", "#1f77b4"), Group("inwoner", "Inwoner", "#d62728"))


def test_a_room_line_of_shares_hides_with_the_groups_and_a_printed_line_stays():
    categories = (Category("eens", "Eens", "#1d4f91"), Category("oneens", "Oneens", "#6b2a0c"))
    lines = (
        Split("boek", "Boek", (60, 40), 3, printed=True),  # a source's three: not the session's people
        Split("*", "Iedereen", (50, 50), 4, strong=True),
        Split("ambtelijk", "Ambtelijk", (67, 33), 3),
        Split("inwoner", "Inwoner", (0, 100), 1, 1),
    )
    block = Shares("s", "Stellingen", "Wie", categories, (SharedItem("s1", "Stelling", lines),), dont_know="Weet niet")
    for surface in (PHONE, REPORT):
        drawn = soup(block_html(block, surface, "nl"))
        assert "60%" in drawn.select_one('[data-kit-group="boek"]').get_text()
        room = drawn.select_one('[data-kit-group="*"]')
        assert room.select_one("[data-kit-withheld]").get_text() == HIDDEN
        assert "%" not in room.get_text() and not room.select("svg.kit-block-stack"), surface
        # groups withheld on every line are named once above, not drawn line by line
        assert not drawn.select('[data-kit-group="ambtelijk"], [data-kit-group="inwoner"]'), surface
        assert drawn.get_text().count(GROUPS_LEFT_OUT + "Ambtelijk, Inwoner.") == 1, surface
    marked = soup(block_html(block, DASHBOARD, "nl")).select_one('[data-kit-group="inwoner"]')
    assert "100%" in marked.get_text() and "n=1, niet getoond aan deelnemers" in marked.get_text()


def test_a_ranking_s_totals_withheld_take_their_order_with_them():
    items = (
        RankedItem("groen", "Groen", 300, (Figure(200, 3), Figure(100, 1))),
        RankedItem("betaalbaar", "Betaalbaar", 100, (Figure(100, 3), Figure(0, 1))),
    )
    block = Ranking("p", "Punten", "Waarde", "Punten", Scale(0, 300), GROUPS, items)
    phone = soup(block_html(block, PHONE, "nl"))
    # four spread points: no total, no group's points, and the values alphabetically, not by points
    assert [c.select_one(".kit-score-label").get_text() for c in phone.select(".kit-score-card")] == [
        "Betaalbaar",
        "Groen",
    ]
    assert "300" not in phone.get_text() and "200" not in phone.get_text() and not phone.select("svg.kit-block-bar")
    assert not phone.select("[data-kit-points]")
    table = soup(block_html(block, DASHBOARD, "nl"))
    assert [tr["data-kit-item"] for tr in table.select("tbody tr")] == ["groen", "betaalbaar"]  # by points there
    assert "300 n=4, niet getoond aan deelnemers" in " ".join(table.select_one("tbody tr td").get_text(" ").split())


def test_facts_rows_of_groups_hide_with_their_room_and_rows_on_their_own_by_their_count():
    columns = (Column("n", "Aantal"), Column("mean", "Gemiddeld"))
    rows = (
        Row("ambtelijk", "Ambtelijk", (5, 2.0), n=5),
        Row("inwoner", "Inwoner", (1, 4.0), n=1),
        Row("*", "Iedereen", (6, 2.3), strong=True, n=6),
        Row("boek", "De 49", (49, 3.1)),  # not the session's people
    )
    phone = soup(block_html(Facts("t", "Trap", "Groep", columns, rows), PHONE, "nl"))
    cards = {card["data-kit-row"]: card for card in phone.select("[data-kit-row]")}
    # Ambtelijk would give Inwoner away through the room's row: neither has a card, both are named once above
    assert "ambtelijk" not in cards and "inwoner" not in cards
    assert GROUPS_LEFT_OUT + "Ambtelijk, Inwoner." in phone.get_text()
    assert [dd.get_text() for dd in cards["*"].select("dd")] == ["6", "2,3"]
    assert [dd.get_text() for dd in cards["boek"].select("dd")] == ["49", "3,1"]
    alone = (Row("pa", "PA", (20.0,), n=4), Row("sr", "SR", (30.0,), n=4))  # the room's shares beside the 49
    table = soup(block_html(Facts("b", "Naast de 49", "", (Column("room", "Zaal"),), alone), SCREEN, "nl"))
    assert [td.get_text() for td in table.select("td")] == [HIDDEN, HIDDEN]


def test_scores_with_the_room_shown_hide_the_room_of_fewer_than_k():
    items = (ScoredItem("x", "X", (Figure(6, 3), Figure(8, 1)), Figure(6.5, 4)),)
    block = Scores("s", "Scores", "Item", Scale(1, 10), GROUPS, items, room="Iedereen")
    room = soup(block_html(block, SCREEN, "nl")).select_one('td[data-kit-group="*"]')
    assert room.get_text() == HIDDEN


# ------------------------------------------------------------------ every surface, over HTTP and in the report


@pytest.fixture
def lone_room(kit, kit_store, phone, crowd):
    """Beoordelen with five officials (6,5) and one resident (3,5) on a phone, revealed and released."""
    spec = SessionSpec(title="Woonvisie 2030", topic="wonen", municipality="Gouda", activities=("beoordelen",))
    session, key = kit_store.create_session(spec)
    kit_store.set_activity_open(session.id, "beoordelen", True)
    lone = phone()
    lone.join(session.code, "Inwoner")
    kit_store.submit(lone.token(session.code), "beoordelen", {"cijfer": {"score": 3.5, "note": ""}})
    official = phone()
    official.join(session.code, "Ambtelijk")
    kit_store.submit(official.token(session.code), "beoordelen", {"cijfer": {"score": 6.5, "note": ""}})
    crowd(session, "ambtelijk", "beoordelen", {"cijfer": {"score": 6.5, "note": ""}})
    kit_store.set_state(session.id, "beoordelen", "reveal", True)
    kit_store.set_state(session.id, RESULTS, RELEASED, True)
    screen = phone()
    screen.http.cookies.set(f"kit_f_{session.code}", key)
    return session, official, screen


def test_the_phone_and_the_projector_show_no_group_under_k(lone_room):
    session, official, screen = lone_room
    page = official.get(f"kit/{session.code}/beoordelen/2")
    card = page.soup.select_one('[data-kit-results] [data-kit-item="cijfer"]')
    # Ambtelijk goes too (the room less it would be the resident), and the groups nobody of joined (a dash beside
    # them would set them apart): all named once above the block, not per line
    every = GROUPS_LEFT_OUT + "Bestuurlijk-politiek, Ambtelijk, Maatschappelijke partner, Inwoner."
    assert every in page.text("[data-kit-results]")
    assert not card.select('[data-kit-group="ambtelijk"], [data-kit-group="inwoner"], [data-kit-withheld]')
    assert card.select_one('[data-kit-group="*"] .kit-score-value').get_text() == "6,0"  # everyone: 36 / 6
    assert LONE not in page.text("[data-kit-results]")
    shown = screen.get(f"kit/{session.code}/scherm")
    row = shown.soup.select_one('.kit-screen-activity tr[data-kit-item="cijfer"]')
    assert not row.select("[data-kit-withheld]") and len(row.select("td")) == 1
    assert every in shown.text(".kit-screen-activity")
    assert row.select_one('td[data-kit-group="*"] .kit-score-value').get_text() == "6,0"
    assert LONE not in shown.text(".kit-screen-activity")


def test_the_results_page_shows_the_room_and_no_group_under_k(lone_room):
    session, official, _ = lone_room
    page = official.get(f"kit/{session.code}/resultaten")
    mine = [c.get_text(" ", strip=True) for c in page.soup.select('tr[data-kit-item="cijfer"] > *')]
    # own 6,5; Ambtelijk's mean would give the resident away through the room's: a dash; the room 36 / 6 = 6,0
    assert mine == ["Rapportcijfer", "6,5", "–", "6,0"]
    grades_table = page.soup.select_one("#samenvatting-cijfer")
    listed = [tr["data-kit-group"] for tr in grades_table.select("tr[data-kit-group]")]
    assert "inwoner" not in listed and "ambtelijk" not in listed and OTHER in listed  # "overige groepen": the room
    assert LONE not in page.text("main")


def test_the_report_folds_the_lone_member_into_overige_groepen(lone_room, kit_store):
    from widgets.report.document import build_report
    from widgets.report.transfer import export_session

    session, _, _ = lone_room
    html = build_report(export_session(kit_store, session.id))
    report = BeautifulSoup(html, "html.parser")
    section = report.select_one("section#beoordelen")
    assert LONE not in section.get_text() and LONE not in report.select_one("#samenvatting").get_text()
    assert not section.select('[data-kit-group="inwoner"]') and not section.select('[data-kit-group="ambtelijk"]')
    assert "Overige groepen" in section.get_text()  # the six together: the room
    # the padding: three made-up residents make four, still fewer than five: nothing changes
    for grade in (8, 9, 9.5):
        kit_store.submit(kit_store.join(session.code, "inwoner").token, "beoordelen", {"cijfer": {"score": grade}})
    padded = BeautifulSoup(build_report(export_session(kit_store, session.id)), "html.parser")
    assert not padded.select_one("section#beoordelen").select('[data-kit-group="inwoner"]')
    assert "7,5" not in padded.select_one("section#beoordelen").get_text()  # (3,5 + 8 + 9 + 9,5) / 4


def test_a_room_of_fewer_than_k_shows_no_figures_in_the_report(kit_store, new_session):
    from widgets.report.document import build_report
    from widgets.report.transfer import export_session

    session = new_session(activities=("beoordelen",))
    for group, grade in (("inwoner", 3.5), ("ambtelijk", 6.5), ("ambtelijk", 7)):
        kit_store.submit(kit_store.join(session.code, group).token, "beoordelen", {"cijfer": {"score": grade}})
    report = BeautifulSoup(build_report(export_session(kit_store, session.id)), "html.parser")
    assert report.select_one("section#beoordelen p").get_text() == (
        "Te weinig deelnemers om de uitkomsten te tonen: ze verschijnen vanaf 5 deelnemers."
    )
    assert report.select_one("#samenvatting-cijfer") is None and LONE not in report.get_text()


def test_the_results_page_names_no_largest_gap_of_a_group_of_one(kit_store, new_session):
    """Main's results page showed "Grootste verschil: Inwoner (+3,0)" for a group of one (that person's own move)."""
    from widgets.render.results import summary_html
    from widgets.report.transfer import export_session

    session = new_session(activities=("trap",))
    kit_store.submit(kit_store.join(session.code, "inwoner").token, "trap", {"trede": {"now": 1, "should": 4}})
    for _ in range(5):
        kit_store.submit(kit_store.join(session.code, "ambtelijk").token, "trap", {"trede": {"now": 2, "should": 2}})
    text = soup(summary_html(export_session(kit_store, session.id), session, "nl")).get_text(" ", strip=True)
    assert "Grootste verschil" not in text and "+3,0" not in text
    assert "Gemiddeld nu trede 1,8, straks 2,3" in text  # the room of six: 11 / 6 and 14 / 6


def test_the_report_and_the_phone_leave_out_the_same_groups_so_neither_completes_the_other(kit_store, new_session):
    """Per figure, every surface asks the rule with the same counts. Ambtelijk has six participants, one of whom
    said "weet ik niet" on eerlijk; Inwoner five; one bestuurder. On eerlijk Ambtelijk and Inwoner both have five
    scores: the rule leaves out Ambtelijk (the first of the smallest), on the phone and in the report alike.
    Had the report folded by participants (Inwoner the smaller there, six against five), it would show
    Ambtelijk's 6,0 beside the phone's Inwoner 8,0, and the room less both would be the bestuurder's 2."""
    from widgets.report.document import build_report
    from widgets.report.transfer import export_session

    session = new_session(activities=("beoordelen",))
    people = [("ambtelijk", 6)] * 5 + [("ambtelijk", None)] + [("inwoner", 8)] * 5 + [("bestuurlijk-politiek", 2)]
    for group, fair in people:
        token = kit_store.join(session.code, group).token
        kit_store.submit(token, "beoordelen", {"cijfer": {"score": 7}, "eerlijk": {"score": fair}})
    data = export_session(kit_store, session.id)
    (block,) = rating_blocks({"beoordelen": [a for a in kit_store.answers(session.id)]}, {}, session, "nl")
    phone = soup(block_html(block, PHONE, "nl")).select_one('[data-kit-item="eerlijk"]')
    # Inwoner 8,0; everyone 72 / 11; Ambtelijk withheld on this line (it shows on the grade); the lone bestuurder
    # and Maatschappelijke partner (nobody, beside others: no dash that would set it apart) named once above
    assert [v.get_text() for v in phone.select(".kit-score-value")] == ["8,0", "6,5"]
    assert [w.get_text() for w in phone.select("[data-kit-withheld]")] == [HIDDEN]
    report = BeautifulSoup(build_report(data), "html.parser")
    radar = report.select_one('#figuur-radar tr[data-kit-statement="eerlijk"]')
    # Inwoner, then Ambtelijk and the bestuurder as "Overige groepen" ((5 x 6 + 2) / 6), then everyone
    assert [td.get_text() for td in radar.select("td")] == ["8,0", "5,3", "6,5"]
    assert "6,0" not in report.select_one("section#beoordelen").get_text()  # Ambtelijk's eerlijk, nowhere


def test_places_in_the_triangle_of_a_group_under_k_are_drawn_as_overige_groepen_without_their_mean():
    from widgets.model.blocks import Corner, MeanPlace, Placement, Placements

    corners = (Corner("willen", "willen"), Corner("mogen", "mogen"), Corner("kunnen", "kunnen"))
    groups = GROUPS + (Group("raad", "Raad", "#2ca02c"),)
    points = (Placement("ambtelijk", (8, 2, 2)),) * 5 + (Placement("inwoner", (2, 8, 2)),) * 5
    points += (Placement("raad", (1, 1, 9)),)  # the one councillor
    means = (
        MeanPlace("ambtelijk", "Ambtelijk", (67, 17, 17), 5),
        MeanPlace("inwoner", "Inwoner", (17, 67, 17), 5),
        MeanPlace("raad", "Raad", (9, 9, 82), 1),
        MeanPlace("*", "Iedereen", (40, 40, 20), 11),
    )
    block = Placements("driehoek", "Iedereen", "Groep", corners, groups, points, means, intro="Zwakste hoek: kunnen.")
    phone = soup(block_html(block, PHONE, "nl"))
    # the councillor and (the first of the smallest) Ambtelijk together: six places without their group's name
    drawn = [m["data-kit-group"] for m in phone.select("svg .kit-tri-point")]
    assert drawn == [OTHER] * 5 + ["inwoner"] * 5 + [OTHER]
    assert {m["data-kit-group"] for m in phone.select("svg .kit-tri-mean")} == {"inwoner", "*"}
    assert (
        "Raad" not in phone.get_text() and "Ambtelijk" not in phone.get_text() and "Overige groepen" in phone.get_text()
    )
    dashboard = soup(block_html(block, DASHBOARD, "nl"))  # the facilitator: every place with its group
    assert {m["data-kit-group"] for m in dashboard.select("svg .kit-tri-mean")} == {"ambtelijk", "inwoner", "raad", "*"}
    # four places in all: nothing but the viewer's own, and no finding made of them
    own = (Placement("raad", (1, 1, 9), True),)
    few = Placements("driehoek", "Iedereen", "Groep", corners, groups, points[4:6] + own, intro="Zwakste hoek: kunnen.")
    alone = soup(block_html(few, PHONE, "nl"))
    assert len(alone.select("svg .kit-tri-point")) == 1 and alone.select("svg .kit-tri-you")  # the own place only
    assert "Zwakste" not in alone.get_text() and not alone.select(".kit-tri-mean")
