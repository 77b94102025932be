"""The participatieverslag (issue 31, point 4): a session told as a municipality reports participation.

Counts are worked out by hand from the people each test lets join. The printed verslag is measured on the
PDF Chromium makes of it, as ``test_report_pages`` measures the report: no page blank, no block broken
over two pages, no line wider than the page, the plain-words part on a page of its own.
"""

import json
import re
import subprocess
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from widgets.activities import BY_KEY
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.model.verslag import OUTCOME, STATE, check_outcome, who_took_part
from widgets.report.transfer import export_session, import_json
from widgets.report.verslag import build_verslag, verslag_pdf

from .test_looking_browser import KEYS, make_room
from .test_report_pages import HEADER_FOOTER

OUTCOME_TEXT = "Het college neemt de gedeelde waarden over in de woonvisie.\n\nDe raad bespreekt dit verslag in maart."


def meeting(store, people=(("Ambtelijk", 6), ("Inwoners", 5), ("Raad", 2), ("Corporatie", 1))):
    spec = SessionSpec(
        title="Woonvisie 2030",
        topic="wonen",
        municipality="Gouda",
        groups=tuple(label for label, _ in people),
        activities=("palet", "beoordelen", "leren"),
    )
    session, _ = store.create_session(spec)
    for group, (_, n) in zip(session.groups, people, strict=True):
        for _ in range(n):
            store.join(session.code, group.key)
    return session


def test_who_took_part_counts_per_group_and_folds_the_small_ones():
    people = [{"group": g} for g, n in (("amb", 6), ("inw", 5), ("raad", 2), ("corp", 1)) for _ in range(n)]
    groups = [("amb", "Ambtelijk"), ("inw", "Inwoners"), ("raad", "Raad"), ("corp", "Corporatie"), ("leeg", "Leeg")]
    # k = 5: Raad (2) and Corporatie (1) are hidden; together 3, fewer than 5, so the smallest group shown,
    # Inwoners (5), goes with them: 5 + 2 + 1 = 8 as "overige groepen"; the group nobody came from is left out
    assert who_took_part(people, groups) == ([("amb", "Ambtelijk", 6), ("_overige", "", 8)], 14)
    # k = 2: Corporatie (1) is hidden, and alone fewer than 2, so Raad (2), the smallest shown, joins it: 3
    assert who_took_part(people, groups, k=2) == (
        [("amb", "Ambtelijk", 6), ("inw", "Inwoners", 5), ("_overige", "", 3)],
        14,
    )


def test_the_verslag_says_how_who_what_was_asked_what_came_out_and_what_is_done(store):
    session = meeting(store)
    store.set_state(session.id, STATE, OUTCOME, check_outcome(OUTCOME_TEXT))
    soup = BeautifulSoup(build_verslag(export_session(store, session.id)), "html.parser")
    assert soup.h1.get_text() == "Participatieverslag: Woonvisie 2030"
    assert "deden 14 deelnemers mee aan de bijeenkomst ‘Woonvisie 2030’" in soup.select_one("#hoe").get_text()
    counts = {tr["data-kit-group"]: tr["data-kit-count"] for tr in soup.select("#wie tr[data-kit-group]")}
    labels = [tr.td.get_text() for tr in soup.select("#wie tbody tr[data-kit-group]") if tr.td]
    assert labels == ["Ambtelijk", "Overige groepen"]
    assert list(counts.values()) == ["6", "8", "14"] and "Raad" not in soup.select_one("#wie").get_text()
    asked = {li["data-kit-activity"]: li.get_text(" ", strip=True) for li in soup.select("#gevraagd li")}
    assert list(asked) == ["palet", "beoordelen", "leren"]
    assert "Welke publieke waarden doen ertoe bij wonen?" in asked["palet"]
    outcome = [p.get_text() for p in soup.select("#wat-ermee p")]
    assert outcome == [
        "Het college neemt de gedeelde waarden over in de woonvisie.",
        "De raad bespreekt dit verslag in maart.",
    ]
    plain = soup.select_one("#in-gewone-taal").get_text(" ", strip=True)
    assert "praatten 14 mensen mee over ‘Woonvisie 2030’" in plain
    assert "Ze hoorden bij deze groepen: Ambtelijk, Overige groepen." in plain
    assert "Elke groep noemde iets dat goed ging." in plain and "De raad bespreekt dit verslag in maart." in plain
    assert soup.select_one("#vervolg") is None  # not a follow-up
    english = BeautifulSoup(build_verslag(export_session(store, session.id), "en"), "html.parser")
    assert english.h1.get_text() == "Participation report: Woonvisie 2030"
    assert [tr.td.get_text() for tr in english.select("#wie tbody tr[data-kit-group]") if tr.td][-1] == "Other groups"


