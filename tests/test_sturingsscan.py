"""Sturingsscan: the statements of Bijlage E as read, answers checked, shares, the widest element and the
room next to Bijlage G (expected values by hand), and the report and readable exports of a session."""

import io
import math
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from widgets.activities.sturingsscan.model import (
    ACTIVITY,
    ITEMS,
    benchmark,
    check_answer,
    check_stored,
    element_items,
    indicators,
    participant_shares,
    summarize,
)
from widgets.i18n import error_message
from widgets.model.answers import Answer
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError

from .sessions import a_session

GROUPS = ("raad", "ambt")


def scores(element, pa, npm, npg, sr) -> dict:
    """An element's eight answers, two per perspective, as item -> value."""
    return {
        f"{element}_{p}_{n}": v
        for p, pair in zip(("pa", "npm", "npg", "sr"), (pa, npm, npg, sr), strict=True)
        for n, v in zip((1, 2), pair, strict=True)
    }


def rows(who, group, values):
    return [
        Answer.from_dict({"activity": ACTIVITY, "participant": who, "group": group, "item": item, "value": value})
        for item, value in values.items()
    ]


# Points are score - 1. P1 (raad) beleid: pa 4,4 npm 2,2 npg 1,1 sr 1 (+ weet niet) -> 4, 2, 1, 1 of 8.
P1 = scores("beleid", (5, 5), (3, 3), (2, 2), (2, "weet_niet"))
# P2 (raad) beleid all 3 (2 points each); organisatie pa 1,1 npm 1,1 npg 5,5 sr 5,5 (0, 0, 4, 4).
P2 = scores("beleid", (3, 3), (3, 3), (3, 3), (3, 3)) | scores("organisatie", (1, 1), (1, 1), (5, 5), (5, 5))
# P3 (ambt) beleid pa 1,1 npm 1,1 npg 3,3 sr 5,5 (0, 0, 2, 4); organisatie only "weet niet".
P3 = scores("beleid", (1, 1), (1, 1), (3, 3), (5, 5)) | dict.fromkeys(element_items("organisatie"), "weet_niet")
P4 = scores("beleid", (1, 1), (1, 1), (1, 1), (1, 1))  # recognises nothing: no whole to take a share of
P5 = {"beleid_pa_1": 5}  # a group since removed, and only one perspective scored
ANSWERS = rows("P1", "raad", P1) + rows("P2", "raad", P2) + rows("P3", "ambt", P3) + rows("P4", "ambt", P4)
ANSWERS += rows("P5", "weg", P5)


def five(answers: list) -> list:
    """Every participant five times: the same shares and distances, each group large enough for the disclosure
    rule (k = 5) to let its figures reach participants."""
    return [replace(a, participant=f"{a.participant}-{i}") for i in range(5) for a in answers]


FIVE = five(ANSWERS)
SESSION = a_session(("sturingsscan",), (("raad", "Raadsleden"), ("ambt", "Ambtelijk")), title="Scan", id="s1")


def test_the_32_statements_of_bijlage_e_are_read_per_element_and_perspective():
    found = indicators()
    assert [i.key for i in found] == list(ITEMS) and len(found) == 32
    first = found[0]
    assert (first.element, first.perspective) == ("beleid", "pa")
    assert first.text("nl") == "Het beleid is vooral een nauwkeurige uitwerking van de relevante wet- en regelgeving."
    assert found[-1].text("en").startswith("Work shifts from supply-led to demand-led")
    # the phone mixes the perspectives: each one's first statement, then each one's second
    assert element_items("bekostiging")[:5] == (
        "bekostiging_pa_1", "bekostiging_npm_1", "bekostiging_npg_1", "bekostiging_sr_1", "bekostiging_pa_2"
    )  # fmt: skip


@pytest.mark.parametrize("value, cleaned", [("3", 3), (5, 5), (1.0, 1), (" 2 ", 2), ("weet_niet", "weet_niet")])
def test_a_score_from_one_to_five_or_dont_know_is_taken(value, cleaned):
    assert check_answer("beleid_pa_1", value) == cleaned
    assert check_stored("aansturing_sr_2", value) == cleaned


