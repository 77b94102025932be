"""The paper fallback from the dashboard in Chromium: print the form, type the sheets into its table, add it."""

import subprocess

from openpyxl import load_workbook

from widgets.model.sessions import SessionSpec

from .browser import LOAD, group_count, show_tab


def save_download(page, name, tmp_path):
    with page.expect_download(timeout=60_000) as saving:
        page.locator(f'a.kit-download[download="{name}"]').click()
    path = tmp_path / name
    saving.value.save_as(path)
    return path


def add_file(page, path):
    with page.expect_file_chooser() as choosing:
        page.locator(".widget-upload").last.click()
    choosing.value.set_files(str(path))
    page.get_by_role("button", name="Antwoorden toevoegen (JSON, Excel of CSV)").click()


def test_typed_in_paper_sheets_count_as_participants_of_their_group(kit, kit_store, watched, tmp_path):
    session, key = kit_store.create_session(
        SessionSpec(title="Woonvisie 2030", topic="wonen", municipality="Gouda", activities=("beoordelen",))
    )
    page = watched().new_page()
    page.goto(kit.render_url("workshops/facilitator.ipynb", f"sessie={session.code}&sleutel={key}"))
    page.wait_for_selector(".kit-tabs", timeout=LOAD)
    show_tab(page, "Sessie")  # the session's files
    page.wait_for_selector("a.kit-download", timeout=LOAD)

    form = save_download(page, f"papier-{session.code}-beoordelen.pdf", tmp_path)
    text = subprocess.run(["pdftotext", str(form), "-"], capture_output=True, text=True, check=True).stdout
    assert session.code in text and "Blad nr." in text and "Inwoner" in text
    assert "(A4)" in subprocess.run(["pdfinfo", str(form)], capture_output=True, text=True, check=True).stdout

    table = save_download(page, f"papier-{session.code}-beoordelen.xlsx", tmp_path)
    book = load_workbook(table)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Groep", "Blad", "Rapportcijfer"]
    for sheet_number, grade in ((1, 6), (2, 8)):
        sheet.append(["Inwoner", sheet_number, grade] + [None] * (len(header) - 3))
    book.save(table)
    add_file(page, table)
    page.wait_for_selector(".kit-message-ok:has-text('2 deelnemers en 2 antwoorden')", timeout=20_000)
    page.wait_for_function(
        "() => document.querySelector('[data-kit-group=\"inwoner\"] .kit-count').textContent.trim() === '2'",
        timeout=10_000,
    )
    show_tab(page, "Beoordelen")  # the grades on their tab, drawn when it is chosen
    page.wait_for_selector(".kit-rate-grades .kit-grade-all:text-is('7,0')", timeout=10_000)
    show_tab(page, "Sessie")

    sheet.append(["Marsmannetjes", 3, 7] + [None] * (len(header) - 3))  # a group this session does not have
    book.save(table)
    add_file(page, table)
    page.wait_for_selector(".kit-message-error:has-text('Rij 4')", timeout=20_000)
    assert "Er is niets toegevoegd" in page.inner_text(".kit-message-error")
    assert group_count(page, "inwoner") == "2" and kit_store.participant_counts(session.id) == {"inwoner": 2}
