"""Succesfactoren: the book's factors per domain as read, the room's tallies (by hand), the result blocks the
dashboard, phones, screen and report draw, and the report, exports, paper sheet, follow-up and results page."""

import csv
import io
import json
from dataclasses import replace
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from widgets.activities.succesfactoren.model import (
    ACTIVITY,
    check_answer,
    check_state,
    check_stored,
    current_domain,
    domain_of_topic,
    factors,
    holds_share,
    printed_n,
    suggestions,
    tally,
)
from widgets.i18n import error_message
from widgets.model.answers import Answer
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.report.transfer import export_session

from .sessions import a_session

GROUPS = ("raad", "ambt")
FIRST = "Durven experimenteren en om fouten te maken"  # Box 4.5's first factor, 13x of n=57


def answer(who, group, item, value):
    return Answer.from_dict({"activity": ACTIVITY, "participant": who, "group": group, "item": item, "value": value})


# d1: raad P1 volledig, P2 grotendeels, P3 deels, P4 weet niet; ambt P5 niet, P6 grotendeels; P7 in a removed group.
ANSWERS = [
    answer("P1", "raad", "d1", "volledig"),
    answer("P2", "raad", "d1", "grotendeels"),
    answer("P3", "raad", "d1", "deels"),
    answer("P4", "raad", "d1", "weet_niet"),
    answer("P5", "ambt", "d1", "niet"),
    answer("P6", "ambt", "d1", "grotendeels"),
    answer("P7", "weg", "d1", "volledig"),
    answer("P1", "raad", "w1", "niet"),  # an answer of another domain's box: not counted here
]
SESSION = replace(a_session((ACTIVITY,), (("raad", "Raadsleden"), ("ambt", "Ambtelijk"))), topic="lokale democratie")


def five(answers: list) -> list:
    """Every participant five times: the same percentages, each group large enough for the disclosure rule (k = 5)."""
    return [replace(a, participant=f"{a.participant}-{i}") for i in range(5) for a in answers]


def cells(row) -> list:
    return [" ".join(c.get_text(" ").split()) for c in row.select("th, td")]


def test_each_domain_has_its_boxs_factors_counts_and_n():
    democracy = factors("lokale_democratie")
    assert [f.key for f in democracy] == [f"d{n}" for n in range(1, 12)]
    assert (democracy[0].text("nl"), democracy[0].count, printed_n("lokale_democratie")) == (FIRST, 13, 57)
    assert democracy[0].text("en") == "Daring to experiment and to make mistakes"
    # Box 2.4: eleven factors, the first 13x, n=56 (its n is in the provenance only); Box 3.4: ten, 15x, n=55
    assert (len(factors("wonen")), factors("wonen")[0].count, printed_n("wonen")) == (11, 13, 56)
    assert (len(factors("arbeidsintegratie")), factors("arbeidsintegratie")[0].count) == (10, 15)
    assert printed_n("arbeidsintegratie") == 55
    assert len(suggestions("wonen", "nl")) == 5 and len(suggestions("lokale_democratie", "en")) == 4


@pytest.mark.parametrize(
    "topic, domain",
    [
        ("wonen", "wonen"),
        ("Woonvisie 2030", "wonen"),
        ("arbeidsintegratie", "arbeidsintegratie"),
        ("Participatiewet in de regio", "arbeidsintegratie"),
        ("lokale democratie", "lokale_democratie"),
        ("Inspraak bij het centrumplan", "lokale_democratie"),
        ("verkeersbeleid", "wonen"),  # no domain named: the first chapter's
    ],
)
def test_the_topic_picks_the_domain_until_the_facilitator_does(topic, domain):
    assert domain_of_topic(topic) == domain
    assert current_domain({}, topic) == domain
    assert current_domain({"domein": "arbeidsintegratie"}, topic) == "arbeidsintegratie"
    assert current_domain({"domein": "verkeer"}, topic) == domain  # a stored value no list offers is ignored


