"""The session report from an export file alone: a summary first, every section, charts inline, offline, escaped;
an A4 PDF with page numbers."""

import datetime
import json
import re
import subprocess
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from widgets.activities.beoordelen.model import STATEMENTS
from widgets.model.sessions import SessionSpec
from widgets.report.document import build_report, report_pdf
from widgets.report.document import main as report_main
from widgets.report.files import json_bytes
from widgets.report.transfer import export_session

NOTE = "<script>window.__pwned=1</script>Te weinig sociale huur"


@pytest.fixture
def export_file(sqlite_store, tmp_path):
    store = sqlite_store
    session, _ = store.create_session(SessionSpec(title="Woonvisie <b>2030</b>", topic="wonen", municipality="Gouda"))
    for activity in ("palet", "prioriteren", "beoordelen", "driehoek"):
        store.set_activity_open(session.id, activity, True)
    # each of three people five times over: groups of ten and five, enough for the disclosure rule (k = 5)
    people = [store.join(session.code, g, name="Geheime Naam") for g in ("ambtelijk", "inwoner", "inwoner") * 5]
    for n, p in enumerate(people):
        i = n % 3
        store.submit(
            p.token,
            "palet",
            {"v": {"text": ["Betaalbaarheid", "betaalbaarheid", "Groen"][i], "cell": "individueel.materieel"}},
        )
        store.submit(p.token, "prioriteren", {"verdeling": {"betaalbaarheid": 70, "groen": 30}})
        store.submit(
            p.token,
            "beoordelen",
            {"cijfer": {"score": 6 + i, "note": ""}, "eerlijk": {"score": 4 + 2 * i, "note": NOTE if i == 1 else ""}},
        )
        store.submit(
            p.token,
            "driehoek",
            {
                "plaats": {"willen": 8, "mogen": 5 - i, "kunnen": 2 + i},
                "spanning.willen-mogen": {"severity": 3 + i, "note": "Raad wil sneller"},
                "route.willen-kunnen": {"route": "a"},
            },
        )
    path = tmp_path / "sessie.json"
    path.write_bytes(json_bytes(export_session(store, session.id), "nl"))  # the sessie.json download
    store.delete_session(session.id)  # the report needs nothing but the file
    return path


def test_report_from_an_export_file_has_every_section_and_no_names(export_file):
    report_main([str(export_file)])
    html = export_file.with_suffix(".rapport.html").read_text(encoding="utf-8")
    for section in ("sessie", "palet", "prioriteren", "beoordelen", "driehoek", "toelichtingen"):
        assert f'<section id="{section}"' in html
    assert "Woonvisie &lt;b&gt;2030&lt;/b&gt;" in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;Te weinig sociale huur" in html and NOTE not in html
    assert "Geheime Naam" not in html
    participants = json.loads(export_file.read_text())["participants"]
    assert not any(p["ref"] in html for p in participants)
    assert 'data-kit-item="betaalbaarheid" data-kit-count="10"' in html
    assert "Landelijk gemiddelde rapportcijfer voor Wonen: 6,8" in html


def test_report_opens_offline_in_chromium_with_charts_and_prints_to_pdf(export_file, browser):
    report_main([str(export_file), "--pdf"])
    html_path = export_file.with_suffix(".rapport.html")
    context = browser.new_context()
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: r.url.startswith("http") and requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(html_path.as_uri())
    page.wait_for_function(
        "() => window.Bokeh && Bokeh.documents.reduce((n, d) => n + d.roots().length, 0) === 2", timeout=30_000
    )
    assert requests == [] and errors == []
    assert page.evaluate("window.__pwned") is None
    context.close()
    text = subprocess.run(
        ["pdftotext", str(html_path.with_suffix(".pdf")), "-"], capture_output=True, text=True, check=True
    ).stdout
    for heading in (
        "Waardenpalet",
        "Prioriteren",
        "Beoordelen",
        "Strategische driehoek",
        "Toelichtingen van deelnemers",
    ):
        assert heading in text
    assert "Te weinig sociale huur" in text


# --- The first page's summary, A4 with page numbers, charts kept with their tables ---

