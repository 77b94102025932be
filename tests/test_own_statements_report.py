"""Eigen stellingen in the report, the readable exports, an import and a follow-up, built from the store."""

import csv
import io
import json
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from widgets.activities.eigen.model import check_statements
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.report.document import build_report
from widgets.report.exports import csv_bytes, xlsx_bytes
from widgets.report.transfer import export_session

TEXTS = ["Onze wijkteams werken vanuit de bedoeling", "Inwoners weten ons te vinden", "We leren van <klachten>"]


def workshop(store, lang="nl", times=1):
    """The hand-computed room of tests/test_own_statements.py (each person ``times`` over): e2 has most dissent, e1
    broad agreement."""
    session, _ = store.create_session(
        SessionSpec(
            title="Sociaal domein",
            topic="wonen",
            municipality="Ede",
            language=lang,
            activities=("eigen",),
            groups=("Ambtelijk", "Inwoner"),
        )
    )
    store.set_state(session.id, "eigen", "statements", check_statements(TEXTS))
    store.set_activity_open(session.id, "eigen", True)
    for group, scores in (
        ("ambtelijk", {"e1": (8, ""), "e2": (4, ""), "e3": (7, "")}),
        ("ambtelijk", {"e1": (8, ""), "e2": (6, ""), "e3": (None, "Geen zicht op")}),
        ("inwoner", {"e1": (8, ""), "e2": (9, "<b>Nooit</b> bereikbaar"), "e3": (5, "")}),
    ) * times:
        someone = store.join(session.code, group)
        store.submit(someone.token, "eigen", {k: {"score": s, "note": n} for k, (s, n) in scores.items()})
    return session, export_session(store, session.id)


def test_the_report_shows_the_statements_means_agreement_and_dissent(store):
    _, data = workshop(store, times=5)  # ten officials and five residents: k = 5 shows both groups
    html = build_report(data)
    soup = BeautifulSoup(html, "html.parser")
    section = soup.select_one("section#eigen")
    assert section.select_one("h2").get_text() == "Eigen stellingen"
    assert [li.get_text() for li in section.select("[data-kit-own]")] == TEXTS
    means = {tr["data-kit-item"]: tr.get_text(" ", strip=True) for tr in section.select("tr[data-kit-item]")}
    assert means == {  # each statement with its row, under its number
        "e1": "Stelling 1 Onze wijkteams werken vanuit de bedoeling 8,0 8,0",
        "e2": "Stelling 2 Inwoners weten ons te vinden 5,0 9,0",
        "e3": "Stelling 3 We leren van <klachten> 7,0 5,0",
    }
    assert [li["data-kit-agreed"] for li in section.select("[data-kit-agreed]")] == ["e1"]
    # e1: all ten officials and all five residents score 7 or more: (10 + 1) / (10 + 2) x (5 + 1) / (5 + 2)
    assert section.select_one("[data-kit-agreed]")["data-kit-agreement"] == f"{11 / 12 * 6 / 7:.3f}"
    agenda = section.select(".kit-agenda-dissent li[data-kit-statement]")
    assert [(li["data-kit-statement"], li["data-kit-dissent"]) for li in agenda] == [
        ("e2", "4.816"),
        ("e3", "2.000"),
        ("e1", "0.000"),
    ]
    assert "Stelling 3: We leren van <klachten>" in agenda[1].get_text()
    assert "<klachten>" not in html and "<b>Nooit</b>" not in html  # escaped
    notes = [li.get_text() for li in soup.select("#toelichtingen .kit-report-note")]
    inwoner, ambtelijk = "Inwoner (Stelling 2): <b>Nooit</b> bereikbaar", "Ambtelijk (Stelling 3): Geen zicht op"
    assert notes == [inwoner] * 5 + [ambtelijk] * 5