@pytest.mark.parametrize("value", ["0", "6", "drie", "", None, True, 2.5, "weet niet", [3]])
def test_other_values_are_refused_in_dutch(value):
    with pytest.raises(InputError) as caught:
        check_answer("beleid_pa_1", value)
    assert error_message(caught.value, "nl") == "Kies een score van 1 tot 5 of 'weet ik niet'."


def test_an_unknown_statement_is_refused():
    for item in ("beleid_pa_3", "stijl", "beleid"):
        with pytest.raises(InputError):
            check_stored(item, 3)


def test_a_participants_shares_are_points_above_not_at_all_as_part_of_the_whole():
    assert participant_shares(P1) == {"pa": 50.0, "npm": 25.0, "npg": 12.5, "sr": 12.5}
    # P2 overall: pa (2+2+0+0)/4 = 1, npm 1, npg (2+2+4+4)/4 = 3, sr 3 -> of 8
    assert participant_shares(P2) == {"pa": 12.5, "npm": 12.5, "npg": 37.5, "sr": 37.5}
    assert participant_shares(P2, "organisatie") == {"pa": 0.0, "npm": 0.0, "npg": 50.0, "sr": 50.0}
    assert participant_shares(P3, "organisatie") is None  # only "weet niet"
    assert participant_shares(P4) is None and participant_shares(P5) is None


def test_groups_and_the_room_average_their_participants_and_the_widest_element_is_named():
    result = summarize(ANSWERS, GROUPS, least=1)  # every group may be one of a pair, however small
    assert result.answered == 5  # P4 and P5 answered but give no distribution
    assert (result.room.n, result.by_group["raad"].n, result.by_group["ambt"].n) == (3, 2, 1)
    # room: P1 (50, 25, 12.5, 12.5), P2 (12.5, 12.5, 37.5, 37.5), P3 (0, 0, 33.3, 66.7)
    assert result.room.shares == pytest.approx({"pa": 62.5 / 3, "npm": 12.5, "npg": 250 / 9, "sr": 350 / 9})
    assert result.by_group["raad"].shares == pytest.approx({"pa": 31.25, "npm": 18.75, "npg": 25, "sr": 25})
    assert result.by_group["ambt"].shares == pytest.approx({"pa": 0, "npm": 0, "npg": 100 / 3, "sr": 200 / 3})
    assert result.room.dominant == ("sr",) and result.by_group["raad"].dominant == ("pa",)
    gaps = {gap.element: gap for gap in result.elements}
    # beleid: raad (37.5, 25, 18.75, 18.75) against ambt (0, 0, 33.3, 66.7)
    expected = math.sqrt(37.5**2 + 25**2 + (100 / 3 - 18.75) ** 2 + (200 / 3 - 18.75) ** 2)
    assert gaps["beleid"].distance == pytest.approx(expected) and gaps["beleid"].pair == ("raad", "ambt")
    assert gaps["organisatie"].distance is None  # ambt has no distribution there
    assert result.widest is gaps["beleid"]
    assert summarize([], GROUPS).widest is None and summarize([], GROUPS).room.shares is None


def test_a_pair_farthest_apart_is_made_only_of_groups_the_disclosure_rule_shows():
    # by default a group is one of a pair only with k = 5 participants with shares there: a distance to
    # ambt's one civil servant would be that person's answer
    assert summarize(ANSWERS, GROUPS).widest is None
    assert [gap.distance for gap in summarize(ANSWERS, GROUPS).elements] == [None] * 4
    result = summarize(FIVE, GROUPS)
    assert result.widest.element == "beleid" and result.widest.pair == ("raad", "ambt")
    assert result.widest.distance == pytest.approx(summarize(ANSWERS, GROUPS, least=1).widest.distance)


