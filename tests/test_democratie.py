"""Democratische waarden (Tabel 4.2): a local participation process scored on the table's six values.

Expected texts are the book's (Tabel 4.2, §4.2, after Michels & Binnema 2016), written down by hand;
expected figures are computed by hand from the answers each test gives.
"""

import csv
import io
import json
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from widgets.activities.democratie.model import KEYS, check_answer
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.report.transfer import export_session

FORM = "form.kit-form-democratie"
# Tabel 4.2, first and third columns, in the table's order (the book's words).
VALUES = ["Insluiting", "Invloed", "Deliberatie", "Burgerschap", "Transparantie", "Legitimiteit"]
INVLOED = "Wat gebeurt er met de input en ideeën van deelnemers?"


def workshop(store, language="nl", times=1):
    """Two groups of two (each person ``times`` over): they differ most on invloed (8, 8 against 4, 4), all endorse
    legitimiteit (7+)."""
    spec = SessionSpec(
        title="Participatie Woonvisie",
        topic="wonen",
        municipality="Gouda",
        language=language,
        groups=("Raadsleden", "Inwoners"),
        activities=("democratie",),
    )
    session, _ = store.create_session(spec)
    store.set_activity_open(session.id, "democratie", True)
    raad, inwoners = (g.key for g in session.groups)
    scores = {
        raad: [{"invloed": 8, "legitimiteit": 8, "insluiting": 6}, {"invloed": 8, "legitimiteit": 9, "insluiting": 5}],
        inwoners: [{"invloed": 4, "legitimiteit": 7, "insluiting": None}, {"invloed": 4, "legitimiteit": 8}],
    }
    for group, people in scores.items():
        for n, mine in enumerate(people * times):
            person = store.join(session.code, group)
            note = "Onze ideeën verdwenen in een la" if group == inwoners and n == 0 else ""
            store.submit(
                person.token,
                "democratie",
                {k: {"score": v, "note": note if k == "invloed" else ""} for k, v in mine.items()},
            )
    return session


def test_the_six_values_are_the_tables_in_its_order():
    assert KEYS == tuple(v.lower() for v in VALUES)
    assert check_answer("invloed", "7", " Goed ") == {"score": 7, "note": "Goed"}
    assert check_answer("invloed", None) == {"score": None, "note": ""}  # weet ik niet
    for bad in ("11", "0", "6,5", "veel"):
        with pytest.raises(InputError):
            check_answer("invloed", bad)
    with pytest.raises(InputError):
        check_answer("efficiency", "7")  # not one of the table's values


def test_a_phone_scores_one_value_per_screen_with_the_tables_question(kit, phone, new_session, kit_store):
    session = new_session(activities=("democratie",))
    me = phone()
    me.join(session.code, "Inwoner")
    page = me.get(f"kit/{session.code}/democratie")
    assert page.url.endswith("/democratie/1")
    assert page.text("h1") == "Democratische waarden (Tabel 4.2)" and page.text(".kit-progress") == "Stap 1 van 6"
    assert page.text("[data-kit-statement=insluiting]") == "Hoe divers is de deelnemersgroep?"
    # the table asks questions: how well the process does, not how much one agrees with a statement
    assert page.text("#score-hint") == "Hoe goed doet het proces het op deze vraag? (1 = heel slecht, 10 = uitstekend)"
    page = me.submit(FORM, score="7", note="Vooral bekende gezichten")
    assert page.url.endswith("/democratie/2")
    assert page.text("[data-kit-statement=invloed]") == INVLOED
    page = me.submit(FORM, score="11")  # refused in Dutch, nothing stored
    assert page.errors()
    assert "invloed" not in kit_store.my_answers(me.token(session.code), "democratie")
    page = me.submit(FORM, score="?")
    assert page.url.endswith("/democratie/3")
    assert kit_store.my_answers(me.token(session.code), "democratie") == {
        "insluiting": {"score": 7, "note": "Vooral bekende gezichten"},
        "invloed": {"score": None, "note": ""},
    }
    page = me.get(f"kit/{session.code}/democratie")  # resumes at the first value without an answer
    assert page.url.endswith("/democratie/3")


def test_the_report_shows_dissent_and_broad_agreement_per_group(store):
    from widgets.report.document import build_report

    data = export_session(store, workshop(store, times=5).id)  # ten in each group: k = 5 shows both
    soup = BeautifulSoup(build_report(data), "html.parser")
    section = soup.select_one("section#democratie")
    assert section.h2.get_text(strip=True) == "Democratische waarden (Tabel 4.2)"
    agenda = [li["data-kit-statement"] for li in section.select(".kit-agenda-dissent li[data-kit-statement]")]
    assert agenda[0] == "invloed"  # between-group gap 8 - 4 = 4, nobody differs within a group: dissent 4,0
    assert float(section.select_one('li[data-kit-statement="invloed"]')["data-kit-dissent"]) == pytest.approx(4.0)
    # legitimiteit: each group has ten scores of 7 or more: (10 + 1) / (10 + 2) squared = 0,840
    agreed = section.select_one('li[data-kit-agreed="legitimiteit"]')
    assert float(agreed["data-kit-agreement"]) == pytest.approx((11 / 12) ** 2, abs=0.001)  # three decimals
    summary = soup.select_one("#samenvatting-democratie").get_text(" ", strip=True)
    assert "Invloed" in summary and "Legitimiteit" in summary
    notes = soup.get_text(" ", strip=True)
    assert "Onze ideeën verdwenen in een la" in notes


