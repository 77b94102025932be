"""The session report from an export file alone: every section, charts inline, offline, escaped; a PDF."""

import json
import subprocess

import pytest

from widgets.model.sessions import SessionSpec
from widgets.report import main as report_main
from widgets.store.transfer import export_json

NOTE = "<script>window.__pwned=1</script>Te weinig sociale huur"


@pytest.fixture
def export_file(sqlite_store, tmp_path):
    store = sqlite_store
    session, _ = store.create_session(SessionSpec(title="Woonvisie <b>2030</b>", topic="wonen", municipality="Gouda"))
    for activity in ("palet", "prioriteren", "beoordelen", "driehoek"):
        store.set_activity_open(session.id, activity, True)
    people = [store.join(session.code, g, name="Geheime Naam") for g in ("ambtelijk", "inwoner", "inwoner")]
    for i, p in enumerate(people):
        store.submit(p.token, "palet", {"v": {"text": ["Betaalbaarheid", "betaalbaarheid", "Groen"][i],
                                              "cell": "individueel.materieel"}})
        store.submit(p.token, "prioriteren", {"verdeling": {"betaalbaarheid": 70, "groen": 30}})
        store.submit(p.token, "beoordelen", {"cijfer": {"score": 6 + i, "note": ""},
                                             "eerlijk": {"score": 4 + 2 * i, "note": NOTE if i == 1 else ""}})
        store.submit(p.token, "driehoek", {"plaats": {"willen": 8, "mogen": 5 - i, "kunnen": 2 + i},
                                           "spanning.willen-mogen": {"severity": 3 + i, "note": "Raad wil sneller"},
                                           "route.willen-kunnen": {"route": "a"}})
    path = tmp_path / "sessie.json"
    path.write_text(export_json(store, session.id), encoding="utf-8")
    store.delete_session(session.id)  # the report needs nothing but the file
    return path


def test_report_from_an_export_file_has_every_section_and_no_names(export_file):
    report_main([str(export_file)])
    html = export_file.with_suffix(".rapport.html").read_text(encoding="utf-8")
    for section in ("sessie", "palet", "prioriteren", "beoordelen", "driehoek", "toelichtingen"):
        assert f'<section id="{section}">' in html
    assert "Woonvisie &lt;b&gt;2030&lt;/b&gt;" in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;Te weinig sociale huur" in html and NOTE not in html
    assert "Geheime Naam" not in html
    participants = json.loads(export_file.read_text())["participants"]
    assert not any(p["ref"] in html for p in participants)
    assert 'data-kit-value="betaalbaarheid" data-kit-count="2"' in html
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
        "() => window.Bokeh && Bokeh.documents.reduce((n, d) => n + d.roots().length, 0) === 3", timeout=30_000)
    assert requests == [] and errors == []
    assert page.evaluate("window.__pwned") is None
    context.close()
    text = subprocess.run(["pdftotext", str(html_path.with_suffix(".pdf")), "-"], capture_output=True, text=True,
                          check=True).stdout
    for heading in ("Waardenpalet", "Prioriteren", "Beoordelen", "Strategische driehoek", "Toelichtingen van deelnemers"):
        assert heading in text
    assert "Te weinig sociale huur" in text