DECEMBER_1 = datetime.datetime(2026, 12, 1, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam")).timestamp()
AXIS_ORDER = ("willen-mogen", "mogen-kunnen", "willen-kunnen")
# group, grade, statement scores, (willen, mogen, kunnen), severities in AXIS_ORDER, palette values
KNOWN = [
    (
        "ambtelijk",
        6,
        {
            "eerlijk": 2,
            "toegankelijk": 6,
            "rechtvaardig": 5,
            "gelijkheid": 5,
            "proportionaliteit": 4,
            "financieel": 3,
            "outcomes": 7,
        },
        (8, 5, 2),
        (2, 5, 3),
        ["Betaalbaarheid", "Veiligheid"],
    ),
    (
        "ambtelijk",
        7,
        {
            "eerlijk": 3,
            "toegankelijk": 6,
            "rechtvaardig": 7,
            "gelijkheid": 5,
            "proportionaliteit": 4,
            "financieel": 9,
            "outcomes": 7,
        },
        (6, 5, 4),
        (3, 4, 3),
        ["Betaalbaarheid"],
    ),
    (
        "inwoner",
        5,
        {
            "eerlijk": 9,
            "toegankelijk": 6,
            "rechtvaardig": 6,
            "gelijkheid": 5,
            "proportionaliteit": 7,
            "financieel": 6,
            "outcomes": 7,
        },
        (7, 3, 3),
        (2, 4, 3),
        ["betaalbaarheid", "Groen", "Veiligheid"],
    ),
    (
        "inwoner",
        6,
        {
            "eerlijk": 8,
            "toegankelijk": 6,
            "rechtvaardig": 6,
            "gelijkheid": 6,
            "proportionaliteit": 7,
            "financieel": 6,
            "outcomes": 7,
        },
        (9, 6, 1),
        (1, 5, 3),
        ["Betaalbaarheid", "Veiligheid"],
    ),
    (
        "inwoner",
        8,
        {
            "eerlijk": 9,
            "toegankelijk": 6,
            "rechtvaardig": 7,
            "gelijkheid": 4,
            "proportionaliteit": 7,
            "financieel": 6,
            "outcomes": 7,
        },
        (5, 4, 5),
        (2, 3, 3),
        ["Betaalbaarheid"],
    ),
]


def _answer(store, token, grade, scores, corners, severities, values, note=""):
    store.submit(token, "palet", {f"v{i}": {"text": v, "cell": "collectief.materieel"} for i, v in enumerate(values)})
    store.submit(token, "prioriteren", {"verdeling": {"betaalbaarheid": 60, "veiligheid": 40}})
    store.submit(
        token,
        "beoordelen",
        {"cijfer": {"score": grade, "note": note}, **{k: {"score": s, "note": ""} for k, s in scores.items()}},
    )
    store.submit(
        token,
        "driehoek",
        {
            "plaats": dict(zip(("willen", "mogen", "kunnen"), corners, strict=True)),
            **{f"spanning.{axis}": {"severity": s, "note": ""} for axis, s in zip(AXIS_ORDER, severities, strict=True)},
        },
    )


def _export(store, rows, language="nl", groups=None, title="Woonvisie 2030", note=""):
    spec = SessionSpec(
        title=title, topic="wonen", municipality="Gouda", language=language, **({"groups": groups} if groups else {})
    )
    session, _ = store.create_session(spec)
    for activity in ("palet", "prioriteren", "beoordelen", "driehoek"):
        store.set_activity_open(session.id, activity, True)
    for index, (group, *answers) in enumerate(rows):
        person = store.join(session.code, group, name=f"Geheime Naam {index}")
        _answer(store, person.token, *answers, note=note if index == 0 else "")
    data = export_session(store, session.id)
    data["session"]["created_at"] = DECEMBER_1
    return data


def _part(html: str, element_id: str) -> str:
    return re.search(rf'<section id="{element_id}".*?</section>', html, re.S).group(0)


def _summary(html: str) -> str:
    """The first page: from its heading to the first activity's section."""
    return html.split('<section id="samenvatting">')[1].split('class="kit-report-activity"')[0]


def _pdf_pages(pdf: bytes, tmp_path) -> list:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:.*\(A4\)", info), info
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def five(rows: list) -> list:
    """Each person five times over: the same means and shares, every group at least five, as the disclosure rule
    (k = 5) asks before the report shows a group's figures."""
    return [row for row in rows for _ in range(5)]


@pytest.fixture
def known(sqlite_store):
    return _export(sqlite_store, five(KNOWN))


def test_the_first_page_summarises_with_hand_computed_figures(known):
    html = build_report(known)
    summary = _summary(html)
    # Joined: 2 ambtelijk, 3 inwoner (each five times over), nobody from the other two groups.
    assert re.findall(r'data-kit-group="([^"]+)" data-kit-count="(\d+)"', _part(summary, "sessie")) == [
        ("bestuurlijk-politiek", "0"),
        ("ambtelijk", "10"),
        ("maatschappelijke-partner", "0"),
        ("inwoner", "15"),
        ("*", "25"),
    ]
    # Grade: (6 + 7 + 5 + 6 + 8) / 5 = 6.4 against the book's 6.8 for wonen; ambtelijk 6.5, inwoner 19/3 = 6.3.
    grade = _part(summary, "samenvatting-cijfer")
    assert "De zaal geeft gemiddeld een 6,4 (25 cijfers)." in grade
    assert "Het landelijk gemiddelde voor Wonen is 6,8: deze zaal zit er 0,4 onder." in grade
    assert re.search(r'"ambtelijk"><td>Ambtelijk</td><td>6,5</td><td>10</td>', grade)
    assert re.search(r'"inwoner"><td>Inwoner</td><td>6,3</td><td>15</td>', grade)
    # Dissent = within + between. Eerlijk: groups 2.5 and 8.67, gap 6.17, within 0.48 -> 6.6;
    # proportionaliteit: 4/4 vs 7/7/7 -> 3.0; financieel: 3/9 vs 6/6/6 -> within sqrt(18/5) = 1.9.
    dissent = _part(summary, "samenvatting-onenigheid")
    assert re.findall(r'data-kit-statement="(\w+)"', dissent) == ["eerlijk", "proportionaliteit", "financieel"]
    assert "onenigheid 6,6, gemiddeld 6,2 (25 scores)" in dissent
    # Broad agreement: per group (scores of 7+ + 1) / (scores + 2), multiplied. Outcomes, everyone 7:
    # 11/12 * 16/17 = 0.86. Eerlijk 2/3 vs 9/8/9 and proportionaliteit 4/4 vs 7/7/7: 1/12 * 16/17 = 0.08;
    # toegankelijk, everyone 6 (no dissent at all): 1/12 * 1/17. Only outcomes is above 0.25.
    agreement = _part(summary, "samenvatting-overeenstemming")
    assert re.findall(r'data-kit-statement="(\w+)"', agreement) == ["outcomes"]
    assert "overeenstemming 0,86, gemiddeld 7,0 (25 scores)" in agreement
    assert "Per groep het aandeel scores van 7 of hoger" in agreement and "boven 0,25" in agreement
    # Shared values: betaalbaarheid by all five (two groups), veiligheid by three; groen by one group only.
    palette = _part(summary, "samenvatting-palet")
    assert re.findall(r'data-kit-value="(\w+)" data-kit-groups="(\d)"', palette) == [
        ("betaalbaarheid", "2"),
        ("veiligheid", "2"),
    ]
    assert "Groen" not in palette
    # Corners: willen 35/5 = 7.0, mogen 23/5 = 4.6, kunnen 15/5 = 3.0 is the weakest.
    corner = _part(summary, "samenvatting-driehoek")
    assert 'data-kit-corner="kunnen">Kunnen: gemiddeld 3,0 uit 10 (25 deelnemers geplaatst).' in corner
    assert "willen 7,0 · mogen 4,6 · kunnen 3,0" in corner
    # Severities: mogen-kunnen 21/5 = 4.2, willen-kunnen 3.0, willen-mogen 10/5 = 2.0.
    tensions = _part(summary, "samenvatting-spanningen")
    assert re.findall(r'data-kit-axis="([\w-]+)"', tensions) == ["mogen-kunnen", "willen-kunnen", "willen-mogen"]
    assert "Mogen en kunnen</b>: gemiddeld 4,2 uit 5 (25 antwoorden)" in tensions
    # The points: betaalbaarheid 25 x 60, veiligheid 25 x 40.
    assert re.findall(r'data-kit-points="(\d+)"', _part(summary, "samenvatting-prioriteren")) == ["1500", "1000"]
    assert "1 december 2026" in html and "Geheime Naam" not in html


def test_each_summary_item_says_no_answers_when_there_are_none(sqlite_store):
    html = build_report(_export(sqlite_store, []))
    for element_id in (
        "samenvatting-palet",
        "samenvatting-prioriteren",
        "samenvatting-cijfer",
        "samenvatting-onenigheid",
        "samenvatting-overeenstemming",
        "samenvatting-driehoek",
        "samenvatting-spanningen",
    ):
        assert "Geen antwoorden." in _part(_summary(html), element_id), element_id


def test_broad_agreement_needs_two_groups(sqlite_store):
    summary = _summary(build_report(_export(sqlite_store, five(KNOWN[2:]))))  # only residents answered
    agreement = _part(summary, "samenvatting-overeenstemming")
    assert "vraagt scores van minstens twee groepen" in agreement and "data-kit-statement" not in agreement
    assert 'data-kit-statement="eerlijk"' in _part(summary, "samenvatting-onenigheid")  # dissent still shows


def test_each_chart_has_its_figures_as_a_table(known):
    html = build_report(known)
    radar = re.search(r'<figure class="kit-report-figure" id="figuur-radar">.*?</figure>', html, re.S).group(0)
    # Eerlijk: ambtelijk (2 + 3) / 2 = 2.5, inwoner 26/3 = 8.7, everyone 31/5 = 6.2; the groups nobody joined
    # have no column (a column of dashes would set them apart from a group too small to show)
    assert re.search(
        r'data-kit-statement="eerlijk"><th scope="row">Eerlijk</th><td>2,5</td>'
        r"<td>8,7</td><td><b>6,2</b></td>",
        radar,
    )
    assert 'data-root-id="' in radar  # the Bokeh chart itself sits in the same figure
    blocks = re.search(r'<figure class="kit-report-figure" id="figuur-blocks">.*?</figure>', html, re.S).group(0)
    # Financieel: one 3, one 9, three 6s (each five times over).
    counts = re.search(r'data-kit-statement="financieel">(.*?)</tr>', blocks).group(1)
    assert re.findall(r"<td>(\d*)</td>", counts) == ["", "", "5", "", "", "15", "", "", "5", ""]
    # the triangle is drawn (an SVG, no Bokeh) beside its tables: each group's mean place as shares of the corners
    triangle = BeautifulSoup(html, "html.parser").select_one('#driehoek [data-kit-block="driehoek"]')
    assert triangle.select_one("svg.kit-triangle") and len(triangle.select("svg .kit-tri-point")) == 25
    means = {
        tr["data-kit-group"]: [td.get_text() for td in tr.select("td")]
        for tr in triangle.select("table.kit-placements-means tbody tr")
    }
    # ambtelijk 8,5,2 and 6,5,4 (each of 15): willen (8 + 6) / 30 = 47 %, mogen 10 / 30 = 33 %, kunnen 6 / 30 = 20 %
    assert means["ambtelijk"] == ["47%", "33%", "20%", "10"]
    # inwoner 7,3,3 (of 13), 9,6,1 (of 16), 5,4,5 (of 14): willen (7/13 + 9/16 + 5/14) / 3 = 48.6 %, mogen 29.7 %
    assert means["inwoner"] == ["49%", "30%", "22%", "15"]
    # everyone: willen (14/15 + 7/13 + 9/16 + 5/14) / 5 = 47.8 %, mogen (10/15 + 3/13 + 6/16 + 4/14) / 5 = 31.2 %
    assert means["*"] == ["48%", "31%", "21%", "25"]
    levels = re.search(r'data-kit-block="driehoek-levels".*?</table>', html, re.S).group(0)
    everyone = re.findall(r'data-kit-group="\*"><span class="kit-score-value">([^<]*)<', levels)
    assert everyone == ["7,0", "4,6", "3,0"]  # willen, mogen, kunnen


def test_the_pdf_is_a4_numbered_and_starts_with_the_summary(known, tmp_path):
    pages = _pdf_pages(report_pdf(known), tmp_path)
    assert len(pages) > 1
    first = pages[0]
    assert "Pagina 1 van " + str(len(pages)) in first and f"Pagina 2 van {len(pages)}" in pages[1]
    assert "Woonvisie 2030" in pages[1].splitlines()[0]  # the title, small, in every page's header
    for figure in (
        "6,4 (25 cijfers)",
        "Eerlijk: onenigheid 6,6",
        "Kunnen: gemiddeld 3,0",
        "Mogen en kunnen:",
        "1 december 2026",
    ):
        assert figure in " ".join(first.split()), figure
    assert not any("Beoordelen" in line.strip()[:11] for line in first.splitlines())  # sections start after it


def test_a_large_session_keeps_the_block_chart_with_its_table(sqlite_store, tmp_path):
    crowd = [
        (
            ("ambtelijk", "inwoner", "bestuurlijk-politiek", "maatschappelijke-partner")[i % 4],
            5 + i % 5,
            {k: 1 + (i * 7 + j * 3) % 10 for j, k in enumerate(STATEMENTS)},
            (1 + i % 9, 2 + i % 7, 1 + i % 5),
            (1 + i % 5, 1 + (i + 2) % 5, 1 + (i + 4) % 5),
            ["Betaalbaarheid", f"Waarde {i % 6}"],
        )
        for i in range(40)
    ]
    pages = _pdf_pages(report_pdf(_export(sqlite_store, crowd, note="Te <b>traag</b>")), tmp_path)
    title, last_line = "Alle scores per stelling (elk blokje is één deelnemer)", "Aantal scores per cijfer"
    on = [n for n, text in enumerate(pages) if title in text]
    assert len(on) == 1 and last_line in pages[on[0]]
    assert re.search(r"^\s*Outcomes\s", pages[on[0]].split(title)[1], re.M)  # the table's last row, same page
    text = "".join(pages)
    assert "Te <b>traag</b>" in text and "Geheime Naam" not in text


def test_an_english_session_reads_in_english(sqlite_store, tmp_path):
    data = _export(
        sqlite_store,
        five([("resident", *KNOWN[0][1:]), ("civil-service", *KNOWN[1][1:])]),
        language="en",
        groups=("Civil service", "Resident"),
    )
    html = unescape(build_report(data))
    for text in (
        '<html lang="en">',
        "Summary",
        "Participants per group",
        "Most dissent",
        "Broadest agreement",
        "Weakest corner of the triangle",
        "The room's mean grade is 6.5 (10 grades).",
        "December 1, 2026",
    ):
        assert text in html, text
    assert "Samenvatting" not in html and "Geen antwoorden" not in html
    pages = _pdf_pages(report_pdf(data), tmp_path)
    assert f"Page 1 of {len(pages)}" in pages[0] and "December 1, 2026" in pages[0].splitlines()[0]


def test_participant_and_facilitator_text_stays_text(sqlite_store):
    title = "Woonvisie </style><script>window.__pwned=1</script>"
    data = _export(
        sqlite_store,
        [("inwoner", *KNOWN[2][1:5], ["<b>Groen</b>", "<script>x()</script>"])] * 5,  # five: k = 5
        title=title,
        note=NOTE,
    )
    data["answers"].append({**data["answers"][0], "participant": "p2", "group": "ambtelijk"})  # shared value
    html = build_report(data)
    assert html.count("</style>") == 1 and "<script>window.__pwned" not in html and "<script>x()" not in html
    assert "&lt;b&gt;Groen&lt;/b&gt;" in html and "<b>Groen</b>" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;Te weinig sociale huur" in html
    assert "Geheime Naam" not in html and not any(p["ref"] in html for p in data["participants"])


def test_every_activity_has_a_summary_for_the_first_page():
    import inspect

    from widgets.activities import ACTIVITIES

    for activity in ACTIVITIES:
        summary = activity.part("report", "summary")
        assert list(inspect.signature(summary).parameters) == ["answers", "state", "session", "lang"]