def test_the_room_among_municipalities_by_the_lessons_distance():
    room = {"pa": 25, "npm": 25, "npg": 25, "sr": 25}
    others = [("A", {"pa": 40, "npm": 20, "npg": 20, "sr": 20}), ("B", {"pa": 25, "npm": 25, "npg": 30, "sr": 20})]
    mark = benchmark(room, others)
    # A: sqrt(15² + 3 x 5²) = sqrt(300); B: sqrt(5² + 5²) = sqrt(50)
    assert (mark.nearest, mark.nearest_distance) == ("B", pytest.approx(math.sqrt(50)))
    assert mark.mean == {"pa": 32.5, "npm": 22.5, "npg": 25, "sr": 20}
    assert (mark.low["pa"], mark.high["pa"], mark.low["npg"]) == ((25, "B"), (40, "A"), (20, "A"))
    assert mark.below == {"pa": 0, "npm": 1, "npg": 1, "sr": 2} and mark.total == 2


def test_the_room_next_to_bijlage_g_as_lesson_09_reads_it():
    mark = benchmark({"pa": 25, "npm": 25, "npg": 25, "sr": 25})
    assert mark.total == 49
    assert [round(mark.mean[p], 1) for p in ("pa", "npm", "npg", "sr")] == [20.7, 21.2, 27.0, 31.0]
    assert (mark.low["pa"], mark.high["pa"]) == ((6.0, "Helmond"), (34.4, "Haarlemmermeer"))
    assert (mark.low["sr"], mark.high["sr"]) == ((10.9, "Arnhem"), (79.4, "Deventer"))
    # Hengelo (O.) 23.2 / 26.1 / 25.3 / 25.3: sqrt(1.8² + 1.1² + 0.3² + 0.3²) = sqrt(4.63)
    assert (mark.nearest, mark.nearest_distance) == ("Hengelo (O.)", pytest.approx(math.sqrt(4.63)))


def cells(row) -> list:
    return [" ".join(c.get_text(" ").split()) for c in row.select("th, td")]


def blocks_of(answers, session=SESSION, lang="nl"):
    from widgets.activities.sturingsscan.results import blocks

    return blocks({ACTIVITY: answers}, {}, session, lang)


def test_the_shares_block_has_a_line_per_group_that_answered_and_the_room_named_with_its_largest_share():
    shares, _, _ = blocks_of(FIVE)
    assert [(c.key, c.label, c.short) for c in shares.categories] == [
        ("pa", "Rechtmatige overheid (PA)", "PA"), ("npm", "Presterende overheid (NPM)", "NPM"),
        ("npg", "Netwerkende overheid (NPG)", "NPG"), ("sr", "Participerende overheid (SR)", "SR"),
    ]  # fmt: skip
    assert len({c.color for c in shares.categories}) == 4 and shares.digits == 1
    assert shares.intro == "Geantwoord: 25 · met een verdeling over de vier perspectieven: 15"  # P4, P5 have none
    (item,) = shares.items
    raad, ambt, room = item.lines
    assert [(x.key, x.label, x.full, x.n, x.strong) for x in item.lines] == [
        ("raad", "Raadsleden", "Raadsleden (vooral PA)", 10, False),
        ("ambt", "Ambtelijk", "Ambtelijk (vooral SR)", 5, False),
        ("*", "Deze zaal", "Deze zaal (vooral SR)", 15, True),
    ]
    # a line's name says its largest share only where its shares are shown: not of two council members and one civil
    # servant on a phone (a room of three), on the facilitator's dashboard it does
    from widgets.render.blocks import DASHBOARD, PHONE, block_html

    small = blocks_of(ANSWERS)[0]
    named = BeautifulSoup(str(block_html(small, PHONE, "nl")), "html.parser").select(".kit-score-group")
    assert [" ".join(x.get_text().split()) for x in named] == ["Deze zaal"]  # the groups: named once, above
    phone = BeautifulSoup(str(block_html(small, PHONE, "nl")), "html.parser").get_text()
    assert "Te weinig deelnemers om per groep te tonen: Raadsleden, Ambtelijk." in phone
    assert "Raadsleden (vooral PA)" in BeautifulSoup(str(block_html(small, DASHBOARD, "nl")), "html.parser").get_text()
    # raad: P1 (50, 25, 12.5, 12.5) and P2 (12.5, 12.5, 37.5, 37.5); ambt: P3 (0, 0, 33.3, 66.7); room: the three
    assert raad.shares == pytest.approx((31.25, 18.75, 25, 25))
    assert ambt.shares == pytest.approx((0, 0, 100 / 3, 200 / 3))
    assert room.shares == pytest.approx((62.5 / 3, 12.5, 250 / 9, 350 / 9))
    assert raad.color and ambt.color and raad.color != ambt.color and not room.color