def test_the_plain_page_tells_every_activity_in_a_sentence_not_by_its_title(store):
    """A B1 reader gets a sentence per activity ("U beantwoordde een open vraag..."), never a bare title."""
    room = make_room(store, KEYS)
    data = export_session(store, store.session_by_code(room.code).id)
    for lang in ("nl", "en"):
        soup = BeautifulSoup(build_verslag(data, lang), "html.parser")
        did = [li.get_text(" ", strip=True) for li in soup.select("#in-gewone-taal li")]
        labels = {BY_KEY[key].label(lang) for key in KEYS}
        assert len(did) == len(KEYS)
        assert [line for line in did if line[-1] not in ".?!" or line in labels] == [], lang


def test_what_came_out_is_the_reports_own_summaries_and_a_follow_ups_change(store):
    from widgets.report.document import build_report

    room = make_room(store, ("palet", "beoordelen", "driehoek", "leren"))  # nine phones in four groups
    data = export_session(store, store.session_by_code(room.code).id)
    report = BeautifulSoup(build_report(data), "html.parser")
    verslag = BeautifulSoup(build_verslag(data), "html.parser")
    for part in ("#samenvatting-palet", "#samenvatting-leren"):  # the same words: reused, not computed again
        assert verslag.select_one(f"#uitkomsten {part}") == report.select_one(f"#samenvatting {part}")
    assert verslag.select_one("#uitkomsten").get_text().count("Te weinig deelnemers") == 0
    assert "Nog niet ingevuld" in verslag.select_one("#wat-ermee").get_text()
    after = json.loads(json.dumps(data))
    after["previous"] = data
    followed = BeautifulSoup(build_verslag(after), "html.parser").select_one("#vervolg")
    assert followed.select_one("#samenvatting-vervolg [data-kit-followup-leren]") is not None


def test_the_outcome_is_typed_on_the_dashboard_travels_in_the_export_and_a_bad_one_is_refused(sqlite_store):
    from widgets.views.verslag import OutcomeField

    session = meeting(sqlite_store)
    field = OutcomeField(sqlite_store, session, "nl")
    field.text.value = "x" * 3001
    field.save()
    assert "te lang: maximaal 3.000 tekens" in field.message.value and sqlite_store.state(session.id, STATE) == {}
    field.text.value = f"  {OUTCOME_TEXT}\r\n"
    field.save()
    assert "Opgeslagen" in field.message.value
    assert sqlite_store.state(session.id, STATE) == {OUTCOME: OUTCOME_TEXT}
    assert OutcomeField(sqlite_store, session, "nl").text.value == OUTCOME_TEXT  # reopened: the text is there
    data = export_session(sqlite_store, session.id)
    assert data["verslag"] == {OUTCOME: OUTCOME_TEXT}
    data["session"]["code"] = "ANDERS"
    copy, _, _ = import_json(sqlite_store, json.dumps(data))
    assert sqlite_store.state(copy.id, STATE) == {OUTCOME: OUTCOME_TEXT}
    data["verslag"] = {OUTCOME: "a\u202eb"}  # a text that would display as something else: the file changes nothing
    with pytest.raises(InputError):
        import_json(sqlite_store, json.dumps(data))


