"""A whole publieke waarde tafel in Chromium: four participants, two groups, every activity, the report."""

import csv
import re
import subprocess

from openpyxl import load_workbook

from .browser import (
    LOAD,
    add_value,
    answer_tension,
    group_count,
    join,
    place_in_triangle,
    rate,
    show_tab,
    to_tension,
)


def next_step(facilitator, key, bar=None):
    facilitator.get_by_role("button", name="Volgende stap").click()
    facilitator.wait_for_selector(f'.kit-tafel-step [data-kit-step="{key}"]', timeout=10_000)
    if bar:  # the control bar stands at the step's activity before it opens: one place, not two
        facilitator.wait_for_selector(f".kit-bar-activity:has(strong:text-is({bar!r}))", timeout=10_000)
    facilitator.locator(".kit-tafel-start button, button.kit-tafel-start").first.click()
    facilitator.wait_for_selector(".kit-tafel .kit-message-ok", timeout=10_000)


def download(facilitator, name, tmp_path):
    """Click the dashboard's link as a facilitator does and keep the file the browser saves."""
    with facilitator.expect_download(timeout=60_000) as saving:
        facilitator.locator(f'a.kit-download[download="{name}"]').click()
    path = tmp_path / name
    saving.value.save_as(path)
    assert saving.value.suggested_filename == name
    return path


def test_a_whole_session_from_welcome_to_report(kit, watched, tmp_path):
    facilitator = watched().new_page()
    facilitator.goto(kit.render_url("workshops/publieke-waarde-tafel.ipynb"))
    facilitator.wait_for_selector(".kit-f-title input", timeout=LOAD)
    facilitator.fill(".kit-f-title input", "Woonvisie 2030")
    facilitator.fill(".kit-f-municipality input", "Gouda")
    facilitator.get_by_role("button", name="Sessie aanmaken").click()
    facilitator.wait_for_selector(".kit-tafel-step", timeout=20_000)
    code = facilitator.inner_text("[data-kit-join-code]").strip()
    # five phones: the report shows an activity's figures from five participants on (the disclosure rule, k = 5)
    groups = ("Ambtelijk", "Ambtelijk", "Inwoner", "Inwoner", "Inwoner")
    people = [
        join(watched(viewport={"width": 375, "height": 740}) if i == 0 else watched(), kit, code, g)
        for i, g in enumerate(groups)
    ]

    next_step(facilitator, "palet")
    values = ("Betaalbaarheid", "betaalbaarheid", "Groen", "Inspraak", "Veiligheid")
    for page, value in zip(people, values, strict=True):
        add_value(page, value, "individueel, materieel")
    next_step(facilitator, "prioriteren", bar="Prioriteren")
    for page in people:  # each phone follows the run sheet to the next activity by itself
        page.wait_for_selector("form.kit-form-prioriteren input[data-kit-points]", timeout=5_000)
        page.locator("form.kit-form-prioriteren input[data-kit-points]").first.fill("100")
        page.get_by_role("button", name="Verdeling opslaan").click()
        page.wait_for_selector("text=Uw verdeling is opgeslagen.", timeout=10_000)
    next_step(facilitator, "beoordelen")
    for i, page in enumerate(people):
        rate(page, 6 + i if i < 4 else 7.5, [5 + i], note="Meer sociale huur nodig" if i == 2 else "")
    next_step(facilitator, "driehoek")
    for page in people:
        place_in_triangle(page)
    to_tension(people[3], "willen-kunnen")
    answer_tension(people[3], 5, "Te weinig mensen voor de uitvoering")
    next_step(facilitator, "spanningen")
    next_step(facilitator, "leren")  # the closing step (§5.5): each group's success and what it tries differently
    lessons = {
        "Ambtelijk": ("Eén loket", "Eerder de huurders vragen"),
        "Inwoner": ("De buurtavond", "Vaker de wijk in"),
    }
    for page, group in zip(people, groups, strict=True):
        page.wait_for_selector("form.kit-form-leren textarea#succes", timeout=5_000)
        page.fill("#succes", lessons[group][0])
        page.fill("#anders", lessons[group][1])
        page.get_by_role("button", name="Opslaan").click()
        page.wait_for_selector("text=Uw antwoord is opgeslagen.", timeout=10_000)
    facilitator.get_by_role("button", name="Volgende stap").click()
    facilitator.wait_for_selector('.kit-tafel-step [data-kit-step="afronding"]', timeout=10_000)

    show_tab(facilitator, "Sessie")  # the session's files
    report = download(facilitator, f"rapport-{code}.html", tmp_path)
    pdf = download(facilitator, f"rapport-{code}.pdf", tmp_path)

    page = watched().new_page()
    page.goto(report.as_uri())
    page.wait_for_function(
        "() => window.Bokeh && Bokeh.documents.reduce((n, d) => n + d.roots().length, 0) === 2", timeout=30_000
    )  # Beoordelen's two charts; the triangle is a drawing of its own
    assert page.locator("#driehoek svg.kit-triangle").count() == 1
    assert page.locator('#palet [data-kit-item="betaalbaarheid"][data-kit-count="2"]').count() == 1
    assert page.locator("#prioriteren tr").count() >= 2
    assert "Meer sociale huur nodig" in page.inner_text("#toelichtingen")
    assert "Te weinig mensen voor de uitvoering" in page.inner_text("#driehoek")
    assert page.locator("#sessie td").first.inner_text()
    # on the first page: both groups (two and three people, under k = 5) together as "overige groepen"
    lesson = page.inner_text("#samenvatting-leren")
    assert "Overige groepen" in lesson and "De buurtavond" in lesson and "Vaker de wijk in" in lesson
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for heading in ("Waardenpalet", "Prioriteren", "Beoordelen", "Strategische driehoek"):
        assert heading in text
    assert "Meer sociale huur nodig" in text

    # the PDF is A4, numbered, and its first page says what the dashboard says
    room_grade = facilitator.locator(".kit-rate-grades .kit-grade-all").first.text_content().strip()
    assert room_grade == "7,5"  # 6, 7, 8, 9 and 7,5
    counts = {key: group_count(facilitator, key) for key in ("ambtelijk", "inwoner")}
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert "(A4)" in info and pages > 1
    first = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"Pagina 1 van {pages}" in first
    assert f"gemiddeld een {room_grade} (5 cijfers)" in first
    for label, key in (("Ambtelijk", "ambtelijk"), ("Inwoner", "inwoner")):
        assert re.search(rf"{label}\s+{counts[key]}\b", first), (label, counts[key])
    last = subprocess.run(
        ["pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"Pagina {pages} van {pages}" in last

    # the answers as Dutch Excel opens them, and the workbook with typed numbers
    table = download(facilitator, f"sessie-{code}-antwoorden.csv", tmp_path).read_bytes()
    assert table.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    header, *rows = list(csv.reader(table.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert header[:3] == ["Groep", "Deelnemer", "Activiteit"]
    assert sorted(r[4] for r in rows if r[3] == "Rapportcijfer") == ["6", "7", "7,5", "8", "9"]
    book = load_workbook(download(facilitator, f"sessie-{code}.xlsx", tmp_path))
    sheet = book["Beoordelen"]
    grades = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True) if row[3] == "Rapportcijfer"]
    assert sorted(grades) == [6, 7, 7.5, 8, 9] and sheet.freeze_panes == "A2"
