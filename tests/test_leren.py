"""Wat leren we nu? (Werken aan publieke waarde, §5.5): per group one success to build on, one thing to try.

The texts and counts below are the answers each test gives, counted by hand.
"""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup

from widgets.activities.leren.model import MAX_CHARS, check_answer, lines
from widgets.i18n import error_message
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.report.transfer import export_session

FORM = "form.kit-form-leren"


def workshop(store, inwoners=5, ambtelijk=6, raad=1):
    """Inwoners agree on one success (five of them, one without the full stop); the officials split 4 to 2 on
    what to try; the one council member says something of their own."""
    spec = SessionSpec(
        title="Woonvisie 2030",
        topic="wonen",
        municipality="Gouda",
        groups=("Inwoners", "Ambtelijk", "Raad"),
        activities=("palet", "leren"),
    )
    session, _ = store.create_session(spec)
    store.set_activity_open(session.id, "leren", True)
    keys = [g.key for g in session.groups]
    said = {
        keys[0]: [("De buurtavonden in de wijk.", "Eerder de huurders vragen")] * (inwoners - 1)
        + [("de buurtavonden in de wijk", "Eerder de huurders vragen")],
        keys[1]: [("Eén loket voor woningzoekenden", "Minder rapporten, meer gesprekken")] * (ambtelijk - 2)
        + [("Eén loket voor woningzoekenden", "Vaker samen de wijk in")] * 2,
        keys[2]: [("Snel besluiten over de bouwlocaties", "Minder moties, meer werkbezoeken")] * raad,
    }
    for group, answers in said.items():
        for success, differently in answers:
            person = store.join(session.code, group)
            store.submit(person.token, "leren", {"les": check_answer(success, differently)})
    return session


def test_two_short_texts_both_required_and_equal_words_count_once():
    cleaned = check_answer("  De buurtavonden ", "Eerder vragen")
    assert cleaned == {"succes": "De buurtavonden", "anders": "Eerder vragen"}
    for success, differently, field in (("", "x", "Het succes"), ("x", " ", "Wat u anders gaat proberen")):
        with pytest.raises(InputError) as refused:
            check_answer(success, differently)
        assert error_message(refused.value) == f"{field} is verplicht."
    with pytest.raises(InputError):
        check_answer("x" * (MAX_CHARS + 1), "y")
    with pytest.raises(InputError):
        check_answer("x\u202ey", "y")  # a text that would display as something else
    found = lines(["Samen de wijk in.", "samen de wijk in", "Iets anders", "Samen  de wijk in!"])
    assert [(line.text, line.count) for line in found] == [("Samen de wijk in.", 3), ("Iets anders", 1)]


def test_a_phone_sends_both_and_is_told_in_dutch_what_is_missing(kit, phone, new_session, kit_store):
    session = new_session(activities=("leren",))
    me = phone()
    me.join(session.code, "Inwoner")
    page = me.get(f"kit/{session.code}/leren")
    assert page.text("h1") == "Wat leren we nu?"  # the name the phone listed it by; the book's §5.5 is for the report
    page = me.submit(FORM, succes="De buurtavonden", anders="")
    assert page.errors() == ["Fout: Wat u anders gaat proberen is verplicht."]
    assert page.form(FORM).select_one("#succes").get_text() == "De buurtavonden"  # what was typed stays
    assert kit_store.my_answers(me.token(session.code), "leren") == {}
    page = me.submit(FORM, succes="De buurtavonden", anders="x" * 201)
    assert page.errors() == ["Fout: Wat u anders gaat proberen is te lang: maximaal 200 tekens."]
    page = me.submit(FORM, succes="De buurtavonden", anders="Eerder de huurders vragen")
    assert "Uw antwoord is opgeslagen." in page.text(".kit-notice")
    assert kit_store.my_answers(me.token(session.code), "leren") == {
        "les": {"succes": "De buurtavonden", "anders": "Eerder de huurders vragen"}
    }
    assert "Eerder de huurders vragen" in page.text("[data-kit-saved]")