def test_the_dashboard_offers_the_verslag_beside_the_report(sqlite_store):
    from widgets.report.files import download
    from widgets.views.facilitator import FacilitatorApp

    session = meeting(sqlite_store)
    assert download(session, "verslag.pdf").filename == "participatieverslag-{code}.pdf"
    app = FacilitatorApp(params={}, cookies={}, store=sqlite_store, env={})
    app.show_dashboard(session, "sleutel")
    app.refresh()
    report_line = BeautifulSoup(app.downloads.value, "html.parser").find_all("p")[0]
    links = {a.get_text(): a["download"] for a in report_line.select("a.kit-download")}
    assert links["Participatieverslag (HTML)"] == f"participatieverslag-{session.code}.html"
    assert "Participatieverslag (PDF)" in report_line.get_text()  # a link, or the hint where Chromium is missing
    app.poller.stop()


# ------------------------------------------------------------------------------------------- printed


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    from widgets.store import open_store

    folder = tmp_path_factory.mktemp("verslag")
    store = open_store(f"sqlite:///{folder / 'kit.sqlite3'}")
    try:
        room = make_room(store, KEYS)
        session = store.session_by_code(room.code)
        store.set_state(session.id, STATE, OUTCOME, OUTCOME_TEXT)
        data = export_session(store, session.id)
    finally:
        store.backend.close()
    pdf = folder / "verslag.pdf"
    pdf.write_bytes(verslag_pdf(data))
    return build_verslag(data), lines_per_page(pdf)


def lines_per_page(pdf) -> list[dict]:
    """Per page: its lines of text (header and page number left out), the page's width and the rightmost word."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = xml.stdout.split("<body>", 1)[-1].rsplit("</body>", 1)[0]
    found = []
    for page in ElementTree.fromstring(f"<body>{text}</body>".replace('xmlns="http://www.w3.org/1999/xhtml"', "")).iter(
        "page"
    ):
        height, width = float(page.get("height")), float(page.get("width"))
        body = [
            line
            for line in page.iter("line")
            if HEADER_FOOTER < float(line.get("yMin")) and float(line.get("yMax")) < height - HEADER_FOOTER
        ]
        words = [" ".join(word.text or "" for word in line.iter("word")) for line in body]
        right = max((float(line.get("xMax")) for line in body), default=0)
        found.append({"lines": words, "text": " ".join(words), "width": width, "right": right})
    return found


def starts(page: dict, words: list) -> bool:
    """A line of the page starts with ``words`` (a block's first words: its heading), after a list's number."""
    lines = [line.split() for line in page["lines"]]
    return any(
        (line[1:] if line and re.fullmatch(r"\d+\.|•", line[0]) else line)[: len(words)] == words for line in lines
    )


def ends(page: dict, words: list) -> bool:
    """A line of the page ends with ``words`` (a block's last two), or with the last where it wrapped alone."""
    lines = [line.split() for line in page["lines"]]
    return any(
        line[-2:] == words or (line == words[-1:] and n and lines[n - 1][-1:] == words[:1])
        for n, line in enumerate(lines)
        if line
    )


def test_the_printed_verslag_keeps_each_block_on_one_page_within_the_margins(printed):
    html, found = printed
    assert all(page["lines"] for page in found), "a blank page"
    margin = 16 * 72 / 25.4  # the right margin of @page, in points
    assert all(page["right"] <= page["width"] - margin + 1 for page in found), [p["right"] for p in found]
    soup = BeautifulSoup(html, "html.parser")
    blocks = soup.select("#uitkomsten .kit-summary-item, #gevraagd li, #wie table")
    assert len(blocks) > 15
    for block in blocks:  # its first and its last words on the same page
        words = block.get_text(" ", strip=True).split()
        first, last = block.find(["h3", "b", "th"]).get_text(" ", strip=True).split()[:2], words[-2:]
        pages = [n for n, page in enumerate(found) if starts(page, first)]
        assert pages, first
        assert any(ends(found[n], last) for n in pages), f"{first} ... {last} broken over two pages"
    plain = [n for n, page in enumerate(found) if "In gewone woorden" in page["text"]]
    assert plain == [len(found) - 1] and found[-1]["lines"][0] == "In gewone woorden: voor wie meedeed"