def test_the_export_names_each_value_with_its_question(store):
    from widgets.report.exports import csv_bytes

    data = export_session(store, workshop(store).id)
    rows = list(csv.DictReader(io.StringIO(csv_bytes(data, plain=True).decode()), delimiter=","))
    items = {row["item"] for row in rows if row["activity"] == "Democratische waarden (Tabel 4.2)"}
    assert f"Invloed: {INVLOED}" in items
    dont_know = [row for row in rows if row["item"].startswith("Insluiting") and row["score"] == ""]
    assert len(dont_know) == 1 and dont_know[0]["value"] == "weet ik niet"


def test_a_paper_sheet_is_typed_in_as_a_phones_answers(store):
    from widgets.report.paper import import_paper, template_csv
    from widgets.report.paper_sheet import sheet_html

    session = workshop(store)
    data = export_session(store, session.id)
    headings = template_csv(data, "democratie", "nl").decode("utf-8-sig").strip().split(";")
    assert headings == ["Groep", "Blad", *VALUES]
    sheet = BeautifulSoup(sheet_html(data, "democratie"), "html.parser").get_text(" ", strip=True)
    assert INVLOED in sheet and "Hoe divers is de deelnemersgroep?" in sheet
    typed = ";".join(headings) + "\nInwoners;1;6;?;;;;8\n"
    counts = import_paper(store, session.id, "papier.csv", typed.encode("utf-8-sig"))
    assert counts
    paper = [a for a in store.answers(session.id, "democratie") if a.participant.startswith("papier-")]
    assert {a.item: a.value for a in paper} == {
        "insluiting": {"score": 6, "note": ""},
        "invloed": {"score": None, "note": ""},
        "legitimiteit": {"score": 8, "note": ""},
    }


def test_a_follow_up_shows_each_value_then_and_now(store):
    from widgets.model.followup import compare
    from widgets.report.document import build_report

    before = export_session(store, workshop(store).id)
    after = json.loads(json.dumps(before))
    for answer in after["answers"]:
        if answer["item"] == "invloed":
            answer["value"]["score"] = 6  # everyone now gives invloed a 6: the groups moved together
    after["previous"] = before
    change = compare(before, after)
    invloed = next(s for s in change.changes["democratie"].statements if s.key == "invloed")
    assert (invloed.room.then, invloed.room.now) == (6, 6)
    assert (invloed.dissent.then, invloed.dissent.now) == (pytest.approx(4.0), pytest.approx(0.0))
    section = BeautifulSoup(build_report(after), "html.parser").select_one("section#followup")
    assert section.select_one('tr[data-kit-statement="invloed"]') is not None


def test_the_results_page_shows_the_own_score_next_to_the_means(store):
    from widgets.activities.democratie.results import own
    from widgets.model.answers import answers_by_activity

    def invloed(times):
        session = workshop(store, times=times)
        answers = answers_by_activity(export_session(store, session.id)["answers"])
        raad = session.groups[0].key
        me = SimpleNamespace(ref=next(a.participant for a in answers["democratie"] if a.group == raad), group_key=raad)
        return {row["key"]: row for row in own(answers, {}, session, me, "nl")["rows"]}["invloed"]

    small = invloed(1)  # two in a group, four in the room: fewer than k = 5 make up either mean
    assert small["label"] == "Invloed" and small["own"] == "8" and small["group"] is None and small["room"] is None
    ten = invloed(5)
    assert ten["group"] == pytest.approx(8.0) and ten["room"] == pytest.approx(6.0)  # (10 x 8 + 10 x 4) / 20


def test_the_dashboard_draws_the_questions_the_means_and_the_agenda(sqlite_store):
    from widgets.activities.democratie.dashboard import Dashboard

    session = workshop(sqlite_store)
    view = Dashboard(sqlite_store, session, "nl")
    view.refresh(session)
    soup = BeautifulSoup(view.figures.value, "html.parser")
    assert [dt.get_text(strip=True) for dt in soup.select(".kit-democratie-questions dt")] == VALUES
    assert soup.select_one(".kit-results-table th[scope=col]").get_text(strip=True) == "Waarde"  # not "Stelling"
    assert soup.select_one('.kit-agenda-dissent li[data-kit-statement="invloed"]') is not None