def test_answers_and_settings_are_checked_in_dutch():
    assert check_answer("d1", "grotendeels", "lokale_democratie") == "grotendeels"
    assert check_stored("w11", "weet_niet") == "weet_niet"
    for item, value, domain, message in (
        ("d1", "misschien", None, "Kies geldt niet, deels, grotendeels, volledig of weet ik niet."),
        ("w1", "deels", "lokale_democratie", "Deze succesfactor hoort niet bij deze sessie."),
        ("d12", "deels", None, "Deze succesfactor hoort niet bij deze sessie."),  # Box 4.5 has eleven
        ("a11", "deels", None, "Deze succesfactor hoort niet bij deze sessie."),  # Box 3.4 has ten
    ):
        with pytest.raises(InputError) as caught:
            check_answer(item, value, domain)
        assert error_message(caught.value, "nl") == message
    for item, value in (("x1", "deels"), ("d1", {"score": 3}), ("d1", None)):
        with pytest.raises(InputError):
            check_stored(item, value)
    assert check_state("domein", "wonen") == "wonen"
    for name, value in (("domein", "verkeer"), ("reveal", True)):
        with pytest.raises(InputError):
            check_state(name, value)


def test_the_tally_counts_levels_and_dont_know_apart():
    (d1, *rest) = tally(ANSWERS, "lokale_democratie", GROUPS)
    room = d1.room
    # niet P5, deels P3, grotendeels P2 P6, volledig P1 P7: six chose a level; weet niet P4 apart
    assert (room.counts, room.answered, room.dont_know) == (
        {"niet": 1, "deels": 1, "grotendeels": 2, "volledig": 2}, 6, 1
    )  # fmt: skip
    assert room.holds == 4 and holds_share(room) == pytest.approx(200 / 3)  # 4 of 6
    raad, ambt = d1.by_group["raad"], d1.by_group["ambt"]
    assert (raad.answered, raad.dont_know, raad.holds, ambt.answered, ambt.holds) == (3, 1, 2, 2, 1)
    assert len(rest) == 10 and all(r.room.answered == 0 for r in rest)  # w1's answer belongs to Box 2.4
    assert holds_share(rest[0].room) is None


def test_the_blocks_split_each_factor_with_the_books_count_in_its_label():
    from widgets.activities.succesfactoren.results import blocks

    shares, ideas = blocks({ACTIVITY: ANSWERS}, {}, SESSION, "nl")
    assert [c.label for c in shares.categories] == ["Geldt niet", "Deels", "Grotendeels", "Volledig"]
    assert (shares.dont_know, shares.n_label) == ("Weet ik niet", "n")
    assert "Box 4.5, n=57" in shares.intro and shares.title.endswith("(Lokale democratie)")
    assert [item.key for item in shares.items] == [f"d{n}" for n in range(1, 12)]
    first = shares.items[0]
    assert first.label == f"1. {FIRST} (landelijk 13×)"
    room, raad, ambt = first.lines
    assert (room.key, room.label, room.strong, room.n, room.dont_know) == ("*", "Deze zaal", True, 6, 1)
    assert room.shares == pytest.approx((100 / 6, 100 / 6, 200 / 6, 200 / 6))
    assert (raad.n, raad.dont_know) == (3, 1) and raad.shares == pytest.approx((0, 100 / 3, 100 / 3, 100 / 3))
    assert (ambt.n, ambt.shares) == (2, (50, 0, 50, 0))
    assert [line.key for line in shares.items[1].lines] == ["*"]  # nobody answered d2: the room's dashes only
    assert ideas.title == "Suggesties uit het boek (§4.5)"
    assert [e.text for e in ideas.sections[0].entries][
        0
    ] == "1. Veranker het thema stevig in de gemeentelijke organisatie"
    # the facilitator picks wonen: Box 2.4's factors (n=56), the §2.5 suggestions; P1's w1 counts now
    shares, ideas = blocks({ACTIVITY: ANSWERS}, {ACTIVITY: {"domein": "wonen"}}, SESSION, "en")
    assert shares.items[0].label.startswith("1. Working with partners") and "Box 2.4, n=56" in shares.intro
    assert shares.items[0].lines[0].n == 1 and len(ideas.sections[0].entries) == 5


