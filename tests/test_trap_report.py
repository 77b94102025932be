"""Participatietrap nu en straks in the session report and the readable exports, built from an export alone."""

import csv
import io

from bs4 import BeautifulSoup
from openpyxl import load_workbook

from widgets.model.sessions import SessionSpec
from widgets.report.document import build_report
from widgets.report.exports import csv_bytes, xlsx_bytes
from widgets.report.transfer import export_session


def workshop(store, lang="nl", times=1):
    """Two officials (1->3 with a hostile note, 2->2) and a resident (4->1), each ``times`` over: groups of the
    default list."""
    session, _ = store.create_session(
        SessionSpec(
            title="Omgevingsvisie",
            topic="wonen",
            municipality="Ede",
            language=lang,
            activities=("trap",),
            groups=("Ambtelijk", "Inwoner"),
        )
    )
    store.set_activity_open(session.id, "trap", True)
    for group, now, should, note in (
        ("ambtelijk", 1, 3, "<b>Meer</b> ruimte =1+1"),
        ("ambtelijk", 2, 2, ""),
        ("inwoner", 4, 1, "Te vrijblijvend"),
    ) * times:
        someone = store.join(session.code, group)
        store.submit(someone.token, "trap", {"trede": {"now": now, "should": should, "note": note}})
    return export_session(store, session.id)


def test_the_report_shows_both_distributions_the_gap_and_the_notes(store):
    # five of each: every group at least k = 5, so the report shows each group's figures
    soup = BeautifulSoup(build_report(workshop(store, times=5)), "html.parser")
    section = soup.select_one("section#trap")
    assert section.select_one("h2").get_text() == "Participatietrap nu en straks"
    distribution = section.select_one('[data-kit-block="trap-distribution"]')
    rows = {
        (table["data-kit-item"], tr["data-kit-group"]): [td.get_text() for td in tr.select("td")]
        for table in distribution.select("table[data-kit-item]")
        for tr in table.select("tr[data-kit-group]")
    }
    # per question a row per group and everyone: the share of each rung (top rung first), then how many
    assert rows[("now", "ambtelijk")] == ["50%", "50%", "0%", "0%", "0%", "10"]
    assert rows[("now", "inwoner")] == ["0%", "0%", "0%", "100%", "0%", "5"]
    assert rows[("now", "*")] == ["33%", "33%", "0%", "33%", "0%", "15"]
    assert rows[("should", "ambtelijk")] == ["0%", "50%", "50%", "0%", "0%", "10"]
    assert rows[("should", "*")] == ["33%", "33%", "33%", "0%", "0%", "15"]
    gap = [" ".join(tr.get_text(" ").split()) for tr in section.select('[data-kit-block="trap-gap"] tr[data-kit-row]')]
    # ambtelijk now 1.5 should 2.5; inwoner 4 -> 1; room now 35/15 = 2.3, should 30/15 = 2.0
    assert gap == [
        "Ambtelijk 10 1,5 2,5 +1,0 5 5 0",
        "Inwoner 5 4,0 1,0 -3,0 0 0 5",
        "Alle deelnemers 15 2,3 2,0 -0,3 5 5 5",
    ]
    intros = [p.get_text() for p in section.select(".kit-block-intro")]
    assert intros[0] == "15 deelnemers hebben geantwoord."
    assert intros[1].startswith("Trede 1 is reguleren, 5 is loslaten.")
    summary = soup.select_one("#samenvatting-trap")
    assert (
        summary.select_one('[data-kit-trap="room"]')
        .get_text()
        .startswith("Gemiddeld nu trede 2,3, straks 2,0 (verschil -0,3;")
    )
    assert "Richting loslaten: 5; blijft staan: 5; richting reguleren: 5." in summary.get_text()
    assert summary.select_one('[data-kit-trap="widest"]').get_text() == "Grootste verschil: Inwoner (-3,0)."
    notes = [li.get_text() for li in soup.select("#toelichtingen .kit-report-note")]
    assert len(notes) == 10 and sorted(set(notes)) == [
        "Ambtelijk (Nu 1. Reguleren, straks 3. Stimuleren): <b>Meer</b> ruimte =1+1",
        "Inwoner (Nu 4. Faciliteren, straks 1. Reguleren): Te vrijblijvend",
    ]


def test_the_english_report_reads_in_english(store):
    soup = BeautifulSoup(build_report(workshop(store, "en", times=5)), "html.parser")
    assert soup.select_one("section#trap h2").get_text() == "Participation ladder: now and next"
    assert soup.select_one('section#trap th[data-kit-category="loslaten"]').get_text(strip=True) == "5. Letting go"


def test_the_csv_and_workbook_have_two_rows_per_participant(store):
    data = workshop(store)
    rows = list(csv.reader(io.StringIO(csv_bytes(data).decode("utf-8-sig")), delimiter=";"))
    mine = [row[:8] for row in rows[1:]]
    refs = [p["ref"] for p in data["participants"]]
    assert mine[:2] == [
        ["Ambtelijk", refs[0], "Participatietrap", "Trede nu", "1", "1. Reguleren", "", ""],
        [
            "Ambtelijk",
            refs[0],
            "Participatietrap",
            "Trede straks",
            "3",
            "3. Stimuleren",
            "",
            "<b>Meer</b> ruimte =1+1",  # the toelichting with the rung it explains, as typed
        ],
    ]
    assert len(mine) == 6 and mine[5][3:6] == ["Trede straks", "1", "1. Reguleren"]
    book = load_workbook(io.BytesIO(xlsx_bytes(data)))
    sheet = book["Participatietrap"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2, max_col=6)]
    assert values[0][3:6] == ["Trede nu", 1, "1. Reguleren"]
    assert isinstance(values[1][4], int)  # a rung stays a number