def test_the_reports_first_page_names_each_groups_success_and_what_it_tries(store):
    from widgets.report.document import build_report

    soup = BeautifulSoup(build_report(export_session(store, workshop(store).id)), "html.parser")
    summary = soup.select_one("#samenvatting #samenvatting-leren")
    found = {li["data-kit-group"]: " ".join(li.get_text(" ").split()) for li in summary.select("li")}
    # the rule (k = 5): Raad (1) is hidden, and then Inwoners (5), the smallest group shown, so that the one
    # council member cannot be read off the room: Inwoners and Raad together as "Overige groepen" (6 people)
    ambtelijk = next(g for g in found if g != "_overige")
    assert list(found) == [ambtelijk, "_overige"] and "Raad" not in summary.get_text()
    # officials: one success (6x), two things to try (4x, 2x), the most sent first: one more line in the section
    assert found[ambtelijk] == (
        "Ambtelijk : Bouwt voort op: Eén loket voor woningzoekenden. Probeert anders: Minder rapporten, meer "
        "gesprekken. (nog 1 regel in het rapport)"
    )
    # the others: the buurtavonden 5x against 1x, the huurders 5x against 1x: two more lines
    assert found["_overige"] == (
        "Overige groepen : Bouwt voort op: De buurtavonden in de wijk. Probeert anders: Eerder de huurders "
        "vragen. (nog 2 regels in het rapport)"
    )
    section = soup.select_one("section#leren")
    counts = {e.get_text(" ", strip=True): e.get("data-kit-count") for e in section.select(".kit-text-entry")}
    assert counts["De buurtavonden in de wijk. 5×"] == "5"
    assert counts["Minder rapporten, meer gesprekken 4×"] == "4" and counts["Vaker samen de wijk in 2×"] == "2"


def test_the_export_has_both_texts_per_participant(store):
    from widgets.report.exports import csv_bytes

    data = export_session(store, workshop(store).id)
    rows = list(csv.DictReader(io.StringIO(csv_bytes(data, plain=True).decode()), delimiter=","))
    mine = [row for row in rows if row["activity"] == "Wat leren we nu?"]
    assert len(mine) == 2 * 12
    assert sum(row["value"] == "Vaker samen de wijk in" for row in mine) == 2


def test_a_follow_up_sets_last_times_try_next_to_this_times_success(store):
    from widgets.model.followup import compare
    from widgets.report.document import build_report

    before = export_session(store, workshop(store).id)
    after = json.loads(json.dumps(before))
    for answer in after["answers"]:
        if answer["activity"] == "leren" and answer["value"]["anders"] == "Eerder de huurders vragen":
            answer["value"] = {"succes": "Huurders vanaf het begin erbij", "anders": "Ook jongeren vragen"}
    after["previous"] = before
    change = compare(before, after).changes["leren"]
    inwoners = "_overige"  # Inwoners (5) and Raad (1) together, as the report folds them (k = 5)
    _, then, now = next(row for row in change.rows if row[0] == inwoners)
    assert then.anders[0].text == "Eerder de huurders vragen" and now.succes[0].text == "Huurders vanaf het begin erbij"
    soup = BeautifulSoup(build_report(after), "html.parser")
    row = soup.select_one(f'section#followup .kit-followup-leren tr[data-kit-group="{inwoners}"]')
    cells = [" ".join(td.get_text(" ").split()) for td in row.select("td")]
    assert cells == [
        "Eerder de huurders vragen Minder moties, meer werkbezoeken",
        "Huurders vanaf het begin erbij Snel besluiten over de bouwlocaties",
        "Ook jongeren vragen Minder moties, meer werkbezoeken",
    ]
    first = soup.select_one(f'#samenvatting-vervolg [data-kit-followup-leren] li[data-kit-group="{inwoners}"]')
    assert "vorige keer anders proberen: Eerder de huurders vragen; nu een succes: Huurders vanaf" in first.get_text()