def test_the_first_page_names_most_dissent_and_broadest_agreement(store):
    _, data = workshop(store, times=5)
    summary = BeautifulSoup(build_report(data), "html.parser").select_one("#samenvatting-eigen")
    dissent = [li["data-kit-statement"] for li in summary.select("li[data-kit-statement]")]
    assert dissent == ["e2", "e3", "e1"]
    assert (
        summary.select_one('li[data-kit-statement="e2"]')
        .get_text()
        .startswith("Stelling 2 Inwoners weten ons te vinden: onenigheid 4,8, gemiddeld 6,3 (15 scores)")
    )
    agreed = summary.select("li[data-kit-agreed]")
    assert [li["data-kit-agreed"] for li in agreed] == ["e1"]
    assert "overeenstemming 0,79" in agreed[0].get_text()


def test_the_english_report_numbers_the_statements_in_english(store):
    _, data = workshop(store, "en", times=5)
    section = BeautifulSoup(build_report(data), "html.parser").select_one("section#eigen")
    assert section.select_one("h2").get_text() == "Own statements"
    assert section.select_one('tr[data-kit-item="e2"] th').get_text(" ") == "Statement 2 Inwoners weten ons te vinden"


def test_the_csv_and_workbook_have_one_row_per_score_with_the_statement(store):
    _, data = workshop(store)
    rows = list(csv.reader(io.StringIO(csv_bytes(data).decode("utf-8-sig")), delimiter=";"))
    mine = [r for r in rows[1:] if "Eigen stellingen" in r]
    assert len(mine) == 9
    assert any("Stelling 2: Inwoners weten ons te vinden" in r and "9" in r for r in mine)
    dont_know = [r for r in mine if "weet ik niet" in r]
    assert len(dont_know) == 1 and "Geen zicht op" in dont_know[0]
    sheet = load_workbook(io.BytesIO(xlsx_bytes(data)))["Eigen stellingen"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2, max_col=6)]
    assert [v[3] for v in values].count("Stelling 1: Onze wijkteams werken vanuit de bedoeling") == 3
    assert all(isinstance(v[4], int) for v in values if v[5] != "weet ik niet")  # a score stays a number


def test_an_import_brings_the_statements_and_checks_the_scores(store):
    from widgets.report.transfer import import_json

    _, data = workshop(store)
    session, _, _ = import_json(store, json.dumps(data))
    assert [s["text"] for s in store.state(session.id, "eigen")["statements"]] == TEXTS
    assert len(store.answers(session.id, "eigen")) == 9
    data["answers"][0]["value"] = {"score": 11, "note": ""}
    with pytest.raises(InputError):
        import_json(store, json.dumps(data))


def test_a_follow_up_session_scores_the_same_statements(store):
    from widgets.report.followup import followup_of_session

    session, _ = workshop(store)
    later, _ = followup_of_session(store, session.id, "Een jaar later")
    assert later.activities == ("eigen",)
    assert store.state(later.id, "eigen")["statements"] == check_statements(TEXTS)


def test_the_participants_results_page_puts_the_own_scores_next_to_the_room(store):
    from widgets.render.results import own_html

    def rows(times):
        session, data = workshop(store, times=times)
        first = next(p for p in data["participants"] if p["group"] == "ambtelijk")  # scored 8, 4, 7
        me = SimpleNamespace(ref=first["ref"], group_key="ambtelijk")
        soup = BeautifulSoup(str(own_html(data, session, me, "nl")), "html.parser")
        return [" ".join(tr.get_text(" ").split()) for tr in soup.select("#resultaten-eigen tr[data-kit-item]")]

    # one other official and one resident: fewer than k = 5 make up any mean, so only the own scores
    assert rows(1) == [
        "Stelling 1: Onze wijkteams werken vanuit de bedoeling 8 – –",
        "Stelling 2: Inwoners weten ons te vinden 4 – –",
        "Stelling 3: We leren van <klachten> 7 – –",
    ]
    # ten officials, five residents: e1 8,0 and 8,0; e2 (5 x 4 + 5 x 6) / 10 = 5,0 and (50 + 45) / 15 = 6,3;
    # e3 five officials scored 7 (five said "weet ik niet"), five residents 5: 7,0 and 6,0
    assert rows(5) == [
        "Stelling 1: Onze wijkteams werken vanuit de bedoeling 8 8,0 8,0",
        "Stelling 2: Inwoners weten ons te vinden 4 5,0 6,3",
        "Stelling 3: We leren van <klachten> 7 7,0 6,0",
    ]