def test_a_tie_names_both_perspectives_and_without_any_distribution_only_the_shares_block_says_so():
    only = five(rows("P2", "raad", P2))  # overall pa 1, npm 1, npg 3, sr 3 points: NPG and SR tie at 37.5
    (shares, _, _) = blocks_of(only)
    assert [x.full for x in shares.items[0].lines] == [
        "Raadsleden (vooral NPG en SR)", "Deze zaal (vooral NPG en SR)"
    ]  # fmt: skip
    (alone,) = blocks_of(rows("P4", "ambt", P4))  # recognises nothing: no whole to take a share of
    assert alone.items == ()
    assert alone.intro.startswith("Geantwoord: 1 · met een verdeling over de vier perspectieven: 0. Nog geen verdeling")


def test_the_elements_block_names_per_element_the_two_groups_farthest_apart_and_the_widest_first():
    _, elements, _ = blocks_of(FIVE)
    columns = [(c.key, c.label, c.unit) for c in elements.columns]
    assert columns == [("distance", "Afstand", ""), ("between", "Tussen", "")]
    beleid, *others = elements.rows
    # beleid: raad (37.5, 25, 18.75, 18.75) against ambt (0, 0, 33.3, 66.7)
    expected = math.sqrt(37.5**2 + 25**2 + (100 / 3 - 18.75) ** 2 + (200 / 3 - 18.75) ** 2)
    assert (beleid.label, beleid.cells[0], beleid.cells[1], beleid.strong) == (
        "Beleid", pytest.approx(expected), "Raadsleden en Ambtelijk", True
    )  # fmt: skip
    assert [(r.key, r.cells, r.strong) for r in others] == [
        (key, (None, "Nog geen twee groepen met een verdeling op dit element."), False)
        for key in ("organisatie", "bekostiging", "aansturing")
    ]
    assert elements.intro == "De groepen verschillen het meest op beleid: afstand 67,4 tussen Raadsleden en Ambtelijk."


def test_the_benchmark_block_sets_the_room_beside_the_49_with_units_and_the_nearest_municipality():
    from widgets.activities.sturingsscan.model import municipalities

    _, _, bench = blocks_of(FIVE)
    assert [(c.key, c.unit) for c in bench.columns] == [
        ("room", "%"), ("mean", "%"), ("low", ""), ("high", ""), ("rank", ""), ("nearest", "%")
    ]  # fmt: skip
    # the room (20.8, 12.5, 27.8, 38.9) against Delft (25.6, 12.8, 28.2, 33.3): the nearest of the 49
    room = (62.5 / 3, 12.5, 250 / 9, 350 / 9)
    delft = math.sqrt(sum((a - b) ** 2 for a, b in zip(room, (25.6, 12.8, 28.2, 33.3), strict=True)))
    assert bench.columns[-1].label == "Delft (dichtstbij)"
    assert bench.intro.startswith(f"Dichtstbijzijnde gemeente: Delft (afstand {delft:.1f}".replace(".", ","))
    pa = bench.rows[0]
    below = sum(1 for _, shares in municipalities() if shares["pa"] < room[0])
    assert pa.label == "Rechtmatige overheid (PA)"
    assert pa.cells == (
        pytest.approx(room[0]), pytest.approx(20.7, abs=0.05), "6,0% (Helmond)", "34,4% (Haarlemmermeer)",
        f"{below} van 49", 25.6,
    )  # fmt: skip


def cards(html) -> dict:
    """A phone's Facts cards: per row key the (heading, value) of each line."""
    soup = BeautifulSoup(str(html), "html.parser")
    return {
        card["data-kit-row"]: [(dt.get_text(), dd.get_text()) for dt, dd in zip(card("dt"), card("dd"), strict=True)]
        for card in soup.select("[data-kit-row]")
    }