def test_the_dashboard_names_every_group_the_phones_fold_the_small_ones(sqlite_store):
    from widgets.activities.leren.dashboard import Dashboard
    from widgets.activities.leren.results import blocks
    from widgets.render.blocks import PHONE, blocks_html

    session = workshop(sqlite_store)
    dashboard = Dashboard(sqlite_store, session, "nl")
    dashboard.refresh(session)
    captions = BeautifulSoup(dashboard.figures.value, "html.parser").select("caption")
    assert [c.get_text() for c in captions] == ["Inwoners", "Ambtelijk", "Raad"]
    phone = blocks_html(blocks({"leren": sqlite_store.answers(session.id, "leren")}, {}, session, "nl"), PHONE, "nl")
    assert "Raad" not in phone and "Overige groepen" in phone and "Minder moties, meer werkbezoeken" in phone


def test_a_paper_sheet_asks_both_texts_and_is_typed_in_as_a_phones_answer(sqlite_store):
    from widgets.report.paper import import_paper, template_csv
    from widgets.report.paper_sheet import sheet_html

    session = workshop(sqlite_store, inwoners=2, ambtelijk=2)
    data = export_session(sqlite_store, session.id)
    headings = template_csv(data, "leren", "nl").decode("utf-8-sig").strip().split(";")
    assert headings == ["Groep", "Blad", "Een succes om op voort te bouwen", "Eén ding dat we anders gaan proberen"]
    sheet = BeautifulSoup(sheet_html(data, "leren"), "html.parser")
    words = sheet.get_text(" ", strip=True)
    assert "niet afkijken en kopiëren, maar aanpassen" in words
    assert "Wat ging goed, en willen we vasthouden? Eén zin, hoogstens 200 tekens." in words
    assert [h.get_text() for h in sheet.select(".kit-paper-cell h2")] == headings[2:]
    assert "buurtavonden" not in words  # nobody's words are printed: a sheet is handed to anyone
    english = BeautifulSoup(sheet_html(data, "leren", "en"), "html.parser").get_text(" ", strip=True)
    assert "A success to build on" in english and "One thing we will try differently" in english

    typed = ";".join(headings) + "\nInwoners;1;Het wijkpanel;Eerder beginnen\n"
    assert import_paper(sqlite_store, session.id, "papier.csv", typed.encode("utf-8-sig"))["answers"] == 1
    paper = {a.participant: a.value for a in sqlite_store.answers(session.id, "leren") if a.participant == "papier-1"}
    assert paper == {"papier-1": {"succes": "Het wijkpanel", "anders": "Eerder beginnen"}}
    half = ";".join(headings) + "\nInwoners;2;Het wijkpanel;\n"
    with pytest.raises(InputError) as refused:
        import_paper(sqlite_store, session.id, "papier.csv", half.encode("utf-8-sig"))
    assert "Wat u anders gaat proberen is verplicht." in error_message(refused.value)
    assert "papier-2" not in {a.participant for a in sqlite_store.answers(session.id, "leren")}


def test_the_results_page_shows_the_own_texts_but_none_hidden_or_waiting(store):
    from widgets.model.moderation import all_texts
    from widgets.render.results import own_html

    session = workshop(store, inwoners=2, ambtelijk=2)
    me = store.join(session.code, session.groups[0].key)
    store.submit(me.token, "leren", {"les": check_answer("Koffie met de buren", "Vaker luisteren")})

    def own(lang="nl"):
        drawn = BeautifulSoup(own_html(export_session(store, session.id), session, me, lang), "html.parser")
        return " ".join(drawn.select_one('[data-kit-activity="leren"]').get_text(" ").split())

    assert own() == (
        "Wat leren we nu? Wat u hebt ingevuld Een succes om op voort te bouwen Koffie met de buren "
        "Eén ding dat we anders gaan proberen Vaker luisteren"
    )
    assert "A success to build on Koffie met de buren" in own("en")
    everything = all_texts(store.answers(session.id, everything=True))
    store.hide_text(session.id, next(t.key for t in everything if t.text == "Koffie met de buren"))
    assert "Koffie met de buren" not in own() and "Vaker luisteren" in own()
    store.set_approve_first(session.id, True)  # "Teksten eerst goedkeuren": the new words wait
    store.submit(me.token, "leren", {"les": check_answer("Koffie met de buren", "Samen de wijk in")})
    assert "Samen de wijk in" not in own() and "Vaker luisteren" not in own()
    assert own().endswith("Wat u hebt ingevuld Geen antwoorden.")