def test_the_tables_write_the_figures_and_the_screen_shows_the_factors_only():
    from widgets.activities.succesfactoren.render import results_html
    from widgets.activities.succesfactoren.results import blocks
    from widgets.render.blocks import PHONE, REPORT, SCREEN

    drawn = blocks({ACTIVITY: five(ANSWERS)}, {}, SESSION, "nl")
    soup = BeautifulSoup(str(results_html(drawn, REPORT, "nl")), "html.parser")
    table = soup.select_one(f'[data-kit-block="{ACTIVITY}"] table[data-kit-item="d1"]')
    assert [cells(r) for r in table.select("tr")] == [
        ["Wie", "Geldt niet", "Deels", "Grotendeels", "Volledig", "n", "Weet ik niet"],
        ["Deze zaal", "17%", "17%", "33%", "33%", "30", "5"],  # 5, 5, 10, 10 of 30
        ["Raadsleden", "0%", "33%", "33%", "33%", "15", "5"],
        ["Ambtelijk", "50%", "0%", "50%", "0%", "10", "0"],
    ]
    assert "Veranker het thema stevig" in soup.select_one(f'[data-kit-block="{ACTIVITY}-suggesties"]').get_text()
    screen = BeautifulSoup(str(results_html(drawn, SCREEN, "nl")), "html.parser")
    assert screen.select(f'[data-kit-block="{ACTIVITY}-suggesties"]') == [] and len(screen.select("table")) == 11
    phone = BeautifulSoup(str(results_html(drawn, PHONE, "nl")), "html.parser")
    assert phone.select("table") == [] and phone.select(f'[data-kit-block="{ACTIVITY}-suggesties"]')


def test_a_group_under_k_shows_nothing_on_a_phone():
    from widgets.activities.succesfactoren.render import results_html
    from widgets.activities.succesfactoren.results import blocks
    from widgets.render.blocks import DASHBOARD, PHONE

    drawn = blocks({ACTIVITY: ANSWERS}, {}, SESSION, "nl")  # raad 4 people, ambt 2: under k = 5
    phone = BeautifulSoup(str(results_html(drawn, PHONE, "nl")), "html.parser")
    for group in GROUPS:  # no line of a group; the groups named once above the factors
        assert not phone.select(f'[data-kit-group="{group}"]')
    assert "Te weinig deelnemers om per groep te tonen: " in phone.get_text()
    dashboard = BeautifulSoup(str(results_html(drawn, DASHBOARD, "nl")), "html.parser")  # the facilitator sees all
    assert "50%" in dashboard.select_one('[data-kit-item="d1"] [data-kit-group="ambt"]').get_text()


def workshop(store, lang="nl", times=1, domain=None):
    """Three council members and one civil servant (each ``times`` over) mark Box 4.5's first two factors."""
    session, _ = store.create_session(
        SessionSpec(
            title="Raad Gouda", topic="lokale democratie", municipality="Gouda", language=lang,
            groups=("Raadsleden", "Ambtelijk"), activities=(ACTIVITY,),
        )
    )  # fmt: skip
    store.set_activity_open(session.id, ACTIVITY, True)
    if domain:
        store.set_state(session.id, ACTIVITY, "domein", domain)
    raad, ambt = (g.key for g in session.groups)
    for group, d1, d2 in (
        (raad, "volledig", "niet"),
        (raad, "grotendeels", "deels"),
        (raad, "deels", "weet_niet"),
        (ambt, "niet", "niet"),
    ) * times:
        person = store.join(session.code, group)
        store.submit(person.token, ACTIVITY, {"d1": d1, "d2": d2})
    return session