def test_the_phone_draws_cards_with_every_percentage_and_the_screen_tables_without_the_method():
    from widgets.activities.sturingsscan.render import results_html
    from widgets.render.blocks import PHONE, REPORT, SCREEN

    found = blocks_of(FIVE)
    phone = BeautifulSoup(str(results_html(found, PHONE, "nl")), "html.parser")
    assert not phone.select("table")
    room = phone.select_one('[data-kit-block="sturingsscan-shares"] [data-kit-group="*"]')
    assert [p.get_text().replace("\xa0", " ") for p in room.select(".kit-share-part")] == [
        "PA 20,8%", "NPM 12,5%", "NPG 27,8%", "SR 38,9%"
    ]  # fmt: skip
    bench = cards(phone.select_one('[data-kit-block="sturingsscan-benchmark"]'))
    assert bench["sr"][:4] == [
        ("Deze zaal", "38,9%"), ("Gemiddelde van de 49", "31,0%"), ("Laagste", "10,9% (Arnhem)"),
        ("Hoogste", "79,4% (Deventer)"),
    ]  # fmt: skip
    assert cards(phone.select_one('[data-kit-block="sturingsscan-elements"]'))["beleid"] == [
        ("Afstand", "67,4"), ("Tussen", "Raadsleden en Ambtelijk")
    ]  # fmt: skip
    assert len(phone.select(".kit-method")) == 3
    screen = BeautifulSoup(str(results_html(found, SCREEN, "nl")), "html.parser")
    assert screen.select(".kit-method") == []
    raad = screen.select_one('[data-kit-block="sturingsscan-shares"] tr[data-kit-group="raad"]')
    assert cells(raad)[1:] == ["31,2%", "18,8%", "25,0%", "25,0%", "10"]  # 31.25 rounds half to even (Babel)
    report = BeautifulSoup(str(results_html(found, REPORT, "nl")), "html.parser")
    assert len(report.select(".kit-method")) == 3
    assert cells(report.select_one('[data-kit-block="sturingsscan-elements"] tr.kit-block-strong')) == [
        "Beleid", "67,4", "Raadsleden en Ambtelijk"
    ]  # fmt: skip


def workshop(store, lang="nl", times=1):
    """A sturingsscan session: two council members and one civil servant, P1-P3 above (each ``times`` over)."""
    from widgets.report.transfer import export_session

    session, _ = store.create_session(
        SessionSpec(
            title="Scan <b>Gouda</b>",
            topic="wonen",
            municipality="Gouda",
            language=lang,
            groups=("Raadsleden", "Ambtelijk"),
            activities=("sturingsscan",),
        )
    )
    store.set_activity_open(session.id, "sturingsscan", True)
    raad, ambt = (g.key for g in session.groups)
    for group, values in ((raad, P1), (raad, P2), (ambt, P3)) * times:
        person = store.join(session.code, group)
        store.submit(person.token, "sturingsscan", values)
    return export_session(store, session.id)


def test_the_report_shows_the_shares_the_widest_element_and_the_nearest_municipality(store):
    from widgets.report.document import build_report

    soup = BeautifulSoup(build_report(workshop(store, times=5)), "html.parser")  # five of each: k = 5
    section = soup.select_one("section#sturingsscan")
    assert section.h2.get_text(strip=True) == "Sturingsscan"
    room = section.select_one('[data-kit-block="sturingsscan-shares"] tr[data-kit-group="*"]')
    assert room.select_one('td[data-kit-category="sr"]').get_text(strip=True) == "38,9%"
    widest = section.select_one('[data-kit-block="sturingsscan-elements"] tr.kit-block-strong')
    assert cells(widest) == ["Beleid", "67,4", "Raadsleden en Ambtelijk"]
    assert section.select_one('[data-kit-block="sturingsscan-benchmark"] caption').get_text() == (
        "Naast de 49 gemeenten (Bijlage G)"
    )
    summary = soup.select_one("#samenvatting-sturingsscan").get_text(" ")
    assert "In deze zaal heeft Participerende overheid (SR) het grootste aandeel: 38,9% (N=15)." in summary
    assert "De groepen verschillen het meest op beleid" in summary and "Van de 49 gemeenten van Bijlage G" in summary