def test_the_report_shows_the_factors_and_names_what_holds_most_and_least(store):
    from widgets.report.document import build_report

    soup = BeautifulSoup(build_report(export_session(store, workshop(store, times=5).id)), "html.parser")
    section = soup.select_one(f"section#{ACTIVITY}")
    assert section.h2.get_text(strip=True) == "Succesfactoren"
    room = section.select_one('table[data-kit-item="d1"] tr[data-kit-group="*"]')
    assert cells(room) == ["Deze zaal", "25%", "25%", "25%", "25%", "20", "0"]  # five of each level
    d2 = section.select_one('table[data-kit-item="d2"] tr[data-kit-group="*"]')
    assert cells(d2) == ["Deze zaal", "67%", "33%", "0%", "0%", "15", "5"]  # niet 10, deels 5 of 15
    summary = soup.select_one(f"#samenvatting-{ACTIVITY}").get_text(" ", strip=True)
    assert f"het meest: {FIRST} (50% grotendeels of volledig, n=20)" in summary  # 10 of 20
    assert "het minst: De samenleving meer betrekken" in summary and "(0% grotendeels of volledig, n=15)" in summary


def test_a_small_room_gets_no_summary_figure(store):
    from widgets.report.document import build_report

    soup = BeautifulSoup(build_report(export_session(store, workshop(store).id)), "html.parser")
    assert "grotendeels of volledig" not in soup.get_text(" ")  # four people: under k = 5, no summary figure


def test_the_export_names_the_domain_the_factor_and_the_answer_in_words(store):
    from widgets.report.exports import csv_bytes

    data = export_session(store, workshop(store, lang="en").id)
    rows = list(csv.DictReader(io.StringIO(csv_bytes(data, plain=True).decode()), delimiter=","))
    mine = [r for r in rows if r["activity"] == "Success factors (Box 2.4, 3.4, 4.5)"]
    assert len(mine) == 8
    first = [r["value"] for r in mine if r["item"] == "Local democracy: 1. Daring to experiment and to make mistakes"]
    assert sorted(first) == ["Does not hold", "Fully", "Largely", "Partly"]
    assert sum(r["value"] == "Don't know" for r in mine) == 1


def test_a_paper_sheet_is_typed_in_as_a_phones_answers(store):
    from widgets.activities.succesfactoren.paper import read
    from widgets.model.paper import CellError
    from widgets.report.paper import import_paper, template_csv
    from widgets.report.paper_sheet import sheet_html

    session = workshop(store, domain="wonen")
    data = export_session(store, session.id)
    headings = template_csv(data, ACTIVITY, "nl").decode("utf-8-sig").strip().split(";")
    assert headings == ["Groep", "Blad", *(f"Factor {n}" for n in range(1, 12))]  # Box 2.4's eleven
    sheet = BeautifulSoup(sheet_html(data, ACTIVITY), "html.parser").get_text(" ", strip=True)
    assert "Succesfactoren: Wonen" in sheet and "Beschikken over voldoende bouwgrond" in sheet
    assert "Grotendeels" in sheet and "Weet ik niet" in sheet
    typed = ";".join(headings) + "\nAmbtelijk;1;volledig;?;Geldt niet;;;;;;;;Largely\n"
    assert import_paper(store, session.id, "papier.csv", typed.encode("utf-8-sig"))
    paper = [a for a in store.answers(session.id, ACTIVITY) if a.participant.startswith("papier-")]
    assert {a.item: a.value for a in paper} == {"w1": "volledig", "w2": "weet_niet", "w3": "niet", "w11": "grotendeels"}
    with pytest.raises(CellError) as caught:
        read({"w1": "misschien"})
    assert caught.value.field == "w1"


def test_a_follow_up_keeps_the_domain_and_shows_each_factor_then_and_now(store):
    from widgets.model.followup import compare
    from widgets.report.document import build_report
    from widgets.report.followup import create_followup

    before = export_session(store, workshop(store, times=5).id)
    after = json.loads(json.dumps(before))
    for a in after["answers"]:
        if a["item"] == "d1":
            a["value"] = "volledig"  # everyone now says the first factor holds fully
    after["previous"] = before
    change = compare(before, after).changes[ACTIVITY]
    (d1, shift), (d2, same) = change.factors[:2]
    assert (d1.key, shift.then, shift.now, shift.change) == ("d1", 50, 100, 50)  # 10 of 20, then 20 of 20
    assert (same.then, same.now) == (0, 0) and change.factors[2][1].then is None  # nobody marked d3
    section = BeautifulSoup(build_report(after), "html.parser").select_one("section#followup")
    assert cells(section.select_one('tr[data-kit-factor="d1"]')) == [f"1. {FIRST}", "50%", "100%", "+50"]

    earlier = export_session(store, workshop(store, domain="arbeidsintegratie").id)
    session, _ = create_followup(store, earlier)
    assert store.state(session.id, ACTIVITY)["domein"] == "arbeidsintegratie"


def test_the_results_page_shows_the_own_answer_next_to_the_shares_that_hold(store):
    from widgets.activities.succesfactoren.results import own
    from widgets.model.answers import answers_by_activity

    def first(times):
        session = workshop(store, times=times)
        answers = answers_by_activity(export_session(store, session.id)["answers"])
        raad = session.groups[0].key
        me = SimpleNamespace(ref=next(a.participant for a in answers[ACTIVITY] if a.group == raad), group_key=raad)
        (block,) = own(answers, {}, session, me, "nl")["blocks"]
        return {row.key: row for row in block.rows}["d1"]

    small = first(1)  # three in the group, four in the room: fewer than k = 5 make up either share
    assert small.label == f"1. {FIRST}" and small.cells == ("Volledig", None, None)
    assert first(5).cells == ("Volledig", pytest.approx(200 / 3), pytest.approx(50))  # 10 of 15; 10 of 20


def test_the_dashboard_shows_the_figures_and_stores_the_domain_it_is_given(sqlite_store):
    from widgets.activities.succesfactoren.dashboard import Dashboard

    session = workshop(sqlite_store)
    view = Dashboard(sqlite_store, session, "nl")
    view.refresh(session)
    assert view.domain.value == "lokale_democratie"  # the topic's
    soup = BeautifulSoup(view.figures.value, "html.parser")
    assert cells(soup.select_one('table[data-kit-item="d1"] tr[data-kit-group="*"]'))[-2:] == ["4", "0"]
    view.domain.value = "wonen"
    assert sqlite_store.state(session.id, ACTIVITY)["domein"] == "wonen"
    soup = BeautifulSoup(view.figures.value, "html.parser")
    assert soup.select_one('table[data-kit-item="w1"]') is not None and not soup.select('table[data-kit-item="d1"]')


def test_a_phone_marks_the_factors_and_a_refused_answer_stores_nothing(kit, phone, new_session, kit_store):
    session = new_session(activities=(ACTIVITY,), topic="lokale democratie")
    me = phone()
    me.join(session.code, "Inwoner")
    page = me.get(f"kit/{session.code}/{ACTIVITY}")
    assert page.text("h1") == "Succesfactoren" and page.text('[data-kit-factor="d1"]') == FIRST
    assert "Box 4.5" in page.text("main") and "n=57" in page.text("main")
    page = me.submit("form.kit-form-succesfactoren", d1="grotendeels", d2="weet_niet", d3="misschien")
    assert page.errors() == ["Fout: Kies geldt niet, deels, grotendeels, volledig of weet ik niet."]
    assert kit_store.my_answers(me.token(session.code), ACTIVITY) == {}
    page = me.submit("form.kit-form-succesfactoren", d1="grotendeels", d2="weet_niet")
    assert "Uw antwoorden zijn opgeslagen" in page.text("main") and page.checked("d1") == ["grotendeels"]
    assert kit_store.my_answers(me.token(session.code), ACTIVITY) == {"d1": "grotendeels", "d2": "weet_niet"}
    other = phone()
    other.join(session.code, "Inwoner")
    other.get(f"kit/{session.code}/{ACTIVITY}")
    page = other.submit("form.kit-form-succesfactoren")  # nothing chosen
    assert page.errors() == ["Fout: Kies bij minstens één factor een antwoord."]
    kit_store.set_state(session.id, ACTIVITY, "domein", "wonen")  # the facilitator picks wonen
    page = me.get(f"kit/{session.code}/{ACTIVITY}")
    assert page.text('[data-kit-factor="w2"]') == "Beschikken over voldoende bouwgrond" and "n=56" in page.text("main")