def test_the_readable_exports_name_element_perspective_and_statement(sqlite_store):
    from widgets.report.exports import COLUMNS, csv_bytes, xlsx_bytes

    data = workshop(sqlite_store, lang="en")
    text = csv_bytes(data).decode("utf-8-sig")
    assert "Steering scan" in text
    assert "Policy · Lawful government (PA) · Policy is mainly a precise elaboration" in text
    sheet = load_workbook(io.BytesIO(xlsx_bytes(data)))["Steering scan"]
    found = [row for row in sheet.iter_rows(values_only=True) if len(row) == len(COLUMNS)]
    value, score = COLUMNS.index("value"), COLUMNS.index("score")
    answered = [r for r in found if r[value] in ("1", "2", "3", "4", "5", "Don't know")]
    assert len(answered) == len(P1) + len(P2) + len(P3)  # 8 + 16 + 16
    assert sum(1 for r in answered if r[value] == "Don't know") == 1 + 8
    assert sorted({r[score] for r in answered if r[value] == "5"}) == [5]
    shares = [
        r for r in load_workbook(io.BytesIO(xlsx_bytes(data)))["Steering scan shares"].iter_rows(values_only=True)
    ]
    assert shares[0] == ("Participant", "Group", "Share PA (%)", "Share NPM (%)", "Share NPG (%)", "Share SR (%)")
    assert [r[1:] for r in shares[1:]] == [
        ("Raadsleden", 50, 25, 12.5, 12.5), ("Raadsleden", 12.5, 12.5, 37.5, 37.5), ("Ambtelijk", 0, 0, 33.3, 66.7)
    ]  # fmt: skip


def test_a_sessions_file_imports_back_and_a_score_out_of_range_is_refused_with_its_row(sqlite_store):
    import json

    from widgets.report.transfer import checked_answers, import_json

    data = workshop(sqlite_store)
    data["session"]["code"] = "ZZZ999"  # a new session beside the original
    session, _, _ = import_json(sqlite_store, json.dumps(data))
    back = {(a.item, a.value) for a in sqlite_store.answers(session.id, "sturingsscan")}
    assert back == {(a["item"], a["value"]) for a in data["answers"]}
    broken = [dict(data["answers"][0], value=6)]
    with pytest.raises(InputError) as caught:
        checked_answers(broken, ("sturingsscan",))
    assert "Kies een score van 1 tot 5" in error_message(caught.value, "nl")


def test_the_results_page_shows_the_own_shares_and_a_mean_only_where_enough_make_it_up():
    from widgets.model.sessions import Participant
    from widgets.render.results import own_html

    def own(answers, ref):
        data = {"answers": [a.to_dict() for a in answers], "state": {}}
        me = Participant("token", ref, "s1", "raad")
        return BeautifulSoup(str(own_html(data, SESSION, me, "nl")), "html.parser")

    # P1's group has one other (P2), the room three: with k = 5 neither mean is shown, only P1's own shares
    found = cards(own(ANSWERS, "P1").select_one('[data-kit-activity="sturingsscan"]'))
    assert found["pa"] == [("U", "50,0%"), ("Uw groep", "–"), ("Iedereen", "–")]
    # five of each: raad (10) and the room (15) are shown
    section = own(FIVE, "P1-0").select_one('[data-kit-activity="sturingsscan"]')
    assert not section.select("table")  # a card per perspective: a 320 px phone has no room for four columns
    found = cards(section)
    assert found["pa"] == [("U", "50,0%"), ("Uw groep", "31,2%"), ("Iedereen", "20,8%")]  # every share with its unit
    assert found["sr"] == [("U", "12,5%"), ("Uw groep", "25,0%"), ("Iedereen", "38,9%")]
    assert section.select_one('[data-kit-row="pa"] .kit-score-label').get_text() == "Rechtmatige overheid (PA)"
    assert "Aandelen in procenten" in section.get_text()
